/* screen_case_new.c - a new case (R2): the catalog item (F3 or Enter opens
 * the search that filters as you type, by code or Chinese name), its
 * scenario (办事情形), the applicant (prefilled from the inquiry being
 * converted, screen_arg.inquiry_id) and the major-project flag when the item
 * can be one. F2 creates it and opens its material check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/draft.h"
#include "wincase/net_case.h"
#include "wincase/validate.h"

#include "app.h"
#include "common/form_util.h"

enum {
	F_ITEM,
	F_SCENARIO,
	F_NAME,
	F_ID_TYPE,
	F_ID_NO,
	F_PHONE,
	F_MAJOR,
	F_COUNT
};

#define MAX_SCENARIOS 16

struct case_new {
	struct returning who; /* issue 13.11: a returning applicant */
	struct field_def defs[F_COUNT];
	const char *id_type_labels[5];
	const char *major_labels[3];
	const char *scenario_labels[MAX_SCENARIOS + 1];
	struct item item; /* the full item, once chosen */
	bool has_item;
	struct form *form;
	struct form_layout lay;
	int top, left;
	char key[NET_IDEMPOTENCY_KEY_SIZE];
	char inquiry_id[32]; /* the inquiry converted ("" none) */
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},  {"F2", MSG_KEY_SUBMIT}, {"F3", MSG_KEY_ITEM},
    {"Esc", MSG_KEY_BACK}, {"F10", MSG_KEY_QUIT},
};

static int item_check(const struct form *form, size_t index, char *out,
		      size_t size)
{
	const struct case_new *s = form->user;

	(void)index;
	if (s->has_item)
		return 0;
	snprintf(out, size, "%s", msg(MSG_CN_ITEM_NEEDED));
	return -1;
}

static const struct field_def fields[F_COUNT] = {
    [F_ITEM] = {.name = "item_code",
		.kind = FIELD_LOOKUP,
		.width = 56,
		.required = true,
		.validate = item_check},
    [F_SCENARIO] = {.name = "scenario_id", .kind = FIELD_CHOICE, .width = 50},
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
    [F_MAJOR] = {.name = "major_project", .kind = FIELD_CHOICE, .width = 30},
};

static const enum msg_id labels[F_COUNT] = {
    MSG_CN_ITEM,   MSG_CN_SCENARIO, MSG_INQ_NAME, MSG_INQ_ID_TYPE,
    MSG_INQ_ID_NO, MSG_INQ_PHONE,   MSG_CN_MAJOR};
static const enum msg_id helps[F_COUNT] = {
    MSG_CN_ITEM_HELP,	  MSG_CN_SCENARIO_HELP, MSG_INQ_NAME_HELP,
    MSG_INQ_ID_TYPE_HELP, MSG_INQ_ID_NO_HELP,	MSG_INQ_PHONE_HELP,
    MSG_CN_MAJOR_HELP};

static void words_fill(struct case_new *s)
{

	memcpy(s->defs, fields, sizeof(fields));
	for (int i = 0; i < F_COUNT; i++) {
		s->defs[i].label = msg(labels[i]);
		s->defs[i].help = msg(helps[i]);
	}
	applicant_id_type_labels(s->id_type_labels);
	s->major_labels[0] = msg(MSG_CN_MAJOR_NO);
	s->major_labels[1] = msg(MSG_CN_MAJOR_YES);
	s->scenario_labels[0] = msg(MSG_CN_SCENARIO_NONE);
	s->defs[F_ID_TYPE].choices = s->id_type_labels;
	s->defs[F_MAJOR].choices = s->major_labels;
	s->defs[F_SCENARIO].choices = s->scenario_labels;
}

/* The chosen item's scenarios become the choices. */
static void item_take(struct case_new *s, struct item *it)
{
	char shown[512];
	size_t n =
	    it->n_scenarios < MAX_SCENARIOS ? it->n_scenarios : MAX_SCENARIOS;

	if (s->has_item)
		item_release(&s->item);
	s->item = *it;
	s->has_item = true;
	for (size_t i = 0; i < n; i++)
		s->scenario_labels[i] = s->item.scenarios[i].name;
	s->scenario_labels[n] = NULL;
	s->form->fields[F_SCENARIO].choice = 0;
	form_set_choice(s->form, F_MAJOR, 0);
	snprintf(shown, sizeof(shown), "%s %s", s->item.code, s->item.name);
	form_set_value(s->form, F_ITEM, shown);
	s->form->fields[F_ITEM].error[0] = '\0';
}

