/* screen_review.c - the review queue a team works (issue 14): the lists
 * (every pending item, mine, nobody's, decided, my decisions), a kind
 * filter, the owner of each item, take and release (F7), hand to a
 * colleague (F8), several tolerant acceptances approved at once (Space,
 * F2; each decided and audited on its own), and the count of each kind on
 * the program's status line. Each row says how long the item has waited
 * in working hours (in the warning colour past the server's
 * review_warn_hours) and a rectification's deadline; 's' sorts, 'a'
 * filters by age, Home/End go to the ends. Enter opens an item. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/draft.h"
#include "wincase/net_review.h"
#include "wincase/review_words.h"
#include "wincase/text.h"

#include "wincase/list.h"

#include "common/case_util.h"
#include "review/review.h"

enum { COL_KIND, COL_REF, COL_SUMMARY, COL_OWNER, COL_AGE, COL_DUE, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_KIND] = {.min = 10, .max = 12, .weight = 0},
    [COL_REF] = {.min = 8, .max = 12, .weight = 0},
    [COL_SUMMARY] = {.min = 16, .max = 0, .weight = 3},
    [COL_OWNER] = {.min = 9, .max = 12, .weight = 0},
    [COL_AGE] = {.min = 8, .max = 8, .weight = 0},
    [COL_DUE] = {.min = 5, .max = 6, .weight = 0},
};

static const enum msg_id column_titles[COL_COUNT] = {
    MSG_RV_COL_KIND,  MSG_RV_COL_REF, MSG_RV_COL_SUMMARY,
    MSG_RV_COL_OWNER, MSG_RV_COL_AGE, MSG_RV_COL_DUE};

/* The orders the queue is shown in ('s' goes to the next). */
enum queue_sort {
	SORT_KIND,   /* by kind, each oldest first (the server's order) */
	SORT_OLDEST, /* waited longest first, whatever the kind */
	SORT_NEWEST,
	SORT_OWNER, /* by who has it, nobody's first */
	SORT_DUE,   /* rectification deadlines, soonest first */
	SORT_COUNT
};

static const enum msg_id sort_words[SORT_COUNT] = {
    MSG_RV_SORT_KIND, MSG_RV_SORT_OLDEST, MSG_RV_SORT_NEWEST, MSG_RV_SORT_OWNER,
    MSG_RV_SORT_DUE};

/* Which ages are shown ('a' goes to the next). */
enum queue_age { AGE_ANY, AGE_AGED, AGE_FRESH, AGE_COUNT };

static const enum msg_id age_words[AGE_COUNT] = {
    MSG_RV_AGE_ANY, MSG_RV_AGE_AGED, MSG_RV_AGE_FRESH};

static const enum msg_id view_words[NET_REVIEW_VIEWS] = {
    MSG_RV_VIEW_PENDING, MSG_RV_VIEW_MINE, MSG_RV_VIEW_UNOWNED,
    MSG_RV_VIEW_DONE, MSG_RV_VIEW_MY_DECIDED};

/* What the line at the bottom is typed for. */
enum queue_input { INPUT_NONE, INPUT_ASSIGN, INPUT_BULK };

struct queue {
	struct net_review_list list;
	struct review_target target; /* the row opened, for the item screen */
	struct list rows;	     /* the items of the kind shown */
	bool *marked;		     /* per item: chosen for F2 */
	size_t n_marked;
	enum net_review_view view;
	enum review_kind kind; /* REVIEW_KIND_COUNT: every kind */
	enum queue_sort sort;
	enum queue_age age;
	enum queue_input input;
	struct line_editor line;
	char key[NET_IDEMPOTENCY_KEY_SIZE]; /* the intent being sent */
	struct key_list bar;
	int cols, view_y, line_y;
	bool loaded;
	char draft_note[256]; /* "" when no decision draft waits */
	struct app *app;      /* to clear the status line's counts on free */
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
    {"F7", MSG_RV_KEY_TAKE},   {"F8", MSG_RV_KEY_ASSIGN},
    {"F9", MSG_RV_KEY_VIEW},   {"F10", MSG_KEY_QUIT},
};

