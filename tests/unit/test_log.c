/* test_log.c - the operator log (log.h): syslog priority prefixes when
 * stderr is journald's stream (JOURNAL_STREAM), a timestamp and the level
 * otherwise, and a log file that SIGHUP's log_reopen follows after a
 * rotation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"

static char dir[64];
static int saved_stderr = -1;

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test_log.XXXXXX");
	saved_stderr = dup(STDERR_FILENO);
	return mkdtemp(dir) && saved_stderr >= 0 ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	unsetenv("JOURNAL_STREAM");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void file_read(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(out, 1, size - 1, f);
	out[n] = '\0';
	fclose(f);
}

/* stderr onto a file, as systemd would connect it to the journal. */
static void stderr_to(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	assert_true(fd >= 0);
	fflush(stderr);
	assert_true(dup2(fd, STDERR_FILENO) >= 0);
	close(fd);
}

static void test_journal_prefix(void **state)
{
	char path[128], env[64], text[512];
	struct wc_error err;
	struct stat st;

	(void)state;
	snprintf(path, sizeof(path), "%s/journal", dir);
	stderr_to(path);
	assert_int_equal(fstat(STDERR_FILENO, &st), 0);
	snprintf(env, sizeof(env), "%llu:%llu", (unsigned long long)st.st_dev,
		 (unsigned long long)st.st_ino);
	setenv("JOURNAL_STREAM", env, 1);
	assert_int_equal(log_open(NULL, &err), 0);
	assert_true(log_is_journal());
	log_write(LOG_LEVEL_INFO, "request GET /v1/health %d", 200);
	log_write(LOG_LEVEL_ERROR, "broken");
	file_read(path, text, sizeof(text));
	assert_string_equal(text, "<6>wincased: request GET /v1/health 200\n"
				  "<3>wincased: broken\n");
	/* A JOURNAL_STREAM naming another stream does not count. */
	setenv("JOURNAL_STREAM", "1:2", 1);
	assert_int_equal(log_open(NULL, &err), 0);
	assert_false(log_is_journal());
}

static void test_timestamp_and_reopen(void **state)
{
	char path[128], moved[140], other[128], text[512];
	struct wc_error err;

	(void)state;
	unsetenv("JOURNAL_STREAM");
	snprintf(other, sizeof(other), "%s/stderr", dir);
	stderr_to(other);
	snprintf(path, sizeof(path), "%s/wincased.log", dir);
	assert_int_equal(log_open(path, &err), 0);
	assert_false(log_is_journal());
	log_write(LOG_LEVEL_NOTICE, "first");
	file_read(path, text, sizeof(text));
	/* 2026-12-02T10:18:35.123+08:00 notice wincased: first */
	assert_int_equal(strlen(text),
			 29 + strlen(" notice wincased: first\n"));
	assert_true(text[4] == '-' && text[10] == 'T' && text[19] == '.' &&
		    text[26] == ':');
	assert_string_equal(text + 29, " notice wincased: first\n");
	/* logrotate moves the file; SIGHUP's reopen makes a new one. */
	snprintf(moved, sizeof(moved), "%s.1", path);
	assert_int_equal(rename(path, moved), 0);
	log_reopen();
	log_write(LOG_LEVEL_INFO, "second");
	file_read(path, text, sizeof(text));
	assert_non_null(strstr(text, " info wincased: second\n"));
	assert_null(strstr(text, "first"));
	assert_int_equal(log_open("/nonexistent/dir/x.log", &err), -1);
	log_close();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_journal_prefix, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_timestamp_and_reopen, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
