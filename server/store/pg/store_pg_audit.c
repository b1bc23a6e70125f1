/* store_pg_audit.c - the audit trail and its checkpoints, signed
 * documents, and what `wincased backup` says of a PostgreSQL store. The
 * chain never forks across instances: audit.c reads the last entry and
 * appends inside the writing transaction, which holds the write lock
 * (store_pg.c), and seq is the primary key besides. */
#include "store/pg/store_pg.h"
#include "store/store_columns.h"

#include <string.h>

#include "documents.h"

#define AUDIT_COLUMNS "seq, at, actor, action, entity, data, prev_hash, hash"

static void pg_audit_row(struct pgr *r, void *rec)
{
	struct audit_record *out = rec;

	memset(out, 0, sizeof(*out));
	out->seq = pgr_int(r);
	out->at = pgr_int(r);
	pgr_copy(r, out->actor, sizeof(out->actor));
	pgr_copy(r, out->action, sizeof(out->action));
	pgr_copy(r, out->entity, sizeof(out->entity));
	out->data = pgr_dup(r);
	pgr_copy(r, out->prev_hash, sizeof(out->prev_hash));
	pgr_copy(r, out->hash, sizeof(out->hash));
}

int pg_audit_last(struct store_conn *c, struct audit_record *out,
		  struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " AUDIT_COLUMNS " FROM audit ORDER BY seq DESC LIMIT 1";

	return pg_row(c, sql, NULL, pg_audit_row, out, err);
}

int pg_audit_insert(struct store_conn *c, const struct audit_record *rec,
		    struct wc_error *err)
{
	static const char sql[] = "INSERT INTO audit (" AUDIT_COLUMNS ")"
				  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
	struct pgp p = {0};

	pgp_int(&p, rec->seq);
	pgp_int(&p, rec->at);
	pgp_text(&p, rec->actor);
	pgp_text(&p, rec->action);
	pgp_text(&p, rec->entity);
	pgp_text(&p, rec->data ? rec->data : "{}");
	pgp_text(&p, rec->prev_hash);
	pgp_text(&p, rec->hash);
	return pg_done(c, sql, &p, err);
}

int pg_audit_visit(struct store_conn *c, const char *entity, int64_t after_seq,
		   int limit, store_audit_visitor visit, void *ctx,
		   struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " AUDIT_COLUMNS " FROM audit WHERE seq > $1"
	    " AND ($2::text IS NULL OR entity = $2 OR actor = $4)"
	    " ORDER BY seq LIMIT $3";
	struct pgp p = {0};
	PGresult *res;
	int rc = 0;

	pgp_int(&p, after_seq);
	pgp_text(&p, entity);
	pgp_limit(&p, limit);
	/* user:NAME also selects what NAME did (schema step 11's index) */
	pgp_text(&p, entity && strncmp(entity, "user:", 5) == 0 ? entity + 5
								: NULL);
	res = pg_run(c, sql, &p, err);
	if (!res)
		return -1;
	for (int i = 0; rc == 0 && i < PQntuples(res); i++) {
		struct pgr r = {res, i, 0};
		struct audit_record rec;

		pg_audit_row(&r, &rec);
		rc = visit(ctx, &rec, err) < 0 ? -1 : 0;
		audit_record_release(&rec);
	}
	PQclear(res);
	return rc;
}

static void pg_checkpoint_row(struct pgr *r, void *out)
{
	struct audit_checkpoint *cp = out;

	memset(cp, 0, sizeof(*cp));
	cp->id = pgr_int(r);
	cp->seq = pgr_int(r);
	cp->entries = pgr_int(r);
	pgr_copy(r, cp->hash, sizeof(cp->hash));
	cp->at = pgr_int(r);
	pgr_copy(r, cp->reason, sizeof(cp->reason));
	pgr_copy(r, cp->signature, sizeof(cp->signature));
}

