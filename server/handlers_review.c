/* handlers_review.c - the reviewer queue and its decisions (R1-R6):
 * GET /v1/review/queue and POST /v1/review/{item_id}/decision. A reviewer
 * sees and decides the items of their department, never one about a case
 * or inquiry they handled at the counter. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "record_state.h"
#include "review.h"
#include "wincase/validate.h"
#include "wincase/workhours.h"

/* The server-local minute of t (whole minutes, rounded down). */
static struct workhours_time local_minute(const struct server_clock *clk,
					  int64_t t)
{
	int64_t local = t + (int64_t)clk->offset_minutes * 60;
	int64_t minutes = local >= 0 ? local / 60 : (local - 59) / 60;
	int64_t day = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;

	return (struct workhours_time){.day = (wc_day)day,
				       .minute = (int)(minutes - day * 1440)};
}

/* Issue 14: how long the item has waited in working minutes (until its
 * decision once decided), and whether that is past review_warn_hours.
 * Both null/false when the calendar lacks a year crossed. */
static void review_age_json(struct app *app, const struct review_record *r,
			    json_t *o)
{
	int64_t until = r->decided_at ? r->decided_at : clock_now(&app->clock);
	struct wc_error err;
	long minutes = 0;
	int rc;

	pthread_rwlock_rdlock(&app->reference_lock);
	rc =
	    workhours_between(&app->cfg.working_hours, app->calendar,
			      local_minute(&app->clock, r->created_at),
			      local_minute(&app->clock, until), &minutes, &err);
	pthread_rwlock_unlock(&app->reference_lock);
	json_object_set_new(o, "age_minutes",
			    rc == 0 ? json_integer(minutes) : json_null());
	json_object_set_new(
	    o, "aged",
	    json_boolean(rc == 0 && !r->decision[0] &&
			 minutes >= (long)app->cfg.review_warn_hours * 60));
}

/* New reference: a queue item as API.md lists it, plus department, window,
 * due_date and the decision once made. */
json_t *review_to_json(struct app *app, const struct review_record *r)
{
	char at[CLOCK_TEXT_SIZE];
	json_t *o;

	clock_format(&app->clock, r->created_at, at);
	o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id",
		      (json_int_t)r->id, "kind", r->kind, "created_at", at,
		      "status", r->status, "summary",
		      r->summary ? r->summary : "", "department", r->department,
		      "window", r->window);
	if (!o)
		return NULL;
	if (r->case_id)
		json_object_set_new(o, "case_id", json_integer(r->case_id));
	if (r->inquiry_id)
		json_object_set_new(o, "inquiry_id",
				    json_integer(r->inquiry_id));
	json_object_set_new(o, "due_date",
			    r->due_date[0] ? json_string(r->due_date)
					   : json_null());
	review_team_json(app, r, o);
	review_age_json(app, r, o);
	if (r->decision[0]) {
		clock_format(&app->clock, r->decided_at, at);
		json_object_set_new(o, "decision", json_string(r->decision));
		json_object_set_new(o, "comment",
				    json_string(r->comment ? r->comment : ""));
		json_object_set_new(o, "decided_by",
				    json_string(r->decided_by));
		json_object_set_new(o, "decided_at", json_string(at));
	}
	return o;
}

void review_summary_join(const json_t *arr, const char *key, char *out,
			 size_t size)
{
	size_t len = 0, i;
	const json_t *v;

	out[0] = '\0';
	json_array_foreach(arr, i, v)
	{
		const char *s =
		    json_string_value(key ? json_object_get(v, key) : v);
		const char *sep = len ? "、" : "";

		if (!s)
			continue;
		/* Whole names only: one that does not fit ends the list. */
		if (strlen(sep) + strlen(s) >= size - len) {
			if (size - len > strlen("…"))
				snprintf(out + len, size - len, "…");
			return;
		}
		len += (size_t)snprintf(out + len, size - len, "%s%s", sep, s);
	}
}

/* R6: a reviewer sees their department's items; an administrator all. */
static bool review_in_scope(const struct session_record *s,
			    const struct review_record *r)
{
	if (strcmp(s->user.role, "admin") == 0)
		return true;
	return strcmp(s->user.role, "reviewer") == 0 &&
	       strcmp(s->user.department, r->department) == 0;
}

static bool review_read_query(struct api_request *req, struct api_reply *rep,
			      struct review_query *q)
{
	const char *kind = api_query(req, "kind");
	const char *status = api_query(req, "status");
	const char *cursor = api_query(req, "cursor");
	enum review_kind k;
	enum review_status st = REVIEW_PENDING; /* the default */
	bool all = status && strcmp(status, "all") == 0;

