/* test_training_harness.c - tui/training/training.c: the private training
 * server starts on loopback with the training seed in a fresh folder under the
 * training data folder, stops and leaves nothing; when its client dies by
 * kill -9 the server stops and deletes its folder by itself; results are
 * kept per trainee (0600, atomic) and summed for the trainer
 * (net/training_results.c).
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

#include <dirent.h>
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

#include <jansson.h>

#include "wincase/net_training.h"
#include "wincase/training.h"

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

/* One attempt of a scenario with no checks: what the table sums. */
static void add_attempt(const char *trainee, const char *id, int score,
			int seconds)
{
	struct training_scenario sc = {.id = id, .title = id};
	struct training_result res = {
	    .score = score, .max_points = 100, .seconds = seconds};
	struct wc_error err = {0};

	if (net_training_results_add(data_dir, trainee, &sc, &res, 1, &err))
		fail_msg("results_add: %s", err.message);
}

static void test_results_and_progress(void **state)
{
	struct net_training_progress p;
	const struct net_training_row *row;
	struct wc_error err;
	json_t *all;
	char path[700];
	struct stat st;

	(void)state;
	add_attempt("trainee2", "t05", 70, 50);
	add_attempt("trainee1", "t01", 60, 30);
	add_attempt("trainee1", "t01", 90, 20);
	add_attempt("trainee1", "t05", 70, 50);
	snprintf(path, sizeof(path), "%s/results.json", data_dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(net_training_progress_load(data_dir, &p, &err), 0);
	assert_int_equal(p.n, 2);
	row = &p.rows[0];
	assert_string_equal(row->trainee, "trainee1");
	assert_int_equal(row->attempts, 3);
	assert_int_equal(row->n_best, 2);
	assert_int_equal(row->best_total, 160);
	assert_int_equal(row->max_total, 200);
	assert_int_equal(row->seconds, 100);
	assert_ptr_equal(net_training_progress_find(&p, "trainee1"), row);
	assert_null(net_training_progress_find(&p, "nobody"));
	assert_int_equal(net_training_best_score(row, "t01"), 90);
	assert_int_equal(net_training_best_score(row, "t05"), 70);
	assert_int_equal(net_training_best_score(row, "t09"), -1);
	net_training_progress_release(&p);
	/* The file keeps each attempt with its time and hints shown. */
	all = json_load_file(path, 0, NULL);
	assert_non_null(all);
	assert_non_null(json_object_get(
	    json_array_get(
		json_object_get(json_object_get(all, "trainees"), "trainee1"),
		0),
	    "at"));
	assert_int_equal(
	    json_integer_value(json_object_get(
		json_array_get(json_object_get(json_object_get(all, "trainees"),
					       "trainee1"),
			       0),
		"hints")),
	    1);
	json_decref(all);
}

/* A file that is not a results file is refused, not read as empty. */
static void test_results_unreadable(void **state)
{
	char dir[600], path[700];
	struct net_training_progress p;
	struct wc_error err = {0};
	FILE *f;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/bad", data_dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/results.json", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("{\"version\":1}", f);
	fclose(f);
	assert_int_equal(net_training_progress_load(dir, &p, &err), -1);
	assert_string_equal(err.code, "invalid_field");
	assert_int_equal(p.n, 0);
	assert_int_equal(
	    net_training_results_add(
		dir, "trainee1",
		&(struct training_scenario){.id = "t01", .title = "x"},
		&(struct training_result){0}, 0, &err),
	    -1);
}

/* ---- The class from several PCs (issue 14.10) */

#define CLASS_MAX 32

static struct training_scenario *class_sc[CLASS_MAX];
static size_t class_n;
static json_t *states; /* tests/unit/data/training_states.json */

static const char *env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v && *v ? v : fallback;
}

