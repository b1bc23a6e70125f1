/* screen_inquiry_view.c - one inquiry (R1 首问负责): applicant, first
 * responder, topic, the whole chain of handoffs and what can be done now:
 * close it with a resolution, hand it off to a window or department with
 * a reason, acknowledge a handoff addressed to me, convert it to a case.
 *
 * The two forms (hand off, close) are screens of their own in this file;
 * they keep drafts like every form (app.h draft_form). */
#include <stdlib.h>
#include <string.h>

#include "wincase/net_handoff.h"
#include "wincase/text.h"
#include "wincase/validate.h"

#include "app.h"
#include "common/form_util.h"
#include "common/case_util.h"
#include "counter/handoff_pick.h"

struct view {
	char inquiry_id[32]; /* the inquiry it shows */
	char converted[32];  /* the case made from it (F6), "" none */
	struct net_inquiry_full q;
	bool loaded;
	bool converting;	   /* a case is being made from it (F6) */
	const struct net_user *me; /* the user (app->user), for the key bar */
	struct key_list bar;	   /* the key bar of this state */
	char *text;		   /* the body, built from q */
	int first;		   /* first line shown */
	int top, rows, cols;
	char key[NET_IDEMPOTENCY_KEY_SIZE];
};

static bool is_closed(const struct net_inquiry_full *q)
{
	return q->base.status == INQUIRY_CLOSED;
}

/* The handoff waiting for me (my window or my department), or NULL. */
static const struct net_handoff *handoff_for(const struct view *s,
					     const struct net_user *me)
{
	for (size_t i = 0; i < s->q.n_handoffs; i++) {
		const struct net_handoff *h = &s->q.handoffs[i];

		if (h->acknowledged_at)
			continue;
		if ((h->to_window && me->window &&
		     strcmp(h->to_window, me->window) == 0) ||
		    (h->to_department && me->department &&
		     strcmp(h->to_department, me->department) == 0))
			return h;
	}
	return NULL;
}

static const struct net_handoff *handoff_for_me(const struct view *s,
						const struct app *app)
{
	return handoff_for(s, &app->user);
}

static const char *resolution_text(enum inquiry_resolution r)
{
	static const enum msg_id ids[INQUIRY_RESOLUTION_COUNT] = {
	    [RESOLUTION_ANSWERED] = MSG_ICL_ANSWERED,
	    [RESOLUTION_REFERRED] = MSG_ICL_REFERRED,
	    [RESOLUTION_CONVERTED] = MSG_ICL_CONVERTED,
	    [RESOLUTION_NO_ACTION] = MSG_ICL_NO_ACTION};

	return (unsigned)r < INQUIRY_RESOLUTION_COUNT ? msg(ids[r]) : "?";
}

static const char *inquiry_status(enum inquiry_status status)
{
	static const enum msg_id ids[INQUIRY_STATUS_COUNT] = {
	    [INQUIRY_OPEN] = MSG_STATUS_OPEN,
	    [INQUIRY_HANDED_OFF] = MSG_Q_WAIT_ACK,
	    [INQUIRY_REFERRED] = MSG_STATUS_REFERRED,
	    [INQUIRY_CLOSED] = MSG_STATUS_CLOSED};

	return (unsigned)status < INQUIRY_STATUS_COUNT ? msg(ids[status]) : "?";
}

