/* screen_review.c - the review queue: every pending item of the reviewer's
 * department by kind, oldest first, with the count of each kind on the
 * program's status line. Enter opens an item. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/net_review.h"

#include "review/review.h"

enum { COL_KIND, COL_REF, COL_SUMMARY, COL_SINCE, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_KIND] = {.min = 10, .max = 12, .weight = 0},
    [COL_REF] = {.min = 9, .max = 12, .weight = 0},
    [COL_SUMMARY] = {.min = 20, .max = 0, .weight = 3},
    [COL_SINCE] = {.min = 11, .max = 11, .weight = 0},
};

static const enum msg_id column_titles[COL_COUNT] = {
    MSG_RV_COL_KIND, MSG_RV_COL_REF, MSG_RV_COL_SUMMARY, MSG_RV_COL_SINCE};

struct queue {
	struct net_review_list list;
	size_t selected, first;
	int widths[COL_COUNT];
	int list_y, list_rows, cols;
	bool loaded;
	struct app *app; /* to clear the status line's counts on free */
};

/* The counts on the status line, kept here so that a decision can change
 * them before the queue reloads. */
static size_t status_counts[NET_REVIEW_KINDS];

/* "待审 3：容缺1 推诿2" into app->status_note (kinds with none left out,
 * so that it fits at 80 columns beside the user and the server state). */
static void status_note_set(struct app *app)
{
	static const enum msg_id words[NET_REVIEW_KINDS] = {
	    MSG_RV_SHORT_TOLERANT, MSG_RV_SHORT_ONCE,	 MSG_RV_SHORT_BREACH,
	    MSG_RV_SHORT_OVERDUE,  MSG_RV_SHORT_BOUNCED, MSG_RV_SHORT_RECTIFY,
	};
	char kinds[128] = "";
	size_t total = 0, n = 0;

	for (int k = 0; k < NET_REVIEW_KINDS; k++) {
		total += status_counts[k];
		if (status_counts[k] && n < sizeof(kinds))
			n += (size_t)snprintf(kinds + n, sizeof(kinds) - n,
					      "%s%s%zu", n ? " " : "",
					      msg(words[k]), status_counts[k]);
	}
	snprintf(app->status_note, sizeof(app->status_note), "%s %zu%s%s",
		 msg(MSG_RV_PENDING), total,
		 total ? msg(MSG_RV_COUNTS_SEP) : "", kinds);
}

void review_status_decided(struct app *app, enum net_review_kind k)
{
	if ((unsigned)k >= NET_REVIEW_KINDS || !status_counts[k] ||
	    !app->status_note[0])
		return;
	status_counts[k]--;
	status_note_set(app);
}

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},      {"Enter", MSG_RV_KEY_OPEN},
    {"F3", MSG_RV_KEY_SEARCH}, {"F4", MSG_RV_KEY_AUDIT},
    {"F5", MSG_KEY_REFRESH},   {"F6", MSG_RV_KEY_STATS},
    {"F10", MSG_KEY_QUIT},
};

static void queue_load(struct queue *s, struct app *app)
{
	struct net_review_list list = {0};
	struct wc_error err = {0};

	app_busy(app, MSG_BUSY_LOADING);
	if (net_review_queue(app->net, true, &list, &err)) {
		app_message_error(app, &err);
		return;
	}
	net_review_list_release(&s->list);
	s->list = list;
	memset(status_counts, 0, sizeof(status_counts));
	for (size_t i = 0; i < list.n; i++) {
		if (list.items[i].kind < NET_REVIEW_KINDS)
			status_counts[list.items[i].kind]++;
	}
	status_note_set(app);
	if (s->selected >= list.n)
		s->selected = list.n ? list.n - 1 : 0;
	s->loaded = true;
	app_message_clear(app);
}

static int queue_open(struct app *app, void **state)
{
	struct queue *s;

	if (!review_role(app)) {
		app_message(app, true, "%s", msg(MSG_RV_NOT_REVIEWER));
		return -1;
	}
	s = calloc(1, sizeof(*s));
	if (!s)
		return -1;
	*state = s;
	s->app = app;
	queue_load(s, app);
	return 0;
}

static void queue_layout(void *state, const struct frame_layout *frame)
{
	struct queue *s = state;

	s->cols = frame->cols;
	s->list_y = frame->body_y + 1;
	s->list_rows = frame->body_rows - 1;
	if (s->list_rows < 1)
		s->list_rows = 1;
	table_layout(columns, COL_COUNT, frame->cols - 2, s->widths);
}

