/* test_offline_faults.c - issue 12's fault test through the real client
 * library (net/ with the encrypted journal, offline layer and replay)
 * against a real wincased that is killed with SIGKILL and started again
 * on the same port at random points, at least 20 times, during 1,000
 * mixed operations (inquiries registered and cases created) of two clerks,
 * each with a client, journal and local store of their own, taking turns.
 * Afterwards every operation a client showed as saved (the server's
 * answer, a local answer, or "queued" in the journal) is on the server
 * exactly once. Then the server is stopped for 200 more inquiries and
 * started: all replayed, none twice, in the order typed.
 *
 * Figures: "# operations N, kills K, lost L, duplicated D". Seed with
 * FAULT_SEED (default: the time). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../support/http.h"
#include "../support/server.h"
#include "wincase/localstore.h"
#include "wincase/net.h"
#include "wincase/net_case.h"
#include "wincase/net_offline.h"

#define OPS	 1000
#define TAIL_OPS 200
#define ITEM	 "000131104000"
#define CLERKS	 2

static const char *const clerk_names[CLERKS] = {"clerk1", "clerk2"};

struct fault_run {
	struct test_server srv;
	char listen[64];
	const char *args[4];
	struct net_client *net[CLERKS];
	struct localstore *store[CLERKS];
	char data[CLERKS][300];
	int kills;
	bool up;
	/* what the client showed as saved: the marker names */
	char (*saved)[32];
	size_t n_saved;
};

struct killer {
	pid_t pid;
	useconds_t delay;
	pthread_t thread;
};

static void *killer_run(void *arg)
{
	struct killer *k = arg;

	usleep(k->delay);
	kill(k->pid, SIGKILL);
	return NULL;
}

/* SIGKILL at a random moment within the next few milliseconds, while the
 * next operation may be on the wire (before, during or after the
 * server's commit). */
static void server_kill_start(struct fault_run *r, struct killer *k)
{
	k->pid = r->srv.pid;
	k->delay = (useconds_t)(rand() % 4000);
	assert_int_equal(pthread_create(&k->thread, NULL, killer_run, k), 0);
}

static void server_kill_end(struct fault_run *r, struct killer *k)
{
	int status;

	pthread_join(k->thread, NULL);
	waitpid(k->pid, &status, 0);
	r->srv.pid = 0;
	r->up = false;
	r->kills++;
}

static void server_up(struct fault_run *r)
{
	r->srv.extra_args = r->args;
	assert_int_equal(test_server_restart(&r->srv), 0);
	r->up = true;
}

static void saved_add(struct fault_run *r, const char *name)
{
	snprintf(r->saved[r->n_saved++], 32, "%s", name);
}

/* One inquiry for name; true when the client showed it saved. */
static bool op_inquiry(struct fault_run *r, int c, const char *name,
		       struct net_inquiry *out)
{
	char key[NET_IDEMPOTENCY_KEY_SIZE];
	struct net_inquiry_draft d = {
	    .applicant_name = name, .channel = "counter", .topic = "故障测试"};
	struct wc_error err = {0};
	int rc;

	net_idempotency_key_new(key);
	memset(out, 0, sizeof(*out));
	rc = net_inquiry_create(r->net[c], &d, key, out, &err);
	return rc == 0 || net_error_of(&err) == NET_ERR_QUEUED;
}

static bool op_case(struct fault_run *r, int c, const char *name)
{
	char key[NET_IDEMPOTENCY_KEY_SIZE];
	struct net_case_draft d = {.item_code = ITEM,
				   .scenario_id = "food_sales",
				   .applicant_name = name};
	struct net_case made = {0};
	struct wc_error err = {0};
	int rc;

	net_idempotency_key_new(key);
	rc = net_case_create(r->net[c], &d, key, &made, &err);
	net_case_release(&made);
	return rc == 0 || net_error_of(&err) == NET_ERR_QUEUED;
}

/* Every name on the server's lists (inquiries and cases of both clerks),
 * with how often it appears. */
static int count_name(json_t *names, const char *name)
{
	return (int)json_integer_value(json_object_get(names, name));
}

