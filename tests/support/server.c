/* server.c - run wincased as a child process for the API tests, through
 * net/'s private-server helper (net_spawn.h), the one training mode uses. */
#define _GNU_SOURCE
#include "server.h"
#include "prism.h"
#include "server_pg.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/net_spawn.h"

#define START_TIMEOUT_MS     20000
#define STOP_TIMEOUT_MS	     10000
#define TEST_SERVER_MAX_ARGS 40

static int write_config(const struct test_server *srv)
{
	char path[300];
	FILE *f;

	snprintf(path, sizeof(path), "%s/wincased.conf", srv->dir);
	f = fopen(path, "w");
	if (!f)
		return -1;
	/* Cheap password hashing keeps the suite fast; production uses
	 * the default (interactive). */
	fputs("pwhash_cost = min\nthreads = 4\n", f);
	/* PostgreSQL: no file to keep the key and the checkpoints next to;
	 * they stay in the test's folder, as with SQLite (the verbs read
	 * this file too, test_server_db_argv). */
	if (srv->pg_name[0])
		fprintf(f,
			"data_dir = %s\n"
			"audit_checkpoint_file = %s/wincased.db.checkpoints\n",
			srv->key_dir, srv->dir);
	if (srv->config_extra)
		fputs(srv->config_extra, f);
	return fclose(f);
}

/* The arguments after the program name (and the helper's --listen):
 * the usual ones, the demo seed unless extra_args are given, then
 * extra_args. */
static void server_args(const struct test_server *srv, char *db, char *config,
			size_t size, const char **argv)
{
	size_t n = 0;

	snprintf(db, size, "%s/wincased.db", srv->dir);
	snprintf(config, size, "%s/wincased.conf", srv->dir);
	argv[n++] = "--db";
	argv[n++] = srv->pg_name[0] ? srv->pg_conninfo : db;
	if (srv->pg_name[0]) {
		/* Also when a test names its own --config. */
		argv[n++] = "--data-dir";
		argv[n++] = srv->key_dir;
	}
	argv[n++] = "--conf-dir";
	argv[n++] = getenv("WINCASE_CONF");
	argv[n++] = "--config";
	argv[n++] = config;
	if (!srv->extra_args)
		argv[n++] = "--seed-demo";
	if (srv->fake_clock)
		argv[n++] = "--fake-clock=" TEST_SERVER_START_TIME;
	for (size_t i = 0; srv->extra_args && srv->extra_args[i] &&
			   n < TEST_SERVER_MAX_ARGS - 1;
	     i++)
		argv[n++] = srv->extra_args[i];
	argv[n] = NULL;
}

/* The private-server helper of net/ does the fork, exec and waiting. */
static int spawn(struct test_server *srv)
{
	const char *argv[TEST_SERVER_MAX_ARGS];
	char db[300], config[300];
	struct net_spawn_options opt = {.bin = getenv("WINCASED_BIN"),
					.args = argv,
					.start_timeout_ms = START_TIMEOUT_MS,
					/* A test that serves HTTPS names
					 * its CA for the readiness probe. */
					.ca_file = getenv("WINCASE_TEST_CA")};
	struct net_spawned child;
	struct wc_error err = {0};

	if (!getenv("WINCASED_BIN") || !getenv("WINCASE_CONF")) {
		fprintf(stderr, "test_server: WINCASED_BIN and WINCASE_CONF "
				"must be set (tests/run.sh sets them)\n");
		return -1;
	}
	server_args(srv, db, config, sizeof(db), argv);
	if (net_spawn_start(&child, &opt, &err) < 0) {
		fprintf(stderr, "test_server: %s\n", err.message);
		srv->pid = 0;
		return -1;
	}
	srv->pid = child.pid;
	snprintf(srv->url, sizeof(srv->url), "%s", child.url);
	if (test_prism_start(srv) < 0) {
		test_server_stop_keep(srv);
		return -1;
	}
	return 0;
}

