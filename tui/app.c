/* app.c - the main loop: read a key, let the screen on top handle it, do
 * what it asks (stack changes, quit), lay out on resize, redraw once. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include "wincase/draft.h"
#include "wincase/net_offline.h"
#include "wincase/text.h"

#include "app.h"
#include "common/offline_ui.h"
#include "common/safe.h"
#include "common/terminal.h"
#include "training/training_ui.h"

/* How long to wait after Esc for a digit (Esc 1 = F1 ... Esc 0 = F10). */
#define ESC_FOLLOW_MS 400
/* The periodic jobs (the probe, the queue's look for handoffs...) run only
 * once the loop has been quiet this long since the last key or the last
 * run: never between two keys, and at most twice a second should one of
 * them stay due (a probe that could not even be sent). */
#define QUIET_MS 500

volatile sig_atomic_t app_signalled;

static void copy_str(char *out, size_t size, const char *s)
{
	snprintf(out, size, "%s", s ? s : "");
}

/* The change asked for, with its argument copied (the screen asking may
 * close before the new one opens). */
static void pending_set(struct app *app, enum app_pending what,
			const struct screen_ops *ops,
			const struct screen_arg *arg)
{
	static const struct screen_arg none;

	if (!arg)
		arg = &none;
	app->pending = what;
	app->pending_ops = ops;
	app->pending_arg = *arg;
	copy_str(app->pending_case, sizeof(app->pending_case), arg->case_id);
	copy_str(app->pending_inquiry, sizeof(app->pending_inquiry),
		 arg->inquiry_id);
	copy_str(app->pending_draft, sizeof(app->pending_draft),
		 arg->draft_context);
	app->pending_arg.case_id = app->pending_case;
	app->pending_arg.inquiry_id = app->pending_inquiry;
	app->pending_arg.draft_context = app->pending_draft;
}

void app_push(struct app *app, const struct screen_ops *ops,
	      const struct screen_arg *arg)
{
	pending_set(app, PENDING_PUSH, ops, arg);
}

void app_pop_with(struct app *app, const struct screen_result *res)
{
	static const struct screen_result none;

	if (!res)
		res = &none;
	pending_set(app, PENDING_POP, NULL, NULL);
	app->result = *res;
	copy_str(app->result_case, sizeof(app->result_case), res->case_id);
	copy_str(app->result_inquiry, sizeof(app->result_inquiry),
		 res->inquiry_id);
	app->result.case_id = app->result_case;
	app->result.inquiry_id = app->result_inquiry;
}

void app_pop(struct app *app)
{
	app_pop_with(app, NULL);
}

void app_replace(struct app *app, const struct screen_ops *ops,
		 const struct screen_arg *arg)
{
	pending_set(app, PENDING_REPLACE, ops, arg);
}

void app_reset(struct app *app, const struct screen_ops *ops,
	       const struct screen_arg *arg)
{
	pending_set(app, PENDING_RESET, ops, arg);
}

void app_mark(struct app *app, unsigned work)
{
	app->work |= work;
}

/* The message line changed (or not): only a change costs a redraw. */
static void message_set(struct app *app, const char *text, bool is_error)
{
	if (strcmp(app->message, text) == 0 &&
	    app->message_is_error == is_error)
		return;
	snprintf(app->message, sizeof(app->message), "%s", text);
	app->message_is_error = is_error;
	app_mark(app, APP_WORK_DRAW);
}

void app_message(struct app *app, bool is_error, const char *fmt, ...)
{
	char text[sizeof(app->message)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	message_set(app, text, is_error);
}

void app_message_after(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message_after, sizeof(app->message_after), fmt, ap);
	va_end(ap);
}

void app_message_error(struct app *app, const struct wc_error *err)
{
	char text[sizeof(app->message)];

	msg_for_error(err, text, sizeof(text));
	message_set(app, text, true);
}

void app_message_clear(struct app *app)
{
	message_set(app, "", false);
}

/* The left part of the status line in room columns: the user and the
 * window with their labels; when a screen's note needs the room (the
 * review counts), the user's names alone, then without the program's
 * name (the training banner stays). */