static void collect(const char *url, const char *token, const char *base,
		    const char *member, json_t *names)
{
	char path[512], cursor[256] = "";

	for (int page = 0; page < 100; page++) {
		struct http_reply rep = {0};
		const json_t *it;
		size_t i;

		snprintf(path, sizeof(path), "%s&limit=200%s%s", base,
			 cursor[0] ? "&cursor=" : "", cursor);
		assert_int_equal(http_get(url, path, token, &rep), 0);
		assert_int_equal(rep.status, 200);
		json_array_foreach(json_object_get(rep.json, "items"), i, it)
		{
			const char *n = json_string_value(json_object_get(
			    json_object_get(it, "applicant"), member));

			if (n)
				json_object_set_new(
				    names, n,
				    json_integer(count_name(names, n) + 1));
		}
		snprintf(cursor, sizeof(cursor), "%s",
			 tj_str(rep.json, "next_cursor"));
		http_reply_release(&rep);
		if (!cursor[0])
			break;
	}
}

static size_t waiting(const struct fault_run *r)
{
	size_t n = 0;

	for (int c = 0; c < CLERKS; c++)
		n += net_offline_pending(r->net[c]) -
		     net_offline_stopped(r->net[c]);
	return n;
}

static void replay_all(struct fault_run *r)
{
	struct wc_error err = {0};

	for (int i = 0; i < 50 && waiting(r) > 0; i++) {
		for (int c = 0; c < CLERKS; c++) {
			net_client_probe(r->net[c], &err);
			net_offline_replay(r->net[c], NULL, &err);
		}
		if (waiting(r) > 0)
			usleep(100000);
	}
}

static void login(struct fault_run *r, int c)
{
	struct net_user u = {0};
	struct wc_error err = {0};

	assert_int_equal(net_login(r->net[c], clerk_names[c], "demo-password-1",
				   NULL, &u, &err),
			 0);
	net_user_release(&u);
}

static void check(struct fault_run *r, size_t *lost, size_t *dup)
{
	json_t *names = json_object();

	for (int c = 0; c < CLERKS; c++) {
		char *token =
		    http_login(r->srv.url, clerk_names[c], "demo-password-1");

		assert_non_null(token);
		collect(r->srv.url, token, "/v1/inquiries?scope=mine", "name",
			names);
		collect(r->srv.url, token, "/v1/cases?scope=mine", "name",
			names);
		free(token);
	}
	*lost = *dup = 0;
	for (size_t i = 0; i < r->n_saved; i++) {
		int n = count_name(names, r->saved[i]);

		if (n == 0)
			(*lost)++;
		if (n > 1)
			(*dup)++;
	}
	json_decref(names);
}

