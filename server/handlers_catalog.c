/* handlers_catalog.c - the service catalog and the working-day calendar,
 * answered from the in-memory copies under the reference read lock. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "wincase/calendar.h"
#include "wincase/catalog.h"

#define DUE_MAX_DAYS 3660

void handle_items_list(struct api_request *req, struct api_reply *rep)
{
	const struct catalog *cat;
	const char *q = api_query(req, "q");
	const char *cursor = api_query(req, "cursor");
	const char *next = NULL;
	json_t *items = json_array();
	int limit, count = 0;
	bool more = false;

	if (!api_query_limit(req, rep, &limit)) {
		json_decref(items);
		return;
	}
	pthread_rwlock_rdlock(&req->app->reference_lock);
	cat = req->app->catalog;
	/* Items are in code order; the cursor is the last code answered. */
	for (size_t i = 0; cat && i < cat->n_items; i++) {
		const struct item *it = &cat->items[i];

		if (cursor && strcmp(it->code, cursor) <= 0)
			continue;
		if (!item_matches(it, q))
			continue;
		if (count == limit) {
			more = true;
			break;
		}
		json_array_append_new(items, item_to_json(it, false));
		count++;
	}
	pthread_rwlock_unlock(&req->app->reference_lock);
	if (more)
		next = json_string_value(json_object_get(
		    json_array_get(items, (size_t)count - 1), "code"));
	api_ok(rep, 200, api_list(items, next));
}

void handle_item_get(struct api_request *req, struct api_reply *rep)
{
	const struct item *it;

	pthread_rwlock_rdlock(&req->app->reference_lock);
	it = req->app->catalog ? catalog_find(req->app->catalog, req->params[0])
			       : NULL;
	if (it)
		api_ok(rep, 200, item_to_json(it, true));
	else
		api_error(rep, 404, "not_found", NULL, "no item %s",
			  req->params[0]);
	pthread_rwlock_unlock(&req->app->reference_lock);
}

static bool parse_number(const char *text, long min, long max, long *out)
{
	char *end = NULL;
	long v;

	if (!text || !*text)
		return false;
	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

void handle_calendar_get(struct api_request *req, struct api_reply *rep)
{
	json_t *year_json;
	long year;

	if (!parse_number(req->params[0], 1900, 9999, &year)) {
		api_error(rep, 400, "bad_request", "year",
			  "the year must be a number from 1900 to 9999");
		return;
	}
	pthread_rwlock_rdlock(&req->app->reference_lock);
	year_json = calendar_year_to_json(req->app->calendar, (int)year);
	pthread_rwlock_unlock(&req->app->reference_lock);
	if (year_json)
		api_ok(rep, 200, year_json);
	else
		api_error(rep, 404, "not_found", "year",
			  "the calendar of %ld is not loaded", year);
}

/* R4: the due date is counted in working days from the next working day. */
void handle_calendar_due(struct api_request *req, struct api_reply *rep)
{
	const char *from_text = api_query(req, "from");
	char due_text[DATE_TEXT_SIZE];
	struct wc_error err;
	wc_day from, due;
	long days;
	int rc;

	if (!from_text || !date_parse(from_text, &from)) {
		api_error(rep, 400, "bad_request", "from",
			  "from must be a date YYYY-MM-DD");
		return;
	}
	if (!parse_number(api_query(req, "days"), 0, DUE_MAX_DAYS, &days)) {
		api_error(rep, 400, "bad_request", "days",
			  "days must be an integer from 0 to %d", DUE_MAX_DAYS);
		return;
	}
	pthread_rwlock_rdlock(&req->app->reference_lock);
	rc = calendar_add_working_days(req->app->calendar, from, (int)days,
				       &due, &err);
	pthread_rwlock_unlock(&req->app->reference_lock);
	if (rc < 0) {
		api_error_from(rep, 422, &err);
		return;
	}
	date_format(due, due_text);
	api_ok(rep, 200,
	       json_pack("{s:s, s:i, s:s}", "from", from_text, "days",
			 (int)days, "due", due_text));
}
