/* test_api_crash.c - crash safety (DESIGN.md 6: nothing acknowledged is
 * ever lost). A client registers a stream of inquiries, retrying each with
 * the same Idempotency-Key until it gets an answer, while wincased is
 * killed with SIGKILL at points in the stream and restarted on the same
 * database. Afterwards every inquiry is there exactly once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "../support/http.h"
#include "../support/server.h"

#define PASSWORD     "demo-password-1"
#define N_WRITES     60
#define KILL_EVERY   8	 /* acknowledged writes between two kills */
#define MAX_ATTEMPTS 400 /* per write: bounded retries */
#define TOPIC_PREFIX "crash-topic-"

static struct test_server srv;

/* Shared between the client loop and the killer thread. */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	int acked;    /* writes acknowledged so far */
	int kills;    /* SIGKILLs sent */
	bool done;    /* the client finished */
	pid_t victim; /* the server's current pid, 0 while restarting */
} shared = {.lock = PTHREAD_MUTEX_INITIALIZER,
	    .changed = PTHREAD_COND_INITIALIZER};

/* Kill the server as soon as the client has KILL_EVERY more answers, so
 * the kill lands while the next write is on its way (or in the server). */
static void *killer_main(void *arg)
{
	int next = KILL_EVERY;

	(void)arg;
	pthread_mutex_lock(&shared.lock);
	while (!shared.done) {
		if (shared.acked >= next && shared.victim > 0) {
			kill(shared.victim, SIGKILL);
			shared.victim = 0;
			shared.kills++;
			next = shared.acked + KILL_EVERY;
			continue;
		}
		pthread_cond_wait(&shared.changed, &shared.lock);
	}
	pthread_mutex_unlock(&shared.lock);
	return NULL;
}

/* After a failed call: if the killer has killed the current server, reap
 * it (SIGKILL is on its way, so the wait ends) and start it again on the
 * same database. A server that died without being killed fails the test. */
static void restart_if_killed(void)
{
	int status;
	bool killed;

	pthread_mutex_lock(&shared.lock);
	killed = shared.victim == 0;
	pthread_mutex_unlock(&shared.lock);
	if (!killed) {
		if (waitpid(srv.pid, &status, WNOHANG) == srv.pid)
			fail_msg("wincased died without being killed");
		return;
	}
	assert_int_equal(waitpid(srv.pid, &status, 0), srv.pid);
	srv.pid = 0;
	assert_int_equal(test_server_restart(&srv), 0);
	pthread_mutex_lock(&shared.lock);
	shared.victim = srv.pid;
	pthread_cond_broadcast(&shared.changed);
	pthread_mutex_unlock(&shared.lock);
}

/* POST one inquiry until an answer arrives; returns how many attempts. */
static int write_one(const char *token, int i)
{
	char body[160], key[32];
	struct http_request req = {.method = "POST",
				   .path = "/v1/inquiries",
				   .token = token,
				   .body = body,
				   .idempotency_key = key};
	struct http_reply r;
	int attempt;

	snprintf(body, sizeof(body),
		 "{\"applicant\":{\"name\":\"压力测试\"},"
		 "\"topic\":\"" TOPIC_PREFIX "%03d\"}",
		 i);
	snprintf(key, sizeof(key), "crash-key-%03d", i);
	for (attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
		int rc = http_do(srv.url, &req, &r);
		long status = r.status;

		http_reply_release(&r);
		if (rc == 0 && status == 201)
			return attempt;
		/* A connection refused or cut: the server is down. */
		if (rc == 0 && status != 201 && status < 500)
			fail_msg("write %d: status %ld", i, status);
		restart_if_killed();
	}
	fail_msg("write %d: no answer after %d attempts", i, MAX_ATTEMPTS);
	return -1;
}

