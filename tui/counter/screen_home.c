/* screen_home.c - the work queue: what the clerk has to do, in sections.
 *
 *   drafts        forms left unsubmitted (crash, closed terminal)
 *   returned      what review returned this week (审核退回), with the
 *                 reviewer's comment; shown only when there is some
 *   follow-up     my inquiries (R1 首问负责), unacknowledged handoffs first
 *   to ack        handoffs waiting for my window or department
 *   cases         my open cases by working days left (R4); ≤ 1 day and
 *                 overdue carry "!" and "!!" in the text, not only colour
 *   commitments   tolerant-acceptance commitments due within 3 working
 *                 days, or breached (R3)
 *
 * Typing filters every section by number or applicant name. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "wincase/draft.h"
#include "wincase/list.h"
#include "wincase/net_review.h"
#include "wincase/text.h"

#include "app.h"
#include "common/case_util.h"

#define COMMIT_WARN_DAYS 3
#define MAX_DRAFTS	 8
#define FILTER_CHARS	 40

enum { COL_NO, COL_APPLICANT, COL_DETAIL, COL_STATUS, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_NO] = {.min = 16, .max = 18, .weight = 0},
    [COL_APPLICANT] = {.min = 8, .max = 20, .weight = 1},
    [COL_DETAIL] = {.min = 10, .max = 0, .weight = 4},
    /* "!!超期12个工作日": 16 columns */
    [COL_STATUS] = {.min = 16, .max = 18, .weight = 0},
};

static const enum msg_id column_titles[COL_COUNT] = {
    MSG_HOME_COL_NO, MSG_HOME_COL_APPLICANT, MSG_Q_COL_DETAIL,
    MSG_HOME_COL_STATUS};

enum row_kind {
	ROW_SECTION,
	ROW_EMPTY,
	ROW_DRAFT,
	ROW_FOLLOW,
	ROW_ACK,
	ROW_CASE,
	ROW_COMMIT,
	ROW_RETURN
};

struct row {
	enum row_kind kind;
	/* into drafts, inquiries or cases; the msg id of a section or of
	 * the text of an empty one */
	size_t index;
};

struct home {
	struct draft_info drafts[MAX_DRAFTS];
	size_t n_drafts;
	struct net_inquiry_full_list inquiries;
	struct net_case_list cases;
	struct net_review_list returns; /* GET /v1/review/returns */
	char commit_limit[11]; /* commitments due by this date are shown */
	struct line_editor filter;
	char last_created[32]; /* the inquiry registered last: selected */
	struct row *rows;
	size_t n_rows;
	struct list view; /* over rows; titles cannot be selected */
	const struct app *app;
	int filter_y, cols;
	long checked_at; /* the last look for new handoffs (net_monotonic_ms) */
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},     {"Enter", MSG_KEY_OPEN}, {"F4", MSG_KEY_NEW},
    {"F6", MSG_KEY_NEW_CASE}, {"F3", MSG_KEY_FIND},    {"F5", MSG_KEY_REFRESH},
    {"F10", MSG_KEY_QUIT},
};

/* ---- What belongs where */

static bool handoff_waiting_for_me(const struct net_handoff *h,
				   const struct net_user *me)
{
	if (h->acknowledged_at)
		return false;
	return (h->to_window && me->window &&
		strcmp(h->to_window, me->window) == 0) ||
	       (h->to_department && me->department &&
		strcmp(h->to_department, me->department) == 0);
}

static const struct net_handoff *
waiting_handoff(const struct net_inquiry_full *q, const struct net_user *me)
{
	for (size_t i = 0; i < q->n_handoffs; i++)
		if (handoff_waiting_for_me(&q->handoffs[i], me))
			return &q->handoffs[i];
	return NULL;
}

static bool mine(const struct net_inquiry_full *q, const struct net_user *me)
{
	return !q->first_responder ||
	       strcmp(q->first_responder, me->username) == 0;
}

