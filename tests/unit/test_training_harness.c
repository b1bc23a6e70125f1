/* test_training_harness.c - tui/training.c: the private training server
 * starts on loopback with the training seed in a fresh folder under the
 * training data folder, stops and leaves nothing; when its client dies by
 * kill -9 the server stops and deletes its folder by itself; results are
 * kept per trainee (0600, atomic) and summed for the trainer.
 *
 * With --session [DATA_DIR] it is the driver of the isolation test
 * (tests/e2e/test_training_isolation.sh): it starts a training session,
 * prints "pid PID dir DIR url URL", works through it as trainee1, prints
 * "done", and waits for a line on stdin (then stops cleanly) or to be
 * killed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../tui/training/training.h"
#include "../support/http.h"

static char data_dir[512];

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool gone(pid_t pid, const char *dir, int timeout_ms)
{
	long long deadline = now_ms() + timeout_ms;

	while (now_ms() < deadline) {
		if (kill(pid, 0) < 0 && errno == ESRCH &&
		    access(dir, F_OK) != 0)
			return true;
		poll(NULL, 0, 20);
	}
	return false;
}

static int make_data_dir(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(data_dir, sizeof(data_dir), "%s/wincase-training-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	return mkdtemp(data_dir) ? 0 : -1;
}

static int remove_data_dir(void **state)
{
	char cmd[600];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", data_dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A trainee logs in and works; the clock moves for the trainee. */
static void work_as_trainee(const char *url)
{
	char *token = http_login(url, "trainee1", TRAINING_PASSWORD_DEFAULT);
	struct http_reply r;

	assert_non_null(token);
	assert_int_equal(
	    http_send_json(url, "POST", "/v1/inquiries", token,
			   "{\"channel\":\"counter\",\"topic\":\"咨询\","
			   "\"applicant\":{\"name\":\"陈美华\"}}",
			   &r),
	    0);
	assert_int_equal(r.status, 201);
	http_reply_release(&r);
	assert_int_equal(
	    http_send_json(url, "PUT", "/v1/admin/clock", token,
			   "{\"now\":\"2026-11-03T09:00:00+08:00\"}", &r),
	    0);
	assert_int_equal(r.status, 200);
	http_reply_release(&r);
	free(token);
}

