/* text.c - UTF-8 text measured in display columns, and the sanitiser that
 * makes untrusted text harmless before it reaches a terminal (DESIGN.md 4). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"

#define TEXT_REPLACEMENT 0xFFFD

size_t text_decode(const char *s, size_t len, wchar_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t need;

	if (len == 0)
		return 0;
	c = u[0];
	if (c < 0x80) {
		*cp = (wchar_t)c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		goto invalid; /* continuation byte, C0/C1 overlong lead, F5+ */
	}
	if (len < need)
		goto invalid;
	for (size_t i = 1; i < need; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto invalid;
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		goto invalid;
	*cp = (wchar_t)c;
	return need;
invalid:
	*cp = TEXT_REPLACEMENT;
	return 1;
}

size_t text_encode(wchar_t cp, char out[4])
{
	uint32_t c = (uint32_t)cp;

	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = TEXT_REPLACEMENT;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

int text_char_width(wchar_t cp)
{
	int w = wcwidth(cp);

	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	size_t len = s ? strlen(s) : 0;
	int cols = 0;
	wchar_t cp;

	for (size_t i = 0; i < len;) {
		i += text_decode(s + i, len - i, &cp);
		cols += text_char_width(cp);
	}
	return cols;
}

size_t text_cut(const char *s, int max_cols, int *cols)
{
	size_t len = s ? strlen(s) : 0;
	size_t i = 0;
	int used = 0;

	while (i < len) {
		wchar_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		int w = text_char_width(cp);

		if (used + w > max_cols)
			break;
		used += w;
		i += n;
	}
	if (cols)
		*cols = used;
	return i;
}

/* Chinese line-breaking rules (GB/T 15834, W3C clreq) as data: these
 * never begin a line (closing punctuation, pauses, stops) ... */
static const wchar_t no_line_start[] =
    L"，。、；：？！）」』】〕〉》〗〙”’…‥—～・·％‰"
    L",.;:?!)]}%";
/* ... and these never end one (opening brackets and quotes). */
static const wchar_t no_line_end[] = L"（「『【〔〈《〖〘“‘([{";

static bool in_set(const wchar_t *set, wchar_t cp)
{
	return cp && wcschr(set, cp) != NULL;
}

/* A character of a Latin word or number, kept with its neighbours. */
static bool word_char(wchar_t cp)
{
	return cp > 0x20 && cp < 0x7f && !in_set(no_line_end, cp) &&
	       !in_set(no_line_start, cp);
}

#define BREAK_MAX_CHARS 512

static wchar_t char_at(const char *s, size_t off)
{
	wchar_t cp = 0;

	if (s[off])
		text_decode(s + off, strlen(s + off), &cp);
	return cp;
}

/* May a line end before the character starting at off[j] (0 < j)? */
static bool break_allowed(const char *s, const size_t *off, size_t j)
{
	wchar_t before = char_at(s, off[j - 1]), after = char_at(s, off[j]);

	return !in_set(no_line_start, after) && !in_set(no_line_end, before) &&
	       !(word_char(before) && word_char(after));
}

size_t text_line_break(const char *s, int max_cols, int *cols)
{
	size_t off[BREAK_MAX_CHARS + 1];
	size_t cut = text_cut(s, max_cols, cols), k = 0, j;

	if (!s || !s[cut] || cut == 0)
		return cut;
	for (size_t i = 0; i < cut && k < BREAK_MAX_CHARS; k++) {
		wchar_t cp;

		off[k] = i;
		i += text_decode(s + i, cut - i, &cp);
	}
	off[k] = cut;
	if (off[k - 1] >= cut) /* more characters than the table holds */
		return cut;
	/* The latest allowed break; none in the line: cut anyway. */
	for (j = k; j > 0 && !break_allowed(s, off, j); j--)
		;
	if (j == 0)
		return cut;
	if (cols) {
		*cols = 0;
		for (size_t i = 0; i < j; i++)
			*cols += text_char_width(char_at(s, off[i]));
	}
	return off[j];
}

size_t text_chars(const char *s)
{
	size_t len = s ? strlen(s) : 0;
	size_t n = 0;
	wchar_t cp;

	for (size_t i = 0; i < len; n++)
		i += text_decode(s + i, len - i, &cp);
	return n;
}

/* Bidirectional formatting characters can reorder what the terminal shows
 * (a name that reads differently from what is stored), so they are shown. */
static bool text_is_bidi(uint32_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Write the visible form of code point c, decoded from used bytes, into out
 * (8 bytes and a NUL) and return its length; 0 means "copy unchanged".
 * An invalid byte arrives as a one-byte U+FFFD; a real U+FFFD uses three. */
static size_t text_visible(uint32_t c, size_t used, unsigned flags, char out[9])
{
	if (c == TEXT_REPLACEMENT && used == 1) {
		memcpy(out, "\xEF\xBF\xBD", 3);
		return 3;
	}
	if (c == '\n' && (flags & TEXT_KEEP_NEWLINE))
		return 0;
	if (c == '\t') {
		out[0] = ' ';
		return 1;
	}
	if (c < 0x20 || c == 0x7F) {
		out[0] = '^';
		out[1] = c == 0x7F ? '?' : (char)(c + 0x40);
		return 2;
	}
	if ((c >= 0x80 && c <= 0x9F) || text_is_bidi(c)) {
		/* Every code point shown this way is below U+10000. */
		snprintf(out, 9, "<U+%04X>", (unsigned)(c & 0xFFFF));
		return 8;
	}
	return 0;
}

char *text_sanitize(const char *s, unsigned flags)
{
	size_t len = s ? strlen(s) : 0;
	size_t o = 0;
	char *out;

	/* Worst case: a 2-byte C1 control becomes 8 bytes. */
	if (len > (SIZE_MAX - 1) / 4)
		return NULL;
	out = malloc(len * 4 + 1);
	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		char vis[9];
		wchar_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		size_t v = text_visible((uint32_t)cp, n, flags, vis);

		if (v) {
			memcpy(out + o, vis, v);
			o += v;
		} else {
			memcpy(out + o, s + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

bool text_is_clean(const char *s, unsigned flags)
{
	size_t len = s ? strlen(s) : 0;

	for (size_t i = 0; i < len;) {
		char vis[9];
		wchar_t cp;
		size_t n = text_decode(s + i, len - i, &cp);

		if (text_visible((uint32_t)cp, n, flags, vis))
			return false;
		i += n;
	}
	return true;
}