static bool unacknowledged(const struct net_inquiry_full *q)
{
	return inquiry_allows(q->base.status, INQUIRY_DO_ACK, NULL);
}

static bool commitment_shown(const struct home *s, const struct net_case *c)
{
	if (!c->has_commitment)
		return false;
	if (c->commitment.status == COMMITMENT_BREACHED)
		return true;
	return c->commitment.status == COMMITMENT_OPEN &&
	       c->commitment.due_date && s->commit_limit[0] &&
	       strcmp(c->commitment.due_date, s->commit_limit) <= 0;
}

/* ASCII case-insensitive substring; Chinese matches as it is. */
static bool text_has(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (!n)
		return true;
	for (; hay && *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

static bool matches(const struct home *s, const char *no, const char *name)
{
	const char *f = lineedit_text(&s->filter);

	return text_has(no, f) || text_has(name, f);
}

/* ---- Rows */

static int row_add(struct home *s, enum row_kind kind, size_t index)
{
	struct row *p = realloc(s->rows, (s->n_rows + 1) * sizeof(*p));

	if (!p)
		return -1;
	s->rows = p;
	s->rows[s->n_rows].kind = kind;
	s->rows[s->n_rows++].index = index;
	return 0;
}

static const struct net_case *case_sort_base;

/* Cases with working days left first, fewest first; then the rest, newest
 * first as the server listed them. */
static int case_order(const void *a, const void *b)
{
	const struct net_case *x = &case_sort_base[*(const size_t *)a];
	const struct net_case *y = &case_sort_base[*(const size_t *)b];

	if (x->has_days_left != y->has_days_left)
		return x->has_days_left ? -1 : 1;
	if (x->has_days_left && x->working_days_left != y->working_days_left)
		return x->working_days_left < y->working_days_left ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static void rows_cases(struct home *s, enum row_kind kind)
{
	size_t *order = calloc(s->cases.n ? s->cases.n : 1, sizeof(*order));
	size_t n = 0, shown = 0;

	if (!order)
		return;
	for (size_t i = 0; i < s->cases.n; i++) {
		const struct net_case *c = &s->cases.items[i];

		if (kind == ROW_COMMIT && !commitment_shown(s, c))
			continue;
		if (matches(s, c->no, c->applicant.name))
			order[n++] = i;
	}
	case_sort_base = s->cases.items;
	qsort(order, n, sizeof(*order), case_order);
	for (size_t i = 0; i < n; i++, shown++)
		row_add(s, kind, order[i]);
	if (!shown)
		row_add(s, ROW_EMPTY, MSG_Q_NONE);
	free(order);
}

static void rows_inquiries(struct home *s, const struct net_user *me,
			   enum row_kind kind)
{
	size_t shown = 0;

	/* R1: handoffs not yet acknowledged come first */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < s->inquiries.n; i++) {
			const struct net_inquiry_full *q =
			    &s->inquiries.items[i];
			bool ack = waiting_handoff(q, me) && !mine(q, me);

			if ((kind == ROW_ACK) != ack || (!ack && !mine(q, me)))
				continue;
			if (kind == ROW_FOLLOW &&
			    unacknowledged(q) != (pass == 0))
				continue;
			if (kind == ROW_ACK && pass == 1)
				continue;
			if (!matches(s, q->base.no, q->base.applicant_name))
				continue;
			row_add(s, kind, i);
			shown++;
		}
	if (!shown)
		row_add(s, ROW_EMPTY,
			kind == ROW_FOLLOW ? MSG_HOME_EMPTY : MSG_Q_NONE);
}

static void rows_build(struct home *s, const struct app *app)
{
	free(s->rows);
	s->rows = NULL;
	s->n_rows = 0;
	if (s->n_drafts) {
		row_add(s, ROW_SECTION, MSG_Q_SEC_DRAFTS);
		for (size_t i = 0; i < s->n_drafts; i++)
			row_add(s, ROW_DRAFT, i);
	}
	/* Issue 14.7: what review sent back comes first, when there is some */
	if (s->returns.n)
		row_add(s, ROW_SECTION, MSG_Q_SEC_RETURNS);
	for (size_t i = 0; i < s->returns.n; i++)
		if (matches(s, s->returns.items[i].no, NULL))
			row_add(s, ROW_RETURN, i);
	row_add(s, ROW_SECTION, MSG_Q_SEC_FOLLOW);
	rows_inquiries(s, &app->user, ROW_FOLLOW);
	row_add(s, ROW_SECTION, MSG_Q_SEC_ACK);
	rows_inquiries(s, &app->user, ROW_ACK);
	row_add(s, ROW_SECTION, MSG_Q_SEC_CASES);
	rows_cases(s, ROW_CASE);
	row_add(s, ROW_SECTION, MSG_Q_SEC_COMMIT);
	rows_cases(s, ROW_COMMIT);
	if (s->view.selected >= s->n_rows)
		s->view.selected = 0;
	list_set_count(&s->view, s->n_rows);
}

static bool row_selectable(const struct row *r)
{
	return r->kind != ROW_SECTION && r->kind != ROW_EMPTY;
}

static bool home_selectable(const void *ctx, size_t i)
{
	const struct home *s = ctx;

	return row_selectable(&s->rows[i]);
}

/* ---- Loading */

static size_t count_kind(const struct home *s, enum row_kind kind)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n_rows; i++)
		n += s->rows[i].kind == kind;
	return n;
}

