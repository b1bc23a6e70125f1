/* test_text.c - UTF-8 decoding, display widths, cutting at a width without
 * splitting a character, and the sanitiser for untrusted text (text.h).
 * Widths need an UTF-8 LC_CTYPE: C.UTF-8 (glibc counts CJK as 2 columns). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"
#include "wincase/validate.h"

#define ZHANG "\xe5\xbc\xa0" /* 张 U+5F20 */
#define SAN   "\xe4\xb8\x89" /* 三 U+4E09 */
#define FFFD  "\xef\xbf\xbd"

static int setup_locale(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	return 0;
}

static void test_decode_table(void **state)
{
	static const struct {
		const char *bytes;
		size_t len;
		size_t want_used;
		wchar_t want_cp;
	} cases[] = {
	    {"A", 1, 1, L'A'},
	    {"\xc3\xa9", 2, 2, 0xE9},		 /* é */
	    {ZHANG, 3, 3, 0x5F20},		 /* 张 */
	    {"\xf0\x9f\x98\x80", 4, 4, 0x1F600}, /* emoji */
	    {"\xf4\x8f\xbf\xbf", 4, 4, 0x10FFFF},
	    {"\x80", 1, 1, 0xFFFD},		/* lone continuation */
	    {"\xc0\xaf", 2, 1, 0xFFFD},		/* overlong '/' */
	    {"\xc1\xbf", 2, 1, 0xFFFD},		/* overlong */
	    {"\xe0\x80\xaf", 3, 1, 0xFFFD},	/* overlong, 3 bytes */
	    {"\xf0\x80\x80\xaf", 4, 1, 0xFFFD}, /* overlong, 4 bytes */
	    {"\xed\xa0\x80", 3, 1, 0xFFFD},	/* surrogate D800 */
	    {"\xf4\x90\x80\x80", 4, 1, 0xFFFD}, /* past U+10FFFF */
	    {"\xf5\x80\x80\x80", 4, 1, 0xFFFD},
	    {"\xff", 1, 1, 0xFFFD},
	    {ZHANG, 2, 1, 0xFFFD},	    /* truncated by len */
	    {"\xe5\xbc\x41", 3, 1, 0xFFFD}, /* truncated by a new char */
	    {FFFD, 3, 3, 0xFFFD},	    /* a real U+FFFD */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		wchar_t cp = 0;
		size_t used = text_decode(cases[i].bytes, cases[i].len, &cp);

		if (used != cases[i].want_used || cp != cases[i].want_cp)
			fail_msg(
			    "decode case %zu: used %zu cp U+%04X, want %zu "
			    "U+%04X",
			    i, used, (unsigned)cp, cases[i].want_used,
			    (unsigned)cases[i].want_cp);
	}
	{
		wchar_t cp = L'x';

		assert_int_equal(text_decode("", 0, &cp), 0);
	}
}

