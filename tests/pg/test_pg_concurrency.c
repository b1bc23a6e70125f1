/* test_pg_concurrency.c - two wincased instances on one PostgreSQL
 * database (issue 10): 8 clients register inquiries, open cases, issue
 * one-time notices and accept tolerantly against commitments, all on the
 * same day, through both instances, each write sent to one instance and
 * retried with the same Idempotency-Key on the other (the inquiries at
 * the same moment on both). Then: every number (SW, SL, GZ, CN) unique and
 * gap-free from 1, no duplicate record, the audit chain verifies on both
 * instances, and one scheduler run per tick: the clock moved on both at
 * once breaches each commitment exactly once. Prints requests per second.
 * Skipped without WINCASE_TEST_DB (tests/support/pg_pass.sh sets it). */
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

#include "../support/http.h"
#include "../support/logins.h"
#include "../support/pg_pair.h"
#include "../support/server.h"

#define WORKERS	   8
#define ROUNDS	   4
#define TOTAL	   (WORKERS * ROUNDS)
#define DAY_PREFIX "-20261102-"

enum kind { K_INQUIRY, K_CASE, K_NOTICE, K_COMMITMENT, N_KINDS };

static const char *const kind_prefix[N_KINDS] = {"SW", "SL", "GZ", "CN"};

static struct pg_pair pair;

struct worker {
	int id;
	char *token;
	char no[N_KINDS][ROUNDS][24];
	int requests;
	char error[512]; /* the first failure, "" when none */
};

struct send {
	const char *url, *token, *method, *path, *body, *key, *if_match;
	struct http_reply reply;
	int rc;
};

static void *send_thread(void *arg)
{
	struct send *s = arg;
	struct http_request req = {.method = s->method,
				   .path = s->path,
				   .token = s->token,
				   .body = s->body,
				   .idempotency_key = s->key,
				   .if_match = s->if_match};

	s->rc = http_do(s->url, &req, &s->reply);
	return NULL;
}

static void fail_once(struct worker *w, const char *what,
		      const struct http_reply *r)
{
	if (!w->error[0])
		snprintf(w->error, sizeof(w->error),
			 "worker %d: %s: %ld %.300s", w->id, what,
			 r ? r->status : -1L, r && r->body ? r->body : "");
}

/* One write with key on instance `first`, and the same retried on the
 * other (at once when together): both answers must be the same record.
 * *out is the first answer (the caller releases it). */
static bool send_twice(struct worker *w, int first, bool together,
		       const char *method, const char *path, const char *body,
		       const char *key, const char *if_match, long want,
		       const char *field, struct http_reply *out)
{
	struct send a = {pair.srv[first].url,
			 w->token,
			 method,
			 path,
			 body,
			 key,
			 if_match,
			 {0},
			 0};
	struct send b = a;
	pthread_t t;
	bool ok;

	b.url = pair.srv[1 - first].url;
	if (together) {
		pthread_create(&t, NULL, send_thread, &b);
		send_thread(&a);
		pthread_join(t, NULL);
	} else {
		send_thread(&a);
		send_thread(&b);
	}
	w->requests += 2;
	ok = a.rc == 0 && b.rc == 0 && a.reply.status == want &&
	     b.reply.status == want &&
	     strcmp(tj_str(a.reply.json, field), tj_str(b.reply.json, field)) ==
		 0 &&
	     tj_str(a.reply.json, field)[0];
	if (!ok && (a.rc != 0 || a.reply.status != want))
		fail_once(w, path, &a.reply);
	else if (!ok)
		fail_once(w, "the retry on the other instance", &b.reply);
	http_reply_release(&b.reply);
	*out = a.reply;
	return ok;
}

