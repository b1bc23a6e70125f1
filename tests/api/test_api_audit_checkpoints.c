/* test_api_audit_checkpoints.c - signed checkpoints of the audit chain's
 * head: made every N entries, after a quiet interval
 * and at shutdown, stored and appended to the checkpoint file; the newest
 * in GET /v1/audit/verify; `wincased audit-head`; and what plain hashing
 * could not show: the newest rows deleted ("entries after seq N are
 * missing") and rows rewritten with every later hash recomputed ("the
 * chain was rewritten from seq N"), with the store's checkpoint rows gone
 * too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <sodium.h>

#include "../support/command.h"
#include "../support/http.h"
#include "../support/logins.h"
#include "../support/server.h"
#include "../support/test_db.h"

static struct test_server srv;

static void start(const char *config)
{
	assert_int_equal(test_server_start_config(&srv, true, config), 0);
}

static void login_times(const char *user, int n)
{
	for (int i = 0; i < n; i++) {
		char *token = http_login(srv.url, user, TEST_PASSWORD);

		assert_non_null(token);
		free(token);
	}
}

static json_t *verify_api(void)
{
	char *token = http_login(srv.url, "reviewer1", TEST_PASSWORD);
	struct http_reply r;
	json_t *v;

	assert_non_null(token);
	assert_int_equal(http_get(srv.url, "/v1/audit/verify", token, &r), 0);
	assert_int_equal(r.status, 200);
	v = json_incref(r.json);
	http_reply_release(&r);
	free(token);
	return v;
}

static void exec_sql(const char *sql)
{
	assert_int_equal(test_db_exec(&srv, sql, 0, NULL, NULL), 0);
}

static long long max_seq(void)
{
	long long n = 0;

	assert_int_equal(test_db_int(&srv, "SELECT max(seq) FROM audit", &n),
			 0);
	return n;
}

/* A wincased verb on the test's database: exit status, output in out. */
static int verb(const char *name, char *out, size_t size)
{
	char *argv[8] = {getenv("WINCASED_BIN"), (char *)name};

	test_server_db_argv(&srv, argv + 2);
	return test_run_command(argv, NULL, out, size);
}

/* The checkpoint file's last line, parsed. */
static json_t *last_file_line(void)
{
	char path[320], line[2048], last[2048] = "";
	FILE *f;

	snprintf(path, sizeof(path), "%s/wincased.db.checkpoints", srv.dir);
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f))
		snprintf(last, sizeof(last), "%s", line);
	fclose(f);
	return json_loads(last, 0, NULL);
}

/* The signed text (audit.h) checked with the public key of the data
 * folder's seed. */
static bool signature_ok(const json_t *cp)
{
	unsigned char seed[32], pk[32], sk[64], sig[64];
	char path[320], text[512];
	size_t sig_len = 0;
	const char *b64 = tj_str(cp, "signature");
	FILE *f;

	snprintf(path, sizeof(path), "%s/wincased.key", srv.dir);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(seed, 1, 32, f), 32);
	fclose(f);
	crypto_sign_seed_keypair(pk, sk, seed);
	snprintf(text, sizeof(text),
		 "wincase audit checkpoint v1\nseq=%lld\nentries=%lld\n"
		 "hash=%s\nat=%lld\nreason=%s\n",
		 tj_num(cp, "seq"), tj_num(cp, "entries"), tj_str(cp, "hash"),
		 tj_num(cp, "at_unix"), tj_str(cp, "reason"));
	if (sodium_base642bin(sig, sizeof(sig), b64, strlen(b64), NULL,
			      &sig_len, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    sig_len != 64)
		return false;
	return crypto_sign_verify_detached(sig, (unsigned char *)text,
					   strlen(text), pk) == 0;
}

/* Every 4 entries one in the appending transaction; at stop one of the
 * final head; both in the file; the newest in the verify answer. */