static void chain_append(const struct net_inquiry_full *q, char **t,
			 size_t *len)
{
	case_append(t, len, "\n── %s\n", msg(MSG_IV_CHAIN));
	if (q->n_handoffs == 0)
		case_append(t, len, "%s\n", msg(MSG_IV_CHAIN_NONE));
	for (size_t i = 0; i < q->n_handoffs; i++) {
		const struct net_handoff *h = &q->handoffs[i];
		char target[160], when[DATE_TIME_SHORT_SIZE];

		if (h->to_window)
			snprintf(target, sizeof(target), "%s %s",
				 msg(MSG_HO_TO_WINDOW), h->to_window);
		else
			snprintf(target, sizeof(target), "%s",
				 h->to_department ? h->to_department : "");
		case_time_text(h->created_at, when);
		case_append(t, len, msg(MSG_IV_HANDOFF_LINE), i + 1, when,
			    h->created_by ? h->created_by : "", target,
			    h->reason ? h->reason : "");
		case_append(t, len, "\n");
		case_time_text(h->acknowledged_at, when);
		if (h->acknowledged_at)
			case_append(
			    t, len, msg(MSG_IV_HANDOFF_ACKED),
			    h->acknowledged_by ? h->acknowledged_by : "", when);
		else
			case_append(t, len, "%s", msg(MSG_IV_HANDOFF_WAITING));
		case_append(t, len, "\n");
	}
}

static void text_build(struct view *s)
{
	const struct net_inquiry_full *q = &s->q;
	char *t = NULL, when[DATE_TIME_SHORT_SIZE];
	size_t len = 0;

	case_append(&t, &len, "%s：%s  [%s]\n", msg(MSG_IV_NO),
		    q->base.no ? q->base.no : q->base.id,
		    inquiry_status(q->base.status));
	if (q->bounced)
		case_append(&t, &len, "%s\n", msg(MSG_IV_BOUNCED));
	case_append(&t, &len, "%s：%s  %s  %s\n", msg(MSG_IV_APPLICANT),
		    q->base.applicant_name ? q->base.applicant_name : "",
		    q->applicant_id_no ? q->applicant_id_no : "",
		    q->applicant_phone ? q->applicant_phone : "");
	case_time_text(q->base.created_at, when);
	case_append(&t, &len, "%s：%s  %s %s  %s\n", msg(MSG_IV_RESPONDER),
		    q->first_responder ? q->first_responder : "",
		    msg(MSG_STATUS_WINDOW),
		    q->base.window ? q->base.window : "", when);
	case_append(&t, &len, "%s：%s\n", msg(MSG_IV_TOPIC),
		    q->base.topic ? q->base.topic : "");
	if (q->resolution != INQUIRY_RESOLUTION_COUNT)
		case_append(&t, &len, "%s：%s  %s\n", msg(MSG_IV_RESOLUTION),
			    resolution_text(q->resolution),
			    q->note ? q->note : "");
	if (q->case_id)
		case_append(&t, &len, "%s：%s\n", msg(MSG_IV_CASE), q->case_id);
	chain_append(q, &t, &len);
	free(s->text);
	s->text = t;
}

static bool view_load(struct view *s, struct app *app)
{
	struct net_inquiry_full q;
	struct wc_error err = {0};

	app_busy(app, MSG_BUSY_LOADING);
	if (net_inquiry_get(app->net, s->inquiry_id, &q, &err)) {
		app_message_error(app, &err);
		return false;
	}
	app_message_clear(app);
	net_inquiry_full_release(&s->q);
	s->q = q;
	s->loaded = true;
	text_build(s);
	return true;
}

static int view_open(struct app *app, const struct screen_arg *arg,
		     void **state)
{
	struct view *s = calloc(1, sizeof(*s));

	if (!s)
		return -1;
	snprintf(s->inquiry_id, sizeof(s->inquiry_id), "%s", arg->inquiry_id);
	net_idempotency_key_new(s->key);
	s->me = &app->user;
	if (!view_load(s, app)) {
		free(s);
		return -1;
	}
	*state = s;
	return 0;
}

static void view_layout(void *state, const struct frame_layout *frame)
{
	struct view *s = state;

	s->top = frame->body_y;
	s->rows = frame->body_rows;
	s->cols = frame->cols - 2;
}

static void view_draw(void *state, struct app *app, WINDOW *win)
{
	struct view *s = state;

	(void)app;
	case_text_draw(win, s->top, 1, s->rows, s->cols, s->text, s->first);
}

