/* screen_case_actions.c - the later steps of a case, chosen by
 * app->case_action: supplements (R3 补交: pick a material the commitment
 * still waits for, Enter records it; the commitment is fulfilled when none
 * is left), completion (approved or denied, with a note) and withdrawal
 * (with a note). Each sends If-Match and an Idempotency-Key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/list.h"

#include "common/case_util.h"
#include "common/form_util.h"

enum { F_RESULT, F_NOTE, F_COUNT };

struct actions {
	struct case_ctx x;
	enum case_form action;
	size_t open[CATALOG_MAX_MATERIALS]; /* supplement: open positions */
	size_t n_open;
	struct list rows; /* over open[] */
	struct field_def defs[F_COUNT];
	const char *result_labels[3];
	struct form *form;
	struct form_layout lay;
	char key[NET_IDEMPOTENCY_KEY_SIZE];
	struct key_list bar; /* the key bar of this state */
	int form_y, cols;
};

/* Supplements: one column, the material's number, name and state. */
static const struct column_def material_column = {.min = 10, .weight = 1};

static const struct screen_key keys[] = {
    {"F2", MSG_KEY_SUBMIT},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static const struct field_def fields[F_COUNT] = {
    [F_RESULT] = {.name = "result", .kind = FIELD_CHOICE, .width = 12},
    [F_NOTE] = {.name = "note",
		.kind = FIELD_TEXT,
		.width = 60,
		.max_chars = TEXT_MAX_CHARS,
		.required = true},
};

/* A supplement needs an open commitment and a material it waits for. */
static bool may_supplement(const struct actions *s)
{
	const struct net_case *c = &s->x.c;

	return s->n_open > 0 &&
	       case_allows(c->status, CASE_DO_SUPPLEMENT, NULL) &&
	       c->has_commitment &&
	       commitment_allows(c->commitment.status, COMMITMENT_DO_SUPPLEMENT,
				 NULL);
}

static const struct screen_key *actions_keys_now(void *state, size_t *n)
{
	struct actions *s = state;
	struct key_list *l;

	if (!s) {
		*n = sizeof(keys) / sizeof(*keys);
		return keys;
	}
	l = &s->bar;
	l->n = 0;
	key_list_add(l,
		     s->action != CASE_ACTION_SUPPLEMENT || may_supplement(s),
		     "F2", MSG_KEY_SUBMIT);
	key_list_add(l, true, "Esc", MSG_KEY_BACK);
	key_list_add(l, true, "F10", MSG_KEY_QUIT);
	*n = l->n;
	return l->keys;
}

static void open_list(struct actions *s)
{
	s->n_open = 0;
	for (size_t i = 0; i < s->x.n; i++)
		if (s->x.states[i] == STATE_MISSING ||
		    s->x.states[i] == STATE_DEFECTIVE ||
		    s->x.states[i] == STATE_PENDING)
			s->open[s->n_open++] = i;
	list_set_count(&s->rows, s->n_open);
}

static const char *const action_names[] = {
    [CASE_ACTION_SUPPLEMENT] = "supplement",
    [CASE_ACTION_COMPLETE] = "complete",
    [CASE_ACTION_WITHDRAW] = "withdraw",
};

/* The draft's context is "CASE_ID:ACTION": restoring one reopens the same
 * action on the same case. The slot being opened (app->stack[app->depth])
 * keeps the context its draft is saved with. */
static void draft_context(struct app *app, const struct screen_arg *arg,
			  char *case_id, size_t size, enum case_form *action)
{
	const char *colon = strrchr(arg->draft_context, ':');

	snprintf(case_id, size, "%s", arg->case_id);
	*action = arg->action;
	if (arg->draft_restore && arg->draft_context[0]) {
		if (colon)
			*action = strcmp(colon + 1, "withdraw") == 0
				      ? CASE_ACTION_WITHDRAW
				      : CASE_ACTION_COMPLETE;
		snprintf(case_id, size, "%.*s",
			 (int)(colon ? colon - arg->draft_context : 31),
			 arg->draft_context);
	}
	if (app->depth < APP_MAX_SCREENS)
		snprintf(app->stack[app->depth].draft_context,
			 sizeof(app->stack[app->depth].draft_context), "%s:%s",
			 case_id, action_names[*action]);
}

static int actions_open(struct app *app, const struct screen_arg *arg,
			void **state)
{
	struct actions *s = calloc(1, sizeof(*s));

	char case_id[32];

	if (!s)
		return -1;
	draft_context(app, arg, case_id, sizeof(case_id), &s->action);
	list_init(&s->rows, &material_column, 1, LIST_MARK_HIGHLIGHT);
	memcpy(s->defs, fields, sizeof(fields));
	s->result_labels[0] = msg(MSG_ACT_APPROVED);
	s->result_labels[1] = msg(MSG_ACT_DENIED);
	s->defs[F_RESULT].choices = s->result_labels;
	s->defs[F_RESULT].label = msg(MSG_ACT_RESULT);
	s->defs[F_RESULT].help = msg(MSG_ACT_RESULT_HELP);
	s->defs[F_NOTE].label = msg(MSG_ACT_NOTE);
	s->defs[F_NOTE].help =
	    msg(s->action == CASE_ACTION_WITHDRAW ? MSG_ACT_WITHDRAW_HELP
						  : MSG_ACT_NOTE_HELP);
	/* Withdrawal has no result: its form starts at the note. */
	s->form = s->action == CASE_ACTION_WITHDRAW
		      ? form_new(s->defs + F_NOTE, 1, msg(MSG_REQUIRED))
		      : form_new(s->defs, F_COUNT, msg(MSG_REQUIRED));
	if (!s->form || !case_ctx_load(&s->x, app, case_id)) {
		form_free(&s->form);
		case_ctx_release(&s->x);
		free(s);
		return -1;
	}
	if (s->action == CASE_ACTION_COMPLETE)
		form_focus(s->form, F_NOTE);
	open_list(s);
	net_idempotency_key_new(s->key);
	if (s->action == CASE_ACTION_SUPPLEMENT)
		app_message(app, false, "%s", msg(MSG_ACT_SUPPLEMENT_HINT));
	*state = s;
	return 0;
}

static void actions_layout(void *state, const struct frame_layout *frame)
{
	struct actions *s = state;

	s->cols = frame->cols;
	list_layout(&s->rows, frame->body_y + 3, frame->body_rows - 4,
		    frame->cols);
	s->form_y = frame->body_y + 2;
	form_layout(s->form, frame->body_rows - 3, frame->cols - 2, &s->lay);
}

static void material_row(void *ctx, size_t r, struct list_row *row)
{
	const struct actions *s = ctx;
	size_t i = s->open[r];

	snprintf(row->buf[0], LIST_CELL_BYTES, " %zu. %s  [%s]", r + 1,
		 case_ctx_material(&s->x, i)->name,
		 case_state_text(material_state_name(s->x.states[i])));
	row->cells[0] = row->buf[0];
}

static void supplement_draw(struct actions *s, struct app *app, WINDOW *win)
{
	const struct net_commitment *m = &s->x.c.commitment;
	char line[400];

	snprintf(line, sizeof(line), msg(MSG_ACT_COMMITMENT),
		 m->no ? m->no : "-", m->due_date ? m->due_date : "-",
		 commitment_status_label(m->status));
	table_draw_cell(win, app->frame.body_y + 1, 1, s->cols - 1, line,
			theme_attr(THEME_LABEL) | A_BOLD);
	if (s->n_open == 0) {
		table_draw_cell(win, s->rows.y, 2, s->cols - 2,
				msg(MSG_ACT_ALL_IN), theme_attr(THEME_HINT));
		return;
	}
	list_draw(&s->rows, win, material_row, s);
}

static void actions_draw(void *state, struct app *app, WINDOW *win)
{
	struct actions *s = state;

	case_header_draw(&s->x, app, win, app->frame.body_y);
	if (s->action == CASE_ACTION_SUPPLEMENT) {
		supplement_draw(s, app, win);
		return;
	}
	table_draw_cell(win, app->frame.body_y + 1, 1, s->cols - 1,
			msg(s->action == CASE_ACTION_WITHDRAW
				? MSG_ACT_WITHDRAW_HEAD
				: MSG_ACT_COMPLETE_HEAD),
			theme_attr(THEME_LABEL) | A_BOLD);
	form_screen_draw(s->form, app, win, s->form_y, 2, &s->lay);
}

static void refused(struct actions *s, struct app *app,
		    const struct wc_error *err)
{
	if (!net_error_unsent(err))
		net_idempotency_key_new(s->key);
	case_refusal(&s->x, app, err);
}

static void supplement_submit(struct actions *s, struct app *app)
{
	const struct material *m;
	struct wc_error err = {0};
	size_t r;

	if (!may_supplement(s) || !list_current(&s->rows, &r))
		return;
	m = case_ctx_material(&s->x, s->open[r]);
	app_busy(app, MSG_BUSY_SAVING);
	if (net_case_supplement(app->net, &s->x.c, m->id, s->key, &err)) {
		refused(s, app, &err);
		return;
	}
	net_idempotency_key_new(s->key);
	case_ctx_sync(&s->x);
	open_list(s);
	app_message(app, false, msg(MSG_ACT_SUPPLEMENTED), m->name,
		    commitment_status_label(s->x.c.commitment.status));
}

static void form_submit(struct actions *s, struct app *app)
{
	bool withdraw = s->action == CASE_ACTION_WITHDRAW;
	const char *note = form_value(s->form, withdraw ? 0 : F_NOTE);
	struct wc_error err = {0};
	enum case_result result = form_choice(s->form, F_RESULT) == 0
				      ? RESULT_APPROVED
				      : RESULT_DENIED;
	int failed;

	if (!form_validate(s->form)) {
		app_message(app, true, "%s", msg(MSG_INQ_FIX_ERRORS));
		return;
	}
	app_busy(app, MSG_BUSY_SAVING);
	failed = withdraw
		     ? net_case_withdraw(app->net, &s->x.c, note, s->key, &err)
		     : net_case_complete(app->net, &s->x.c, result, note,
					 s->key, &err);
	if (failed) {
		refused(s, app, &err);
		return;
	}
	app_message(app, false, msg(MSG_ACT_DONE), s->x.c.no ? s->x.c.no : "",
		    case_status_label(s->x.c.status));
	app_pop(app);
}

static int actions_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct actions *s = state;
	bool enter = (ret == OK && (ch == '\r' || ch == '\n')) ||
		     (ret == KEY_CODE_YES && ch == KEY_ENTER);
	int r;

	if (ret == OK && ch == KEY_ESC) {
		app_pop(app);
		return UI_HANDLED;
	}
	if (s->action == CASE_ACTION_SUPPLEMENT) {
		if (enter || (ret == KEY_CODE_YES && ch == KEY_F(2)))
			supplement_submit(s, app);
		else
			return list_key(&s->rows, ret, ch);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(2)) {
		form_submit(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	r = form_key(s->form, ret, ch);
	if (r & UI_SUBMIT)
		form_submit(s, app);
	return r;
}

/* Only the forms keep drafts: a supplement is one key. */
static struct form *actions_draft_form(void *state)
{
	struct actions *s = state;

	return s && s->action != CASE_ACTION_SUPPLEMENT ? s->form : NULL;
}

static void actions_free(void **state)
{
	struct actions *s = *state;

	if (!s)
		return;
	case_ctx_release(&s->x);
	form_free(&s->form);
	list_release(&s->rows);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_case_actions = {
    .name = "case_actions",
    .title = MSG_ACT_TITLE,
    .help = MSG_HELP_ACTIONS,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = actions_open,
    .layout = actions_layout,
    .draw = actions_draw,
    .key = actions_key,
    .free = actions_free,
    .draft_form = actions_draft_form,
    .keys_now = actions_keys_now,
};
