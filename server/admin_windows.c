/* admin_windows.c - the windows each user may sit at: the
 * clerk no longer chooses any window at login, the administrator says
 * which ones are theirs. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "audit.h"
#include "wincase/validate.h"

#define WINDOW_MAX_CHARS 16
#define WINDOW_MAX_BYTES 31

/* The next window of a comma-separated list into out (NUL-terminated,
 * truncated to size); *p moves past it and its comma. False at the end. */
static bool windows_next(const char **p, char *out, size_t size)
{
	size_t n;

	if (!*p || !**p)
		return false;
	n = strcspn(*p, ",");
	snprintf(out, size, "%.*s", (int)n, *p);
	*p += n + ((*p)[n] == ',');
	return true;
}

bool admin_window_listed(const char *windows, const char *window)
{
	char one[64];

	while (windows_next(&windows, one, sizeof(one)))
		if (strcmp(one, window) == 0)
			return true;
	return false;
}

int admin_windows_check(const char *windows, const char *window,
			char out[ADMIN_WINDOWS_TEXT_MAX], char chosen[32],
			struct wc_error *err)
{
	const char *p = windows;
	char one[64];
	size_t count = 0, used = 0;

	out[0] = '\0';
	if (!windows || strlen(windows) >= ADMIN_WINDOWS_TEXT_MAX)
		return wc_error_set(err, "invalid_field", "windows",
				    "windows: at most %d characters in all",
				    ADMIN_WINDOWS_TEXT_MAX - 1);
	while (windows_next(&p, one, sizeof(one))) {
		if (validate_text(one, WINDOW_MAX_CHARS, false) != VALID_OK ||
		    !one[0] || strlen(one) > WINDOW_MAX_BYTES)
			return wc_error_set(err, "invalid_field", "windows",
					    "each window is 1-%d characters "
					    "without controls or commas",
					    WINDOW_MAX_CHARS);
		if (admin_window_listed(out, one))
			return wc_error_set(err, "invalid_field", "windows",
					    "window %s is listed twice", one);
		if (++count > ADMIN_WINDOWS_MAX)
			return wc_error_set(err, "invalid_field", "windows",
					    "at most %d windows",
					    ADMIN_WINDOWS_MAX);
		used +=
		    (size_t)snprintf(out + used, ADMIN_WINDOWS_TEXT_MAX - used,
				     "%s%s", used ? "," : "", one);
	}
	if (count == 0 || windows[strlen(windows) - 1] == ',')
		return wc_error_set(err, "invalid_field", "windows",
				    "windows must name at least one window, "
				    "without empty entries");
	if (window && *window && !admin_window_listed(out, window))
		return wc_error_set(err, "invalid_field", "window",
				    "window %.32s is not one of the windows",
				    window);
	if (window && *window) {
		snprintf(chosen, 32, "%s", window);
	} else {
		p = out;
		windows_next(&p, chosen, 32);
	}
	return 0;
}

int admin_user_windows_set(struct store_conn *db, const char *username,
			   const char *windows, const char *window, int64_t now,
			   const char *actor, struct wc_error *err)
{
	char list[ADMIN_WINDOWS_TEXT_MAX], entity[80], chosen[32] = "";
	struct user_record user;
	json_t *data;
	int rc;

	rc = db->ops->user_get(db, username, &user, err);
	if (rc < 0)
		return -1;
	if (rc == STORE_NOT_FOUND)
		return wc_error_set(err, "not_found", NULL, "no user %.64s",
				    username);
	/* An empty list is allowed for a reviewer or an admin (they sit at
	 * no window); a clerk or trainee keeps at least one. */
	if ((!windows || !*windows) && strcmp(user.role, "clerk") != 0 &&
	    strcmp(user.role, "trainee") != 0) {
		list[0] = '\0';
	} else if (admin_windows_check(windows, window, list, chosen, err) <
		   0) {
		return -1;
	}
	if (db->ops->user_windows_set(db, username, list, chosen, err) != 0)
		return -1;
	snprintf(entity, sizeof(entity), "user:%s", username);
	data = json_pack("{s:s, s:s}", "windows", list, "window", chosen);
	rc = data ? audit_append(db, now, actor, "user.windows", entity, data,
				 err)
		  : wc_error_set(err, "internal", NULL, "out of memory");
	json_decref(data);
	return rc;
}