static void commit_limit_read(struct home *s, struct app *app)
{
	struct wc_error err = {0};
	char today[11];

	s->commit_limit[0] = '\0';
	if (net_server_date(app->net, today, &err) == 0 &&
	    net_calendar_due(app->net, today, COMMIT_WARN_DAYS, s->commit_limit,
			     &err))
		s->commit_limit[0] = '\0';
}

/* List rows leave the commitment out: tolerant cases are read whole. */
static void cases_complete(struct net_case_list *cases, struct app *app)
{
	struct wc_error err = {0};
	struct net_case full;

	for (size_t i = 0; i < cases->n; i++) {
		struct net_case *c = &cases->items[i];

		if (c->status != CASE_ACCEPTED_TOLERANT || c->has_commitment)
			continue;
		if (net_case_get(app->net, c->id, &full, &err))
			continue; /* the row still shows; the commitment not */
		net_case_release(c);
		*c = full;
	}
}

static void home_refresh(struct home *s, struct app *app)
{
	struct net_inquiry_full_list list = {0};
	struct net_case_list cases = {0};
	struct wc_error err = {0}, case_err = {0};
	bool cases_ok;

	app_busy(app, MSG_BUSY_LOADING);
	s->checked_at = net_monotonic_ms();
	s->n_drafts = draft_list(app->store, s->drafts, MAX_DRAFTS);
	if (net_inquiries_queue(app->net, &list, &err)) {
		rows_build(s, app);
		app_message_error(app, &err);
		return;
	}
	net_inquiry_full_list_release(&s->inquiries);
	s->inquiries = list;
	cases_ok = net_cases_mine(app->net, true, &cases, &case_err) == 0;
	if (cases_ok) {
		cases_complete(&cases, app);
		net_case_list_release(&s->cases);
		s->cases = cases;
		commit_limit_read(s, app);
	}
	/* Issue 14.7: a refusal here leaves the section out, nothing more. */
	net_review_list_release(&s->returns);
	if (net_review_returns(app->net, &s->returns, &err))
		net_review_list_release(&s->returns);
	app_items_load(app);
	rows_build(s, app);
	if (!row_selectable(&s->rows[s->view.selected]))
		list_select_first(&s->view);
	if (!cases_ok) {
		char why[256];

		msg_for_error(&case_err, why, sizeof(why));
		app_message(app, true, msg(MSG_Q_PARTIAL), why);
	} else if (s->n_drafts) {
		app_message(app, false, "%s", msg(MSG_Q_DRAFT_FOUND));
	} else {
		app_message(app, false, msg(MSG_Q_COUNT),
			    count_kind(s, ROW_FOLLOW), count_kind(s, ROW_ACK),
			    count_kind(s, ROW_CASE), count_kind(s, ROW_COMMIT));
	}
}

