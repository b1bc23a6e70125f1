/* screen_inquiry.c - register a new inquiry (R1 首问负责): the applicant,
 * an optional identifier checked by core/ as it is typed, phone, channel,
 * an optional catalog item and the topic; F2 sends it with an
 * Idempotency-Key so that a repeat after a lost answer creates nothing. */
#include <stdlib.h>
#include <string.h>

#include "wincase/validate.h"

#include "app.h"
#include "common/case_util.h"
#include "common/form_util.h"

enum {
	F_NAME,
	F_ID_TYPE,
	F_ID_NO,
	F_PHONE,
	F_CHANNEL,
	F_ITEM,
	F_TOPIC,
	F_COUNT
};

struct inquiry {
	struct field_def defs[F_COUNT];
	const char *id_type_labels[5];
	const char *channel_labels[4];
	struct form *form;
	struct form_layout lay;
	int top, left;
	char item_code[64];
	char idempotency_key[NET_IDEMPOTENCY_KEY_SIZE];
	struct returning who; /* issue 13.11: a returning applicant */
};

static const char *const channel_names[] = {"counter", "phone", "online"};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},	 {"F2", MSG_KEY_SUBMIT}, {"F3", MSG_KEY_ITEM},
    {"F6", MSG_KEY_TO_NEW_CASE}, {"Esc", MSG_KEY_BACK},	 {"F10", MSG_KEY_QUIT},
};

static int topic_check(const struct form *form, size_t index, char *out,
		       size_t size)
{
	enum validate_result r =
	    validate_text(form_value(form, index), TEXT_MAX_CHARS, false);

	msg_for_text(msg(MSG_INQ_TOPIC), r, TEXT_MAX_CHARS, out, size);
	return r == VALID_OK ? 0 : -1;
}

/* The form as data; labels, help and choices are filled in from the
 * message table when the screen opens. */
static const struct field_def fields[F_COUNT] = {
    [F_NAME] = {.name = "applicant.name",
		.kind = FIELD_TEXT,
		.width = 24,
		.max_chars = NAME_MAX_CHARS,
		.required = true,
		.validate = applicant_name_check},
    [F_ID_TYPE] = {.name = "applicant.id_type",
		   .kind = FIELD_CHOICE,
		   .width = 24},
    [F_ID_NO] = {.name = "applicant.id_no",
		 .kind = FIELD_TEXT,
		 .width = 24,
		 .max_chars = 40,
		 .validate = applicant_id_no_check},
    [F_PHONE] = {.name = "applicant.phone",
		 .kind = FIELD_TEXT,
		 .width = 20,
		 .max_chars = 20,
		 .validate = applicant_phone_check},
    [F_CHANNEL] = {.name = "channel", .kind = FIELD_CHOICE, .width = 12},
    [F_ITEM] = {.name = "item_code", .kind = FIELD_LOOKUP, .width = 56},
    [F_TOPIC] = {.name = "topic",
		 .kind = FIELD_TEXT,
		 .width = 60,
		 .max_chars = TEXT_MAX_CHARS,
		 .required = true,
		 .validate = topic_check},
};

static const enum msg_id labels[F_COUNT] = {
    MSG_INQ_NAME,    MSG_INQ_ID_TYPE, MSG_INQ_ID_NO, MSG_INQ_PHONE,
    MSG_INQ_CHANNEL, MSG_INQ_ITEM,    MSG_INQ_TOPIC};
static const enum msg_id helps[F_COUNT] = {
    MSG_INQ_NAME_HELP,	MSG_INQ_ID_TYPE_HELP, MSG_INQ_ID_NO_HELP,
    MSG_INQ_PHONE_HELP, MSG_INQ_CHANNEL_HELP, MSG_INQ_ITEM_HELP,
    MSG_INQ_TOPIC_HELP};

static void words_fill(struct inquiry *s)
{
	static const enum msg_id channel_words[] = {
	    MSG_CHANNEL_COUNTER, MSG_CHANNEL_PHONE, MSG_CHANNEL_ONLINE};

	memcpy(s->defs, fields, sizeof(fields));
	for (int i = 0; i < F_COUNT; i++) {
		s->defs[i].label = msg(labels[i]);
		s->defs[i].help = msg(helps[i]);
	}
	applicant_id_type_labels(s->id_type_labels);
	for (int i = 0; i < 3; i++)
		s->channel_labels[i] = msg(channel_words[i]);
	s->defs[F_ID_TYPE].choices = s->id_type_labels;
	s->defs[F_CHANNEL].choices = s->channel_labels;
}

static int inquiry_open(struct app *app, const struct screen_arg *arg,
			void **state)
{
	struct inquiry *s = calloc(1, sizeof(*s));

	(void)arg;
	(void)app;
	if (!s)
		return -1;
	words_fill(s);
	s->form = form_new(s->defs, F_COUNT, msg(MSG_REQUIRED));
	if (!s->form) {
		free(s);
		return -1;
	}
	s->form->user = s;
	net_idempotency_key_new(s->idempotency_key);
	*state = s;
	return 0;
}

