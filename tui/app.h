/* app.h - the client program: the application state, the screen stack and
 * the screens, each a const table of functions (STYLE.md 3). */
#ifndef WINCASE_TUI_APP_H
#define WINCASE_TUI_APP_H

#include <signal.h>
#include <stdbool.h>

#include "wincase/forms.h"
#include "wincase/net.h"

#include "common/config.h"
#include "common/messages.h"

/* What a screen's key handler may return besides enum ui_result. */
enum app_result {
	APP_QUIT = 1 << 8,
};

struct app;

/* A key of the key bar: the key's name and its label's message. */
struct screen_key {
	const char *key;
	enum msg_id label;
};

struct screen_ops {
	const char *name;
	enum msg_id title;
	enum msg_id help;
	const struct screen_key *keys;
	size_t n_keys;
	/* New private state in *state; -1 when it cannot open. */
	int (*open)(struct app *app, void **state);
	/* Recompute positions from the frame (pure, no drawing). */
	void (*layout)(void *state, const struct frame_layout *frame);
	void (*draw)(void *state, struct app *app, WINDOW *win);
	/* ret is OK or KEY_CODE_YES as from wget_wch. */
	int (*key)(void *state, struct app *app, int ret, wint_t ch);
	/* Back on top after the screen above closed; may be NULL. */
	void (*resume)(void *state, struct app *app);
	void (*free)(void **state);
	/* The form to keep a draft of (may be NULL): the loop saves it after
	 * every change, removes it when the screen closes (submit or Esc) and
	 * restores it after a crash (see draft.h). */
	struct form *(*draft_form)(void *state);
	/* The keys that work now, when they depend on the state (may be NULL:
	 * then keys and n_keys). */
	const struct screen_key *(*keys_now)(void *state, size_t *n);
};

extern const struct screen_ops screen_login;
extern const struct screen_ops screen_home;
extern const struct screen_ops screen_inquiry;
extern const struct screen_ops screen_items;
extern const struct screen_ops screen_help;
/* The queue's screens: an inquiry, a case (app->case_id), and the forms
 * of the inquiry view (they work on app->draft_context, the inquiry id). */
extern const struct screen_ops screen_inquiry_view;
extern const struct screen_ops screen_inquiry_handoff;
extern const struct screen_ops screen_inquiry_close;
extern const struct screen_ops screen_case_view;
/* The case screens: they work on app->case_id. */
extern const struct screen_ops screen_case_new;
extern const struct screen_ops screen_checklist;
extern const struct screen_ops screen_notice;
extern const struct screen_ops screen_accept;
extern const struct screen_ops screen_case_actions;
extern const struct screen_ops screen_rating;

/* What screen_case_actions does (app->case_action). */
enum case_form {
	CASE_ACTION_SUPPLEMENT,
	CASE_ACTION_COMPLETE,
	CASE_ACTION_WITHDRAW,
};

#define APP_MAX_SCREENS 8

struct app_screen {
	const struct screen_ops *ops;
	void *state;
	char draft_context[128]; /* app->draft_context when it opened */
};

enum app_pending {
	PENDING_NONE,
	PENDING_PUSH,
	PENDING_POP,
	PENDING_REPLACE,
	PENDING_RESET, /* every screen closes, then ops opens */
};

struct app {
	struct config *cfg;
	struct net_client *net;
	struct net_user user;
	bool logged_in;
	struct net_item_list items; /* the catalog list, read once */
	bool items_loaded;
	/* The item chosen on the catalog search screen, for the screen below */
	const struct item *picked;
	/* The id of the inquiry registered last, for the list to select it */
	char last_created[80];
	/* The inquiry the inquiry view and its forms work on. */
	char inquiry_id[32];
	/* The case the case screens open (set before pushing one of them);
	 * screen_case_new sets it to the case it created. */
	char case_id[32];
	enum case_form case_action;
	/* screen_case_new: the inquiry converted into the case ("" none). */
	char case_inquiry_id[32];
	/* After the session expired: the user name the login form offers. */
	char relogin_user[64];
	/* Issue 5: a screen's note on the status line while logged in (the
	 * review queue's counts per kind, screen_review.c); "" none. */
	char status_note[160];

	/* Drafts: the data folder ("" when it cannot be used), what the form
	 * being opened is about (saved with its draft, set before a push),
	 * and whether the next screen opened restores its draft. */
	char data_dir[4096];
	char draft_context[128];
	bool draft_restore;

	struct app_screen stack[APP_MAX_SCREENS];
	size_t depth;
	enum app_pending pending;
	const struct screen_ops *pending_ops;

	struct frame_layout frame;
	char message[320];
	bool message_is_error;
	char message_after[320]; /* shown once the pending change is done */
	int cursor_y, cursor_x;	 /* set by a screen's draw; -1 hides it */
	bool quit;
};

/* Set by the signal handler for SIGTERM, SIGHUP and SIGINT. */
extern volatile sig_atomic_t app_signalled;

/* Runs the program until F10 or a signal; returns the exit status. The
 * caller has set the locale, initscr is done here. */
int app_run(struct config *cfg);

/* Screen stack changes, done by the loop after the key handler returns. */
void app_push(struct app *app, const struct screen_ops *ops);
void app_pop(struct app *app);
void app_replace(struct app *app, const struct screen_ops *ops);
/* Every screen closes (their drafts removed) and ops opens alone. */
void app_reset(struct app *app, const struct screen_ops *ops);

/* The message line. The text is copied. */
void app_message(struct app *app, bool is_error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void app_message_error(struct app *app, const struct wc_error *err);
void app_message_clear(struct app *app);
/* A (non-error) message for the screen the pending change opens, whose
 * loading may clear the message line. The text is copied. */
void app_message_after(struct app *app, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Shows text on the message line at once, before a blocking call. */
void app_busy(struct app *app, enum msg_id id);

/* The screen with that name among those that keep drafts, or NULL. */
const struct screen_ops *app_draft_screen(const char *name);

/* Reads the catalog list once; false (and the message set) on failure. */
bool app_items_load(struct app *app);

#endif
