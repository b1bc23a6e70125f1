/* server.c - run wincased as a child process for the API tests. */
#define _GNU_SOURCE
#include "server.h"
#include "prism.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define START_TIMEOUT_MS 20000
#define STOP_TIMEOUT_MS	 10000
#define LISTEN_PREFIX	 "wincased: listening on "

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

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
	return fclose(f);
}

static void exec_server(const struct test_server *srv, int out_fd)
{
	const char *bin = getenv("WINCASED_BIN");
	const char *conf = getenv("WINCASE_CONF");
	char db[300], config[300];

	snprintf(db, sizeof(db), "%s/wincased.db", srv->dir);
	snprintf(config, sizeof(config), "%s/wincased.conf", srv->dir);
	dup2(out_fd, STDOUT_FILENO);
	close(out_fd);
	if (srv->extra_args) {
		const char *argv[32] = {bin,	    "--db",	   db,
					"--listen", "127.0.0.1:0", "--conf-dir",
					conf,	    "--config",	   config};
		size_t n = 9;

		if (srv->fake_clock)
			argv[n++] = "--fake-clock=" TEST_SERVER_START_TIME;
		for (size_t i = 0; srv->extra_args[i] && n < 31; i++)
			argv[n++] = srv->extra_args[i];
		execv(bin, (char *const *)argv);
	} else if (srv->fake_clock)
		execl(bin, bin, "--db", db, "--listen", "127.0.0.1:0",
		      "--seed-demo", "--fake-clock=" TEST_SERVER_START_TIME,
		      "--conf-dir", conf, "--config", config, (char *)NULL);
	else
		execl(bin, bin, "--db", db, "--listen", "127.0.0.1:0",
		      "--seed-demo", "--conf-dir", conf, "--config", config,
		      (char *)NULL);
	fprintf(stderr, "test_server: cannot run %s: %s\n", bin,
		strerror(errno));
	_exit(127);
}

/* Read the child's stdout until the listening line, within the timeout. */
static int read_url(struct test_server *srv, int fd)
{
	char buf[512];
	size_t len = 0;
	long long deadline = now_ms() + START_TIMEOUT_MS;

	while (now_ms() < deadline && len < sizeof(buf) - 1) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		char *line, *nl;
		ssize_t n;

		if (poll(&p, 1, (int)(deadline - now_ms())) <= 0)
			break;
		n = read(fd, buf + len, sizeof(buf) - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		buf[len] = '\0';
		line = strstr(buf, LISTEN_PREFIX);
		if (line && (nl = strchr(line, '\n'))) {
			*nl = '\0';
			snprintf(srv->url, sizeof(srv->url), "%s",
				 line + strlen(LISTEN_PREFIX));
			return 0;
		}
	}
	fprintf(stderr, "test_server: no listening line (got '%.*s')\n",
		(int)len, buf);
	return -1;
}

static int spawn(struct test_server *srv)
{
	int fds[2];

	if (!getenv("WINCASED_BIN") || !getenv("WINCASE_CONF")) {
		fprintf(stderr, "test_server: WINCASED_BIN and WINCASE_CONF "
				"must be set (tests/run.sh sets them)\n");
		return -1;
	}
	if (pipe2(fds, O_CLOEXEC) < 0)
		return -1;
	srv->pid = fork();
	if (srv->pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (srv->pid == 0) {
		close(fds[0]);
		exec_server(srv, fds[1]);
	}
	close(fds[1]);
	if (read_url(srv, fds[0]) < 0) {
		close(fds[0]);
		test_server_stop_keep(srv);
		return -1;
	}
	close(fds[0]);
	if (test_prism_start(srv) < 0) {
		test_server_stop_keep(srv);
		return -1;
	}
	return 0;
}

int test_server_start_args(struct test_server *srv, bool fake_clock,
			   const char *const *extra_args)
{
	const char *tmp = getenv("TMPDIR");

	memset(srv, 0, sizeof(*srv));
	srv->fake_clock = fake_clock;
	srv->extra_args = extra_args;
	snprintf(srv->dir, sizeof(srv->dir), "%s/wincase-api-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(srv->dir) || write_config(srv) < 0) {
		perror("test_server");
		return -1;
	}
	return spawn(srv);
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
	long long deadline = now_ms() + STOP_TIMEOUT_MS;
	int status = 0;

	test_prism_stop(srv);
	if (srv->pid <= 0)
		return -1;
	kill(srv->pid, SIGTERM);
	/* Poll with a bound: a server that does not stop fails the test. */
	while (waitpid(srv->pid, &status, WNOHANG) == 0) {
		if (now_ms() > deadline) {
			kill(srv->pid, SIGKILL);
			waitpid(srv->pid, &status, 0);
			srv->pid = 0;
			return -1;
		}
		poll(NULL, 0, 10);
	}
	srv->pid = 0;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
	return rc;
}
