/* test_journal.c - the offline journal (journal.h): entries survive a
 * reopen; a torn last entry is dropped, never read half; an altered or
 * foreign file is refused and set aside; kill -9 during writes, 50 times:
 * the journal always opens and holds a whole prefix of what was written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <sodium.h>

#include "wincase/journal.h"

static const unsigned char key_a[32] = {1, 2, 3, 4, 5, 6, 7, 8};
static const unsigned char key_b[32] = {9, 9, 9};

struct fixture {
	char dir[64];
	char path[128];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/wincase-journal.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/journal.wcj", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static struct journal *reopen(const char *path, const unsigned char *key,
			      struct journal_open_report *rep)
{
	struct journal *j = NULL;
	struct wc_error err = {0};

	assert_int_equal(journal_open(path, key, "srv/clerk1", &j, rep, &err),
			 0);
	return j;
}

static void append_n(struct journal *j, int from, int n)
{
	char text[64];

	for (int i = from; i < from + n; i++) {
		snprintf(text, sizeof(text), "{\"n\":%d}", i);
		assert_int_equal(journal_append(j, text, NULL), 0);
	}
}

static void test_reopen(void **state)
{
	struct fixture *f = *state;
	struct journal_open_report rep;
	struct journal *j = reopen(f->path, key_a, &rep);
	struct stat st;

	append_n(j, 1, 3);
	journal_close(&j);
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	j = reopen(f->path, key_a, &rep);
	assert_false(rep.refused);
	assert_false(rep.torn_tail);
	assert_int_equal(journal_count(j), 3);
	assert_string_equal(journal_entry(j, 2), "{\"n\":3}");
	journal_close(&j);
}

static void test_torn_tail(void **state)
{
	struct fixture *f = *state;
	struct journal_open_report rep;
	struct journal *j = reopen(f->path, key_a, &rep);
	struct stat st;

	append_n(j, 1, 3);
	journal_close(&j);
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(truncate(f->path, st.st_size - 5), 0);
	j = reopen(f->path, key_a, &rep);
	assert_true(rep.torn_tail);
	assert_false(rep.refused);
	assert_int_equal(journal_count(j), 2);
	append_n(j, 3, 1); /* the next entry goes after the whole ones */
	journal_close(&j);
	j = reopen(f->path, key_a, &rep);
	assert_false(rep.torn_tail);
	assert_int_equal(journal_count(j), 3);
	assert_string_equal(journal_entry(j, 2), "{\"n\":3}");
	journal_close(&j);
}

static void test_tampered(void **state)
{
	struct fixture *f = *state;
	struct journal_open_report rep;
	struct journal *j = reopen(f->path, key_a, &rep);
	FILE *fp;
	int c;

	append_n(j, 1, 3);
	journal_close(&j);
	fp = fopen(f->path, "r+b");
	assert_non_null(fp);
	fseek(fp, 64 + 4 + 24 + 2, SEEK_SET); /* inside entry 1 */
	c = fgetc(fp);
	fseek(fp, -1, SEEK_CUR);
	fputc(c ^ 0x40, fp);
	fclose(fp);
	j = reopen(f->path, key_a, &rep);
	assert_true(rep.refused);
	assert_int_equal(journal_count(j), 0); /* nothing of it replayed */
	assert_int_equal(access(rep.set_aside, F_OK), 0);
	journal_close(&j);
}

static void test_foreign(void **state)
{
	struct fixture *f = *state;
	struct journal_open_report rep;
	struct journal *j = reopen(f->path, key_b, &rep);
	struct wc_error err = {0};

	append_n(j, 1, 2);
	journal_close(&j);
	/* another clerk's key, then the right key under another owner */
	j = reopen(f->path, key_a, &rep);
	assert_true(rep.refused);
	assert_int_equal(journal_count(j), 0);
	journal_close(&j);
	j = reopen(f->path, key_b, &rep);
	append_n(j, 1, 1);
	journal_close(&j);
	assert_int_equal(
	    journal_open(f->path, key_b, "srv/clerk2", &j, &rep, &err), 0);
	assert_true(rep.refused);
	journal_close(&j);
	/* an empty journal of another clerk is refused too */
	assert_int_equal(
	    journal_open(f->path, key_a, "srv/clerk1", &j, &rep, &err), 0);
	assert_true(rep.refused);
	journal_close(&j);
}

static void test_rewrite(void **state)
{
	struct fixture *f = *state;
	struct journal_open_report rep;
	struct journal *j = reopen(f->path, key_a, &rep);
	const char *keep[] = {"{\"kept\":1}"};

	append_n(j, 1, 5);
	assert_int_equal(journal_rewrite(j, keep, 1, NULL), 0);
	append_n(j, 6, 1);
	journal_close(&j);
	j = reopen(f->path, key_a, &rep);
	assert_false(rep.refused);
	assert_int_equal(journal_count(j), 2);
	assert_string_equal(journal_entry(j, 0), "{\"kept\":1}");
	journal_close(&j);
}

/* The child appends numbered entries until it is killed. */
static void writer(const char *path)
{
	struct journal_open_report rep;
	struct journal *j = NULL;
	char text[256];

	if (journal_open(path, key_a, "srv/clerk1", &j, &rep, NULL))
		_exit(2);
	for (int i = (int)journal_count(j) + 1;; i++) {
		/* a body of some size, as a real change has */
		snprintf(text, sizeof(text), "{\"n\":%d,\"pad\":\"%0*d\"}", i,
			 100 + i % 80, 0);
		if (journal_append(j, text, NULL))
			_exit(3);
	}
}

static void test_kill_during_writes(void **state)
{
	struct fixture *f = *state;
	size_t before = 0;

	srand((unsigned)time(NULL));
	for (int round = 0; round < 50; round++) {
		struct journal_open_report rep;
		struct journal *j;
		pid_t pid = fork();
		int status;

		assert_true(pid >= 0);
		if (pid == 0)
			writer(f->path);
		usleep(2000 + (useconds_t)(rand() % 20000));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		assert_true(WIFSIGNALED(status));
		j = reopen(f->path, key_a, &rep);
		assert_false(rep.refused); /* the journal always opens */
		assert_true(journal_count(j) >= before);
		/* every entry whole, numbered 1..n with no gap */
		for (size_t i = 0; i < journal_count(j); i++) {
			json_t *e = json_loads(journal_entry(j, i), 0, NULL);

			assert_non_null(e);
			assert_int_equal(
			    json_integer_value(json_object_get(e, "n")),
			    (json_int_t)i + 1);
			json_decref(e);
		}
		before = journal_count(j);
		journal_close(&j);
	}
	assert_true(before > 50);
	printf("# 50 kills during writes: %zu entries, none half read\n",
	       before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_reopen, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_torn_tail, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tampered, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_foreign, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rewrite, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_kill_during_writes, setup,
					    teardown),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
