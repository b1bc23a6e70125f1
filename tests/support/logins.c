/* logins.c - the demo accounts' sessions for the API tests. */
#include "logins.h"

#include <stdlib.h>

#include "http.h"

bool test_login(const char *url, const struct test_login *list)
{
	bool all = true;

	test_logout(list);
	for (const struct test_login *l = list; l->username; l++) {
		*l->token = http_login(url, l->username, TEST_PASSWORD);
		all = all && *l->token;
	}
	return all;
}

void test_logout(const struct test_login *list)
{
	for (const struct test_login *l = list; l->username; l++) {
		free(*l->token);
		*l->token = NULL;
	}
}

int test_server_start_login(struct test_server *srv,
			    const struct test_login *list)
{
	if (test_server_start(srv, true) < 0)
		return -1;
	return test_login(srv->url, list) ? 0 : -1;
}

int test_server_stop_logout(struct test_server *srv,
			    const struct test_login *list)
{
	test_logout(list);
	return test_server_stop(srv) == 0 ? 0 : -1;
}
