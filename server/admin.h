/* admin.h - what administrators change (R6 admin: users, catalog,
 * calendar), shared by the HTTP handlers (handlers_admin.c) and the
 * command-line verbs (cli.c). Each operation runs inside the caller's
 * write transaction, audits the change as actor and leaves the in-memory
 * catalog and calendar alone: reload them after the commit
 * (admin_reference_reload). */
#ifndef WINCASED_ADMIN_H
#define WINCASED_ADMIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "app.h"

#define ADMIN_PASSWORD_MIN_CHARS 10
#define ADMIN_PASSWORD_MAX_BYTES 1024

struct admin_user {
	const char *username;
	const char *display_name;
	const char *password;
	const char *role;	/* clerk, reviewer, admin, trainee */
	const char *window;	/* NULL or "": none */
	const char *department; /* NULL or "": none */
	/* The windows the user may sit at, comma-separated ("1,3"); NULL or
	 * "": only window. window, when given, must be one of them; else the
	 * first is the default. */
	const char *windows;
};

#define ADMIN_WINDOWS_MAX      16
#define ADMIN_WINDOWS_TEXT_MAX 256

/* Check a new user's fields: -1 with err "bad_request" (unknown role) or
 * "invalid_field" naming the field (username, display_name, password of
 * fewer than 10 characters, window, department; a clerk needs a window, a
 * reviewer a department). */
int admin_user_check(const struct admin_user *u, struct wc_error *err);

/* Check, hash the password (argon2id) and add the user; err "user_exists"
 * when the username is taken. */
int admin_user_add(struct app *app, struct store_conn *db,
		   const struct admin_user *u, int64_t now, const char *actor,
		   struct wc_error *err);

/* Check a comma-separated list of windows (each 1-16 characters without
 * controls or commas, no duplicates, at most ADMIN_WINDOWS_MAX) and copy
 * it to out; chosen becomes the default window (window when given, which
 * must be in the list, or the first). err "invalid_field" (windows,
 * window). */
int admin_windows_check(const char *windows, const char *window,
			char out[ADMIN_WINDOWS_TEXT_MAX], char chosen[32],
			struct wc_error *err);

/* Is window one of the comma-separated windows? */
bool admin_window_listed(const char *windows, const char *window);

/* Replace the windows of username (and its default window: window when
 * given, else the first), audited "user.windows"; err "not_found" for an
 * unknown user, "invalid_field" as admin_windows_check, and a clerk keeps
 * at least one window. */
int admin_user_windows_set(struct store_conn *db, const char *username,
			   const char *windows, const char *window, int64_t now,
			   const char *actor, struct wc_error *err);

/* Create or replace one catalog item after core item_from_json accepted
 * it (R3: no tolerable main material, no unknown material in a scenario).
 * code, when not NULL, must be the item's code. *created tells whether it
 * is new; *out (when out is not NULL) is the item as stored (new
 * reference). err "invalid_field" for a refused item. */
int admin_item_put(struct app *app, struct store_conn *db, const json_t *item,
		   const char *code, int64_t now, const char *actor,
		   bool *created, json_t **out, struct wc_error *err);

/* Every item of {"items":[...]} (the whole file is checked first, core
 * catalog_from_json, duplicates refused); *count items stored. */
int admin_catalog_import(struct app *app, struct store_conn *db,
			 const json_t *root, int64_t now, const char *actor,
			 size_t *count, struct wc_error *err);

/* Replace one calendar year after core calendar_load_year accepted it.
 * year > 0 must match the body's "year" (which it supplies when absent);
 * year 0 takes the body's. Both "holidays" and "workdays" must be there
 * (err "bad_request" otherwise: {} must not wipe a year). Open cases whose
 * due date the new year moves get it (admin_calendar_move_due). *out is
 * the stored year as JSON with "due_dates_moved" (new reference). */
int admin_calendar_put(struct app *app, struct store_conn *db, int year,
		       const json_t *body, int64_t now, const char *actor,
		       json_t **out, struct wc_error *err);

/* A new calendar of the server's years but
 * year, and year_obj for it; NULL with err. */
struct calendar *admin_calendar_with(struct app *app, const json_t *year_obj,
				     int year, struct wc_error *err);
/* Give every accepted case whose due date differs under cal that date
 * (audited "case.due_moved" on the case, with from, to and calendar);
 * *moved how many. Inside the caller's transaction. */
int admin_calendar_move_due(struct app *app, struct store_conn *db,
			    const struct calendar *cal, int year, int64_t now,
			    const char *actor, int *moved,
			    struct wc_error *err);

/* After a committed change: load catalog and calendar from the store into
 * memory (serialised, so the last reload wins with the newest data). With
 * calendar true, also give cases whose due date waited for a missing year
 * their due date (R4), in a transaction of its own. */
int admin_reference_reload(struct app *app, struct store_conn *db,
			   bool calendar, int64_t now, const char *actor,
			   struct wc_error *err);

#endif
