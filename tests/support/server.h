/* server.h - start a real wincased for a test: a temporary SQLite file (or
 * a fresh PostgreSQL database when WINCASE_TEST_DB names a cluster), a
 * free loopback port, the demo seed and a fake clock at
 * 2026-11-02T09:00:00+08:00; stop it with SIGTERM. The starting and
 * stopping are net_spawn.h's, the helper training mode uses too. */
#ifndef WINCASE_TEST_SERVER_H
#define WINCASE_TEST_SERVER_H

#include <stdbool.h>
#include <sys/types.h>

#define TEST_SERVER_START_TIME "2026-11-02T09:00:00+08:00"

struct test_server {
	pid_t pid;
	bool fake_clock;
	char dir[256]; /* temporary directory holding the database */
	/* WINCASE_TEST_DB (server_pg.h): this server's PostgreSQL database
	 * (made at start, dropped at test_server_stop) and its conninfo;
	 * "" for the SQLite file in dir. */
	char pg_name[64];
	char pg_conninfo[512];
	char db_arg[300], conf_arg[300]; /* test_server_db_argv's */
	/* test_server_start_shared: another server's database and signing
	 * key (its folder), not dropped at stop. */
	bool pg_shared;
	char key_dir[256];
	char url[128]; /* "http://127.0.0.1:PORT" */
	/* More options after the usual ones (NULL-terminated), or NULL. */
	const char *const *extra_args;
	/* More lines for wincased.conf ("key = value\n..."), or NULL. */
	const char *config_extra;
};

/* Start wincased ($WINCASED_BIN) with conf from $WINCASE_CONF. Returns 0,
 * or -1 with a message on stderr. */
int test_server_start(struct test_server *srv, bool fake_clock);
/* The same with more options (test_server.extra_args), e.g. a training
 * server: {"--training-seed", DIR, NULL}. */
int test_server_start_args(struct test_server *srv, bool fake_clock,
			   const char *const *extra_args);
/* The same with more settings in wincased.conf (and the demo seed). */
int test_server_start_config(struct test_server *srv, bool fake_clock,
			     const char *config_lines);
/* PostgreSQL only: a second server on first's database (and with its
 * signing key), as several wincased instances of one service hall. */
int test_server_start_shared(struct test_server *srv,
			     const struct test_server *first, bool fake_clock);
/* Start again on the same database (after test_server_stop_keep). */
int test_server_restart(struct test_server *srv);
/* SIGTERM and wait (bounded); returns the exit status, or -1. Keeps the
 * temporary directory. */
int test_server_stop_keep(struct test_server *srv);
/* Stop and remove the temporary directory. */
int test_server_stop(struct test_server *srv);
/* The options naming this server's store for a wincased verb, into argv:
 * "--db" and the SQLite file or the PostgreSQL conninfo (then also
 * "--config" and the server's wincased.conf, for data_dir). Returns how
 * many (at most 4); they live in srv. */
size_t test_server_db_argv(struct test_server *srv, char **argv);

#endif
