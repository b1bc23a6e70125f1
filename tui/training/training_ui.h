/* training_ui.h - training mode in the client (docs/training.md).
 *
 * wincase --training (or F6 on the login screen) starts a private wincased
 * (training.h) and points the client at it: the production server URL is
 * never used, drafts and saved documents go to the training data folder,
 * printed text carries 培训样张. The trainee picks a scenario, works on the
 * ordinary screens with the brief beside them (F11), may ask for hints (F1,
 * they cost points), moves the fake clock (培训菜单, F12 or Ctrl-T) and ends
 * with a debrief scored by core training_evaluate on the server's state
 * (read and scored through net_training.h: nothing here sees JSON).
 * One session per process; every function runs on the main thread. */
#ifndef WINCASE_TUI_TRAINING_UI_H
#define WINCASE_TUI_TRAINING_UI_H

#include <stdbool.h>

#include "wincase/net_training.h"
#include "wincase/training.h"

#include "app.h"

/* True once a training server runs for this client. */
bool training_ui_active(void);

/* wincase --training, before app_run: start the server, load the
 * scenarios, point cfg at the server and the training data folder. -1
 * with err (nothing left running) when it cannot. */
int training_ui_start(struct config *cfg, struct wc_error *err);
/* In training, app's data folder for the clerk's local store (drafts) is
 * the running server's store folder (app_run calls it once the app
 * exists; nothing when training is off). */
void training_ui_attach(struct app *app);
/* From the login screen: the same, then the client talks to the new
 * server. UI_* result for the key handler. */
int training_ui_enter(struct app *app);
/* Stop the server and remove its store; safe to call at any time and
 * more than once (main calls it on every way out, atexit too). */
void training_ui_stop(void);

/* The first screen after a login in training mode: the trainer's progress
 * table for a reviewer, the scenario list for anyone else. */
const struct screen_ops *training_ui_after_login(struct app *app);

/* Keys of training mode, before any screen's (F1 hint, F11 panel, F12 and
 * Ctrl-T menu); UI_IGNORED when not one of them. */
int training_ui_key(struct app *app, int ret, wint_t ch);
/* Those keys for the key bar while a scenario runs (the menu screen has
 * its own): *n of them, before the screen's; 0 outside a scenario. */
const struct screen_key *training_ui_bar_keys(const struct app *app, size_t *n);
/* The side panel, when it is shown: beside the screens at the right of
 * the body, or on a narrower terminal (80 columns) a page over the whole
 * body that the next key closes. */
void training_ui_draw(struct app *app, WINDOW *win);
/* While the keyboard is idle: the simulated colleague acknowledges the
 * trainee's handoff. */
void training_ui_tick(struct app *app);
/* Milliseconds until training_ui_tick has work (0: now), -1 none (no
 * scenario, or its colleague could not log in). */
long training_ui_due_ms(const struct app *app);

/* --- for screen_training.c --- */
size_t training_ui_count(void);
const struct training_scenario *training_ui_scenario(size_t i);
/* The running scenario or NULL. */
const struct training_scenario *training_ui_current(void);
/* Start scenario i (then the work queue opens). */
int training_ui_begin(struct app *app, size_t i);
/* Leave the scenario without a result. */
void training_ui_abandon(void);
/* Next hint on the message line; false when none is left. */
bool training_ui_hint(struct app *app);
void training_ui_panel_toggle(struct app *app);
/* The columns the side panel takes beside the screens (0 when hidden or
 * shown as a page over the body, below 80 + its width): the screens lay
 * out in the rest (app.c). */
int training_ui_panel_cols(const struct app *app);
/* Time travel: N working days (the scenario's), as the trainee. */
void training_ui_travel(struct app *app);
/* The last debrief: the scenario and its score (both borrowed, until
 * the next debrief or the end of the session). */
struct training_debrief {
	const struct training_scenario *sc;
	struct training_result result;
	char trainee[64]; /* a stored debrief's trainee, "" for one's own */
};
/* Gather the state, score, save; the debrief or NULL with the message
 * set. */
const struct training_debrief *training_ui_finish(struct app *app);
/* The last debrief or NULL. */
const struct training_debrief *training_ui_last_result(void);
/* The class from the saved results (this PC's and the shared folder's),
 * counted against every scenario; release with
 * net_training_class_release. -1 when there is none to read. */
int training_ui_class(struct net_training_class *out);
/* True when a shared results folder is configured. */
bool training_ui_results_shared(void);
/* For the trainer: the stored debrief of trainee's best attempt of
 * scenario i as the last debrief (NULL with the message set when there is
 * none). */
const struct training_debrief *
training_ui_stored_debrief(struct app *app, const char *trainee, size_t i);
/* True when the last debrief is such a stored one. */
bool training_ui_debrief_stored(void);
/* The scenario's rule name ("R3" -> 容缺受理), "" when unknown. */
const char *training_ui_rule_name(const char *rule);

/* Text wrapped to a width (cut between characters, never half of one):
 * the panel's and the debrief's lines. */
#define TRAINING_LINE_MAX 400
struct training_lines {
	size_t n, cap;
	char (*text)[TRAINING_LINE_MAX];
};
/* Appends text cut into lines of width columns; the lines after the first
 * are indented by indent blanks. */
void training_lines_add(struct training_lines *l, const char *text, int width,
			int indent);
void training_lines_free(struct training_lines *l);

extern const struct screen_ops screen_training_list;
extern const struct screen_ops screen_training_menu;
extern const struct screen_ops screen_training_debrief;
extern const struct screen_ops screen_training_progress;
extern const struct screen_ops screen_training_trainee;

#endif
