/* training.h - training mode's private server and the trainees' results
 * (docs/training.md). wincase --training starts its own wincased on
 * loopback with a fake clock, a new store in a fresh folder under the
 * training data folder and the training seed; it never reads the
 * production server URL. The server dies with the client: the child asks
 * for SIGTERM when its parent dies (PR_SET_PDEATHSIG) and wincased
 * --ephemeral then deletes its own store. The trainees' results are
 * net_training.h's (net_training_results_add). */
#ifndef WINCASE_TUI_TRAINING_H
#define WINCASE_TUI_TRAINING_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "wincase/error.h"

#define TRAINING_PASSWORD_DEFAULT "training-only-1"
#define TRAINING_PATH_MAX	  1024

struct training_options {
	const char *data_dir;	 /* NULL: training_data_dir() */
	const char *conf_dir;	 /* NULL: $WINCASE_CONF, the installed
				    share folder, or ./conf */
	const char *wincased;	 /* NULL: $WINCASED_BIN, next to this
				    program, or wincased on PATH */
	const char *clock_start; /* RFC 3339, NULL: now */
	const char *log_path;	 /* wincased's stderr; NULL: /dev/null */
};

struct training_server {
	pid_t pid;				/* 0 when not running */
	char data_dir[TRAINING_PATH_MAX];	/* the training data folder */
	char store_dir[TRAINING_PATH_MAX + 16]; /* data_dir/srv-XXXXXX */
	char url[128];				/* "http://127.0.0.1:PORT" */
};

/* $XDG_DATA_HOME/wincase/training, else ~/.local/share/wincase/training,
 * made (mode 0700) if missing. Apart from the production data folder, so
 * training drafts and journal never mix with real ones. */
int training_data_dir(char *out, size_t size, struct wc_error *err);

/* The folder of the scenarios the server is seeded with (conf_dir/training,
 * conf_dir found as training_server_start finds it; opt may be NULL). */
void training_scenarios_dir(const struct training_options *opt, char *out,
			    size_t size);

/* Start the private server and wait (bounded) for its URL. -1 with err
 * (nothing left behind) when it cannot run or does not start. */
int training_server_start(struct training_server *ts,
			  const struct training_options *opt,
			  struct wc_error *err);
/* A new server in place of ts (issue 14.8: every scenario attempt on its
 * own store, clock, personas and history): the new one starts first, then
 * the old one stops and its folder goes, so a failure keeps ts as it was.
 * The URL and the store folder change; -1 with err. */
int training_server_restart(struct training_server *ts,
			    const struct training_options *opt,
			    struct wc_error *err);
/* SIGTERM, wait (bounded, then SIGKILL), remove the store folder. Safe to
 * call twice or on a server that never started. 0 when it stopped
 * cleanly. */
int training_server_stop(struct training_server *ts);

#endif
