/* migrate_store.h - moving a hall's SQLite store into PostgreSQL (the
 * city's database): `wincased migrate-store --from sqlite:PATH --to URL`.
 * Every table is copied by its column names in one target transaction
 * (sessions are dropped: people log in again); a target that already
 * holds rows is refused, and a failed run leaves the target empty, so it
 * can simply be run again. */
#ifndef WINCASED_MIGRATE_STORE_H
#define WINCASED_MIGRATE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "wincase/error.h"

#define MIGRATE_MAX_TABLES 64

struct migrate_table {
	char name[64];
	int64_t rows;	     /* copied from the source */
	int64_t target_rows; /* counted on the target before the commit */
};

struct migrate_report {
	size_t n_tables;
	struct migrate_table tables[MIGRATE_MAX_TABLES];
	int64_t rows; /* all tables */
	double seconds;
};

/* Copy the SQLite file sqlite_path (read in one snapshot) into the
 * PostgreSQL database conninfo, whose schema exists already (store_open
 * made it): 0 with *out filled, or -1 with err ("target_not_empty",
 * "schema_mismatch", "internal"). Row counts are compared before the
 * commit. */
int migrate_store_copy(const char *sqlite_path, const char *conninfo,
		       struct migrate_report *out, struct wc_error *err);

/* Empty every table the copy fills (after a failed check of the copy, so
 * that the migration can be run again). */
int migrate_store_undo(const char *conninfo, const struct migrate_report *r,
		       struct wc_error *err);

#endif
