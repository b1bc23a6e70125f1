/* test_api_training_ephemeral.c - the guards of a training server: a
 * trainee cannot move the clock of (or even sign in to) a server that is
 * not for training, --ephemeral is refused without --training-seed or on
 * an existing store, and it deletes its own store, WAL, key and the
 * training client's local store when it stops. */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "../support/command.h"
#include "../support/http.h"
#include "../support/server.h"

static char seed_dir[600];

/* --ephemeral is about the files of a SQLite store: the client's private
 * training server is always one, so the PostgreSQL pass skips these. */
static bool on_postgres(void)
{
	return getenv("WINCASE_TEST_DB") != NULL;
}

static int setup(void **state)
{
	(void)state;
	snprintf(seed_dir, sizeof(seed_dir), "%s/training",
		 getenv("WINCASE_CONF") ? getenv("WINCASE_CONF") : "conf");
	return 0;
}

/* A trainee may not move the clock of a server that is not for training,
 * and --ephemeral is refused without --training-seed or on an existing
 * store. */
static void test_clock_and_ephemeral_guards(void **state)
{
	struct test_server plain;
	char out[2000], db[700];
	char *admin, *trainee;
	struct http_reply r;
	const char *bin = getenv("WINCASED_BIN");

	(void)state;
	if (on_postgres())
		skip();
	assert_int_equal(test_server_start(&plain, true), 0);
	admin = http_login(plain.url, "admin1", "demo-password-1");
	assert_int_equal(
	    http_send_json(plain.url, "POST", "/v1/users", admin,
			   "{\"username\":\"t9\",\"display_name\":\"学员\","
			   "\"password\":\"0123456789ab\",\"role\":\"trainee\","
			   "\"window\":\"9\"}",
			   &r),
	    0);
	assert_int_equal(r.status, 201);
	http_reply_release(&r);
	/* A trainee does not even sign in on such a server, so
	 * cannot reach the clock (handle_clock_put still refuses one). */
	trainee = http_login(plain.url, "t9", "0123456789ab");
	assert_null(trainee);
	assert_int_equal(http_send_json(plain.url, "POST", "/v1/sessions", NULL,
					"{\"username\":\"t9\",\"password\":"
					"\"0123456789ab\"}",
					&r),
			 0);
	assert_int_equal(r.status, 403);
	assert_string_equal(http_error_code(&r), "training_only");
	http_reply_release(&r);
	free(admin);
	free(trainee);
	snprintf(db, sizeof(db), "%s",
		 plain.pg_name[0] ? plain.pg_conninfo : "");
	if (!db[0])
		snprintf(db, sizeof(db), "%s/wincased.db", plain.dir);
	assert_int_equal(test_server_stop_keep(&plain), 0);
	{
		char *argv1[] = {(char *)bin, "--db", db, "--ephemeral", NULL};
		char *argv2[] = {
		    (char *)bin, "--db",	db,  "--training-seed",
		    seed_dir,	 "--ephemeral", NULL};

		assert_int_equal(
		    test_run_command(argv1, NULL, out, sizeof(out)), 2);
		assert_non_null(
		    strstr(out, "--ephemeral needs --training-seed"));
		assert_int_equal(
		    test_run_command(argv2, NULL, out, sizeof(out)), 2);
		assert_non_null(strstr(out, "needs a new store"));
	}
	if (!plain.pg_name[0])
		assert_int_equal(access(db, F_OK), 0); /* untouched */
	test_server_stop(&plain);
}

/* --ephemeral: after SIGTERM the store, its WAL, the key and the
 * training client's local store (drafts) are gone. */
static void test_ephemeral_removes_store(void **state)
{
	static const char *args[] = {"--training-seed", seed_dir, "--ephemeral",
				     NULL};
	static const char *const dirs[] = {"local", "local/s", "local/s/u"};
	static const char *const files[] = {"local/s/u/draft-inquiry.wce",
					    "local/s/u/clerk", "notes.txt"};
	struct test_server eph;
	char path[700];

	(void)state;
	if (on_postgres())
		skip();
	assert_int_equal(test_server_start_args(&eph, true, args), 0);
	snprintf(path, sizeof(path), "%s/wincased.db", eph.dir);
	assert_int_equal(access(path, F_OK), 0);
	/* The training client's local store in the store's folder goes too
	 * (a link in it is removed, not followed); any other file stays. */
	for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); i++) {
		snprintf(path, sizeof(path), "%s/%s", eph.dir, dirs[i]);
		assert_int_equal(mkdir(path, 0700), 0);
	}
	snprintf(path, sizeof(path), "%s/local/s/link", eph.dir);
	assert_int_equal(symlink(eph.dir, path), 0);
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", eph.dir, files[i]);
		f = fopen(path, "w");
		assert_non_null(f);
		fputs("wincase-draft 1\n", f);
		fclose(f);
	}
	assert_int_equal(test_server_stop_keep(&eph), 0);
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		snprintf(path, sizeof(path), "%s/%s", eph.dir, files[i]);
		assert_int_equal(access(path, F_OK) == 0, i == 2);
	}
	snprintf(path, sizeof(path), "%s/local", eph.dir);
	assert_int_not_equal(access(path, F_OK), 0);
	snprintf(path, sizeof(path), "%s/wincased.db", eph.dir);
	assert_int_not_equal(access(path, F_OK), 0);
	snprintf(path, sizeof(path), "%s/wincased.db-wal", eph.dir);
	assert_int_not_equal(access(path, F_OK), 0);
	snprintf(path, sizeof(path), "%s/wincased.key", eph.dir);
	assert_int_not_equal(access(path, F_OK), 0);
	/* The folder stays: it still holds the test's wincased.conf. */
	snprintf(path, sizeof(path), "%s/wincased.conf", eph.dir);
	assert_int_equal(access(path, F_OK), 0);
	test_server_stop(&eph);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_clock_and_ephemeral_guards),
	    cmocka_unit_test(test_ephemeral_removes_store),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
