/* csv.h - CSV as RFC 4180 says (fields with a comma, a quote, CR or LF in
 * double quotes, a quote doubled, every record ends in CRLF), in UTF-8
 * with a byte order mark so that spreadsheet programs read Chinese right.
 * Text cells that a spreadsheet would run as a formula (= + - @ first) get
 * a leading apostrophe. A small reader reads such files back. */
#ifndef WINCASE_TUI_CSV_H
#define WINCASE_TUI_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define CSV_BOM "\xef\xbb\xbf"

/* Writes the byte order mark. -1 on a write error. */
int csv_begin(FILE *out);
/* Writes one record of n text cells (NULL is an empty cell). */
int csv_record(FILE *out, const char *const *cells, size_t n);
/* Appends one cell to buf (size bytes, NUL-terminated) as csv_record
 * would write it, without the separator. False when it does not fit. */
bool csv_cell(char *buf, size_t size, const char *cell);

/* The reader: calls cell(text, row, col, user) for every cell of text (a
 * BOM at the start is skipped); returns the number of records, or -1 for a
 * quote that is never closed or a callback that returns non-zero. Cell text
 * is NUL-terminated and valid only during the call. */
long csv_read(const char *text, size_t len,
	      int (*cell)(const char *value, size_t row, size_t col,
			  void *user),
	      void *user);

#endif
