/* store_sqlite_documents.c - signed notices and commitments on SQLite. The
 * rows are written once and never changed; verify_code is unique so that a
 * code names one document. */
#include "store/sqlite/store_sqlite.h"

#include <stdlib.h>
#include <string.h>

#include "documents.h"

/* Migration: the documents table. case_id has no foreign key so that the
 * table does not depend on the order of the cases migration. */
const char sq_schema_documents[] =
    "CREATE TABLE documents ("
    " id INTEGER PRIMARY KEY,"
    " kind TEXT NOT NULL CHECK (kind IN ('notice', 'commitment')),"
    " no TEXT NOT NULL UNIQUE, case_id INTEGER NOT NULL,"
    " issued_at INTEGER NOT NULL, text TEXT NOT NULL,"
    " signature TEXT NOT NULL, verify_code TEXT NOT NULL UNIQUE);"
    "CREATE INDEX documents_case ON documents(case_id);";

/* Migration: what a document was rendered from (its completed variables
 * as JSON and the template text), so that its PDF is laid out from the
 * same source as its signed text (documents_pdf.c). NULL in rows written
 * before. */
const char sq_schema_document_data[] =
    "ALTER TABLE documents ADD COLUMN data TEXT;"
    "ALTER TABLE documents ADD COLUMN template TEXT;";

int sq_document_put(struct store_conn *c, struct document_record *rec,
		    struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "INSERT INTO documents (kind, no, case_id, issued_at,"
		       " text, signature, verify_code, data, template)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, rec->kind);
	sq_bind_text(st, 2, rec->no);
	sqlite3_bind_int64(st, 3, rec->case_id);
	sqlite3_bind_int64(st, 4, rec->issued_at);
	sq_bind_text(st, 5, rec->text);
	sq_bind_text(st, 6, rec->signature);
	sq_bind_text(st, 7, rec->verify_code);
	sq_bind_text(st, 8, rec->data);
	sq_bind_text(st, 9, rec->template_text);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	rec->id = sqlite3_last_insert_rowid(db);
	return 0;
}

static void sq_read_document(sqlite3_stmt *st, void *rec)
{
	struct document_record *out = rec;

	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(st, 0);
	sq_column_copy(st, 1, out->kind, sizeof(out->kind));
	sq_column_copy(st, 2, out->no, sizeof(out->no));
	out->case_id = sqlite3_column_int64(st, 3);
	out->issued_at = sqlite3_column_int64(st, 4);
	out->text = sq_column_dup(st, 5);
	sq_column_copy(st, 6, out->signature, sizeof(out->signature));
	sq_column_copy(st, 7, out->verify_code, sizeof(out->verify_code));
	out->data = sq_column_dup(st, 8);
	out->template_text = sq_column_dup(st, 9);
}

#define DOCUMENT_COLUMNS                                                       \
	"SELECT id, kind, no, case_id, issued_at, text, signature,"            \
	" verify_code, data, template FROM documents"

static int document_find(struct store_conn *c, const char *sql, const char *key,
			 struct document_record *out, const char *what,
			 struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	int rc;

	if (sq_prepare(db, sql, &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, key);
	rc = sq_step_row(db, st, sq_read_document, out, what, err);
	if (rc == 0 && !out->text)
		return wc_error_set(err, "internal", NULL, "out of memory");
	return rc;
}

int sq_document_find_by_code(struct store_conn *c, const char *code,
			     struct document_record *out, struct wc_error *err)
{
	return document_find(c, DOCUMENT_COLUMNS " WHERE verify_code = ?", code,
			     out, "document_find_by_code", err);
}

int sq_document_find_by_no(struct store_conn *c, const char *no,
			   struct document_record *out, struct wc_error *err)
{
	return document_find(c, DOCUMENT_COLUMNS " WHERE no = ?", no, out,
			     "document_find_by_no", err);
}
