/* handlers_stats.c - GET /v1/stats?from=&to=&group_by=window|clerk|item:
 * what happened in a range of server-local dates, per window, clerk or
 * item (R1-R5 in numbers). A reviewer sees their department's figures, an
 * administrator everyone's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"

#define STATS_MAX_ROWS 2000

/* The counted columns of a row, in API.md's order. */
static const char *const stats_columns[] = {
    "inquiries",       "bounced",  "cases",    "notices",
    "once_violations", "accepted", "tolerant", "fulfilled",
    "breached",	       "overdue",  "deemed",   "completed",
};

#define N_COLUMNS (sizeof(stats_columns) / sizeof(stats_columns[0]))

struct stats_row {
	char key[128];
	int64_t counts[N_COLUMNS];
	int64_t ratings[5];
};

struct stats_table {
	struct stats_row *rows; /* ascending by key (the store's order) */
	size_t n, cap;
};

static struct stats_row *stats_row_for(struct stats_table *t, const char *key)
{
	if (t->n && strcmp(t->rows[t->n - 1].key, key) == 0)
		return &t->rows[t->n - 1];
	if (t->n == STATS_MAX_ROWS)
		return NULL;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		void *p = realloc(t->rows, cap * sizeof(*t->rows));

		if (!p)
			return NULL;
		t->rows = p;
		t->cap = cap;
	}
	memset(&t->rows[t->n], 0, sizeof(t->rows[0]));
	store_copy(t->rows[t->n].key, sizeof(t->rows[0].key), key);
	return &t->rows[t->n++];
}

/* Add count to one metric: a column name or "rating_N". */
static void stats_count(struct stats_row *row, const char *metric, size_t len,
			int64_t count)
{
	if (len == 8 && strncmp(metric, "rating_", 7) == 0 &&
	    metric[7] >= '1' && metric[7] <= '5') {
		row->ratings[metric[7] - '1'] += count;
		return;
	}
	for (size_t i = 0; i < N_COLUMNS; i++) {
		if (strlen(stats_columns[i]) == len &&
		    strncmp(stats_columns[i], metric, len) == 0) {
			row->counts[i] += count;
			return;
		}
	}
}

/* The store gives rows ordered by key; "a+b" counts both a and b. */
static int stats_visit(void *ctx, const char *key, const char *metric,
		       int64_t count, struct wc_error *err)
{
	struct stats_row *row = stats_row_for(ctx, key);
	const char *p = metric;

	if (!row)
		return wc_error_set(err, "internal", NULL,
				    "too many statistics rows");
	for (;;) {
		size_t len = strcspn(p, "+");

		stats_count(row, p, len, count);
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	return 0;
}

/* New reference: one row as API.md shows it. R5: satisfaction is the
 * share of ratings 4-5, null without ratings. */
static json_t *stats_row_json(const struct stats_row *row)
{
	json_t *o = json_pack("{s:s}", "key", row->key);
	json_t *ratings = json_object();
	int64_t rated = 0;
	char level[2] = "1";

	for (size_t i = 0; i < N_COLUMNS; i++)
		json_object_set_new(o, stats_columns[i],
				    json_integer(row->counts[i]));
	for (int i = 0; i < 5; i++) {
		level[0] = (char)('1' + i);
		json_object_set_new(ratings, level,
				    json_integer(row->ratings[i]));
		rated += row->ratings[i];
	}
	json_object_set_new(o, "ratings", ratings);
	json_object_set_new(
	    o, "satisfaction",
	    rated ? json_real((double)(row->ratings[3] + row->ratings[4]) /
			      (double)rated)
		  : json_null());
	return o;
}

/* from/to: dates (default today for both); the range is from 00:00 of
 * from to 24:00 of to, server-local. */
static bool stats_read_range(struct api_request *req, struct api_reply *rep,
			     wc_day *from, wc_day *to)
{
	const char *f = api_query(req, "from"), *t = api_query(req, "to");
	wc_day today = clock_local_day(&req->app->clock, req->now);

	*from = *to = today;
	if (f && !date_parse(f, from)) {
		api_error(rep, 400, "bad_request", "from",
			  "from must be a YYYY-MM-DD date");
		return false;
	}
	if (t && !date_parse(t, to)) {
		api_error(rep, 400, "bad_request", "to",
			  "to must be a YYYY-MM-DD date");
		return false;
	}
	if (*from > *to) {
		api_error(rep, 422, "invalid_field", "from",
			  "from must not be after to");
		return false;
	}
	return true;
}

static bool stats_read_query(struct api_request *req, struct api_reply *rep,
			     struct stats_query *q, size_t *offset)
{
	const char *g = api_query(req, "group_by");
	const char *cursor = api_query(req, "cursor");
	int64_t off = req->app->clock.offset_minutes * 60;
	wc_day from, to;
	char *end = NULL;

	if (!stats_read_range(req, rep, &from, &to))
		return false;
	if (!g || strcmp(g, "window") == 0)
		q->group_by = STATS_BY_WINDOW;
	else if (strcmp(g, "clerk") == 0)
		q->group_by = STATS_BY_CLERK;
	else if (strcmp(g, "item") == 0)
		q->group_by = STATS_BY_ITEM;
	else {
		api_error(rep, 400, "bad_request", "group_by",
			  "group_by must be window, clerk or item");
		return false;
	}
	*offset = 0;
	if (cursor) {
		errno = 0;
		*offset = strtoul(cursor, &end, 10);
		if (errno || !*cursor || *end || *offset > STATS_MAX_ROWS) {
			api_error(rep, 400, "bad_request", "cursor",
				  "bad cursor");
			return false;
		}
	}
	q->from = (int64_t)from * 86400 - off;
	q->to = ((int64_t)to + 1) * 86400 - off;
	/* R6: a reviewer's figures are their department's. */
	if (strcmp(req->session->user.role, "admin") != 0)
		q->department = req->session->user.department;
	return true;
}

void handle_stats(struct api_request *req, struct api_reply *rep)
{
	struct stats_query q = {0};
	struct stats_table t = {0};
	struct wc_error err;
	char cursor[24], from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
	size_t offset, end;
	int limit;
	json_t *items, *body;
	static const char *const groups[] = {"window", "clerk", "item"};

	if (!api_query_limit(req, rep, &limit) ||
	    !stats_read_query(req, rep, &q, &offset))
		return;
	if (req->db->ops->stats_visit(req->db, &q, stats_visit, &t, &err) < 0) {
		free(t.rows);
		api_internal(rep, &err);
		return;
	}
	items = json_array();
	end = offset + (size_t)limit < t.n ? offset + (size_t)limit : t.n;
	for (size_t i = offset; i < end; i++)
		json_array_append_new(items, stats_row_json(&t.rows[i]));
	snprintf(cursor, sizeof(cursor), "%zu", end);
	body = api_list(items, end < t.n ? cursor : NULL);
	date_format(clock_local_day(&req->app->clock, q.from), from);
	date_format(clock_local_day(&req->app->clock, q.to - 1), to);
	json_object_set_new(body, "from", json_string(from));
	json_object_set_new(body, "to", json_string(to));
	json_object_set_new(body, "group_by", json_string(groups[q.group_by]));
	api_ok(rep, 200, body);
	free(t.rows);
}
