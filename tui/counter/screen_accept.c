/* screen_accept.c - acceptance (R3, R4). Complete checklist: normal
 * acceptance with the resulting due date. Otherwise tolerant acceptance:
 * the eligibility panel lists every reason it fails (core's
 * checklist_evaluate first, the applicant's credit record, then the
 * server's 422 details as the judge), and the commitment form: supplement
 * deadline in working days with the resulting date (GET /v1/calendar/due)
 * and the applicant retyping their name. After acceptance the signed
 * commitment text with F6 print and F7 save. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"

#include "common/case_util.h"
#include "common/form_util.h"

enum { F_DAYS, F_CONFIRM, F_COUNT };

struct accept {
	struct case_ctx x;
	struct checklist_eval ev;
	bool tolerant, done;
	bool has_credit;
	struct net_credit credit;
	struct field_def defs[F_COUNT];
	struct form *form;
	struct form_layout lay;
	char *panel; /* the eligibility panel or the document (owned) */
	char *server_reasons; /* the server's refusal, when there was one */
	char today[11], due[11];
	int due_days; /* the days due was computed for */
	char key[NET_IDEMPOTENCY_KEY_SIZE];
	bool can_print;	     /* a print command is configured */
	struct key_list bar; /* the key bar of this state */
	int first, text_y, text_rows, form_y, cols;
};

static const struct screen_key keys[] = {
    {"F2", MSG_KEY_TO_ACCEPT}, {"F6", MSG_KEY_PRINT}, {"F7", MSG_KEY_SAVE},
    {"Esc", MSG_KEY_BACK},     {"F10", MSG_KEY_QUIT},
};

/* F2 until accepted; then print and save of the commitment, if any. */
static const struct screen_key *accept_keys_now(void *state, size_t *n)
{
	struct accept *s = state;
	struct key_list *l;
	bool doc;

	if (!s) {
		*n = sizeof(keys) / sizeof(*keys);
		return keys;
	}
	doc = s->done && s->x.c.has_commitment && s->x.c.commitment.text;
	l = &s->bar;
	l->n = 0;
	key_list_add(l, !s->done, "F2", MSG_KEY_TO_ACCEPT);
	key_list_add(l, doc && s->can_print, "F6", MSG_KEY_PRINT);
	key_list_add(l, doc, "F7", MSG_KEY_SAVE);
	key_list_add(l, true, "Esc", MSG_KEY_BACK);
	key_list_add(l, true, "F10", MSG_KEY_QUIT);
	*n = l->n;
	return l->keys;
}

static int days_check(const struct form *form, size_t index, char *out,
		      size_t size)
{
	const struct accept *s = form->user;
	const char *v = form_value(form, index);
	int days = atoi(v);

	if (!*v)
		return 0; /* the item's default */
	if (strspn(v, "0123456789") != strlen(v) || days < 1 ||
	    days > s->x.item.commitment_max_days) {
		snprintf(out, size, msg(MSG_ACC_DAYS_BAD),
			 s->x.item.commitment_max_days);
		return -1;
	}
	return 0;
}

static const struct field_def fields[F_COUNT] = {
    [F_DAYS] = {.name = "commitment.deadline_days",
		.kind = FIELD_TEXT,
		.width = 6,
		.max_chars = 3,
		.validate = days_check},
    [F_CONFIRM] = {.name = "commitment.applicant_confirmation",
		   .kind = FIELD_TEXT,
		   .width = 24,
		   .max_chars = NAME_MAX_CHARS,
		   .required = true},
};

static int deadline_days(const struct accept *s)
{
	int days = atoi(form_value(s->form, F_DAYS));

	return days > 0 ? days : s->x.item.commitment_days;
}

/* The due date for the current deadline, asked once per value. */
static void due_refresh(struct accept *s, struct app *app)
{
	struct wc_error err = {0};
	int days = s->tolerant ? deadline_days(s) : s->x.item.promised_days;

	if (days == s->due_days || !s->today[0])
		return;
	s->due_days = days;
	if (net_calendar_due(app->net, s->today, days, s->due, &err))
		snprintf(s->due, sizeof(s->due), "%s", "-");
}

