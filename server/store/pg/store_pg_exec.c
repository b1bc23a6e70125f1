/* store_pg_exec.c - running statements on the PostgreSQL store: typed
 * parameters, statements prepared once per connection, row readers, and
 * the error that says the database cannot be reached. */
#include "store/pg/store_pg.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXTOID 25
#define INT8OID 20

static void pgp_add(struct pgp *p, const char *v, Oid type)
{
	if (p->n >= PG_MAX_PARAMS)
		return; /* pg_run refuses such a statement */
	p->v[p->n] = v;
	p->types[p->n] = type;
	p->n++;
}

void pgp_text(struct pgp *p, const char *text)
{
	pgp_add(p, text, TEXTOID);
}

void pgp_opt_text(struct pgp *p, const char *text)
{
	pgp_add(p, text && *text ? text : NULL, TEXTOID);
}

void pgp_int(struct pgp *p, int64_t v)
{
	if (p->n < PG_MAX_PARAMS)
		snprintf(p->num[p->n], sizeof(p->num[0]), "%" PRId64, v);
	pgp_add(p, p->n < PG_MAX_PARAMS ? p->num[p->n] : NULL, INT8OID);
}

void pgp_opt_int(struct pgp *p, int64_t v)
{
	if (v)
		pgp_int(p, v);
	else
		pgp_add(p, NULL, INT8OID);
}

void pgp_limit(struct pgp *p, int limit)
{
	pgp_opt_int(p, limit > 0 ? limit : 0);
}

void pgr_copy(struct pgr *r, char *dst, size_t size)
{
	int col = r->col++;

	store_copy(dst, size,
		   PQgetisnull(r->res, r->row, col)
		       ? ""
		       : PQgetvalue(r->res, r->row, col));
}

char *pgr_dup(struct pgr *r)
{
	int col = r->col++;

	if (PQgetisnull(r->res, r->row, col))
		return NULL;
	return strdup(PQgetvalue(r->res, r->row, col));
}

int64_t pgr_int(struct pgr *r)
{
	int col = r->col++;

	if (PQgetisnull(r->res, r->row, col))
		return 0;
	return strtoll(PQgetvalue(r->res, r->row, col), NULL, 10);
}

/* The server is gone (or was never reached): 503 store_unavailable. */
static bool pg_lost(const struct pg_conn *c)
{
	return !c->db || c->lost || PQstatus(c->db) == CONNECTION_BAD;
}

/* SQLSTATEs that say this session cannot write now: a connection
 * exception (class 08), the server shutting down or starting (57P01-03),
 * or a standby after a failover (25006 read-only transaction). */
static bool pg_state_lost(const PGresult *res)
{
	const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	if (!st)
		return false;
	return strncmp(st, "08", 2) == 0 || strcmp(st, "57P01") == 0 ||
	       strcmp(st, "57P02") == 0 || strcmp(st, "57P03") == 0 ||
	       strcmp(st, "25006") == 0;
}

void pg_session_setup(PGconn *db)
{
	/* Notices (a table that already exists, ...) stay off stderr. The
	 * write lock held too long by another instance (one that hangs)
	 * fails the request, 503, instead of hanging it too; a session left
	 * idle inside a transaction is ended by the server, which frees the
	 * locks it held. */
	PGresult *res = PQexec(db, "SET client_min_messages = warning;"
				   " SET lock_timeout = '15s';"
				   " SET idle_in_transaction_session_timeout"
				   " = '60s'");

	PQclear(res);
}

/* Busy rather than broken: a lock not had in time (55P03), a statement
 * cancelled (57014). The session stays. */
static bool pg_state_busy(const PGresult *res)
{
	const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	return st && (strcmp(st, "55P03") == 0 || strcmp(st, "57014") == 0);
}

static int pg_fail(struct pg_conn *c, const PGresult *res, struct wc_error *err,
		   const char *what)
{
	const char *msg = res ? PQresultErrorMessage(res) : "";
	char text[200];
	size_t len;

	if (!msg[0])
		msg = c->db ? PQerrorMessage(c->db) : "no connection";
	/* One line for the log and the answer. */
	snprintf(text, sizeof(text), "%s", msg);
	len = strcspn(text, "\n");
	text[len] = '\0';
	if (pg_state_lost(res))
		c->lost = true;
	if (pg_state_busy(res))
		return wc_error_set(err, "store_unavailable", NULL,
				    "the case database is busy (nothing was "
				    "changed; try again): %s",
				    text);
	if (pg_lost(c))
		return wc_error_set(err, "store_unavailable", NULL,
				    "the case database cannot be reached "
				    "(nothing was changed; try again): %s",
				    text);
	return wc_error_set(err, "internal", NULL, "postgresql: %s: %s", what,
			    text);
}