	if (!api_query_limit(req, rep, &q->limit))
		return false;
	if (kind && !review_kind_parse(kind, &k)) {
		api_error(rep, 400, "bad_request", "kind",
			  "unknown kind '%.24s'", kind);
		return false;
	}
	if (status && !all && !review_status_parse(status, &st)) {
		api_error(rep, 400, "bad_request", "status",
			  "status must be pending, done or all");
		return false;
	}
	if (cursor && !api_parse_id(cursor, &q->after_id)) {
		api_error(rep, 400, "bad_request", "cursor", "bad cursor");
		return false;
	}
	if (!review_read_owner_query(req, rep, q))
		return false;
	q->kind = kind ? review_kind_word(k) : NULL;
	q->status = all ? NULL : review_status_word(st);
	if (strcmp(req->session->user.role, "admin") != 0)
		q->department = req->session->user.department;
	return true;
}

/* GET /v1/review/queue?kind=&status=pending|done|all: oldest first. */
void handle_review_queue(struct api_request *req, struct api_reply *rep)
{
	struct review_query q = {0};
	struct review_record *recs = NULL;
	struct wc_error err;
	size_t n = 0, shown;
	json_t *items;

	if (!review_read_query(req, rep, &q))
		return;
	q.limit++; /* one more tells whether there is a next page */
	if (req->db->ops->review_list(req->db, &q, &recs, &n, &err) < 0) {
		api_internal(rep, &err);
		return;
	}
	shown = api_page_shown(n, q.limit);
	items = json_array();
	for (size_t i = 0; i < shown; i++)
		json_array_append_new(items,
				      review_to_json(req->app, &recs[i]));
	api_ok(rep, 200,
	       api_list_next(items, shown < n ? recs[shown - 1].id : 0));
	review_records_free(&recs, n);
}

struct handled_ctx {
	const char *username;
	bool handled;
};

/* What a user does at the counter (R6: who did any of it on a case or
 * inquiry does not review it). Back-office steps are not listed. */
static const char *const counter_actions[] = {
    "case.create",     "case.checklist",  "case.notice",
    "case.accept",     "case.supplement", "inquiry.create",
    "inquiry.handoff", "inquiry.ack",	  "inquiry.close",
};

static int review_handled_visit(void *ctx, const struct audit_record *rec,
				struct wc_error *err)
{
	struct handled_ctx *h = ctx;

	(void)err;
	if (strcmp(rec->actor, h->username) == 0 &&
	    api_is_one_of(rec->action, counter_actions,
			  sizeof(counter_actions) / sizeof(counter_actions[0])))
		h->handled = true;
	return 0;
}

/* R6: did username handle the item's case (or inquiry) at the counter?
 * Created or accepted it, or did any counter step the audit trail records
 * (a clerk promoted to reviewer keeps their history). */
int review_handled(struct store_conn *db, const struct review_record *r,
		   const char *username, bool *out, struct wc_error *err)
{
	struct handled_ctx h = {.username = username};
	char entity[48];
	int rc;

	if (r->case_id) {
		struct case_record c;

		rc = db->ops->case_get(db, r->case_id, &c, err);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			h.handled = strcmp(c.created_by, username) == 0 ||
				    strcmp(c.accepted_by, username) == 0;
			case_record_release(&c);
		}
		snprintf(entity, sizeof(entity), "case:%" PRId64, r->case_id);
	} else if (r->inquiry_id) {
		struct inquiry_record q;

		rc = db->ops->inquiry_get(db, r->inquiry_id, &q, err);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			h.handled = strcmp(q.first_responder, username) == 0;
			inquiry_record_release(&q);
		}
		snprintf(entity, sizeof(entity), "inquiry:%" PRId64,
			 r->inquiry_id);
	} else {
		*out = false;
		return 0;
	}
	if (!h.handled &&
	    db->ops->audit_visit(db, entity, 0, 0, review_handled_visit, &h,
				 err) < 0)
		return -1;
	*out = h.handled;
	return 0;
}

/* R3: waive the commitment of the item's case (open or breached); its
 * breach, if any, no longer counts against the applicant. */
