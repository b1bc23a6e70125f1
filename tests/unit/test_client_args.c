/* test_client_args.c - wincase's command line (common/args.h) and where it
 * looks for its files (common/config.h): XDG_CONFIG_HOME, XDG_CONFIG_DIRS,
 * XDG_DATA_HOME, with relative values ignored as the spec says. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/args.h"
#include "common/config.h"

struct args_case {
	const char *argv[6];
	int want;
};

static void test_args_table(void **state)
{
	static const struct args_case cases[] = {
	    {{"wincase", NULL}, 0},
	    {{"wincase", "-h", NULL}, 0},
	    {{"wincase", "--version", NULL}, 0},
	    {{"wincase", "-s", "http://h:1", "-r", NULL}, 0},
	    {{"wincase", "--server=http://h:1", "--training", NULL}, 0},
	    {{"wincase", "--", NULL}, 0},
	    {{"wincase", "--bogus", NULL}, -1},
	    {{"wincase", "--server", NULL}, -1},
	    {{"wincase", "-c", NULL}, -1},
	    {{"wincase", "extra", NULL}, -1},
	    {{"wincase", "--restricted=yes", NULL}, -1},
	};
	FILE *sink = fopen("/dev/null", "w");

	(void)state;
	assert_non_null(sink);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct client_args a;
		int argc = 0;

		while (cases[i].argv[argc])
			argc++;
		if (args_parse(argc, (char **)cases[i].argv, &a, sink) !=
		    cases[i].want)
			fail_msg("case %zu (%s)", i, cases[i].argv[1]);
	}
	fclose(sink);
}

static void test_args_values(void **state)
{
	char *argv[] = {"wincase",    "-c",   "/x/w.conf", "--server",
			"http://h:1", "-rtV", NULL};
	struct client_args a;

	(void)state;
	assert_int_equal(args_parse(6, argv, &a, stderr), 0);
	assert_string_equal(a.config, "/x/w.conf");
	assert_string_equal(a.server, "http://h:1");
	assert_true(a.restricted && a.training && a.version);
	assert_false(a.help);
}

static char dir[64];

static void put(const char *rel)
{
	char path[300], *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	for (slash = path + strlen(dir) + 1; (slash = strchr(slash, '/'));
	     slash++) {
		*slash = '\0';
		mkdir(path, 0700);
		*slash = '/';
	}
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test_client_args.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_config_find_order(void **state)
{
	char home[128], xdg[128], dirs[300], out[512], want[300];

	(void)state;
	snprintf(home, sizeof(home), "%s/home", dir);
	snprintf(xdg, sizeof(xdg), "%s/xdg", dir);
	snprintf(dirs, sizeof(dirs), "relative:%s/d1:%s/d2", dir, dir);
	setenv("HOME", home, 1);
	setenv("XDG_CONFIG_DIRS", dirs, 1);
	unsetenv("XDG_CONFIG_HOME");
	put("d2/wincase/wincase.conf");
	assert_true(config_find(out, sizeof(out)));
	snprintf(want, sizeof(want), "%s/d2/wincase/wincase.conf", dir);
	assert_string_equal(out, want);
	put("d1/wincase/wincase.conf");
	assert_true(config_find(out, sizeof(out)));
	snprintf(want, sizeof(want), "%s/d1/wincase/wincase.conf", dir);
	assert_string_equal(out, want);
	put("home/.config/wincase/wincase.conf");
	assert_true(config_find(out, sizeof(out)));
	snprintf(want, sizeof(want), "%s/home/.config/wincase/wincase.conf",
		 dir);
	assert_string_equal(out, want);
	/* A relative XDG_CONFIG_HOME is ignored; an absolute one wins. */
	setenv("XDG_CONFIG_HOME", "rel", 1);
	assert_true(config_find(out, sizeof(out)));
	assert_string_equal(out, want);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	put("xdg/wincase/wincase.conf");
	assert_true(config_find(out, sizeof(out)));
	snprintf(want, sizeof(want), "%s/xdg/wincase/wincase.conf", dir);
	assert_string_equal(out, want);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_CONFIG_DIRS");
}

static void test_data_dir_default(void **state)
{
	struct config cfg;

	(void)state;
	setenv("HOME", "/home/clerk", 1);
	unsetenv("XDG_DATA_HOME");
	assert_int_equal(config_init(&cfg), 0);
	assert_int_equal(config_data_dir_default(&cfg), 0);
	assert_string_equal(cfg.data_dir, "/home/clerk/.local/share/wincase");
	config_release(&cfg);

	setenv("XDG_DATA_HOME", "/srv/data", 1);
	assert_int_equal(config_init(&cfg), 0);
	assert_int_equal(config_data_dir_default(&cfg), 0);
	assert_string_equal(cfg.data_dir, "/srv/data/wincase");
	config_release(&cfg);

	/* The config's data_dir wins over the environment. */
	assert_int_equal(config_init(&cfg), 0);
	cfg.data_dir = strdup("/var/wc");
	assert_int_equal(config_data_dir_default(&cfg), 0);
	assert_string_equal(cfg.data_dir, "/var/wc");
	config_release(&cfg);
	unsetenv("XDG_DATA_HOME");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_args_table),
	    cmocka_unit_test(test_args_values),
	    cmocka_unit_test_setup_teardown(test_config_find_order, setup,
					    teardown),
	    cmocka_unit_test(test_data_dir_default),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
