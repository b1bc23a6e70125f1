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
};

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
 * year 0 takes the body's. *out is the stored year as JSON (new
 * reference). */
int admin_calendar_put(struct app *app, struct store_conn *db, int year,
		       const json_t *body, int64_t now, const char *actor,
		       json_t **out, struct wc_error *err);

/* After a committed change: load catalog and calendar from the store into
 * memory (serialised, so the last reload wins with the newest data). With
 * calendar true, also give cases whose due date waited for a missing year
 * their due date (R4), in a transaction of its own. */
int admin_reference_reload(struct app *app, struct store_conn *db,
			   bool calendar, int64_t now, const char *actor,
			   struct wc_error *err);

#endif
