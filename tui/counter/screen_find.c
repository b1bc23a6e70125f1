/* screen_find.c - find any case or inquiry of the window (issue 13.3), in
 * every state, completed and closed ones too: by number, applicant name,
 * ID number or phone, the server matching. Opened with F3 on the home
 * screen or Ctrl-F from any screen; a whole number typed and Enter opens
 * that case or inquiry at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wincase/date.h"
#include "wincase/list.h"
#include "wincase/net_review.h"

#include "app.h"
#include "common/case_util.h"

#define QUERY_CHARS 40

enum { COL_KIND, COL_NO, COL_APPLICANT, COL_STATUS, COL_TIME, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_KIND] = {.min = 4, .max = 4, .weight = 0},
    [COL_NO] = {.min = 16, .max = 18, .weight = 0},
    [COL_APPLICANT] = {.min = 8, .max = 24, .weight = 2},
    [COL_STATUS] = {.min = 10, .max = 14, .weight = 1},
    [COL_TIME] = {.min = 11, .max = 16, .weight = 0},
};

static const enum msg_id column_titles[COL_COUNT] = {
    MSG_FIND_COL_KIND, MSG_HOME_COL_NO, MSG_HOME_COL_APPLICANT,
    MSG_HOME_COL_STATUS, MSG_FIND_COL_TIME};

struct find {
	struct line_editor query;
	char searched[QUERY_CHARS * 4 + 1]; /* the query of the results */
	struct net_found_list found;
	struct list list;
	int this_year;
	int query_y, query_x, query_cols, cols;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},
    {"Enter", MSG_KEY_FIND},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static int find_open(struct app *app, const struct screen_arg *arg,
		     void **state)
{
	struct find *s = calloc(1, sizeof(*s));
	struct wc_error err = {0};
	char today[DATE_TEXT_SIZE] = "";

	(void)arg;
	if (!s)
		return -1;
	if (lineedit_init(&s->query, QUERY_CHARS)) {
		free(s);
		return -1;
	}
	list_init(&s->list, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	if (net_server_date(app->net, today, &err) == 0)
		s->this_year = atoi(today);
	app_message(app, false, "%s", msg(MSG_FIND_HINT));
	*state = s;
	return 0;
}

static void find_layout(void *state, const struct frame_layout *frame)
{
	struct find *s = state;

	s->cols = frame->cols;
	s->query_y = frame->body_y;
	s->query_x = 2 + 10; /* after the "号码或姓名：" label */
	s->query_cols = frame->cols - s->query_x - 2;
	if (s->query_cols > 44)
		s->query_cols = 44;
	list_layout(&s->list, frame->body_y + 3, frame->body_rows - 3,
		    frame->cols);
}

static const char *status_text(const struct net_found *f)
{
	return f->is_case ? case_status_label(f->case_status)
			  : inquiry_status_label(f->inquiry_status);
}

static void row_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct find *s = ctx;
	const struct net_found *f = &s->found.items[i];
	char when[DATE_TIME_SHORT_SIZE];

	date_time_short(f->created_at, s->this_year, when);
	row->cells[COL_KIND] =
	    msg(f->is_case ? MSG_FIND_KIND_CASE : MSG_FIND_KIND_INQUIRY);
	row->cells[COL_NO] = f->no;
	row->cells[COL_APPLICANT] = f->applicant;
	row->cells[COL_STATUS] = status_text(f);
	snprintf(row->buf[COL_TIME], sizeof(row->buf[COL_TIME]), "%s", when);
	row->cells[COL_TIME] = row->buf[COL_TIME];
}

static void find_draw(void *state, struct app *app, WINDOW *win)
{
	struct find *s = state;
	const char *cells[COL_COUNT];
	char line[200];
	struct line_view v;

	snprintf(line, sizeof(line), "%s：", msg(MSG_FIND_LABEL));
	table_draw_cell(win, s->query_y, 2, s->query_x - 2, line,
			theme_attr(THEME_LABEL) | A_BOLD);
	lineedit_draw(&s->query, win, s->query_y, s->query_x, s->query_cols,
		      theme_attr(THEME_INPUT_FOCUS));
	lineedit_view(&s->query, s->query_cols, &v);
	app->cursor_y = s->query_y;
	app->cursor_x = s->query_x + v.cursor_x;
	if (s->searched[0]) {
		if (s->found.n == 0)
			snprintf(line, sizeof(line), msg(MSG_FIND_NONE),
				 s->searched);
		else
			snprintf(line, sizeof(line), msg(MSG_FIND_COUNT),
				 s->found.n);
		table_draw_cell(
		    win, s->query_y + 1, 2, s->cols - 3, line,
		    theme_attr(s->found.n ? THEME_HINT : THEME_ERROR));
	}
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	list_draw_header(&s->list, win, s->list.y - 1, cells);
	list_draw(&s->list, win, row_cells, s);
}

static void open_found(struct app *app, const struct net_found *f)
{
	app_message_clear(app);
	if (f->is_case)
		app_replace(app, &screen_case_view,
			    &(struct screen_arg){.case_id = f->id});
	else
		app_replace(app, &screen_inquiry_view,
			    &(struct screen_arg){.inquiry_id = f->id});
}

/* The server's matches of the query; a single one whose number is the
 * query exactly opens at once. */
static void find_run(struct find *s, struct app *app)
{
	struct wc_error err = {0};
	struct net_found_list found = {0};
	const char *q = lineedit_text(&s->query);

	if (lineedit_chars(&s->query) == 0) {
		app_message(app, true, "%s", msg(MSG_FIND_EMPTY));
		return;
	}
	app_busy(app, MSG_BUSY_LOADING);
	if (net_counter_find(app->net, q, &found, &err)) {
		app_message_error(app, &err);
		return;
	}
	net_found_list_release(&s->found);
	s->found = found;
	snprintf(s->searched, sizeof(s->searched), "%s", q);
	list_set_count(&s->list, s->found.n);
	list_select_first(&s->list);
	app_message_clear(app);
	for (size_t i = 0; i < s->found.n; i++)
		if (s->found.items[i].no &&
		    strcasecmp(s->found.items[i].no, q) == 0) {
			open_found(app, &s->found.items[i]);
			return;
		}
}

static int find_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct find *s = state;
	size_t i;
	int r;

	if (ret == OK && ch == KEY_ESC) {
		app_message_clear(app);
		app_pop(app);
		return UI_HANDLED;
	}
	if ((ret == OK && (ch == '\r' || ch == '\n')) ||
	    (ret == KEY_CODE_YES && ch == KEY_ENTER)) {
		/* Enter on the results of this query opens the selected one;
		 * after a change it searches again. */
		if (s->searched[0] &&
		    strcmp(s->searched, lineedit_text(&s->query)) == 0 &&
		    list_current(&s->list, &i))
			open_found(app, &s->found.items[i]);
		else
			find_run(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (!(ret == KEY_CODE_YES && (ch == KEY_HOME || ch == KEY_END))) {
		r = list_key(&s->list, ret, ch);
		if (r != UI_IGNORED)
			return r;
	}
	/* the query is not a form: no draft of it */
	return lineedit_key(&s->query, ret, ch) & ~UI_CHANGED;
}

static void find_free(void **state)
{
	struct find *s = *state;

	if (!s)
		return;
	lineedit_release(&s->query);
	net_found_list_release(&s->found);
	list_release(&s->list);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_find = {
    .name = "find",
    .title = MSG_FIND_TITLE,
    .help = MSG_HELP_FIND,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = find_open,
    .layout = find_layout,
    .draw = find_draw,
    .key = find_key,
    .free = find_free,
};
