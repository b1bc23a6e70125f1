/* screen_review.c - the review queue: every pending item of the reviewer's
 * department by kind, oldest first, with the count of each kind on the
 * program's status line. Enter opens an item. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/net_review.h"

#include "wincase/list.h"

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
	struct review_target target; /* the row opened, for the item screen */
	struct list rows;	     /* the items */
	int cols;
	bool loaded;
	struct app *app; /* to clear the status line's counts on free */
};

/* The counts on the status line, kept here so that a decision can change
 * them before the queue reloads. */
static size_t status_counts[REVIEW_KIND_COUNT];

/* "待审 3：容缺1 推诿2" into app->status_note (kinds with none left out,
 * so that it fits at 80 columns beside the user and the server state). */
static void status_note_set(struct app *app)
{
	static const enum msg_id words[REVIEW_KIND_COUNT] = {
	    MSG_RV_SHORT_TOLERANT, MSG_RV_SHORT_ONCE,	 MSG_RV_SHORT_BREACH,
	    MSG_RV_SHORT_OVERDUE,  MSG_RV_SHORT_BOUNCED, MSG_RV_SHORT_RECTIFY,
	};
	char kinds[128] = "";
	size_t total = 0, n = 0;

	for (int k = 0; k < REVIEW_KIND_COUNT; k++) {
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

void review_status_decided(struct app *app, enum review_kind k)
{
	if ((unsigned)k >= REVIEW_KIND_COUNT || !status_counts[k] ||
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
		if (list.items[i].kind < REVIEW_KIND_COUNT)
			status_counts[list.items[i].kind]++;
	}
	status_note_set(app);
	list_set_count(&s->rows, list.n);
	s->loaded = true;
	app_message_clear(app);
}

static int queue_open(struct app *app, const struct screen_arg *arg,
		      void **state)
{
	struct queue *s;

	(void)arg;
	if (!review_role(app)) {
		app_message(app, true, "%s", msg(MSG_RV_NOT_REVIEWER));
		return -1;
	}
	s = calloc(1, sizeof(*s));
	if (!s)
		return -1;
	*state = s;
	s->app = app;
	list_init(&s->rows, columns, COL_COUNT, LIST_MARK_ARROW);
	queue_load(s, app);
	return 0;
}

static void queue_layout(void *state, const struct frame_layout *frame)
{
	struct queue *s = state;

	s->cols = frame->cols;
	list_layout(&s->rows, frame->body_y + 1, frame->body_rows - 1,
		    frame->cols);
}

static void item_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct net_review_item *it =
	    &((struct queue *)ctx)->list.items[i];
	char *ref = row->buf[COL_REF], *since = row->buf[COL_SINCE];

	if (it->case_id)
		snprintf(ref, LIST_CELL_BYTES, "%s#%s", msg(MSG_RV_CASE),
			 it->case_id);
	else
		snprintf(ref, LIST_CELL_BYTES, "%s#%s", msg(MSG_RV_INQUIRY),
			 it->inquiry_id ? it->inquiry_id : "-");
	review_short_time(it->created_at, since, LIST_CELL_BYTES);
	row->cells[COL_KIND] = review_kind_text(it->kind);
	row->cells[COL_REF] = ref;
	row->cells[COL_SUMMARY] = it->summary;
	row->cells[COL_SINCE] = since;
}

static void queue_draw(void *state, struct app *app, WINDOW *win)
{
	struct queue *s = state;
	const char *cells[COL_COUNT];

	(void)app;
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	list_draw_header(&s->rows, win, s->rows.y - 1, cells);
	if (s->loaded && s->list.n == 0) {
		table_draw_cell(win, s->rows.y, 2, s->cols - 2,
				msg(MSG_RV_EMPTY), theme_attr(THEME_HINT));
		return;
	}
	list_draw(&s->rows, win, item_cells, s);
}

static void target_copy(struct review_target *t,
			const struct net_review_item *it)
{
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

static int queue_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct queue *s = state;
	bool enter = (ret == OK && (ch == '\r' || ch == '\n')) ||
		     (ret == KEY_CODE_YES && ch == KEY_ENTER);
	size_t i;

	if (enter) {
		if (!list_current(&s->rows, &i))
			return UI_HANDLED;
		target_copy(&s->target, &s->list.items[i]);
		app_push(app, &screen_review_item,
			 &(struct screen_arg){.data = &s->target});
		return UI_HANDLED;
	}
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	if (ch == KEY_F(3)) {
		app_push(app, &screen_search, NULL);
	} else if (ch == KEY_F(4)) {
		app_push(app, &screen_audit, NULL); /* on no entity yet */
	} else if (ch == KEY_F(5)) {
		queue_load(s, app);
	} else if (ch == KEY_F(6)) {
		app_push(app, &screen_stats, NULL);
	} else {
		return list_key(&s->rows, ret, ch);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* Back from an item: it may have been decided. */
static void queue_resume(void *state, struct app *app,
			 const struct screen_result *res)
{
	struct queue *s = state;

	if (res->decided)
		queue_load(s, app);
}

static void queue_free(void **state)
{
	struct queue *s = *state;

	if (!s)
		return;
	net_review_list_release(&s->list);
	list_release(&s->rows);
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
