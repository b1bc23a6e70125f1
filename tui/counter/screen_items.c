/* screen_items.c - catalog search: the list filters as you type, by code
 * or Chinese name (core's item_matches over the list read once). */
#include <stdlib.h>
#include <string.h>

#include "wincase/list.h"

#include "app.h"
#include "common/form_util.h"

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
	struct list list; /* rows: the matching indexes into app->items */
	const struct app *app;
	int search_y, search_x;
	int cols;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},
    {"Enter", MSG_KEY_CHOOSE},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static bool item_match(const void *ctx, size_t i)
{
	const struct items *s = ctx;

	return item_matches(&s->app->items.items[i], lineedit_text(&s->query));
}

static int items_filter(struct items *s)
{
	return list_filter(&s->list, s->app->items.n, item_match, s);
}

static int items_open(struct app *app, const struct screen_arg *arg,
		      void **state)
{
	struct items *s = calloc(1, sizeof(*s));

	(void)arg;
	if (!s)
		return -1;
	s->app = app;
	list_init(&s->list, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	if (lineedit_init(&s->query, 64) || items_filter(s)) {
		lineedit_release(&s->query);
		list_release(&s->list);
		free(s);
		return -1;
	}
	*state = s;
	return 0;
}

static void items_layout(void *state, const struct frame_layout *frame)
{
	struct items *s = state;

	s->cols = frame->cols;
	s->search_y = frame->body_y;
	s->search_x = 2 + 8; /* after the "查找：" label */
	list_layout(&s->list, frame->body_y + 3, frame->body_rows - 4,
		    frame->cols);
}

static void row_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct items *s = ctx;
	const struct item *it = &s->app->items.items[i];

	row->cells[COL_CODE] = it->code;
	row->cells[COL_NAME] = it->name;
	row->cells[COL_DEPT] = it->department;
}

static void items_draw(void *state, struct app *app, WINDOW *win)
{
	struct items *s = state;
	const char *cells[COL_COUNT];

	search_head_draw(app, win, &s->query, s->search_y, s->search_x, s->cols,
			 s->list.n, msg(MSG_ITEMS_COUNT), msg(MSG_ITEMS_NONE));
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	list_draw_header(&s->list, win, s->list.y - 1, cells);
	list_draw(&s->list, win, row_cells, s);
}

static int items_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct items *s = state;
	size_t i;
	int r;

	if (ret == OK && ch == KEY_ESC) {
		app_pop(app); /* nothing picked */
		return UI_HANDLED;
	}
	if ((ret == OK && (ch == '\r' || ch == '\n')) ||
	    (ret == KEY_CODE_YES && ch == KEY_ENTER)) {
		if (!list_current(&s->list, &i))
			return UI_HANDLED;
		app_pop_with(app, &(struct screen_result){
				      .picked = &app->items.items[i]});
		return UI_HANDLED;
	}
	/* Home and End stay the search field's */
	if (!(ret == KEY_CODE_YES && (ch == KEY_HOME || ch == KEY_END))) {
		r = list_key(&s->list, ret, ch);
		if (r != UI_IGNORED)
			return r;
	}
	r = lineedit_key(&s->query, ret, ch);
	if (r & UI_CHANGED)
		items_filter(s); /* out of memory: no match shown */
	return r;
}

static void items_free(void **state)
{
	struct items *s = *state;

	if (!s)
		return;
	lineedit_release(&s->query);
	list_release(&s->list);
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