static bool review_waive(struct api_request *req, struct api_reply *rep,
			 const struct review_record *r)
{
	struct store_conn *db = req->db;
	struct commitment_record m;
	enum commitment_status next;
	struct case_record c;
	struct wc_error err;
	char entity[48];
	json_t *data;
	bool ok;
	int rc = db->ops->commitment_get_by_case(db, r->case_id, &m, &err);

	if (rc < 0)
		goto internal;
	if (rc == STORE_NOT_FOUND ||
	    !commitment_allows(commitment_record_status(&m),
			       COMMITMENT_DO_WAIVE, &next)) {
		api_error(rep, 409, "invalid_state", "decision",
			  "the case has no open or breached commitment");
		if (rc == 0)
			commitment_record_release(&m);
		return false;
	}
	data = json_pack("{s:s, s:s, s:I}", "commitment", m.no, "was", m.status,
			 "review_item", (json_int_t)r->id);
	rc = db->ops->commitment_set_status(
	    db, m.id, commitment_status_word(next), req->now, &err);
	if (rc == 0)
		rc = db->ops->credit_waive(db, m.id, &err);
	commitment_record_release(&m);
	/* The case shows its commitment: a new version. */
	if (rc == 0 &&
	    (rc = db->ops->case_get(db, r->case_id, &c, &err)) == 0) {
		c.version++;
		rc = db->ops->case_update(db, &c, &err);
		case_record_release(&c);
	}
	if (rc != 0) {
		json_decref(data);
		goto internal;
	}
	snprintf(entity, sizeof(entity), "case:%" PRId64, r->case_id);
	ok = api_audit(req, rep, NULL, "commitment.waive", entity, data);
	json_decref(data);
	return ok;
internal:
	api_internal(rep, &err);
	return false;
}

static bool review_read_decision(struct api_request *req, struct api_reply *rep,
				 enum review_decision *decision,
				 const char **comment)
{
	enum validate_result v;
	const char *word;

	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "decision", "decision", true, rep,
			    &word) ||
	    !api_get_string(req->body, "comment", "comment", false, rep,
			    comment))
		return false;
	if (!review_decision_parse(word, decision)) {
		api_error(rep, 400, "bad_request", "decision",
			  "decision must be approve, return, waive or "
			  "rectified");
		return false;
	}
	if (!*comment)
		*comment = "";
	v = validate_text(*comment, TEXT_MAX_CHARS, true);
	if (v != VALID_OK) {
		api_error(rep, 422, "invalid_field", "comment", "%s",
			  validate_result_text(v));
		return false;
	}
	return true;
}

bool review_load(struct api_request *req, struct api_reply *rep,
		 struct review_record *r)
{
	struct wc_error err;
	int64_t id;
	int rc;

	if (!api_parse_id(req->params[0], &id)) {
		api_error(rep, 404, "not_found", NULL, "no such review item");
		return false;
	}
	rc = req->db->ops->review_get(req->db, id, r, &err);
	if (rc < 0) {
		api_internal(rep, &err);
		return false;
	}
	if (rc == STORE_NOT_FOUND) {
		api_error(rep, 404, "not_found", NULL, "no such review item");
		return false;
	}
	if (review_in_scope(req->session, r))
		return true;
	api_error(rep, 403, "forbidden", NULL,
		  "the item belongs to another department");
	review_record_release(r);
	return false;
}

/* Load the item and check who may decide it: 404, 403 (scope, R6), 403
 * own_case, 409 already_decided, 409 taken_by_other (issue 14: two
 * reviewers never decide one item unknowingly). */
static bool review_open(struct api_request *req, struct api_reply *rep,
			struct review_record *r)
{
	const char *me = req->session->user.username;
	struct wc_error err;
	bool handled = false;

	if (!review_load(req, rep, r))
		return false;
	if (review_handled(req->db, r, me, &handled, &err) < 0) {
		api_internal(rep, &err);
	} else if (handled) {
		api_error(rep, 403, "own_case", NULL,
			  "you handled this at the counter; another reviewer "
			  "decides");
	} else if (!review_allows(review_record_status(r), REVIEW_DO_DECIDE,
				  NULL)) {
		api_error(rep, 409, "already_decided", NULL,
			  "decided already: %s by %s", r->decision,
			  r->decided_by);
	} else if (r->owner[0] && strcmp(r->owner, me) != 0) {
		review_taken_error(rep, r);
	} else {
		return true;
	}
	review_record_release(r);
	return false;
}

/* A decision is in the history of what it is about: case:ID, inquiry:ID
 * (review:ID for an item about neither). */
void review_entity(const struct review_record *r, char *out, size_t size)
{
	if (r->case_id)
		snprintf(out, size, "case:%" PRId64, r->case_id);
	else if (r->inquiry_id)
		snprintf(out, size, "inquiry:%" PRId64, r->inquiry_id);
	else
		snprintf(out, size, "review:%" PRId64, r->id);
}

