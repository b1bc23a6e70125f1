/* test_net_spawn.c - net/spawn.c, the one helper that starts a private
 * wincased (training mode's and the test suite's): a real wincased starts
 * on a free loopback port, answers /v1/health and stops with status 0;
 * a program that cannot run or never listens is refused quickly, with
 * nothing left running. Needs $WINCASED_BIN and $WINCASE_CONF
 * (tests/run.sh sets them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "wincase/net.h"
#include "wincase/net_spawn.h"

static char dir[512];

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int make_dir(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(dir, sizeof(dir), "%s/wincase-spawn-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	char cmd[600];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_start_health_stop(void **state)
{
	char db[600];
	const char *args[] = {"--db", db, "--conf-dir", getenv("WINCASE_CONF"),
			      NULL};
	struct net_spawn_options opt = {.bin = getenv("WINCASED_BIN"),
					.args = args};
	struct net_spawned s;
	struct wc_error err = {0};
	struct net_options o = {0};
	struct net_client *c;
	pid_t pid;

	(void)state;
	assert_non_null(opt.bin);
	snprintf(db, sizeof(db), "%s/wincased.db", dir);
	if (net_spawn_start(&s, &opt, &err) < 0)
		fail_msg("start: %s", err.message);
	assert_true(s.pid > 0);
	assert_int_equal(strncmp(s.url, "http://127.0.0.1:", 17), 0);
	assert_true(atoi(s.url + 17) > 0); /* the port the kernel chose */
	o.base_url = s.url;
	c = net_client_new(&o, &err);
	assert_non_null(c);
	assert_int_equal(net_health(c, &err), 0);
	net_client_free(&c);
	pid = s.pid;
	assert_int_equal(net_spawn_stop(&s, 10000), 0);
	assert_int_equal(s.pid, 0);
	assert_int_equal(kill(pid, 0), -1);
	assert_int_equal(errno, ESRCH);
	assert_int_equal(net_spawn_stop(&s, 10000), -1); /* not running */
}

static void test_cannot_run(void **state)
{
	struct net_spawn_options opt = {.bin = "/nonexistent/wincased"};
	struct net_spawned s;
	struct wc_error err = {0};
	long long t0 = now_ms();

	(void)state;
	assert_int_equal(net_spawn_start(&s, &opt, &err), -1);
	assert_string_equal(err.code, "server_start");
	assert_int_equal(s.pid, 0);
	assert_string_equal(s.url, "");
	assert_true(now_ms() - t0 < 5000); /* the closed pipe, not the bound */
}

/* A program that runs but never says where it listens: refused at the
 * bound, and stopped. */
static void test_never_listens(void **state)
{
	char script[600];
	struct net_spawn_options opt = {.bin = script, .start_timeout_ms = 300};
	struct net_spawned s;
	struct wc_error err = {0};
	long long t0 = now_ms();
	FILE *f;

	(void)state;
	snprintf(script, sizeof(script), "%s/silent.sh", dir);
	f = fopen(script, "w");
	assert_non_null(f);
	fputs("#!/bin/sh\nexec sleep 30\n", f);
	fclose(f);
	assert_int_equal(chmod(script, 0700), 0);
	assert_int_equal(net_spawn_start(&s, &opt, &err), -1);
	assert_string_equal(err.code, "server_start");
	assert_non_null(strstr(err.message, "no listening line"));
	assert_int_equal(s.pid, 0);
	assert_true(now_ms() - t0 < 10000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_start_health_stop),
	    cmocka_unit_test(test_cannot_run),
	    cmocka_unit_test(test_never_listens),
	};

	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
