/* options.c - wincased's command line as one table (getopt_long and the
 * usage text both come from it) and the search for its files. */
#include "options.h"
#include "store/store.h"

#include <getopt.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"

#ifndef WINCASE_SHARE_DIR
#define WINCASE_SHARE_DIR "/usr/local/share/wincase"
#endif
#ifndef WINCASE_SYSCONF_DIR
#define WINCASE_SYSCONF_DIR "/etc/wincase"
#endif
#ifndef WINCASE_STATE_DIR
#define WINCASE_STATE_DIR "/var/lib/wincase"
#endif

/* Training only (docs/training.md): the trainee's and trainer's password
 * when --training-password is not given. Never a production password. */
#define TRAINING_DEFAULT_PASSWORD "training-only-1"

/* One row per option: long name, short letter (0: none), argument kind,
 * the field of struct server_args it fills, and its usage line. */
static const struct server_option {
	const char *name;
	int letter;
	int has_arg;
	size_t field;
	const char *arg;
	const char *help;
} server_options[] = {
    {"config", 'c', required_argument, offsetof(struct server_args, config),
     "FILE", "settings (default " WINCASE_SYSCONF_DIR "/wincased.conf)"},
    {"db", 'd', required_argument, offsetof(struct server_args, db), "PATH",
     "database (default " WINCASE_STATE_DIR "/wincase.db)"},
    {"listen", 'l', required_argument, offsetof(struct server_args, listen),
     "HOST:PORT", "address to serve on (default 127.0.0.1:8730)"},
    {"conf-dir", 0, required_argument, offsetof(struct server_args, conf_dir),
     "DIR", "reference data (templates, catalog, calendars)"},
    {"data-dir", 0, required_argument, offsetof(struct server_args, data_dir),
     "DIR", "signing key folder (default: the database's)"},
    {"log-file", 0, required_argument, offsetof(struct server_args, log_file),
     "FILE", "log to FILE, reopened on SIGHUP (default stderr)"},
    {"seed-demo", 0, no_argument, offsetof(struct server_args, seed_demo), NULL,
     "demo catalog, calendars and users (demo only)"},
    {"fake-clock", 0, optional_argument,
     offsetof(struct server_args, fake_clock), "[=RFC3339]",
     "tests: a clock moved by POST /v1/test/clock"},
    {"training-seed", 0, required_argument,
     offsetof(struct server_args, training_seed), "DIR",
     "training server: scenarios from DIR"},
    {"training-password", 0, required_argument,
     offsetof(struct server_args, training_password), "PW",
     "training accounts' password (10+ characters)"},
    {"ephemeral", 0, no_argument, offsetof(struct server_args, ephemeral), NULL,
     "training: delete the new store when stopping"},
    {"help", 'h', no_argument, offsetof(struct server_args, help), NULL,
     "print this help and exit"},
    {"version", 'V', no_argument, offsetof(struct server_args, version), NULL,
     "print the version and exit"},
};

#define OPTION_COUNT (sizeof(server_options) / sizeof(server_options[0]))

void options_paths_default(struct server_paths *paths)
{
	paths->system_config = WINCASE_SYSCONF_DIR "/wincased.conf";
	paths->share_dir = WINCASE_SHARE_DIR;
	paths->state_dir = WINCASE_STATE_DIR;
	paths->source_conf = "conf";
}

void options_usage(FILE *out)
{
	char left[40];

	fputs("usage: wincased [OPTION]...\n"
	      "       wincased VERB [OPTION]... (see below)\n",
	      out);
	for (size_t i = 0; i < OPTION_COUNT; i++) {
		const struct server_option *o = &server_options[i];
		int n = 0;

		if (o->letter)
			n = snprintf(left, sizeof(left), "-%c, ", o->letter);
		snprintf(left + n, sizeof(left) - (size_t)n, "--%s%s%s",
			 o->name,
			 o->arg && o->has_arg == required_argument ? " " : "",
			 o->arg ? o->arg : "");
		fprintf(out, "  %s%-*s %s\n", o->letter ? "" : "    ",
			o->letter ? 27 : 23, left, o->help);
	}
	fputs("exit status: 0 stopped by SIGTERM/SIGINT, 1 could not start or "
	      "serve,\n"
	      "             2 bad option or configuration\n",
	      out);
}