/* POST /v1/review/{item_id}/decision {"decision","comment"?} */
void handle_review_decision(struct api_request *req, struct api_reply *rep)
{
	struct review_record r;
	enum review_decision decision;
	const char *comment = NULL;
	struct wc_error err = {0};
	char entity[48];
	json_t *data;
	bool ok;
	int rc;

	if (!review_read_decision(req, rep, &decision, &comment) ||
	    !review_open(req, rep, &r))
		return;
	/* Which decisions fit which kind is core's rule. */
	if (!review_decision_fits(decision, review_record_kind(&r))) {
		api_error(rep, 422, "decision_not_allowed", "decision",
			  "%s does not apply to a %s item",
			  review_decision_word(decision), r.kind);
		goto done;
	}
	if (decision == REVIEW_DECISION_WAIVE && !review_waive(req, rep, &r))
		goto done;
	rc = req->db->ops->review_decide(
	    req->db, r.id, review_decision_word(decision), comment,
	    req->session->user.username, req->now, &err);
	if (rc != 0) {
		if (rc < 0)
			api_internal(rep, &err);
		else
			api_error(rep, 409, "already_decided", NULL,
				  "decided already");
		goto done;
	}
	review_entity(&r, entity, sizeof(entity));
	data = json_pack(
	    "{s:I, s:s, s:s, s:s}", "review_item", (json_int_t)r.id, "decision",
	    review_decision_word(decision), "kind", r.kind, "comment", comment);
	ok = api_audit(req, rep, NULL, "review.decide", entity, data);
	json_decref(data);
	if (!ok)
		goto done;
	review_record_release(&r);
	if (req->db->ops->review_get(req->db, r.id, &r, &err) != 0) {
		api_internal(rep, &err);
		return;
	}
	api_ok(rep, 200, review_to_json(req->app, &r));
done:
	review_record_release(&r);
}

/* The number people know of the item's case or inquiry into o ("no"),
 * when it still exists. */
static void review_number_json(struct store_conn *db,
			       const struct review_record *r, json_t *o)
{
	struct case_record c;
	struct inquiry_record q;
	struct wc_error err;

	if (r->case_id && db->ops->case_get(db, r->case_id, &c, &err) == 0) {
		json_object_set_new(o, "no", json_string(c.no));
		case_record_release(&c);
	} else if (r->inquiry_id &&
		   db->ops->inquiry_get(db, r->inquiry_id, &q, &err) == 0) {
		json_object_set_new(o, "no", json_string(q.no));
		inquiry_record_release(&q);
	}
}

/* GET /v1/review/returns?days=: issue 14.7, what review sent back to the
 * counter - items decided "return" in the last days (1-90, default 7)
 * about the caller's window (a clerk's, a trainee's), department (a
 * reviewer's) or any (an admin), newest first, each with the number of its
 * case or inquiry. */
void handle_review_returns(struct api_request *req, struct api_reply *rep)
{
	const struct user_record *me = &req->session->user;
	const char *days_text = api_query(req, "days");
	struct review_query q = {.decision = "return"};
	struct review_record *recs = NULL;
	struct wc_error err;
	size_t n = 0;
	long days = 7;
	char *end = NULL;
	json_t *items;

	if (!api_query_limit(req, rep, &q.limit))
		return;
	if (days_text) {
		days = strtol(days_text, &end, 10);
		if (!*days_text || *end || days < 1 || days > 90) {
			api_error(rep, 400, "bad_request", "days",
				  "days must be 1 to 90");
			return;
		}
	}
	q.decided_after = req->now - (int64_t)days * 86400;
	if (strcmp(me->role, "reviewer") == 0)
		q.department = me->department;
	else if (strcmp(me->role, "admin") != 0)
		q.window = req->session->window;
	if (q.window && !q.window[0]) { /* a session without a window */
		api_ok(rep, 200, api_list(json_array(), NULL));
		return;
	}
	if (req->db->ops->review_list(req->db, &q, &recs, &n, &err) < 0) {
		api_internal(rep, &err);
		return;
	}
	items = json_array();
	for (size_t i = n; i-- > 0;) {
		json_t *o = review_to_json(req->app, &recs[i]);

		review_number_json(req->db, &recs[i], o);
		json_array_append_new(items, o);
	}
	review_records_free(&recs, n);
	api_ok(rep, 200, api_list(items, NULL));
}
