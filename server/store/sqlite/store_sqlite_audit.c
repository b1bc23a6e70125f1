/* store_sqlite_audit.c - the audit trail on SQLite: append-only rows whose
 * hashes the server computes (audit.c); the store only keeps them. */
#include "store/sqlite/store_sqlite.h"
#include "store/store_columns.h"

#include <stdlib.h>
#include <string.h>

/* Migration 2: the audit trail. seq is assigned by audit.c (last + 1), not
 * by SQLite, so that a deleted row shows as a gap. */
const char sq_schema_audit[] =
    "CREATE TABLE audit ("
    " seq INTEGER PRIMARY KEY, at INTEGER NOT NULL,"
    " actor TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL,"
    " data TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);"
    "CREATE INDEX audit_entity ON audit(entity, seq);";

static void sq_audit_row(sqlite3_stmt *st, void *rec)
{
	struct audit_record *out = rec;

	memset(out, 0, sizeof(*out));
	out->seq = sqlite3_column_int64(st, 0);
	out->at = sqlite3_column_int64(st, 1);
	sq_column_copy(st, 2, out->actor, sizeof(out->actor));
	sq_column_copy(st, 3, out->action, sizeof(out->action));
	sq_column_copy(st, 4, out->entity, sizeof(out->entity));
	out->data = sq_column_dup(st, 5);
	sq_column_copy(st, 6, out->prev_hash, sizeof(out->prev_hash));
	sq_column_copy(st, 7, out->hash, sizeof(out->hash));
}

int sq_audit_last(struct store_conn *c, struct audit_record *out,
		  struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT seq, at, actor, action, entity, data,"
		       " prev_hash, hash FROM audit ORDER BY seq DESC LIMIT 1",
		       &st, err) < 0)
		return -1;
	return sq_step_row(db, st, sq_audit_row, out, "audit_last", err);
}

int sq_audit_insert(struct store_conn *c, const struct audit_record *rec,
		    struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(
		db,
		"INSERT INTO audit (seq, at, actor, action, entity,"
		" data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		&st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, rec->seq);
	sqlite3_bind_int64(st, 2, rec->at);
	sq_bind_text(st, 3, rec->actor);
	sq_bind_text(st, 4, rec->action);
	sq_bind_text(st, 5, rec->entity);
	sq_bind_text(st, 6, rec->data ? rec->data : "{}");
	sq_bind_text(st, 7, rec->prev_hash);
	sq_bind_text(st, 8, rec->hash);
	return sq_step_done(db, st, err);
}

int sq_audit_visit(struct store_conn *c, const char *entity, int64_t after_seq,
		   int limit, store_audit_visitor visit, void *ctx,
		   struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	struct audit_record rec;
	int rc;

	if (sq_prepare(db,
		       "SELECT seq, at, actor, action, entity, data,"
		       " prev_hash, hash FROM audit"
		       " WHERE seq > ?1 AND (?2 IS NULL OR entity = ?2"
		       " OR actor = ?4)"
		       " ORDER BY seq LIMIT ?3",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, after_seq);
	sq_bind_text(st, 2, entity);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
	/* user:NAME also selects what NAME did (migration 11's index) */
	sq_bind_text(st, 4,
		     entity && strncmp(entity, "user:", 5) == 0 ? entity + 5
								: NULL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sq_audit_row(st, &rec);
		rc = visit(ctx, &rec, err);
		audit_record_release(&rec);
		if (rc < 0) {
			sq_finish(st);
			return -1;
		}
	}
	sq_finish(st);
	if (rc != SQLITE_DONE)
		return sq_fail(db, err, "audit_visit");
	return 0;
}

/* Migration 11 (issue 14.7): what a user did, by actor. */
const char sq_schema_audit_actor[] =
    "CREATE INDEX audit_actor ON audit(actor, seq);";

/* Migration 5: signed checkpoints of the chain's head. exported says the
 * row is also in the checkpoint file outside the database. */
const char sq_schema_audit_checkpoints[] =
    "CREATE TABLE audit_checkpoints ("
    " id INTEGER PRIMARY KEY, seq INTEGER NOT NULL,"
    " entries INTEGER NOT NULL, hash TEXT NOT NULL, at INTEGER NOT NULL,"
    " reason TEXT NOT NULL, signature TEXT NOT NULL,"
    " exported INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX audit_checkpoints_unexported ON audit_checkpoints(id)"
    " WHERE exported = 0;";

static void sq_checkpoint_row(sqlite3_stmt *st, void *out)
{
	struct audit_checkpoint *cp = out;

	memset(cp, 0, sizeof(*cp));
	cp->id = sqlite3_column_int64(st, 0);
	cp->seq = sqlite3_column_int64(st, 1);
	cp->entries = sqlite3_column_int64(st, 2);
	sq_column_copy(st, 3, cp->hash, sizeof(cp->hash));
	cp->at = sqlite3_column_int64(st, 4);
	sq_column_copy(st, 5, cp->reason, sizeof(cp->reason));
	sq_column_copy(st, 6, cp->signature, sizeof(cp->signature));
}

int sq_audit_checkpoint_add(struct store_conn *c, struct audit_checkpoint *cp,
			    struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "INSERT INTO audit_checkpoints (seq, entries, hash, at,"
		       " reason, signature) VALUES (?, ?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, cp->seq);
	sqlite3_bind_int64(st, 2, cp->entries);
	sq_bind_text(st, 3, cp->hash);
	sqlite3_bind_int64(st, 4, cp->at);
	sq_bind_text(st, 5, cp->reason);
	sq_bind_text(st, 6, cp->signature);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	cp->id = sqlite3_last_insert_rowid(db);
	return 0;
}

int sq_audit_checkpoint_last(struct store_conn *c, struct audit_checkpoint *out,
			     struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT " CHECKPOINT_COLUMNS " FROM audit_checkpoints"
		       " ORDER BY id DESC LIMIT 1",
		       &st, err) < 0)
		return -1;
	return sq_step_row(db, st, sq_checkpoint_row, out,
			   "audit_checkpoint_last", err);
}

int sq_audit_checkpoint_visit(struct store_conn *c, bool unexported,
			      store_checkpoint_visitor visit, void *ctx,
			      struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	struct audit_checkpoint cp;
	int rc;

	if (sq_prepare(db,
		       unexported ? "SELECT " CHECKPOINT_COLUMNS
				    " FROM audit_checkpoints"
				    " WHERE exported = 0 ORDER BY id"
				  : "SELECT " CHECKPOINT_COLUMNS
				    " FROM audit_checkpoints ORDER BY id",
		       &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sq_checkpoint_row(st, &cp);
		if (visit(ctx, &cp, err) < 0) {
			sq_finish(st);
			return -1;
		}
	}
	sq_finish(st);
	if (rc != SQLITE_DONE)
		return sq_fail(db, err, "audit_checkpoint_visit");
	return 0;
}

int sq_audit_checkpoint_exported(struct store_conn *c, int64_t id,
				 struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "UPDATE audit_checkpoints SET exported = 1"
		       " WHERE id <= ? AND exported = 0",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return sq_step_done(db, st, err);
}

int sq_audit_count(struct store_conn *c, int64_t *out, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	int n = 0;

	if (sq_prepare(db, "SELECT count(*) FROM audit", &st, err) < 0)
		return -1;
	if (sq_step_int(db, st, &n, "audit_count", err) < 0)
		return -1;
	*out = n;
	return 0;
}
