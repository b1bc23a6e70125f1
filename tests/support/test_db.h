/* test_db.h - SQL straight on a test server's store, SQLite file or
 * PostgreSQL database alike (tests that tamper with rows behind the
 * server's back). Parameters are text, written $1, $2, ... in the order
 * they first appear (both back ends take that). */
#ifndef WINCASE_TEST_DB_H
#define WINCASE_TEST_DB_H

#include "server.h"

/* Run sql (several statements when n is 0); *changes (if not NULL) the
 * rows the last one changed. 0, or -1 with a message on stderr. */
int test_db_exec(const struct test_server *srv, const char *sql, int n,
		 const char *const *params, long long *changes);
/* The first column of the first row as a number (0 for NULL). */
int test_db_int(const struct test_server *srv, const char *sql, long long *out);
/* Every row as text (NULL for SQL NULL); row returns non-zero to stop. */
typedef int (*test_db_row)(void *ctx, int ncols, const char *const *vals);
int test_db_rows(const struct test_server *srv, const char *sql,
		 test_db_row row, void *ctx);

/* A copy of a stopped server's store, named name, in a folder of its own
 * below srv->dir: copy is good for test_db_* and test_server_db_argv (the
 * same signing key, no checkpoint file). Drop it with test_db_copy_drop.
 * 0, or -1 with a message on stderr. */
int test_db_copy(const struct test_server *srv, const char *name,
		 struct test_server *copy);
void test_db_copy_drop(struct test_server *copy);

#endif