/* known false: a reason core does not know (the server's newer word). */
static const char *reason_text(enum tolerant_reason reason, bool known)
{
	static const enum msg_id ids[] = {
	    [REASON_ITEM_NOT_TOLERANT] = MSG_ACC_R_ITEM,
	    [REASON_MAIN_MATERIAL_OPEN] = MSG_ACC_R_MAIN,
	    [REASON_MATERIAL_NOT_TOLERABLE] = MSG_ACC_R_NOT_TOLERABLE,
	    [REASON_CREDIT_BLOCKED] = MSG_ACC_R_CREDIT,
	    [REASON_DEADLINE_TOO_LONG] = MSG_ACC_R_DEADLINE,
	    [REASON_CONFIRMATION_MISMATCH] = MSG_ACC_R_CONFIRM,
	    [REASON_NOTHING_MISSING] = MSG_ACC_R_NOTHING,
	    [REASON_APPLICANT_UNIDENTIFIED] = MSG_ACC_R_UNIDENTIFIED,
	};

	if (!known || (unsigned)reason >= sizeof(ids) / sizeof(*ids))
		return msg(MSG_ACC_R_OTHER);
	return msg(ids[reason]);
}

/* One reason line: "× " + text, the material's name in it when it has
 * one. */
static bool reason_line(char **buf, size_t *len, enum tolerant_reason reason,
			bool known, const char *material)
{
	return case_append(buf, len, "  × %s%s%s%s\n",
			   reason_text(reason, known), material ? "「" : "",
			   material ? material : "", material ? "」" : "");
}

static bool credit_lines(struct accept *s, char **buf, size_t *len)
{
	if (!s->has_credit)
		return case_append(buf, len, "%s\n", msg(MSG_ACC_NO_CREDIT));
	return case_append(buf, len, msg(MSG_ACC_CREDIT), s->credit.commitments,
			   s->credit.fulfilled, s->credit.breached,
			   s->credit.open,
			   msg(s->credit.eligible ? MSG_ACC_CREDIT_OK
						  : MSG_ACC_CREDIT_BLOCKED));
}

/* The tolerant panel: every failed reason (the server's when it refused),
 * the credit record, then what the commitment will say. */
static bool tolerant_panel(struct accept *s, char **buf, size_t *len)
{
	bool ok = true;

	if (s->server_reasons)
		ok = case_append(buf, len, "%s\n%s", msg(MSG_ACC_SERVER_SAYS),
				 s->server_reasons);
	else if (s->ev.n_refusals > 0)
		ok = case_append(buf, len, "%s\n", msg(MSG_ACC_NOT_ELIGIBLE));
	else
		ok = case_append(buf, len, "%s\n", msg(MSG_ACC_ELIGIBLE));
	for (size_t i = 0; ok && !s->server_reasons && i < s->ev.n_refusals;
	     i++) {
		const struct refusal *r = &s->ev.refusals[i];

		ok = reason_line(buf, len, r->reason, true,
				 r->material >= 0
				     ? s->x.item.materials[r->material].name
				     : NULL);
	}
	ok = ok && credit_lines(s, buf, len) &&
	     case_append(buf, len, "%s", msg(MSG_ACC_COMMIT_MATERIALS));
	for (size_t i = 0; ok && i < s->ev.n_notice; i++)
		ok = case_append(
		    buf, len, "%s%s", i ? "、" : "",
		    case_ctx_material(&s->x, s->ev.notice[i])->name);
	return ok && case_append(buf, len, msg(MSG_ACC_COMMIT_DEADLINE),
				 deadline_days(s), s->due);
}

static void panel_build(struct accept *s, struct app *app)
{
	char *buf = NULL;
	size_t len = 0;
	bool ok;

	due_refresh(s, app);
	if (s->tolerant)
		ok = tolerant_panel(s, &buf, &len);
	else
		ok = case_append(&buf, &len, msg(MSG_ACC_NORMAL),
				 s->x.item.promised_days, s->due) &&
		     (!s->server_reasons ||
		      case_append(&buf, &len, "%s\n%s",
				  msg(MSG_ACC_SERVER_SAYS), s->server_reasons));
	free(s->panel);
	s->panel = ok ? buf : (free(buf), NULL);
}

static void evaluate(struct accept *s)
{
	struct tolerant_request req = {.credit_breaches = -1};

	if (!s->x.sc)
		return;
	checklist_evaluate(&s->x.item, s->x.sc, s->x.states, &req, &s->ev);
	/* R3: the server's threshold decides; its verdict is "eligible". */
	if (s->has_credit && !s->credit.eligible &&
	    s->ev.n_refusals < sizeof(s->ev.refusals) / sizeof(*s->ev.refusals))
		s->ev.refusals[s->ev.n_refusals++] =
		    (struct refusal){REASON_CREDIT_BLOCKED, -1};
	s->tolerant = !s->ev.normal_allowed;
}