static bool item_load(struct case_new *s, struct app *app, const char *code)
{
	struct wc_error err = {0};
	struct item it;

	app_busy(app, MSG_BUSY_LOADING);
	if (net_item_get(app->net, code, &it, &err)) {
		app_message_error(app, &err);
		return false;
	}
	item_take(s, &it);
	app_message_clear(app);
	return true;
}

/* Converting an inquiry: its applicant and item fill the form. */
static void inquiry_prefill(struct case_new *s, struct app *app)
{
	struct net_inquiry_full q = {0};
	struct wc_error err = {0};
	enum id_type type;

	if (net_inquiry_get(app->net, s->inquiry_id, &q, &err))
		return;
	if (q.base.applicant_name)
		form_set_value(s->form, F_NAME, q.base.applicant_name);
	if (q.applicant_id_no)
		form_set_value(s->form, F_ID_NO, q.applicant_id_no);
	if (q.applicant_phone)
		form_set_value(s->form, F_PHONE, q.applicant_phone);
	if (id_type_parse(q.applicant_id_type, &type))
		form_set_choice(s->form, F_ID_TYPE, (size_t)type);
	if (q.base.item_code)
		item_load(s, app, q.base.item_code);
	net_inquiry_full_release(&q);
}

/* Restoring a draft: the loop sets the saved values after open, but the
 * scenario is a choice among the item's scenarios, so the item named in
 * the draft is read first. The draft's context is the inquiry being
 * converted. */
static void draft_prepare(struct case_new *s, struct app *app,
			  const struct screen_arg *arg)
{
	char code[64];
	size_t n;

	snprintf(s->inquiry_id, sizeof(s->inquiry_id), "%.31s",
		 arg->draft_context);
	if (!app->store ||
	    draft_load(app->store, screen_case_new.name, s->form, NULL))
		return;
	n = strcspn(form_value(s->form, F_ITEM), " ");
	if (n == 0 || n >= sizeof(code))
		return;
	memcpy(code, form_value(s->form, F_ITEM), n);
	code[n] = '\0';
	item_load(s, app, code);
}

static void item_lookup(struct app *app);

static int case_new_open(struct app *app, const struct screen_arg *arg,
			 void **state)
{
	struct case_new *s = calloc(1, sizeof(*s));

	if (!s)
		return -1;
	words_fill(s);
	s->form = form_new(s->defs, F_COUNT, msg(MSG_REQUIRED));
	if (!s->form) {
		free(s);
		return -1;
	}
	s->form->user = s;
	net_idempotency_key_new(s->key);
	snprintf(s->inquiry_id, sizeof(s->inquiry_id), "%s", arg->inquiry_id);
	if (arg->draft_restore)
		draft_prepare(s, app, arg);
	else if (s->inquiry_id[0])
		inquiry_prefill(s, app);
	if (s->has_item)
		form_focus(s->form, F_SCENARIO);
	*state = s;
	/* Issue 13.10: a case made from an inquiry without an item starts
	 * with the catalog search open (the loop opens it right after). */
	if (s->inquiry_id[0] && !arg->draft_restore && !s->has_item)
		item_lookup(app);
	return 0;
}

static void case_new_layout(void *state, const struct frame_layout *frame)
{
	struct case_new *s = state;

	s->left = 2;
	s->top = frame->body_y;
	/* three rows under the form for a returning applicant */
	form_layout(s->form, frame->body_rows - 4, frame->cols - s->left,
		    &s->lay);
}

static void case_new_draw(void *state, struct app *app, WINDOW *win)
{
	struct case_new *s = state;

	returning_draw(&s->who, app, win);
	form_screen_draw(s->form, app, win, s->top, s->left, &s->lay);
}

/* R1: the inquiry the case was made from is closed as converted at once,
 * whatever the clerk does next. When this fails the inquiry view tries
 * again once it is back on top (screen_inquiry_view close_converted). */
