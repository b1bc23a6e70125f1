/* training_class.c - the trainer's view of a class (net_training.h, issue
 * 14.10): every PC appends its trainees' attempts to its own file in a
 * shared folder, the trainer's client reads them all with the local file
 * and counts them against every scenario. The files come from other PCs:
 * names and findings are sanitised where they enter. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wincase/net_training.h"
#include "wincase/text.h"

#include "private.h"
#include "training_private.h"

#define SHARED_PREFIX "results-"
#define SHARED_SUFFIX ".json"

static bool has_shared(const struct net_training_folders *f)
{
	return f->shared && *f->shared;
}

/* This PC's name for its file: letters, digits, '.', '_' and '-' of the
 * host name (or f->host), "pc" when none is left. */
static void host_name(const struct net_training_folders *f, char *out,
		      size_t size)
{
	char raw[256] = "";
	const char *h = f->host;
	size_t n = 0;

	if (!h) {
		if (gethostname(raw, sizeof(raw) - 1))
			raw[0] = '\0';
		h = raw;
	}
	for (; *h && n + 1 < size; h++)
		if (isalnum((unsigned char)*h) || strchr("._-", *h))
			out[n++] = *h;
	out[n] = '\0';
	if (n == 0)
		snprintf(out, size, "pc");
}

int net_training_results_save(const struct net_training_folders *f,
			      const char *trainee,
			      const struct training_scenario *sc,
			      const struct training_result *res,
			      size_t hints_used, bool *shared_saved,
			      struct wc_error *err)
{
	struct wc_error why = {0};

	if (shared_saved)
		*shared_saved = false;
	if (has_shared(f)) {
		char path[TRAINING_RESULTS_PATH_MAX], host[128];

		host_name(f, host, sizeof(host));
		snprintf(path, sizeof(path),
			 "%s/" SHARED_PREFIX "%s" SHARED_SUFFIX, f->shared,
			 host);
		if (net_training_file_append(
			f->shared, path, trainee,
			net_training_attempt_json(sc, res, hints_used),
			&why) == 0) {
			if (shared_saved)
				*shared_saved = true;
			return 0;
		}
	}
	if (net_training_results_add(f->local, trainee, sc, res, hints_used,
				     err))
		return -1;
	if (has_shared(f))
		wc_error_set(err, "shared_unavailable", "results_dir", "%s",
			     why.message);
	return 0;
}

/* ---- Reading: every attempt of every file, by trainee */

struct gathered {
	json_t *all; /* {"NAME": [attempt...]} */
	size_t files, unreadable;
};

static void gather_file(struct gathered *g, const char *path)
{
	struct wc_error e = {0};
	const char *name;
	json_t *root, *list;

	if (access(path, F_OK) != 0)
		return;
	root = net_training_file_load(path, &e);
	if (!root) {
		g->unreadable++;
		return;
	}
	g->files++;
	json_object_foreach(json_object_get(root, "trainees"), name, list)
	{
		json_t *have = json_object_get(g->all, name);

		if (!json_is_array(list))
			continue;
		if (!have) {
			have = json_array();
			if (json_object_set_new(g->all, name, have))
				continue;
		}
		json_array_extend(have, list);
	}
	json_decref(root);
}

static bool shared_name(const char *name)
{
	size_t len = strlen(name), pre = strlen(SHARED_PREFIX),
	       suf = strlen(SHARED_SUFFIX);

	return len > pre + suf && strncmp(name, SHARED_PREFIX, pre) == 0 &&
	       strcmp(name + len - suf, SHARED_SUFFIX) == 0;
}

/* g->all new (NULL when out of memory). */
static void gather(const struct net_training_folders *f, struct gathered *g)
{
	char path[TRAINING_RESULTS_PATH_MAX + 256];
	struct dirent *e;
	DIR *d;

	memset(g, 0, sizeof(*g));
	g->all = json_object();
	if (!g->all)
		return;
	snprintf(path, sizeof(path), "%s/%s", f->local ? f->local : ".",
		 TRAINING_RESULTS_FILE);
	gather_file(g, path);
	if (!has_shared(f))
		return;
	d = opendir(f->shared);
	if (!d) {
		g->unreadable++; /* the folder itself is not reachable */
		return;
	}
	while ((e = readdir(d)))
		if (shared_name(e->d_name)) {
			snprintf(path, sizeof(path), "%s/%s", f->shared,
				 e->d_name);
			gather_file(g, path);
		}
	closedir(d);
}

static const char *str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

static int score_of(const json_t *attempt)
{
	return (int)json_integer_value(json_object_get(attempt, "score"));
}

/* Whether attempt a beats the best so far: a higher score, or an equal
 * one that is not older. */
static bool better(const json_t *a, const json_t *best)
{
	return !best || score_of(a) > score_of(best) ||
	       (score_of(a) == score_of(best) &&
		strcmp(str(a, "at"), str(best, "at")) >= 0);
}

/* The attempt's result of check i of sc, when it is that check. */
static const json_t *check_of(const struct training_scenario *sc,
			      const json_t *attempt, size_t i)
{
	const json_t *c = json_array_get(json_object_get(attempt, "checks"), i);

	return c && strcmp(str(c, "check"), sc->checks[i].kind) == 0 ? c : NULL;
}

