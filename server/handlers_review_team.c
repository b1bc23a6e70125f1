/* handlers_review_team.c - the reviewer queue worked by a team (issue 14):
 * an item has an owner who took it or was handed it, and a rectification
 * (R5) is written step by step, 核实 -> 整改 -> 反馈, each saved as it is
 * done, before a deadline the reviewer may set. POST
 * /v1/review/{item_id}/take, /release, /assign, /steps and /due; GET
 * /v1/review/{item_id}. */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "record_state.h"
#include "review.h"
#include "wincase/calendar.h"
#include "wincase/date.h"
#include "wincase/validate.h"

/* The API's words of the steps, by enum review_step. */
static const char *const step_words[REVIEW_STEPS] = {"verify", "fix",
						     "feedback"};

void review_team_json(struct app *app, const struct review_record *r, json_t *o)
{
	char at[CLOCK_TEXT_SIZE];
	json_t *steps;

	json_object_set_new(o, "owner",
			    r->owner[0] ? json_string(r->owner) : json_null());
	if (r->owner[0]) {
		clock_format(&app->clock, r->owned_at, at);
		json_object_set_new(o, "owned_at", json_string(at));
	}
	if (review_record_kind(r) != REVIEW_KIND_RECTIFICATION)
		return;
	steps = json_object();
	for (int i = 0; i < REVIEW_STEPS; i++)
		json_object_set_new(steps, step_words[i],
				    r->steps[i] ? json_string(r->steps[i])
						: json_null());
	json_object_set_new(o, "steps", steps);
}

/* A username as the users table holds it: 1-63 of A-Za-z0-9._- */
static bool username_valid(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n < 64 &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789._-") == n;
}

/* "me" is the caller; anything else must look like a username. */
static bool user_param(struct api_request *req, struct api_reply *rep,
		       const char *name, bool none_allowed, const char **out)
{
	const char *v = api_query(req, name);

	if (!v)
		return true;
	if (strcmp(v, "me") == 0)
		*out = req->session->user.username;
	else if (none_allowed && strcmp(v, "none") == 0)
		*out = "";
	else if (username_valid(v))
		*out = v;
	else {
		api_error(rep, 400, "bad_request", name,
			  "%s must be me,%s or a username", name,
			  none_allowed ? " none" : "");
		return false;
	}
	return true;
}

bool review_read_owner_query(struct api_request *req, struct api_reply *rep,
			     struct review_query *q)
{
	return user_param(req, rep, "owner", true, &q->owner) &&
	       user_param(req, rep, "decided_by", false, &q->decided_by);
}

void review_taken_error(struct api_reply *rep, const struct review_record *r)
{
	api_error(rep, 409, "taken_by_other", NULL,
		  "%s is working on this item", r->owner);
	api_error_details(rep, json_pack("[{s:s}]", "owner", r->owner));
}

/* Set the owner from expect to owner, audit action with data (borrowed)
 * and answer the item. A lost race is 409 taken_by_other. */
static void owner_change(struct api_request *req, struct api_reply *rep,
			 struct review_record *r, const char *owner,
			 const char *action, json_t *data)
{
	struct wc_error err = {0};
	char entity[48];
	int rc = req->db->ops->review_set_owner(req->db, r->id, r->owner, owner,
						req->now, &err);

	if (rc < 0) {
		api_internal(rep, &err);
		return;
	}
	if (rc == STORE_NOT_FOUND) { /* decided or taken meanwhile */
		api_error(rep, 409, "taken_by_other", NULL,
			  "the item changed meanwhile; read it again");
		return;
	}
	review_entity(r, entity, sizeof(entity));
	json_object_set_new(data, "review_item", json_integer(r->id));
	if (!api_audit(req, rep, NULL, action, entity, data))
		return;
	review_record_release(r);
	if (req->db->ops->review_get(req->db, r->id, r, &err) != 0) {
		api_internal(rep, &err);
		return;
	}
	api_ok(rep, 200, review_to_json(req->app, r));
}

/* Load a pending item; 409 already_decided when it is done. */
static bool team_open(struct api_request *req, struct api_reply *rep,
		      struct review_record *r)
{
	if (!review_load(req, rep, r))
		return false;
	if (review_record_status(r) == REVIEW_PENDING)
		return true;
	api_error(rep, 409, "already_decided", NULL,
		  "decided already: %s by %s", r->decision, r->decided_by);
	review_record_release(r);
	return false;
}

/* POST /v1/review/{item_id}/take: the caller works on it. 409
 * taken_by_other when a colleague has it; 403 own_case (R6). */
