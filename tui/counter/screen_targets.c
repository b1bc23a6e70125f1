/* screen_targets.c - where an inquiry can be handed off to (R1, issue
 * 13.5): the server's windows and departments, filtered as the clerk
 * types; the session's own window is left out. Enter picks one into the
 * handoff form's struct handoff_pick (screen_arg.data). */
#include <stdlib.h>
#include <string.h>

#include "wincase/list.h"
#include "wincase/net_handoff.h"

#include "app.h"
#include "counter/handoff_pick.h"

enum { COL_KIND, COL_NAME, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_KIND] = {.min = 6, .max = 8, .weight = 0},
    [COL_NAME] = {.min = 20, .max = 0, .weight = 1},
};

struct targets {
	struct line_editor query;
	struct list list; /* rows: indexes into all */
	struct net_handoff_targets all;
	struct handoff_pick *pick;
	int search_y, search_x, search_cols, cols;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},
    {"Enter", MSG_KEY_CHOOSE},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static const char *kind_word(const struct net_handoff_target *t)
{
	return msg(t->department ? MSG_HO_TO_DEPARTMENT : MSG_HO_TO_WINDOW);
}

/* A part of the name, or of the kind's word ("部门" lists departments). */
static bool target_match(const void *ctx, size_t i)
{
	const struct targets *s = ctx;
	const struct net_handoff_target *t = &s->all.items[i];
	const char *q = lineedit_text(&s->query);

	return !*q || strstr(t->name, q) || strstr(kind_word(t), q);
}

/* The session's own window is no target. */
static void targets_drop_own(struct targets *s, const char *own)
{
	size_t j = 0;

	for (size_t i = 0; i < s->all.n; i++) {
		struct net_handoff_target *t = &s->all.items[i];

		if (!t->department && own && strcmp(t->name, own) == 0)
			free(t->name);
		else
			s->all.items[j++] = *t;
	}
	s->all.n = j;
}

static void targets_free(void **state)
{
	struct targets *s = *state;

	if (!s)
		return;
	lineedit_release(&s->query);
	list_release(&s->list);
	net_handoff_targets_release(&s->all);
	free(s);
	*state = NULL;
}

static int targets_open(struct app *app, const struct screen_arg *arg,
			void **state)
{
	struct targets *s = calloc(1, sizeof(*s));
	struct wc_error err = {0};

	if (!s)
		return -1;
	s->pick = (struct handoff_pick *)arg->data;
	list_init(&s->list, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	if (lineedit_init(&s->query, 32)) {
		targets_free((void **)&s);
		return -1;
	}
	app_busy(app, MSG_BUSY_LOADING);
	if (net_handoff_targets(app->net, &s->all, &err)) {
		app_message_error(app, &err);
		targets_free((void **)&s);
		return -1;
	}
	targets_drop_own(s, app->user.window);
	if (list_filter(&s->list, s->all.n, target_match, s)) {
		targets_free((void **)&s);
		return -1;
	}
	app_message_clear(app);
	*state = s;
	return 0;
}

static void targets_layout(void *state, const struct frame_layout *frame)
{
	struct targets *s = state;

	s->cols = frame->cols;
	s->search_y = frame->body_y;
	s->search_x = 2 + 8;
	s->search_cols = frame->cols - s->search_x - 2;
	if (s->search_cols > 40)
		s->search_cols = 40;
	list_layout(&s->list, frame->body_y + 3, frame->body_rows - 4,
		    frame->cols);
}

static void row_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct targets *s = ctx;

	row->cells[COL_KIND] = kind_word(&s->all.items[i]);
	row->cells[COL_NAME] = s->all.items[i].name;
}

static void targets_draw(void *state, struct app *app, WINDOW *win)
{
	struct targets *s = state;
	const char *cells[COL_COUNT] = {msg(MSG_HO_KIND), msg(MSG_HO_TARGET)};
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
	if (s->list.n == 0)
		snprintf(line, sizeof(line), "%s", msg(MSG_HO_PICK_NONE));
	else
		snprintf(line, sizeof(line), msg(MSG_HO_PICK_COUNT), s->list.n);
	table_draw_cell(win, s->search_y + 1, 2, s->cols - 2, line,
			theme_attr(s->list.n ? THEME_HINT : THEME_ERROR));
	list_draw_header(&s->list, win, s->list.y - 1, cells);
	list_draw(&s->list, win, row_cells, s);
}

static int targets_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct targets *s = state;
	size_t i;
	int r;

	if (ret == OK && ch == KEY_ESC) {
		app_pop(app);
		return UI_HANDLED;
	}
	if ((ret == OK && (ch == '\r' || ch == '\n')) ||
	    (ret == KEY_CODE_YES && ch == KEY_ENTER)) {
		if (!list_current(&s->list, &i) || !s->pick)
			return UI_HANDLED;
		s->pick->chosen = true;
		s->pick->department = s->all.items[i].department;
		snprintf(s->pick->name, sizeof(s->pick->name), "%s",
			 s->all.items[i].name);
		app_pop(app);
		return UI_HANDLED;
	}
	if (!(ret == KEY_CODE_YES && (ch == KEY_HOME || ch == KEY_END))) {
		r = list_key(&s->list, ret, ch);
		if (r != UI_IGNORED)
			return r;
	}
	r = lineedit_key(&s->query, ret, ch);
	if (r & UI_CHANGED)
		list_filter(&s->list, s->all.n, target_match, s);
	return r;
}

const struct screen_ops screen_targets = {
    .name = "targets",
    .title = MSG_HO_PICK_TITLE,
    .help = MSG_HELP_HO,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = targets_open,
    .layout = targets_layout,
    .draw = targets_draw,
    .key = targets_key,
    .free = targets_free,
};