static int name_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every shipped scenario, in file name order. */
static void class_scenarios_load(void)
{
	char dir[600], path[1000], *names[CLASS_MAX] = {0};
	struct dirent *e;
	size_t n = 0;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/training",
		 env_or("WINCASE_CONF", "conf"));
	d = opendir(dir);
	assert_non_null(d);
	while ((e = readdir(d)) && n < CLASS_MAX)
		if (strstr(e->d_name, ".json"))
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof(*names), name_order);
	for (size_t i = 0; i < n; i++) {
		struct wc_error err;
		json_t *j;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		j = json_load_file(path, 0, NULL);
		class_sc[i] = training_scenario_from_json(j, &err);
		assert_non_null(class_sc[i]);
		json_decref(j);
		free(names[i]);
	}
	class_n = n;
}

static size_t class_index(const char *id)
{
	for (size_t k = 0; k < class_n; k++)
		if (strcmp(class_sc[k]->id, id) == 0)
			return k;
	fail_msg("no scenario %s", id);
	return 0;
}

/* The stored state of the unit test's data (ideal, or wrong[0]) scored
 * and saved through f by trainee: *res the result. */
static void class_attempt(const struct net_training_folders *f,
			  const char *trainee, const char *id, bool ideal,
			  bool *shared, struct wc_error *err,
			  struct training_result *res)
{
	const json_t *entry, *st;
	const struct training_scenario *sc = class_sc[class_index(id)];
	struct wc_error e2;

