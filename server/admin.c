/* admin.c - users, catalog items and calendar years as administrators
 * change them (R6), for the HTTP handlers and the command-line verbs. */
#include "admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "case.h"
#include "wincase/calendar.h"
#include "wincase/catalog.h"
#include "wincase/validate.h"

#define USERNAME_MAX_BYTES 63
#define WINDOW_MAX_CHARS   16

static pthread_mutex_t reload_lock = PTHREAD_MUTEX_INITIALIZER;

static bool username_valid(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= USERNAME_MAX_BYTES &&
	       strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			 "0123456789_.-") == n;
}

/* Characters, not bytes: a Chinese password of 10 characters is long
 * enough. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static bool empty(const char *s)
{
	return !s || !*s;
}

static int check_name(const char *s, size_t max_chars, size_t max_bytes,
		      const char *field, struct wc_error *err)
{
	enum validate_result v = validate_text(s, max_chars, false);

	if (v == VALID_OK && !*s)
		v = VALID_EMPTY;
	if (v != VALID_OK)
		return wc_error_set(err, "invalid_field", field, "%s: %s",
				    field, validate_result_text(v));
	if (strlen(s) > max_bytes)
		return wc_error_set(err, "invalid_field", field,
				    "%s is too long", field);
	return 0;
}

int admin_user_check(const struct admin_user *u, struct wc_error *err)
{
	static const char *const roles[] = {"clerk", "reviewer", "admin",
					    "trainee"};
	bool known = false;

	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		known = known || (u->role && strcmp(u->role, roles[i]) == 0);
	if (!known)
		return wc_error_set(err, "bad_request", "role",
				    "role must be clerk, reviewer, admin or "
				    "trainee");
	if (!u->username || !username_valid(u->username))
		return wc_error_set(
		    err, "invalid_field", "username",
		    "username must be 1-%d of A-Z a-z 0-9 _ . -",
		    USERNAME_MAX_BYTES);
	if (check_name(u->display_name ? u->display_name : "", NAME_MAX_CHARS,
		       127, "display_name", err) < 0)
		return -1;
	if (!u->password ||
	    utf8_chars(u->password) < ADMIN_PASSWORD_MIN_CHARS ||
	    strlen(u->password) > ADMIN_PASSWORD_MAX_BYTES)
		return wc_error_set(err, "invalid_field", "password",
				    "the password must have at least %d "
				    "characters (and at most %d bytes)",
				    ADMIN_PASSWORD_MIN_CHARS,
				    ADMIN_PASSWORD_MAX_BYTES);
	if (!empty(u->window) &&
	    check_name(u->window, WINDOW_MAX_CHARS, 31, "window", err) < 0)
		return -1;
	if (!empty(u->department) && check_name(u->department, NAME_MAX_CHARS,
						127, "department", err) < 0)
		return -1;
	/* R6: a clerk works at a window, a reviewer for a department. */
	if (strcmp(u->role, "clerk") == 0 && empty(u->window) &&
	    empty(u->windows))
		return wc_error_set(err, "invalid_field", "window",
				    "a clerk needs a window");
	if (strcmp(u->role, "reviewer") == 0 && empty(u->department))
		return wc_error_set(err, "invalid_field", "department",
				    "a reviewer needs a department");
	return 0;
}

static int audit_json(struct store_conn *db, int64_t now, const char *actor,
		      const char *action, const char *entity, json_t *data,
		      struct wc_error *err)
{
	int rc = data ? audit_append(db, now, actor, action, entity, data, err)
		      : wc_error_set(err, "internal", NULL, "out of memory");

	json_decref(data);
	return rc;
}

int admin_user_add(struct app *app, struct store_conn *db,
		   const struct admin_user *u, int64_t now, const char *actor,
		   struct wc_error *err)
{
	struct user_record rec, existing;
	char entity[80], windows[ADMIN_WINDOWS_TEXT_MAX] = "", window[32];
	int rc;

