/* store_sqlite_trust.c - schema steps of the trust work: the catalog
 * item each case was created with, and the windows of each user; and the
 * operations on those windows. Each schema step stands alone (no step
 * depends on another of this file), so they can be renumbered when merged
 * with other new steps. */
#include "store/sqlite/store_sqlite.h"

#include <string.h>

/* A case keeps the catalog item (materials, tolerable flags, time limits)
 * as it was when it was created. Existing cases get the item as it is now:
 * the best that is known of it. */
const char sq_schema_case_item[] =
    "ALTER TABLE cases ADD COLUMN item_json TEXT;"
    "UPDATE cases SET item_json = (SELECT json FROM catalog_items"
    " WHERE catalog_items.code = cases.item_code);";

/* The windows a user may sit at, comma-separated ("1,3"); existing users,
 * and new ones until an administrator sets them, may sit at the window
 * recorded for them (the trigger keeps user_add_if_missing unchanged). */
const char sq_schema_user_windows[] =
    "ALTER TABLE users ADD COLUMN windows TEXT NOT NULL DEFAULT '';"
    "UPDATE users SET windows = window_no;"
    "CREATE TRIGGER users_windows_default AFTER INSERT ON users"
    " WHEN NEW.windows = '' BEGIN"
    " UPDATE users SET windows = NEW.window_no"
    " WHERE username = NEW.username; END;";

/* Where sq_read_windows copies the column. */
struct sq_text_out {
	char *buf;
	size_t size;
};

static void sq_read_windows(sqlite3_stmt *st, void *out)
{
	struct sq_text_out *dst = out;

	sq_column_copy(st, 0, dst->buf, dst->size);
}

int sq_user_windows_get(struct store_conn *c, const char *username, char *out,
			size_t size, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	struct sq_text_out dst = {out, size};

	out[0] = '\0';
	if (sq_prepare(db, "SELECT windows FROM users WHERE username = ?", &st,
		       err) < 0)
		return -1;
	sq_bind_text(st, 1, username);
	return sq_step_row(db, st, sq_read_windows, &dst, "user_windows_get",
			   err);
}

int sq_user_windows_set(struct store_conn *c, const char *username,
			const char *windows, const char *window,
			struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "UPDATE users SET windows = ?, window_no = ?"
		       " WHERE username = ?",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, windows);
	sq_bind_text(st, 2, window);
	sq_bind_text(st, 3, username);
	return sq_step_changed(db, st, err);
}
