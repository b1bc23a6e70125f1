/* screen_case_view.c - one case: the header (number, applicant, item,
 * status, due date and working days left, R4), then the checklist, the
 * one-time notices (R2), the commitment with its status (R3), the result
 * and rating (R5) and the timeline from the audit trail. The key bar lists
 * only the actions this state allows; each opens the screen that does it. */
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"

#include "app.h"
#include "common/case_util.h"
#include "common/timeline.h"

struct case_view {
	char case_id[32]; /* the case it shows */
	struct case_ctx x;
	struct net_audit_list audit;
	bool audit_ok;
	char *text;	     /* the scrolled body */
	struct key_list bar; /* the key bar of this state */
	int first;
	int top, rows, cols;
};

/* Whether the case's state allows action a (core's lifecycle table),
 * with what the table cannot know: a supplement needs an open commitment,
 * a rating is given once, a notice lists something. */
static bool allows(const struct case_view *s, enum case_action a)
{
	const struct net_case *c = &s->x.c;

	if (!case_allows(c->status, a, NULL))
		return false;
	switch (a) {
	case CASE_DO_SUPPLEMENT:
		return c->has_commitment &&
		       commitment_allows(c->commitment.status,
					 COMMITMENT_DO_SUPPLEMENT, NULL);
	case CASE_DO_RATE:
		return c->rating == 0;
	default:
		return true;
	}
}

static bool checking(const struct case_view *s)
{
	return allows(s, CASE_DO_CHECKLIST);
}

static bool accepted(const struct case_view *s)
{
	return allows(s, CASE_DO_COMPLETE);
}

static bool commitment_open(const struct case_view *s)
{
	return allows(s, CASE_DO_SUPPLEMENT);
}

static bool may_rate(const struct case_view *s)
{
	return allows(s, CASE_DO_RATE);
}

/* "剩3个工作日" / "!剩1个工作日" / "!!超期2个工作日": marks are text. */
static void days_text(const struct net_case *c, char *out, size_t size)
{
	if (!c->has_days_left)
		snprintf(out, size, "%s", "");
	else if (c->working_days_left < 0)
		snprintf(out, size, msg(MSG_Q_OVERDUE), -c->working_days_left);
	else if (c->working_days_left == 0)
		snprintf(out, size, "%s", msg(MSG_Q_DUE_TODAY));
	else
		snprintf(out, size,
			 msg(c->working_days_left <= 1 ? MSG_Q_DAYS_LAST
						       : MSG_Q_DAYS_LEFT),
			 c->working_days_left);
}

static const char *state_mark(enum material_state state)
{
	static const char *const marks[] = {[STATE_PENDING] = "[ ]",
					    [STATE_PROVIDED] = "[√]",
					    [STATE_MISSING] = "[×]",
					    [STATE_DEFECTIVE] = "[!]",
					    [STATE_SHARED] = "[=]"};

	return (unsigned)state < sizeof(marks) / sizeof(*marks) ? marks[state]
								: "[?]";
}

static void checklist_append(const struct net_case *c, char **t, size_t *len)
{
	case_append(t, len, "── %s\n", msg(MSG_CV_SEC_CHECKLIST));
	if (c->n_lines == 0)
		case_append(t, len, "%s\n", msg(MSG_CV_NONE));
	for (size_t i = 0; i < c->n_lines; i++) {
		const struct net_case_line *l = &c->lines[i];
		bool main = l->main_material;

		case_append(
		    t, len, "%s %s  %s%s%s  %s%s%s\n", state_mark(l->state),
		    case_state_label(l->state),
		    l->name ? l->name : l->material_id, "  ",
		    msg(main ? MSG_CV_ROLE_MAIN : MSG_CV_ROLE_SECONDARY),
		    l->tolerable ? msg(MSG_CV_TOLERABLE) : "",
		    l->note ? "  " : "", l->note ? l->note : "");
	}
}

static const char *commitment_status_text(enum commitment_status status)
{
	static const enum msg_id ids[COMMITMENT_STATUS_COUNT] = {
	    [COMMITMENT_OPEN] = MSG_CV_COMMIT_OPEN,
	    [COMMITMENT_FULFILLED] = MSG_CV_COMMIT_FULFILLED,
	    [COMMITMENT_BREACHED] = MSG_CV_COMMIT_BREACHED,
	    [COMMITMENT_WAIVED] = MSG_CV_COMMIT_WAIVED};

	return (unsigned)status < COMMITMENT_STATUS_COUNT ? msg(ids[status])
							  : "?";
}

