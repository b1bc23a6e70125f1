/* list.c - the list widget (list.h): selection and paging, filtering, and
 * rows as strings of columns with a gap and a CJK-aware ellipsis. */
#include <stdlib.h>
#include <string.h>

#include "wincase/list.h"
#include "wincase/text.h"

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026, one column */

void list_init(struct list *l, const struct column_def *columns, size_t n,
	       enum list_mark mark)
{
	memset(l, 0, sizeof(*l));
	l->columns = columns;
	l->n_columns = n < LIST_MAX_COLUMNS ? n : LIST_MAX_COLUMNS;
	l->mark = mark;
	l->rows = 1;
}

void list_release(struct list *l)
{
	free(l->items);
	l->items = NULL;
	l->cap = 0;
	l->n = 0;
}

void list_layout(struct list *l, int y, int rows, int cols)
{
	l->y = y;
	l->rows = rows > 0 ? rows : 1;
	l->cols = cols;
	/* column 0 is the mark, the last one stays blank */
	table_layout(l->columns, l->n_columns, cols - 2, l->widths);
	list_follow(l);
}

size_t list_item(const struct list *l, size_t row)
{
	return l->items ? l->items[row] : row;
}

static bool row_selectable(const struct list *l, size_t row)
{
	return row < l->n &&
	       (!l->selectable || l->selectable(l->ctx, list_item(l, row)));
}

bool list_current(const struct list *l, size_t *item)
{
	if (!row_selectable(l, l->selected))
		return false;
	*item = list_item(l, l->selected);
	return true;
}

/* The nearest selectable row from row in direction dir (+1 or -1), or
 * row itself when there is none that way. */
static size_t row_step(const struct list *l, size_t row, int dir)
{
	size_t r = row;

	while (dir > 0 ? r + 1 < l->n : r > 0) {
		r = dir > 0 ? r + 1 : r - 1;
		if (row_selectable(l, r))
			return r;
	}
	return row;
}

void list_select_first(struct list *l)
{
	l->selected = 0;
	l->first = 0;
	if (l->n && !row_selectable(l, 0))
		l->selected = row_step(l, 0, 1);
}

void list_select_item(struct list *l, size_t item)
{
	for (size_t r = 0; r < l->n; r++)
		if (list_item(l, r) == item && row_selectable(l, r)) {
			l->selected = r;
			list_follow(l);
			return;
		}
}

void list_set_count(struct list *l, size_t n)
{
	free(l->items);
	l->items = NULL;
	l->cap = 0;
	l->n = n;
	if (l->selected >= n)
		l->selected = n ? n - 1 : 0;
	if (n && !row_selectable(l, l->selected)) {
		size_t down = row_step(l, l->selected, 1);

		l->selected =
		    down != l->selected ? down : row_step(l, l->selected, -1);
	}
	list_follow(l);
}

int list_filter(struct list *l, size_t n_items, list_match_fn match,
		const void *ctx)
{
	if (n_items > l->cap || !l->items) {
		size_t *items =
		    realloc(l->items, (n_items ? n_items : 1) * sizeof(*items));

		if (!items) {
			l->n = 0;
			return -1;
		}
		l->items = items;
		l->cap = n_items ? n_items : 1;
	}
	l->n = 0;
	for (size_t i = 0; i < n_items; i++)
		if (!match || match(ctx, i))
			l->items[l->n++] = i;
	list_select_first(l);
	return 0;
}

void list_follow(struct list *l)
{
	size_t rows = (size_t)(l->rows > 0 ? l->rows : 1);

	if (l->selected < l->first)
		l->first = l->selected;
	if (l->selected >= l->first + rows)
		l->first = l->selected - rows + 1;
	/* a title (a row that cannot be chosen) stays above its first row */
	if (l->first > 0 && l->first == l->selected && rows > 1 &&
	    !row_selectable(l, l->first - 1))
		l->first--;
	/* no blank rows at the end while rows above are hidden (the height
	 * may have been unknown when the selection was first made) */
	if (l->first > 0 && l->first + rows > l->n)
		l->first = l->n > rows ? l->n - rows : 0;
}

static size_t row_steps(const struct list *l, size_t row, int dir, size_t n)
{
	for (size_t i = 0; i < n; i++)
		row = row_step(l, row, dir);
	return row;
}

