/* config.h - wincased's settings: defaults, then the INI file, then the
 * command line (each later source overrides the earlier). */
#ifndef WINCASED_CONFIG_H
#define WINCASED_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "wincase/error.h"
#include "wincase/workhours.h"

enum pwhash_cost { PWHASH_MIN, PWHASH_INTERACTIVE, PWHASH_MODERATE };

struct server_config {
	char listen_host[64];
	int listen_port;
	char db_path[512];
	char conf_dir[512];
	char data_dir[512];	     /* "": the database file's directory */
	char log_file[512];	     /* "": stderr (log.h) */
	int timezone_offset_minutes; /* east of UTC; +08:00 is 480 */
	int threads;
	int session_hours;
	int credit_threshold;	  /* R3: breaches in 365 days still allowed */
	int login_max_failures;	  /* failures allowed in the window */
	int login_window_seconds; /* the window failures are counted in */
	enum pwhash_cost pwhash_cost;
	bool seed_demo;
	bool fake_clock;
	bool fake_clock_start_set;	/* --fake-clock=TIME was given */
	int64_t fake_clock_start;	/* unix seconds */
	struct workhours working_hours; /* R1: one working hour to ack */
	int rectification_days;		/* R5: working days to rectify */
	/* Training (docs/training.md): --training-seed DIR seeds the trainee,
	 * trainer and scenario data and lets the trainee move the fake clock;
	 * --ephemeral removes the store's files and folder on stop. */
	char training_seed_dir[512]; /* "": not a training server */
	char training_password[128];
	bool ephemeral;
};

void config_set_defaults(struct server_config *cfg);
/* Read an INI file (keys in no section or in [wincased]); unknown keys and
 * bad values are errors naming the line. */
int config_load_file(struct server_config *cfg, const char *path,
		     struct wc_error *err);
/* "HOST:PORT" into listen_host/listen_port; port 0 picks a free port. */
int config_parse_listen(struct server_config *cfg, const char *text,
			struct wc_error *err);
/* "+08:00", "-05:30", "Z" into minutes east of UTC. */
int config_parse_offset(const char *text, int *minutes);

#endif
