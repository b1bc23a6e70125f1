/* csv.c - RFC 4180 CSV with a UTF-8 BOM (see csv.h). */
#include <stdlib.h>
#include <string.h>

#include "common/csv.h"

int csv_begin(FILE *out)
{
	return fputs(CSV_BOM, out) < 0 ? -1 : 0;
}

static bool needs_quotes(const char *s)
{
	return strpbrk(s, ",\"\r\n") != NULL;
}

/* A cell a spreadsheet would take for a formula (CWE-1236). */
static bool looks_like_formula(const char *s)
{
	return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
}

static bool put(char *buf, size_t size, size_t *at, char c)
{
	if (*at + 1 >= size)
		return false;
	buf[(*at)++] = c;
	buf[*at] = '\0';
	return true;
}

bool csv_cell(char *buf, size_t size, const char *cell)
{
	const char *s = cell ? cell : "";
	bool quote = needs_quotes(s);
	size_t at = strlen(buf);

	if (quote && !put(buf, size, &at, '"'))
		return false;
	if (looks_like_formula(s) && !put(buf, size, &at, '\''))
		return false;
	for (; *s; s++) {
		if (*s == '"' && !put(buf, size, &at, '"'))
			return false;
		if (!put(buf, size, &at, *s))
			return false;
	}
	return !quote || put(buf, size, &at, '"');
}

int csv_record(FILE *out, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = cells[i] ? cells[i] : "";
		bool quote = needs_quotes(s);

		if (i > 0 && fputc(',', out) == EOF)
			return -1;
		if (quote && fputc('"', out) == EOF)
			return -1;
		if (looks_like_formula(s) && fputc('\'', out) == EOF)
			return -1;
		for (; *s; s++) {
			if (*s == '"' && fputc('"', out) == EOF)
				return -1;
			if (fputc(*s, out) == EOF)
				return -1;
		}
		if (quote && fputc('"', out) == EOF)
			return -1;
	}
	return fputs("\r\n", out) < 0 ? -1 : 0;
}

struct reader {
	char *cell;
	size_t len, cap;
};

static int reader_add(struct reader *r, char c)
{
	if (r->len + 1 >= r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		char *p = realloc(r->cell, cap);

		if (!p)
			return -1;
		r->cell = p;
		r->cap = cap;
	}
	r->cell[r->len++] = c;
	r->cell[r->len] = '\0';
	return 0;
}

/* Ends the cell at text[i] (a comma, a line end or the end). */
static int reader_emit(struct reader *r, size_t row, size_t col,
		       int (*cell)(const char *, size_t, size_t, void *),
		       void *user)
{
	int rc;

	if (reader_add(r, '\0'))
		return -1;
	rc = cell(r->cell, row, col, user);
	r->len = 0;
	return rc ? -1 : 0;
}

long csv_read(const char *text, size_t len,
	      int (*cell)(const char *value, size_t row, size_t col,
			  void *user),
	      void *user)
{
	struct reader r = {0};
	size_t i = 0, row = 0, col = 0;
	bool quoted = false, any = false;
	long ret = -1;

	if (len >= 3 && memcmp(text, CSV_BOM, 3) == 0)
		i = 3;
	for (; i < len; i++) {
		char c = text[i];

		any = true;
		if (quoted) {
			if (c == '"' && i + 1 < len && text[i + 1] == '"')
				i++;
			else if (c == '"') {
				quoted = false;
				continue;
			}
			if (reader_add(&r, c))
				goto done;
			continue;
		}
		if (c == '"') {
			quoted = true;
		} else if (c == ',') {
			if (reader_emit(&r, row, col++, cell, user))
				goto done;
		} else if (c == '\r' || c == '\n') {
			if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
				i++;
			if (reader_emit(&r, row++, col, cell, user))
				goto done;
			col = 0;
			any = false;
		} else if (reader_add(&r, c)) {
			goto done;
		}
	}
	if (quoted)
		goto done;
	if (any && reader_emit(&r, row++, col, cell, user))
		goto done;
	ret = (long)row;
done:
	free(r.cell);
	return ret;
}