/* The getopt_long tables, built from server_options. */
static void options_tables(struct option longs[OPTION_COUNT + 1],
			   char shorts[OPTION_COUNT * 2 + 2])
{
	size_t s = 0;

	shorts[s++] = ':'; /* a missing value is ':', not '?' */
	for (size_t i = 0; i < OPTION_COUNT; i++) {
		const struct server_option *o = &server_options[i];

		longs[i] =
		    (struct option){o->name, o->has_arg, NULL,
				    o->letter ? o->letter : 256 + (int)i};
		if (o->letter) {
			shorts[s++] = (char)o->letter;
			if (o->has_arg == required_argument)
				shorts[s++] = ':';
		}
	}
	longs[OPTION_COUNT] = (struct option){NULL, 0, NULL, 0};
	shorts[s] = '\0';
}

static const struct server_option *option_of(int c)
{
	if (c >= 256 && (size_t)(c - 256) < OPTION_COUNT)
		return &server_options[c - 256];
	for (size_t i = 0; i < OPTION_COUNT; i++)
		if (server_options[i].letter && server_options[i].letter == c)
			return &server_options[i];
	return NULL;
}

int options_parse(int argc, char **argv, struct server_args *a,
		  struct wc_error *err)
{
	struct option longs[OPTION_COUNT + 1];
	char shorts[OPTION_COUNT * 2 + 2];
	int c;

	memset(a, 0, sizeof(*a));
	options_tables(longs, shorts);
	optind = 0; /* glibc: start again (the tests parse many times) */
	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		const struct server_option *o = option_of(c);

		if (c == ':')
			return wc_error_set(err, "usage", NULL,
					    "option %s needs a value",
					    argv[optind - 1]);
		if (!o)
			return wc_error_set(err, "usage", NULL,
					    "unknown option %s",
					    argv[optind - 1]);
		*(const char **)((char *)a + o->field) = optarg ? optarg : "";
	}
	if (optind < argc)
		return wc_error_set(err, "usage", NULL,
				    "unexpected argument %s", argv[optind]);
	return 0;
}

static int copy_path(char *dst, size_t size, const char *value,
		     const char *what, struct wc_error *err)
{
	if (strlen(value) >= size)
		return wc_error_set(err, "usage", what, "%s is too long", what);
	memcpy(dst, value, strlen(value) + 1);
	return 0;
}

/* Training: the demo seed too, a training-only password, and --ephemeral
 * only for a training server (it deletes the store when it stops). */
static int options_training(struct server_config *cfg, struct wc_error *err)
{
	if (cfg->ephemeral && !cfg->training_seed_dir[0])
		return wc_error_set(err, "usage", "ephemeral",
				    "--ephemeral needs --training-seed");
	if (!cfg->training_seed_dir[0])
		return 0;
	/* Only a store it made itself is deleted on stop: a file. */
	if (cfg->ephemeral && store_url_is_postgresql(cfg->db_path))
		return wc_error_set(err, "usage", "ephemeral",
				    "--ephemeral needs a new store file, and "
				    "a PostgreSQL database is not one");
	if (cfg->ephemeral && access(cfg->db_path, F_OK) == 0)
		return wc_error_set(err, "usage", "ephemeral",
				    "--ephemeral needs a new store, and %s "
				    "exists",
				    cfg->db_path);
	cfg->seed_demo = true;
	if (!cfg->training_password[0])
		snprintf(cfg->training_password, sizeof(cfg->training_password),
			 "%s", TRAINING_DEFAULT_PASSWORD);
	if (strlen(cfg->training_password) < 10)
		return wc_error_set(err, "usage", "training-password",
				    "the password needs 10 characters");
	return 0;
}

static int options_fake_clock(struct server_config *cfg, const char *value,
			      struct wc_error *err)
{
	cfg->fake_clock = true;
	if (!value[0])
		return 0;
	if (!clock_parse_rfc3339(value, &cfg->fake_clock_start))
		return wc_error_set(err, "usage", "fake-clock",
				    "bad time in --fake-clock=%s", value);
	cfg->fake_clock_start_set = true;
	return 0;
}