	if (admin_user_check(u, err) < 0)
		return -1;
	store_copy(window, sizeof(window), u->window);
	if (!empty(u->windows) && admin_windows_check(u->windows, u->window,
						      windows, window, err) < 0)
		return -1;
	rc = db->ops->user_get(db, u->username, &existing, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return wc_error_set(err, "user_exists", "username",
				    "user %s exists already", u->username);
	memset(&rec, 0, sizeof(rec));
	store_copy(rec.username, sizeof(rec.username), u->username);
	store_copy(rec.display_name, sizeof(rec.display_name), u->display_name);
	store_copy(rec.role, sizeof(rec.role), u->role);
	store_copy(rec.window, sizeof(rec.window), window);
	store_copy(rec.department, sizeof(rec.department), u->department);
	if (auth_hash_password(app, u->password, rec.pwhash, err) < 0 ||
	    db->ops->user_add_if_missing(db, &rec, now, err) < 0)
		return -1;
	if (!empty(windows) &&
	    db->ops->user_windows_set(db, rec.username, windows, rec.window,
				      err) != 0)
		return -1;
	snprintf(entity, sizeof(entity), "user:%s", rec.username);
	/* Never the password or its hash. */
	return audit_json(db, now, actor, "user.create", entity,
			  json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}",
				    "username", rec.username, "display_name",
				    rec.display_name, "role", rec.role,
				    "window", rec.window, "department",
				    rec.department, "windows",
				    empty(windows) ? rec.window : windows),
			  err);
}

/* Store one parsed item as its canonical JSON, audited; *out (when out
 * is not NULL) that JSON. */
static int item_store(struct store_conn *db, const struct item *it, int64_t now,
		      const char *actor, json_t **out, struct wc_error *err)
{
	json_t *j = item_to_json(it, true);
	char *dump = j ? json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char entity[96];
	int rc = -1;

	if (!dump) {
		wc_error_set(err, "internal", NULL, "out of memory");
		goto done;
	}
	snprintf(entity, sizeof(entity), "item:%s", it->code);
	if (db->ops->catalog_item_put(db, it->code, dump, now, err) < 0)
		goto done;
	rc = audit_append(db, now, actor, "item.put", entity, j, err);
	if (rc == 0 && out) {
		*out = j;
		j = NULL;
	}
done:
	free(dump);
	json_decref(j);
	return rc;
}

int admin_item_put(struct app *app, struct store_conn *db, const json_t *item,
		   const char *code, int64_t now, const char *actor,
		   bool *created, json_t **out, struct wc_error *err)
{
	struct item it;
	int rc = -1;

	memset(&it, 0, sizeof(it));
	if (!json_is_object(item))
		return wc_error_set(err, "invalid_field", NULL,
				    "an item is a JSON object");
	/* R3 (core): main materials are never tolerable, scenarios name only
	 * the item's materials. */
	if (item_from_json(item, &it, err) < 0)
		return -1;
	if (code && strcmp(code, it.code) != 0) {
		wc_error_set(err, "invalid_field", "code",
			     "the path names item %.40s, the body %.40s", code,
			     it.code);
		goto done;
	}
	pthread_rwlock_rdlock(&app->reference_lock);
	*created = !app->catalog || !catalog_find(app->catalog, it.code);
	pthread_rwlock_unlock(&app->reference_lock);
	rc = item_store(db, &it, now, actor, out, err);
done:
	item_release(&it);
	return rc;
}

int admin_catalog_import(struct app *app, struct store_conn *db,
			 const json_t *root, int64_t now, const char *actor,
			 size_t *count, struct wc_error *err)
{
	struct catalog *cat = catalog_from_json(root, err);
	int rc = 0;

	(void)app;
	*count = 0;
	if (!cat)
		return -1;
	for (size_t i = 0; i < cat->n_items && rc == 0; i++) {
		rc = item_store(db, &cat->items[i], now, actor, NULL, err);
		if (rc == 0)
			(*count)++;
	}
	catalog_free(&cat);
	return rc;
}