static bool is_me(const struct app *app, const char *user)
{
	return user && app->user.username &&
	       strcmp(user, app->user.username) == 0;
}

static const struct net_review_item *current_item(const struct queue *s)
{
	size_t i;

	return list_current(&s->rows, &i) ? &s->list.items[i] : NULL;
}

/* The key bar of the moment: F2 with marked items, F7 take or release. */
static const struct screen_key *queue_keys_now(void *state, size_t *n)
{
	struct queue *s = state;
	const struct net_review_item *it;
	bool pending;

	if (!s) {
		*n = sizeof(keys) / sizeof(*keys);
		return keys;
	}
	it = current_item(s);
	pending = it && it->status == REVIEW_PENDING;
	s->bar.n = 0;
	key_list_add(&s->bar, true, "F1", MSG_KEY_HELP);
	key_list_add(&s->bar, s->n_marked > 0, "F2", MSG_RV_KEY_BULK);
	key_list_add(&s->bar, it != NULL, "Enter", MSG_RV_KEY_OPEN);
	key_list_add(&s->bar, true, "F3", MSG_RV_KEY_SEARCH);
	key_list_add(&s->bar, true, "F5", MSG_KEY_REFRESH);
	key_list_add(&s->bar, true, "F6", MSG_RV_KEY_STATS);
	key_list_add(&s->bar, pending, "F7",
		     pending && is_me(s->app, it->owner) ? MSG_RV_KEY_RELEASE
							 : MSG_RV_KEY_TAKE);
	key_list_add(&s->bar, pending, "F8", MSG_RV_KEY_ASSIGN);
	key_list_add(&s->bar, true, "F9", MSG_RV_KEY_VIEW);
	key_list_add(&s->bar, true, "Tab", MSG_RV_KEY_KIND);
	key_list_add(&s->bar, true, "F10", MSG_KEY_QUIT);
	key_list_add(&s->bar, true, "S", MSG_RV_KEY_SORT);
	key_list_add(&s->bar, true, "A", MSG_RV_KEY_AGE);
	*n = s->bar.n;
	return s->bar.keys;
}

/* The kind and age filters. */
static bool item_match(const void *ctx, size_t i)
{
	const struct queue *s = ctx;
	const struct net_review_item *it = &s->list.items[i];

	if (s->kind != REVIEW_KIND_COUNT && it->kind != s->kind)
		return false;
	return s->age == AGE_ANY || (s->age == AGE_AGED) == it->aged;
}

