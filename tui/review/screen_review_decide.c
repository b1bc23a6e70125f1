/* screen_review_decide.c - the decision on a review item: approve, return,
 * waive a commitment (tolerant acceptances, breaches) or rectified (bad
 * ratings), with a comment. A rectification (R5) is written in its three
 * steps, 核实 → 整改 → 反馈, sent as one comment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/net_review.h"

#include "review/review.h"

enum { F_DECISION, F_COMMENT, F_VERIFY, F_FIX, F_FEEDBACK, F_MAX };

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
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},
    {"F2", MSG_KEY_SUBMIT},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

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

static int decide_open(struct app *app, const struct screen_arg *arg,
		       void **state)
{
	struct decide *s = calloc(1, sizeof(*s));
	size_t n;

	if (!s || !arg->data) {
		free(s);
		return -1;
	}
	s->t = *(const struct review_target *)arg->data;
	s->rectify = s->t.kind == REVIEW_KIND_RECTIFICATION;
	choices_fill(s, s->t.kind);
	s->defs[F_DECISION] = (struct field_def){
	    .name = "decision",
	    .label = msg(MSG_RV_DECISION),
	    .kind = FIELD_CHOICE,
	    .width = 12,
	    .choices = s->choice_words,
	    .help = msg(MSG_RV_DECISION_HELP),
	};
	if (s->rectify) {
		/* decision, then the three steps in place of the comment */
		field_set(&s->defs[1], "verify", MSG_RV_VERIFY_TEXT,
			  MSG_RV_VERIFY_HELP);
		field_set(&s->defs[2], "fix", MSG_RV_FIX_TEXT, MSG_RV_FIX_HELP);
		field_set(&s->defs[3], "feedback", MSG_RV_FEEDBACK_TEXT,
			  MSG_RV_FEEDBACK_HELP);
		n = 4;
	} else {
		field_set(&s->defs[1], "comment", MSG_RV_COMMENT,
			  MSG_RV_COMMENT_HELP);
		s->defs[1].max_chars = 2000;
		n = 2;
	}
	s->form = form_new(s->defs, n, msg(MSG_REQUIRED));
	if (!s->form) {
		free(s);
		return -1;
	}
	net_idempotency_key_new(s->key);
	form_focus(s->form, 1);
	app_message(app, false, "%s — %s", review_kind_text(s->t.kind),
		    s->t.summary);
	*state = s;
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

	form_draw(s->form, win, s->top, s->left, &s->lay, &app->cursor_y,
		  &app->cursor_x);
	table_draw_cell(win, app->frame.message_y - 1, 0, app->frame.cols,
			s->form->defs[s->form->focus].help,
			theme_attr(THEME_HINT));
}

/* The comment as sent: the text, or the three steps of a rectification. */
static char *comment_build(struct decide *s)
{
	struct textbuf b = {0};

	if (!s->rectify)
		textbuf_add(&b, "%s", form_value(s->form, 1));
	else
		textbuf_add(&b, "%s：%s\n%s：%s\n%s：%s",
			    msg(MSG_RV_VERIFY_TEXT), form_value(s->form, 1),
			    msg(MSG_RV_FIX_TEXT), form_value(s->form, 2),
			    msg(MSG_RV_FEEDBACK_TEXT), form_value(s->form, 3));
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
	r = form_key(s->form, ret, ch);
	if (r & UI_SUBMIT)
		decide_submit(s, app);
	return r;
}

static void decide_free(void **state)
{
	struct decide *s = *state;

	if (!s)
		return;
	form_free(&s->form);
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
};