static void test_every_n_and_at_shutdown(void **state)
{
	json_t *v, *cp, *line;
	char out[2048], want[64];
	long long n;

	(void)state;
	start("audit_checkpoint_entries = 4\n");
	login_times("clerk1", 9);
	v = verify_api();
	assert_true(json_is_true(json_object_get(v, "ok")));
	cp = json_object_get(v, "checkpoint");
	assert_true(json_is_object(cp));
	assert_string_equal(tj_str(cp, "reason"), "entries");
	assert_int_equal(tj_num(cp, "seq") % 4, 0);
	assert_true(tj_num(cp, "seq") >= 8);
	assert_true(signature_ok(cp));
	assert_true(strlen(tj_str(cp, "at")) > 0);
	json_decref(v);
	assert_int_equal(test_server_stop_keep(&srv), 0);

	n = max_seq();
	line = last_file_line();
	assert_non_null(line);
	assert_string_equal(tj_str(line, "reason"), "shutdown");
	assert_int_equal(tj_num(line, "seq"), n);
	assert_int_equal(tj_num(line, "entries"), n);
	assert_true(signature_ok(line));
	json_decref(line);

	snprintf(want, sizeof(want), "ok %lld entries\n", n);
	assert_int_equal(verb("audit-verify", out, sizeof(out)), 0);
	assert_string_equal(out, want);
	/* audit-head: the signed head (audit-verify's own entry included). */
	assert_int_equal(verb("audit-head", out, sizeof(out)), 0);
	line = json_loads(out, 0, NULL);
	assert_non_null(line);
	assert_int_equal(tj_num(line, "seq"), max_seq());
	assert_true(signature_ok(line));
	json_decref(line);
	test_server_stop(&srv);
}

/* Deleting the newest rows, and the store's checkpoints after them,
 * verified "ok" before; the checkpoint file still knows the head. */
static void test_newest_rows_deleted(void **state)
{
	char out[2048], want[128], sql[256];
	long long n;
	json_t *v;

	(void)state;
	start("audit_checkpoint_entries = 4\n");
	login_times("clerk1", 10);
	assert_int_equal(test_server_stop_keep(&srv), 0);
	n = max_seq();
	snprintf(sql, sizeof(sql),
		 "DELETE FROM audit WHERE seq > %lld;"
		 "DELETE FROM audit_checkpoints WHERE seq > %lld;",
		 n - 3, n - 3);
	exec_sql(sql);
	assert_int_equal(verb("audit-verify", out, sizeof(out)), 1);
	print_message("# after deleting the newest 3 of %lld: %s", n, out);
	snprintf(want, sizeof(want), "entries after seq %lld are missing",
		 n - 3);
	assert_non_null(strstr(out, want));

	/* The restarted server says so too (after audit-verify's own entry
	 * and the login's). */
	assert_int_equal(test_server_restart(&srv), 0);
	v = verify_api();
	assert_true(json_is_false(json_object_get(v, "ok")));
	assert_int_equal(tj_num(v, "missing_after"), n - 1);
	json_decref(v);
	test_server_stop(&srv);
}

/* Entry seq's hash as audit.c computes it. */
static void entry_hash(long long seq, long long at, const char *actor,
		       const char *action, const char *entity, const char *data,
		       const char *prev, char out[65])
{
	json_t *d = json_loads(data, 0, NULL);
	json_t *o = json_pack("{sI sI ss ss ss so}", "seq", (json_int_t)seq,
			      "at", (json_int_t)at, "actor", actor, "action",
			      action, "entity", entity, "data", d);
	char *text = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	unsigned char h[32];
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)prev,
				  strlen(prev));
	crypto_generichash_update(&st, (const unsigned char *)"\n", 1);
	crypto_generichash_update(&st, (const unsigned char *)text,
				  strlen(text));
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(out, 65, h, sizeof(h));
	free(text);
	json_decref(o);
}

/* The entries read back for rewrite_from. */
struct entries {
	size_t n;
	char *rows[64][7]; /* seq, at, actor, action, entity, data, prev */
};

static int entry_row(void *ctx, int ncols, const char *const *vals)
{
	struct entries *e = ctx;

	assert_int_equal(ncols, 7);
	assert_true(e->n < 64);
	for (int i = 0; i < 7; i++)
		e->rows[e->n][i] = strdup(vals[i] ? vals[i] : "");
	e->n++;
	return 0;
}

/* Rewrite entry `from` (its data) and recompute every later hash, so the
 * chain itself is consistent again. */
