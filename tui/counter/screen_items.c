/* screen_items.c - catalog search: the list filters as you type, by code
 * or Chinese name (core's item_matches over the list read once). */
#include <stdlib.h>
#include <string.h>

#include "app.h"

enum { COL_CODE, COL_NAME, COL_DEPT, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_CODE] = {.min = 12, .max = 14, .weight = 0},
    [COL_NAME] = {.min = 20, .max = 0, .weight = 3},
    [COL_DEPT] = {.min = 8, .max = 24, .weight = 1},
};

static const enum msg_id column_titles[COL_COUNT] = {
    MSG_ITEMS_COL_CODE, MSG_ITEMS_COL_NAME, MSG_ITEMS_COL_DEPT};

struct items {
	struct line_editor query;
	size_t *matches; /* indexes into app->items */
	size_t n_matches;
	size_t selected, first;
	int widths[COL_COUNT];
	int search_y, search_x, search_cols;
	int list_y, list_rows, cols;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},
    {"Enter", MSG_KEY_CHOOSE},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static void items_filter(struct items *s, const struct app *app)
{
	const char *q = lineedit_text(&s->query);

	s->n_matches = 0;
	for (size_t i = 0; i < app->items.n; i++)
		if (item_matches(&app->items.items[i], q))
			s->matches[s->n_matches++] = i;
	s->selected = 0;
	s->first = 0;
}

static int items_open(struct app *app, const struct screen_arg *arg,
		      void **state)
{
	struct items *s = calloc(1, sizeof(*s));

	(void)arg;
	if (!s)
		return -1;
	s->matches = calloc(app->items.n ? app->items.n : 1, sizeof(size_t));
	if (!s->matches || lineedit_init(&s->query, 64)) {
		free(s->matches);
		free(s);
		return -1;
	}
	items_filter(s, app);
	*state = s;
	return 0;
}

static void items_layout(void *state, const struct frame_layout *frame)
{
	struct items *s = state;

	s->cols = frame->cols;
	s->search_y = frame->body_y;
	s->search_x = 2 + 8; /* after the "查找：" label */
	s->search_cols = frame->cols - s->search_x - 2;
	if (s->search_cols > 40)
		s->search_cols = 40;
	s->list_y = frame->body_y + 3;
	s->list_rows = frame->body_rows - 4;
	if (s->list_rows < 1)
		s->list_rows = 1;
	table_layout(columns, COL_COUNT, frame->cols - 2, s->widths);
}

static void row_draw(struct items *s, WINDOW *win, int y, const char **cells,
		     attr_t attr)
{
	table_draw_cell(win, y, 0, 1, "", attr);
	table_draw_row(win, y, s->cols, s->widths, COL_COUNT, cells, true,
		       attr);
}

static void list_draw(struct items *s, struct app *app, WINDOW *win)
{
	const char *cells[COL_COUNT];
	const struct item *it;

	if (s->selected < s->first)
		s->first = s->selected;
	if (s->selected >= s->first + (size_t)s->list_rows)
		s->first = s->selected - (size_t)s->list_rows + 1;
	for (int r = 0; r < s->list_rows && s->first + (size_t)r < s->n_matches;
	     r++) {
		size_t i = s->first + (size_t)r;

		it = &app->items.items[s->matches[i]];
		cells[COL_CODE] = it->code;
		cells[COL_NAME] = it->name;
		cells[COL_DEPT] = it->department;
		row_draw(s, win, s->list_y + r, cells,
			 theme_attr(i == s->selected ? THEME_SELECTED
						     : THEME_NORMAL));
	}
}

static void items_draw(void *state, struct app *app, WINDOW *win)
{
	struct items *s = state;
	const char *cells[COL_COUNT];
	char line[200];
	struct line_view v;

	snprintf(line, sizeof(line), "%s：", msg(MSG_ITEMS_SEARCH));
	table_draw_cell(win, s->search_y, 2, s->search_x - 2, line,
			theme_attr(THEME_LABEL) | A_BOLD);
	lineedit_draw(&s->query, win, s->search_y, s->search_x, s->search_cols,
		      theme_attr(THEME_INPUT_FOCUS));
	lineedit_view(&s->query, s->search_cols, &v);
	app->cursor_y = s->search_y;
	app->cursor_x = s->search_x + v.cursor_x;
	if (s->n_matches == 0)
		snprintf(line, sizeof(line), "%s", msg(MSG_ITEMS_NONE));
	else
		snprintf(line, sizeof(line), msg(MSG_ITEMS_COUNT),
			 s->n_matches);
	table_draw_cell(win, s->search_y + 1, 2, s->cols - 2, line,
			theme_attr(s->n_matches ? THEME_HINT : THEME_ERROR));
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	row_draw(s, win, s->list_y - 1, cells, theme_attr(THEME_HEADER));
	list_draw(s, app, win);
}

static int list_key(struct items *s, struct app *app, wint_t ch)
{
	size_t page = s->list_rows > 1 ? (size_t)s->list_rows - 1 : 1;

	switch (ch) {
	case KEY_UP:
		if (s->selected > 0)
			s->selected--;
		break;
	case KEY_DOWN:
		if (s->selected + 1 < s->n_matches)
			s->selected++;
		break;
	case KEY_PPAGE:
		s->selected = s->selected > page ? s->selected - page : 0;
		break;
	case KEY_NPAGE:
		s->selected += page;
		if (s->selected >= s->n_matches)
			s->selected = s->n_matches ? s->n_matches - 1 : 0;
		break;
	case KEY_ENTER:
		return -1;
	default:
		(void)app;
		return UI_IGNORED;
	}
	return UI_HANDLED | UI_REDRAW;
}

static int items_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct items *s = state;
	int r;

	if (ret == OK && ch == KEY_ESC) {
		app_pop(app); /* nothing picked */
		return UI_HANDLED;
	}
	r = ret == KEY_CODE_YES ? list_key(s, app, ch) : UI_IGNORED;
	if (r < 0 || (ret == OK && (ch == '\r' || ch == '\n'))) {
		if (s->n_matches == 0)
			return UI_HANDLED;
		app_pop_with(
		    app,
		    &(struct screen_result){
			.picked = &app->items.items[s->matches[s->selected]]});
		return UI_HANDLED;
	}
	if (r != UI_IGNORED)
		return r;
	r = lineedit_key(&s->query, ret, ch);
	if (r & UI_CHANGED)
		items_filter(s, app);
	return r;
}

static void items_free(void **state)
{
	struct items *s = *state;

	if (!s)
		return;
	lineedit_release(&s->query);
	free(s->matches);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_items = {
    .name = "items",
    .title = MSG_ITEMS_TITLE,
    .help = MSG_HELP_ITEMS,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = items_open,
    .layout = items_layout,
    .draw = items_draw,
    .key = items_key,
    .free = items_free,
};