/* The command line over what the config file said. */
static int options_override(const struct server_args *a,
			    struct server_config *cfg, struct wc_error *err)
{
	if ((a->db && copy_path(cfg->db_path, sizeof(cfg->db_path), a->db, "db",
				err) < 0) ||
	    (a->conf_dir && copy_path(cfg->conf_dir, sizeof(cfg->conf_dir),
				      a->conf_dir, "conf-dir", err) < 0) ||
	    (a->data_dir && copy_path(cfg->data_dir, sizeof(cfg->data_dir),
				      a->data_dir, "data-dir", err) < 0) ||
	    (a->log_file && copy_path(cfg->log_file, sizeof(cfg->log_file),
				      a->log_file, "log-file", err) < 0) ||
	    (a->training_seed &&
	     copy_path(cfg->training_seed_dir, sizeof(cfg->training_seed_dir),
		       a->training_seed, "training-seed", err) < 0) ||
	    (a->training_password &&
	     copy_path(cfg->training_password, sizeof(cfg->training_password),
		       a->training_password, "training-password", err) < 0))
		return -1;
	if (a->listen && config_parse_listen(cfg, a->listen, err) < 0)
		return -1;
	if (a->fake_clock && options_fake_clock(cfg, a->fake_clock, err) < 0)
		return -1;
	cfg->seed_demo |= a->seed_demo != NULL;
	cfg->ephemeral |= a->ephemeral != NULL;
	return 0;
}

void options_db_default(struct server_config *cfg,
			const struct server_paths *paths)
{
	const char *state = getenv("STATE_DIRECTORY");

	/* systemd may list several folders separated by ':'; ours is one. */
	if (!state || !state[0] || strchr(state, ':'))
		state = paths->state_dir;
	snprintf(cfg->db_path, sizeof(cfg->db_path), "%s/wincase.db", state);
}

/* --seed-demo reads the demo catalog: check it before a store is made. */
static int options_seed_check(const struct server_config *cfg,
			      struct wc_error *err)
{
	char path[700];

	snprintf(path, sizeof(path), "%s/catalog/demo.json", cfg->conf_dir);
	if (cfg->seed_demo && access(path, R_OK) != 0)
		return wc_error_set(err, "usage", "conf-dir",
				    "--seed-demo needs %s", path);
	return 0;
}

int options_apply(const struct server_args *a, const struct server_paths *paths,
		  struct server_config *cfg, struct wc_error *err)
{
	const char *file = a->config;

	config_set_defaults(cfg);
	/* Unset until the config or the command line names them. */
	cfg->db_path[0] = '\0';
	cfg->conf_dir[0] = '\0';
	if (!file && paths->system_config &&
	    access(paths->system_config, F_OK) == 0)
		file = paths->system_config;
	if (file && config_load_file(cfg, file, err) < 0)
		return -1;
	if (options_override(a, cfg, err) < 0)
		return -1;
	if (!cfg->db_path[0])
		options_db_default(cfg, paths);
	if (options_conf_dir_resolve(cfg, paths, err) < 0 ||
	    options_training(cfg, err) < 0)
		return -1;
	return options_seed_check(cfg, err);
}

/* A reference data folder holds both document templates. */
static bool conf_dir_usable(const char *dir)
{
	static const char *const needed[] = {"templates/notice.txt",
					     "templates/commitment.txt"};
	char path[700];

	for (size_t i = 0; i < sizeof(needed) / sizeof(needed[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, needed[i]);
		if (access(path, R_OK) != 0)
			return false;
	}
	return true;
}

int options_conf_dir_resolve(struct server_config *cfg,
			     const struct server_paths *paths,
			     struct wc_error *err)
{
	const char *found = NULL;

	if (cfg->conf_dir[0]) {
		if (conf_dir_usable(cfg->conf_dir))
			return 0;
		return wc_error_set(err, "usage", "conf-dir",
				    "%s has no readable templates/notice.txt "
				    "and templates/commitment.txt",
				    cfg->conf_dir);
	}
	if (paths->share_dir && conf_dir_usable(paths->share_dir))
		found = paths->share_dir;
	else if (paths->source_conf && conf_dir_usable(paths->source_conf))
		found = paths->source_conf;
	if (!found)
		return wc_error_set(err, "usage", "conf-dir",
				    "no reference data: neither %s nor ./%s "
				    "has templates/notice.txt; give "
				    "--conf-dir DIR",
				    paths->share_dir ? paths->share_dir : "-",
				    paths->source_conf ? paths->source_conf
						       : "-");
	snprintf(cfg->conf_dir, sizeof(cfg->conf_dir), "%s", found);
	return 0;
}
