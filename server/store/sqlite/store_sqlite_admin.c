/* store_sqlite_admin.c - an online copy of the SQLite store (the sqlite3
 * backup API), for `wincased backup`. */
#include "store/sqlite/store_sqlite.h"

#define BACKUP_PAGES_PER_STEP 256
#define BACKUP_BUSY_SLEEP_MS  20

/* Copies page by page while other connections keep writing; a step that
 * finds the database busy waits and goes on. */
int sq_backup(struct store_conn *c, const char *to_path, struct wc_error *err)
{
	sqlite3 *src = sqlite_conn_of(c)->db, *dst = NULL;
	sqlite3_backup *b;
	int rc;

	if (sqlite3_open_v2(to_path, &dst,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		sq_fail(dst, err, to_path);
		sqlite3_close(dst);
		return -1;
	}
	b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		sq_fail(dst, err, "backup");
		sqlite3_close(dst);
		return -1;
	}
	do {
		rc = sqlite3_backup_step(b, BACKUP_PAGES_PER_STEP);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(BACKUP_BUSY_SLEEP_MS);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		wc_error_set(err, "internal", NULL, "backup: %s",
			     sqlite3_errstr(rc));
		sqlite3_close(dst);
		return -1;
	}
	if (sqlite3_close(dst) != SQLITE_OK)
		return wc_error_set(err, "internal", NULL, "backup: close %s",
				    to_path);
	return 0;
}
