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

/* Work for the loop, marked by whatever notices it (a timer, a resize, a
 * network event, a message) and done once before the loop next waits for
 * a key, as tmux's PANE_REDRAW. A key handler asks for a redraw with
 * UI_REDRAW in its result instead. */
enum app_work {
	APP_WORK_DRAW = 1 << 0,	  /* draw the whole screen again */
	APP_WORK_LAYOUT = 1 << 1, /* the terminal's size changed: lay out */
};

/* What screen_case_actions does (screen_arg.action). */
enum case_form {
	CASE_ACTION_SUPPLEMENT,
	CASE_ACTION_COMPLETE,
	CASE_ACTION_WITHDRAW,
};

/* What a screen is opened on, given to app_push, app_replace or app_reset
 * and on to the screen's open. The loop copies the strings when the change
 * is asked for (NULL reads as ""); data is borrowed from the screen that
 * pushes and must live until the new screen's open has returned. */
struct screen_arg {
	const char *case_id;	/* the case a case screen works on */
	const char *inquiry_id; /* the inquiry an inquiry screen works on,
				 * or the one screen_case_new converts */
	enum case_form action;	/* screen_case_actions: which form */
	/* Drafts (draft.h): what the new form is about, saved with its
	 * draft, and whether it restores the draft kept for it. */
	const char *draft_context;
	bool draft_restore;
	const void *data; /* screen-specific (review.h: review_target) */
};

/* What a closing screen hands down to the one below it (app_pop_with),
 * given to that screen's resume; strings are "" when not set. */
struct screen_result {
	const struct item *picked; /* the catalog search: the item chosen */
	const char *case_id;	   /* the case created or worked on */
	const char *inquiry_id;	   /* the inquiry registered */
	bool decided;		   /* the reviewer decided the item */
};

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
	/* New private state in *state, for the target in arg (never NULL;
	 * valid during the call only: copy what is kept); -1 when it cannot
	 * open. */
	int (*open)(struct app *app, const struct screen_arg *arg,
		    void **state);
	/* Recompute positions from the frame (pure, no drawing). */
	void (*layout)(void *state, const struct frame_layout *frame);
	void (*draw)(void *state, struct app *app, WINDOW *win);
	/* ret is OK or KEY_CODE_YES as from wget_wch. */
	int (*key)(void *state, struct app *app, int ret, wint_t ch);
	/* Back on top after the screen above closed, with what it handed
	 * down (never NULL, zero when it said nothing); may be NULL. */
	void (*resume)(void *state, struct app *app,
		       const struct screen_result *res);
	void (*free)(void **state);
	/* The form to keep a draft of (may be NULL): the loop saves it after
	 * every change, removes it when the screen closes (submit or Esc) and
	 * restores it after a crash (see draft.h). */
	struct form *(*draft_form)(void *state);
	/* The keys that work now, when they depend on the state (may be NULL:
	 * then keys and n_keys). */
	const struct screen_key *(*keys_now)(void *state, size_t *n);
	/* Called on the top screen when no key came and idle_due said it
	 * was due; it marks work only when something changed (may be NULL). */
	void (*idle)(void *state, struct app *app);
	/* Milliseconds until idle is due (0: now), -1 never; the loop sleeps
	 * until the first due of all its sources (NULL with idle NULL). */
	long (*idle_due)(const void *state, const struct app *app);
};

extern const struct screen_ops screen_login;
extern const struct screen_ops screen_home;
extern const struct screen_ops screen_inquiry;
extern const struct screen_ops screen_items;
extern const struct screen_ops screen_help;
/* The queue's screens: an inquiry, a case, and the forms of the inquiry
 * view (screen_arg.inquiry_id, .case_id). */
extern const struct screen_ops screen_inquiry_view;
extern const struct screen_ops screen_inquiry_handoff;
extern const struct screen_ops screen_inquiry_close;
extern const struct screen_ops screen_case_view;
/* The case screens: they work on screen_arg.case_id. */
extern const struct screen_ops screen_case_new;
extern const struct screen_ops screen_checklist;
extern const struct screen_ops screen_notice;
extern const struct screen_ops screen_accept;
extern const struct screen_ops screen_case_actions;
extern const struct screen_ops screen_rating;
extern const struct screen_ops screen_documents;
/* Any case or inquiry of the window (F3 at home, Ctrl-F anywhere). */
extern const struct screen_ops screen_find;
/* The offline journal (Ctrl-O anywhere once logged in). */
extern const struct screen_ops screen_journal;
/* The windows and departments a handoff can go to (issue 13.5). */
extern const struct screen_ops screen_targets;

