/* scheduler.c - the deadline scheduler: what happens when time passes
 * (R1 bounced by time, R3 breached commitments, R4 overdue and deemed
 * cases, R5 rectification due dates). Each step looks only for what is
 * still to do, so that a second run at the same time changes nothing. */
#include "scheduler.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "case.h"
#include "record_state.h"
#include "wincase/calendar.h"
#include "wincase/workhours.h"

#define SCHEDULER_PERIOD_SECONDS 60
#define SECONDS_PER_DAY		 86400
#define ACK_WORKING_MINUTES	 60 /* R1: one working hour */

struct scheduler {
	struct app *app;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
};

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The server-local minute at or after t (R1 counts whole minutes). */
static struct workhours_time local_minute_ceil(const struct server_clock *clk,
					       int64_t t)
{
	int64_t local = t + (int64_t)clk->offset_minutes * 60;
	int64_t minutes = floor_div(local + 59, 60);
	struct workhours_time out;

	out.day = (wc_day)floor_div(minutes, 1440);
	out.minute = (int)(minutes - (int64_t)out.day * 1440);
	return out;
}

static int64_t local_minute_to_unix(const struct server_clock *clk,
				    struct workhours_time lt)
{
	return (int64_t)lt.day * SECONDS_PER_DAY + (int64_t)lt.minute * 60 -
	       (int64_t)clk->offset_minutes * 60;
}

int scheduler_ack_deadline(struct app *app, int64_t created_at,
			   int64_t *deadline, struct wc_error *err)
{
	struct workhours_time due;
	int rc;

	pthread_rwlock_rdlock(&app->reference_lock);
	rc = workhours_add(&app->cfg.working_hours, app->calendar,
			   local_minute_ceil(&app->clock, created_at),
			   ACK_WORKING_MINUTES, &due, err);
	pthread_rwlock_unlock(&app->reference_lock);
	if (rc < 0)
		return -1;
	*deadline = local_minute_to_unix(&app->clock, due);
	return 0;
}

int scheduler_rectification_due(struct app *app, int64_t created_at,
				char out[DATE_TEXT_SIZE], struct wc_error *err)
{
	wc_day due;
	int rc;

	pthread_rwlock_rdlock(&app->reference_lock);
	rc = calendar_add_working_days(app->calendar,
				       clock_local_day(&app->clock, created_at),
				       app->cfg.rectification_days, &due, err);
	pthread_rwlock_unlock(&app->reference_lock);
	if (rc < 0)
		return -1;
	date_format(due, out);
	return 0;
}

json_t *scheduler_counts_json(const struct scheduler_counts *c)
{
	return json_pack("{s:i, s:i, s:i, s:i, s:i}", "breached", c->breached,
			 "overdue", c->overdue, "deemed", c->deemed, "bounced",
			 c->bounced, "rectification", c->rectification);
}

/* audit_append with the scheduler as actor; data is stolen. */
static int scheduler_audit(struct store_conn *db, int64_t now,
			   const char *action, const char *entity, json_t *data,
			   struct wc_error *err)
{
	int rc =
	    audit_append(db, now, SCHEDULER_ACTOR, action, entity, data, err);

	json_decref(data);
	return rc;
}

static int scheduler_add_review(struct store_conn *db, int64_t now,
				enum review_kind kind, int64_t case_id,
				int64_t inquiry_id, const char *department,
				const char *window, char *summary, int64_t *id,
				struct wc_error *err)
{
	struct review_record item = {.case_id = case_id,
				     .inquiry_id = inquiry_id,
				     .created_at = now,
				     .summary = summary};
	int rc;

	review_record_set_kind(&item, kind);
	store_copy(item.department, sizeof(item.department), department);
	store_copy(item.window, sizeof(item.window), window);
	rc = db->ops->review_add(db, &item, err);
	*id = item.id;
	return rc;
}

/* A new version of case id (the scheduler changed something it shows). */
static int scheduler_bump_case(struct store_conn *db, int64_t id,
			       struct wc_error *err)
{
	struct case_record rec;
	int rc = db->ops->case_get(db, id, &rec, err);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rec.version++;
	rc = db->ops->case_update(db, &rec, err);
	case_record_release(&rec);
	return rc < 0 ? -1 : 0;
}

/* R3: an open commitment past its due date is breached; the breach enters
 * the applicant's credit record and the reviewer queue. */