static void documents_append(const struct net_case *c, char **t, size_t *len)
{
	case_append(t, len, "── %s\n", msg(MSG_CV_SEC_NOTICES));
	if (c->n_notices == 0)
		case_append(t, len, "%s\n", msg(MSG_CV_NONE));
	for (size_t i = 0; i < c->n_notices; i++) {
		const struct net_notice *n = &c->notices[i];
		char when[DATE_TIME_SHORT_SIZE];

		case_time_text(n->issued_at, when);
		case_append(t, len, msg(MSG_CV_NOTICE_LINE), n->no ? n->no : "",
			    when, n->n_items,
			    n->once_violation ? msg(MSG_CV_ONCE_VIOLATION)
					      : "");
		case_append(t, len, "\n");
	}
	if (c->has_commitment) {
		case_append(t, len, "── %s\n", msg(MSG_CV_SEC_COMMITMENT));
		case_append(t, len, msg(MSG_CV_COMMIT_LINE),
			    c->commitment.no ? c->commitment.no : "",
			    c->commitment.due_date ? c->commitment.due_date
						   : "",
			    commitment_status_text(c->commitment.status));
		case_append(t, len, "\n");
	}
	if (c->result != CASE_RESULT_COUNT) {
		case_append(t, len, msg(MSG_CV_RESULT),
			    case_status_label(c->status));
		case_append(t, len, "  %s\n",
			    msg(c->result == RESULT_DENIED ? MSG_TL_DENIED
							   : MSG_TL_APPROVED));
	}
	if (c->rating) {
		case_append(t, len, msg(MSG_CV_RATED), c->rating);
		case_append(t, len, "\n");
	}
}

static void timeline_append(const struct case_view *s, char **t, size_t *len)
{
	case_append(t, len, "── %s\n", msg(MSG_CV_SEC_TIMELINE));
	if (!s->audit_ok || s->audit.n == 0)
		case_append(t, len, "%s\n", msg(MSG_CV_TIMELINE_NONE));
	for (size_t i = 0; s->audit_ok && i < s->audit.n; i++) {
		char line[640];

		timeline_line(&s->audit.items[i], &s->x, line, sizeof(line));
		case_append(t, len, "  %s\n", line);
	}
}

static void text_build(struct case_view *s)
{
	const struct net_case *c = &s->x.c;
	char days[96], *t = NULL;
	size_t len = 0;

	days_text(c, days, sizeof(days));
	if (c->due_date)
		case_append(&t, &len, msg(MSG_CV_DUE), c->due_date, days);
	else
		case_append(&t, &len, "%s", msg(MSG_CV_NOT_ACCEPTED));
	case_append(&t, &len, "%s  %s %s  %s\n",
		    c->deemed ? msg(MSG_CV_DEEMED) : "", msg(MSG_CV_APPLICANT),
		    c->applicant.name ? c->applicant.name : "",
		    c->applicant.id_no ? c->applicant.id_no : "");
	checklist_append(c, &t, &len);
	documents_append(c, &t, &len);
	timeline_append(s, &t, &len);
	free(s->text);
	s->text = t;
}

static bool view_load(struct case_view *s, struct app *app)
{
	struct net_audit_list audit = {0};
	struct wc_error err = {0};
	char entity[64];

	if (!case_ctx_load(&s->x, app, s->case_id))
		return false;
	snprintf(entity, sizeof(entity), "case:%s", s->x.c.id);
	net_audit_list_release(&s->audit);
	s->audit_ok = net_audit_list(app->net, entity, &audit, &err) == 0;
	if (s->audit_ok)
		s->audit = audit;
	text_build(s);
	return true;
}

static int cv_open(struct app *app, const struct screen_arg *arg, void **state)
{
	struct case_view *s = calloc(1, sizeof(*s));

	if (!s)
		return -1;
	snprintf(s->case_id, sizeof(s->case_id), "%s", arg->case_id);
	if (!view_load(s, app)) {
		case_ctx_release(&s->x);
		free(s->text);
		free(s);
		return -1;
	}
	*state = s;
	return 0;
}

static void cv_layout(void *state, const struct frame_layout *frame)
{
	struct case_view *s = state;

	s->top = frame->body_y + 1;
	s->rows = frame->body_rows - 1;
	s->cols = frame->cols - 2;
}

static void cv_draw(void *state, struct app *app, WINDOW *win)
{
	struct case_view *s = state;

	case_header_draw(&s->x, app, win, app->frame.body_y);
	case_text_draw(win, s->top, 1, s->rows, s->cols, s->text, s->first);
}

/* ---- Keys: only what the state allows (DESIGN.md 2, API.md states) */

static const struct screen_key keys_checking[] = {
    {"F1", MSG_KEY_HELP},   {"F2", MSG_KEY_CHECK},    {"F3", MSG_KEY_NOTICE},
    {"F4", MSG_KEY_ACCEPT}, {"F8", MSG_KEY_WITHDRAW}, {"F5", MSG_KEY_REFRESH},
    {"Esc", MSG_KEY_BACK},  {"F10", MSG_KEY_QUIT},
};

/* A notice is offered while the state allows one and a material is
 * missing or defective (there is something to list). */