/* One round: inquiry, case, checklist, notice, tolerant acceptance. */
static void worker_round(struct worker *w, int round)
{
	int first = (w->id + round) % 2;
	char key[48], path[96], if_match[64];
	struct http_reply r;
	long long id;
	char *body;

#define KEY(kind)                                                              \
	(snprintf(key, sizeof(key), "w%d-r%d-%s", w->id, round, kind), key)
	if (!send_twice(w, first, true, "POST", "/v1/inquiries",
			"{\"applicant\":{\"name\":\"张三\"},\"channel\":"
			"\"counter\",\"topic\":\"开餐馆要什么材料\"}",
			KEY("inquiry"), NULL, 201, "no", &r))
		goto out;
	snprintf(w->no[K_INQUIRY][round], 24, "%s", tj_str(r.json, "no"));
	http_reply_release(&r);
	if (!send_twice(w, first, false, "POST", "/v1/cases",
			"{\"item_code\":\"000131104000\",\"scenario_id\":"
			"\"food_sales\",\"applicant\":{\"name\":\"张三\","
			"\"id_type\":\"resident_id\",\"id_no\":\"" PG_VALID_ID
			"\"}}",
			KEY("case"), NULL, 201, "no", &r))
		goto out;
	snprintf(w->no[K_CASE][round], 24, "%s", tj_str(r.json, "no"));
	id = tj_num(r.json, "id");
	body = pg_checklist_body(r.json);
	snprintf(path, sizeof(path), "/v1/cases/%lld/checklist", id);
	snprintf(if_match, sizeof(if_match), "%s", r.etag);
	http_reply_release(&r);
	{
		struct send s = {pair.srv[1 - first].url,
				 w->token,
				 "PUT",
				 path,
				 body,
				 NULL,
				 if_match,
				 {0},
				 0};

		send_thread(&s);
		w->requests++;
		free(body);
		r = s.reply;
		if (s.rc != 0 || r.status != 200) {
			fail_once(w, "checklist", &r);
			goto out;
		}
		snprintf(if_match, sizeof(if_match), "%s", r.etag);
		http_reply_release(&r);
	}
	snprintf(path, sizeof(path), "/v1/cases/%lld/notices", id);
	if (!send_twice(w, first, false, "POST", path, "{}", KEY("notice"),
			if_match, 201, "no", &r))
		goto out;
	snprintf(w->no[K_NOTICE][round], 24, "%s", tj_str(r.json, "no"));
	snprintf(if_match, sizeof(if_match), "%s", r.etag);
	http_reply_release(&r);
	snprintf(path, sizeof(path), "/v1/cases/%lld/accept", id);
	if (!send_twice(w, 1 - first, false, "POST", path,
			"{\"mode\":\"tolerant\",\"commitment\":{"
			"\"deadline_days\":5,\"applicant_confirmation\":"
			"\"张三\"}}",
			KEY("accept"), if_match, 200, "status", &r))
		goto out;
	snprintf(w->no[K_COMMITMENT][round], 24, "%s",
		 tj_str(json_object_get(r.json, "commitment"), "no"));
#undef KEY
out:
	http_reply_release(&r);
}

static void *worker_run(void *arg)
{
	struct worker *w = arg;

	for (int round = 0; round < ROUNDS && !w->error[0]; round++)
		worker_round(w, round);
	return NULL;
}

/* Every number of kind is PREFIX-20261102-0001 .. TOTAL, each once. */
static void assert_numbers(struct worker *ws, enum kind k)
{
	bool seen[TOTAL + 1] = {false};
	char prefix[32];

	snprintf(prefix, sizeof(prefix), "%s" DAY_PREFIX, kind_prefix[k]);
	for (int i = 0; i < WORKERS; i++)
		for (int round = 0; round < ROUNDS; round++) {
			const char *no = ws[i].no[k][round];
			long n;

			if (strncmp(no, prefix, strlen(prefix)) != 0)
				fail_msg("%s: number %s", kind_prefix[k], no);
			n = strtol(no + strlen(prefix), NULL, 10);
			if (n < 1 || n > TOTAL || seen[n])
				fail_msg("%s: %s out of 1..%d or twice",
					 kind_prefix[k], no, TOTAL);
			seen[n] = true;
		}
}

static size_t list_count(const char *url, const char *token, const char *path)
{
	struct http_reply r;
	size_t n;

	assert_int_equal(http_get(url, path, token, &r), 0);
	if (r.status != 200)
		fail_msg("GET %s: %ld %s", path, r.status, r.body);
	n = json_array_size(json_object_get(r.json, "items"));
	http_reply_release(&r);
	return n;
}

/* A column of GET /v1/stats for 2026, summed over the windows: the
 * aggregates the row triggers kept (schema step 14) while both instances
 * wrote. */
static long long stats_total(const char *url, const char *token,
			     const char *column)
{
	struct http_reply r;
	const json_t *row;
	long long n = 0;
	size_t i;

	assert_int_equal(http_get(url,
				  "/v1/stats?from=2026-01-01&to=2026-12-31"
				  "&group_by=window",
				  token, &r),
			 0);
	if (r.status != 200)
		fail_msg("GET /v1/stats: %ld %s", r.status, r.body);
	json_array_foreach(json_object_get(r.json, "items"), i, row) n +=
	    (long long)json_integer_value(json_object_get(row, column));
	http_reply_release(&r);
	return n;
}

static void assert_chain(const char *url, const char *admin)
{
	struct http_reply r;

	assert_int_equal(http_get(url, "/v1/audit/verify", admin, &r), 0);
	if (r.status != 200 || !json_is_true(json_object_get(r.json, "ok")))
		fail_msg("audit verify on %s: %ld %s", url, r.status, r.body);
	http_reply_release(&r);
}

struct tick {
	const char *url;
	char *admin;
	long long breached;
	long status;
};