static void rewrite_from(long long from)
{
	char sql[160], prev[65] = "";
	struct entries e = {0};

	snprintf(sql, sizeof(sql),
		 "SELECT seq, at, actor, action, entity, data, prev_hash"
		 " FROM audit WHERE seq >= %lld ORDER BY seq",
		 from);
	assert_int_equal(test_db_rows(&srv, sql, entry_row, &e), 0);
	for (size_t i = 0; i < e.n; i++) {
		char **row = e.rows[i];
		long long seq = atoll(row[0]);
		const char *data = seq == from ? "{\"window\":\"9\"}" : row[5];
		char hash[65];
		const char *params[4];

		if (!prev[0])
			snprintf(prev, sizeof(prev), "%s", row[6]);
		entry_hash(seq, atoll(row[1]), row[2], row[3], row[4], data,
			   prev, hash);
		params[0] = data;
		params[1] = prev;
		params[2] = hash;
		params[3] = row[0];
		assert_int_equal(test_db_exec(&srv,
					      "UPDATE audit SET data = $1,"
					      " prev_hash = $2, hash = $3"
					      " WHERE seq = $4",
					      4, params, NULL),
				 0);
		snprintf(prev, sizeof(prev), "%s", hash);
	}
	for (size_t i = 0; i < e.n; i++)
		for (int k = 0; k < 7; k++)
			free(e.rows[i][k]);
}

static void test_rows_rewritten(void **state)
{
	char out[2048];

	(void)state;
	start("audit_checkpoint_entries = 4\n");
	login_times("clerk1", 10);
	assert_int_equal(test_server_stop_keep(&srv), 0);
	/* Checkpoints at 4 and 8 (and the head): 6 rewritten, 4 still
	 * matches, 8 no longer. The store's checkpoints are removed too. */
	rewrite_from(6);
	exec_sql("DELETE FROM audit_checkpoints;");
	assert_int_equal(verb("audit-verify", out, sizeof(out)), 1);
	print_message("# after rewriting seq 6 on: %s", out);
	assert_non_null(strstr(out, "the chain was rewritten from seq 5"));
	assert_non_null(strstr(out, "no longer in the store"));
	test_server_stop(&srv);
}

/* A checkpoint line not signed with the key is found out. */
static void test_forged_checkpoint(void **state)
{
	char out[2048], path[320];
	FILE *f;

	(void)state;
	start("audit_checkpoint_entries = 4\n");
	login_times("clerk1", 5);
	assert_int_equal(test_server_stop_keep(&srv), 0);
	snprintf(path, sizeof(path), "%s/wincased.db.checkpoints", srv.dir);
	f = fopen(path, "a");
	assert_non_null(f);
	fputs("{\"at\":\"x\",\"at_unix\":1,\"entries\":2,\"hash\":\"00\","
	      "\"reason\":\"entries\",\"seq\":2,\"signature\":\"AAAA\"}\n",
	      f);
	fclose(f);
	assert_int_equal(verb("audit-verify", out, sizeof(out)), 1);
	assert_non_null(strstr(out, "1 checkpoints have a bad signature"));
	test_server_stop(&srv);
}

/* With no new checkpoint for audit_checkpoint_seconds, the thread signs
 * the head (bounded wait on the real clock: 1 s interval). */
static void test_after_quiet_interval(void **state)
{
	struct timespec t0, t;
	json_t *v;
	bool found = false;

	(void)state;
	start("audit_checkpoint_entries = 1000\n"
	      "audit_checkpoint_seconds = 1\n");
	login_times("clerk1", 3);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		const json_t *cp;

		v = verify_api();
		cp = json_object_get(v, "checkpoint");
		found = json_is_object(cp) &&
			strcmp(tj_str(cp, "reason"), "time") == 0;
		json_decref(v);
		if (!found)
			nanosleep(&(struct timespec){0, 200000000}, NULL);
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (!found && t.tv_sec - t0.tv_sec < 15);
	assert_true(found);
	test_server_stop(&srv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_n_and_at_shutdown),
	    cmocka_unit_test(test_newest_rows_deleted),
	    cmocka_unit_test(test_rows_rewritten),
	    cmocka_unit_test(test_forged_checkpoint),
	    cmocka_unit_test(test_after_quiet_interval),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