static int scheduler_breach(struct store_conn *db, int64_t now,
			    const struct commitment_record *m, int *breached,
			    struct wc_error *err)
{
	struct credit_record credit = {
	    .case_id = m->case_id, .commitment_id = m->id, .at = now};
	char summary[256], entity[48];
	enum commitment_status next;
	int64_t review_id;

	/* The store lists open commitments only; anything else stays. */
	if (!commitment_allows(commitment_record_status(m),
			       COMMITMENT_DO_BREACH, &next))
		return 0;
	if (db->ops->commitment_set_status(
		db, m->id, commitment_status_word(next), now, err) < 0)
		return -1;
	store_copy(credit.id_type, sizeof(credit.id_type),
		   m->applicant_id_type);
	store_copy(credit.id_no, sizeof(credit.id_no), m->applicant_id_no);
	store_copy(credit.applicant_name, sizeof(credit.applicant_name),
		   m->applicant_name);
	store_copy(credit.kind, sizeof(credit.kind), "breach");
	snprintf(credit.note, sizeof(credit.note),
		 "承诺书 %s 补交期限 %s 已过，材料未补齐", m->no, m->due_date);
	if (db->ops->credit_add(db, &credit, err) < 0)
		return -1;
	snprintf(summary, sizeof(summary),
		 "失信：承诺书 %s 逾期未补齐（期限 %s）", m->no, m->due_date);
	if (scheduler_add_review(db, now, REVIEW_KIND_BREACH, m->case_id, 0,
				 m->department, m->window, summary, &review_id,
				 err) < 0 ||
	    scheduler_bump_case(db, m->case_id, err) < 0)
		return -1;
	(*breached)++;
	snprintf(entity, sizeof(entity), "case:%lld", (long long)m->case_id);
	return scheduler_audit(db, now, "commitment.breach", entity,
			       json_pack("{s:s, s:s, s:I, s:I}", "commitment",
					 m->no, "due_date", m->due_date,
					 "credit_entry", (json_int_t)credit.id,
					 "review_item", (json_int_t)review_id),
			       err);
}

static int scheduler_breaches(struct store_conn *db, int64_t now,
			      const char *today, struct scheduler_counts *out,
			      struct wc_error *err)
{
	struct commitment_record *due = NULL;
	size_t n = 0;
	int rc = 0;