static bool may_notify(const struct case_view *s)
{
	return allows(s, CASE_DO_NOTICE) && case_ctx_has_open_defect(&s->x);
}

/* A notice or a commitment to reopen, reprint or save. */
static bool has_documents(const struct case_view *s)
{
	return s->x.c.n_notices > 0 || s->x.c.has_commitment;
}

static const struct screen_key *cv_keys_now(void *state, size_t *n)
{
	struct case_view *s = state;
	struct key_list *l;
	bool ok = s && s->x.loaded;

	if (!s) {
		*n = sizeof(keys_checking) / sizeof(*keys_checking);
		return keys_checking;
	}
	l = &s->bar;
	l->n = 0;
	key_list_add(l, true, "F1", MSG_KEY_HELP);
	key_list_add(l, ok && checking(s), "F2", MSG_KEY_CHECK);
	key_list_add(l, ok && may_notify(s), "F3", MSG_KEY_NOTICE);
	key_list_add(l, ok && allows(s, CASE_DO_ACCEPT), "F4", MSG_KEY_ACCEPT);
	key_list_add(l, ok && commitment_open(s), "F6", MSG_KEY_SUPPLEMENT);
	key_list_add(l, ok && accepted(s), "F7", MSG_KEY_COMPLETE);
	key_list_add(l, ok && allows(s, CASE_DO_WITHDRAW), "F8",
		     MSG_KEY_WITHDRAW);
	key_list_add(l, ok && may_rate(s), "F9", MSG_KEY_RATING);
	key_list_add(l, ok && has_documents(s), "Enter", MSG_KEY_DOCUMENTS);
	key_list_add(l, true, "F5", MSG_KEY_REFRESH);
	key_list_add(l, true, "Esc", MSG_KEY_BACK);
	key_list_add(l, true, "F10", MSG_KEY_QUIT);
	*n = l->n;
	return l->keys;
}

/* The screen of key ch in this state, or NULL when it is not offered. */
static const struct screen_ops *action_screen(struct case_view *s,
					      enum case_form *action, wint_t ch)
{
	switch (ch) {
	case KEY_F(2):
		return checking(s) ? &screen_checklist : NULL;
	case KEY_F(3):
		return may_notify(s) ? &screen_notice : NULL;
	case KEY_F(4):
		return allows(s, CASE_DO_ACCEPT) ? &screen_accept : NULL;
	case KEY_F(6):
		*action = CASE_ACTION_SUPPLEMENT;
		return accepted(s) && commitment_open(s) ? &screen_case_actions
							 : NULL;
	case KEY_F(7):
		*action = CASE_ACTION_COMPLETE;
		return accepted(s) ? &screen_case_actions : NULL;
	case KEY_F(8):
		*action = CASE_ACTION_WITHDRAW;
		return allows(s, CASE_DO_WITHDRAW) ? &screen_case_actions
						   : NULL;
	case KEY_F(9):
		return may_rate(s) ? &screen_rating : NULL;
	default:
		return NULL;
	}
}

static int cv_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct case_view *s = state;
	const struct screen_ops *next;
	enum case_form action = CASE_ACTION_SUPPLEMENT;

	if (ret == OK && ch == KEY_ESC) {
		app_message_clear(app);
		app_pop(app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (((ret == OK && (ch == '\r' || ch == '\n')) ||
	     (ret == KEY_CODE_YES && ch == KEY_ENTER)) &&
	    s->x.loaded && has_documents(s)) {
		app_message_clear(app);
		app_push(app, &screen_documents,
			 &(struct screen_arg){.case_id = s->case_id});
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	if (ch == KEY_F(5)) {
		view_load(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ch >= KEY_F(2) && ch <= KEY_F(9)) {
		next = action_screen(s, &action, ch);
		if (!next)
			return UI_IGNORED;
		app_message_clear(app);
		app_push(app, next,
			 &(struct screen_arg){.case_id = s->case_id,
					      .action = action});
		return UI_HANDLED | UI_REDRAW;
	}
	return case_text_key(&s->first, case_text_lines(s->text, s->cols),
			     s->rows, ch);
}

static void cv_resume(void *state, struct app *app,
		      const struct screen_result *res)
{
	struct case_view *s = state;

	(void)res;
	view_load(s, app);
}

static void cv_free(void **state)
{
	struct case_view *s = *state;

	if (!s)
		return;
	case_ctx_release(&s->x);
	net_audit_list_release(&s->audit);
	free(s->text);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_case_view = {
    .name = "case_view",
    .title = MSG_CV_TITLE,
    .help = MSG_HELP_CV,
    .keys = keys_checking,
    .n_keys = sizeof(keys_checking) / sizeof(*keys_checking),
    .open = cv_open,
    .layout = cv_layout,
    .draw = cv_draw,
    .key = cv_key,
    .resume = cv_resume,
    .free = cv_free,
    .keys_now = cv_keys_now,
};