/* Topic counts over every inquiry, read page by page. */
static void count_topics(const char *token, int counts[N_WRITES], int *others)
{
	char path[128], cursor[32] = "";
	int pages = 0;

	memset(counts, 0, sizeof(int) * N_WRITES);
	*others = 0;
	do {
		struct http_reply r;
		const json_t *items, *it, *next;
		size_t k;

		snprintf(path, sizeof(path),
			 "/v1/inquiries?scope=all&limit=25%s%s",
			 cursor[0] ? "&cursor=" : "", cursor);
		assert_int_equal(http_get(srv.url, path, token, &r), 0);
		assert_int_equal(r.status, 200);
		items = json_object_get(r.json, "items");
		json_array_foreach(items, k, it)
		{
			const char *topic =
			    json_string_value(json_object_get(it, "topic"));
			int n;

			if (topic &&
			    strncmp(topic, TOPIC_PREFIX,
				    strlen(TOPIC_PREFIX)) == 0 &&
			    (n = atoi(topic + strlen(TOPIC_PREFIX))) >= 0 &&
			    n < N_WRITES)
				counts[n]++;
			else
				(*others)++;
		}
		next = json_object_get(r.json, "next_cursor");
		snprintf(cursor, sizeof(cursor), "%s",
			 json_is_string(next) ? json_string_value(next) : "");
		http_reply_release(&r);
	} while (cursor[0] && ++pages < 100);
}

static void test_crash_stream(void **state)
{
	char *clerk, *reviewer;
	pthread_t killer;
	int counts[N_WRITES], others, retried = 0;

	(void)state;
	clerk = http_login(srv.url, "clerk1", PASSWORD);
	reviewer = http_login(srv.url, "reviewer1", PASSWORD);
	assert_non_null(clerk);
	assert_non_null(reviewer);
	shared.victim = srv.pid;
	assert_int_equal(pthread_create(&killer, NULL, killer_main, NULL), 0);
	for (int i = 0; i < N_WRITES; i++) {
		int attempts = write_one(clerk, i);

		retried += attempts > 1;
		pthread_mutex_lock(&shared.lock);
		shared.acked++;
		pthread_cond_broadcast(&shared.changed);
		pthread_mutex_unlock(&shared.lock);
	}
	pthread_mutex_lock(&shared.lock);
	shared.done = true;
	pthread_cond_broadcast(&shared.changed);
	pthread_mutex_unlock(&shared.lock);
	pthread_join(killer, NULL);
	/* The last kill may still be landing: settle on a live server. */
	restart_if_killed();
	print_message("# %d kills, %d writes needed a retry\n", shared.kills,
		      retried);
	assert_true(shared.kills >= N_WRITES / KILL_EVERY - 1);
	/* Sessions are in the store: the tokens survive the restarts. */
	count_topics(reviewer, counts, &others);
	for (int i = 0; i < N_WRITES; i++)
		if (counts[i] != 1)
			fail_msg("inquiry %d is there %d times", i, counts[i]);
	assert_int_equal(others, 0);
	free(clerk);
	free(reviewer);
}

/* A replayed write after a restart answers the first answer. */
static void test_crash_replay_after_restart(void **state)
{
	static const char body[] =
	    "{\"applicant\":{\"name\":\"重放\"},\"topic\":\"replay-after\"}";
	char *clerk = http_login(srv.url, "clerk1", PASSWORD);
	struct http_request req = {.method = "POST",
				   .path = "/v1/inquiries",
				   .body = body,
				   .idempotency_key = "replay-after-kill"};
	struct http_reply first, again;
	int status;

	(void)state;
	assert_non_null(clerk);
	req.token = clerk;
	assert_int_equal(http_do(srv.url, &req, &first), 0);
	assert_int_equal(first.status, 201);
	assert_false(first.replayed);
	kill(srv.pid, SIGKILL);
	assert_int_equal(waitpid(srv.pid, &status, 0), srv.pid);
	srv.pid = 0;
	assert_int_equal(test_server_restart(&srv), 0);
	assert_int_equal(http_do(srv.url, &req, &again), 0);
	assert_int_equal(again.status, 201);
	assert_true(again.replayed);
	assert_string_equal(first.body, again.body);
	http_reply_release(&first);
	http_reply_release(&again);
	free(clerk);
}

static int setup(void **state)
{
	(void)state;
	return test_server_start(&srv, true);
}

static int teardown(void **state)
{
	(void)state;
	return test_server_stop(&srv) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_crash_stream),
	    cmocka_unit_test(test_crash_replay_after_restart),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
