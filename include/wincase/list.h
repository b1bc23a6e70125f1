/* list.h - the one list of the client's screens (forms/list.c).
 *
 * Columns are laid out from the width (table_layout in forms.h) with a
 * blank column between them; a text too long for its column ends in an
 * ellipsis and never shows half a wide character (CJK, emoji, Extension
 * B). The selection moves with Up, Down, PgUp, PgDn, Home and End over the
 * rows a screen lets be chosen (section titles are not), the rows shown
 * follow it, and a filter keeps the items a predicate matches as the clerk
 * types. Rows are built as strings (list_row_text), which is what the unit
 * test checks at 80 and 60 columns without a terminal; drawing writes one
 * string a row, so that curses sends only what changed. */
#ifndef WINCASE_LIST_H
#define WINCASE_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "wincase/forms.h"

#define LIST_MAX_COLUMNS 16 /* the statistics table has 14 */
#define LIST_CELL_BYTES	 512

/* How the selected row shows. */
enum list_mark {
	LIST_MARK_HIGHLIGHT, /* the whole row in THEME_SELECTED */
	/* A bold '>' in column 0; the rows keep their attributes, so a move
	 * rewrites two cells, not two rows (slow links: bytes per key). */
	LIST_MARK_ARROW,
};

/* Whether an item can be selected (a section title cannot). */
typedef bool (*list_selectable_fn)(const void *ctx, size_t item);
/* Whether an item stays when filtering. */
typedef bool (*list_match_fn)(const void *ctx, size_t item);

struct list {
	const struct column_def *columns;
	size_t n_columns;
	enum list_mark mark;
	list_selectable_fn selectable; /* NULL: every row */
	const void *ctx;	       /* for selectable */
	int widths[LIST_MAX_COLUMNS];
	int y, rows, cols; /* first row on the screen, rows shown, width */
	size_t n;	   /* rows (after the filter) */
	size_t *items;	   /* row -> the caller's item; NULL: row = item */
	size_t cap;
	size_t selected; /* row, < n when n > 0 */
	size_t first;	 /* first row shown */
};

/* One row as the screen describes it to list_draw. */
struct list_row {
	const char *cells[LIST_MAX_COLUMNS];	     /* NULL reads as "" */
	char buf[LIST_MAX_COLUMNS][LIST_CELL_BYTES]; /* room for cells */
	attr_t attr;	  /* the row's attribute (THEME_NORMAL by default) */
	const char *span; /* not NULL: this text across the whole width
			   * from column 0 instead of cells (a title) */
};
/* Fills row for item (cells, attr, span). */
typedef void (*list_row_fn)(void *ctx, size_t item, struct list_row *row);

void list_init(struct list *l, const struct column_def *columns, size_t n,
	       enum list_mark mark);
void list_release(struct list *l);
/* Rows from y, rows of them, cols wide: the column widths (pure). */
void list_layout(struct list *l, int y, int rows, int cols);
/* n items, every one a row; the selection stays where it was (clamped,
 * then on a selectable row). */
void list_set_count(struct list *l, size_t n);
/* The items of n_items that match, in order; the selection goes to the
 * first selectable row. -1 when out of memory (the list is then empty). */
int list_filter(struct list *l, size_t n_items, list_match_fn match,
		const void *ctx);
/* The caller's item of row. */
size_t list_item(const struct list *l, size_t row);
/* The selected item into *item; false when there is none. */
bool list_current(const struct list *l, size_t *item);
/* Selects the row of item (when it is shown and selectable). */
void list_select_item(struct list *l, size_t item);
/* The first selectable row (nothing when none). */
void list_select_first(struct list *l);
/* Up, Down, PgUp, PgDn, Home, End (ret KEY_CODE_YES): UI_HANDLED |
 * UI_REDRAW when the selection moved, UI_HANDLED when it could not,
 * UI_IGNORED for other keys. A page is the rows shown less one. */
int list_key(struct list *l, int ret, wint_t ch);
/* Keeps the selection among the rows shown (and a title just above it). */
void list_follow(struct list *l);

/* text in exactly width columns into out (NUL-terminated): cut with an
 * ellipsis when too long, never half a wide character, padded with
 * blanks. Returns the bytes written. */
size_t list_cell_text(const char *text, int width, char *out, size_t size);
/* Columns 1 to cols of a row: each cell in its width and a blank after it
 * (a column of width 0 is left out), blanks to the end. */
void list_row_text(const struct list *l, const char *const *cells, char *out,
		   size_t size);

/* The column titles at row y (the caller's header row). */
void list_draw_header(const struct list *l, WINDOW *win, int y,
		      const char *const *titles);
/* One row of cells at y in attr, column 0 blank in attr. */
void list_draw_cells(const struct list *l, WINDOW *win, int y,
		     const char *const *cells, attr_t attr);
/* The rows shown, from l->y, as row_fn describes them. */
void list_draw(struct list *l, WINDOW *win, list_row_fn row_fn, void *ctx);

#endif
