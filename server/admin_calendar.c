/* admin_calendar.c - what a calendar change does to open cases (issue
 * 11.7): the due date of an accepted case is its acceptance day plus the
 * item's promised working days (R4), so a changed year moves it. The
 * change says how many it moved, and each move is audited. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "audit.h"
#include "case.h"
#include "wincase/calendar.h"

#define CALENDAR_YEARS_MAX 256

/* A new calendar: every year of the server's but year, and the new one. */
struct calendar *admin_calendar_with(struct app *app, const json_t *year_obj,
				     int year, struct wc_error *err)
{
	struct calendar *cal = calendar_new();
	int years[CALENDAR_YEARS_MAX];
	size_t n = 0;
	int rc = cal ? 0 : -1;

	if (!cal) {
		wc_error_set(err, "internal", NULL, "out of memory");
		return NULL;
	}
	pthread_rwlock_rdlock(&app->reference_lock);
	if (app->calendar)
		n = calendar_years(app->calendar, years, CALENDAR_YEARS_MAX);
	for (size_t i = 0; i < n && rc == 0; i++) {
		json_t *j;

		if (years[i] == year)
			continue;
		j = calendar_year_to_json(app->calendar, years[i]);
		rc = j ? calendar_load_year(cal, j, err)
		       : wc_error_set(err, "internal", NULL, "out of memory");
		json_decref(j);
	}
	pthread_rwlock_unlock(&app->reference_lock);
	if (rc == 0)
		rc = calendar_load_year(cal, year_obj, err);
	if (rc < 0)
		calendar_free(&cal);
	return cal;
}

/* Move one case's due date to due (it has a new version), audited. */
static int move_one(struct store_conn *db, int64_t id, const char *due,
		    int year, int64_t now, const char *actor,
		    struct wc_error *err)
{
	struct case_record r = {0};
	char entity[48];
	json_t *data;
	int rc = db->ops->case_get(db, id, &r, err); /* with its lines */

	if (rc != 0) {
		case_record_release(&r);
		return rc < 0 ? -1 : 0;
	}
	data = json_pack("{s:s, s:s, s:i}", "from", r.due_date, "to", due,
			 "calendar", year);
	store_copy(r.due_date, sizeof(r.due_date), due);
	r.version++;
	snprintf(entity, sizeof(entity), "case:%" PRId64, id);
	rc = db->ops->case_update(db, &r, err) != 0
		 ? -1
		 : audit_append(db, now, actor, "case.due_moved", entity, data,
				err);
	json_decref(data);
	case_record_release(&r);
	return rc;
}

/* The due date of an accepted case under cal, in due; false when it
 * cannot be counted (its item unknown, a year missing). */
static bool due_under(struct app *app, const struct calendar *cal,
		      const struct case_record *r, char due[11])
{
	struct wc_error why;
	struct item it;
	wc_day day;
	int days;

	if (case_item_of(app, r, &it, &why) != 0)
		return false;
	days = it.promised_days;
	item_release(&it);
	if (calendar_add_working_days(
		cal, clock_local_day(&app->clock, r->accepted_at), days, &day,
		&why) != 0)
		return false;
	date_format(day, due);
	return true;
}

int admin_calendar_move_due(struct app *app, struct store_conn *db,
			    const struct calendar *cal, int year, int64_t now,
			    const char *actor, int *moved, struct wc_error *err)
{
	struct case_record *recs = NULL;
	size_t n = 0;
	int rc = 0;

	*moved = 0;
	/* Every open case with a due date (pending ones follow the reload,
	 * cases_resolve_pending_due). */
	if (db->ops->case_list_due(db, "9999-12-31", &recs, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char due[11];

		if (!due_under(app, cal, &recs[i], due) ||
		    strcmp(due, recs[i].due_date) == 0)
			continue;
		rc = move_one(db, recs[i].id, due, year, now, actor, err);
		if (rc == 0)
			(*moved)++;
	}
	case_records_free(&recs, n);
	return rc;
}
