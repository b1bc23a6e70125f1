/* test_options.c - wincased's command line and file search (options.h):
 * getopt_long forms, errors, the config file under the command line, the
 * database default and the reference data folder's search order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "options.h"

#define ARGC(v) ((int)(sizeof(v) / sizeof((v)[0])) - 1)

struct parse_case {
	const char *argv[8];
	int want; /* 0 or -1 */
};

static void test_parse_table(void **state)
{
	static const struct parse_case cases[] = {
	    {{"wincased", NULL}, 0},
	    {{"wincased", "-h", NULL}, 0},
	    {{"wincased", "--help", NULL}, 0},
	    {{"wincased", "-V", NULL}, 0},
	    {{"wincased", "--db", "x.db", "--help", NULL}, 0},
	    {{"wincased", "--db=x.db", "-l", "127.0.0.1:0", NULL}, 0},
	    {{"wincased", "--fake-clock", NULL}, 0},
	    {{"wincased", "--fake-clock=2026-03-02T09:00:00+08:00", NULL}, 0},
	    {{"wincased", "--", NULL}, 0},
	    {{"wincased", "--bogus", NULL}, -1},
	    {{"wincased", "-x", NULL}, -1},
	    {{"wincased", "--db", NULL}, -1},
	    {{"wincased", "-d", NULL}, -1},
	    {{"wincased", "stray", NULL}, -1},
	    {{"wincased", "--", "--db", NULL}, -1}, /* an operand after -- */
	    {{"wincased", "--seed-demo=yes", NULL}, -1},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct server_args a;
		struct wc_error err = {0};
		int argc = 0;

		while (cases[i].argv[argc])
			argc++;
		if (options_parse(argc, (char **)cases[i].argv, &a, &err) !=
		    cases[i].want)
			fail_msg("case %zu (%s): %s", i, cases[i].argv[1],
				 err.message);
	}
}

static void test_parse_values(void **state)
{
	char *argv[] = {"wincased",    "-c",
			"/x/w.conf",   "--db=/x/a.db",
			"--seed-demo", "--fake-clock=2026-03-02T09:00:00+08:00",
			"--log-file",  "/x/log",
			NULL};
	struct server_args a;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(options_parse(ARGC(argv), argv, &a, &err), 0);
	assert_string_equal(a.config, "/x/w.conf");
	assert_string_equal(a.db, "/x/a.db");
	assert_non_null(a.seed_demo);
	assert_string_equal(a.fake_clock, "2026-03-02T09:00:00+08:00");
	assert_string_equal(a.log_file, "/x/log");
	assert_null(a.help);
	assert_null(a.listen);
}

struct fixture {
	char dir[64];
	char share[128], source[128], config[128], state[128];
	struct server_paths paths;
};

static void touch(const char *dir, const char *name)
{
	char path[300];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("{{no}} {{verify_code}}\n", f);
	fclose(f);
}