static void prepare(struct accept *s, struct app *app)
{
	struct wc_error err = {0};
	const struct net_applicant *a = &s->x.c.applicant;

	if (net_server_date(app->net, s->today, &err))
		s->today[0] = '\0';
	s->has_credit = a->id_type && a->id_no && *a->id_no &&
			net_credit_get(app->net, a->id_type, a->id_no,
				       &s->credit, &err) == 0;
	evaluate(s);
	net_idempotency_key_new(s->key);
}

static int accept_open(struct app *app, const struct screen_arg *arg,
		       void **state)
{
	struct accept *s = calloc(1, sizeof(*s));

	if (!s)
		return -1;
	memcpy(s->defs, fields, sizeof(fields));
	s->defs[F_DAYS].label = msg(MSG_ACC_DAYS);
	s->defs[F_DAYS].help = msg(MSG_ACC_DAYS_HELP);
	s->defs[F_CONFIRM].label = msg(MSG_ACC_CONFIRM);
	s->defs[F_CONFIRM].help = msg(MSG_ACC_CONFIRM_HELP);
	s->form = form_new(s->defs, F_COUNT, msg(MSG_REQUIRED));
	if (!s->form || !case_ctx_load(&s->x, app, arg->case_id)) {
		form_free(&s->form);
		case_ctx_release(&s->x);
		free(s);
		return -1;
	}
	s->form->user = s;
	s->can_print = case_can_print(app);
	s->due_days = -1;
	prepare(s, app);
	if (s->tolerant)
		form_focus(s->form, F_CONFIRM);
	panel_build(s, app);
	app_message(
	    app, false, "%s",
	    msg(s->tolerant ? MSG_ACC_HINT_TOLERANT : MSG_ACC_HINT_NORMAL));
	*state = s;
	return 0;
}

static void accept_layout(void *state, const struct frame_layout *frame)
{
	struct accept *s = state;
	int form_rows = 4;

	s->cols = frame->cols;
	s->text_y = frame->body_y + 1;
	s->form_y = frame->body_y + frame->body_rows - form_rows - 1;
	s->text_rows = s->form_y - s->text_y;
	if (s->text_rows < 1)
		s->text_rows = 1;
	form_layout(s->form, form_rows, frame->cols - 2, &s->lay);
}

static bool form_shown(const struct accept *s)
{
	return s->tolerant && !s->done;
}

static void accept_draw(void *state, struct app *app, WINDOW *win)
{
	struct accept *s = state;
	int rows =
	    form_shown(s) ? s->text_rows : app->frame.message_y - s->text_y;

	case_header_draw(&s->x, app, win, app->frame.body_y);
	case_text_draw(win, s->text_y, 1, rows, s->cols - 2,
		       s->panel ? s->panel : "", s->first);
	if (!form_shown(s))
		return;
	form_screen_draw(s->form, app, win, s->form_y, 2, &s->lay);
}

/* The server's refusals (net/ parsed its 422 details into core's enum). */
static void server_reasons_take(struct accept *s,
				const struct net_refusals *why)
{
	char *buf = NULL;
	size_t len = 0;
	bool ok = true;

	for (size_t i = 0; ok && i < why->n; i++) {
		const struct net_refusal *r = &why->items[i];

		ok = reason_line(&buf, &len, r->reason, r->known,
				 r->material_id ? case_ctx_material_name(
						      &s->x, r->material_id)
						: NULL);
		if (r->known && r->reason == REASON_DEADLINE_TOO_LONG)
			form_set_error(s->form, F_DAYS,
				       reason_text(r->reason, true));
		if (r->known && r->reason == REASON_CONFIRMATION_MISMATCH) {
			form_set_error(s->form, F_CONFIRM,
				       reason_text(r->reason, true));
			form_focus(s->form, F_CONFIRM);
		}
	}
	free(s->server_reasons);
	s->server_reasons = ok ? buf : (free(buf), NULL);
}

static void accept_refused(struct accept *s, struct app *app,
			   const struct wc_error *err,
			   const struct net_refusals *why)
{
	if (!net_error_unsent(err))
		net_idempotency_key_new(s->key);
	if (why->n > 0) {
		server_reasons_take(s, why);
		panel_build(s, app);
		s->first = 0;
		app_message(app, true, "%s",
			    msg(s->tolerant ? MSG_ACC_REFUSED_TOLERANT
					    : MSG_ACC_REFUSED_NORMAL));
		return;
	}
	case_refusal(&s->x, app, err);
}