static void test_encode_round_trip(void **state)
{
	static const wchar_t cps[] = {0x0,    0x41,    0x7F,	0x80,
				      0x7FF,  0x800,   0x5F20,	0xFFFD,
				      0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
	char buf[4];

	(void)state;
	for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		wchar_t back = 0;
		size_t n = text_encode(cps[i], buf);

		assert_true(n >= 1 && n <= 4);
		assert_int_equal(text_decode(buf, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
	assert_int_equal(text_encode(0x5F20, buf), 3);
	assert_memory_equal(buf, ZHANG, 3);
	/* Surrogates and values past U+10FFFF cannot be encoded. */
	assert_int_equal(text_encode(0xD800, buf), 3);
	assert_memory_equal(buf, FFFD, 3);
	assert_int_equal(text_encode(0x110000, buf), 3);
	assert_memory_equal(buf, FFFD, 3);
}

static void test_width_table(void **state)
{
	static const struct {
		const char *s;
		int cols;
		size_t chars;
	} cases[] = {
	    {"", 0, 0},
	    {"abc", 3, 3},
	    {ZHANG SAN, 4, 2},
	    {"a" ZHANG "b", 4, 3},
	    {"e\xcc\x81", 1, 2},    /* e + combining acute */
	    {"\xef\xbc\xa1", 2, 1}, /* full-width A */
	    {"\xe3\x80\x82", 2, 1}, /* 。ideographic stop */
	    {"\xff\x61", 2, 2},	    /* invalid byte: 1 col */
	    {"\x1b", 1, 1},	    /* non-printable: 1 */
	    {"No.12 " ZHANG SAN "\xef\xbc\x88\xe5\x8c\x97\xef\xbc\x89", 16, 11},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (text_width(cases[i].s) != cases[i].cols)
			fail_msg("width case %zu: %d, want %d", i,
				 text_width(cases[i].s), cases[i].cols);
		if (text_chars(cases[i].s) != cases[i].chars)
			fail_msg("chars case %zu: %zu, want %zu", i,
				 text_chars(cases[i].s), cases[i].chars);
	}
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_char_width(0x5F20), 2);
	assert_int_equal(text_char_width(L'a'), 1);
	assert_int_equal(text_char_width(0x0301), 0);
	assert_int_equal(text_char_width(0x07), 1);
}

static void test_cut_table(void **state)
{
	static const struct {
		const char *s;
		int max;
		size_t bytes;
		int cols;
	} cases[] = {
	    {ZHANG SAN, 4, 6, 4},
	    {ZHANG SAN, 5, 6, 4},
	    {ZHANG SAN, 3, 3, 2}, /* the cut falls inside 三: leave it out */
	    {ZHANG SAN, 2, 3, 2},
	    {ZHANG SAN, 1, 0, 0}, /* inside 张 */
	    {ZHANG SAN, 0, 0, 0},
	    {ZHANG SAN, -1, 0, 0},
	    {"ab" ZHANG SAN, 3, 2, 2},
	    {"ab" ZHANG SAN, 4, 5, 4},
	    {"ab" ZHANG SAN, 5, 5, 4},
	    {"a" ZHANG "b", 2, 1, 1},
	    {"a" ZHANG "b", 3, 4, 3},
	    {"a" ZHANG "b", 4, 5, 4},
	    {"abc", 10, 3, 3},
	    {"", 5, 0, 0},
	    {"e\xcc\x81x", 1, 3, 1}, /* the accent stays with its letter */
	    {"\xf0\x9f\x98\x80!", 1, 0, 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int cols = -1;
		size_t bytes = text_cut(cases[i].s, cases[i].max, &cols);

		if (bytes != cases[i].bytes || cols != cases[i].cols)
			fail_msg("cut case %zu at %d: %zu bytes %d cols, want "
				 "%zu %d",
				 i, cases[i].max, bytes, cols, cases[i].bytes,
				 cases[i].cols);
	}
	assert_int_equal(text_cut("abc", 2, NULL), 2);
	assert_int_equal(text_cut(NULL, 2, NULL), 0);
}

/* A cut never splits a character: for every width the prefix is valid
 * UTF-8 and fits. */
static void test_cut_never_splits(void **state)
{
	const char *s = "No." ZHANG SAN "e\xcc\x81\xf0\x9f\x98\x80"
			"\xef\xbc\xa1 z";

	(void)state;
	for (int max = 0; max <= text_width(s) + 1; max++) {
		int cols;
		size_t n = text_cut(s, max, &cols);
		char *prefix = strndup(s, n);

		assert_non_null(prefix);
		assert_true(cols <= max);
		assert_int_equal(text_width(prefix), cols);
		assert_int_equal(validate_text(prefix, 100, false), VALID_OK);
		free(prefix);
	}
}

struct sanitize_case {
	const char *in;
	unsigned flags;
	const char *want;
};

static const struct sanitize_case sanitize_cases[] = {
    {"plain " ZHANG SAN, 0, "plain " ZHANG SAN},
    {"", 0, ""},
    /* CSI colour and screen clear. */
    {"\x1b[31mred\x1b[0m", 0, "^[[31mred^[[0m"},
    {"\x1b[2J\x1b[H", 0, "^[[2J^[[H"},
    /* OSC 52 would write the clipboard; OSC 0 the window title. */
    {"\x1b]52;c;SGVsbG8=\x07", 0, "^[]52;c;SGVsbG8=^G"},
    {"\x1b]0;title\x1b\\", 0, "^[]0;title^[\\"},
    /* C1 controls: CSI (U+009B), OSC (U+009D), NEL (U+0085). */
    {"\xc2\x9b"
     "31m",
     0, "<U+009B>31m"},
    {"\xc2\x9d"
     "52;c;x\xc2\x9c",
     0, "<U+009D>52;c;x<U+009C>"},
    {"a\xc2\x85"
     "b",
     0, "a<U+0085>b"},
    {"\xc2\x80\xc2\x9f", 0, "<U+0080><U+009F>"},
    /* Bidirectional overrides, isolates and marks. */
    {"abc\xe2\x80\xae"
     "fdp.exe",
     0, "abc<U+202E>fdp.exe"},
    {"\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", 0,
     "<U+202A><U+202B><U+202C><U+202D>"},
    {"\xe2\x81\xa6"
     "x\xe2\x81\xa9",
     0, "<U+2066>x<U+2069>"},
    {"\xe2\x81\xa7\xe2\x81\xa8", 0, "<U+2067><U+2068>"},
    {"\xe2\x80\x8e\xe2\x80\x8f", 0, "<U+200E><U+200F>"},
    /* Invalid UTF-8: each bad byte becomes U+FFFD; a real one stays. */
    {"a\xff"
     "b",
     0, "a" FFFD "b"},
    {"\xe5\xbc", 0, FFFD FFFD},
    {"\xc0\xaf", 0, FFFD FFFD},
    {FFFD, 0, FFFD},
    /* Other C0 controls, DEL, tab and newline. */
    {"a\tb", 0, "a b"},
    {"a\nb", 0, "a^Jb"},
    {"a\nb", TEXT_KEEP_NEWLINE, "a\nb"},
    {"a\r\nb", TEXT_KEEP_NEWLINE, "a^M\nb"},
    {"bell\x07", 0, "bell^G"},
    {"\x01\x1f", 0, "^A^_"},
    {"del\x7f", 0, "del^?"},
    {"\x08\x08\x08", 0, "^H^H^H"},
    /* What is already visible stays. */
    {"^[[31m <U+202E>", 0, "^[[31m <U+202E>"},
    {"\xc2\xa0\xe3\x80\x80", 0, "\xc2\xa0\xe3\x80\x80"},
};

static void test_sanitize_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(sanitize_cases) / sizeof(*sanitize_cases);
	     i++) {
		const struct sanitize_case *c = &sanitize_cases[i];
		char *out = text_sanitize(c->in, c->flags);
		bool same = strcmp(c->in, c->want) == 0;

		assert_non_null(out);
		if (strcmp(out, c->want) != 0)
			fail_msg("sanitize case %zu: \"%s\", want \"%s\"", i,
				 out, c->want);
		/* is_clean agrees with what sanitize does. */
		if (text_is_clean(c->in, c->flags) != same)
			fail_msg("is_clean case %zu: %d, want %d", i,
				 text_is_clean(c->in, c->flags), same);
		/* Sanitising twice changes nothing more. */
		assert_true(text_is_clean(out, c->flags));
		free(out);
	}
	{
		char *out = text_sanitize(NULL, 0);

		assert_non_null(out);
		assert_string_equal(out, "");
		free(out);
	}
}

/* Whatever bytes come in, what goes out is valid UTF-8 with no control
 * character a terminal would act on (newline only when kept). */
static void test_sanitize_random_bytes(void **state)
{
	uint32_t seed = 20261128;
	char in[257];

	(void)state;
	for (int round = 0; round < 2000; round++) {
		size_t len = (size_t)(round % 256);
		unsigned flags = round % 2 ? TEXT_KEEP_NEWLINE : 0;
		char *out;

		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = (char)((seed >> 16) % 255 + 1); /* no NUL */
		}
		in[len] = '\0';
		out = text_sanitize(in, flags);
		assert_non_null(out);
		assert_int_equal(validate_text(out, SIZE_MAX, flags != 0),
				 VALID_OK);
		assert_true(text_is_clean(out, flags));
		for (const char *p = out; *p; p++)
			assert_false(*p == '\x1b' || *p == '\t' || *p == '\r');
		if (!flags)
			assert_null(strchr(out, '\n'));
		free(out);
	}
}