	if (db->ops->commitment_list_due(db, today, &due, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = scheduler_breach(db, now, &due[i], &out->breached, err);
	commitment_records_free(&due, n);
	return rc;
}

/* R4: a case past its due date goes to the reviewer queue, once. */
static int scheduler_overdue(struct store_conn *db, int64_t now,
			     const struct case_record *c, int *added,
			     struct wc_error *err)
{
	char summary[256], entity[48];
	int64_t review_id;
	bool exists = false;

	if (db->ops->review_exists(db, review_kind_word(REVIEW_KIND_OVERDUE),
				   c->id, 0, &exists, err) < 0)
		return -1;
	if (exists)
		return 0;
	snprintf(summary, sizeof(summary), "超期：办件 %s 承诺时限 %s 已过",
		 c->no, c->due_date);
	if (scheduler_add_review(db, now, REVIEW_KIND_OVERDUE, c->id, 0,
				 c->department, c->window, summary, &review_id,
				 err) < 0)
		return -1;
	(*added)++;
	snprintf(entity, sizeof(entity), "case:%lld", (long long)c->id);
	return scheduler_audit(db, now, "case.overdue", entity,
			       json_pack("{s:s, s:I}", "due_date", c->due_date,
					 "review_item", (json_int_t)review_id),
			       err);
}

/* R4 超时默认: a major project's stage still open at its due date is deemed
 * done; the case advances with the late stage and party recorded. */
static int scheduler_deem(struct store_conn *db, int64_t now, int64_t id,
			  int *deemed, struct wc_error *err)
{
	struct case_record rec;
	enum case_status next;
	char entity[48];
	json_t *note;
	int rc = db->ops->case_get(db, id, &rec, err);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	/* Deemed done is completion by time: from an accepted state only. */
	if (!case_allows(case_record_status(&rec), CASE_DO_COMPLETE, &next)) {
		case_record_release(&rec);
		return 0;
	}
	note = json_pack("{s:s, s:s, s:s, s:s, s:s}", "stage", rec.status,
			 "party", "department", "department", rec.department,
			 "window", rec.window, "due_date", rec.due_date);
	free(rec.deemed_note);
	rec.deemed_note = json_dumps(note, JSON_COMPACT | JSON_SORT_KEYS);
	rec.deemed = true;
	case_record_set_status(&rec, next);
	store_copy(rec.result, sizeof(rec.result),
		   case_result_word(RESULT_APPROVED));
	store_copy(rec.completed_by, sizeof(rec.completed_by), SCHEDULER_ACTOR);
	rec.completed_at = now;
	rec.closed_at = now;
	rec.version++;
	rc = rec.deemed_note ? db->ops->case_update(db, &rec, err)
			     : wc_error_set(err, "internal", NULL, "no memory");
	case_record_release(&rec);
	snprintf(entity, sizeof(entity), "case:%lld", (long long)id);
	if (rc == 0) {
		(*deemed)++;
		return scheduler_audit(db, now, "case.deemed", entity, note,
				       err);
	}
	json_decref(note);
	return -1;
}

static int scheduler_cases(struct store_conn *db, int64_t now,
			   const char *today, struct scheduler_counts *out,
			   struct wc_error *err)
{
	struct case_record *due = NULL;
	size_t n = 0;
	int rc = 0;

	if (db->ops->case_list_due(db, today, &due, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		rc = scheduler_overdue(db, now, &due[i], &out->overdue, err);
		if (rc == 0 && due[i].major_project)
			rc = scheduler_deem(db, now, due[i].id, &out->deemed,
					    err);
	}
	case_records_free(&due, n);
	return rc;
}

/* R1: an inquiry whose handoff waited more than one working hour is
 * bounced (推诿) and goes to the reviewer queue, once. */
static int scheduler_bounce(struct store_conn *db, int64_t now,
			    const struct handoff_wait *h, int *bounced,
			    struct wc_error *err)
{
	struct inquiry_record inq;
	char summary[256], entity[48];
	int64_t review_id = 0;
	bool exists = false, changed = false;
	int rc = db->ops->inquiry_get(db, h->inquiry_id, &inq, err);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (!inq.bounced) {
		inq.bounced = true;
		inq.version++;
		changed = true;
		if (db->ops->inquiry_update(db, &inq, err) < 0)
			goto fail;
	}
	if (db->ops->review_exists(db, review_kind_word(REVIEW_KIND_BOUNCED), 0,
				   inq.id, &exists, err) < 0)
		goto fail;
	if (!exists) {
		snprintf(summary, sizeof(summary),
			 "推诿：咨询 %s 的转办一个工作小时内未被接收", inq.no);
		if (scheduler_add_review(db, now, REVIEW_KIND_BOUNCED, 0,
					 inq.id, inq.department, inq.window,
					 summary, &review_id, err) < 0)
			goto fail;
		changed = true;
	}
	inquiry_record_release(&inq);
	if (!changed)
		return 0;
	(*bounced)++;
	snprintf(entity, sizeof(entity), "inquiry:%lld",
		 (long long)h->inquiry_id);
	return scheduler_audit(db, now, "inquiry.bounced", entity,
			       json_pack("{s:s, s:I, s:I}", "reason",
					 "not_acknowledged", "handoff",
					 (json_int_t)h->handoff_id,
					 "review_item", (json_int_t)review_id),
			       err);
fail:
	inquiry_record_release(&inq);
	return -1;
}

static int scheduler_bounces(struct app *app, struct store_conn *db,
			     int64_t now, struct scheduler_counts *out,
			     struct wc_error *err)
{
	struct handoff_wait *waiting = NULL;
	struct wc_error why;
	int64_t deadline;
	size_t n = 0;
	int rc = 0;

	/* One working hour is at least one hour of real time. */
	if (db->ops->handoff_list_waiting(db, now - ACK_WORKING_MINUTES * 60,
					  &waiting, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		/* A year without calendar: not bounced until it is known. */
		if (scheduler_ack_deadline(app, waiting[i].created_at,
					   &deadline, &why) < 0 ||
		    now < deadline)
			continue;
		rc = scheduler_bounce(db, now, &waiting[i], &out->bounced, err);
	}
	free(waiting);
	return rc;
}

/* R5: rectification items get their due date in working days. */
static int scheduler_rectification(struct app *app, struct store_conn *db,
				   int64_t now, struct scheduler_counts *out,
				   struct wc_error *err)
{
	struct review_query q = {
	    .kind = review_kind_word(REVIEW_KIND_RECTIFICATION),
	    .undated = true};
	struct review_record *items = NULL;
	char due[DATE_TEXT_SIZE], entity[48];
	struct wc_error why;
	size_t n = 0;
	int rc = 0;

	if (db->ops->review_list(db, &q, &items, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (scheduler_rectification_due(app, items[i].created_at, due,
						&why) < 0)
			continue;
		rc = db->ops->review_set_due(db, items[i].id, due, err);
		if (rc < 0)
			break;
		out->rectification++;
		snprintf(entity, sizeof(entity), "case:%lld",
			 (long long)items[i].case_id);
		rc = scheduler_audit(db, now, "review.due_date", entity,
				     json_pack("{s:I, s:s}", "review_item",
					       (json_int_t)items[i].id,
					       "due_date", due),
				     err);
	}
	review_records_free(&items, n);
	return rc;
}

int scheduler_run(struct app *app, struct store_conn *db, int64_t now,
		  struct scheduler_counts *out, struct wc_error *err)
{
	char today[DATE_TEXT_SIZE];

	memset(out, 0, sizeof(*out));
	/* Deadlines are dates: a due date is the last day, so what is due
	 * before today (server-local) has passed. */
	date_format(clock_local_day(&app->clock, now), today);
	/* R4: due dates that waited for a calendar year first, so that they
	 * count in this run. */
	if (cases_resolve_pending_due(app, db, now, SCHEDULER_ACTOR, err) < 0 ||
	    scheduler_breaches(db, now, today, out, err) < 0 ||
	    scheduler_cases(db, now, today, out, err) < 0 ||
	    scheduler_bounces(app, db, now, out, err) < 0 ||
	    scheduler_rectification(app, db, now, out, err) < 0)
		return -1;
	return 0;
}

/* One run in its own write transaction, on this thread's connection. */
static void scheduler_tick(struct app *app)
{
	struct scheduler_counts counts;
	struct wc_error err = {0};
	struct store_conn *db = app->store->ops->connect(app->store, &err);
	bool mine = true;

	if (!db || db->ops->begin(db, &err) < 0)
		goto fail;
	/* Several servers on one database: one of them runs it. Asked
	 * inside the transaction, so that a session lost since the claim
	 * fails the run instead of running it beside another server. */
	if (db->ops->scheduler_claim &&
	    db->ops->scheduler_claim(db, &mine, &err) < 0) {
		db->ops->rollback(db);
		goto fail;
	}
	if (!mine) {
		db->ops->rollback(db);
		return;
	}
	if (scheduler_run(app, db, clock_now(&app->clock), &counts, &err) < 0) {
		db->ops->rollback(db);
		goto fail;
	}
	if (db->ops->commit(db, &err) < 0) {
		db->ops->rollback(db);
		goto fail;
	}
	return;
fail:
	fprintf(stderr, "wincased: scheduler: %s\n", err.message);
}

static void *scheduler_main(void *arg)
{
	struct scheduler *s = arg;
	struct timespec until;

	pthread_mutex_lock(&s->lock);
	while (!s->stop) {
		pthread_mutex_unlock(&s->lock);
		scheduler_tick(s->app);
		pthread_mutex_lock(&s->lock);
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += SCHEDULER_PERIOD_SECONDS;
		while (!s->stop && pthread_cond_timedwait(&s->wake, &s->lock,
							  &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

int scheduler_start(struct app *app, struct scheduler **out,
		    struct wc_error *err)
{
	struct scheduler *s;
	pthread_condattr_t attr;

	*out = NULL;
	if (app->clock.fake)
		return 0; /* tests and training move time themselves */
	s = calloc(1, sizeof(*s));
	if (!s)
		return wc_error_set(err, "internal", NULL, "out of memory");
	s->app = app;
	pthread_mutex_init(&s->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&s->wake, &attr);
	pthread_condattr_destroy(&attr);
	if (pthread_create(&s->thread, NULL, scheduler_main, s) != 0) {
		pthread_cond_destroy(&s->wake);
		pthread_mutex_destroy(&s->lock);
		free(s);
		return wc_error_set(err, "internal", NULL,
				    "cannot start the scheduler thread");
	}
	*out = s;
	return 0;
}

void scheduler_stop(struct scheduler **sched)
{
	struct scheduler *s = *sched;

	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->stop = true;
	pthread_cond_signal(&s->wake);
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->thread, NULL);
	pthread_cond_destroy(&s->wake);
	pthread_mutex_destroy(&s->lock);
	free(s);
	*sched = NULL;
}