/* The handoffs waiting for this user's window or department, as one
 * number (FNV-1a over their ids) and a count. */
static unsigned long waiting_signature(const struct net_inquiry_full_list *l,
				       const struct net_user *me, size_t *n)
{
	unsigned long h = 2166136261u;

	*n = 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct net_handoff *w = waiting_handoff(&l->items[i], me);

		for (const char *p = w && w->id ? w->id : ""; *p; p++)
			h = (h ^ (unsigned char)*p) * 16777619u;
		if (w) {
			h = (h ^ ',') * 16777619u;
			(*n)++;
		}
	}
	return h;
}

/* Issue 13.5: a window sees handoffs waiting for it without F5. A cheap
 * look (one list call every queue_check_seconds); nothing is drawn when
 * nothing changed. */
static long home_idle_due(const void *state, const struct app *app)
{
	const struct home *s = state;
	long left = s->checked_at + app->cfg->queue_check_seconds * 1000L -
		    net_monotonic_ms();

	if (app->cfg->queue_check_seconds <= 0 || !app->logged_in)
		return -1;
	return left > 0 ? left : 0;
}

static void home_idle(void *state, struct app *app)
{
	struct home *s = state;
	struct net_inquiry_full_list list = {0};
	struct wc_error err = {0};
	size_t before, after;

	if (home_idle_due(s, app) != 0)
		return;
	s->checked_at = net_monotonic_ms();
	if (net_inquiries_queue(app->net, &list, &err))
		return; /* the status line tells about the server */
	if (waiting_signature(&list, &app->user, &after) ==
	    waiting_signature(&s->inquiries, &app->user, &before)) {
		net_inquiry_full_list_release(&list);
		return;
	}
	net_inquiry_full_list_release(&s->inquiries);
	s->inquiries = list;
	rows_build(s, app);
	if (!row_selectable(&s->rows[s->view.selected]))
		list_select_first(&s->view);
	if (after > before)
		app_message(app, false, "%s", msg(MSG_Q_NEW_HANDOFF));
	app_mark(app, APP_WORK_DRAW);
}