/* A reference data folder with the templates (and the demo catalog). */
static void make_conf_dir(const char *dir, bool catalog)
{
	char path[300];

	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/templates", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	touch(dir, "templates/notice.txt");
	touch(dir, "templates/commitment.txt");
	if (!catalog)
		return;
	snprintf(path, sizeof(path), "%s/catalog", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	touch(dir, "catalog/demo.json");
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	snprintf(fx->dir, sizeof(fx->dir), "/tmp/test_options.XXXXXX");
	if (!fx || !mkdtemp(fx->dir))
		return -1;
	snprintf(fx->share, sizeof(fx->share), "%s/share", fx->dir);
	snprintf(fx->source, sizeof(fx->source), "%s/conf", fx->dir);
	snprintf(fx->config, sizeof(fx->config), "%s/wincased.conf", fx->dir);
	snprintf(fx->state, sizeof(fx->state), "%s/state", fx->dir);
	fx->paths =
	    (struct server_paths){fx->config, fx->share, fx->state, fx->source};
	unsetenv("STATE_DIRECTORY");
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return -1;
	free(fx);
	return 0;
}

static void write_config(const struct fixture *fx, const char *text)
{
	FILE *f = fopen(fx->config, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int apply(struct fixture *fx, char **argv, int argc,
		 struct server_config *cfg, struct wc_error *err)
{
	struct server_args a;

	if (options_parse(argc, argv, &a, err) < 0)
		return -2;
	return options_apply(&a, &fx->paths, cfg, err);
}

/* No reference data anywhere: refused, naming --conf-dir; the share
 * folder is preferred to ./conf; --conf-dir must hold the templates. */
static void test_conf_dir_search(void **state)
{
	struct fixture *fx = *state;
	char *argv[] = {"wincased", NULL};
	char bad[200], *with_bad[] = {"wincased", "--conf-dir", bad, NULL};
	struct server_config cfg;
	struct wc_error err = {0};

	assert_int_equal(apply(fx, argv, ARGC(argv), &cfg, &err), -1);
	assert_non_null(strstr(err.message, "--conf-dir"));
	make_conf_dir(fx->source, false);
	assert_int_equal(apply(fx, argv, ARGC(argv), &cfg, &err), 0);
	assert_string_equal(cfg.conf_dir, fx->source);
	make_conf_dir(fx->share, false);
	assert_int_equal(apply(fx, argv, ARGC(argv), &cfg, &err), 0);
	assert_string_equal(cfg.conf_dir, fx->share);
	snprintf(bad, sizeof(bad), "%s/nothing", fx->dir);
	assert_int_equal(apply(fx, with_bad, ARGC(with_bad), &cfg, &err), -1);
	assert_non_null(strstr(err.message, "templates/notice.txt"));
}

/* The system config is read when present; the command line wins over
 * it; --config replaces it; the database defaults to the state folder
 * (or systemd's STATE_DIRECTORY). */
static void test_config_and_db(void **state)
{
	struct fixture *fx = *state;
	char *plain[] = {"wincased", NULL};
	char *over[] = {"wincased", "--db",	   "/x/cli.db",
			"--listen", "127.0.0.1:9", NULL};
	char other[200], *given[] = {"wincased", "--config", other, NULL};
	struct server_config cfg;
	struct wc_error err = {0};
	char want[300];

	make_conf_dir(fx->share, false);
	assert_int_equal(apply(fx, plain, ARGC(plain), &cfg, &err), 0);
	snprintf(want, sizeof(want), "%s/wincase.db", fx->state);
	assert_string_equal(cfg.db_path, want);
	assert_int_equal(cfg.listen_port, 8730);
	setenv("STATE_DIRECTORY", "/run/st", 1);
	assert_int_equal(apply(fx, plain, ARGC(plain), &cfg, &err), 0);
	assert_string_equal(cfg.db_path, "/run/st/wincase.db");
	unsetenv("STATE_DIRECTORY");

	write_config(fx, "[wincased]\ndb = /x/conf.db\nlisten = 0.0.0.0:1\n"
			 "log_file = /x/w.log\n");
	assert_int_equal(apply(fx, plain, ARGC(plain), &cfg, &err), 0);
	assert_string_equal(cfg.db_path, "/x/conf.db");
	assert_string_equal(cfg.listen_host, "0.0.0.0");
	assert_string_equal(cfg.log_file, "/x/w.log");
	assert_int_equal(apply(fx, over, ARGC(over), &cfg, &err), 0);
	assert_string_equal(cfg.db_path, "/x/cli.db");
	assert_int_equal(cfg.listen_port, 9);

	snprintf(other, sizeof(other), "%s/missing.conf", fx->dir);
	assert_int_equal(apply(fx, given, ARGC(given), &cfg, &err), -1);
	write_config(fx, "[wincased]\nno_such_key = 1\n");
	assert_int_equal(apply(fx, plain, ARGC(plain), &cfg, &err), -1);
	assert_non_null(strstr(err.message, "no_such_key"));
}

/* --seed-demo without the demo catalog stops before a store is made. */
static void test_seed_needs_catalog(void **state)
{
	struct fixture *fx = *state;
	char *seed[] = {"wincased", "--seed-demo", NULL};
	struct server_config cfg;
	struct wc_error err = {0};

	make_conf_dir(fx->share, false);
	assert_int_equal(apply(fx, seed, ARGC(seed), &cfg, &err), -1);
	assert_non_null(strstr(err.message, "catalog/demo.json"));
}

static void test_training_rules(void **state)
{
	struct fixture *fx = *state;
	char *eph[] = {"wincased", "--ephemeral", NULL};
	char *shortpw[] = {"wincased", "--training-seed",
			   "/x",       "--training-password",
			   "short",    NULL};
	char *ok[] = {"wincased", "--training-seed", "/x", NULL};
	struct server_config cfg;
	struct wc_error err = {0};

	make_conf_dir(fx->share, true);
	assert_int_equal(apply(fx, eph, ARGC(eph), &cfg, &err), -1);
	assert_int_equal(apply(fx, shortpw, ARGC(shortpw), &cfg, &err), -1);
	assert_int_equal(apply(fx, ok, ARGC(ok), &cfg, &err), 0);
	assert_true(cfg.seed_demo);
	assert_true(strlen(cfg.training_password) >= 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_table),
	    cmocka_unit_test(test_parse_values),
	    cmocka_unit_test_setup_teardown(test_conf_dir_search, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_config_and_db, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_seed_needs_catalog, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_training_rules, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