/* Issue 13.7: Chinese line-breaking rules when wrapping. */
static void test_line_break_table(void **state)
{
	static const struct {
		const char *text;
		int cols;
		const char *line; /* the first line */
	} cases[] = {
	    /* fits: all of it */
	    {"补交材料", 10, "补交材料"},
	    /* a plain cut between two Chinese characters */
	    {"申请人承诺补交材料", 8, "申请人承"},
	    /* no closing punctuation at the start of the next line: the
	     * character before it goes down with it */
	    {"逾期未补交）承担责任", 10, "逾期未补"},
	    {"材料齐全。准予办理", 8, "材料齐"},
	    {"一、二、三", 4, "一、"},
	    {"一二、三", 4, "一"},
	    /* no opening punctuation at the end of a line */
	    {"不动产权（证书）", 10, "不动产权"},
	    {"提交“营业执照”", 6, "提交"},
	    /* Latin words and numbers stay whole */
	    {"时间 12-02 14:39 到期", 12, "时间 12-02 "},
	    {"电话 0571-87654321", 10, "电话 "},
	    /* no allowed place at all: cut anyway */
	    {"0571-87654321", 6, "0571-8"},
	    {"））））", 4, "））"},
	};
	char line[128];
	int cols;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = text_line_break(cases[i].text, cases[i].cols, &cols);

		snprintf(line, sizeof(line), "%.*s", (int)n, cases[i].text);
		assert_string_equal(line, cases[i].line);
		assert_int_equal(cols, text_width(line));
		assert_true(cols <= cases[i].cols);
	}
	assert_int_equal(text_line_break(NULL, 5, &cols), 0);
	assert_int_equal(text_line_break("", 5, &cols), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_decode_table),
	    cmocka_unit_test(test_encode_round_trip),
	    cmocka_unit_test(test_width_table),
	    cmocka_unit_test(test_cut_table),
	    cmocka_unit_test(test_cut_never_splits),
	    cmocka_unit_test(test_sanitize_table),
	    cmocka_unit_test(test_sanitize_random_bytes),
	    cmocka_unit_test(test_line_break_table),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