static void *tick_thread(void *arg)
{
	struct tick *t = arg;
	struct http_reply r;

	t->status =
	    http_send_json(t->url, "PUT", "/v1/admin/clock", t->admin,
			   "{\"now\":\"2026-11-10T09:00:00+08:00\"}", &r) == 0
		? r.status
		: -1;
	t->breached = tj_num(json_object_get(r.json, "scheduler"), "breached");
	http_reply_release(&r);
	return NULL;
}

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_two_instances(void **state)
{
	static struct worker ws[WORKERS];
	pthread_t threads[WORKERS];
	struct tick ticks[2];
	pthread_t tick_threads[2];
	char *admin = http_login(pair.srv[0].url, "admin1", TEST_PASSWORD);
	double start, took;
	int requests = 0;

	(void)state;
	assert_non_null(admin);
	for (int i = 0; i < WORKERS; i++) {
		ws[i].id = i;
		/* Sessions live in the database: a token from one instance
		 * works on the other. */
		ws[i].token =
		    http_login(pair.srv[i % 2].url, "clerk1", TEST_PASSWORD);
		assert_non_null(ws[i].token);
	}
	start = seconds_now();
	for (int i = 0; i < WORKERS; i++)
		pthread_create(&threads[i], NULL, worker_run, &ws[i]);
	for (int i = 0; i < WORKERS; i++)
		pthread_join(threads[i], NULL);
	took = seconds_now() - start;
	for (int i = 0; i < WORKERS; i++) {
		if (ws[i].error[0])
			fail_msg("%s", ws[i].error);
		requests += ws[i].requests;
	}
	print_message("# %d requests by %d clients through 2 instances in "
		      "%.2f s: %.0f requests/s\n",
		      requests, WORKERS, took, requests / took);
	for (enum kind k = 0; k < N_KINDS; k++)
		assert_numbers(ws, k);
	/* No duplicate records behind the replays. */
	assert_int_equal(list_count(pair.srv[1].url, admin,
				    "/v1/inquiries?scope=all&limit=200"),
			 TOTAL);
	assert_int_equal(
	    list_count(pair.srv[0].url, admin, "/v1/cases?scope=all&limit=200"),
	    TOTAL);
	assert_chain(pair.srv[0].url, admin);
	assert_chain(pair.srv[1].url, admin);
	/* Each counted once in the statistics. */
	assert_int_equal(stats_total(pair.srv[0].url, admin, "inquiries"),
			 TOTAL);
	assert_int_equal(stats_total(pair.srv[1].url, admin, "cases"), TOTAL);
	assert_int_equal(stats_total(pair.srv[0].url, admin, "notices"), TOTAL);
	assert_int_equal(stats_total(pair.srv[1].url, admin, "tolerant"),
			 TOTAL);

	/* One scheduler run per tick: both instances told the same time at
	 * once; every commitment (due 11-09) breached once, in all. The
	 * clock is shared, so first near it, and a session of then. */
	assert_int_equal(
	    http_set_clock(pair.srv[0].url, "2026-11-09T23:00:00+08:00"), 200);
	free(admin);
	admin = http_login(pair.srv[0].url, "admin1", TEST_PASSWORD);
	assert_non_null(admin);
	for (int i = 0; i < 2; i++) {
		ticks[i] = (struct tick){pair.srv[i].url, admin, 0, 0};
		pthread_create(&tick_threads[i], NULL, tick_thread, &ticks[i]);
	}
	for (int i = 0; i < 2; i++)
		pthread_join(tick_threads[i], NULL);
	assert_int_equal(ticks[0].status, 200);
	assert_int_equal(ticks[1].status, 200);
	print_message("# the tick: %lld breached by instance 1, %lld by "
		      "instance 2\n",
		      ticks[0].breached, ticks[1].breached);
	/* Runs are serialised: one did the work, the other found none. */
	assert_int_equal(ticks[0].breached + ticks[1].breached, TOTAL);
	assert_true(ticks[0].breached == 0 || ticks[1].breached == 0);
	assert_int_equal(list_count(pair.srv[1].url, admin,
				    "/v1/review/queue?kind=breach&limit=200"),
			 TOTAL);
	assert_int_equal(stats_total(pair.srv[0].url, admin, "breached"),
			 TOTAL);
	/* One credit entry per breach, none twice. */
	{
		struct http_reply r;

		assert_int_equal(
		    http_get(pair.srv[0].url,
			     "/v1/applicants/"
			     "credit?id_type=resident_id&id_no=" PG_VALID_ID,
			     admin, &r),
		    0);
		assert_int_equal(r.status, 200);
		assert_int_equal(tj_num(r.json, "breached"), TOTAL);
		http_reply_release(&r);
	}
	assert_chain(pair.srv[1].url, admin);
	free(admin);
	for (int i = 0; i < WORKERS; i++)
		free(ws[i].token);
}

static int setup(void **state)
{
	(void)state;
	return pg_pair_start(&pair);
}

static int teardown(void **state)
{
	(void)state;
	return pg_pair_stop(&pair);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_two_instances, setup,
					    teardown),
	};

	if (pg_skip_all(1))
		return 0;
	curl_global_init(CURL_GLOBAL_ALL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
