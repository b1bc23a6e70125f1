/* screen_review_decide.c - the decision on a review item: approve, return,
 * waive a commitment (tolerant acceptances, breaches) or rectified (bad
 * ratings), with a comment. A rectification (R5) is written in its three
 * steps, 核实 → 整改 → 反馈, each saved on the server as it is done (when
 * the reviewer leaves its field, or with F3), with the deadline the
 * reviewer may set; the decision's comment repeats the three steps.
 * Nothing typed is lost (issue 14.4): the form keeps a draft (draft.h)
 * for its item, offered again when the item's decision is opened after a
 * dropped connection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/date.h"
#include "wincase/draft.h"
#include "wincase/net_review.h"

#include "common/case_util.h"
#include "common/form_util.h"
#include "review/review.h"

enum { F_DECISION, F_COMMENT, F_MAX = 5 };
/* A rectification's fields after the decision: the steps, the deadline. */
enum { F_STEP0 = 1, F_DUE = F_STEP0 + NET_REVIEW_STEPS };

struct decide {
	struct field_def defs[F_MAX];
	const char *choice_words[5];
	enum net_review_decision choice_codes[5];
	struct form *form;
	struct form_layout lay;
	int top, left;
	bool rectify;
	char key[NET_IDEMPOTENCY_KEY_SIZE];
	struct review_target t; /* the item decided (review.h) */
	/* What the server holds of a rectification (NULL / "": nothing). */
	char *saved[NET_REVIEW_STEPS];
	char saved_due[DATE_TEXT_SIZE];
	struct key_list bar;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},	   {"F2", MSG_KEY_SUBMIT},
    {"F3", MSG_RV_KEY_SAVE_STEPS}, {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static const enum msg_id step_labels[NET_REVIEW_STEPS] = {
    MSG_RV_VERIFY_TEXT, MSG_RV_FIX_TEXT, MSG_RV_FEEDBACK_TEXT};
static const enum msg_id step_helps[NET_REVIEW_STEPS] = {
    MSG_RV_VERIFY_HELP, MSG_RV_FIX_HELP, MSG_RV_FEEDBACK_HELP};
static const char *const step_names[NET_REVIEW_STEPS] = {"verify", "fix",
							 "feedback"};

/* F3 only for a rectification. */
static const struct screen_key *decide_keys_now(void *state, size_t *n)
{
	struct decide *s = state;

	if (!s) {
		*n = sizeof(keys) / sizeof(*keys);
		return keys;
	}
	s->bar.n = 0;
	key_list_add(&s->bar, true, "F1", MSG_KEY_HELP);
	key_list_add(&s->bar, true, "F2", MSG_KEY_SUBMIT);
	key_list_add(&s->bar, s->rectify, "F3", MSG_RV_KEY_SAVE_STEPS);
	key_list_add(&s->bar, true, "Esc", MSG_KEY_BACK);
	key_list_add(&s->bar, true, "F10", MSG_KEY_QUIT);
	*n = s->bar.n;
	return s->bar.keys;
}

/* The decisions that fit the kind, as the server checks them. */
static void choices_fill(struct decide *s, enum review_kind kind)
{
	size_t n = 0;

	if (s->rectify) {
		s->choice_codes[n] = DECISION_RECTIFIED;
		s->choice_words[n++] = msg(MSG_RV_RECTIFIED);
	} else {
		s->choice_codes[n] = DECISION_APPROVE;
		s->choice_words[n++] = msg(MSG_RV_APPROVE);
	}
	s->choice_codes[n] = DECISION_RETURN;
	s->choice_words[n++] = msg(MSG_RV_RETURN);
	if (kind == REVIEW_KIND_BREACH ||
	    kind == REVIEW_KIND_TOLERANT_ACCEPTANCE) {
		s->choice_codes[n] = DECISION_WAIVE;
		s->choice_words[n++] = msg(MSG_RV_WAIVE);
	}
	s->choice_words[n] = NULL;
}

static void field_set(struct field_def *d, const char *name, enum msg_id label,
		      enum msg_id help)
{
	d->name = name;
	d->label = msg(label);
	d->help = msg(help);
	d->kind = FIELD_TEXT;
	d->width = 50;
	d->max_chars = 600;
	d->required = true;
}

/* The deadline: empty (keep the server's) or a date. */
static int due_check(const struct form *form, size_t i, char *out, size_t size)
{
	wc_day d;

	if (!form_value(form, i)[0] || date_parse(form_value(form, i), &d))
		return 0;
	snprintf(out, size, "%s", msg(MSG_RV_DATE_BAD));
	return -1;
}

static size_t defs_fill(struct decide *s)
{
	s->defs[F_DECISION] = (struct field_def){
	    .name = "decision",
	    .label = msg(MSG_RV_DECISION),
	    .kind = FIELD_CHOICE,
	    .width = 12,
	    .choices = s->choice_words,
	    .help = msg(MSG_RV_DECISION_HELP),
	};
	if (!s->rectify) {
		field_set(&s->defs[F_COMMENT], "comment", MSG_RV_COMMENT,
			  MSG_RV_COMMENT_HELP);
		s->defs[F_COMMENT].max_chars = 2000;
		return 2;
	}
	for (int i = 0; i < NET_REVIEW_STEPS; i++)
		field_set(&s->defs[F_STEP0 + i], step_names[i], step_labels[i],
			  step_helps[i]);
	s->defs[F_DUE] = (struct field_def){
	    .name = "due_date",
	    .label = msg(MSG_RV_DUE_TEXT),
	    .kind = FIELD_TEXT,
	    .width = 11,
	    .max_chars = 10,
	    .validate = due_check,
	    .help = msg(MSG_RV_DUE_HELP),
	};
	return F_MAX;
}

/* A rectification as the server now holds it: the steps saved so far
 * (a colleague may have written them) and the deadline, into the form. */
static void rectify_load(struct decide *s, struct app *app)
{
	struct net_review_item it = {0};
	struct wc_error err = {0};

	if (net_review_get(app->net, s->t.item_id, &it, &err)) {
		app_message_error(app, &err);
		return;
	}
	for (int i = 0; i < NET_REVIEW_STEPS; i++) {
		s->saved[i] = it.steps[i];
		it.steps[i] = NULL;
		if (s->saved[i])
			form_set_value(s->form, F_STEP0 + i, s->saved[i]);
	}
	snprintf(s->saved_due, sizeof(s->saved_due), "%s",
		 it.due_date ? it.due_date : "");
	form_set_value(s->form, F_DUE, s->saved_due);
	net_review_item_release(&it);
}

/* The draft kept for this item (issue 14.4), over what the server has. */
static void draft_offer(struct decide *s, struct app *app)
{
	struct draft_info info;
	char at[24];

	if (!app->store ||
	    draft_load(app->store, screen_review_decide.name, NULL, &info) ||
	    strcmp(info.context, s->t.item_id) != 0)
		return;
	if (draft_load(app->store, screen_review_decide.name, s->form, NULL) ==
	    0) {
		review_short_time(info.saved, at, sizeof(at));
		app_message(app, false, msg(MSG_RV_DRAFT_RESTORED), at);
	}
}

static int decide_open(struct app *app, const struct screen_arg *arg,
		       void **state)
{
	struct decide *s = calloc(1, sizeof(*s));

	if (!s || !arg->data) {
		free(s);
		return -1;
	}
	s->t = *(const struct review_target *)arg->data;
	s->rectify = s->t.kind == REVIEW_KIND_RECTIFICATION;
	choices_fill(s, s->t.kind);
	s->form = form_new(s->defs, defs_fill(s), msg(MSG_REQUIRED));
	if (!s->form) {
		free(s);
		return -1;
	}
	net_idempotency_key_new(s->key);
	form_focus(s->form, 1);
	*state = s;
	app_message(app, false, "%s — %s", review_kind_text(s->t.kind),
		    s->t.summary);
	if (s->rectify)
		rectify_load(s, app);
	draft_offer(s, app);
	return 0;
}

static void decide_layout(void *state, const struct frame_layout *frame)
{
	struct decide *s = state;
	int cols = frame->cols < 76 ? frame->cols : 76;

	s->left = (frame->cols - cols) / 2;
	s->top = frame->body_y + 1;
	form_layout(s->form, frame->body_rows - 3, cols, &s->lay);
}

static void decide_draw(void *state, struct app *app, WINDOW *win)
{
	struct decide *s = state;

	form_screen_draw(s->form, app, win, s->top, s->left, &s->lay);
}

/* A refusal of a step or the deadline: a colleague's item names them, a
 * deadline too late says the latest date, the rest on its field. */
static void save_refused(struct decide *s, struct app *app,
			 const struct wc_error *err, const char *detail)
{
	enum net_error e = net_error_of(err);

	if (e == NET_ERR_TAKEN_BY_OTHER && detail[0]) {
		app_message(app, true, msg(MSG_RV_TAKEN_BY), detail);
	} else if (e == NET_ERR_DEADLINE_TOO_LONG && detail[0]) {
		char text[160];

		snprintf(text, sizeof(text), msg(MSG_RV_DUE_TOO_LONG), detail);
		form_set_error(s->form, F_DUE, text);
		form_focus(s->form, F_DUE);
		app_message(app, true, "%s", text);
	} else {
		form_server_refusal(s->form, app, err);
	}
}

/* Step i (F_STEP0 + i) when typed and not yet on the server. 1 saved, 0
 * nothing to save, -1 refused (the message says why). */
static int step_save(struct decide *s, struct app *app, int i)
{
	const char *text = form_value(s->form, F_STEP0 + i);
	struct wc_error err = {0};
	char key[NET_IDEMPOTENCY_KEY_SIZE], detail[64] = "";
	char *copy;

	if (!text[0] || (s->saved[i] && strcmp(s->saved[i], text) == 0))
		return 0;
	net_idempotency_key_new(key);
	app_busy(app, MSG_BUSY_SAVING);
	if (net_review_step(app->net, s->t.item_id, (enum net_review_step)i,
			    text, key, detail, sizeof(detail), &err)) {
		save_refused(s, app, &err, detail);
		return -1;
	}
	copy = strdup(text);
	if (copy) {
		free(s->saved[i]);
		s->saved[i] = copy;
	}
	return 1;
}

/* The deadline when changed; as step_save. */
static int due_save(struct decide *s, struct app *app)
{
	const char *due = form_value(s->form, F_DUE);
	struct wc_error err = {0};
	char key[NET_IDEMPOTENCY_KEY_SIZE], detail[64] = "";

	if (!due[0] || strcmp(due, s->saved_due) == 0)
		return 0;
	if (!form_validate_field(s->form, F_DUE)) {
		app_message(app, true, "%s", msg(MSG_RV_DATE_BAD));
		return -1;
	}
	net_idempotency_key_new(key);
	app_busy(app, MSG_BUSY_SAVING);
	if (net_review_set_due(app->net, s->t.item_id, due, key, detail,
			       sizeof(detail), &err)) {
		save_refused(s, app, &err, detail);
		return -1;
	}
	snprintf(s->saved_due, sizeof(s->saved_due), "%s", due);
	return 1;
}

/* Field f when it is a step or the deadline; "已保存：核实情况" said. */
static int field_save(struct decide *s, struct app *app, size_t f)
{
	int rc;

	if (f == F_DUE)
		rc = due_save(s, app);
	else if (f >= F_STEP0 && f < F_DUE)
		rc = step_save(s, app, (int)(f - F_STEP0));
	else
		return 0;
	if (rc > 0)
		app_message(app, false, msg(MSG_RV_STEP_SAVED),
			    s->defs[f].label);
	return rc;
}

/* F3 and before the decision: every step typed, in order, then the
 * deadline. -1 when one was refused. */
static int rectify_save_all(struct decide *s, struct app *app, bool tell)
{
	int saved = 0, rc;

	for (size_t f = F_STEP0; f <= F_DUE; f++) {
		rc = field_save(s, app, f);
		if (rc < 0)
			return -1;
		saved += rc;
	}
	if (tell && saved)
		app_message(app, false, "%s", msg(MSG_RV_STEPS_SAVED));
	else if (tell)
		app_message(app, false, "%s", msg(MSG_RV_NOTHING_TO_SAVE));
	return 0;
}

/* The comment as sent: the text, or the three steps of a rectification. */
static char *comment_build(struct decide *s)
{
	struct textbuf b = {0};

	if (!s->rectify)
		textbuf_add(&b, "%s", form_value(s->form, F_COMMENT));
	else
		for (int i = 0; i < NET_REVIEW_STEPS; i++)
			textbuf_add(&b, "%s%s：%s", i ? "\n" : "",
				    msg(step_labels[i]),
				    form_value(s->form, F_STEP0 + i));
	if (b.failed) {
		textbuf_release(&b);
		return NULL;
	}
	return b.s;
}

static void decide_submit(struct decide *s, struct app *app)
{
	struct wc_error err = {0};
	size_t choice = form_choice(s->form, F_DECISION);
	enum net_review_decision code = s->choice_codes[choice];
	char *comment;

	if (!form_validate(s->form)) {
		app_message(app, true, "%s", msg(MSG_INQ_FIX_ERRORS));
		return;
	}
	if (s->rectify && rectify_save_all(s, app, false))
		return;
	comment = comment_build(s);
	if (!comment)
		return;
	app_busy(app, MSG_BUSY_SAVING);
	if (net_review_decide(app->net, s->t.item_id, code, comment, s->key,
			      &err)) {
		if (net_error_of(&err) == NET_ERR_OWN_CASE)
			app_message(app, true, "%s", msg(MSG_RV_OWN_CASE));
		else if (net_error_of(&err) == NET_ERR_ALREADY_DECIDED)
			app_message(app, true, "%s", msg(MSG_RV_DONE_ALREADY));
		else
			app_message_error(app, &err);
		free(comment);
		return;
	}
	free(comment);
	review_status_decided(app, s->t.kind);
	app_message(app, false, msg(MSG_RV_DECIDED), s->choice_words[choice],
		    s->t.summary);
	app_pop_with(app, &(struct screen_result){.decided = true});
}

static int decide_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct decide *s = state;
	size_t was = s->form->focus;
	int r;

	if (ret == OK && ch == KEY_ESC) {
		app_message_clear(app);
		app_pop(app);
		return UI_HANDLED;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(2)) {
		decide_submit(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(3) && s->rectify) {
		rectify_save_all(s, app, true);
		return UI_HANDLED | UI_REDRAW;
	}
	r = form_key(s->form, ret, ch);
	/* A step is saved as it is done: when the reviewer leaves it. */
	if (s->rectify && s->form->focus != was && !(r & UI_SUBMIT))
		field_save(s, app, was);
	if (r & UI_SUBMIT)
		decide_submit(s, app);
	return r;
}

static struct form *decide_draft_form(void *state)
{
	return ((struct decide *)state)->form;
}

static void decide_free(void **state)
{
	struct decide *s = *state;

	if (!s)
		return;
	form_free(&s->form);
	for (int i = 0; i < NET_REVIEW_STEPS; i++)
		free(s->saved[i]);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_review_decide = {
    .name = "review_decide",
    .title = MSG_RV_DECIDE_TITLE,
    .help = MSG_RV_HELP_DECIDE,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = decide_open,
    .layout = decide_layout,
    .draw = decide_draw,
    .key = decide_key,
    .free = decide_free,
    .keys_now = decide_keys_now,
    .draft_form = decide_draft_form,
};
