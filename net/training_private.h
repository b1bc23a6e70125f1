/* training_private.h - the results files of training mode, shared by
 * net/training_results.c (one PC's file) and net/training_class.c (the
 * class gathered from several). */
#ifndef WINCASE_NET_TRAINING_PRIVATE_H
#define WINCASE_NET_TRAINING_PRIVATE_H

#include <jansson.h>

#include "wincase/error.h"

#define TRAINING_RESULTS_FILE	  "results.json"
#define TRAINING_RESULTS_PATH_MAX 1100

/* The results file at path ({"version":1,"trainees":{}} when there is
 * none yet): new reference, or NULL with err when it is not one. */
json_t *net_training_file_load(const char *path, struct wc_error *err);
/* root to path atomically (0600 temporary file in dir, fsync, rename). */
int net_training_file_write(const char *dir, const char *path,
			    const json_t *root, struct wc_error *err);
/* Appends entry (stolen) to trainee's list of the results file at path in
 * dir. */
int net_training_file_append(const char *dir, const char *path,
			     const char *trainee, json_t *entry,
			     struct wc_error *err);
/* training_result_to_json's object with "at" and "hints": new
 * reference or NULL. */
json_t *net_training_attempt_json(const struct training_scenario *sc,
				  const struct training_result *res,
				  size_t hints_used);

#endif
