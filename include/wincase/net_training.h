/* net_training.h - what training mode asks of its private server (a
 * wincased started with --training-seed, net_spawn.h) and the trainees'
 * results file. The state a scenario is scored on is read here and handed
 * to core's training_evaluate, so the client gets a struct
 * training_result and never sees the JSON; the results file is JSON too
 * and is kept here for the same reason. Strings are owned. */
#ifndef WINCASE_NET_TRAINING_H
#define WINCASE_NET_TRAINING_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/error.h"
#include "wincase/lifecycle.h"
#include "wincase/net.h"
#include "wincase/training.h"

/* The newest case and inquiry ids of the trainee when an attempt begins:
 * a scenario tried again on the same server is scored on what this attempt
 * made, not on the earlier ones (ids only grow; the fake clock may not
 * have moved, so times cannot tell attempts apart). */
struct net_training_floor {
	long long case_id;
	long long inquiry_id;
};

/* GET /v1/cases and /v1/inquiries (scope=mine), the newest of each. */
int net_training_floor_get(struct net_client *client,
			   struct net_training_floor *out,
			   struct wc_error *err);

/* Read the persona's cases and inquiries made after floor (each whole, as
 * GET /v1/cases/{id} and /v1/inquiries/{id} give them) and the persona's
 * credit, and score them with training_evaluate for user (the trainee's
 * username). *out as training_evaluate fills it; -1 with err. */
int net_training_evaluate(struct net_client *client, const char *user,
			  const struct training_scenario *sc,
			  const struct net_training_floor *floor,
			  size_t hints_used, int seconds,
			  struct training_result *out, struct wc_error *err);

/* The status of the persona's newest case: *found false when there is
 * none (or its status is not one the client knows). */
int net_training_case_status(struct net_client *client,
			     const struct training_scenario *sc, bool *found,
			     enum case_status *status, struct wc_error *err);

/* The simulated colleague of sc (sc->colleague, when it acknowledges)
 * acknowledges every waiting handoff of the persona's inquiries to its
 * window or department. *colleague is its own client on url, logged in
 * with password on first use (the caller frees it with net_client_free).
 * The number acknowledged (0 when sc has no such colleague), -1 with
 * err. */
int net_training_colleague_ack(const char *url, const char *password,
			       struct net_client **colleague,
			       const struct training_scenario *sc,
			       struct wc_error *err);

/* PUT /v1/admin/clock: the fake clock to now (RFC 3339). */
int net_clock_set(struct net_client *client, const char *now,
		  struct wc_error *err);
/* Move the fake clock days working days ahead of the server's today, to
 * 09:00 of that day; the day ("YYYY-MM-DD") into day. */
int net_training_clock_advance(struct net_client *client, int days,
			       char day[11], struct wc_error *err);

/* ---- The results file: data_dir/results.json (0600, written
 * atomically), {"version":1,"trainees":{"NAME":[result...]}} where a
 * result is training_result_to_json's object plus "at" (RFC 3339 UTC) and
 * "hints" (the number shown). */

/* Append one attempt of trainee. */
int net_training_results_add(const char *data_dir, const char *trainee,
			     const struct training_scenario *sc,
			     const struct training_result *res,
			     size_t hints_used, struct wc_error *err);

/* One scenario's best score of a trainee. */
struct net_training_best {
	char *scenario;
	int score;
};

/* The trainer's table: one row per trainee. */
struct net_training_row {
	char *trainee;
	long attempts;
	size_t n_best; /* scenarios tried, in the order first tried */
	struct net_training_best *best;
	long best_total; /* sum of the best scores */
	long max_total;	 /* sum of the tried scenarios' max_points */
	long seconds;	 /* time over every attempt */
};

struct net_training_progress {
	size_t n; /* rows in trainee name order */
	struct net_training_row *rows;
};

/* Read the results of data_dir (none yet: no rows). -1 with err when the
 * file is unreadable or not a results file. Release with
 * net_training_progress_release. */
int net_training_progress_load(const char *data_dir,
			       struct net_training_progress *out,
			       struct wc_error *err);
void net_training_progress_release(struct net_training_progress *p);
/* trainee's row, or NULL. */
const struct net_training_row *
net_training_progress_find(const struct net_training_progress *p,
			   const char *trainee);
/* The best score of scenario in row, or -1 when not tried (row may be
 * NULL). */
int net_training_best_score(const struct net_training_row *row,
			    const char *scenario);

/* ---- The class (issue 14.10): results of several counter PCs. Each PC
 * appends its attempts to its own file in a shared folder
 * ([training] results_dir of wincase.conf), SHARED/results-HOST.json,
 * so that no two PCs ever write one file; without a shared folder, or
 * when it cannot be written, to LOCAL/results.json. An attempt is written
 * once, to one of them, and the trainer's view reads them all. */
struct net_training_folders {
	const char *local;  /* the training data folder */
	const char *shared; /* the shared folder; NULL or "" for none */
	const char *host;   /* this PC in the file name; NULL: its host
			       name (letters, digits, . _ - kept) */
};

/* Append one attempt of trainee as above; *shared_saved (may be NULL)
 * true when it went to the shared folder. -1 with err when it could be
 * written nowhere; 0 with err set (code "shared_unavailable") when it
 * went to the local file because the shared folder failed. */
int net_training_results_save(const struct net_training_folders *f,
			      const char *trainee,
			      const struct training_scenario *sc,
			      const struct training_result *res,
			      size_t hints_used, bool *shared_saved,
			      struct wc_error *err);

/* One trainee's record of one scenario. */
struct net_training_scenario_stat {
	long attempts;
	int best; /* the best score, -1 when not tried */
	long seconds;
	/* The checks lost in the best attempt (the latest of equal ones):
	 * indices into the scenario's checks. */
	size_t n_lost;
	unsigned char lost[TRAINING_MAX_CHECKS];
};

struct net_training_class_row {
	char *trainee; /* sanitised */
	long attempts;
	size_t done;	 /* scenarios tried, of the class's n_scenarios */
	long best_total; /* sum of the best scores */
	long max_total;	 /* sum of every scenario's max_points */
	long seconds;
	struct net_training_scenario_stat *per; /* n_scenarios of them */
};

struct net_training_class {
	const struct training_scenario *const *scenarios; /* borrowed */
	size_t n_scenarios;
	size_t n; /* rows in trainee name order */
	struct net_training_class_row *rows;
	size_t files;	   /* results files read */
	size_t unreadable; /* results files that were not (left out) */
};

/* Read LOCAL/results.json and every SHARED/results-*.json and count them
 * against all n scenarios (an attempt of a scenario not among them counts
 * as an attempt only). A file that cannot be read is left out and
 * counted. Release with net_training_class_release. -1 with err only when
 * out of memory. */
int net_training_class_load(const struct net_training_folders *f,
			    const struct training_scenario *const *scenarios,
			    size_t n, struct net_training_class *out,
			    struct wc_error *err);
void net_training_class_release(struct net_training_class *c);
const struct net_training_class_row *
net_training_class_find(const struct net_training_class *c,
			const char *trainee);

/* The debrief of trainee's best attempt of sc (the latest of equal ones)
 * from those files, checks matched to sc's by position and kind, the
 * findings sanitised. -1 with err ("not_found") when there is none. */
int net_training_debrief_load(const struct net_training_folders *f,
			      const char *trainee,
			      const struct training_scenario *sc,
			      struct training_result *out,
			      struct wc_error *err);

#endif