static void row_draw(struct queue *s, WINDOW *win, int y, const char **cells,
		     attr_t attr)
{
	int x = 1;

	table_draw_cell(win, y, 0, 1, "", attr);
	for (int c = 0; c < COL_COUNT; c++) {
		if (s->widths[c] == 0)
			continue;
		/* the text, then a blank column before the next one */
		table_draw_cell(win, y, x, s->widths[c] + 1, "", attr);
		table_draw_cell(win, y, x, s->widths[c], cells[c], attr);
		x += s->widths[c] + 1;
	}
	if (x < s->cols)
		table_draw_cell(win, y, x, s->cols - x, "", attr);
}

static void queue_draw(void *state, struct app *app, WINDOW *win)
{
	struct queue *s = state;
	const char *cells[COL_COUNT];
	char ref[48], since[24];

	(void)app;
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	row_draw(s, win, s->list_y - 1, cells, theme_attr(THEME_HEADER));
	if (s->loaded && s->list.n == 0) {
		table_draw_cell(win, s->list_y, 2, s->cols - 2,
				msg(MSG_RV_EMPTY), theme_attr(THEME_HINT));
		return;
	}
	if (s->selected < s->first)
		s->first = s->selected;
	if (s->selected >= s->first + (size_t)s->list_rows)
		s->first = s->selected - (size_t)s->list_rows + 1;
	for (int r = 0; r < s->list_rows && s->first + (size_t)r < s->list.n;
	     r++) {
		size_t i = s->first + (size_t)r;
		const struct net_review_item *it = &s->list.items[i];

		if (it->case_id)
			snprintf(ref, sizeof(ref), "%s#%s", msg(MSG_RV_CASE),
				 it->case_id);
		else
			snprintf(ref, sizeof(ref), "%s#%s", msg(MSG_RV_INQUIRY),
				 it->inquiry_id ? it->inquiry_id : "-");
		review_short_time(it->created_at, since, sizeof(since));
		cells[COL_KIND] = review_kind_text(it->kind);
		cells[COL_REF] = ref;
		cells[COL_SUMMARY] = it->summary ? it->summary : "";
		cells[COL_SINCE] = since;
		row_draw(s, win, s->list_y + r, cells,
			 theme_attr(THEME_NORMAL));
		review_marker_draw(win, s->list_y + r, i == s->selected);
	}
}

static void target_copy(const struct net_review_item *it)
{
	struct review_target *t = &review_target;

	memset(t, 0, sizeof(*t));
	snprintf(t->item_id, sizeof(t->item_id), "%s", it->id);
	t->kind = it->kind;
	snprintf(t->case_id, sizeof(t->case_id), "%s",
		 it->case_id ? it->case_id : "");
	snprintf(t->inquiry_id, sizeof(t->inquiry_id), "%s",
		 it->inquiry_id ? it->inquiry_id : "");
	snprintf(t->created_at, sizeof(t->created_at), "%s",
		 it->created_at ? it->created_at : "");
	snprintf(t->due_date, sizeof(t->due_date), "%s",
		 it->due_date ? it->due_date : "");
	snprintf(t->summary, sizeof(t->summary), "%s",
		 it->summary ? it->summary : "");
}

static int list_move(struct queue *s, wint_t ch)
{
	size_t page = s->list_rows > 1 ? (size_t)s->list_rows - 1 : 1;

	switch (ch) {
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

static int queue_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct queue *s = state;
	bool enter = (ret == OK && (ch == '\r' || ch == '\n')) ||
		     (ret == KEY_CODE_YES && ch == KEY_ENTER);

	if (enter) {
		if (s->list.n == 0)
			return UI_HANDLED;
		target_copy(&s->list.items[s->selected]);
		app_push(app, &screen_review_item);
		return UI_HANDLED;
	}
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	if (ch == KEY_F(3)) {
		app_push(app, &screen_search);
	} else if (ch == KEY_F(4)) {
		review_target.audit_entity[0] = '\0';
		app_push(app, &screen_audit);
	} else if (ch == KEY_F(5)) {
		queue_load(s, app);
	} else if (ch == KEY_F(6)) {
		app_push(app, &screen_stats);
	} else {
		return list_move(s, ch);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* Back from an item: it may have been decided. */
static void queue_resume(void *state, struct app *app)
{
	struct queue *s = state;

	if (!review_target.decided)
		return;
	review_target.decided = false;
	queue_load(s, app);
}

static void queue_free(void **state)
{
	struct queue *s = *state;

	if (!s)
		return;
	net_review_list_release(&s->list);
	s->app->status_note[0] = '\0';
	free(s);
	*state = NULL;
}

const struct screen_ops screen_review = {
    .name = "review",
    .title = MSG_RV_TITLE,
    .help = MSG_RV_HELP_QUEUE,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = queue_open,
    .layout = queue_layout,
    .draw = queue_draw,
    .key = queue_key,
    .resume = queue_resume,
    .free = queue_free,
};