static void status_left(const struct app *app, const char *name, int room,
			char *out, size_t size)
{
	const char *display = app->user.display_name ? app->user.display_name
						     : app->user.username;

	snprintf(out, size, " %s  %s：%s（%s）  %s：%s", name,
		 msg(MSG_STATUS_USER), display, app->user.username,
		 msg(MSG_STATUS_WINDOW),
		 app->user.window ? app->user.window : "-");
	if (!app->status_note[0] || text_width(out) <= room)
		return;
	snprintf(out, size, " %s  %s（%s）", name, display, app->user.username);
	if (text_width(out) <= room)
		return;
	if (training_ui_active())
		snprintf(out, size, " %s  %s", name, display);
	else
		snprintf(out, size, " %s（%s）", display, app->user.username);
}

static void draw_status(struct app *app, WINDOW *win)
{
	const struct frame_layout *f = &app->frame;
	char server[160];
	bool alert = false;
	int sw, nw = 0;
	char left[320];
	/* Training mode says so on every screen, first. */
	const char *name =
	    msg(training_ui_active() ? MSG_TR_BANNER : MSG_APP_NAME);

	offline_ui_status(app, server, sizeof(server), &alert);
	sw = text_width(server) + 2;
	if (app->logged_in && app->status_note[0])
		nw = text_width(app->status_note) + 2;
	if (nw > f->cols - sw)
		nw = 0;
	if (app->logged_in)
		status_left(app, name, f->cols - sw - nw, left, sizeof(left));
	else
		snprintf(left, sizeof(left), " %s  %s", name,
			 msg(MSG_NOT_LOGGED_IN));
	table_draw_cell(win, f->status_y, 0, f->cols - sw - nw, left,
			theme_attr(training_ui_active() ? THEME_STATUS_ALERT
							: THEME_STATUS));
	if (nw) { /* a blank, the note, a blank */
		table_draw_cell(win, f->status_y, f->cols - sw - nw, 1, "",
				theme_attr(THEME_STATUS));
		table_draw_cell(win, f->status_y, f->cols - sw - nw + 1, nw - 1,
				app->status_note, theme_attr(THEME_STATUS));
	}
	table_draw_cell(win, f->status_y, f->cols - sw, 1, "",
			theme_attr(THEME_STATUS));
	table_draw_cell(win, f->status_y, f->cols - sw + 1, sw - 1, server,
			theme_attr(alert ? THEME_STATUS_ALERT : THEME_STATUS));
}

static void draw_keybar(struct app *app, WINDOW *win,
			const struct app_screen *top)
{
	const struct screen_ops *ops = top->ops;
	const struct screen_key *keys = ops->keys, *tr_keys;
	size_t n_keys = ops->n_keys, n_tr, n = 0;
	struct keybar_entry entries[16];

	if (ops->keys_now)
		keys = ops->keys_now(top->state, &n_keys);
	/* In a training scenario F1 is the hint, not help (training_ui_key
	 * takes it first), so a screen's own F1 is left out. */
	tr_keys = training_ui_bar_keys(app, &n_tr);
	for (size_t i = 0; i < n_tr; i++) {
		entries[n].key = tr_keys[i].key;
		entries[n++].label = msg(tr_keys[i].label);
	}
	for (size_t i = 0; i < n_keys && n < 15; i++) {
		if (n_tr && strcmp(keys[i].key, "F1") == 0)
			continue;
		entries[n].key = keys[i].key;
		entries[n++].label = msg(keys[i].label);
	}
	entries[n].key = "";
	entries[n++].label = msg(MSG_KEY_FALLBACK);
	keybar_draw(win, app->frame.keybar_y, app->frame.cols, entries, n);
}