static void lost_fill(const struct training_scenario *sc, const json_t *attempt,
		      struct net_training_scenario_stat *st)
{
	st->n_lost = 0;
	for (size_t i = 0; i < sc->n_checks; i++) {
		const json_t *c = check_of(sc, attempt, i);

		if (!c || !json_is_true(json_object_get(c, "passed")))
			st->lost[st->n_lost++] = (unsigned char)i;
	}
}

static long scenario_index(const struct net_training_class *c, const char *id)
{
	for (size_t k = 0; k < c->n_scenarios; k++)
		if (strcmp(c->scenarios[k]->id, id) == 0)
			return (long)k;
	return -1;
}

static int row_fill(struct net_training_class_row *row, const char *name,
		    const json_t *list, const struct net_training_class *c)
{
	const json_t **best = calloc(c->n_scenarios + 1, sizeof(*best));
	const json_t *a;
	size_t i;

	row->trainee = text_sanitize(name, 0);
	row->per = calloc(c->n_scenarios + 1, sizeof(*row->per));
	if (!best || !row->trainee || !row->per) {
		free(best);
		return -1;
	}
	json_array_foreach(list, i, a)
	{
		long secs = (long)json_integer_value(
			 json_object_get(a, "seconds")),
		     k = scenario_index(c, str(a, "scenario"));

		row->attempts++;
		row->seconds += secs;
		if (k < 0)
			continue;
		row->per[k].attempts++;
		row->per[k].seconds += secs;
		if (better(a, best[k]))
			best[k] = a;
	}
	for (size_t k = 0; k < c->n_scenarios; k++) {
		struct net_training_scenario_stat *st = &row->per[k];

		row->max_total += c->scenarios[k]->max_points;
		st->best = best[k] ? score_of(best[k]) : -1;
		if (!best[k])
			continue;
		lost_fill(c->scenarios[k], best[k], st);
		row->done++;
		row->best_total += st->best;
	}
	free(best);
	return 0;
}

static int row_order(const void *a, const void *b)
{
	return strcmp(((const struct net_training_class_row *)a)->trainee,
		      ((const struct net_training_class_row *)b)->trainee);
}

int net_training_class_load(const struct net_training_folders *f,
			    const struct training_scenario *const *scenarios,
			    size_t n, struct net_training_class *out,
			    struct wc_error *err)
{
	struct gathered g;
	const char *name;
	json_t *list;

	memset(out, 0, sizeof(*out));
	out->scenarios = scenarios;
	out->n_scenarios = n;
	gather(f, &g);
	out->files = g.files;
	out->unreadable = g.unreadable;
	out->rows =
	    g.all ? calloc(json_object_size(g.all) + 1, sizeof(*out->rows))
		  : NULL;
	if (!out->rows) {
		json_decref(g.all);
		return net_oom(err);
	}
	json_object_foreach(g.all, name, list)
	{
		if (row_fill(&out->rows[out->n++], name, list, out) < 0) {
			json_decref(g.all);
			net_training_class_release(out);
			return net_oom(err);
		}
	}
	json_decref(g.all);
	qsort(out->rows, out->n, sizeof(*out->rows), row_order);
	return 0;
}

void net_training_class_release(struct net_training_class *c)
{
	for (size_t i = 0; c->rows && i < c->n; i++) {
		free(c->rows[i].trainee);
		free(c->rows[i].per);
	}
	free(c->rows);
	c->rows = NULL;
	c->n = 0;
}

const struct net_training_class_row *
net_training_class_find(const struct net_training_class *c, const char *trainee)
{
	for (size_t i = 0; trainee && i < c->n; i++)
		if (strcmp(c->rows[i].trainee, trainee) == 0)
			return &c->rows[i];
	return NULL;
}

/* ---- One stored debrief */

static void result_fill(const struct training_scenario *sc,
			const json_t *attempt, struct training_result *out)
{
	memset(out, 0, sizeof(*out));
	out->n = sc->n_checks;
	for (size_t i = 0; i < sc->n_checks; i++) {
		struct training_check_result *r = &out->results[i];
		const json_t *c = check_of(sc, attempt, i);
		char *found = c ? text_sanitize(str(c, "found"), 0) : NULL;

		r->check = &sc->checks[i];
		r->passed = c && json_is_true(json_object_get(c, "passed"));
		r->points =
		    r->passed
			? (int)json_integer_value(json_object_get(c, "earned"))
			: 0;
		snprintf(r->found, sizeof(r->found), "%s", found ? found : "");
		free(found);
		out->earned += r->points;
	}
	out->max_points = sc->max_points;
	out->hint_cost =
	    (int)json_integer_value(json_object_get(attempt, "hint_cost"));
	out->score = score_of(attempt);
	out->seconds =
	    (int)json_integer_value(json_object_get(attempt, "seconds"));
}

int net_training_debrief_load(const struct net_training_folders *f,
			      const char *trainee,
			      const struct training_scenario *sc,
			      struct training_result *out, struct wc_error *err)
{
	struct gathered g;
	const json_t *a, *best = NULL;
	size_t i;

	gather(f, &g);
	if (!g.all)
		return net_oom(err);
	json_array_foreach(json_object_get(g.all, trainee), i, a)
	{
		if (strcmp(str(a, "scenario"), sc->id) == 0 && better(a, best))
			best = a;
	}
	if (best)
		result_fill(sc, best, out);
	json_decref(g.all);
	if (!best)
		return wc_error_set(err, "not_found", "scenario",
				    "%s has no attempt of %s", trainee, sc->id);
	return 0;
}
