/* training_results.c - the trainees' results file of training mode
 * (net_training.h): one attempt appended per debrief, the file replaced
 * atomically, and the trainer's table summed from it. It is a local file,
 * not the API, but JSON: it lives in net/, the client's only JSON code. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "wincase/net_training.h"

#include "private.h"
#include "training_private.h"

#define RESULTS_PATH_MAX TRAINING_RESULTS_PATH_MAX

static void results_path(const char *data_dir, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", data_dir, TRAINING_RESULTS_FILE);
}

json_t *net_training_file_load(const char *path, struct wc_error *err)
{
	json_error_t jerr;
	json_t *root;

	if (access(path, F_OK) != 0)
		return json_pack("{s:i, s:{}}", "version", 1, "trainees");
	root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (!root || !json_is_object(json_object_get(root, "trainees"))) {
		json_decref(root);
		wc_error_set(err, "invalid_field", "results",
			     "%s is not a results file: %s", path, jerr.text);
		return NULL;
	}
	return root;
}

/* A results file of data_dir: net_training_file_load. */
static json_t *results_load(const char *data_dir, struct wc_error *err)
{
	char path[RESULTS_PATH_MAX];

	results_path(data_dir, path, sizeof(path));
	return net_training_file_load(path, err);
}

/* Write root to path atomically: a 0600 temporary file in the same
 * folder, flushed, closed, then renamed over it. */
int net_training_file_write(const char *dir, const char *path,
			    const json_t *root, struct wc_error *err)
{
	char tmp[RESULTS_PATH_MAX];
	char *text = json_dumps(root, JSON_INDENT(1) | JSON_SORT_KEYS);
	size_t len = text ? strlen(text) : 0;
	int fd, rc = -1;
	bool written;

	snprintf(tmp, sizeof(tmp), "%s/.results-XXXXXX", dir);
	fd = text ? mkstemp(tmp) : -1;
	if (fd >= 0) {
		written = fchmod(fd, 0600) == 0 &&
			  write(fd, text, len) == (ssize_t)len &&
			  fsync(fd) == 0;
		/* Closed once, whatever happened: a failed close is not
		 * retried (the descriptor is gone either way). */
		if (close(fd) == 0 && written)
			rc = rename(tmp, path);
		if (rc < 0)
			unlink(tmp);
	}
	free(text);
	if (rc < 0)
		return wc_error_set(err, "internal", "results",
				    "cannot write %s: %s", path,
				    strerror(errno));
	return 0;
}

json_t *net_training_attempt_json(const struct training_scenario *sc,
				  const struct training_result *res,
				  size_t hints_used)
{
	json_t *entry = training_result_to_json(sc, res);
	time_t now = time(NULL);
	char at[32];
	struct tm tm;

	if (!entry)
		return NULL;
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (json_object_set_new(entry, "at", json_string(at)) ||
	    json_object_set_new(entry, "hints",
				json_integer((json_int_t)hints_used))) {
		json_decref(entry);
		return NULL;
	}
	return entry;
}

int net_training_file_append(const char *dir, const char *path,
			     const char *trainee, json_t *entry,
			     struct wc_error *err)
{
	json_t *root = entry ? net_training_file_load(path, err) : NULL;
	json_t *trainees, *list;
	int rc = -1;

	if (!entry)
		return net_oom(err);
	if (!root) {
		json_decref(entry);
		return -1;
	}
	trainees = json_object_get(root, "trainees");
	list = json_object_get(trainees, trainee);
	if (!json_is_array(list)) {
		list = json_array();
		if (json_object_set_new(trainees, trainee, list))
			list = NULL;
	}
	if (!list || json_array_append_new(list, entry)) {
		net_oom(err);
		goto done;
	}
	rc = net_training_file_write(dir, path, root, err);
done:
	json_decref(root);
	return rc;
}

int net_training_results_add(const char *data_dir, const char *trainee,
			     const struct training_scenario *sc,
			     const struct training_result *res,
			     size_t hints_used, struct wc_error *err)
{
	char path[RESULTS_PATH_MAX];

	results_path(data_dir, path, sizeof(path));
	return net_training_file_append(
	    data_dir, path, trainee,
	    net_training_attempt_json(sc, res, hints_used), err);
}