/* A training server's --ephemeral store is always a file of its own. */
static bool wants_file(const char *const *extra_args)
{
	for (size_t i = 0; extra_args && extra_args[i]; i++)
		if (strcmp(extra_args[i], "--ephemeral") == 0)
			return true;
	return false;
}

static int start_with(struct test_server *srv, bool fake_clock,
		      const char *const *extra_args, const char *config_lines,
		      const struct test_server *first)
{
	const char *tmp = getenv("TMPDIR");

	memset(srv, 0, sizeof(*srv));
	srv->config_extra = config_lines;
	srv->fake_clock = fake_clock;
	srv->extra_args = extra_args;
	snprintf(srv->dir, sizeof(srv->dir), "%s/wincase-api-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(srv->dir)) {
		perror("test_server");
		return -1;
	}
	snprintf(srv->key_dir, sizeof(srv->key_dir), "%s", srv->dir);
	if (first) {
		srv->pg_shared = true;
		snprintf(srv->key_dir, sizeof(srv->key_dir), "%s", first->dir);
		snprintf(srv->pg_name, sizeof(srv->pg_name), "%s",
			 first->pg_name);
		snprintf(srv->pg_conninfo, sizeof(srv->pg_conninfo), "%s",
			 first->pg_conninfo);
	} else if (test_pg_wanted() && !wants_file(extra_args) &&
		   test_pg_create(srv->pg_name, sizeof(srv->pg_name),
				  srv->pg_conninfo,
				  sizeof(srv->pg_conninfo)) < 0)
		return -1;
	if (write_config(srv) < 0) {
		perror("test_server");
		return -1;
	}
	return spawn(srv);
}

int test_server_start_args(struct test_server *srv, bool fake_clock,
			   const char *const *extra_args)
{
	return start_with(srv, fake_clock, extra_args, NULL, NULL);
}

int test_server_start_config(struct test_server *srv, bool fake_clock,
			     const char *config_lines)
{
	return start_with(srv, fake_clock, NULL, config_lines, NULL);
}

int test_server_start(struct test_server *srv, bool fake_clock)
{
	return test_server_start_args(srv, fake_clock, NULL);
}

int test_server_start_shared(struct test_server *srv,
			     const struct test_server *first, bool fake_clock)
{
	if (!first->pg_name[0]) {
		fprintf(stderr, "test_server: a shared database needs "
				"WINCASE_TEST_DB (PostgreSQL)\n");
		return -1;
	}
	return start_with(srv, fake_clock, NULL, NULL, first);
}

int test_server_restart(struct test_server *srv)
{
	return spawn(srv);
}

int test_server_stop_keep(struct test_server *srv)
{
	struct net_spawned child = {.pid = srv->pid};

	test_prism_stop(srv);
	srv->pid = 0;
	if (child.pid <= 0)
		return -1;
	/* A server that does not stop within the bound fails the test. */
	return net_spawn_stop(&child, STOP_TIMEOUT_MS);
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int test_server_stop(struct test_server *srv)
{
	int rc = test_server_stop_keep(srv);

	if (srv->dir[0])
		nftw(srv->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	srv->dir[0] = '\0';
	if (!srv->pg_shared)
		test_pg_drop(srv->pg_name);
	srv->pg_name[0] = '\0';
	return rc;
}

size_t test_server_db_argv(struct test_server *srv, char **argv)
{
	size_t n = 0;

	snprintf(srv->db_arg, sizeof(srv->db_arg), "%s/wincased.db", srv->dir);
	snprintf(srv->conf_arg, sizeof(srv->conf_arg), "%s/wincased.conf",
		 srv->dir);
	argv[n++] = "--db";
	argv[n++] = srv->pg_name[0] ? srv->pg_conninfo : srv->db_arg;
	if (srv->pg_name[0]) {
		argv[n++] = "--config";
		argv[n++] = srv->conf_arg;
	}
	return n;
}
