/* handlers_handoff_targets.c - R1: where an inquiry can be handed off to
 * (issue 13.5). The targets are the windows some clerk may sit at and the
 * departments some user belongs to: a handoff anywhere else would never
 * be acknowledged, so the server refuses it (422 handoff_target_unknown). */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "handoff_targets.h"

/* The set of names gathered from the store, as a JSON object's keys. */
struct target_set {
	json_t *names;
	bool split; /* the texts are comma-separated lists */
};

static int target_add(void *ctx, const char *text, struct wc_error *err)
{
	struct target_set *set = ctx;
	char *copy, *save = NULL;

	(void)err;
	if (!text || !*text)
		return 0;
	if (!set->split)
		return json_object_set_new(set->names, text, json_true());
	copy = strdup(text);
	if (!copy)
		return -1;
	for (char *w = strtok_r(copy, ",", &save); w;
	     w = strtok_r(NULL, ",", &save))
		json_object_set_new(set->names, w, json_true());
	free(copy);
	return 0;
}

/* New object whose keys are the windows (or departments), or NULL. */
static json_t *targets_read(struct store_conn *db, bool departments,
			    struct wc_error *err)
{
	struct target_set set = {json_object(), !departments};

	if (!db->ops->handoff_targets_visit ||
	    db->ops->handoff_targets_visit(db, departments, target_add, &set,
					   err) < 0) {
		json_decref(set.names);
		return NULL;
	}
	return set.names;
}

static int name_compare(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t lx = strlen(x), ly = strlen(y);

	/* Window numbers in numeric order: "2" before "10". */
	if (lx != ly && strspn(x, "0123456789") == lx &&
	    strspn(y, "0123456789") == ly)
		return lx < ly ? -1 : 1;
	return strcmp(x, y);
}

static void targets_append(json_t *items, json_t *names, const char *kind)
{
	size_t n = json_object_size(names), i = 0;
	const char **sorted = calloc(n ? n : 1, sizeof(*sorted));
	const char *key;
	json_t *value;

	if (!sorted)
		return;
	json_object_foreach(names, key, value)
	{
		(void)value;
		sorted[i++] = key;
	}
	qsort(sorted, n, sizeof(*sorted), name_compare);
	for (i = 0; i < n; i++)
		json_array_append_new(
		    items,
		    json_pack("{s:s, s:s}", "kind", kind, "name", sorted[i]));
	free(sorted);
}

void handle_handoff_targets(struct api_request *req, struct api_reply *rep)
{
	struct wc_error err = {0};
	json_t *windows = targets_read(req->db, false, &err);
	json_t *departments =
	    windows ? targets_read(req->db, true, &err) : NULL;
	json_t *items;

	if (!departments) {
		json_decref(windows);
		api_internal(rep, &err);
		return;
	}
	items = json_array();
	targets_append(items, windows, "window");
	targets_append(items, departments, "department");
	json_decref(windows);
	json_decref(departments);
	api_ok(rep, 200,
	       json_pack("{s:o, s:n}", "items", items, "next_cursor"));
}

bool handoff_target_check(struct api_request *req, struct api_reply *rep,
			  const char *window, const char *department)
{
	struct wc_error err = {0};
	json_t *names = targets_read(req->db, window == NULL, &err);
	bool known;

	if (!names) {
		api_internal(rep, &err);
		return false;
	}
	known = json_object_get(names, window ? window : department) != NULL;
	json_decref(names);
	if (!known)
		api_error(rep, 422, "handoff_target_unknown",
			  window ? "to_window" : "to_department",
			  "no user sits at that window or belongs to that "
			  "department; see GET /v1/handoff-targets");
	return known;
}