void handle_review_take(struct api_request *req, struct api_reply *rep)
{
	const char *me = req->session->user.username;
	struct review_record r;
	struct wc_error err = {0};
	bool handled = false;
	json_t *data;

	if (!team_open(req, rep, &r))
		return;
	if (r.owner[0] && strcmp(r.owner, me) != 0) {
		review_taken_error(rep, &r);
	} else if (review_handled(req->db, &r, me, &handled, &err) < 0) {
		api_internal(rep, &err);
	} else if (handled) {
		api_error(rep, 403, "own_case", NULL,
			  "you handled this at the counter; hand it to a "
			  "colleague");
	} else {
		data = json_object();
		owner_change(req, rep, &r, me, "review.take", data);
		json_decref(data);
	}
	review_record_release(&r);
}

/* POST /v1/review/{item_id}/release: back to nobody; the owner or an
 * administrator. */
void handle_review_release(struct api_request *req, struct api_reply *rep)
{
	const struct user_record *me = &req->session->user;
	struct review_record r;
	json_t *data;

	if (!team_open(req, rep, &r))
		return;
	if (!r.owner[0]) {
		api_error(rep, 409, "not_taken", NULL, "nobody has this item");
	} else if (strcmp(r.owner, me->username) != 0 &&
		   strcmp(me->role, "admin") != 0) {
		review_taken_error(rep, &r);
	} else {
		data = json_pack("{s:s}", "from", r.owner);
		owner_change(req, rep, &r, "", "review.release", data);
		json_decref(data);
	}
	review_record_release(&r);
}

/* The target of an assignment: a reviewer of the item's department. */
static bool assign_target(struct api_request *req, struct api_reply *rep,
			  const struct review_record *r, const char *to)
{
	struct user_record u;
	struct wc_error err = {0};
	int rc;

	if (!username_valid(to)) {
		api_error(rep, 422, "invalid_field", "to", "no such reviewer");
		return false;
	}
	rc = req->db->ops->user_get(req->db, to, &u, &err);
	if (rc < 0) {
		api_internal(rep, &err);
		return false;
	}
	if (rc == STORE_NOT_FOUND || strcmp(u.role, "reviewer") != 0 ||
	    strcmp(u.department, r->department) != 0) {
		api_error(rep, 422, "invalid_field", "to",
			  "'%.64s' is not a reviewer of this department", to);
		return false;
	}
	return true;
}

/* POST /v1/review/{item_id}/assign {"to"}: hand the item to a colleague
 * (a reviewer barred as own_case too); when it is nobody's or the
 * caller's, or by an administrator. */
void handle_review_assign(struct api_request *req, struct api_reply *rep)
{
	const struct user_record *me = &req->session->user;
	struct review_record r;
	const char *to;
	json_t *data;

	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "to", "to", true, rep, &to) ||
	    !team_open(req, rep, &r))
		return;
	if (r.owner[0] && strcmp(r.owner, me->username) != 0 &&
	    strcmp(me->role, "admin") != 0) {
		review_taken_error(rep, &r);
	} else if (assign_target(req, rep, &r, to)) {
		data = json_pack("{s:s, s:s}", "to", to, "from", r.owner);
		owner_change(req, rep, &r, to, "review.assign", data);
		json_decref(data);
	}
	review_record_release(&r);
}

/* The step's text: verify first, then fix, then feedback (R5). */
static bool step_read(struct api_request *req, struct api_reply *rep,
		      const struct review_record *r, enum review_step *step,
		      const char **text)
{
	const char *word;
	int i;

	if (!api_get_string(req->body, "step", "step", true, rep, &word) ||
	    !api_get_string(req->body, "text", "text", true, rep, text))
		return false;
	for (i = 0; i < REVIEW_STEPS && strcmp(word, step_words[i]); i++)
		;
	if (i == REVIEW_STEPS) {
		api_error(rep, 400, "bad_request", "step",
			  "step must be verify, fix or feedback");
		return false;
	}
	*step = (enum review_step)i;
	if (!api_check_text(*text, TEXT_MAX_CHARS, true, "text", rep))
		return false;
	if (review_record_kind(r) != REVIEW_KIND_RECTIFICATION) {
		api_error(rep, 422, "decision_not_allowed", "step",
			  "only a rectification has steps");
		return false;
	}
	if (i > 0 && !r->steps[i - 1]) {
		api_error(rep, 409, "step_out_of_order", "step",
			  "%s comes after %s", word, step_words[i - 1]);
		return false;
	}
	return true;
}

/* Whether the caller may write on the item: not a colleague's (409
 * taken_by_other), not one they handled at the counter (403 own_case). */
static bool team_may_write(struct api_request *req, struct api_reply *rep,
			   const struct review_record *r)
{
	const char *me = req->session->user.username;
	struct wc_error err = {0};
	bool handled = false;

	if (r->owner[0] && strcmp(r->owner, me) != 0) {
		review_taken_error(rep, r);
		return false;
	}
	if (review_handled(req->db, r, me, &handled, &err) < 0) {
		api_internal(rep, &err);
		return false;
	}
	if (handled)
		api_error(rep, 403, "own_case", NULL,
			  "you handled this at the counter");
	return !handled;
}

