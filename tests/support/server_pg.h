/* server_pg.h - a fresh PostgreSQL database for each test server when
 * WINCASE_TEST_DB names a cluster (a libpq URI or key=value conninfo of a
 * database to connect to, e.g. postgresql://postgres@127.0.0.1:55432/
 * postgres). Without it the tests use their SQLite file. */
#ifndef WINCASE_TEST_SERVER_PG_H
#define WINCASE_TEST_SERVER_PG_H

#include <stdbool.h>
#include <stddef.h>

/* True when WINCASE_TEST_DB asks for PostgreSQL. */
bool test_pg_wanted(void);
/* CREATE DATABASE wc_test_<pid>_<n> in that cluster: its name into name
 * and the conninfo wincased gets into conninfo. 0, or -1 with a message
 * on stderr. */
int test_pg_create(char *name, size_t name_size, char *conninfo,
		   size_t conninfo_size);
/* CREATE DATABASE <from>_<suffix> TEMPLATE from (nobody may be
 * connected to from): its name and conninfo, as test_pg_create. */
int test_pg_copy(const char *from, char *name, size_t name_size,
		 const char *suffix, char *conninfo, size_t conninfo_size);
/* Run one statement in the cluster as WINCASE_TEST_DB's user (end a
 * database's sessions, refuse its connections). 0 or -1. */
int test_pg_admin(const char *sql);
/* DROP it (connections left are ended). */
void test_pg_drop(const char *name);

#endif
