/* layout.c - the frame every screen shares, table columns and the
 * function-key bar. Layout is a pure function of the size (STYLE.md 3). */
#include <string.h>

#include "wincase/forms.h"
#include "wincase/text.h"

void frame_layout(int rows, int cols, struct frame_layout *out)
{
	memset(out, 0, sizeof(*out));
	out->rows = rows;
	out->cols = cols;
	out->too_small = rows < FRAME_MIN_ROWS || cols < FRAME_MIN_COLS;
	out->status_y = 0;
	out->title_y = 1;
	out->body_y = 2;
	out->keybar_y = rows - 1;
	out->message_y = rows - 2;
	out->body_rows = rows - 4;
	if (out->body_rows < 0)
		out->body_rows = 0;
}

static int gaps(size_t n)
{
	return n > 0 ? (int)n - 1 : 0;
}

/* Spare columns go to the weighted columns in proportion, up to their
 * max; what is left goes one by one to any column that can still grow. */
static void spare_share(const struct column_def *defs, size_t n, int *widths,
			int spare)
{
	int weights = 0, give, room;
	bool grew = true;

	for (size_t i = 0; i < n; i++)
		if (widths[i] > 0)
			weights += defs[i].weight;
	for (size_t i = 0; i < n && weights > 0; i++) {
		if (widths[i] == 0 || defs[i].weight == 0)
			continue;
		give = spare * defs[i].weight / weights;
		room = defs[i].max ? defs[i].max - widths[i] : give;
		widths[i] += give < room ? give : room;
	}
	for (size_t i = 0; i < n; i++)
		spare -= widths[i] - (widths[i] ? defs[i].min : 0);
	while (spare > 0 && grew) {
		grew = false;
		for (size_t i = 0; i < n && spare > 0; i++) {
			if (widths[i] == 0 || defs[i].weight == 0)
				continue;
			if (defs[i].max && widths[i] >= defs[i].max)
				continue;
			widths[i]++;
			spare--;
			grew = true;
		}
	}
}

void table_layout(const struct column_def *defs, size_t n, int cols,
		  int *widths)
{
	size_t shown = n;
	int need;

	for (;;) {
		need = gaps(shown);
		for (size_t i = 0; i < shown; i++)
			need += defs[i].min;
		if (need <= cols || shown == 0)
			break;
		shown--; /* the last columns are dropped first */
	}
	for (size_t i = 0; i < n; i++)
		widths[i] = i < shown ? defs[i].min : 0;
	if (shown > 0 && need < cols)
		spare_share(defs, n, widths, cols - need);
}

void table_draw_cell(WINDOW *win, int y, int x, int width, const char *text,
		     attr_t attr)
{
	size_t bytes;
	int used = 0;

	if (width <= 0)
		return;
	text = text ? text : "";
	bytes = text_cut(text, width, &used);
	wattrset(win, attr);
	wmove(win, y, x);
	if (bytes > 0)
		waddnstr(win, text, (int)bytes);
	for (; used < width; used++)
		waddch(win, ' ');
	wattrset(win, A_NORMAL);
}

static int entry_width(const struct keybar_entry *e)
{
	return text_width(e->key) + text_width(e->label) + 1;
}

size_t keybar_fit(const struct keybar_entry *entries, size_t n, int cols)
{
	int used = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (used + entry_width(&entries[i]) > cols)
			break;
		used += entry_width(&entries[i]);
	}
	return i;
}

void keybar_draw(WINDOW *win, int y, int cols,
		 const struct keybar_entry *entries, size_t n)
{
	size_t fit = keybar_fit(entries, n, cols);
	int x = 0, w;

	for (size_t i = 0; i < fit; i++) {
		w = text_width(entries[i].key);
		table_draw_cell(win, y, x, w, entries[i].key,
				theme_attr(THEME_KEYBAR_KEY));
		x += w;
		w = text_width(entries[i].label) + 1;
		table_draw_cell(win, y, x, w, entries[i].label,
				theme_attr(THEME_KEYBAR));
		x += w;
	}
	if (x < cols)
		table_draw_cell(win, y, x, cols - x, "",
				theme_attr(THEME_KEYBAR));
}
