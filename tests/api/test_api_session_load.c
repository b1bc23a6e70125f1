/* test_api_session_load.c - logins and logouts under a concurrent write
 * load: no answer is a 5xx and every session made or
 * ended has its audit entry (session.create, session.delete), because
 * each is written in one transaction with its entry.
 *
 * Figure printed: "# logins N (5xx M), logouts N (5xx M), writes N (5xx M)". */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../support/http.h"
#include "../support/logins.h"
#include "../support/server.h"

#define WRITERS	      4
#define WRITES_EACH   60
#define LOGGERS	      3
#define SESSIONS_EACH 40

static struct test_server srv;
static char *clerk1, *admin;

static const struct test_login logins[] = {
    {"clerk1", &clerk1}, {"admin1", &admin}, {NULL, NULL}};

/* Three loggers at once: room for their hashes (the bound has its own
 * test in test_api_throttle). */
static int setup(void **state)
{
	(void)state;
	if (test_server_start_config(&srv, true,
				     "login_hash_concurrency = 8\n") < 0)
		return -1;
	return test_login(srv.url, logins) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return test_server_stop_logout(&srv, logins);
}

static const char *const login_users[LOGGERS] = {"clerk2", "reviewer1",
						 "admin1"};

struct load {
	int index;
	int ok_in, ok_out, ok_writes;	 /* 2xx answers */
	int bad_in, bad_out, bad_writes; /* 5xx answers or failed calls */
};

static void *writer(void *arg)
{
	struct load *l = arg;
	char body[160];
	struct http_reply r;

	for (int i = 0; i < WRITES_EACH; i++) {
		snprintf(body, sizeof(body),
			 "{\"applicant\":{\"name\":\"李四\"},"
			 "\"topic\":\"咨询 %d-%d\"}",
			 l->index, i);
		if (http_send_json(srv.url, "POST", "/v1/inquiries", clerk1,
				   body, &r) < 0 ||
		    r.status >= 500)
			l->bad_writes++;
		else if (r.status < 300)
			l->ok_writes++;
		http_reply_release(&r);
	}
	return NULL;
}

static void *logger(void *arg)
{
	struct load *l = arg;
	char body[160];
	struct http_reply r;

	snprintf(body, sizeof(body),
		 "{\"username\":\"%s\",\"password\":\"%s\"}",
		 login_users[l->index], TEST_PASSWORD);
	for (int i = 0; i < SESSIONS_EACH; i++) {
		const char *token;

		if (http_send_json(srv.url, "POST", "/v1/sessions", NULL, body,
				   &r) < 0 ||
		    r.status >= 500) {
			l->bad_in++;
			http_reply_release(&r);
			continue;
		}
		token = tj_str(r.json, "token");
		if (r.status == 201 && token[0]) {
			struct http_reply out;

			l->ok_in++;
			if (http_send_json(srv.url, "DELETE",
					   "/v1/sessions/current", token, NULL,
					   &out) < 0 ||
			    out.status >= 500)
				l->bad_out++;
			else if (out.status == 204)
				l->ok_out++;
			http_reply_release(&out);
		}
		http_reply_release(&r);
	}
	return NULL;
}

/* Entries of entity with action, every page. */
static int audit_count(const char *entity, const char *action)
{
	char path[256], cursor[32] = "";
	int n = 0;

	for (;;) {
		struct http_reply r;
		const json_t *items, *e, *next;
		size_t i;

		snprintf(path, sizeof(path),
			 "/v1/audit?entity=%s&limit=200%s%s", entity,
			 cursor[0] ? "&cursor=" : "", cursor);
		assert_int_equal(http_get(srv.url, path, admin, &r), 0);
		assert_int_equal(r.status, 200);
		items = json_object_get(r.json, "items");
		json_array_foreach(items, i, e) n +=
		    strcmp(tj_str(e, "action"), action) == 0;
		next = json_object_get(r.json, "next_cursor");
		if (!json_is_string(next)) {
			http_reply_release(&r);
			return n;
		}
		snprintf(cursor, sizeof(cursor), "%s", json_string_value(next));
		http_reply_release(&r);
	}
}

static void test_sessions_under_write_load(void **state)
{
	struct load w[WRITERS] = {0}, s[LOGGERS] = {0};
	pthread_t tw[WRITERS], ts[LOGGERS];
	int before_in[LOGGERS], before_out[LOGGERS];
	int ok_in = 0, ok_out = 0, bad_in = 0, bad_out = 0, ok_w = 0, bad_w = 0;
	char entity[64];

	(void)state;
	for (int i = 0; i < LOGGERS; i++) {
		snprintf(entity, sizeof(entity), "user:%s", login_users[i]);
		before_in[i] = audit_count(entity, "session.create");
		before_out[i] = audit_count(entity, "session.delete");
	}
	for (int i = 0; i < WRITERS; i++) {
		w[i].index = i;
		assert_int_equal(pthread_create(&tw[i], NULL, writer, &w[i]),
				 0);
	}
	for (int i = 0; i < LOGGERS; i++) {
		s[i].index = i;
		assert_int_equal(pthread_create(&ts[i], NULL, logger, &s[i]),
				 0);
	}
	for (int i = 0; i < WRITERS; i++) {
		pthread_join(tw[i], NULL);
		ok_w += w[i].ok_writes;
		bad_w += w[i].bad_writes;
	}
	for (int i = 0; i < LOGGERS; i++) {
		pthread_join(ts[i], NULL);
		ok_in += s[i].ok_in;
		ok_out += s[i].ok_out;
		bad_in += s[i].bad_in;
		bad_out += s[i].bad_out;
	}
	printf("# logins %d (5xx %d), logouts %d (5xx %d), writes %d (5xx "
	       "%d)\n",
	       ok_in + bad_in, bad_in, ok_out + bad_out, bad_out, ok_w + bad_w,
	       bad_w);
	assert_int_equal(bad_in + bad_out + bad_w, 0);
	assert_int_equal(ok_in, LOGGERS * SESSIONS_EACH);
	assert_int_equal(ok_out, ok_in);
	assert_int_equal(ok_w, WRITERS * WRITES_EACH);
	/* One entry for each session made and each ended. */
	for (int i = 0; i < LOGGERS; i++) {
		snprintf(entity, sizeof(entity), "user:%s", login_users[i]);
		assert_int_equal(audit_count(entity, "session.create") -
				     before_in[i],
				 s[i].ok_in);
		assert_int_equal(audit_count(entity, "session.delete") -
				     before_out[i],
				 s[i].ok_out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_sessions_under_write_load,
					    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
