/* screen_journal.c - the offline journal (issue 12): the changes that
 * wait for the server and those it refused, with what to do; F5 sends a
 * refused one again, Del marks it settled, F2 syncs now. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/list.h"
#include "wincase/net_offline.h"

#include "app.h"

enum { COL_TIME, COL_WHAT, COL_STATE, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_TIME] = {.min = 11, .max = 11, .weight = 0},
    [COL_WHAT] = {.min = 14, .max = 0, .weight = 2},
    [COL_STATE] = {.min = 16, .max = 32, .weight = 1},
};

static const enum msg_id titles[COL_COUNT] = {MSG_JR_COL_TIME, MSG_JR_COL_WHAT,
					      MSG_JR_COL_STATE};

struct journal_screen {
	struct net_offline_item *items; /* pending and stopped only */
	size_t n;
	struct list list;
	int y, cols;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},     {"F2", MSG_KEY_JR_SYNC},
    {"F5", MSG_KEY_JR_RETRY}, {"Del", MSG_KEY_JR_DISMISS},
    {"Esc", MSG_KEY_BACK},    {"F10", MSG_KEY_QUIT},
};

static void jscreen_load(struct journal_screen *s, struct app *app)
{
	struct net_offline_item *all = NULL;
	size_t n = net_offline_items(app->net, &all), k = 0;

	free(s->items);
	s->items = all;
	for (size_t i = 0; i < n; i++)
		if (all[i].state == OFFLINE_PENDING ||
		    all[i].state == OFFLINE_STOPPED)
			all[k++] = all[i];
	s->n = k;
	list_set_count(&s->list, k);
}

static int jscreen_open(struct app *app, const struct screen_arg *arg,
			void **state)
{
	struct journal_screen *s = calloc(1, sizeof(*s));

	(void)arg;
	if (!s)
		return -1;
	list_init(&s->list, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	jscreen_load(s, app);
	*state = s;
	return 0;
}

static void jscreen_layout(void *state, const struct frame_layout *frame)
{
	struct journal_screen *s = state;

	s->y = frame->body_y;
	s->cols = frame->cols;
	list_layout(&s->list, frame->body_y + 2, frame->body_rows - 5,
		    frame->cols);
}

/* "2026-11-02T09:30:00+08:00" -> "11-02 09:30". */
static void short_time(const char *at, char *out, size_t size)
{
	if (strlen(at) >= 16)
		snprintf(out, size, "%.5s %.5s", at + 5, at + 11);
	else
		snprintf(out, size, "%s", at);
}

static void row_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct journal_screen *s = ctx;
	const struct net_offline_item *it = &s->items[i];
	enum msg_id state = it->state == OFFLINE_PENDING ? MSG_JR_PENDING
			    : it->blocked		 ? MSG_JR_BLOCKED
							 : MSG_JR_STOPPED;

	short_time(it->client_time, row->buf[COL_TIME], LIST_CELL_BYTES);
	row->cells[COL_TIME] = row->buf[COL_TIME];
	row->cells[COL_WHAT] = msg((enum msg_id)(MSG_JR_KIND_FIRST + it->kind));
	row->cells[COL_STATE] = msg(state);
	if (it->state == OFFLINE_STOPPED)
		row->attr = theme_attr(THEME_ERROR);
}

static void jscreen_draw(void *state, struct app *app, WINDOW *win)
{
	struct journal_screen *s = state;
	const char *cells[COL_COUNT];
	char line[400], why[320];
	size_t i;

	table_draw_cell(win, s->y, 2, s->cols - 2,
			msg(s->n ? MSG_JR_HEAD : MSG_JR_EMPTY),
			theme_attr(THEME_HINT));
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(titles[c]);
	list_draw_header(&s->list, win, s->list.y - 1, cells);
	list_draw(&s->list, win, row_cells, s);
	if (!list_current(&s->list, &i) || s->items[i].state != OFFLINE_STOPPED)
		return;
	{
		struct wc_error e = {0};

		snprintf(e.code, sizeof(e.code), "%s", s->items[i].code);
		msg_for_error(&e, why, sizeof(why));
	}
	snprintf(line, sizeof(line), msg(MSG_JR_WHAT_TO_DO), why);
	table_draw_cell(win, s->list.y + s->list.rows, 2, s->cols - 2, line,
			theme_attr(THEME_ERROR));
	(void)app;
}

static int jscreen_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct journal_screen *s = state;
	struct wc_error err = {0};
	size_t i, sent = 0;

	if (ret == OK && ch == KEY_ESC) {
		app_pop(app);
		return UI_HANDLED;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(2)) {
		app_busy(app, MSG_BUSY_SAVING);
		if (net_offline_replay(app->net, &sent, &err) && err.code[0])
			app_message_error(app, &err);
		else
			app_message(app, false, msg(MSG_OFF_SYNCED), sent);
		jscreen_load(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && (ch == KEY_F(5) || ch == KEY_DC) &&
	    list_current(&s->list, &i) &&
	    s->items[i].state == OFFLINE_STOPPED) {
		bool retry = ch == KEY_F(5);

		if ((retry ? net_offline_retry : net_offline_dismiss)(
			app->net, s->items[i].key, &err))
			app_message_error(app, &err);
		else
			app_message(
			    app, false, "%s",
			    msg(retry ? MSG_JR_RETRIED : MSG_JR_DISMISSED));
		jscreen_load(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	return list_key(&s->list, ret, ch);
}

static void jscreen_free(void **state)
{
	struct journal_screen *s = *state;

	if (!s)
		return;
	free(s->items);
	list_release(&s->list);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_journal = {
    .name = "journal",
    .title = MSG_JR_TITLE,
    .help = MSG_HELP_JOURNAL,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = jscreen_open,
    .layout = jscreen_layout,
    .draw = jscreen_draw,
    .key = jscreen_key,
    .free = jscreen_free,
};