static int text_order(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int order_oldest(const struct net_review_item *a,
			const struct net_review_item *b)
{
	return text_order(a->created_at, b->created_at);
}

/* The server's order: by kind, each oldest first. */
static int order_kind(const struct net_review_item *a,
		      const struct net_review_item *b)
{
	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	return order_oldest(a, b);
}

static int order_newest(const struct net_review_item *a,
			const struct net_review_item *b)
{
	return -order_oldest(a, b);
}

static int order_owner(const struct net_review_item *a,
		       const struct net_review_item *b)
{
	return text_order(a->owner, b->owner);
}

/* Items without a deadline last. */
static int order_due(const struct net_review_item *a,
		     const struct net_review_item *b)
{
	if (!a->due_date != !b->due_date)
		return a->due_date ? -1 : 1;
	return text_order(a->due_date, b->due_date);
}

typedef int (*item_order_fn)(const struct net_review_item *,
			     const struct net_review_item *);

static const item_order_fn orders[SORT_COUNT] = {
    order_kind, order_oldest, order_newest, order_owner, order_due};

/* An item with its mark, sorted together; seq keeps the sort stable. */
struct sort_entry {
	struct net_review_item item;
	bool marked;
	size_t seq;
};

static enum queue_sort sort_now;

static int sort_entry_order(const void *pa, const void *pb)
{
	const struct sort_entry *a = pa, *b = pb;
	int c = orders[sort_now](&a->item, &b->item);

	if (!c) /* ties in the server's order */
		c = order_kind(&a->item, &b->item);
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The items in s->sort, their marks with them. */
static void queue_sort(struct queue *s)
{
	struct sort_entry *e;
	size_t n = s->list.n;

	if (n < 2 || !(e = calloc(n, sizeof(*e))))
		return;
	for (size_t i = 0; i < n; i++)
		e[i] = (struct sort_entry){s->list.items[i], s->marked[i], i};
	sort_now = s->sort;
	qsort(e, n, sizeof(*e), sort_entry_order);
	for (size_t i = 0; i < n; i++) {
		s->list.items[i] = e[i].item;
		s->marked[i] = e[i].marked;
	}
	free(e);
}

/* The rows again after a filter or order change, the selection kept on
 * its item when it is still shown. */
static void queue_refilter(struct queue *s, const char *keep_id)
{
	list_filter(&s->rows, s->list.n, item_match, s);
	for (size_t i = 0; keep_id && keep_id[0] && i < s->list.n; i++)
		if (strcmp(s->list.items[i].id, keep_id) == 0)
			list_select_item(&s->rows, i);
}

/* The pending list sets the counts of the status line. */
static void counts_from(struct app *app, const struct net_review_list *list)
{
	memset(status_counts, 0, sizeof(status_counts));
	for (size_t i = 0; i < list->n; i++) {
		if (list->items[i].kind < REVIEW_KIND_COUNT)
			status_counts[list->items[i].kind]++;
	}
	status_note_set(app);
}

static void queue_load(struct queue *s, struct app *app)
{
	struct net_review_list list = {0};
	struct wc_error err = {0};
	const struct net_review_item *was = current_item(s);
	char was_id[32] = "";
	bool *marked;

	/* The selection stays on the item it was on, when still listed. */
	if (was)
		snprintf(was_id, sizeof(was_id), "%s", was->id);

	app_busy(app, MSG_BUSY_LOADING);
	if (net_review_queue_view(app->net, s->view, &list, &err)) {
		app_message_error(app, &err);
		return;
	}
	marked = calloc(list.n ? list.n : 1, sizeof(*marked));
	if (!marked) {
		net_review_list_release(&list);
		return;
	}
	net_review_list_release(&s->list);
	free(s->marked);
	s->list = list;
	s->marked = marked;
	s->n_marked = 0;
	if (s->view == NET_VIEW_PENDING)
		counts_from(app, &list);
	queue_sort(s);
	queue_refilter(s, was_id);
	s->loaded = true;
	app_message_clear(app);
}

/* Issue 14.4: a decision typed before the connection dropped waits; the
 * line above the key bar says so until it is sent or left. */
static void draft_note_set(struct queue *s, struct app *app)
{
	struct draft_info info;
	char at[24];

	s->draft_note[0] = '\0';
	if (app->store &&
	    draft_load(app->store, screen_review_decide.name, NULL, &info) ==
		0 &&
	    info.context[0]) {
		review_short_time(info.saved, at, sizeof(at));
		snprintf(s->draft_note, sizeof(s->draft_note),
			 msg(MSG_RV_DRAFT_WAITING), info.context, at);
	}
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
	if (!s || lineedit_init(&s->line, 2000)) {
		free(s);
		return -1;
	}
	*state = s;
	s->app = app;
	s->kind = REVIEW_KIND_COUNT;
	list_init(&s->rows, columns, COL_COUNT, LIST_MARK_ARROW);
	queue_load(s, app);
	draft_note_set(s, app);
	return 0;
}

static void queue_layout(void *state, const struct frame_layout *frame)
{
	struct queue *s = state;

	s->cols = frame->cols;
	s->view_y = frame->body_y;
	s->line_y = frame->body_y + frame->body_rows - 1;
	list_layout(&s->rows, frame->body_y + 2, frame->body_rows - 3,
		    frame->cols);
}

static void item_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct queue *s = ctx;
	const struct net_review_item *it = &s->list.items[i];
	char *ref = row->buf[COL_REF], *age = row->buf[COL_AGE];

	if (it->case_id)
		snprintf(ref, LIST_CELL_BYTES, "%s#%s", msg(MSG_RV_CASE),
			 it->case_id);
	else
		snprintf(ref, LIST_CELL_BYTES, "%s#%s", msg(MSG_RV_INQUIRY),
			 it->inquiry_id ? it->inquiry_id : "-");
	/* Waited in working hours; past the server's warning, '!' and the
	 * warning colour (the mark shows without colour too). */
	if (it->age_minutes < 0)
		snprintf(age, LIST_CELL_BYTES, "-");
	else
		snprintf(age, LIST_CELL_BYTES, msg(MSG_RV_AGE_HOURS),
			 it->aged ? "!" : "", it->age_minutes / 60);
	if (it->aged)
		row->attr = theme_attr(THEME_ERROR);
	/* The rectification deadline as MM-DD. */
	snprintf(row->buf[COL_DUE], LIST_CELL_BYTES, "%s",
		 it->due_date && strlen(it->due_date) == 10 ? it->due_date + 5
							    : "");
	/* A chosen row says so in its first cell: "✓容缺受理". */
	snprintf(row->buf[COL_KIND], LIST_CELL_BYTES, "%s%s",
		 s->marked && s->marked[i] ? "✓" : "",
		 review_kind_text(it->kind));
	row->cells[COL_KIND] = row->buf[COL_KIND];
	row->cells[COL_REF] = ref;
	row->cells[COL_SUMMARY] = it->summary;
	row->cells[COL_OWNER] = it->owner ? it->owner : msg(MSG_RV_NOBODY);
	row->cells[COL_AGE] = age;
	row->cells[COL_DUE] = row->buf[COL_DUE];
}

static void input_draw(struct queue *s, struct app *app, WINDOW *win)
{
	char label[160];
	struct line_view v;
	int x, width;

	if (s->input == INPUT_ASSIGN)
		snprintf(label, sizeof(label), "%s", msg(MSG_RV_ASSIGN_PROMPT));
	else
		snprintf(label, sizeof(label), msg(MSG_RV_BULK_PROMPT),
			 s->n_marked);
	x = 1 + text_width(label);
	width = s->cols - x - 1;
	if (width < 4)
		return;
	table_draw_cell(win, s->line_y, 1, x - 1, label,
			theme_attr(THEME_LABEL) | A_BOLD);
	lineedit_draw(&s->line, win, s->line_y, x, width,
		      theme_attr(THEME_INPUT_FOCUS));
	lineedit_view(&s->line, width, &v);
	app->cursor_y = s->line_y;
	app->cursor_x = x + v.cursor_x;
}

static void queue_draw(void *state, struct app *app, WINDOW *win)
{
	struct queue *s = state;
	const char *cells[COL_COUNT];
	char line[256], marked[64] = "";

	if (s->n_marked)
		snprintf(marked, sizeof(marked), "  ✓%zu", s->n_marked);
	snprintf(line, sizeof(line), msg(MSG_RV_VIEW_LINE),
		 msg(view_words[s->view]),
		 s->kind == REVIEW_KIND_COUNT ? msg(MSG_RV_ALL_KINDS)
					      : review_kind_text(s->kind),
		 msg(age_words[s->age]), msg(sort_words[s->sort]), s->rows.n,
		 marked);
	table_draw_cell(win, s->view_y, 1, s->cols - 1, line,
			theme_attr(THEME_HINT));
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	list_draw_header(&s->rows, win, s->rows.y - 1, cells);
	if (s->loaded && s->rows.n == 0)
		table_draw_cell(win, s->rows.y, 2, s->cols - 2,
				msg(s->view == NET_VIEW_PENDING &&
					    s->kind == REVIEW_KIND_COUNT &&
					    s->age == AGE_ANY
					? MSG_RV_EMPTY
					: MSG_RV_EMPTY_VIEW),
				theme_attr(THEME_HINT));
	else
		list_draw(&s->rows, win, item_cells, s);
	if (s->input != INPUT_NONE)
		input_draw(s, app, win);
	else if (s->draft_note[0])
		table_draw_cell(win, s->line_y, 1, s->cols - 1, s->draft_note,
				theme_attr(THEME_HINT) | A_BOLD);
}

static void target_copy(struct review_target *t,
			const struct net_review_item *it)
{
	enum review_decision d;

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
	t->status = it->status;
	snprintf(t->owner, sizeof(t->owner), "%s", it->owner ? it->owner : "");
	if (it->decision && review_decision_parse(it->decision, &d))
		snprintf(t->decided, sizeof(t->decided), "%s",
			 review_words_decision(d));
}

/* A refusal: a colleague's item names the colleague. */
static void queue_refused(struct app *app, const struct wc_error *err,
			  const char *owner)
{
	if (net_error_of(err) == NET_ERR_TAKEN_BY_OTHER && owner[0])
		app_message(app, true, msg(MSG_RV_TAKEN_BY), owner);
	else
		app_message_error(app, err);
}

/* F7: take the item, or give back one that is mine. */
static void queue_take(struct queue *s, struct app *app)
{
	const struct net_review_item *it = current_item(s);
	struct wc_error err = {0};
	char owner[64] = "";
	bool release;
	int rc;

	if (!it || it->status != REVIEW_PENDING)
		return;
	release = is_me(app, it->owner);
	net_idempotency_key_new(s->key);
	app_busy(app, MSG_BUSY_SAVING);
	rc = release ? net_review_release(app->net, it->id, s->key, &err)
		     : net_review_take(app->net, it->id, s->key, owner,
				       sizeof(owner), &err);
	if (rc) {
		queue_refused(app, &err, owner);
		return;
	}
	queue_load(s, app);
	app_message(app, false, "%s",
		    msg(release ? MSG_RV_RELEASED : MSG_RV_TAKEN));
}

static void queue_assign(struct queue *s, struct app *app, const char *to)
{
	const struct net_review_item *it = current_item(s);
	struct wc_error err = {0};

	if (!it)
		return;
	net_idempotency_key_new(s->key);
	app_busy(app, MSG_BUSY_SAVING);
	if (net_review_assign(app->net, it->id, to, s->key, &err)) {
		app_message_error(app, &err);
		return;
	}
	s->input = INPUT_NONE;
	queue_load(s, app);
	app_message(app, false, msg(MSG_RV_ASSIGNED), to);
}

/* F2: approve every marked item with one comment, each its own decision
 * (own key, own audit entry); those a colleague took meanwhile fail. */
static void queue_bulk(struct queue *s, struct app *app, const char *comment)
{
	struct wc_error err = {0};
	size_t ok = 0, failed = 0;

	app_busy(app, MSG_BUSY_SAVING);
	for (size_t i = 0; i < s->list.n; i++) {
		if (!s->marked[i])
			continue;
		net_idempotency_key_new(s->key);
		if (net_review_decide(app->net, s->list.items[i].id,
				      DECISION_APPROVE, comment, s->key,
				      &err) == 0)
			ok++;
		else
			failed++;
	}
	s->input = INPUT_NONE;
	queue_load(s, app);
	if (failed)
		app_message(app, true, msg(MSG_RV_BULK_FAILED), ok, failed);
	else
		app_message(app, false, msg(MSG_RV_BULK_DONE), ok);
}

/* Space: choose a pending tolerant acceptance nobody else has. */
static void queue_mark(struct queue *s, struct app *app)
{
	const struct net_review_item *it = current_item(s);
	size_t i;

	if (!it || !list_current(&s->rows, &i))
		return;
	if (it->kind != REVIEW_KIND_TOLERANT_ACCEPTANCE ||
	    it->status != REVIEW_PENDING ||
	    (it->owner && !is_me(app, it->owner))) {
		app_message(app, true, "%s", msg(MSG_RV_MARK_ONLY_TOLERANT));
		return;
	}
	s->marked[i] = !s->marked[i];
	s->n_marked += s->marked[i] ? 1 : (size_t)-1;
	app_message(app, false, msg(MSG_RV_MARKED), s->n_marked);
}

static int input_key(struct queue *s, struct app *app, int ret, wint_t ch)
{
	bool enter = (ret == OK && (ch == '\r' || ch == '\n')) ||
		     (ret == KEY_CODE_YES && ch == KEY_ENTER);

	if (ret == OK && ch == KEY_ESC) {
		s->input = INPUT_NONE;
		app_message_clear(app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (!enter)
		return lineedit_key(&s->line, ret, ch);
	if (!lineedit_text(&s->line)[0]) {
		app_message(app, true, "%s", msg(MSG_RV_INPUT_EMPTY));
	} else if (s->input == INPUT_ASSIGN) {
		queue_assign(s, app, lineedit_text(&s->line));
	} else {
		queue_bulk(s, app, lineedit_text(&s->line));
	}
	return UI_HANDLED | UI_REDRAW;
}

static void input_start(struct queue *s, enum queue_input what)
{
	lineedit_clear(&s->line);
	s->input = what;
}

static int queue_fkey(struct queue *s, struct app *app, wint_t ch)
{
	const struct net_review_item *it = current_item(s);

	if (ch == KEY_F(2) && s->n_marked)
		input_start(s, INPUT_BULK);
	else if (ch == KEY_F(3))
		app_push(app, &screen_search, NULL);
	else if (ch == KEY_F(4))
		app_push(app, &screen_audit, NULL); /* on no entity yet */
	else if (ch == KEY_F(5))
		queue_load(s, app);
	else if (ch == KEY_F(6))
		app_push(app, &screen_stats, NULL);
	else if (ch == KEY_F(7))
		queue_take(s, app);
	else if (ch == KEY_F(8) && it && it->status == REVIEW_PENDING)
		input_start(s, INPUT_ASSIGN);
	else if (ch == KEY_F(9)) {
		s->view =
		    (enum net_review_view)((s->view + 1) % NET_REVIEW_VIEWS);
		queue_load(s, app);
	} else
		return list_key(&s->rows, KEY_CODE_YES, ch);
	return UI_HANDLED | UI_REDRAW;
}

/* Tab: the next kind, then every kind; 's': the next order; 'a': the
 * next age filter. The selection stays on its item when still shown. */
static void queue_arrange(struct queue *s, wint_t ch)
{
	const struct net_review_item *it = current_item(s);
	char keep[32] = "";

	if (it)
		snprintf(keep, sizeof(keep), "%s", it->id);
	if (ch == '\t') {
		s->kind =
		    (enum review_kind)((s->kind + 1) % (REVIEW_KIND_COUNT + 1));
	} else if (ch == 's' || ch == 'S') {
		s->sort = (enum queue_sort)((s->sort + 1) % SORT_COUNT);
		queue_sort(s);
	} else {
		s->age = (enum queue_age)((s->age + 1) % AGE_COUNT);
	}
	queue_refilter(s, keep);
}

static int queue_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct queue *s = state;
	bool enter = (ret == OK && (ch == '\r' || ch == '\n')) ||
		     (ret == KEY_CODE_YES && ch == KEY_ENTER);

	if (s->input != INPUT_NONE)
		return input_key(s, app, ret, ch);
	if (enter) {
		if (!current_item(s))
			return UI_HANDLED;
		target_copy(&s->target, current_item(s));
		app_push(app, &screen_review_item,
			 &(struct screen_arg){.data = &s->target});
		return UI_HANDLED;
	}
	if (ret == OK && ch == ' ') {
		queue_mark(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == OK &&
	    (ch == '\t' || ch == 's' || ch == 'S' || ch == 'a' || ch == 'A')) {
		queue_arrange(s, ch);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	return queue_fkey(s, app, ch);
}

/* Back from an item: it may have been decided, taken or handed on. */
static void queue_resume(void *state, struct app *app,
			 const struct screen_result *res)
{
	(void)res;
	queue_load(state, app);
	draft_note_set(state, app);
}

static void queue_free(void **state)
{
	struct queue *s = *state;

	if (!s)
		return;
	net_review_list_release(&s->list);
	list_release(&s->rows);
	lineedit_release(&s->line);
	free(s->marked);
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
    .keys_now = queue_keys_now,
};