/* A refusal: 412 reads the inquiry again and says so. */
static void refusal(struct view *s, struct app *app, const struct wc_error *err)
{
	if (net_error_of(err) == NET_ERR_VERSION_CONFLICT &&
	    view_load(s, app)) {
		app_message(app, true, "%s", msg(MSG_IV_RELOADED));
		return;
	}
	app_message_error(app, err);
}

static void acknowledge(struct view *s, struct app *app)
{
	const struct net_handoff *h = handoff_for_me(s, app);
	struct wc_error err = {0};

	if (!h) {
		app_message(app, true, "%s", msg(MSG_IV_NOTHING_TO_ACK));
		return;
	}
	app_busy(app, MSG_BUSY_SAVING);
	if (net_inquiry_ack(app->net, &s->q, h->id, s->key, &err)) {
		if (!net_error_unsent(&err))
			net_idempotency_key_new(s->key);
		refusal(s, app, &err);
		return;
	}
	net_idempotency_key_new(s->key);
	text_build(s);
	app_message(app, false, "%s", msg(MSG_IV_ACKED));
}

/* Issue 13.5: the waiting handoff this user made, which they may recall. */
static const struct net_handoff *handoff_mine(const struct view *s,
					      const struct net_user *me)
{
	for (size_t i = 0; me && i < s->q.n_handoffs; i++) {
		const struct net_handoff *h = &s->q.handoffs[i];

		if (!h->acknowledged_at && h->created_by && me->username &&
		    strcmp(h->created_by, me->username) == 0)
			return h;
	}
	return NULL;
}

static void recall(struct view *s, struct app *app)
{
	const struct net_handoff *h = handoff_mine(s, &app->user);
	struct wc_error err = {0};

	if (!h) {
		app_message(app, true, "%s", msg(MSG_IV_NOTHING_TO_RECALL));
		return;
	}
	app_busy(app, MSG_BUSY_SAVING);
	if (net_inquiry_recall(app->net, &s->q, h->id, s->key, &err)) {
		if (!net_error_unsent(&err))
			net_idempotency_key_new(s->key);
		refusal(s, app, &err);
		return;
	}
	net_idempotency_key_new(s->key);
	text_build(s);
	app_message(app, false, "%s", msg(MSG_IV_RECALLED));
}

/* The case made from it (F6) is in s->converted: close as converted. */
static void close_converted(struct view *s, struct app *app)
{
	struct wc_error err = {0};

	if (!s->converted[0] || is_closed(&s->q))
		return;
	if (net_inquiry_close(app->net, &s->q, RESOLUTION_CONVERTED,
			      msg(MSG_ICL_CONVERTED), s->converted, s->key,
			      &err))
		refusal(s, app, &err);
	else
		app_message(app, false, msg(MSG_IV_CONVERTED), s->converted);
	net_idempotency_key_new(s->key);
	text_build(s);
}

