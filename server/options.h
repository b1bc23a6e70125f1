/* options.h - wincased's command line (getopt_long) and where its files
 * are found: the config file, the database, the reference data folder.
 * Kept apart from main.c so that the unit tests can run it. */
#ifndef WINCASED_OPTIONS_H
#define WINCASED_OPTIONS_H

#include <stdio.h>

#include "config.h"

/* What the command line gave, each NULL when not given (flags: "" when
 * given). A new option is one field here and one row in options.c. */
struct server_args {
	const char *config;
	const char *db;
	const char *listen;
	const char *conf_dir;
	const char *data_dir;
	const char *log_file;
	const char *seed_demo;
	const char *fake_clock; /* "" or an RFC 3339 time */
	const char *training_seed;
	const char *training_password;
	const char *ephemeral;
	const char *help;
	const char *version;
};

/* Exit statuses of wincased (documented in wincased(8)). */
enum server_exit {
	SERVER_EXIT_OK = 0,
	SERVER_EXIT_FAILURE = 1, /* could not start or serve */
	SERVER_EXIT_USAGE = 2,	 /* bad option or configuration */
};

/* Where files are looked for; the build fills these in (Makefile), the
 * unit tests pass their own. */
struct server_paths {
	const char *system_config; /* /etc/wincase/wincased.conf */
	const char *share_dir;	   /* /usr/share/wincase */
	const char *state_dir;	   /* /var/lib/wincase */
	const char *source_conf;   /* "conf", a source tree's folder */
};

/* The paths this build was configured with. */
void options_paths_default(struct server_paths *paths);

/* Parse argv with getopt_long into *a. 0 on success; -1 with err for an
 * unknown option, a missing value or an operand. Resets getopt. */
int options_parse(int argc, char **argv, struct server_args *a,
		  struct wc_error *err);

/* The usage text, one line per option (generated from the option table). */
void options_usage(FILE *out);

/* Defaults, then the config file (--config, else paths->system_config when
 * it exists), then the command line over it, then the database and the
 * reference data folder resolved (options_conf_dir_resolve). */
int options_apply(const struct server_args *a, const struct server_paths *paths,
		  struct server_config *cfg, struct wc_error *err);

/* cfg->conf_dir when set (--conf-dir or the config), else the installed
 * share folder, else a source tree's ./conf: the first that holds the
 * document templates. -1 with err naming what is missing, so that the
 * server stops before it creates a database or a key. */
int options_conf_dir_resolve(struct server_config *cfg,
			     const struct server_paths *paths,
			     struct wc_error *err);

/* The database when neither --db nor the config names one:
 * $STATE_DIRECTORY/wincase.db under systemd, else state_dir/wincase.db. */
void options_db_default(struct server_config *cfg,
			const struct server_paths *paths);

#endif