/* A copy of body whose "year" is year (supplied when absent). */
static json_t *calendar_body(const json_t *body, int year, struct wc_error *err)
{
	const json_t *given = json_object_get(body, "year");
	json_t *copy;

	if (!json_is_object(body)) {
		wc_error_set(err, "invalid_field", NULL,
			     "a calendar year is a JSON object");
		return NULL;
	}
	if (year > 0 && given &&
	    (!json_is_integer(given) || json_integer_value(given) != year)) {
		wc_error_set(err, "invalid_field", "year",
			     "the body's year is not the path's %d", year);
		return NULL;
	}
	copy = json_deep_copy(body);
	if (copy && year > 0 && !given)
		json_object_set_new(copy, "year", json_integer(year));
	if (!copy)
		wc_error_set(err, "internal", NULL, "out of memory");
	return copy;
}

int admin_calendar_put(struct app *app, struct store_conn *db, int year,
		       const json_t *body, int64_t now, const char *actor,
		       json_t **out, struct wc_error *err)
{
	struct calendar *cal = calendar_new(), *all = NULL;
	json_t *copy = calendar_body(body, year, err), *stored = NULL;
	char *dump = NULL, entity[48];
	int y, moved = 0, rc = -1;

	*out = NULL;
	if (!cal || !copy) {
		if (!cal)
			wc_error_set(err, "internal", NULL, "out of memory");
		goto done;
	}
	/* R4 (core): dates in that year, no overlap, workdays on weekends. */
	if (calendar_load_year(cal, copy, err) < 0)
		goto done;
	/* A year is replaced only by both its lists (an empty
	 * list says "none" on purpose); a body without them is a mistake. */
	if (!json_object_get(copy, "holidays") ||
	    !json_object_get(copy, "workdays")) {
		wc_error_set(err, "bad_request",
			     json_object_get(copy, "holidays") ? "workdays"
							       : "holidays",
			     "a calendar year needs both \"holidays\" and "
			     "\"workdays\" (an empty list for none)");
		goto done;
	}
	y = (int)json_integer_value(json_object_get(copy, "year"));
	stored = calendar_year_to_json(cal, y);
	dump = stored ? json_dumps(stored, JSON_COMPACT) : NULL;
	if (!dump) {
		wc_error_set(err, "internal", NULL, "out of memory");
		goto done;
	}
	snprintf(entity, sizeof(entity), "calendar:%d", y);
	all = admin_calendar_with(app, copy, y, err);
	if (!all || db->ops->calendar_year_put(db, y, dump, now, err) < 0 ||
	    admin_calendar_move_due(app, db, all, y, now, actor, &moved, err) <
		0)
		goto done;
	json_object_set_new(stored, "due_dates_moved", json_integer(moved));
	if (audit_append(db, now, actor, "calendar.put", entity, stored, err) <
	    0)
		goto done;
	*out = stored;
	stored = NULL;
	rc = 0;
done:
	free(dump);
	json_decref(stored);
	json_decref(copy);
	calendar_free(&cal);
	calendar_free(&all);
	return rc;
}

int admin_reference_reload(struct app *app, struct store_conn *db,
			   bool calendar, int64_t now, const char *actor,
			   struct wc_error *err)
{
	int rc;

	pthread_mutex_lock(&reload_lock);
	rc = app_load_reference(app, db, err);
	pthread_mutex_unlock(&reload_lock);
	if (rc < 0 || !calendar)
		return rc;
	/* R4: the year a pending due date waited for may be here now. If
	 * this fails, the scheduler's next run does it. */
	if (db->ops->begin(db, err) < 0)
		return -1;
	if (cases_resolve_pending_due(app, db, now, actor, err) < 0) {
		db->ops->rollback(db);
		return -1;
	}
	if (db->ops->commit(db, err) < 0) {
		db->ops->rollback(db);
		return -1;
	}
	return 0;
}