	if (!states) {
		char path[700];

		snprintf(path, sizeof(path),
			 "%s/unit/data/training_states.json",
			 env_or("WINCASE_TESTS", "tests"));
		states = json_load_file(path, 0, NULL);
		assert_non_null(states);
	}
	entry = json_object_get(states, id);
	st = ideal ? json_object_get(entry, "ideal")
		   : json_object_get(
			 json_array_get(json_object_get(entry, "wrong"), 0),
			 "state");
	assert_int_equal(training_evaluate(sc, st, 0, 40, res, &e2), 0);
	memset(err, 0, sizeof(*err));
	assert_int_equal(
	    net_training_results_save(f, trainee, sc, res, 0, shared, err), 0);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Two PCs write to one shared folder, a third cannot reach it and keeps
 * its attempt locally; the trainer counts everyone against all 13
 * scenarios, sees attempts and lost checks per scenario, reads a stored
 * debrief; a broken file is left out and counted, hostile text is made
 * harmless. */
static void test_class_gathered(void **state)
{
	char local[600], shared[600], path[800];
	struct net_training_folders pc1 = {local, shared, "pc1"};
	struct net_training_folders pc2 = {local, shared, "pc/2"};
	struct net_training_folders pc3 = {local, "/nonexistent/share", "pc3"};
	struct net_training_class c;
	const struct net_training_class_row *r;
	struct training_result res, wrong05, back;
	struct wc_error err;
	size_t t02, t05;
	bool in_shared;
	struct stat st;

	(void)state;
	class_scenarios_load();
	assert_int_equal(class_n, 13);
	t02 = class_index("t02_inquiry_handoff");
	t05 = class_index("t05_notice_three_missing");
	snprintf(local, sizeof(local), "%s/pcs", data_dir);
	snprintf(shared, sizeof(shared), "%s/share", data_dir);
	assert_int_equal(mkdir(local, 0700), 0);
	assert_int_equal(mkdir(shared, 0700), 0);
	class_attempt(&pc1, "trainee1", "t02_inquiry_handoff", false,
		      &in_shared, &err, &res);
	assert_true(in_shared);
	class_attempt(&pc1, "trainee1", "t02_inquiry_handoff", true, &in_shared,
		      &err, &res);
	class_attempt(&pc1, "trainee1", "t05_notice_three_missing", false,
		      &in_shared, &err, &wrong05);
	class_attempt(&pc2, "trainee2", "t01_inquiry_answered", true,
		      &in_shared, &err, &res);
	class_attempt(&pc3, "trainee3", "t03_bounce_trap", false, &in_shared,
		      &err, &res);
	assert_false(in_shared);
	assert_string_equal(err.code, "shared_unavailable");
	snprintf(path, sizeof(path), "%s/results-pc1.json", shared);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	snprintf(path, sizeof(path), "%s/results-pc2.json", shared);
	assert_int_equal(access(path, F_OK), 0); /* "/" left out */
	snprintf(path, sizeof(path), "%s/results-broken.json", shared);
	write_text(path, "{\"version\":1}");
	snprintf(path, sizeof(path), "%s/results-pc4.json", shared);
	write_text(path, "{\"version\":1,\"trainees\":{\"evil\\u001b[2J\":[{"
			 "\"scenario\":\"t01_inquiry_answered\",\"score\":5,"
			 "\"seconds\":1,\"checks\":[{\"check\":"
			 "\"inquiry_registered\",\"passed\":true,\"earned\":5,"
			 "\"found\":\"\\u001b]0;x\\u0007\"}]}]}}");
	assert_int_equal(net_training_class_load(
			     &pc1,
			     (const struct training_scenario *const *)class_sc,
			     class_n, &c, &err),
			 0);
	assert_int_equal(c.files, 4); /* pc1, pc2, pc4 shared, pc3 local */
	assert_int_equal(c.files + c.unreadable, 5);
	assert_int_equal(c.unreadable, 1);
	assert_int_equal(c.n, 4);
	for (size_t i = 0; i < c.n; i++)
		assert_null(strchr(c.rows[i].trainee, '\x1b'));
	r = net_training_class_find(&c, "trainee1");
	assert_non_null(r);
	assert_int_equal(r->attempts, 3);
	assert_int_equal(r->done, 2);
	assert_int_equal(r->max_total, 1300);
	assert_int_equal(r->best_total, 100 + wrong05.score);
	assert_int_equal(r->per[t02].attempts, 2);
	assert_int_equal(r->per[t02].best, 100);
	assert_int_equal(r->per[t02].n_lost, 0);
	assert_int_equal(r->per[t05].attempts, 1);
	assert_true(r->per[t05].n_lost > 0);
	for (size_t i = 0; i < r->per[t05].n_lost; i++)
		assert_false(wrong05.results[r->per[t05].lost[i]].passed);
	assert_int_equal(r->per[class_index("t09_refused_breach")].best, -1);
	assert_int_equal(net_training_class_find(&c, "trainee2")->done, 1);
	assert_int_equal(net_training_class_find(&c, "trainee3")->done, 1);
	net_training_class_release(&c);
	/* The stored debrief of the best attempt, check by check. */
	assert_int_equal(net_training_debrief_load(&pc1, "trainee1",
						   class_sc[t05], &back, &err),
			 0);
	assert_int_equal(back.score, wrong05.score);
	assert_int_equal(back.n, wrong05.n);
	for (size_t i = 0; i < back.n; i++) {
		assert_int_equal(back.results[i].passed,
				 wrong05.results[i].passed);
		assert_string_equal(back.results[i].found,
				    wrong05.results[i].found);
		assert_ptr_equal(back.results[i].check,
				 &class_sc[t05]->checks[i]);
	}
	assert_int_equal(net_training_debrief_load(
			     &pc1, "trainee1",
			     class_sc[class_index("t09_refused_breach")], &back,
			     &err),
			 -1);
	assert_string_equal(err.code, "not_found");
	assert_int_equal(net_training_debrief_load(
			     &pc1, "evil\x1b[2J",
			     class_sc[class_index("t01_inquiry_answered")],
			     &back, &err),
			 0);
	assert_null(strchr(back.results[0].found, '\x1b'));
	for (size_t k = 0; k < class_n; k++)
		training_scenario_free(&class_sc[k]);
	json_decref(states);
	states = NULL;
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
	    cmocka_unit_test(test_results_unreadable),
	    cmocka_unit_test(test_class_gathered),
	};

	if (argc >= 2 && strcmp(argv[1], "--session") == 0)
		return run_session(argc >= 3 ? argv[2] : data_dir);
	return cmocka_run_group_tests(tests, make_data_dir, remove_data_dir);
}