/* Normal or tolerant acceptance with the commitment's form. */
static int accept_send(struct accept *s, struct app *app,
		       struct net_refusals *why, struct wc_error *err)
{
	struct net_commitment_draft commitment = {
	    .deadline_days = atoi(form_value(s->form, F_DAYS)),
	    .applicant_confirmation = form_value(s->form, F_CONFIRM),
	};

	if (!s->tolerant)
		return net_case_accept_normal(app->net, &s->x.c, s->key, why,
					      err);
	return net_case_accept_tolerant(app->net, &s->x.c, &commitment, s->key,
					why, err);
}

static void accept_submit(struct accept *s, struct app *app)
{
	struct wc_error err = {0};
	struct net_refusals why = {0};
	char *doc = NULL;
	size_t len = 0;

	if (s->done)
		return;
	if (s->tolerant && !form_validate(s->form)) {
		app_message(app, true, "%s", msg(MSG_INQ_FIX_ERRORS));
		return;
	}
	app_busy(app, MSG_BUSY_SAVING);
	if (accept_send(s, app, &why, &err)) {
		accept_refused(s, app, &err, &why);
		net_refusals_release(&why);
		return;
	}
	net_refusals_release(&why);
	case_ctx_sync(&s->x);
	s->done = true;
	s->first = 0;
	if (s->x.c.has_commitment && s->x.c.commitment.text)
		case_append(&doc, &len, "%s", s->x.c.commitment.text);
	else
		case_append(&doc, &len, msg(MSG_ACC_DONE_NORMAL),
			    s->x.c.no ? s->x.c.no : "",
			    s->x.c.due_date ? s->x.c.due_date : "-");
	free(s->panel);
	s->panel = doc;
	app_message(app, false, msg(MSG_ACC_DONE), s->x.c.no ? s->x.c.no : "",
		    s->x.c.due_date ? s->x.c.due_date : "-");
}

static void accept_output(struct accept *s, struct app *app, bool print)
{
	const struct net_commitment *m = &s->x.c.commitment;

	if (!s->done || !s->x.c.has_commitment || !m->text) {
		app_message(app, true, "%s", msg(MSG_ACC_NOTHING_TO_PRINT));
		return;
	}
	/* The server's PDF (the text when it has none); F7 saves both. */
	if (print)
		case_print_document(app, m->no ? m->no : "commitment", false,
				    m->text);
	else
		case_save_document(app, m->no ? m->no : "commitment", m->text);
}

static int accept_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct accept *s = state;
	int rows =
	    form_shown(s) ? s->text_rows : app->frame.message_y - s->text_y;
	int r;

	if (ret == OK && ch == KEY_ESC) {
		if (!s->done)
			app_message_clear(app);
		app_pop(app);
		return UI_HANDLED;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(2)) {
		accept_submit(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && (ch == KEY_F(6) || ch == KEY_F(7))) {
		accept_output(s, app, ch == KEY_F(6));
		return UI_HANDLED | UI_REDRAW;
	}
	if (!form_shown(s)) {
		if (ret == OK && (ch == '\r' || ch == '\n'))
			accept_submit(s, app);
		return ret == KEY_CODE_YES
			   ? case_text_key(
				 &s->first,
				 case_text_lines(s->panel, s->cols - 2), rows,
				 ch)
			   : UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && (ch == KEY_PPAGE || ch == KEY_NPAGE))
		return case_text_key(&s->first,
				     case_text_lines(s->panel, s->cols - 2),
				     rows, ch);
	r = form_key(s->form, ret, ch);
	if ((r & UI_CHANGED) && s->form->focus == F_DAYS &&
	    form_validate_field(s->form, F_DAYS))
		panel_build(s, app); /* the new due date */
	if (r & UI_SUBMIT)
		accept_submit(s, app);
	return r;
}

static void accept_free(void **state)
{
	struct accept *s = *state;

	if (!s)
		return;
	case_ctx_release(&s->x);
	form_free(&s->form);
	free(s->panel);
	free(s->server_reasons);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_accept = {
    .name = "accept",
    .title = MSG_ACC_TITLE,
    .help = MSG_HELP_ACCEPT,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = accept_open,
    .layout = accept_layout,
    .draw = accept_draw,
    .key = accept_key,
    .free = accept_free,
    .keys_now = accept_keys_now,
};
