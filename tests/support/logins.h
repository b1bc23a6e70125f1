/* logins.h - the demo accounts' sessions for the API tests: log a list of
 * accounts in with the demo password, out again, and the usual fixture of
 * a server with those sessions. */
#ifndef WINCASE_TEST_LOGINS_H
#define WINCASE_TEST_LOGINS_H

#include <stdbool.h>

#include "server.h"

#define TEST_PASSWORD "demo-password-1"

/* One account and where its token goes (owned; test_logout frees it). */
struct test_login {
	const char *username;
	char **token;
};

/* Log in every account of list (ended by {NULL, NULL}), each held token
 * freed first: sessions last 12 hours of the fake clock, so a test logs
 * in again after moving it. False if any login failed. */
bool test_login(const char *url, const struct test_login *list);
/* Free every token of list and set it to NULL. */
void test_logout(const struct test_login *list);

/* Start a server with the fake clock and log list in; 0, or -1. */
int test_server_start_login(struct test_server *srv,
			    const struct test_login *list);
/* Log list out and stop the server; 0 when it stopped cleanly. */
int test_server_stop_logout(struct test_server *srv,
			    const struct test_login *list);

/* The cmocka setup and teardown most API tests use: their own server for
 * each test, with list logged in. */
#define TEST_LOGIN_FIXTURE(srv, list)                                          \
	static int setup(void **state)                                         \
	{                                                                      \
		(void)state;                                                   \
		return test_server_start_login(&(srv), (list));                \
	}                                                                      \
	static int teardown(void **state)                                      \
	{                                                                      \
		(void)state;                                                   \
		return test_server_stop_logout(&(srv), (list));                \
	}

#endif