static void inquiry_close_converted(struct app *app, const char *inquiry_id,
				    const char *case_id)
{
	struct net_inquiry_full q = {0};
	struct wc_error err = {0};
	char key[NET_IDEMPOTENCY_KEY_SIZE];

	if (!inquiry_id[0] || !case_id[0] ||
	    strspn(case_id, "0123456789") != strlen(case_id) ||
	    net_inquiry_get(app->net, inquiry_id, &q, &err))
		return;
	if (inquiry_allows(q.base.status, INQUIRY_DO_CONVERT, NULL)) {
		net_idempotency_key_new(key);
		net_inquiry_close(app->net, &q, RESOLUTION_CONVERTED,
				  msg(MSG_ICL_CONVERTED), case_id, key, &err);
	}
	net_inquiry_full_release(&q);
}

static void case_new_submit(struct case_new *s, struct app *app)
{
	struct net_case created = {0};
	struct wc_error err = {0};
	size_t sc = form_choice(s->form, F_SCENARIO);
	struct net_case_draft d = {
	    .item_code = s->has_item ? s->item.code : NULL,
	    .scenario_id = s->has_item && sc < s->item.n_scenarios
			       ? s->item.scenarios[sc].id
			       : NULL,
	    .inquiry_id = s->inquiry_id,
	    .major_project = form_choice(s->form, F_MAJOR) == 1,
	    .applicant_name = form_value(s->form, F_NAME),
	    .id_type = id_type_name(applicant_id_type(s->form)),
	    .id_no = form_value(s->form, F_ID_NO),
	    .phone = form_value(s->form, F_PHONE),
	};

	if (!form_validate(s->form)) {
		app_message(app, true, "%s", msg(MSG_INQ_FIX_ERRORS));
		return;
	}
	app_busy(app, MSG_BUSY_SAVING);
	if (net_case_create(app->net, &d, s->key, &created, &err)) {
		if (!net_error_unsent(&err))
			net_idempotency_key_new(s->key);
		form_server_refusal(s->form, app, &err);
		return;
	}
	inquiry_close_converted(app, s->inquiry_id, created.id);
	app_message(app, false, msg(MSG_CN_CREATED),
		    created.no ? created.no : "",
		    created.applicant.name ? created.applicant.name : "");
	app_replace(app, &screen_checklist,
		    &(struct screen_arg){.case_id = created.id});
	net_case_release(&created);
}

static void item_lookup(struct app *app)
{
	if (app_items_load(app))
		app_push(app, &screen_items, NULL);
}

static int case_new_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct case_new *s = state;
	int r;

	if (ret == KEY_CODE_YES && ch == KEY_F(2)) {
		case_new_submit(s, app);
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
	/* Only the major-project question of an item that can be one. */
	if (s->form->focus == F_MAJOR && s->has_item &&
	    !s->item.major_project && ret == OK && ch == ' ')
		return UI_HANDLED;
	r = form_key(s->form, ret, applicant_id_key_upper(s->form, ret, ch));
	if ((r & UI_CHANGED) && s->form->focus == F_ID_NO)
		returning_check(&s->who, s->form, app);
	if (r & UI_ACTIVATE)
		item_lookup(app);
	if (r & UI_SUBMIT)
		case_new_submit(s, app);
	if ((r & UI_CHANGED) && s->form->focus == F_ITEM && s->has_item) {
		item_release(&s->item); /* the lookup was cleared */
		s->has_item = false;
		s->scenario_labels[0] = msg(MSG_CN_SCENARIO_NONE);
		s->scenario_labels[1] = NULL;
		form_set_value(s->form, F_ITEM, "");
	}
	return r;
}

static void case_new_resume(void *state, struct app *app,
			    const struct screen_result *res)
{
	struct case_new *s = state;
	const struct item *picked = res->picked;

	if (!picked)
		return;
	if (item_load(s, app, picked->code))
		form_focus(s->form,
			   s->item.n_scenarios > 1 ? F_SCENARIO : F_NAME);
}

static struct form *case_new_draft_form(void *state)
{
	return state ? ((struct case_new *)state)->form : NULL;
}

static void case_new_free(void **state)
{
	struct case_new *s = *state;

	if (!s)
		return;
	if (s->has_item)
		item_release(&s->item);
	form_free(&s->form);
	returning_release(&s->who);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_case_new = {
    .name = "case_new",
    .title = MSG_CN_TITLE,
    .help = MSG_HELP_CASE_NEW,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = case_new_open,
    .layout = case_new_layout,
    .draw = case_new_draw,
    .key = case_new_key,
    .resume = case_new_resume,
    .free = case_new_free,
    .draft_form = case_new_draft_form,
};