static const struct screen_key keys_open[] = {
    {"F1", MSG_KEY_HELP},  {"F2", MSG_KEY_CLOSE},   {"F3", MSG_KEY_HANDOFF},
    {"F4", MSG_KEY_ACK},   {"F6", MSG_KEY_CONVERT}, {"F5", MSG_KEY_REFRESH},
    {"Esc", MSG_KEY_BACK}, {"F10", MSG_KEY_QUIT},
};
static const struct screen_key keys_closed[] = {
    {"F1", MSG_KEY_HELP},
    {"F5", MSG_KEY_REFRESH},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

/* What the inquiry's state allows (lifecycle.h) and, for F4, whether a
 * handoff waits for this user. */
static const struct screen_key *view_keys_now(void *state, size_t *n)
{
	struct view *s = state;
	enum inquiry_status st;
	struct key_list *l;

	if (!s || !s->loaded || is_closed(&s->q)) {
		*n = sizeof(keys_closed) / sizeof(*keys_closed);
		return keys_closed;
	}
	if (!s->me) {
		*n = sizeof(keys_open) / sizeof(*keys_open);
		return keys_open;
	}
	st = s->q.base.status;
	l = &s->bar;
	l->n = 0;
	key_list_add(l, true, "F1", MSG_KEY_HELP);
	key_list_add(l, inquiry_allows(st, INQUIRY_DO_CLOSE, NULL), "F2",
		     MSG_KEY_CLOSE);
	key_list_add(l, inquiry_allows(st, INQUIRY_DO_HANDOFF, NULL), "F3",
		     MSG_KEY_HANDOFF);
	key_list_add(l, handoff_for(s, s->me) != NULL, "F4", MSG_KEY_ACK);
	key_list_add(l, handoff_mine(s, s->me) != NULL, "F7", MSG_KEY_RECALL);
	key_list_add(l, inquiry_allows(st, INQUIRY_DO_CONVERT, NULL), "F6",
		     MSG_KEY_CONVERT);
	key_list_add(l, true, "F5", MSG_KEY_REFRESH);
	key_list_add(l, true, "Esc", MSG_KEY_BACK);
	key_list_add(l, true, "F10", MSG_KEY_QUIT);
	*n = l->n;
	return l->keys;
}

static int view_action(struct view *s, struct app *app, wint_t ch)
{
	/* the forms work on this inquiry; their drafts say so */
	const struct screen_arg form_arg = {.inquiry_id = s->q.base.id,
					    .draft_context = s->q.base.id};

	if (ch == KEY_F(5)) {
		view_load(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (is_closed(&s->q)) {
		app_message(app, true, "%s", msg(MSG_IV_CLOSED_ALREADY));
		return UI_HANDLED | UI_REDRAW;
	}
	app_message_clear(app);
	switch (ch) {
	case KEY_F(2):
		app_push(app, &screen_inquiry_close, &form_arg);
		break;
	case KEY_F(3):
		app_push(app, &screen_inquiry_handoff, &form_arg);
		break;
	case KEY_F(4):
		acknowledge(s, app);
		break;
	case KEY_F(7):
		recall(s, app);
		break;
	default: /* F6 */
		s->converting = true;
		app_push(app, &screen_case_new, &form_arg);
		break;
	}
	return UI_HANDLED | UI_REDRAW;
}

static int view_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct view *s = state;

	if (ret == OK && ch == KEY_ESC) {
		app_message_clear(app);
		app_pop(app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	if (ch == KEY_F(2) || ch == KEY_F(3) || ch == KEY_F(4) ||
	    ch == KEY_F(5) || ch == KEY_F(6) || ch == KEY_F(7))
		return view_action(s, app, ch);
	return case_text_key(&s->first, case_text_lines(s->text, s->cols),
			     s->rows, ch);
}

static void view_resume(void *state, struct app *app,
			const struct screen_result *res)
{
	struct view *s = state;

	if (s->converting) /* the case is handed down when it was made */
		snprintf(s->converted, sizeof(s->converted), "%s",
			 res->case_id);
	if (view_load(s, app) && s->converting) {
		s->converting = false;
		close_converted(s, app);
	}
}

static void view_free(void **state)
{
	struct view *s = *state;

	if (!s)
		return;
	net_inquiry_full_release(&s->q);
	free(s->text);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_inquiry_view = {
    .name = "inquiry_view",
    .title = MSG_IV_TITLE,
    .help = MSG_HELP_IV,
    .keys = keys_open,
    .n_keys = sizeof(keys_open) / sizeof(*keys_open),
    .open = view_open,
    .layout = view_layout,
    .draw = view_draw,
    .key = view_key,
    .resume = view_resume,
    .free = view_free,
    .keys_now = view_keys_now,
};

/* ---- The forms: hand off, close. One engine, two field tables. */

enum { F_CHOICE, F_TEXT1, F_TEXT2, F_MAX };

struct inq_form {
	bool handoff; /* else close */
	struct field_def defs[F_MAX];
	const char *choices[5];
	size_t n;
	struct form *form;
	struct form_layout lay;
	int top, left;
	struct net_inquiry_full q;
	char key[NET_IDEMPOTENCY_KEY_SIZE];
	struct handoff_pick pick; /* filled by screen_targets */
	bool bounce_confirmed;	  /* R1: warned, F2 again sends */
};

static int text_check(const struct form *form, size_t index, char *out,
		      size_t size)
{
	enum validate_result r =
	    validate_text(form_value(form, index), TEXT_MAX_CHARS, false);

	msg_for_text(form->defs[index].label, r, TEXT_MAX_CHARS, out, size);
	return r == VALID_OK ? 0 : -1;
}

static void handoff_fields(struct inq_form *s)
{
	s->choices[0] = msg(MSG_HO_TO_WINDOW);
	s->choices[1] = msg(MSG_HO_TO_DEPARTMENT);
	s->defs[F_CHOICE] = (struct field_def){.name = "target_kind",
					       .label = msg(MSG_HO_KIND),
					       .kind = FIELD_CHOICE,
					       .width = 12,
					       .choices = s->choices,
					       .help = msg(MSG_HO_KIND_HELP)};
	/* Issue 13.5: chosen from the server's targets, never typed. */
	s->defs[F_TEXT1] = (struct field_def){.name = "to_window",
					      .label = msg(MSG_HO_TARGET),
					      .kind = FIELD_LOOKUP,
					      .width = 30,
					      .max_chars = NAME_MAX_CHARS,
					      .required = true,
					      .help = msg(MSG_HO_TARGET_HELP)};
	s->defs[F_TEXT2] = (struct field_def){.name = "reason",
					      .label = msg(MSG_HO_REASON),
					      .kind = FIELD_TEXT,
					      .width = 60,
					      .max_chars = TEXT_MAX_CHARS,
					      .required = true,
					      .validate = text_check,
					      .help = msg(MSG_HO_REASON_HELP)};
	s->n = 3;
}

/* The close form's choices, in the order of its labels. */
static const enum inquiry_resolution resolutions[] = {
    RESOLUTION_ANSWERED, RESOLUTION_REFERRED, RESOLUTION_CONVERTED,
    RESOLUTION_NO_ACTION};

static void close_fields(struct inq_form *s)
{
	s->choices[0] = msg(MSG_ICL_ANSWERED);
	s->choices[1] = msg(MSG_ICL_REFERRED);
	s->choices[2] = msg(MSG_ICL_CONVERTED);
	s->choices[3] = msg(MSG_ICL_NO_ACTION);
	s->defs[F_CHOICE] =
	    (struct field_def){.name = "resolution",
			       .label = msg(MSG_ICL_RESOLUTION),
			       .kind = FIELD_CHOICE,
			       .width = 16,
			       .choices = s->choices,
			       .help = msg(MSG_ICL_RESOLUTION_HELP)};
	s->defs[F_TEXT1] = (struct field_def){.name = "note",
					      .label = msg(MSG_ICL_NOTE),
					      .kind = FIELD_TEXT,
					      .width = 60,
					      .max_chars = TEXT_MAX_CHARS,
					      .required = true,
					      .validate = text_check,
					      .help = msg(MSG_ICL_NOTE_HELP)};
	s->n = 2;
}

static int form_open_kind(struct app *app, const char *inquiry_id, void **state,
			  bool handoff)
{
	struct inq_form *s = calloc(1, sizeof(*s));
	struct wc_error err = {0};

	if (!s)
		return -1;
	s->handoff = handoff;
	if (handoff)
		handoff_fields(s);
	else
		close_fields(s);
	s->form = form_new(s->defs, s->n, msg(MSG_REQUIRED));
	if (!s->form) {
		free(s);
		return -1;
	}
	s->form->user = s;
	/* the clerk types at once: the window number, or the answer */
	form_focus(s->form, F_TEXT1);
	net_idempotency_key_new(s->key);
	/* the inquiry (and its version) this form works on */
	if (net_inquiry_get(app->net, inquiry_id, &s->q, &err)) {
		app_message_error(app, &err);
		form_free(&s->form);
		free(s);
		return -1;
	}
	*state = s;
	return 0;
}

static int handoff_open(struct app *app, const struct screen_arg *arg,
			void **state)
{
	return form_open_kind(app, arg->inquiry_id, state, true);
}

static int close_open(struct app *app, const struct screen_arg *arg,
		      void **state)
{
	return form_open_kind(app, arg->inquiry_id, state, false);
}

static void inq_form_layout(void *state, const struct frame_layout *frame)
{
	struct inq_form *s = state;

	s->left = 2;
	s->top = frame->body_y + 2;
	form_layout(s->form, frame->body_rows - 3, frame->cols - s->left,
		    &s->lay);
}

static void inq_form_draw(void *state, struct app *app, WINDOW *win)
{
	struct inq_form *s = state;
	char line[512];

	snprintf(line, sizeof(line), " %s  %s  %s",
		 s->q.base.no ? s->q.base.no : s->q.base.id,
		 s->q.base.applicant_name ? s->q.base.applicant_name : "",
		 s->q.base.topic ? s->q.base.topic : "");
	table_draw_cell(win, app->frame.body_y, 0, app->frame.cols, line,
			theme_attr(THEME_HEADER));
	if (s->handoff && inquiry_handoff_bounces(s->q.n_handoffs))
		table_draw_cell(win, app->frame.body_y + 1, 2,
				app->frame.cols - 2, msg(MSG_HO_BOUNCE_WARN),
				theme_attr(THEME_ERROR) | A_BOLD);
	form_screen_draw(s->form, app, win, s->top, s->left, &s->lay);
}

/* The handoff (to a window or a department) or the close. */
static int inq_form_send(struct inq_form *s, struct app *app,
			 struct wc_error *err)
{
	const char *t1 = form_value(s->form, F_TEXT1);

	if (s->handoff)
		return net_inquiry_handoff(
		    app->net, &s->q, form_choice(s->form, F_CHOICE) != 0, t1,
		    form_value(s->form, F_TEXT2), s->key, err);
	return net_inquiry_close(app->net, &s->q,
				 resolutions[form_choice(s->form, F_CHOICE)],
				 t1, NULL, s->key, err);
}

/* A refusal lands on the field it names; 412 reloads the inquiry. */
static void inq_form_refusal(struct inq_form *s, struct app *app,
			     const struct wc_error *err)
{
	const char *field = err->field;
	int index;
	char text[256];

	if (net_error_of(err) == NET_ERR_VERSION_CONFLICT) {
		struct net_inquiry_full q;
		struct wc_error e2 = {0};

		if (net_inquiry_get(app->net, s->q.base.id, &q, &e2) == 0) {
			net_inquiry_full_release(&s->q);
			s->q = q;
		}
		app_message(app, true, "%s", msg(MSG_IV_RELOADED));
		return;
	}
	app_message_error(app, err);
	if (strcmp(field, "to_department") == 0 ||
	    strcmp(field, "case_id") == 0)
		field =
		    strcmp(field, "case_id") == 0 ? "resolution" : "to_window";
	index = field[0] ? form_find(s->form, field) : -1;
	if (net_error_of(err) == NET_ERR_RESOLUTION_NOT_ALLOWED)
		index = F_CHOICE;
	if (index < 0)
		return;
	msg_for_error(err, text, sizeof(text));
	form_set_error(s->form, (size_t)index, text);
	form_focus(s->form, (size_t)index);
}

static void inq_form_submit(struct inq_form *s, struct app *app)
{
	struct wc_error err = {0};

	if (!form_validate(s->form)) {
		app_message(app, true, "%s", msg(MSG_INQ_FIX_ERRORS));
		return;
	}
	/* R1: the handoff that would be judged 推诿 is sent only when the
	 * clerk, warned, presses F2 again. */
	if (s->handoff && inquiry_handoff_bounces(s->q.n_handoffs) &&
	    !s->bounce_confirmed) {
		s->bounce_confirmed = true;
		app_message(app, true, "%s", msg(MSG_HO_BOUNCE_CONFIRM));
		return;
	}
	app_busy(app, MSG_BUSY_SAVING);
	if (inq_form_send(s, app, &err)) {
		if (!net_error_unsent(&err))
			net_idempotency_key_new(s->key);
		inq_form_refusal(s, app, &err);
		return;
	}
	app_message(app, false, "%s",
		    msg(s->handoff ? MSG_HO_DONE : MSG_ICL_DONE));
	app_pop(app);
}

static int inq_form_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct inq_form *s = state;
	int r;

	if (ret == KEY_CODE_YES && ch == KEY_F(2)) {
		inq_form_submit(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == OK && ch == KEY_ESC) {
		app_message_clear(app);
		app_pop(app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (s->handoff && ret == KEY_CODE_YES && ch == KEY_F(3)) {
		app_push(app, &screen_targets,
			 &(struct screen_arg){.data = &s->pick});
		return UI_HANDLED | UI_REDRAW;
	}
	r = form_key(s->form, ret, ch);
	if (s->handoff && (r & UI_ACTIVATE))
		app_push(app, &screen_targets,
			 &(struct screen_arg){.data = &s->pick});
	/* another kind of target: the one chosen no longer fits */
	if (s->handoff && (r & UI_CHANGED) && s->form->focus == F_CHOICE)
		form_set_value(s->form, F_TEXT1, "");
	if (r & UI_SUBMIT)
		inq_form_submit(s, app);
	return r;
}

/* Back from the target picker with a choice. */
static void inq_form_resume(void *state, struct app *app,
			    const struct screen_result *res)
{
	struct inq_form *s = state;

	(void)app;
	(void)res;
	if (!s->pick.chosen)
		return;
	s->pick.chosen = false;
	form_set_choice(s->form, F_CHOICE, s->pick.department ? 1 : 0);
	form_set_value(s->form, F_TEXT1, s->pick.name);
	form_focus(s->form, F_TEXT2);
}

static struct form *inq_form_draft(void *state)
{
	return state ? ((struct inq_form *)state)->form : NULL;
}

static void inq_form_free(void **state)
{
	struct inq_form *s = *state;

	if (!s)
		return;
	form_free(&s->form);
	net_inquiry_full_release(&s->q);
	free(s);
	*state = NULL;
}

static const struct screen_key form_keys[] = {
    {"F1", MSG_KEY_HELP},
    {"F2", MSG_KEY_SUBMIT},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

const struct screen_ops screen_inquiry_handoff = {
    .name = "inquiry_handoff",
    .title = MSG_HO_TITLE,
    .help = MSG_HELP_HO,
    .keys = form_keys,
    .n_keys = sizeof(form_keys) / sizeof(*form_keys),
    .open = handoff_open,
    .layout = inq_form_layout,
    .draw = inq_form_draw,
    .key = inq_form_key,
    .resume = inq_form_resume,
    .free = inq_form_free,
    .draft_form = inq_form_draft,
};

const struct screen_ops screen_inquiry_close = {
    .name = "inquiry_close",
    .title = MSG_ICL_TITLE,
    .help = MSG_HELP_CL,
    .keys = form_keys,
    .n_keys = sizeof(form_keys) / sizeof(*form_keys),
    .open = close_open,
    .layout = inq_form_layout,
    .draw = inq_form_draw,
    .key = inq_form_key,
    .free = inq_form_free,
    .draft_form = inq_form_draft,
};
