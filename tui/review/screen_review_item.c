/* screen_review_item.c - one review item, read before deciding: the case
 * (header, checklist state, every notice and the commitment in full) or the
 * inquiry (its handoff chain), the applicant's credit record and the whole
 * history from the audit trail. A case or inquiry the reviewer handled at
 * the counter says at once why they cannot decide it (R6). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/net_review.h"

#include "common/case_util.h"
#include "common/print.h"
#include "common/timeline.h"
#include "review/review.h"
#include "common/safe.h"

struct item_view {
	struct review_target t; /* what it shows (review.h) */
	bool decided;		/* decided here: the queue reloads */
	struct textview tv;
	bool own;	     /* handled at the counter by this reviewer (R6) */
	bool ready;	     /* loaded */
	bool can_print;	     /* a print command is configured */
	struct key_list bar; /* the key bar of this state */
	const struct app *app;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},     {"F2", MSG_RV_KEY_DECIDE},
    {"F4", MSG_RV_KEY_AUDIT}, {"F5", MSG_KEY_REFRESH},
    {"F8", MSG_RV_KEY_PRINT}, {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

/* Whether this reviewer may decide the item now: pending, not handled at
 * the counter (R6), not taken by a colleague (issue 14). */
static bool item_decidable(const struct item_view *s, const struct app *app)
{
	const char *me = app->user.username ? app->user.username : "";

	return s->ready && s->t.item_id[0] && !s->own && !s->decided &&
	       s->t.status == REVIEW_PENDING &&
	       (!s->t.owner[0] || strcmp(s->t.owner, me) == 0);
}

/* F2 only on a review item this reviewer may decide (item_decidable);
 * F8 only with a print command. */
static const struct screen_key *item_keys_now(void *state, size_t *n)
{
	struct item_view *s = state;
	struct key_list *l;

	if (!s) {
		*n = sizeof(keys) / sizeof(*keys);
		return keys;
	}
	l = &s->bar;
	l->n = 0;
	key_list_add(l, true, "F1", MSG_KEY_HELP);
	key_list_add(l, item_decidable(s, s->app), "F2", MSG_RV_KEY_DECIDE);
	key_list_add(l, true, "F4", MSG_RV_KEY_AUDIT);
	key_list_add(l, true, "F5", MSG_KEY_REFRESH);
	key_list_add(l, s->can_print, "F8", MSG_RV_KEY_PRINT);
	key_list_add(l, true, "Esc", MSG_KEY_BACK);
	key_list_add(l, true, "F10", MSG_KEY_QUIT);
	*n = l->n;
	return l->keys;
}

static void rule(struct textbuf *b, const char *title)
{
	textbuf_add(b, "\n── %s ──\n", title);
}

static void header_add(struct textbuf *b, const struct review_target *t)
{
	char at[24];

	if (!t->item_id[0])
		return;
	textbuf_add(b, "%s：%s — %s\n", msg(MSG_RV_SUMMARY),
		    review_kind_text(t->kind), t->summary);
	review_short_time(t->created_at, at, sizeof(at));
	textbuf_add(b, "%s：%s\n", msg(MSG_RV_COL_SINCE), at);
	if (t->owner[0]) {
		textbuf_add(b, msg(MSG_RV_OWNER_LINE), t->owner);
		textbuf_add(b, "\n");
	}
	if (t->status == REVIEW_DONE) {
		textbuf_add(b, msg(MSG_RV_DECIDED_LINE),
			    msg(MSG_RV_STATUS_DONE),
			    t->decided[0] ? t->decided : "-");
		textbuf_add(b, "\n");
	}
	if (t->kind == REVIEW_KIND_RECTIFICATION && t->due_date[0]) {
		textbuf_add(b, msg(MSG_RV_RECTIFY_DUE), t->due_date);
		textbuf_add(b, "\n");
	}
}

static void credit_add(struct textbuf *b, struct app *app,
		       const struct net_case *c)
{
	struct net_credit cr = {0};
	struct wc_error err = {0};

	if (!c->applicant.id_type || !c->applicant.id_no)
		return;
	rule(b, msg(MSG_RV_CREDIT));
	if (net_credit_get(app->net, c->applicant.id_type, c->applicant.id_no,
			   &cr, &err)) {
		char text[320];

		msg_for_error(&err, text, sizeof(text));
		textbuf_add(b, "%s\n", text);
		return;
	}
	textbuf_add(b, msg(MSG_RV_CREDIT_LINE), cr.commitments, cr.fulfilled,
		    cr.breached, cr.open);
	textbuf_add(
	    b, "；%s\n",
	    msg(cr.eligible ? MSG_RV_CREDIT_OK : MSG_RV_CREDIT_BLOCKED));
}

static void case_add(struct item_view *s, struct textbuf *b, struct app *app,
		     const struct case_ctx *x)
{
	const struct net_case *c = &x->c;
	const char *item = x->item.name ? x->item.name : c->item_code;

	textbuf_add(b, "%s %s  %s：%s\n", msg(MSG_RV_CASE),
		    c->no ? c->no : c->id, msg(MSG_RV_STATUS),
		    case_status_label(c->status));
	textbuf_add(b, "%s：%s  %s：%s\n", msg(MSG_RV_APPLICANT),
		    c->applicant.name ? c->applicant.name : "-",
		    msg(MSG_RV_ITEM), item ? item : "-");
	textbuf_add(b, "%s：%s  %s：%s  %s：%s\n", msg(MSG_RV_WINDOW),
		    c->window ? c->window : "-", msg(MSG_RV_CLERK),
		    c->created_by ? c->created_by : "-", msg(MSG_RV_DUE),
		    c->due_date ? c->due_date : "-");
	s->own = c->created_by && app->user.username &&
		 strcmp(c->created_by, app->user.username) == 0;
	for (size_t i = 0; i < c->n_lines; i++)
		textbuf_add(b, "  · %s [%s]%s%s\n", c->lines[i].name,
			    case_state_label(c->lines[i].state),
			    c->lines[i].note ? " " : "",
			    c->lines[i].note ? c->lines[i].note : "");
	for (size_t i = 0; i < c->n_notices; i++) {
		const struct net_notice *n = &c->notices[i];
		char title[160];

		snprintf(title, sizeof(title), "%s %s%s", msg(MSG_RV_NOTICE),
			 n->no ? n->no : "",
			 n->once_violation ? msg(MSG_CV_ONCE_VIOLATION) : "");
		rule(b, title);
		textbuf_add(b, "%s\n", n->text ? n->text : "");
	}
	if (c->has_commitment) {
		char title[160];

		snprintf(title, sizeof(title), "%s %s (%s)",
			 msg(MSG_RV_COMMITMENT),
			 c->commitment.no ? c->commitment.no : "",
			 commitment_status_label(c->commitment.status));
		rule(b, title);
		textbuf_add(b, "%s\n",
			    c->commitment.text ? c->commitment.text : "");
	}
	credit_add(b, app, c);
}

static void inquiry_add(struct item_view *s, struct textbuf *b, struct app *app,
			const struct net_inquiry_full *q)
{
	const char *me = app->user.username ? app->user.username : "";

	textbuf_add(b, "%s %s  %s：%s\n", msg(MSG_RV_INQUIRY),
		    q->base.no ? q->base.no : q->base.id, msg(MSG_RV_STATUS),
		    inquiry_status_label(q->base.status));
	textbuf_add(b, "%s：%s  %s：%s  %s：%s\n", msg(MSG_RV_APPLICANT),
		    q->base.applicant_name ? q->base.applicant_name : "-",
		    msg(MSG_RV_WINDOW), q->base.window ? q->base.window : "-",
		    msg(MSG_RV_CLERK),
		    q->first_responder ? q->first_responder : "-");
	textbuf_add(b, "%s\n", q->base.topic ? q->base.topic : "");
	s->own = q->first_responder && strcmp(q->first_responder, me) == 0;
	if (q->n_handoffs)
		rule(b, msg(MSG_RV_HANDOFFS));
	for (size_t i = 0; i < q->n_handoffs; i++) {
		const struct net_handoff *h = &q->handoffs[i];

		char at[24];

		review_short_time(h->created_at, at, sizeof(at));
		textbuf_add(
		    b, "%s %s → %s：%s%s%s\n", at,
		    h->created_by ? h->created_by : "",
		    h->to_window ? h->to_window
				 : (h->to_department ? h->to_department : "-"),
		    h->reason ? h->reason : "", h->acknowledged_by ? " ✓ " : "",
		    h->acknowledged_by ? h->acknowledged_by : "");
		if (h->created_by && strcmp(h->created_by, me) == 0)
			s->own = true;
	}
}

/* Issue 14.1: each entry as the clerk's timeline says it (x, may be NULL,
 * names the case's materials). */
static void history_add(struct textbuf *b, struct app *app, const char *entity,
			const struct case_ctx *x)
{
	struct net_audit_list list = {0};
	struct wc_error err = {0};
	char line[640];

	rule(b, msg(MSG_RV_HISTORY));
	if (net_audit_list(app->net, entity, &list, &err)) {
		char text[320];

		msg_for_error(&err, text, sizeof(text));
		textbuf_add(b, "%s\n", text);
		return;
	}
	for (size_t i = 0; i < list.n; i++) {
		timeline_line(&list.items[i], x, line, sizeof(line));
		textbuf_add(b, "%s\n", line);
	}
	net_audit_list_release(&list);
}

/* Reads everything and builds the text; false with the message set. */
static bool item_load(struct item_view *s, struct app *app)
{
	const struct review_target *t = &s->t;
	struct textbuf b = {0};
	struct wc_error err = {0};
	struct case_ctx x = {0};
	char entity[64];
	bool ok = false, told = false;

	app_busy(app, MSG_BUSY_LOADING);
	header_add(&b, t);
	if (t->case_id[0]) {
		/* With its catalog item: materials by name (case_util). */
		if (!case_ctx_load(&x, app, t->case_id)) {
			told = true;
			goto done;
		}
		case_add(s, &b, app, &x);
		snprintf(entity, sizeof(entity), "case:%.31s", t->case_id);
	} else if (t->inquiry_id[0]) {
		struct net_inquiry_full q = {0};

		if (net_inquiry_get(app->net, t->inquiry_id, &q, &err))
			goto done;
		inquiry_add(s, &b, app, &q);
		net_inquiry_full_release(&q);
		snprintf(entity, sizeof(entity), "inquiry:%.31s",
			 t->inquiry_id);
	} else {
		entity[0] = '\0';
	}
	if (entity[0])
		history_add(&b, app, entity, x.loaded ? &x : NULL);
	if (b.failed || textview_set(&s->tv, b.s ? b.s : ""))
		goto done;
	ok = true;
done:
	textbuf_release(&b);
	case_ctx_release(&x);
	if (told)
		return false; /* case_ctx_load set the message */
	if (!ok && err.code[0])
		app_message_error(app, &err);
	else if (s->own)
		app_message(app, true, "%s", msg(MSG_RV_OWN_CASE));
	else
		app_message_clear(app);
	return ok;
}

static int item_open(struct app *app, const struct screen_arg *arg,
		     void **state)
{
	struct item_view *s = calloc(1, sizeof(*s));

	if (!s)
		return -1;
	*state = s;
	s->app = app;
	if (arg->data) { /* a queue row */
		s->t = *(const struct review_target *)arg->data;
	} else { /* a search result: the case or inquiry alone */
		snprintf(s->t.case_id, sizeof(s->t.case_id), "%s",
			 arg->case_id);
		snprintf(s->t.inquiry_id, sizeof(s->t.inquiry_id), "%s",
			 arg->inquiry_id);
	}
	s->can_print = case_can_print(app);
	s->tv.cols = app->frame.cols;
	s->ready = item_load(s, app);
	return 0;
}

static void item_layout(void *state, const struct frame_layout *frame)
{
	struct item_view *s = state;

	textview_layout(&s->tv, frame->body_y, frame->body_rows, frame->cols);
}

static void item_draw(void *state, struct app *app, WINDOW *win)
{
	(void)app;
	textview_draw(&((struct item_view *)state)->tv, win);
}

/* F8: restricted mode prints only when the administrator allowed it. */
static void item_print(struct item_view *s, struct app *app)
{
	struct wc_error err = {0};

	if (!app->cfg->print_command || !app->cfg->print_command[0]) {
		app_message(app, true, "%s", msg(MSG_RV_PRINT_OFF));
		return;
	}
	if (print_text(app->cfg->print_command, s->tv.text, &err))
		app_message_error(app, &err);
	else
		app_message(app, false, "%s", msg(MSG_RV_PRINTED));
}

static int item_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct item_view *s = state;

	if (ret == OK && ch == KEY_ESC) {
		app_pop_with(app,
			     &(struct screen_result){.decided = s->decided});
		return UI_HANDLED;
	}
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	if (ch == KEY_F(2)) {
		if (!s->t.item_id[0])
			return UI_HANDLED;
		if (s->own)
			app_message(app, true, "%s", msg(MSG_RV_OWN_CASE));
		else if (s->decided || s->t.status == REVIEW_DONE)
			app_message(app, true, "%s", msg(MSG_RV_DONE_ALREADY));
		else if (!item_decidable(s, app))
			app_message(app, true, msg(MSG_RV_TAKEN_BY),
				    s->t.owner);
		else
			app_push(app, &screen_review_decide,
				 &(struct screen_arg){.data = &s->t,
						      .draft_context =
							  s->t.item_id});
	} else if (ch == KEY_F(4)) {
		app_push(app, &screen_audit,
			 &(struct screen_arg){.case_id = s->t.case_id,
					      .inquiry_id = s->t.inquiry_id});
	} else if (ch == KEY_F(5)) {
		s->ready = item_load(s, app);
	} else if (ch == KEY_F(8)) {
		item_print(s, app);
	} else {
		return textview_key(&s->tv, ret, ch);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* Back from the decision: show the item as it now is. */
static void item_resume(void *state, struct app *app,
			const struct screen_result *res)
{
	struct item_view *s = state;

	if (!res->decided)
		return;
	s->decided = true;
	s->ready = item_load(s, app);
}

static void item_free(void **state)
{
	struct item_view *s = *state;

	if (!s)
		return;
	textview_release(&s->tv);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_review_item = {
    .name = "review_item",
    .title = MSG_RV_ITEM_TITLE,
    .help = MSG_RV_HELP_ITEM,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = item_open,
    .layout = item_layout,
    .draw = item_draw,
    .key = item_key,
    .resume = item_resume,
    .free = item_free,
    .keys_now = item_keys_now,
};
