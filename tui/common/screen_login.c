/* screen_login.c - user name, password (never echoed), window. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "wincase/date.h"
#include "common/form_util.h"
#include "common/offline_ui.h"
#include "common/safe.h"
#include "review/review.h"
#include "training/training.h"
#include "training/training_ui.h"

enum { F_USER, F_PASSWORD, F_WINDOW, F_COUNT };

static const struct field_def fields[F_COUNT] = {
    [F_USER] = {.name = "username",
		.kind = FIELD_TEXT,
		.width = 24,
		.max_chars = 64,
		.required = true},
    [F_PASSWORD] = {.name = "password",
		    .kind = FIELD_PASSWORD,
		    .width = 24,
		    .max_chars = 128,
		    .required = true},
    [F_WINDOW] = {.name = "window",
		  .kind = FIELD_TEXT,
		  .width = 10,
		  .max_chars = 16},
};

struct login {
	struct field_def defs[F_COUNT]; /* fields with their words */
	struct form *form;
	struct form_layout lay;
	int top, left;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},
    {"Enter", MSG_KEY_LOGIN},
    {"F6", MSG_KEY_TRAINING},
    {"F10", MSG_KEY_QUIT},
};
/* Issue 14.11: F6 is offered only where it works - not in restricted
 * mode, not once training runs. */
static const struct screen_key keys_no_training[] = {
    {"F1", MSG_KEY_HELP},
    {"Enter", MSG_KEY_LOGIN},
    {"F10", MSG_KEY_QUIT},
};

static const struct screen_key *login_keys_now(void *state, size_t *n)
{
	(void)state;
	if (safe_restricted() || training_ui_active()) {
		*n = sizeof(keys_no_training) / sizeof(*keys_no_training);
		return keys_no_training;
	}
	*n = sizeof(keys) / sizeof(*keys);
	return keys;
}

static int login_open(struct app *app, const struct screen_arg *arg,
		      void **state)
{
	struct login *s = calloc(1, sizeof(*s));
	static const enum msg_id labels[F_COUNT] = {
	    MSG_LOGIN_USER, MSG_LOGIN_PASSWORD, MSG_LOGIN_WINDOW};
	static const enum msg_id helps[F_COUNT] = {MSG_LOGIN_USER_HELP,
						   MSG_LOGIN_PASSWORD_HELP,
						   MSG_LOGIN_WINDOW_HELP};

	(void)arg;
	if (!s)
		return -1;
	memcpy(s->defs, fields, sizeof(fields));
	for (int i = 0; i < F_COUNT; i++) {
		s->defs[i].label = msg(labels[i]);
		s->defs[i].help = msg(helps[i]);
	}
	s->form = form_new(s->defs, F_COUNT, msg(MSG_REQUIRED));
	if (!s->form) {
		free(s);
		return -1;
	}
	if (app->cfg->window)
		form_set_value(s->form, F_WINDOW, app->cfg->window);
	if (app->relogin_user[0]) { /* the session expired: same user */
		form_set_value(s->form, F_USER, app->relogin_user);
		form_focus(s->form, F_PASSWORD);
	}
	app_message(app, false, "%s", msg(MSG_LOGIN_WELCOME));
	if (training_ui_active()) /* the accounts to practise with */
		app_message(app, false, msg(MSG_TR_STARTED),
			    TRAINING_PASSWORD_DEFAULT);
	*state = s;
	return 0;
}

static void login_layout(void *state, const struct frame_layout *frame)
{
	struct login *s = state;
	int cols = frame->cols < 60 ? frame->cols : 60;

	s->left = (frame->cols - cols) / 2;
	s->top = frame->body_y + 2;
	form_layout(s->form, frame->body_rows - 4, cols, &s->lay);
}

static void login_draw(void *state, struct app *app, WINDOW *win)
{
	struct login *s = state;
	char line[300];

	snprintf(line, sizeof(line), "%s：%s", msg(MSG_LOGIN_SERVER),
		 net_client_url(app->net));
	table_draw_cell(win, app->frame.body_y, s->left,
			app->frame.cols - s->left, line,
			theme_attr(THEME_NORMAL));
	form_screen_draw(s->form, app, win, s->top, s->left, &s->lay);
}