int pg_audit_checkpoint_add(struct store_conn *c, struct audit_checkpoint *cp,
			    struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO audit_checkpoints (seq, entries, hash, at, reason,"
	    " signature) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
	struct pgp p = {0};

	pgp_int(&p, cp->seq);
	pgp_int(&p, cp->entries);
	pgp_text(&p, cp->hash);
	pgp_int(&p, cp->at);
	pgp_text(&p, cp->reason);
	pgp_text(&p, cp->signature);
	return pg_int(c, sql, &p, &cp->id, err);
}

int pg_audit_checkpoint_last(struct store_conn *c, struct audit_checkpoint *out,
			     struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " CHECKPOINT_COLUMNS " FROM audit_checkpoints"
	    " ORDER BY id DESC LIMIT 1";

	return pg_row(c, sql, NULL, pg_checkpoint_row, out, err);
}

int pg_audit_checkpoint_visit(struct store_conn *c, bool unexported,
			      store_checkpoint_visitor visit, void *ctx,
			      struct wc_error *err)
{
	static const char all_sql[] =
	    "SELECT " CHECKPOINT_COLUMNS " FROM audit_checkpoints ORDER BY id";
	static const char unexported_sql[] =
	    "SELECT " CHECKPOINT_COLUMNS " FROM audit_checkpoints"
	    " WHERE exported = 0 ORDER BY id";
	PGresult *res =
	    pg_run(c, unexported ? unexported_sql : all_sql, NULL, err);
	int rc = 0;

	if (!res)
		return -1;
	for (int i = 0; rc == 0 && i < PQntuples(res); i++) {
		struct pgr r = {res, i, 0};
		struct audit_checkpoint cp;

		pg_checkpoint_row(&r, &cp);
		rc = visit(ctx, &cp, err) < 0 ? -1 : 0;
	}
	PQclear(res);
	return rc;
}

int pg_audit_checkpoint_exported(struct store_conn *c, int64_t id,
				 struct wc_error *err)
{
	static const char sql[] = "UPDATE audit_checkpoints SET exported = 1"
				  " WHERE id <= $1 AND exported = 0";
	struct pgp p = {0};

	pgp_int(&p, id);
	return pg_done(c, sql, &p, err);
}

int pg_audit_count(struct store_conn *c, int64_t *out, struct wc_error *err)
{
	return pg_int(c, "SELECT count(*) FROM audit", NULL, out, err);
}

int pg_document_put(struct store_conn *c, struct document_record *rec,
		    struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO documents (kind, no, case_id, issued_at, text,"
	    " signature, verify_code, data, template)"
	    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
	    " RETURNING id";
	struct pgp p = {0};

	pgp_text(&p, rec->kind);
	pgp_text(&p, rec->no);
	pgp_int(&p, rec->case_id);
	pgp_int(&p, rec->issued_at);
	pgp_text(&p, rec->text);
	pgp_text(&p, rec->signature);
	pgp_text(&p, rec->verify_code);
	pgp_text(&p, rec->data);
	pgp_text(&p, rec->template_text);
	return pg_int(c, sql, &p, &rec->id, err);
}

static void pg_read_document(struct pgr *r, void *rec)
{
	struct document_record *out = rec;

	memset(out, 0, sizeof(*out));
	out->id = pgr_int(r);
	pgr_copy(r, out->kind, sizeof(out->kind));
	pgr_copy(r, out->no, sizeof(out->no));
	out->case_id = pgr_int(r);
	out->issued_at = pgr_int(r);
	out->text = pgr_dup(r);
	pgr_copy(r, out->signature, sizeof(out->signature));
	pgr_copy(r, out->verify_code, sizeof(out->verify_code));
	out->data = pgr_dup(r);
	out->template_text = pgr_dup(r);
}

/* sql is static: prepared statements are kept by its address. */
static int pg_document_find(struct store_conn *c, const char *sql,
			    const char *value, struct document_record *out,
			    struct wc_error *err)
{
	struct pgp p = {0};
	int rc;

	pgp_text(&p, value);
	rc = pg_row(c, sql, &p, pg_read_document, out, err);
	if (rc == 0 && !out->text)
		return wc_error_set(err, "internal", NULL, "out of memory");
	return rc;
}

#define PG_DOCUMENT_SELECT                                                     \
	"SELECT id, kind, no, case_id, issued_at, text, signature,"            \
	" verify_code, data, template FROM documents WHERE "

int pg_document_find_by_code(struct store_conn *c, const char *code,
			     struct document_record *out, struct wc_error *err)
{
	static const char sql[] = PG_DOCUMENT_SELECT "verify_code = $1";

	return pg_document_find(c, sql, code, out, err);
}

int pg_document_find_by_no(struct store_conn *c, const char *no,
			   struct document_record *out, struct wc_error *err)
{
	static const char sql[] = PG_DOCUMENT_SELECT "no = $1";

	return pg_document_find(c, sql, no, out, err);
}

/* The database server keeps the data: pg_dump (or its base backups and
 * WAL archive) copies it, not wincased. */
int pg_backup(struct store_conn *c, const char *to_path, struct wc_error *err)
{
	(void)c;
	(void)to_path;
	return wc_error_set(err, "invalid_field", "db",
			    "a PostgreSQL store is backed up with pg_dump "
			    "(or the server's base backups), not wincased "
			    "backup");
}