static void test_faults(void **state)
{
	struct fault_run *r = calloc(1, sizeof(*r));
	struct net_options opt = {.connect_timeout_ms = 500,
				  .timeout_ms = 3000};
	struct journal_open_report rep;
	struct wc_error err = {0};
	struct item it = {0};
	const char *seed_env = getenv("FAULT_SEED");
	unsigned seed =
	    seed_env ? (unsigned)atoi(seed_env) : (unsigned)time(NULL);
	size_t lost, dup, before_tail;
	int next_kill, down_for = 0, ops = 0;

	(void)state;
	srand(seed);
	r->saved = calloc(OPS + TAIL_OPS, sizeof(*r->saved));
	assert_int_equal(test_server_start(&r->srv, true), 0);
	r->up = true;
	snprintf(r->listen, sizeof(r->listen), "127.0.0.1:%s",
		 strrchr(r->srv.url, ':') + 1);
	r->args[0] = "--listen";
	r->args[1] = r->listen;
	r->args[2] = "--seed-demo";
	opt.base_url = r->srv.url;
	for (int c = 0; c < CLERKS; c++) {
		r->net[c] = net_client_new(&opt, &err);
		assert_non_null(r->net[c]);
		snprintf(r->data[c], sizeof(r->data[c]), "%s/clientdata-%d",
			 r->srv.dir, c);
		login(r, c);
		assert_int_equal(
		    localstore_open(r->data[c], r->srv.url, clerk_names[c],
				    "demo-password-1", LOCALSTORE_CREATE,
				    &r->store[c], NULL, &err),
		    0);
		assert_int_equal(net_offline_attach(r->net[c], r->store[c],
						    c == 0 ? "1" : "2",
						    "未生效", &rep, &err),
				 0);
		/* the catalog item cached for cases created offline */
		assert_int_equal(net_item_get(r->net[c], ITEM, &it, &err), 0);
		item_release(&it);
	}
	next_kill = -1;
	for (ops = 0; ops < OPS; ops++) {
		char name[32];
		struct net_inquiry q = {0};
		struct killer k;
		bool killing = false;
		int kind = rand() % 10, c = ops % CLERKS;

		snprintf(name, sizeof(name), "故障%04d", ops);
		/* one kill at a random point of every 40 operations */
		if (ops % 40 == 0)
			next_kill = ops + rand() % 30;
		if (r->up && ops == next_kill) {
			server_kill_start(r, &k);
			killing = true;
			down_for = rand() % 10;
		} else if (!r->up && down_for-- <= 0) {
			server_up(r);
			replay_all(r);
		}
		if (kind < 7 ? op_inquiry(r, c, name, &q) : op_case(r, c, name))
			saved_add(r, name);
		net_inquiry_release(&q);
		if (killing)
			server_kill_end(r, &k);
		if (net_client_session_lost(r->net[c]))
			login(r, c);
	}
	if (!r->up)
		server_up(r);
	replay_all(r);
	assert_int_equal(waiting(r), 0);
	check(r, &lost, &dup);
	printf("# operations %d (%d clerks), saved %zu, server kills (SIGKILL) "
	       "%d, lost "
	       "%zu, duplicated %zu (FAULT_SEED=%u)\n",
	       ops, CLERKS, r->n_saved, r->kills, lost, dup, seed);
	assert_true(r->kills >= 20);
	assert_int_equal(lost, 0);
	assert_int_equal(dup, 0);

	/* The server stopped for 200 operations, then started. */
	before_tail = r->n_saved;
	test_server_stop_keep(&r->srv);
	r->up = false;
	for (int i = 0; i < TAIL_OPS; i++) {
		char name[32];
		struct net_inquiry q = {0};

		snprintf(name, sizeof(name), "停机%04d", i);
		if (op_inquiry(r, 0, name, &q))
			saved_add(r, name);
		net_inquiry_release(&q);
	}
	assert_int_equal(r->n_saved - before_tail, TAIL_OPS);
	assert_int_equal(net_offline_pending(r->net[0]), TAIL_OPS);
	server_up(r);
	replay_all(r);
	assert_int_equal(waiting(r), 0);
	check(r, &lost, &dup);
	/* order kept: the server numbered them as they were typed */
	{
		char *token =
		    http_login(r->srv.url, "clerk1", "demo-password-1");
		struct http_reply rep = {0};
		const json_t *q;
		size_t i;
		long long last = -1;
		bool ordered = true;

		assert_int_equal(http_get(r->srv.url,
					  "/v1/inquiries?scope=mine&limit=200",
					  token, &rep),
				 0);
		/* newest first: the 停机 ones by id, descending by name */
		json_array_foreach(json_object_get(rep.json, "items"), i, q)
		{
			const char *n = json_string_value(json_object_get(
			    json_object_get(q, "applicant"), "name"));
			long long id = tj_num(q, "id");

			if (!n || strncmp(n, "停机", strlen("停机")) != 0)
				continue;
			if (last >= 0 && atoll(n + strlen("停机")) > last)
				ordered = false;
			last = atoll(n + strlen("停机"));
			(void)id;
		}
		http_reply_release(&rep);
		free(token);
		printf("# server stopped for %d operations: replayed %d, lost "
		       "%zu, duplicated %zu, order %s\n",
		       TAIL_OPS, TAIL_OPS, lost, dup,
		       ordered ? "kept" : "BROKEN");
		assert_true(ordered);
	}
	assert_int_equal(lost, 0);
	assert_int_equal(dup, 0);
	for (int c = 0; c < CLERKS; c++) {
		net_offline_detach(r->net[c]);
		net_client_free(&r->net[c]);
		localstore_close(&r->store[c]);
	}
	test_server_stop(&r->srv);
	free(r->saved);
	free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_faults),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