/* ---- The trainer's table */

static struct net_training_best *best_find(struct net_training_row *row,
					   const char *scenario)
{
	for (size_t i = 0; i < row->n_best; i++)
		if (strcmp(row->best[i].scenario, scenario) == 0)
			return &row->best[i];
	return NULL;
}

/* One attempt into row: the best score per scenario, max_points counted
 * once per scenario (from its first attempt). */
static int row_add(struct net_training_row *row, const json_t *r)
{
	const char *sc = json_string_value(json_object_get(r, "scenario"));
	int score = (int)json_integer_value(json_object_get(r, "score"));
	struct net_training_best *have, *more;

	row->attempts++;
	row->seconds += (long)json_integer_value(json_object_get(r, "seconds"));
	if (!sc)
		return 0;
	have = best_find(row, sc);
	if (have) {
		if (score > have->score) {
			row->best_total += score - have->score;
			have->score = score;
		}
		return 0;
	}
	more = realloc(row->best, (row->n_best + 1) * sizeof(*row->best));
	if (!more)
		return -1;
	row->best = more;
	have = &row->best[row->n_best];
	have->scenario = strdup(sc);
	if (!have->scenario)
		return -1;
	have->score = score;
	row->n_best++;
	row->best_total += score;
	row->max_total +=
	    (long)json_integer_value(json_object_get(r, "max_points"));
	return 0;
}

static void row_release(struct net_training_row *row)
{
	for (size_t i = 0; i < row->n_best; i++)
		free(row->best[i].scenario);
	free(row->best);
	free(row->trainee);
	memset(row, 0, sizeof(*row));
}

static int row_build(struct net_training_row *row, const char *name,
		     const json_t *list)
{
	const json_t *r;
	size_t i;

	memset(row, 0, sizeof(*row));
	row->trainee = strdup(name);
	if (!row->trainee)
		return -1;
	json_array_foreach(list, i, r)
	{
		if (row_add(row, r) < 0) {
			row_release(row);
			return -1;
		}
	}
	return 0;
}

static int row_order(const void *a, const void *b)
{
	return strcmp(((const struct net_training_row *)a)->trainee,
		      ((const struct net_training_row *)b)->trainee);
}

int net_training_progress_load(const char *data_dir,
			       struct net_training_progress *out,
			       struct wc_error *err)
{
	json_t *root = results_load(data_dir, err), *list;
	const json_t *trainees = json_object_get(root, "trainees");
	size_t n = json_object_size(trainees);
	const char *name;

	memset(out, 0, sizeof(*out));
	if (!root)
		return -1;
	out->rows = calloc(n ? n : 1, sizeof(*out->rows));
	if (!out->rows) {
		json_decref(root);
		return net_oom(err);
	}
	json_object_foreach((json_t *)trainees, name, list)
	{
		if (row_build(&out->rows[out->n], name, list) < 0) {
			json_decref(root);
			net_training_progress_release(out);
			return net_oom(err);
		}
		out->n++;
	}
	json_decref(root);
	qsort(out->rows, out->n, sizeof(*out->rows), row_order);
	return 0;
}

void net_training_progress_release(struct net_training_progress *p)
{
	for (size_t i = 0; i < p->n; i++)
		row_release(&p->rows[i]);
	free(p->rows);
	p->rows = NULL;
	p->n = 0;
}

const struct net_training_row *
net_training_progress_find(const struct net_training_progress *p,
			   const char *trainee)
{
	for (size_t i = 0; trainee && i < p->n; i++)
		if (strcmp(p->rows[i].trainee, trainee) == 0)
			return &p->rows[i];
	return NULL;
}

int net_training_best_score(const struct net_training_row *row,
			    const char *scenario)
{
	for (size_t i = 0; row && scenario && i < row->n_best; i++)
		if (strcmp(row->best[i].scenario, scenario) == 0)
			return row->best[i].score;
	return -1;
}