/* POST /v1/review/{item_id}/steps {"step","text"}: save one step of a
 * rectification; an item nobody has is taken by the writer. */
void handle_review_step(struct api_request *req, struct api_reply *rep)
{
	const char *me = req->session->user.username;
	struct review_record r;
	struct wc_error err = {0};
	enum review_step step;
	const char *text;
	json_t *data;
	int rc;

	if (!api_body_object(req, rep) || !team_open(req, rep, &r))
		return;
	if (!step_read(req, rep, &r, &step, &text))
		goto done;
	if (!team_may_write(req, rep, &r))
		goto done;
	rc = req->db->ops->review_set_step(req->db, r.id, step, text, &err);
	if (rc != 0) {
		api_internal(rep, &err);
		goto done;
	}
	data = json_pack("{s:s, s:s}", "step", step_words[step], "text", text);
	owner_change(req, rep, &r, me, "review.step", data);
	json_decref(data);
done:
	review_record_release(&r);
}

/* The latest deadline a reviewer may set: rectification_max_days working
 * days after the item's day. False after a 422 calendar_missing. */
static bool due_latest(struct api_request *req, struct api_reply *rep,
		       const struct review_record *r, wc_day *out)
{
	struct app *app = req->app;
	struct wc_error err = {0};
	int rc;

	pthread_rwlock_rdlock(&app->reference_lock);
	rc = calendar_add_working_days(
	    app->calendar, clock_local_day(&app->clock, r->created_at),
	    app->cfg.rectification_max_days, out, &err);
	pthread_rwlock_unlock(&app->reference_lock);
	if (rc == 0)
		return true;
	api_error(rep, 422, "calendar_missing", "due_date", "%s", err.message);
	return false;
}

/* The new deadline of {"due_date"}: a date, today or later, at most
 * rectification_max_days working days after the item. */
static bool due_read(struct api_request *req, struct api_reply *rep,
		     const struct review_record *r, char out[DATE_TEXT_SIZE])
{
	const char *text;
	wc_day day, latest;
	char max[DATE_TEXT_SIZE];

	if (!api_get_string(req->body, "due_date", "due_date", true, rep,
			    &text))
		return false;
	if (review_record_kind(r) != REVIEW_KIND_RECTIFICATION) {
		api_error(rep, 422, "decision_not_allowed", "due_date",
			  "only a rectification has a deadline");
		return false;
	}
	if (!date_parse(text, &day)) {
		api_error(rep, 422, "invalid_field", "due_date",
			  "due_date must be a date YYYY-MM-DD");
		return false;
	}
	if (day < clock_local_day(&req->app->clock, req->now)) {
		api_error(rep, 422, "invalid_field", "due_date",
			  "the deadline must not be in the past");
		return false;
	}
	if (!due_latest(req, rep, r, &latest))
		return false;
	if (day > latest) {
		date_format(latest, max);
		api_error(rep, 422, "deadline_too_long", "due_date",
			  "at most %d working days: %s at the latest",
			  req->app->cfg.rectification_max_days, max);
		api_error_details(rep, json_pack("[{s:s}]", "max", max));
		return false;
	}
	date_format(day, out);
	return true;
}

/* POST /v1/review/{item_id}/due {"due_date"}: the reviewer sets a
 * rectification's deadline within the configured maximum (R5); an item
 * nobody has is taken by the setter. */
void handle_review_due(struct api_request *req, struct api_reply *rep)
{
	const char *me = req->session->user.username;
	struct review_record r;
	struct wc_error err = {0};
	char due[DATE_TEXT_SIZE];
	json_t *data;

	if (!api_body_object(req, rep) || !team_open(req, rep, &r))
		return;
	if (!due_read(req, rep, &r, due))
		goto done;
	if (!team_may_write(req, rep, &r))
		goto done;
	if (req->db->ops->review_set_due(req->db, r.id, due, &err) != 0) {
		api_internal(rep, &err);
		goto done;
	}
	data = json_pack("{s:s, s:s}", "due_date", due, "was", r.due_date);
	owner_change(req, rep, &r, me, "review.due_date", data);
	json_decref(data);
done:
	review_record_release(&r);
}

/* GET /v1/review/{item_id}: one item as the queue lists it. */
void handle_review_get(struct api_request *req, struct api_reply *rep)
{
	struct review_record r;

	if (!review_load(req, rep, &r))
		return;
	api_ok(rep, 200, review_to_json(req->app, &r));
	review_record_release(&r);
}
