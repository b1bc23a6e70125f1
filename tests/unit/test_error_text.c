/* test_error_text.c - every error code and value of docs/api.md has
 * Chinese words in core's table (error_text.h, issue 13.4): the test reads
 * the document itself, so a code added there without words fails here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/error_text.h"
#include "wincase/text.h"

static char *api_md_read(void)
{
	const char *tests = getenv("WINCASE_TESTS");
	char path[1024];
	FILE *f;
	char *text;
	long n;

	snprintf(path, sizeof(path), "%s/../docs/api.md",
		 tests ? tests : "tests");
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = malloc((size_t)n + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* True when s holds a CJK character (the words are Chinese). */
static int has_cjk(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0xe4 && (unsigned char)*s <= 0xe9)
			return 1;
	return 0;
}

/* Every "NNN `code`" (also bold) of the document: a status and a code. */
static void test_every_error_code_has_words(void **state)
{
	char *text = api_md_read();
	regex_t re;
	regmatch_t m[3];
	const char *p = text;
	int found = 0, missing = 0;

	(void)state;
	assert_int_equal(
	    regcomp(&re, "[1-5][0-9][0-9] (\\*\\*)?`([a-z_]+)`", REG_EXTENDED),
	    0);
	while (regexec(&re, p, 3, m, 0) == 0) {
		char code[64];
		int len = (int)(m[2].rm_eo - m[2].rm_so);
		const struct error_text *e;

		snprintf(code, sizeof(code), "%.*s", len, p + m[2].rm_so);
		e = error_text_find(code);
		if (!e || !has_cjk(e->what) || !has_cjk(e->next)) {
			print_error("no Chinese words for error code %s\n",
				    code);
			missing++;
		}
		found++;
		p += m[0].rm_eo;
	}
	regfree(&re);
	free(text);
	assert_true(found > 40); /* the pattern still finds the codes */
	assert_int_equal(missing, 0);
}

/* Every value of the table "Codes and values, in Chinese". */
static void test_every_value_has_words(void **state)
{
	char *text = api_md_read();
	const char *sec = strstr(text, "## Codes and values");
	const char *line, *end;
	int sets = 0, found = 0, missing = 0;

	(void)state;
	assert_non_null(sec);
	end = strstr(sec + 3, "\n## ");
	for (line = sec; line && line < end; line = strchr(line + 1, '\n')) {
		char set[64], value[64];
		const char *p = line + 1, *q;

		if (strncmp(p, "| `", 3) != 0)
			continue;
		q = strchr(p + 3, '`');
		snprintf(set, sizeof(set), "%.*s", (int)(q - p - 3), p + 3);
		sets++;
		p = strchr(q + 1, '|');
		while (p && (p = strchr(p, '`')) && p < strchr(q + 1, '\n')) {
			q = strchr(p + 1, '`');
			snprintf(value, sizeof(value), "%.*s", (int)(q - p - 1),
				 p + 1);
			if (!value_text_find(set, value) ||
			    !has_cjk(value_text_find(set, value))) {
				print_error("no Chinese word for %s %s\n", set,
					    value);
				missing++;
			}
			found++;
			p = q + 1;
		}
	}
	free(text);
	assert_true(sets >= 20);
	assert_true(found > 70);
	assert_int_equal(missing, 0);
}

static void test_unknown_code_names_no_code(void **state)
{
	char out[256];

	(void)state;
	assert_false(error_text_format("no_such_code_ever", out, sizeof(out)));
	assert_null(strstr(out, "no_such_code_ever"));
	assert_true(has_cjk(out));
	assert_true(error_text_format("handoff_pending", out, sizeof(out)));
	assert_non_null(strstr(out, "已有一笔转办等待对方接收："));
	assert_null(error_text_find(NULL));
	assert_null(value_text_find("result", NULL));
	assert_string_equal(value_text_find("result", "approved"), "准予");
	assert_string_equal(value_text_find("commitment.status", "open"),
			    "待补交");
}

/* Issue 13.7: every code's words fit the 80-column message line whole
 * (written to fit, never cut). */
static void test_every_text_fits_the_message_line(void **state)
{
	char *text = api_md_read();
	regex_t re;
	regmatch_t m[3];
	const char *p = text;
	static const char *const client_codes[] = {"offline", "bad_response",
						   "bad_url", "plain_http",
						   "catalog_changed"};
	char out[512], code[64];
	int too_wide = 0;

	(void)state;
	assert_int_equal(
	    regcomp(&re, "[1-5][0-9][0-9] (\\*\\*)?`([a-z_]+)`", REG_EXTENDED),
	    0);
	for (size_t i = 0;; i++) {
		if (i < sizeof(client_codes) / sizeof(*client_codes)) {
			snprintf(code, sizeof(code), "%s", client_codes[i]);
		} else if (regexec(&re, p, 3, m, 0) == 0) {
			snprintf(code, sizeof(code), "%.*s",
				 (int)(m[2].rm_eo - m[2].rm_so),
				 p + m[2].rm_so);
			p += m[0].rm_eo;
		} else {
			break;
		}
		error_text_format(code, out, sizeof(out));
		if (text_width(out) > 78) {
			print_error("%s: %d columns: %s\n", code,
				    text_width(out), out);
			too_wide++;
		}
	}
	regfree(&re);
	free(text);
	assert_int_equal(too_wide, 0);
}

static int setup_locale(void **state)
{
	(void)state;
	return setlocale(LC_CTYPE, "C.UTF-8") ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_error_code_has_words),
	    cmocka_unit_test(test_every_value_has_words),
	    cmocka_unit_test(test_unknown_code_names_no_code),
	    cmocka_unit_test(test_every_text_fits_the_message_line),
	};
	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