/* A lost connection is reset before a statement outside a transaction
 * (inside one, the transaction is gone and fails as a whole). PQreset
 * connects anew with the same conninfo: with several hosts and
 * target_session_attrs=read-write it finds the new primary. */
static bool pg_ready(struct pg_conn *c, struct wc_error *err)
{
	if (!pg_lost(c))
		return true;
	if (!c->in_tx && c->db) {
		PQreset(c->db);
		c->n_prepared = 0; /* the new session has none */
		c->scheduler_lock = false;
		c->lost = false;
		if (!pg_lost(c)) {
			pg_session_setup(c->db);
			return true;
		}
	}
	pg_fail(c, NULL, err, "connect");
	return false;
}

static bool pg_ok(const PGresult *res)
{
	ExecStatusType s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;

	return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

static const char *pg_find_prepared(struct pg_conn *c, const char *sql)
{
	for (size_t i = 0; i < c->n_prepared; i++)
		if (c->prepared[i].sql == sql &&
		    strcmp(c->prepared[i].sql, sql) == 0)
			return c->prepared[i].name;
	return NULL;
}

static const char *pg_prepare(struct pg_conn *c, const char *sql,
			      const struct pgp *p, struct wc_error *err)
{
	const char *name = pg_find_prepared(c, sql);
	struct pg_prepared *slot;
	PGresult *res;

	if (name)
		return name;
	if (c->n_prepared == c->cap_prepared) {
		size_t cap = c->cap_prepared ? c->cap_prepared * 2 : 64;
		void *np = realloc(c->prepared, cap * sizeof(*c->prepared));

		if (!np) {
			wc_error_set(err, "internal", NULL, "out of memory");
			return NULL;
		}
		c->prepared = np;
		c->cap_prepared = cap;
	}
	slot = &c->prepared[c->n_prepared];
	slot->sql = sql;
	snprintf(slot->name, sizeof(slot->name), "w%zu", c->n_prepared);
	res = PQprepare(c->db, slot->name, sql, p ? p->n : 0,
			p ? p->types : NULL);
	if (!pg_ok(res)) {
		pg_fail(c, res, err, "prepare");
		PQclear(res);
		return NULL;
	}
	PQclear(res);
	c->n_prepared++;
	return slot->name;
}

static PGresult *pg_result(struct pg_conn *c, PGresult *res,
			   struct wc_error *err)
{
	if (pg_ok(res))
		return res;
	pg_fail(c, res, err, "exec");
	PQclear(res);
	return NULL;
}

/* Once more on a new session when the old one turned out dead, unless a
 * transaction was open on it (that one is gone with its changes). */
static bool pg_retry(struct pg_conn *c, bool was_in_tx)
{
	return !was_in_tx && !c->in_tx && pg_lost(c);
}

static PGresult *pg_run_prepared(struct pg_conn *c, const char *sql,
				 const struct pgp *p, struct wc_error *err)
{
	const char *name;

	if (!pg_ready(c, err) || !(name = pg_prepare(c, sql, p, err)))
		return NULL;
	return pg_result(c,
			 PQexecPrepared(c->db, name, p ? p->n : 0,
					p ? p->v : NULL, NULL, NULL, 0),
			 err);
}

PGresult *pg_run(struct store_conn *base, const char *sql, const struct pgp *p,
		 struct wc_error *err)
{
	struct pg_conn *c = pg_conn_of(base);
	bool was_in_tx = c->in_tx;
	PGresult *res;

	if (p && p->n >= PG_MAX_PARAMS) {
		wc_error_set(err, "internal", NULL, "too many parameters");
		return NULL;
	}
	res = pg_run_prepared(c, sql, p, err);
	if (!res && pg_retry(c, was_in_tx))
		res = pg_run_prepared(c, sql, p, err);
	return res;
}

static PGresult *pg_run_params(struct pg_conn *c, const char *sql,
			       const struct pgp *p, struct wc_error *err)
{
	if (!pg_ready(c, err))
		return NULL;
	return pg_result(c,
			 PQexecParams(c->db, sql, p ? p->n : 0,
				      p ? p->types : NULL, p ? p->v : NULL,
				      NULL, NULL, 0),
			 err);
}

PGresult *pg_run_once(struct store_conn *base, const char *sql,
		      const struct pgp *p, struct wc_error *err)
{
	struct pg_conn *c = pg_conn_of(base);
	bool was_in_tx = c->in_tx;
	PGresult *res = pg_run_params(c, sql, p, err);

	if (!res && pg_retry(c, was_in_tx))
		res = pg_run_params(c, sql, p, err);
	return res;
}

int pg_done(struct store_conn *c, const char *sql, const struct pgp *p,
	    struct wc_error *err)
{
	PGresult *res = pg_run(c, sql, p, err);

	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

int pg_changed(struct store_conn *c, const char *sql, const struct pgp *p,
	       struct wc_error *err)
{
	PGresult *res = pg_run(c, sql, p, err);
	int rc;

	if (!res)
		return -1;
	rc = strcmp(PQcmdTuples(res), "0") == 0 || !PQcmdTuples(res)[0]
		 ? STORE_NOT_FOUND
		 : 0;
	PQclear(res);
	return rc;
}

int pg_int(struct store_conn *c, const char *sql, const struct pgp *p,
	   int64_t *out, struct wc_error *err)
{
	PGresult *res = pg_run(c, sql, p, err);
	struct pgr r = {res, 0, 0};

	if (!res)
		return -1;
	if (PQntuples(res) < 1) {
		PQclear(res);
		return wc_error_set(err, "internal", NULL,
				    "postgresql: no row");
	}
	*out = pgr_int(&r);
	PQclear(res);
	return 0;
}

int pg_int32(struct store_conn *c, const char *sql, const struct pgp *p,
	     int *out, struct wc_error *err)
{
	int64_t v = 0;

	if (pg_int(c, sql, p, &v, err) < 0)
		return -1;
	*out = (int)v;
	return 0;
}

int pg_row(struct store_conn *c, const char *sql, const struct pgp *p,
	   pg_row_reader read, void *out, struct wc_error *err)
{
	PGresult *res = pg_run(c, sql, p, err);
	struct pgr r = {res, 0, 0};

	if (!res)
		return -1;
	if (PQntuples(res) < 1) {
		PQclear(res);
		return STORE_NOT_FOUND;
	}
	read(&r, out);
	PQclear(res);
	return 0;
}

static int pg_rows_of(PGresult *res, const struct pg_row_kind *kind, void **out,
		      size_t *n)
{
	size_t count = (size_t)PQntuples(res);
	char *recs = count ? calloc(count, kind->size) : NULL;

	if (count && !recs) {
		PQclear(res);
		return -1;
	}
	for (size_t i = 0; i < count; i++) {
		struct pgr r = {res, (int)i, 0};

		kind->read(&r, recs + i * kind->size);
	}
	PQclear(res);
	*out = recs;
	*n = count;
	return 0;
}

static int pg_rows_from(PGresult *res, const struct pg_row_kind *kind,
			void **out, size_t *n, struct wc_error *err)
{
	if (!res)
		return -1;
	if (pg_rows_of(res, kind, out, n) < 0)
		return wc_error_set(err, "internal", NULL, "out of memory");
	return 0;
}

int pg_rows(struct store_conn *c, const char *sql, const struct pgp *p,
	    const struct pg_row_kind *kind, void **out, size_t *n,
	    struct wc_error *err)
{
	return pg_rows_from(pg_run(c, sql, p, err), kind, out, n, err);
}

int pg_rows_planned(struct store_conn *c, const char *sql, const struct pgp *p,
		    const struct pg_row_kind *kind, void **out, size_t *n,
		    struct wc_error *err)
{
	return pg_rows_from(pg_run_once(c, sql, p, err), kind, out, n, err);
}

/* The counter row is updated in the writing transaction: a number is
 * taken once, and given back with a rollback, so numbers have no gaps. */
int pg_next_number(struct store_conn *c, const char *kind, const char *day,
		   char *out, size_t size, struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO daily_counters (kind, day, last) VALUES ($1, $2, 1)"
	    " ON CONFLICT (kind, day) DO UPDATE"
	    " SET last = daily_counters.last + 1 RETURNING last";
	struct pgp p = {0};
	int64_t number = 0;

	pgp_text(&p, kind);
	pgp_text(&p, day);
	if (pg_int(c, sql, &p, &number, err) < 0)
		return -1;
	snprintf(out, size, "%s-%s-%04" PRId64, kind, day, number);
	return 0;
}