static void test_start_stop_leaves_nothing(void **state)
{
	struct training_options opt = {.data_dir = data_dir};
	struct training_server ts;
	struct wc_error err = {0};
	char dir[TRAINING_PATH_MAX + 16];
	struct stat st;
	pid_t pid;

	(void)state;
	if (training_server_start(&ts, &opt, &err) < 0)
		fail_msg("start: %s", err.message);
	assert_int_equal(strncmp(ts.url, "http://127.0.0.1:", 17), 0);
	assert_int_equal(strncmp(ts.store_dir, data_dir, strlen(data_dir)), 0);
	assert_int_equal(stat(ts.store_dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	work_as_trainee(ts.url);
	snprintf(dir, sizeof(dir), "%s", ts.store_dir);
	pid = ts.pid;
	assert_int_equal(training_server_stop(&ts), 0);
	assert_true(gone(pid, dir, 1000));
	assert_int_equal(training_server_stop(&ts), 0); /* twice is fine */
}

static void test_missing_server_refused(void **state)
{
	struct training_options opt = {.data_dir = data_dir,
				       .wincased = "/nonexistent/wincased"};
	struct training_server ts;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(training_server_start(&ts, &opt, &err), -1);
	assert_string_equal(err.code, "training_server");
	assert_int_equal(ts.pid, 0);
	assert_string_equal(ts.store_dir, "");
}

/* The client dies by kill -9: the server follows and cleans up. */
static void test_client_killed(void **state)
{
	int fds[2];
	pid_t client;
	char line[2 * TRAINING_PATH_MAX];
	FILE *in;
	int pid = 0, status;
	char dir[TRAINING_PATH_MAX + 16] = "";

	(void)state;
	assert_int_equal(pipe(fds), 0);
	client = fork();
	if (client == 0) {
		struct training_options opt = {.data_dir = data_dir};
		struct training_server ts;
		struct wc_error err;

		close(fds[0]);
		if (training_server_start(&ts, &opt, &err) < 0)
			_exit(1);
		dprintf(fds[1], "%d %s\n", (int)ts.pid, ts.store_dir);
		close(fds[1]);
		for (;;)
			pause();
	}
	close(fds[1]);
	in = fdopen(fds[0], "r");
	assert_non_null(fgets(line, sizeof(line), in));
	fclose(in);
	assert_int_equal(sscanf(line, "%d %1023s", &pid, dir), 2);
	assert_int_equal(access(dir, F_OK), 0);
	kill(client, SIGKILL);
	waitpid(client, &status, 0);
	assert_true(gone(pid, dir, 10000));
}

static void test_results_and_progress(void **state)
{
	json_t *a = json_pack("{s:s, s:i, s:i, s:i}", "scenario", "t01",
			      "score", 60, "max_points", 100, "seconds", 30);
	json_t *b = json_pack("{s:s, s:i, s:i, s:i}", "scenario", "t01",
			      "score", 90, "max_points", 100, "seconds", 20);
	json_t *c = json_pack("{s:s, s:i, s:i, s:i}", "scenario", "t05",
			      "score", 70, "max_points", 100, "seconds", 50);
	struct wc_error err;
	json_t *all, *table, *row;
	char path[700];
	struct stat st;

	(void)state;
	assert_int_equal(training_results_add(data_dir, "trainee2", c, &err),
			 0);
	assert_int_equal(training_results_add(data_dir, "trainee1", a, &err),
			 0);
	assert_int_equal(training_results_add(data_dir, "trainee1", b, &err),
			 0);
	assert_int_equal(training_results_add(data_dir, "trainee1", c, &err),
			 0);
	snprintf(path, sizeof(path), "%s/results.json", data_dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	all = training_results_load(data_dir, &err);
	assert_non_null(all);
	table = training_progress(all);
	assert_int_equal(json_array_size(table), 2);
	row = json_array_get(table, 0);
	assert_string_equal(json_string_value(json_object_get(row, "trainee")),
			    "trainee1");
	assert_int_equal(json_integer_value(json_object_get(row, "attempts")),
			 3);
	assert_int_equal(json_integer_value(json_object_get(row, "scenarios")),
			 2);
	assert_int_equal(json_integer_value(json_object_get(row, "best_total")),
			 160);
	assert_int_equal(json_integer_value(json_object_get(row, "max_total")),
			 200);
	assert_int_equal(json_integer_value(json_object_get(row, "seconds")),
			 100);
	assert_non_null(json_object_get(
	    json_array_get(
		json_object_get(json_object_get(all, "trainees"), "trainee1"),
		0),
	    "at"));
	json_decref(table);
	json_decref(all);
	json_decref(a);
	json_decref(b);
	json_decref(c);
}

/* --session: the isolation test's driver. */
static int run_session(const char *dir)
{
	struct training_options opt = {.data_dir = dir && *dir ? dir : NULL};
	struct training_server ts;
	struct wc_error err = {0};
	char line[64];

	if (training_server_start(&ts, &opt, &err) < 0) {
		fprintf(stderr, "training: %s\n", err.message);
		return 1;
	}
	printf("pid %d dir %s url %s\n", (int)ts.pid, ts.store_dir, ts.url);
	fflush(stdout);
	work_as_trainee(ts.url);
	printf("done\n");
	fflush(stdout);
	if (fgets(line, sizeof(line), stdin)) {
		/* a line: stop cleanly */
	}
	return training_server_stop(&ts) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_start_stop_leaves_nothing),
	    cmocka_unit_test(test_missing_server_refused),
	    cmocka_unit_test(test_client_killed),
	    cmocka_unit_test(test_results_and_progress),
	};

	if (argc >= 2 && strcmp(argv[1], "--session") == 0)
		return run_session(argc >= 3 ? argv[2] : data_dir);
	return cmocka_run_group_tests(tests, make_data_dir, remove_data_dir);
}