int list_key(struct list *l, int ret, wint_t ch)
{
	size_t page = l->rows > 1 ? (size_t)l->rows - 1 : 1;
	size_t was = l->selected, to;

	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	switch (ch) {
	case KEY_UP:
		to = row_step(l, was, -1);
		break;
	case KEY_DOWN:
		to = row_step(l, was, 1);
		break;
	case KEY_PPAGE:
		to = row_steps(l, was, -1, page);
		break;
	case KEY_NPAGE:
		to = row_steps(l, was, 1, page);
		break;
	case KEY_HOME:
		to = row_selectable(l, 0) ? 0 : row_step(l, 0, 1);
		break;
	case KEY_END:
		to = l->n && row_selectable(l, l->n - 1)
			 ? l->n - 1
			 : row_step(l, l->n ? l->n - 1 : 0, -1);
		break;
	default:
		return UI_IGNORED;
	}
	if (l->n == 0 || !row_selectable(l, to))
		return UI_HANDLED;
	l->selected = to;
	list_follow(l);
	return to == was ? UI_HANDLED : UI_HANDLED | UI_REDRAW;
}

/* Appends n bytes of s at *len in out (size bytes, NUL kept). */
static void put(char *out, size_t size, size_t *len, const char *s, size_t n)
{
	if (*len + n >= size)
		n = size - *len - 1;
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = '\0';
}

static void put_blanks(char *out, size_t size, size_t *len, int n)
{
	for (; n > 0; n--)
		put(out, size, len, " ", 1);
}

size_t list_cell_text(const char *text, int width, char *out, size_t size)
{
	size_t len = 0, bytes;
	int used = 0;

	if (size == 0)
		return 0;
	out[0] = '\0';
	text = text ? text : "";
	if (width <= 0)
		return 0;
	if (text_width(text) <= width) {
		put(out, size, &len, text, strlen(text));
		put_blanks(out, size, &len, width - text_width(text));
		return len;
	}
	/* the ellipsis takes the last column; a wide character that would
	 * straddle it leaves a blank instead of half of itself */
	bytes = text_cut(text, width - 1, &used);
	put(out, size, &len, text, bytes);
	put_blanks(out, size, &len, width - 1 - used);
	put(out, size, &len, ELLIPSIS, strlen(ELLIPSIS));
	return len;
}

void list_row_text(const struct list *l, const char *const *cells, char *out,
		   size_t size)
{
	char cell[LIST_CELL_BYTES];
	size_t len = 0;
	int x = 1;

	if (size == 0)
		return;
	out[0] = '\0';
	for (size_t c = 0; c < l->n_columns; c++) {
		if (l->widths[c] == 0)
			continue;
		list_cell_text(cells[c], l->widths[c], cell, sizeof(cell));
		put(out, size, &len, cell, strlen(cell));
		put(out, size, &len, " ", 1); /* the gap */
		x += l->widths[c] + 1;
	}
	if (x < l->cols)
		put_blanks(out, size, &len, l->cols - x);
}

void list_draw_cells(const struct list *l, WINDOW *win, int y,
		     const char *const *cells, attr_t attr)
{
	char line[LIST_MAX_COLUMNS * LIST_CELL_BYTES];

	list_row_text(l, cells, line, sizeof(line));
	wattrset(win, attr);
	mvwaddstr(win, y, 0, " ");
	if (l->cols > 1)
		mvwaddstr(win, y, 1, line);
	wattrset(win, A_NORMAL);
}

void list_draw_header(const struct list *l, WINDOW *win, int y,
		      const char *const *titles)
{
	list_draw_cells(l, win, y, titles, theme_attr(THEME_HEADER));
}

static void mark_draw(WINDOW *win, int y, bool selected)
{
	mvwaddstr(win, y, 0, selected ? ">" : " ");
	mvwchgat(win, y, 0, 1, selected ? A_BOLD : A_NORMAL, 0, NULL);
}

void list_draw(struct list *l, WINDOW *win, list_row_fn row_fn, void *ctx)
{
	struct list_row row;
	bool selected;

	list_follow(l);
	for (int r = 0; r < l->rows && l->first + (size_t)r < l->n; r++) {
		size_t i = l->first + (size_t)r;

		memset(row.cells, 0, sizeof(row.cells));
		row.attr = theme_attr(THEME_NORMAL);
		row.span = NULL;
		row_fn(ctx, list_item(l, i), &row);
		selected = i == l->selected && row_selectable(l, i);
		if (row.span) {
			table_draw_cell(win, l->y + r, 0, l->cols, row.span,
					row.attr);
			continue;
		}
		if (selected && l->mark == LIST_MARK_HIGHLIGHT)
			row.attr = theme_attr(THEME_SELECTED);
		list_draw_cells(l, win, l->y + r, row.cells, row.attr);
		if (l->mark == LIST_MARK_ARROW)
			mark_draw(win, l->y + r, selected);
	}
}