static void app_draw(struct app *app)
{
	const struct frame_layout *f = &app->frame;
	struct app_screen *top = &app->stack[app->depth - 1];
	char title[160];

	app->work = 0;
	werase(stdscr);
	app->cursor_y = app->cursor_x = -1;
	if (f->too_small) {
		table_draw_cell(stdscr, 0, 0, f->cols, msg(MSG_TOO_SMALL),
				theme_attr(THEME_ERROR));
		goto done;
	}
	draw_status(app, stdscr);
	snprintf(title, sizeof(title), " %s", msg(top->ops->title));
	table_draw_cell(stdscr, f->title_y, 0, f->cols, title,
			theme_attr(THEME_TITLE));
	top->ops->draw(top->state, app, stdscr);
	training_ui_draw(app, stdscr); /* the side panel, when shown */
	table_draw_cell(
	    stdscr, f->message_y, 0, f->cols, app->message,
	    theme_attr(app->message_is_error ? THEME_ERROR : THEME_HINT));
	draw_keybar(app, stdscr, top);
done:
	/* A hidden cursor is left where drawing ended (leaveok): parking it
	 * would cost bytes on every key (slow links). */
	leaveok(stdscr, app->cursor_y < 0 || app->cursor_x < 0);
	if (app->cursor_y >= 0 && app->cursor_x >= 0) {
		curs_set(1);
		wmove(stdscr, app->cursor_y, app->cursor_x);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

void app_busy(struct app *app, enum msg_id id)
{
	app_message(app, false, "%s", msg(id));
	if (app->depth > 0)
		app_draw(app);
}

bool app_items_load(struct app *app)
{
	struct wc_error err = {0};

	if (app->items_loaded)
		return true;
	app_busy(app, MSG_BUSY_LOADING);
	if (net_items_list(app->net, &app->items, &err)) {
		app_message_error(app, &err);
		return false;
	}
	app_message_clear(app);
	app->items_loaded = true;
	return true;
}

/* The frame the screens lay out in: the whole one, less the training
 * side panel when it stands beside them (training_ui.h). */
static const struct frame_layout *body_frame(const struct app *app,
					     struct frame_layout *tmp)
{
	*tmp = app->frame;
	tmp->cols -= training_ui_panel_cols(app);
	return tmp;
}

static void app_layout(struct app *app)
{
	struct frame_layout body;
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	frame_layout(rows, cols, &app->frame);
	body_frame(app, &body);
	for (size_t i = 0; i < app->depth; i++)
		app->stack[i].ops->layout(app->stack[i].state, &body);
}

/* Drafts (draft.h): the forms whose typing survives a crash. */
static const struct screen_ops *const draft_screens[] = {
    &screen_inquiry,  &screen_inquiry_handoff, &screen_inquiry_close,
    &screen_case_new, &screen_case_actions,
};

const struct screen_ops *app_draft_screen(const char *name)
{
	for (size_t i = 0; i < sizeof(draft_screens) / sizeof(*draft_screens);
	     i++)
		if (strcmp(draft_screens[i]->name, name) == 0)
			return draft_screens[i];
	return NULL;
}

static void draft_restore(struct app *app, struct app_screen *s,
			  const struct screen_arg *arg)
{
	struct form *form =
	    s->ops->draft_form ? s->ops->draft_form(s->state) : NULL;

	if (arg->draft_restore && form && app->store &&
	    draft_load(app->store, s->ops->name, form, NULL) == 0)
		s->changed = true;
}

/* After a change in the top screen's form. */
static void draft_keep(struct app *app)
{
	struct app_screen *s = &app->stack[app->depth - 1];
	struct form *form =
	    s->ops->draft_form ? s->ops->draft_form(s->state) : NULL;

	if (form && app->store)
		draft_save(app->store, s->ops->name, form, s->draft_context);
}

/* The top screen closes on purpose (submitted or left with Esc). A form
 * left untouched leaves a draft kept earlier alone; one the clerk chose
 * to keep stays (13.6). */
static void draft_drop(struct app *app)
{
	struct app_screen *s = &app->stack[app->depth - 1];

	if (s->ops->draft_form && app->store && s->changed && !s->keep_draft)
		draft_remove(app->store, s->ops->name);
}

/* Opens ops on arg (NULL: a zero one) on top of the stack. */
void app_opening_restored(struct app *app)
{
	if (app->depth < APP_MAX_SCREENS)
		app->stack[app->depth].changed = true;
}

static int screen_open(struct app *app, const struct screen_ops *ops,
		       const struct screen_arg *arg)
{
	static const struct screen_arg none = {
	    .case_id = "", .inquiry_id = "", .draft_context = ""};
	struct frame_layout body;
	struct app_screen *s;

	if (!arg)
		arg = &none;
	if (app->depth >= APP_MAX_SCREENS)
		return -1;
	s = &app->stack[app->depth];
	s->ops = ops;
	s->state = NULL;
	s->changed = s->keep_draft = false;
	snprintf(s->draft_context, sizeof(s->draft_context), "%s",
		 arg->draft_context);
	if (ops->open(app, arg, &s->state))
		return -1;
	draft_restore(app, s, arg);
	app->depth++;
	ops->layout(s->state, body_frame(app, &body));
	return 0;
}

static void screen_close(struct app *app)
{
	struct app_screen *s = &app->stack[--app->depth];

	s->ops->free(&s->state);
	s->ops = NULL;
}

/* Carries out the stack change a key handler asked for. */
/* A screen back on top reloads what it shows, and loading rewrites the
 * message line: what the screen above said (a confirmation, a refusal)
 * stays, unless the reload itself failed and says so. */
static void screen_resume(struct app *app, struct app_screen *top)
{
	char keep[sizeof(app->message)];
	bool keep_error = app->message_is_error;

	memcpy(keep, app->message, sizeof(keep));
	top->ops->resume(top->state, app, &app->result);
	if (keep[0] && !app->message_is_error) {
		memcpy(app->message, keep, sizeof(keep));
		app->message_is_error = keep_error;
	}
}

void app_reload_home(struct app *app)
{
	struct app_screen *top;

	if (app->depth == 0)
		return;
	top = &app->stack[app->depth - 1];
	if (top->ops == &screen_home && top->ops->resume) {
		memset(&app->result, 0, sizeof(app->result));
		app->result_case[0] = app->result_inquiry[0] = '\0';
		app->result.case_id = app->result_case;
		app->result.inquiry_id = app->result_inquiry;
		screen_resume(app, top);
		memset(&app->result, 0, sizeof(app->result));
		app_mark(app, APP_WORK_DRAW);
	}
}

static void app_apply_pending(struct app *app)
{
	enum app_pending what = app->pending;
	struct app_screen *top;

	app->pending = PENDING_NONE;
	app_mark(app, APP_WORK_DRAW); /* another screen, or the same resumed */
	switch (what) {
	case PENDING_PUSH:
		screen_open(app, app->pending_ops, &app->pending_arg);
		break;
	case PENDING_REPLACE:
		app->stack[app->depth - 1].changed = true; /* submitted */
		draft_drop(app);
		screen_close(app);
		if (screen_open(app, app->pending_ops, &app->pending_arg))
			app->quit = true;
		break;
	case PENDING_RESET:
		while (app->depth > 0) {
			app->stack[app->depth - 1].changed = true;
			draft_drop(app);
			screen_close(app);
		}
		if (screen_open(app, app->pending_ops, &app->pending_arg))
			app->quit = true;
		break;
	case PENDING_POP:
		if (app->depth > 1) {
			draft_drop(app);
			screen_close(app);
		}
		top = &app->stack[app->depth - 1];
		if (top->ops->resume)
			screen_resume(app, top);
		memset(&app->result, 0, sizeof(app->result));
		break;
	default:
		break;
	}
	if (app->message_after[0]) {
		app_message(app, false, "%s", app->message_after);
		app->message_after[0] = '\0';
	}
}

/* The rest of an escape sequence that terminfo did not know (tmux sends
 * Home as ESC [ 1 ~ whatever TERM says): a few are mapped, the rest are
 * swallowed, so that they never count as a lone Esc. */
static wint_t escape_sequence(wint_t intro)
{
	static const struct {
		const char *seq;
		wint_t key;
	} known[] = {
	    {"[1~", KEY_HOME}, {"[7~", KEY_HOME}, {"[H", KEY_HOME},
	    {"OH", KEY_HOME},  {"[4~", KEY_END},  {"[8~", KEY_END},
	    {"[F", KEY_END},   {"OF", KEY_END},	  {"[3~", KEY_DC},
	    {"[Z", KEY_BTAB},
	};
	char seq[16] = {(char)intro};
	size_t len = 1;
	wint_t ch;

	wtimeout(stdscr, 50);
	while (len + 1 < sizeof(seq) && wget_wch(stdscr, &ch) == OK &&
	       ch < 128) {
		seq[len++] = (char)ch;
		if (intro == 'O' || (ch >= 0x40 && ch <= 0x7e))
			break; /* SS3 takes one character, CSI ends at a final
				*/
	}
	wtimeout(stdscr, 0);
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
		if (strcmp(seq, known[i].seq) == 0)
			return known[i].key;
	return 0;
}

/* The next key, without waiting for one (the loop waits in key_wait);
 * Esc then a digit stands for a function key on terminals without them. */
static int key_read(int *ret, wint_t *ch)
{
	wint_t next;
	int r;

	wtimeout(stdscr, 0);
	*ret = wget_wch(stdscr, ch);
	if (*ret != OK || *ch != KEY_ESC)
		return *ret;
	wtimeout(stdscr, ESC_FOLLOW_MS);
	r = wget_wch(stdscr, &next);
	wtimeout(stdscr, 0);
	if (r == OK && next >= '0' && next <= '9') {
		*ret = KEY_CODE_YES;
		*ch = KEY_F(next == '0' ? 10 : (int)(next - '0'));
	} else if (r == OK && (next == '[' || next == 'O')) {
		*ch = escape_sequence(next);
		*ret = *ch ? KEY_CODE_YES : ERR;
	} else if (r == OK) {
		unget_wch((wchar_t)next);
	} else if (r == KEY_CODE_YES) {
		ungetch((int)next); /* Esc, then a key with a code */
	}
	return *ret;
}

/* Ctrl-F: find (raw mode, so it arrives as a character). */
#define KEY_CTRL_F 0x06
/* Ctrl-O: the offline journal. */
#define KEY_CTRL_O 0x0f
/* Ctrl-C arrives as a character too (raw mode): it quits nothing, so
 * that what is being typed is not lost, and says how to quit (13.9). */
#define KEY_CTRL_C 0x03

/* Keys every screen shares: F1 help, F10 quit, Ctrl-F find. */
static int app_global_key(struct app *app, int ret, wint_t ch)
{
	const struct screen_ops *top = app->stack[app->depth - 1].ops;

	int r = training_ui_key(app, ret, ch); /* F1 hint, F11, F12 */

	if (r != UI_IGNORED)
		return r;
	/* Issue 13.3: a case or inquiry by its number from any screen of
	 * the counter; the screen below keeps what it holds. */
	if (ret == OK && ch == KEY_CTRL_F && app->logged_in &&
	    app->user.role == NET_ROLE_CLERK && top != &screen_find) {
		app_push(app, &screen_find, NULL);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == OK && ch == KEY_CTRL_O && app->logged_in &&
	    net_offline_attached(app->net) && top != &screen_journal) {
		app_push(app, &screen_journal, NULL);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == OK && ch == KEY_CTRL_C) {
		app_message(app, false, "%s", msg(MSG_CTRL_C));
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	if (ch == KEY_F(10)) {
		app->quit = true;
		return UI_HANDLED;
	}
	if (ch == KEY_F(1)) {
		if (top == &screen_help)
			app_pop(app);
		else
			app_push(app, &screen_help, NULL);
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_IGNORED;
}

/* An idle session ends (safe.h). Logged in: back to the login
 * screen (drafts stay on disk); at the login screen of a restricted
 * (ForceCommand) session: the program ends, and with it the SSH session. */
static void app_idle_logout(struct app *app)
{
	struct wc_error err;

	safe_activity();
	if (!app->logged_in) {
		if (safe_restricted())
			app->quit = true;
		return;
	}
	while (app->depth > 0)
		screen_close(app);
	net_logout(app->net, &err);
	offline_ui_close(app);
	net_user_release(&app->user);
	app->logged_in = false;
	app_mark(app, APP_WORK_DRAW);
	if (screen_open(app, &screen_login, NULL)) {
		app->quit = true;
		return;
	}
	app_message(app, true, msg(MSG_RV_IDLE_OUT),
		    app->cfg->idle_logout_seconds);
}

/* A 401 from any call (session expired or revoked, net.h): back to the
 * login screen, once, here rather than in each screen. The screens close
 * without removing their drafts, so what was typed is offered again on the
 * work queue after the next login. */
static bool app_session_check(struct app *app)
{
	if (!app->logged_in || !net_client_session_lost(app->net))
		return false;
	app->pending = PENDING_NONE; /* no screen closes as if submitted */
	while (app->depth > 0)
		screen_close(app);
	snprintf(app->relogin_user, sizeof(app->relogin_user), "%s",
		 app->user.username ? app->user.username : "");
	net_client_set_token(app->net, NULL);
	offline_ui_close(app);
	net_user_release(&app->user);
	app->logged_in = false;
	app_mark(app, APP_WORK_DRAW);
	if (screen_open(app, &screen_login, NULL)) {
		app->quit = true;
		return true;
	}
	app_message(app, true, "%s", msg(MSG_SESSION_EXPIRED));
	return true;
}

/* The work marked since the last turn: a new size first, then one
 * redraw; nothing marked, nothing drawn (and no byte written). */
static void app_work_do(struct app *app)
{
	if (app->work & APP_WORK_LAYOUT)
		app_layout(app);
	if (app->work)
		app_draw(app);
}

void app_work_now(struct app *app)
{
	if (app->depth > 0)
		app_work_do(app);
}

/* Issue 13.6: Esc or F10 on a form that holds typing asks first. */
static bool app_leave_ask(struct app *app, int ret, wint_t ch)
{
	struct app_screen *top = &app->stack[app->depth - 1];
	bool esc = ret == OK && ch == KEY_ESC;
	bool quit = ret == KEY_CODE_YES && ch == KEY_F(10);

	if (!top->changed || !top->ops->draft_form || (!esc && !quit) ||
	    !top->ops->draft_form(top->state))
		return false;
	app->leave = esc ? LEAVE_BACK : LEAVE_QUIT;
	app_message(app, true, "%s",
		    msg(esc ? MSG_LEAVE_ASK : MSG_LEAVE_QUIT_ASK));
	return true;
}

/* The answer: 1 keep a draft, 2 throw the typing away, Esc or 3 go on
 * typing; any other key asks again. */
static void app_leave_answer(struct app *app, int ret, wint_t ch)
{
	struct app_screen *top = &app->stack[app->depth - 1];
	enum app_leave leave = app->leave;

	if (ret != OK ||
	    (ch != '1' && ch != '2' && ch != '3' && ch != KEY_ESC)) {
		app_message(app, true, "%s",
			    msg(leave == LEAVE_BACK ? MSG_LEAVE_ASK
						    : MSG_LEAVE_QUIT_ASK));
		return;
	}
	app->leave = LEAVE_NONE;
	if (ch == '3' || ch == KEY_ESC) {
		app_message(app, false, "%s", msg(MSG_LEAVE_GO_ON));
		return;
	}
	if (ch == '1') {
		draft_keep(app); /* what is on screen now */
		top->keep_draft = true;
		app_message_after(app, "%s", msg(MSG_LEAVE_SAVED));
	} else {
		draft_drop(app);
		top->changed = false; /* nothing left to keep */
		app_message_after(app, "%s", msg(MSG_LEAVE_DROPPED));
	}
	if (leave == LEAVE_QUIT) {
		app->quit = true;
		return;
	}
	app_message_clear(app);
	app_pop(app);
}

/* Issue 13.8: a character that a field at its limit refused is said, not
 * dropped silently. */
static void app_limit_note(struct app *app, int ret, wint_t ch, int r)
{
	struct app_screen *top = &app->stack[app->depth - 1];
	struct form *f =
	    top->ops->draft_form ? top->ops->draft_form(top->state) : NULL;
	const struct field_def *def;

	if (!f || (r & UI_CHANGED) || ret != OK || ch < 0x20 || ch == 0x7f ||
	    f->focus >= f->n)
		return;
	def = &f->defs[f->focus];
	if (def->kind != FIELD_TEXT || def->max_chars == 0 ||
	    text_chars(form_value(f, f->focus)) < def->max_chars)
		return;
	app_message(app, true, msg(MSG_LIMIT_REACHED),
		    def->label ? def->label : "", def->max_chars);
	app_mark(app, APP_WORK_DRAW);
}

/* One key: the global keys, then the screen on top; its result decides
 * whether the screen is drawn again. */
static void app_key(struct app *app, int ret, wint_t ch)
{
	struct app_screen *top;
	int r;

	if (app->leave != LEAVE_NONE) {
		app_leave_answer(app, ret, ch);
		app_mark(app, APP_WORK_DRAW);
		return;
	}
	if (app_leave_ask(app, ret, ch)) {
		app_mark(app, APP_WORK_DRAW);
		return;
	}
	r = app_global_key(app, ret, ch);

	if (!(r & UI_HANDLED)) {
		top = &app->stack[app->depth - 1];
		r = top->ops->key(top->state, app, ret, ch);
		app_limit_note(app, ret, ch, r);
	}
	if (r & UI_REDRAW)
		app_mark(app, APP_WORK_DRAW);
	if ((r & UI_CHANGED) && app->depth > 0) {
		app->stack[app->depth - 1].changed = true;
		draft_keep(app);
	}
	if (r & APP_QUIT)
		app->quit = true;
}

/* --- the periodic jobs and when each is next due (issue 16): the loop
 * sleeps until the first of them, or until a key when none is --- */

static long due_idle_logout(const struct app *app)
{
	/* At the login screen it only ends a restricted session. */
	if (!app->logged_in && !safe_restricted())
		return -1;
	return safe_idle_due_ms(app->cfg->idle_logout_seconds);
}

static long due_screen(const struct app *app)
{
	const struct app_screen *top;

	if (app->depth == 0)
		return -1;
	top = &app->stack[app->depth - 1];
	return top->ops->idle && top->ops->idle_due
		   ? top->ops->idle_due(top->state, app)
		   : -1;
}

/* Milliseconds until each source's job is due, 0 now, -1 never: the idle
 * logout, the simulated colleague, the probe (while not online) and the
 * replay, the top screen's idle op. */
static long (*const due_sources[])(const struct app *app) = {
    due_idle_logout,
    training_ui_due_ms,
    offline_ui_due_ms,
    due_screen,
};

/* How long the loop may sleep: until the first job is due, and not before
 * it has been quiet QUIET_MS since quiet_from; -1 until a key or a signal. */
static int app_wait_ms(const struct app *app, long quiet_from)
{
	long wait = -1, pause;

	for (size_t i = 0; i < sizeof(due_sources) / sizeof(*due_sources);
	     i++) {
		long due = due_sources[i](app);

		if (due >= 0 && (wait < 0 || due < wait))
			wait = due;
	}
	if (wait < 0)
		return -1;
	pause = quiet_from + QUIET_MS - net_monotonic_ms();
	if (wait < pause)
		wait = pause;
	return wait > INT_MAX ? INT_MAX : (int)wait;
}

/* Each job checks that it is due (a wake-up may come early: a resize). */
static void app_jobs_run(struct app *app)
{
	struct app_screen *top;

	if (safe_idle_expired(app->cfg->idle_logout_seconds))
		app_idle_logout(app);
	training_ui_tick(app);
	offline_ui_tick(app);
	app_session_check(app);
	top = app->depth > 0 ? &app->stack[app->depth - 1] : NULL;
	if (top && top->ops->idle)
		top->ops->idle(top->state, app);
}

/* Sleeps until the terminal has input, ms pass (-1: no limit) or a signal
 * comes (SIGWINCH: ncurses then gives KEY_RESIZE). 1 when ms passed, 0 on
 * input or a signal, -1 when the terminal cannot be read any more. The
 * signals are held from the check of app_signalled to the sleep and let in
 * only by pselect, so that one coming in between is not missed (a blocking
 * read would sleep through it until the next key). */
static int key_wait(int ms)
{
	static const int wake_on[] = {SIGTERM, SIGHUP, SIGINT, SIGWINCH};
	struct timespec limit = {.tv_sec = ms / 1000,
				 .tv_nsec = (long)(ms % 1000) * 1000000};
	sigset_t held, before;
	fd_set in;
	int r = 0, error = 0;

	sigemptyset(&held);
	for (size_t i = 0; i < sizeof(wake_on) / sizeof(*wake_on); i++)
		sigaddset(&held, wake_on[i]);
	FD_ZERO(&in);
	FD_SET(STDIN_FILENO, &in);
	sigprocmask(SIG_BLOCK, &held, &before);
	if (!app_signalled) {
		r = pselect(STDIN_FILENO + 1, &in, NULL, NULL,
			    ms < 0 ? NULL : &limit, &before);
		error = errno;
	}
	sigprocmask(SIG_SETMASK, &before, NULL);
	if (r < 0)
		return error == EINTR ? 0 : -1;
	return r == 0;
}

static void app_loop(struct app *app)
{
	long quiet_from = net_monotonic_ms(); /* the last key or job run */
	int ret;
	wint_t ch;

	safe_activity();
	app_mark(app, APP_WORK_DRAW);
	while (!app->quit && !app_signalled) {
		app_work_do(app);
		if (key_read(&ret, &ch) == ERR) {
			int wait = app_wait_ms(app, quiet_from);
			/* woken by a key, a signal or a resize: read it next
			 * turn */
			int woke = wait == 0 ? 1 : key_wait(wait);

			if (woke < 0)
				app->quit = true; /* the terminal is gone */
			if (woke > 0) {
				app_jobs_run(app);
				quiet_from = net_monotonic_ms();
			}
			continue;
		}
		quiet_from = net_monotonic_ms();
		safe_activity();
		if (ret == KEY_CODE_YES && ch == KEY_RESIZE) {
			app_mark(app, APP_WORK_LAYOUT);
			continue;
		}
		app_key(app, ret, ch);
		if (app_session_check(app))
			continue;
		/* a screen may ask for another as it opens (13.10) */
		for (int i = 0; app->pending != PENDING_NONE && i < 4; i++)
			app_apply_pending(app);
		app_session_check(app);
	}
}

static void app_end(struct app *app)
{
	struct wc_error err;

	while (app->depth > 0)
		screen_close(app);
	/* An offline login keeps its session for the replay later. */
	if (app->logged_in && !app->offline_login &&
	    net_offline_pending(app->net) == 0)
		net_logout(app->net, &err);
	offline_ui_close(app);
	net_user_release(&app->user);
	net_item_list_release(&app->items);
	net_client_free(&app->net);
}

static bool colour_wanted(const struct config *cfg)
{
	const char *no_color = getenv("NO_COLOR");

	if (no_color && *no_color)
		return false;
	return cfg->colour != COLOUR_NEVER;
}

int app_run(struct config *cfg)
{
	struct app app = {.cfg = cfg};
	struct net_options opt;
	struct wc_error err = {0};

	config_net_options(cfg, &opt);
	opt.interrupt = offline_ui_key_waiting;
	app.net = net_client_new(&opt, &err);
	if (!app.net) {
		msg_for_error(&err, app.message, sizeof(app.message));
		fprintf(stderr, "wincase: %s (%s)\n", app.message, err.message);
		return 2;
	}
	if (draft_dir(cfg->data_dir, app.data_dir, sizeof(app.data_dir)))
		app.data_dir[0] = '\0'; /* no drafts, the rest works */
	training_ui_attach(&app); /* training: the local store dies with it */
	if (!terminal_open()) {
		app_end(&app);
		return 2;
	}
	raw(); /* no signals from keys: Ctrl-C, Ctrl-Z, Ctrl-\ are ignored */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE); /* scrolling lists cost a line, not a screen */
	set_escdelay(200);
	wtimeout(stdscr, 0); /* the loop waits in key_wait */
	theme_init(colour_wanted(cfg));
	{
		int rows, cols;

		getmaxyx(stdscr, rows, cols);
		frame_layout(rows, cols, &app.frame);
	}
	if (screen_open(&app, &screen_login, NULL) == 0) {
		/* Issue 16: draw first, connect after. The login screen is
		 * on the terminal before libcurl and the libraries behind it
		 * (OpenSSL, GnuTLS, Kerberos, ...) are loaded. */
		app_mark(&app, APP_WORK_DRAW);
		app_work_now(&app);
		if (net_client_connect(app.net, &err) == 0)
			app_loop(&app);
	}
	app_end(&app);
	/* A terminal without an alternate screen (vt100) keeps what was
	 * drawn: leave it blank, the shell's prompt at the top (13.9). */
	clear();
	refresh();
	endwin();
	if (err.code[0]) { /* libcurl could not be loaded */
		fprintf(stderr, "wincase: %s\n", err.message);
		return 2;
	}
	return 0;
}