#define APP_MAX_SCREENS 8

struct app_screen {
	const struct screen_ops *ops;
	void *state;
	char draft_context[128]; /* screen_arg.draft_context it opened with */
	/* Issue 13.6: its form holds typing (a change, or a restored draft)
	 * that leaving must not throw away unasked; keep_draft: the clerk
	 * chose to keep it as a draft when leaving. */
	bool changed, keep_draft;
};

/* What the clerk is asked before leaving a changed form (13.6). */
enum app_leave {
	LEAVE_NONE,
	LEAVE_BACK, /* Esc */
	LEAVE_QUIT, /* F10 */
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
	/* After the session expired: the user name the login form offers. */
	char relogin_user[64];
	/* A screen's note on the status line while logged in (the
	 * review queue's counts per kind, screen_review.c); "" none. */
	char status_note[160];

	/* The data folder ("" when it cannot be used), and in it the
	 * clerk's encrypted local store (drafts, journal, cache; NULL until
	 * login, offline_ui.h). */
	char data_dir[4096];
	struct localstore *store;
	bool offline_login;	/* logged in without the server */
	char offline_until[40]; /* that session's end */
	bool syncing;		/* the journal is being replayed */

	struct app_screen stack[APP_MAX_SCREENS];
	size_t depth;
	enum app_pending pending;
	const struct screen_ops *pending_ops;
	/* The pending change's screen_arg, its strings copied here, and the
	 * result the screen that closes hands down. */
	struct screen_arg pending_arg;
	char pending_case[32], pending_inquiry[32], pending_draft[128];
	struct screen_result result;
	char result_case[32], result_inquiry[32];

	struct frame_layout frame;
	char message[320];
	bool message_is_error;
	char message_after[320]; /* shown once the pending change is done */
	int cursor_y, cursor_x;	 /* set by a screen's draw; -1 hides it */
	unsigned work;		 /* enum app_work marked, not done yet */
	enum app_leave leave;	 /* asked, waiting for the answer */
	bool quit;
};

/* Set by the signal handler for SIGTERM, SIGHUP and SIGINT. */
extern volatile sig_atomic_t app_signalled;

/* Runs the program until F10 or a signal; returns the exit status. The
 * caller has set the locale; curses is started here (terminal_open). */
int app_run(struct config *cfg);

/* Screen stack changes, done by the loop after the key handler returns.
 * arg is what the new screen opens on (NULL: nothing, a zero one). */
void app_push(struct app *app, const struct screen_ops *ops,
	      const struct screen_arg *arg);
void app_pop(struct app *app);
/* The top screen closes and hands res down to the resume of the one below
 * (the strings are copied). */
void app_pop_with(struct app *app, const struct screen_result *res);
void app_replace(struct app *app, const struct screen_ops *ops,
		 const struct screen_arg *arg);
/* Every screen closes (their drafts removed) and ops opens alone. */
void app_reset(struct app *app, const struct screen_ops *ops,
	       const struct screen_arg *arg);

/* Marks work (enum app_work) for the loop to do before the next key. */
void app_mark(struct app *app, unsigned work);
/* The work queue, when it is on top, reads its lists again (after the
 * journal was replayed: the server's numbers replace 未生效). */
void app_reload_home(struct app *app);
/* Does the marked work at once (before a long call). */
void app_work_now(struct app *app);

/* The message line. The text is copied; a change marks a redraw. */
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
/* From a screen's open: it restored a draft into its form itself, so
 * leaving the form asks (13.6) as for a draft the app restored. */
void app_opening_restored(struct app *app);

/* The screen with that name among those that keep drafts, or NULL. */
const struct screen_ops *app_draft_screen(const char *name);

/* Reads the catalog list once; false (and the message set) on failure. */
bool app_items_load(struct app *app);

#endif
