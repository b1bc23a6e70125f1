/* server_pg.c - per-server databases in a PostgreSQL test cluster. */
#include "server_pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

static const char *admin_conninfo(void)
{
	const char *v = getenv("WINCASE_TEST_DB");

	return v && (strncmp(v, "postgresql://", 13) == 0 ||
		     strncmp(v, "postgres://", 11) == 0 || strchr(v, '='))
		   ? v
		   : NULL;
}

bool test_pg_wanted(void)
{
	return admin_conninfo() != NULL;
}

/* Append " key='value'" (libpq quoting) at *used. */
static void conninfo_add(char *out, size_t size, size_t *used, const char *key,
			 const char *value)
{
	int n = snprintf(out + *used, size - *used, "%s%s='", *used ? " " : "",
			 key);

	if (n < 0 || (size_t)n >= size - *used)
		return;
	*used += (size_t)n;
	for (const char *p = value; *p && *used + 3 < size; p++) {
		if (*p == '\'' || *p == '\\')
			out[(*used)++] = '\\';
		out[(*used)++] = *p;
	}
	if (*used + 2 < size) {
		out[(*used)++] = '\'';
		out[*used] = '\0';
	}
}

/* The admin conninfo with dbname replaced (NULL name: kept). */
static int conninfo_for(const char *name, char *out, size_t size)
{
	char *msg = NULL;
	PQconninfoOption *opts = PQconninfoParse(admin_conninfo(), &msg);
	size_t used = 0;

	if (!opts) {
		fprintf(stderr, "test_server: WINCASE_TEST_DB: %s\n",
			msg ? msg : "out of memory");
		PQfreemem(msg);
		return -1;
	}
	out[0] = '\0';
	for (PQconninfoOption *o = opts; o->keyword; o++) {
		if (strcmp(o->keyword, "dbname") == 0)
			continue;
		if (o->val && o->val[0])
			conninfo_add(out, size, &used, o->keyword, o->val);
	}
	if (name)
		conninfo_add(out, size, &used, "dbname", name);
	PQconninfoFree(opts);
	return 0;
}

static void notice_quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static int admin_exec(const char *sql)
{
	PGconn *db = PQconnectdb(admin_conninfo());
	PGresult *res;
	int rc = 0;

	if (PQstatus(db) != CONNECTION_OK) {
		fprintf(stderr, "test_server: WINCASE_TEST_DB: %s",
			PQerrorMessage(db));
		PQfinish(db);
		return -1;
	}
	PQsetNoticeProcessor(db, notice_quiet, NULL);
	res = PQexec(db, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		fprintf(stderr, "test_server: %s: %s", sql,
			PQresultErrorMessage(res));
		rc = -1;
	}
	PQclear(res);
	PQfinish(db);
	return rc;
}

int test_pg_admin(const char *sql)
{
	return admin_exec(sql);
}

int test_pg_create(char *name, size_t name_size, char *conninfo,
		   size_t conninfo_size)
{
	static int serial;
	char sql[128];

	snprintf(name, name_size, "wc_test_%ld_%d", (long)getpid(), ++serial);
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s WITH (FORCE)",
		 name);
	if (admin_exec(sql) < 0)
		return -1;
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", name);
	if (admin_exec(sql) < 0)
		return -1;
	return conninfo_for(name, conninfo, conninfo_size);
}

int test_pg_copy(const char *from, char *name, size_t name_size,
		 const char *suffix, char *conninfo, size_t conninfo_size)
{
	char sql[256];

	snprintf(name, name_size, "%s_%s", from, suffix);
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s TEMPLATE %s", name,
		 from);
	if (admin_exec(sql) < 0)
		return -1;
	return conninfo_for(name, conninfo, conninfo_size);
}

void test_pg_drop(const char *name)
{
	char sql[128];

	if (!name[0])
		return;
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s WITH (FORCE)",
		 name);
	admin_exec(sql);
}
