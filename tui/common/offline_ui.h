/* offline_ui.h - the client's side of working offline (issue 12): the
 * clerk's encrypted local store opened at login, the offline login, the
 * link's probe and the replay from the main loop, the status line's
 * server part, the journal screen (screen_journal.c). */
#ifndef WINCASE_TUI_OFFLINE_UI_H
#define WINCASE_TUI_OFFLINE_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/error.h"

struct app;

/* After net_login answered: opens the clerk's store (creating it), keeps
 * the login for an offline login, attaches the journal. Problems are
 * messages, never a refused login. */
void offline_ui_online_login(struct app *app, const char *username,
			     const char *password);
/* The server did not answer the login: the same clerk may log in offline
 * with the password of the last online login on this PC. 0 logged in, or
 * -1 with the message set. */
int offline_ui_offline_login(struct app *app, const char *username,
			     const char *password);
/* Logging out (idle, session lost, exit): journal detached, key wiped. */
void offline_ui_close(struct app *app);

/* From the loop when no key came: probe the server when due, replay what
 * waits once it answers. */
void offline_ui_tick(struct app *app);
/* Milliseconds until offline_ui_tick has work (0: now), -1 while the link
 * is online and nothing waits to be replayed. */
long offline_ui_due_ms(const struct app *app);
/* The server part of the status line; *alert when it is not plainly
 * online. */
void offline_ui_status(const struct app *app, char *out, size_t size,
		       bool *alert);
/* net_options.interrupt: a key waits and the request has taken 60 ms. */
bool offline_ui_key_waiting(void *user, long elapsed_ms);

#define OFFLINE_UI_KEY_WAIT_MS 60

#endif
