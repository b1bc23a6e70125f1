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
	if (srv->pg_name[0]) {
		/* No file next to the database: the key and the audit
		 * checkpoints go to the test's folder. */
		argv[n++] = srv->pg_conninfo;
		argv[n++] = "--data-dir";
		argv[n++] = srv->dir;
	} else {
		argv[n++] = db;
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

static int start_with(struct test_server *srv, bool fake_clock,
		      const char *const *extra_args, const char *config_lines)
{
	const char *tmp = getenv("TMPDIR");

	memset(srv, 0, sizeof(*srv));
	srv->config_extra = config_lines;
	srv->fake_clock = fake_clock;
	srv->extra_args = extra_args;
	snprintf(srv->dir, sizeof(srv->dir), "%s/wincase-api-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(srv->dir) || write_config(srv) < 0) {
		perror("test_server");
		return -1;
	}
	if (test_pg_wanted() &&
	    test_pg_create(srv->pg_name, sizeof(srv->pg_name), srv->pg_conninfo,
			   sizeof(srv->pg_conninfo)) < 0)
		return -1;
	return spawn(srv);
}

int test_server_start_args(struct test_server *srv, bool fake_clock,
			   const char *const *extra_args)
{
	return start_with(srv, fake_clock, extra_args, NULL);
}

int test_server_start_config(struct test_server *srv, bool fake_clock,
			     const char *config_lines)
{
	return start_with(srv, fake_clock, NULL, config_lines);
}

int test_server_start(struct test_server *srv, bool fake_clock)
{
	return test_server_start_args(srv, fake_clock, NULL);
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
	test_pg_drop(srv->pg_name);
	srv->pg_name[0] = '\0';
	return rc;
}
