/* test_pg_outage.c - PostgreSQL stopped in the middle of a write stream,
 * then started again (issue 10): while it is down wincased answers writes
 * with 503 instead of hanging or dying, and /v1/health says the database
 * is not connected (what a balancer checks); afterwards it serves
 * again without a restart, and no acknowledged write is lost: a client
 * writes inquiries one after another, retrying each with its
 * Idempotency-Key until it is acknowledged (201), and at the end every
 * acknowledged one is stored, once. Prints acknowledged, stored, lost,
 * duplicated. Skipped without WINCASE_TEST_DB (tests/support/pg_pass.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <curl/curl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>

#include "../support/http.h"
#include "../support/logins.h"
#include "../support/pg_pair.h"
#include "../support/server.h"

#define MAX_WRITES    400
#define WAIT_STEP_US  50000
#define WAIT_LIMIT_US (60 * 1000000)

static struct test_server srv;
static char *clerk1, *admin;

static const struct test_login logins[] = {
    {"clerk1", &clerk1}, {"admin1", &admin}, {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

struct stream {
	atomic_bool stop;
	atomic_int acknowledged; /* keys answered 201 */
	atomic_int unavailable;	 /* 503 answers */
	atomic_int failed;	 /* no answer at all (connection cut) */
	atomic_int other;	 /* any other status */
	char other_body[256];
};

static struct stream stream;

/* Key i: retried until acknowledged (a client does the same), only then
 * the next; stops between keys. */
static void *writer(void *arg)
{
	char key[32], body[160];

	(void)arg;
	for (int i = 0; i < MAX_WRITES && !atomic_load(&stream.stop); i++) {
		snprintf(key, sizeof(key), "outage-%d", i);
		snprintf(body, sizeof(body),
			 "{\"applicant\":{\"name\":\"李四\"},\"channel\":"
			 "\"phone\",\"topic\":\"write %s\"}",
			 key);
		for (int tries = 0; tries < 2000; tries++) {
			struct http_request req = {.method = "POST",
						   .path = "/v1/inquiries",
						   .token = clerk1,
						   .body = body,
						   .idempotency_key = key};
			struct http_reply r;
			long status =
			    http_do(srv.url, &req, &r) == 0 ? r.status : 0;

			if (status == 201)
				atomic_fetch_add(&stream.acknowledged, 1);
			else if (status == 503)
				atomic_fetch_add(&stream.unavailable, 1);
			else if (status == 0)
				atomic_fetch_add(&stream.failed, 1);
			else if (atomic_fetch_add(&stream.other, 1) == 0)
				snprintf(stream.other_body,
					 sizeof(stream.other_body), "%ld %s",
					 status, r.body ? r.body : "");
			http_reply_release(&r);
			if (status == 201)
				break;
			usleep(20000);
		}
	}
	return NULL;
}

/* Wait (bounded) until *counter reaches n. */
static void wait_count(atomic_int *counter, int n, const char *what)
{
	for (long waited = 0; atomic_load(counter) < n;
	     waited += WAIT_STEP_US) {
		if (waited > WAIT_LIMIT_US)
			fail_msg("waited 60 s for %s (%d of %d)", what,
				 atomic_load(counter), n);
		usleep(WAIT_STEP_US);
	}
}

/* GET /v1/health: 200, and whether it says the database is connected. */
static bool health_connected(void)
{
	struct http_reply r;
	bool connected;

	assert_int_equal(http_get(srv.url, "/v1/health", NULL, &r), 0);
	assert_int_equal(r.status, 200);
	connected = json_is_true(
	    json_object_get(json_object_get(r.json, "database"), "connected"));
	http_reply_release(&r);
	return connected;
}

/* Every stored topic "write outage-N": counts[N] of each. */
static int stored_counts(int *counts, size_t n_counts)
{
	char path[160] = "/v1/inquiries?scope=all&limit=200";
	int stored = 0;

	for (;;) {
		struct http_reply r;
		const json_t *it;
		const char *cursor;
		size_t i;

		assert_int_equal(http_get(srv.url, path, admin, &r), 0);
		if (r.status != 200)
			fail_msg("GET %s: %ld %s", path, r.status, r.body);
		json_array_foreach(json_object_get(r.json, "items"), i, it)
		{
			int k = -1;

			if (sscanf(tj_str(it, "topic"), "write outage-%d",
				   &k) == 1 &&
			    k >= 0 && (size_t)k < n_counts)
				counts[k]++;
			stored++;
		}
		cursor = tj_str(r.json, "next_cursor");
		if (!cursor[0]) {
			http_reply_release(&r);
			return stored;
		}
		snprintf(path, sizeof(path),
			 "/v1/inquiries?scope=all&limit=200&cursor=%s", cursor);
		http_reply_release(&r);
	}
}

static void test_stop_and_start(void **state)
{
	static int counts[MAX_WRITES];
	pthread_t t;
	pid_t pid = srv.pid;
	int acknowledged, stored, lost = 0, duplicated = 0;
	bool down_connected;

	(void)state;
	pthread_create(&t, NULL, writer, NULL);
	wait_count(&stream.acknowledged, 20, "20 writes before the stop");

	assert_int_equal(pg_cluster_command("stop"), 0);
	wait_count(&stream.unavailable, 3, "503 answers while down");
	down_connected = health_connected();

	assert_int_equal(pg_cluster_command("start"), 0);
	acknowledged = atomic_load(&stream.acknowledged);
	wait_count(&stream.acknowledged, acknowledged + 20,
		   "20 writes after the start");
	atomic_store(&stream.stop, true);
	pthread_join(t, NULL);

	acknowledged = atomic_load(&stream.acknowledged);
	stored = stored_counts(counts, MAX_WRITES);
	for (int i = 0; i < acknowledged; i++) {
		lost += counts[i] == 0;
		duplicated += counts[i] > 1 ? counts[i] - 1 : 0;
	}
	print_message("# acknowledged %d, stored %d, lost %d, duplicated %d "
		      "(503 answers %d, cut connections %d, other %d)\n",
		      acknowledged, stored, lost, duplicated,
		      atomic_load(&stream.unavailable),
		      atomic_load(&stream.failed), atomic_load(&stream.other));
	if (atomic_load(&stream.other))
		fail_msg("an answer other than 201 or 503: %s",
			 stream.other_body);
	assert_false(down_connected);
	assert_true(health_connected());
	assert_int_equal(lost, 0);
	assert_int_equal(duplicated, 0);
	assert_int_equal(stored, acknowledged);
	/* Recovered by itself: the same process. */
	assert_int_equal(srv.pid, pid);
	assert_int_equal(kill(pid, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_stop_and_start, setup,
					    teardown),
	};

	if (pg_skip_all(1))
		return 0;
	curl_global_init(CURL_GLOBAL_ALL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