static int home_open(struct app *app, const struct screen_arg *arg,
		     void **state)
{
	struct home *s = calloc(1, sizeof(*s));

	(void)arg;
	if (!s || lineedit_init(&s->filter, FILTER_CHARS)) {
		free(s);
		return -1;
	}
	s->app = app;
	list_init(&s->view, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	s->view.selectable = home_selectable;
	s->view.ctx = s;
	home_refresh(s, app);
	*state = s;
	return 0;
}

static void home_layout(void *state, const struct frame_layout *frame)
{
	struct home *s = state;

	s->cols = frame->cols;
	s->filter_y = frame->body_y;
	/* below the filter and the titles */
	list_layout(&s->view, frame->body_y + 2, frame->body_rows - 2,
		    frame->cols);
}

/* ---- Drawing */

static const char *inquiry_status_text(enum inquiry_status status)
{
	static const enum msg_id ids[INQUIRY_STATUS_COUNT] = {
	    [INQUIRY_OPEN] = MSG_STATUS_OPEN,
	    [INQUIRY_HANDED_OFF] = MSG_Q_WAIT_ACK,
	    [INQUIRY_REFERRED] = MSG_STATUS_REFERRED,
	    [INQUIRY_CLOSED] = MSG_STATUS_CLOSED};

	return (unsigned)status < INQUIRY_STATUS_COUNT ? msg(ids[status]) : "?";
}

/* "剩3个工作日", "!剩1个工作日", "!!超期2个工作日": the mark is text. */
static void case_days_text(const struct net_case *c, char *out, size_t size)
{
	if (!c->has_days_left) {
		snprintf(out, size, "%s", case_status_label(c->status));
		return;
	}
	if (c->working_days_left < 0)
		snprintf(out, size, msg(MSG_Q_OVERDUE), -c->working_days_left);
	else if (c->working_days_left == 0)
		snprintf(out, size, "%s", msg(MSG_Q_DUE_TODAY));
	else
		snprintf(out, size,
			 msg(c->working_days_left <= 1 ? MSG_Q_DAYS_LAST
						       : MSG_Q_DAYS_LEFT),
			 c->working_days_left);
}

static const char *item_name(const struct app *app, const char *code)
{
	for (size_t i = 0; code && i < app->items.n; i++)
		if (strcmp(app->items.items[i].code, code) == 0)
			return app->items.items[i].name;
	return code ? code : "";
}

static void draw_row(void *ctx, size_t i, struct list_row *row)
{
	const struct home *s = ctx;
	const struct app *app = s->app;
	const struct row *r = &s->rows[i];
	const char **cells = row->cells;
	char *status = row->buf[COL_STATUS], *detail = row->buf[COL_DETAIL];
	char *title = row->buf[COL_NO];
	const size_t size = LIST_CELL_BYTES;
	const struct net_inquiry_full *q;
	const struct net_case *c;
	const struct net_handoff *h;
	bool alert = false;

	switch (r->kind) {
	case ROW_SECTION:
		snprintf(title, size, "── %s", msg(r->index));
		row->span = title;
		row->attr = theme_attr(THEME_HEADER);
		return;
	case ROW_EMPTY:
		snprintf(title, size, "  %s", msg(r->index));
		row->span = title;
		row->attr = theme_attr(THEME_HINT);
		return;
	case ROW_DRAFT: {
		char when[DATE_TIME_SHORT_SIZE];

		case_time_text(s->drafts[r->index].saved, when);
		snprintf(title, size, msg(MSG_Q_DRAFT_ROW), when);
	}
		cells[COL_NO] = title;
		cells[COL_DETAIL] = s->drafts[r->index].summary;
		{
			const struct screen_ops *ops =
			    app_draft_screen(s->drafts[r->index].screen);

			cells[COL_STATUS] = ops ? msg(ops->title) : "";
		}
		break;
	case ROW_FOLLOW:
	case ROW_ACK:
		q = &s->inquiries.items[r->index];
		cells[COL_NO] = q->base.no ? q->base.no : q->base.id;
		cells[COL_APPLICANT] = q->base.applicant_name;
		cells[COL_DETAIL] = q->base.topic;
		cells[COL_STATUS] = inquiry_status_text(q->base.status);
		h = waiting_handoff(q, &app->user);
		if (r->kind == ROW_ACK && h) {
			snprintf(detail, size, msg(MSG_Q_ACK_FROM),
				 h->created_by ? h->created_by : "",
				 h->reason ? h->reason : "");
			cells[COL_DETAIL] = detail;
			cells[COL_STATUS] = msg(MSG_Q_WAIT_ACK);
		}
		alert = q->bounced;
		break;
	case ROW_CASE:
	case ROW_COMMIT:
		c = &s->cases.items[r->index];
		cells[COL_NO] = c->no ? c->no : c->id;
		cells[COL_APPLICANT] = c->applicant.name;
		snprintf(detail, size, "%s · %s", item_name(app, c->item_code),
			 case_status_label(c->status));
		cells[COL_DETAIL] = detail;
		if (r->kind == ROW_CASE) {
			case_days_text(c, status, size);
			alert = c->has_days_left && c->working_days_left <= 1;
		} else if (c->commitment.status == COMMITMENT_BREACHED) {
			snprintf(status, size, "%s",
				 msg(MSG_Q_COMMIT_BREACHED));
			alert = true;
		} else {
			snprintf(status, size, msg(MSG_Q_COMMIT_DUE),
				 c->commitment.due_date + 5); /* MM-DD */
			alert = true;
		}
		cells[COL_STATUS] = status;
		break;
	case ROW_RETURN: /* the reviewer, their comment, the day */
		cells[COL_NO] = s->returns.items[r->index].no;
		cells[COL_APPLICANT] = s->returns.items[r->index].decided_by;
		cells[COL_DETAIL] = s->returns.items[r->index].comment;
		snprintf(status, size, msg(MSG_Q_RETURNED),
			 s->returns.items[r->index].decided_at
			     ? s->returns.items[r->index].decided_at + 5
			     : "");
		cells[COL_STATUS] = status;
		alert = true;
		break;
	}
	if (alert)
		row->attr = theme_attr(THEME_ERROR);
}

static void filter_draw(struct home *s, struct app *app, WINDOW *win)
{
	char label[64];
	int lw, fw;

	snprintf(label, sizeof(label), " %s：", msg(MSG_Q_FILTER));
	lw = text_width(label);
	fw = s->cols / 3 > 12 ? s->cols / 3 : 12;
	table_draw_cell(win, s->filter_y, 0, lw, label,
			theme_attr(THEME_LABEL));
	lineedit_draw(&s->filter, win, s->filter_y, lw, fw,
		      theme_attr(THEME_INPUT_FOCUS));
	if (lw + fw + 1 < s->cols)
		table_draw_cell(win, s->filter_y, lw + fw + 1,
				s->cols - lw - fw - 1, msg(MSG_Q_FILTER_HINT),
				theme_attr(THEME_HINT));
	{
		struct line_view v;

		lineedit_view(&s->filter, fw, &v);
		app->cursor_y = s->filter_y;
		app->cursor_x = lw + v.cursor_x;
	}
}

static void home_draw(void *state, struct app *app, WINDOW *win)
{
	struct home *s = state;
	const char *cells[COL_COUNT];

	filter_draw(s, app, win);
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	list_draw_header(&s->view, win, s->view.y - 1, cells);
	/* a section title stays above its first row (list_follow) */
	list_draw(&s->view, win, draw_row, s);
}

/* ---- Keys */

static void open_selected(struct home *s, struct app *app)
{
	const struct row *r;
	const struct draft_info *d;
	const struct screen_ops *ops;

	if (s->view.selected >= s->n_rows ||
	    !row_selectable(&s->rows[s->view.selected]))
		return;
	r = &s->rows[s->view.selected];
	app_message_clear(app);
	switch (r->kind) {
	case ROW_DRAFT:
		d = &s->drafts[r->index];
		ops = app_draft_screen(d->screen);
		if (!ops)
			return;
		app_message(app, false, "%s", msg(MSG_Q_DRAFT_RESTORED));
		app_push(app, ops,
			 &(struct screen_arg){.inquiry_id = d->context,
					      .draft_context = d->context,
					      .draft_restore = true});
		break;
	case ROW_FOLLOW:
	case ROW_ACK:
		app_push(
		    app, &screen_inquiry_view,
		    &(struct screen_arg){
			.inquiry_id = s->inquiries.items[r->index].base.id});
		break;
	case ROW_RETURN:
		app_push(
		    app,
		    s->returns.items[r->index].case_id ? &screen_case_view
						       : &screen_inquiry_view,
		    &(struct screen_arg){
			.case_id = s->returns.items[r->index].case_id,
			.inquiry_id = s->returns.items[r->index].inquiry_id});
		break;
	default:
		app_push(app, &screen_case_view,
			 &(struct screen_arg){.case_id =
						  s->cases.items[r->index].id});
		break;
	}
}

static void draft_discard(struct home *s, struct app *app)
{
	const struct row *r = &s->rows[s->view.selected];

	if (r->kind != ROW_DRAFT || !app->store)
		return;
	draft_remove(app->store, s->drafts[r->index].screen);
	s->n_drafts = draft_list(app->store, s->drafts, MAX_DRAFTS);
	rows_build(s, app);
	list_select_first(&s->view);
	app_message(app, false, "%s", msg(MSG_Q_DRAFT_DROPPED));
}

static int function_key(struct home *s, struct app *app, wint_t ch)
{
	switch (ch) {
	case KEY_F(4):
		app_message_clear(app);
		app_push(app, &screen_inquiry, NULL);
		return UI_HANDLED | UI_REDRAW;
	case KEY_F(3):
		app_message_clear(app);
		app_push(app, &screen_find, NULL);
		return UI_HANDLED | UI_REDRAW;
	case KEY_F(5):
		home_refresh(s, app);
		return UI_HANDLED | UI_REDRAW;
	case KEY_F(6):
		app_message_clear(app);
		app_push(app, &screen_case_new, NULL);
		return UI_HANDLED | UI_REDRAW;
	case KEY_DC:
		draft_discard(s, app);
		return UI_HANDLED | UI_REDRAW;
	case KEY_ENTER:
		open_selected(s, app);
		return UI_HANDLED | UI_REDRAW;
	case KEY_HOME: /* the filter's */
	case KEY_END:
		return UI_IGNORED;
	default:
		return list_key(&s->view, KEY_CODE_YES, ch);
	}
}

static int home_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct home *s = state;
	int r;

	/* n is the old key for a new inquiry; with a filter typed it is text */
	if (ret == OK && (ch == 'n' || ch == 'N') && s->filter.len == 0)
		ch = KEY_F(4), ret = KEY_CODE_YES;
	if (ret == OK && (ch == '\n' || ch == '\r'))
		ch = KEY_ENTER, ret = KEY_CODE_YES;
	if (ret == OK && ch == KEY_ESC) {
		lineedit_clear(&s->filter);
		rows_build(s, app);
		list_select_first(&s->view);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES) {
		r = function_key(s, app, ch);
		if (r != UI_IGNORED)
			return r;
	}
	r = lineedit_key(&s->filter, ret, ch);
	if (r & UI_CHANGED) {
		rows_build(s, app);
		list_select_first(&s->view);
	}
	/* the filter is not a form: no draft of it */
	return r & ~UI_CHANGED;
}