static void inquiry_layout(void *state, const struct frame_layout *frame)
{
	struct inquiry *s = state;

	s->left = 2;
	s->top = frame->body_y;
	/* three rows under the form for a returning applicant */
	form_layout(s->form, frame->body_rows - 4, frame->cols - s->left,
		    &s->lay);
}

static void inquiry_draw(void *state, struct app *app, WINDOW *win)
{
	struct inquiry *s = state;

	returning_draw(&s->who, app, win);
	form_screen_draw(s->form, app, win, s->top, s->left, &s->lay);
}

/* F2 registers and goes back to the queue; F6 (issue 13.10) registers
 * and goes on to a case made from it at once. */
static void inquiry_submit(struct inquiry *s, struct app *app, bool to_case)
{
	struct net_inquiry created = {0};
	struct wc_error err = {0};
	struct net_inquiry_draft d = {
	    .applicant_name = form_value(s->form, F_NAME),
	    .id_type = id_type_name(applicant_id_type(s->form)),
	    .id_no = form_value(s->form, F_ID_NO),
	    .phone = form_value(s->form, F_PHONE),
	    .channel = channel_names[form_choice(s->form, F_CHANNEL)],
	    .topic = form_value(s->form, F_TOPIC),
	    .item_code = s->item_code,
	};

	if (!form_validate(s->form)) {
		app_message(app, true, "%s", msg(MSG_INQ_FIX_ERRORS));
		return;
	}
	if (!s->item_code[0] && *form_value(s->form, F_ITEM)) {
		/* a restored draft holds "CODE name": the code is the start */
		snprintf(s->item_code, sizeof(s->item_code), "%.*s",
			 (int)strcspn(form_value(s->form, F_ITEM), " "),
			 form_value(s->form, F_ITEM));
	}
	app_busy(app, MSG_BUSY_SAVING);
	if (net_inquiry_create(app->net, &d, s->idempotency_key, &created,
			       &err)) {
		/* Only a request that may not have arrived is repeated with
		 * the same key; an answered one was refused and changed
		 * nothing, and the corrected form is a new request. */
		if (!net_error_unsent(&err))
			net_idempotency_key_new(s->idempotency_key);
		form_server_refusal(s->form, app, &err);
		return;
	}
	app_message(app, false, msg(MSG_INQ_CREATED),
		    created.no ? created.no : created.id,
		    created.applicant_name ? created.applicant_name : "");
	if (to_case)
		app_replace(app, &screen_case_new,
			    &(struct screen_arg){.inquiry_id = created.id,
						 .draft_context = created.id});
	else /* the queue selects it */
		app_pop_with(app,
			     &(struct screen_result){.inquiry_id = created.id});
	net_inquiry_release(&created);
}

static void item_lookup(struct app *app)
{
	if (app_items_load(app))
		app_push(app, &screen_items, NULL);
}

static int inquiry_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct inquiry *s = state;
	int r;

	if (ret == KEY_CODE_YES && (ch == KEY_F(2) || ch == KEY_F(6))) {
		inquiry_submit(s, app, ch == KEY_F(6));
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(3)) {
		item_lookup(app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == OK && ch == KEY_ESC) {
		app_message_clear(app);
		app_pop(app);
		return UI_HANDLED | UI_REDRAW;
	}
	r = form_key(s->form, ret, applicant_id_key_upper(s->form, ret, ch));
	if ((r & UI_CHANGED) && s->form->focus == F_ID_NO)
		returning_check(&s->who, s->form, app);
	if (r & UI_ACTIVATE)
		item_lookup(app);
	if (r & UI_SUBMIT)
		inquiry_submit(s, app, false);
	if ((r & UI_CHANGED) && s->form->focus == F_ITEM)
		s->item_code[0] = '\0'; /* the lookup was cleared */
	return r;
}

static void inquiry_resume(void *state, struct app *app,
			   const struct screen_result *res)
{
	struct inquiry *s = state;
	char shown[512];

	(void)app;
	if (!res->picked)
		return;
	snprintf(s->item_code, sizeof(s->item_code), "%s", res->picked->code);
	snprintf(shown, sizeof(shown), "%s %s", res->picked->code,
		 res->picked->name);
	form_set_value(s->form, F_ITEM, shown);
	form_focus(s->form, F_TOPIC);
}

static struct form *inquiry_draft_form(void *state)
{
	return state ? ((struct inquiry *)state)->form : NULL;
}

static void inquiry_free(void **state)
{
	struct inquiry *s = *state;

	if (!s)
		return;
	form_free(&s->form);
	returning_release(&s->who);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_inquiry = {
    .name = "inquiry",
    .title = MSG_INQ_TITLE,
    .help = MSG_HELP_INQUIRY,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = inquiry_open,
    .layout = inquiry_layout,
    .draw = inquiry_draw,
    .key = inquiry_key,
    .resume = inquiry_resume,
    .free = inquiry_free,
    .draft_form = inquiry_draft_form,
};