/* Due dates need the working-day calendar of the year they fall in: warn
 * reviewers and administrators while there is time to import the next
 * year (/v1/health gives calendar_until). */
#define CALENDAR_WARN_DAYS 60

static void login_warn_calendar(struct app *app)
{
	char today[11], until[11];
	struct wc_error err;
	wc_day t, u;

	if (net_calendar_horizon(app->net, today, until, &err) < 0 ||
	    !date_parse(today, &t) || !date_parse(until, &u))
		return; /* an old server without calendar_until: no warning */
	if (u - t < CALENDAR_WARN_DAYS)
		app_message_after(app, msg(MSG_CALENDAR_ENDING), until,
				  (int)(u - t));
}

static void login_done(struct app *app, bool offline);

static void login_submit(struct login *s, struct app *app)
{
	struct wc_error err = {0};
	const char *field;
	int index;

	if (!form_validate(s->form)) {
		app_message(app, true, "%s", msg(MSG_INQ_FIX_ERRORS));
		return;
	}
	app_busy(app, MSG_BUSY_CONNECTING);
	if (net_login(app->net, form_value(s->form, F_USER),
		      form_value(s->form, F_PASSWORD),
		      form_value(s->form, F_WINDOW), &app->user, &err)) {
		/* Issue 12: the server out of reach, the same clerk on the
		 * same PC works on. */
		if (net_error_unsent(&err)) {
			if (offline_ui_offline_login(
				app, form_value(s->form, F_USER),
				form_value(s->form, F_PASSWORD)) == 0) {
				login_done(app, true);
				return;
			}
			form_set_value(s->form, F_PASSWORD, "");
			form_focus(s->form, F_PASSWORD);
			return;
		}
		app_message_error(app, &err);
		field = msg_for_field(err.field);
		index = err.field[0] ? form_find(s->form, err.field) : -1;
		if (index >= 0 && field) {
			form_set_error(s->form, (size_t)index, field);
			form_focus(s->form, (size_t)index);
		} else if (net_error_of(&err) == NET_ERR_BAD_CREDENTIALS) {
			form_set_value(s->form, F_PASSWORD, "");
			form_focus(s->form, F_PASSWORD);
		}
		return;
	}
	offline_ui_online_login(app, form_value(s->form, F_USER),
				form_value(s->form, F_PASSWORD));
	login_done(app, false);
}

static void login_done(struct app *app, bool offline)
{
	app->logged_in = true;
	app_message_clear(app);
	if (offline)
		app_message_after(app, msg(MSG_OFF_LOGGED_IN),
				  app->offline_until);
	/* Reviewers work in the review queue, clerks never see it.
	 * Training starts at its scenario list (or the trainer's
	 * progress table). */
	if (training_ui_active())
		app_replace(app, training_ui_after_login(app), NULL);
	else
		app_replace(app,
			    review_role(app) ? &screen_review : &screen_home,
			    NULL);
	if (review_role(app))
		login_warn_calendar(app);
}

static int login_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct login *s = state;
	int r;

	if (ret == KEY_CODE_YES && ch == KEY_F(2)) {
		login_submit(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(6) && safe_restricted()) {
		app_message(app, true, "%s", msg(MSG_TR_RESTRICTED));
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(6)) /* training mode */
		return training_ui_enter(app);
	r = form_key(s->form, ret, ch);
	if (r & UI_SUBMIT)
		login_submit(s, app);
	return r;
}

static void login_free(void **state)
{
	struct login *s = *state;

	if (!s)
		return;
	form_free(&s->form);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_login = {
    .name = "login",
    .title = MSG_LOGIN_TITLE,
    .help = MSG_HELP_LOGIN,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = login_open,
    .layout = login_layout,
    .draw = login_draw,
    .key = login_key,
    .free = login_free,
    .keys_now = login_keys_now,
};