/* Back from a screen above: show what the server now holds (app.c keeps
 * the confirmation of the screen above on the message line). */
static void home_resume(void *state, struct app *app,
			const struct screen_result *res)
{
	struct home *s = state;

	if (res->inquiry_id[0])
		snprintf(s->last_created, sizeof(s->last_created), "%s",
			 res->inquiry_id);
	home_refresh(s, app);
	for (size_t i = 0; i < s->n_rows; i++)
		if ((s->rows[i].kind == ROW_FOLLOW) &&
		    strcmp(s->inquiries.items[s->rows[i].index].base.id,
			   s->last_created) == 0)
			list_select_item(&s->view, i);
}

static void home_free(void **state)
{
	struct home *s = *state;

	if (!s)
		return;
	net_inquiry_full_list_release(&s->inquiries);
	net_case_list_release(&s->cases);
	net_review_list_release(&s->returns);
	lineedit_release(&s->filter);
	list_release(&s->view);
	free(s->rows);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_home = {
    .name = "home",
    .title = MSG_Q_TITLE,
    .help = MSG_HELP_HOME,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = home_open,
    .layout = home_layout,
    .draw = home_draw,
    .key = home_key,
    .resume = home_resume,
    .free = home_free,
    .idle = home_idle,
    .idle_due = home_idle_due,
};
