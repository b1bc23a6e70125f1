/* handlers_admin.c - R6 admin over HTTP: POST /v1/users, PUT
 * /v1/items/{code}, PUT /v1/calendar/{year}. The in-memory catalog and
 * calendar change only after the transaction committed (after_commit). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "api.h"

/* An admin.c error as the reply: 400, 409, 422 or 500. */
static void admin_error(struct api_reply *rep, const struct wc_error *err)
{
	if (strcmp(err->code, "bad_request") == 0)
		api_error_from(rep, 400, err);
	else if (strcmp(err->code, "user_exists") == 0)
		api_error_from(rep, 409, err);
	else if (strcmp(err->code, "not_found") == 0)
		api_error_from(rep, 404, err);
	else if (strcmp(err->code, "internal") == 0)
		api_internal(rep, err);
	else
		api_error_from(rep, 422, err);
}

static void reload(struct api_request *req, bool calendar)
{
	struct wc_error err;

	if (admin_reference_reload(req->app, req->db, calendar, req->now,
				   req->session->user.username, &err) < 0)
		fprintf(stderr, "wincased: reloading reference data: %s\n",
			err.message);
}

static void reload_catalog(struct api_request *req, void *ctx, bool committed)
{
	(void)ctx;
	if (committed)
		reload(req, false);
}

static void reload_calendar(struct api_request *req, void *ctx, bool committed)
{
	(void)ctx;
	if (committed)
		reload(req, true);
}

/* "windows": an array of window names, as the comma-separated list of
 * admin.h; false after a 400 (not an array of strings) or 422 reply (an
 * empty name, a comma, too long). out is "" when absent and absent_ok. */
static bool read_windows(const json_t *body, bool absent_ok,
			 struct api_reply *rep,
			 char out[ADMIN_WINDOWS_TEXT_MAX])
{
	const json_t *list = json_object_get(body, "windows"), *w;
	size_t i, used = 0;

	out[0] = '\0';
	if (!list && absent_ok)
		return true;
	if (!json_is_array(list)) {
		api_error(rep, 400, "bad_request", "windows",
			  "windows must be an array of window names");
		return false;
	}
	json_array_foreach(list, i, w)
	{
		const char *name = json_string_value(w);

		if (!name) {
			api_error(rep, 400, "bad_request", "windows",
				  "windows must be an array of window names");
			return false;
		}
		if (!*name || strchr(name, ',') ||
		    used + strlen(name) + 2 > ADMIN_WINDOWS_TEXT_MAX) {
			api_error(rep, 422, "invalid_field", "windows",
				  "windows: non-empty names without commas, at "
				  "most %d characters in all",
				  ADMIN_WINDOWS_TEXT_MAX - 1);
			return false;
		}
		used +=
		    (size_t)snprintf(out + used, ADMIN_WINDOWS_TEXT_MAX - used,
				     "%s%s", i ? "," : "", name);
	}
	return true;
}

/* The comma-separated list as a JSON array. */
static json_t *windows_json(const char *windows)
{
	json_t *list = json_array();
	const char *p = windows;

	while (list && p && *p) {
		size_t n = strcspn(p, ",");

		json_array_append_new(list, json_stringn(p, n));
		p += n + (p[n] == ',');
	}
	return list;
}

void handle_user_create(struct api_request *req, struct api_reply *rep)
{
	struct admin_user u = {0};
	struct user_record rec = {0};
	struct wc_error err;
	char windows[ADMIN_WINDOWS_TEXT_MAX], stored[ADMIN_WINDOWS_TEXT_MAX];
	json_t *out;

	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "username", "username", true, rep,
			    &u.username) ||
	    !api_get_string(req->body, "display_name", "display_name", true,
			    rep, &u.display_name) ||
	    !api_get_string(req->body, "password", "password", true, rep,
			    &u.password) ||
	    !api_get_string(req->body, "role", "role", true, rep, &u.role) ||
	    !api_get_string(req->body, "window", "window", false, rep,
			    &u.window) ||
	    !api_get_string(req->body, "department", "department", false, rep,
			    &u.department) ||
	    !read_windows(req->body, true, rep, windows))
		return;
	u.windows = windows;
	if (admin_user_add(req->app, req->db, &u, req->now,
			   req->session->user.username, &err) < 0 ||
	    req->db->ops->user_get(req->db, u.username, &rec, &err) != 0 ||
	    req->db->ops->user_windows_get(req->db, u.username, stored,
					   sizeof(stored), &err) != 0) {
		admin_error(rep, &err);
		return;
	}
	out = api_user_json(&rec, rec.window);
	json_object_set_new(out, "windows", windows_json(stored));
	api_ok(rep, 201, out);
}

/* PUT /v1/users/{username}/windows {"windows":[...],
 * "window"?: the default one}. */
void handle_user_windows_put(struct api_request *req, struct api_reply *rep)
{
	char windows[ADMIN_WINDOWS_TEXT_MAX], stored[ADMIN_WINDOWS_TEXT_MAX];
	const char *window = NULL;
	struct user_record rec;
	struct wc_error err;
	json_t *out;

	if (!api_body_object(req, rep) ||
	    !read_windows(req->body, false, rep, windows) ||
	    !api_get_string(req->body, "window", "window", false, rep, &window))
		return;
	if (admin_user_windows_set(req->db, req->params[0], windows, window,
				   req->now, req->session->user.username,
				   &err) < 0 ||
	    req->db->ops->user_get(req->db, req->params[0], &rec, &err) != 0 ||
	    req->db->ops->user_windows_get(req->db, req->params[0], stored,
					   sizeof(stored), &err) != 0) {
		admin_error(rep, &err);
		return;
	}
	out = api_user_json(&rec, rec.window);
	json_object_set_new(out, "windows", windows_json(stored));
	api_ok(rep, 200, out);
}

/* R3: the item is checked by core before it replaces the old one. */
void handle_item_put(struct api_request *req, struct api_reply *rep)
{
	struct wc_error err;
	bool created = false;
	json_t *stored = NULL;

	if (!api_body_object(req, rep))
		return;
	if (admin_item_put(req->app, req->db, req->body, req->params[0],
			   req->now, req->session->user.username, &created,
			   &stored, &err) < 0) {
		admin_error(rep, &err);
		return;
	}
	api_ok(rep, created ? 201 : 200, stored);
	rep->after_commit = reload_catalog;
}

/* R4: the year is checked by core; pending due dates follow. */
void handle_calendar_put(struct api_request *req, struct api_reply *rep)
{
	struct wc_error err;
	json_t *stored;
	char *end = NULL;
	long year;

	errno = 0;
	year = strtol(req->params[0], &end, 10);
	if (errno || *end || year < 1900 || year > 9999) {
		api_error(rep, 400, "bad_request", "year",
			  "the year must be a number from 1900 to 9999");
		return;
	}
	if (!api_body_object(req, rep))
		return;
	if (admin_calendar_put(req->app, req->db, (int)year, req->body,
			       req->now, req->session->user.username, &stored,
			       &err) < 0) {
		admin_error(rep, &err);
		return;
	}
	api_ok(rep, 200, stored);
	rep->after_commit = reload_calendar;
}
