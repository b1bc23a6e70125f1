/* screen_home.c - the clerk's open inquiries (GET /v1/inquiries?scope=mine):
 * number, applicant, topic, status; F4 registers a new one. */
#include <stdlib.h>
#include <string.h>

#include "app.h"

enum { COL_NO, COL_APPLICANT, COL_TOPIC, COL_STATUS, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_NO] = {.min = 16, .max = 18, .weight = 0},
    [COL_APPLICANT] = {.min = 8, .max = 20, .weight = 1},
    [COL_TOPIC] = {.min = 10, .max = 0, .weight = 4},
    [COL_STATUS] = {.min = 10, .max = 12, .weight = 0},
};

static const enum msg_id column_titles[COL_COUNT] = {
    MSG_HOME_COL_NO, MSG_HOME_COL_APPLICANT, MSG_HOME_COL_TOPIC,
    MSG_HOME_COL_STATUS};

struct home {
	struct net_inquiry_list list;
	size_t selected;
	size_t first; /* first row shown */
	int widths[COL_COUNT];
	int list_y, list_rows, cols;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},
    {"F4", MSG_KEY_NEW},
    {"F5", MSG_KEY_REFRESH},
    {"F10", MSG_KEY_QUIT},
};

static void home_refresh(struct home *s, struct app *app)
{
	struct net_inquiry_list list = {0};
	struct wc_error err = {0};

	app_busy(app, MSG_BUSY_LOADING);
	if (net_inquiries_mine(app->net, &list, &err)) {
		app_message_error(app, &err);
		return;
	}
	net_inquiry_list_release(&s->list);
	s->list = list;
	if (s->selected >= s->list.n)
		s->selected = s->list.n ? s->list.n - 1 : 0;
	app_message(app, false, msg(MSG_HOME_COUNT), s->list.n);
}

static int home_open(struct app *app, void **state)
{
	struct home *s = calloc(1, sizeof(*s));

	if (!s)
		return -1;
	home_refresh(s, app);
	*state = s;
	return 0;
}

static void home_layout(void *state, const struct frame_layout *frame)
{
	struct home *s = state;

	s->cols = frame->cols;
	s->list_y = frame->body_y + 1; /* below the column titles */
	s->list_rows = frame->body_rows - 1;
	if (s->list_rows < 1)
		s->list_rows = 1;
	table_layout(columns, COL_COUNT, frame->cols - 2, s->widths);
}

static const char *status_text(const char *status)
{
	static const struct {
		const char *name;
		enum msg_id id;
	} names[] = {
	    {"open", MSG_STATUS_OPEN},
	    {"handed_off", MSG_STATUS_HANDED_OFF},
	    {"referred", MSG_STATUS_REFERRED},
	    {"closed", MSG_STATUS_CLOSED},
	};

	for (size_t i = 0; status && i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(names[i].name, status) == 0)
			return msg(names[i].id);
	return status ? status : "";
}

static void row_draw(struct home *s, WINDOW *win, int y, const char **cells,
		     attr_t attr)
{
	int x = 1;

	table_draw_cell(win, y, 0, 1, "", attr);
	for (int c = 0; c < COL_COUNT; c++) {
		if (s->widths[c] == 0)
			continue;
		table_draw_cell(win, y, x, s->widths[c] + 1, cells[c], attr);
		x += s->widths[c] + 1;
	}
	if (x < s->cols)
		table_draw_cell(win, y, x, s->cols - x, "", attr);
}

static void home_draw(void *state, struct app *app, WINDOW *win)
{
	struct home *s = state;
	const char *cells[COL_COUNT];
	struct net_inquiry *q;

	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	row_draw(s, win, s->list_y - 1, cells, theme_attr(THEME_HEADER));
	if (s->list.n == 0) {
		table_draw_cell(win, s->list_y + 1, 2, s->cols - 2,
				msg(MSG_HOME_EMPTY), theme_attr(THEME_HINT));
		return;
	}
	if (s->selected < s->first)
		s->first = s->selected;
	if (s->selected >= s->first + (size_t)s->list_rows)
		s->first = s->selected - (size_t)s->list_rows + 1;
	for (int r = 0; r < s->list_rows && s->first + (size_t)r < s->list.n;
	     r++) {
		size_t i = s->first + (size_t)r;

		q = &s->list.items[i];
		cells[COL_NO] = q->no ? q->no : q->id;
		cells[COL_APPLICANT] = q->applicant_name;
		cells[COL_TOPIC] = q->topic;
		cells[COL_STATUS] = status_text(q->status);
		row_draw(s, win, s->list_y + r, cells,
			 theme_attr(i == s->selected ? THEME_SELECTED
						     : THEME_NORMAL));
	}
	(void)app;
}

static int home_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct home *s = state;
	size_t page = s->list_rows > 1 ? (size_t)s->list_rows - 1 : 1;

	if (ret == OK && (ch == 'n' || ch == 'N'))
		ch = KEY_F(4), ret = KEY_CODE_YES;
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	switch (ch) {
	case KEY_F(4):
		app_message_clear(app);
		app_push(app, &screen_inquiry);
		break;
	case KEY_F(5):
		home_refresh(s, app);
		break;
	case KEY_UP:
		if (s->selected > 0)
			s->selected--;
		break;
	case KEY_DOWN:
		if (s->selected + 1 < s->list.n)
			s->selected++;
		break;
	case KEY_PPAGE:
		s->selected = s->selected > page ? s->selected - page : 0;
		break;
	case KEY_NPAGE:
		s->selected += page;
		if (s->selected >= s->list.n)
			s->selected = s->list.n ? s->list.n - 1 : 0;
		break;
	default:
		return UI_IGNORED;
	}
	return UI_HANDLED | UI_REDRAW;
}

/* Back from the new-inquiry form: show what the server now holds, keeping
 * the form's confirmation on the message line. */
static void home_resume(void *state, struct app *app)
{
	struct home *s = state;
	char keep[sizeof(app->message)];
	bool keep_error = app->message_is_error;

	memcpy(keep, app->message, sizeof(keep));
	home_refresh(s, app);
	if (keep[0] && !(app->message_is_error)) {
		memcpy(app->message, keep, sizeof(keep));
		app->message_is_error = keep_error;
	}
	for (size_t i = 0; i < s->list.n; i++)
		if (strcmp(s->list.items[i].id, app->last_created) == 0)
			s->selected = i;
}

static void home_free(void **state)
{
	struct home *s = *state;

	if (!s)
		return;
	net_inquiry_list_release(&s->list);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_home = {
    .name = "home",
    .title = MSG_HOME_TITLE,
    .help = MSG_HELP_HOME,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = home_open,
    .layout = home_layout,
    .draw = home_draw,
    .key = home_key,
    .resume = home_resume,
    .free = home_free,
};
