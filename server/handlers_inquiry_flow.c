/* handlers_inquiry_flow.c - R1 (首问负责) after registration: hand off
 * (转办) to a window or department, acknowledge (接收), close with a
 * resolution. Every change needs If-Match, bumps the version and is
 * audited. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "handoff_targets.h"
#include "inquiry.h"
#include "record_state.h"
#include "wincase/validate.h"

#define WINDOW_MAX_CHARS 16

/* R1: the first responder, or the current holder: the window or
 * department the last acknowledged handoff went to. */
static bool inquiry_may_act(const struct api_request *req,
			    const struct inquiry_view *v)
{
	const struct session_record *s = req->session;

	if (strcmp(v->rec.first_responder, s->user.username) == 0)
		return true;
	for (size_t i = v->n_handoffs; i-- > 0;)
		if (v->handoffs[i].acknowledged_at)
			return handoff_targets_caller(&v->handoffs[i], s);
	return false;
}

static const struct handoff_record *
inquiry_waiting_handoff(const struct inquiry_view *v)
{
	for (size_t i = 0; i < v->n_handoffs; i++)
		if (!v->handoffs[i].acknowledged_at)
			return &v->handoffs[i];
	return NULL;
}

/* The checks every change shares once the caller is known to be allowed
 * (403 comes before 428/412, as for cases): If-Match (428, 412), and the
 * inquiry is not closed (409): every state but closed can still be
 * closed. */
static bool inquiry_open_for_change(struct api_request *req,
				    struct api_reply *rep,
				    struct inquiry_view *v)
{
	json_t *current;
	bool ok;

	current = inquiry_view_json(req->app, v);
	ok = api_check_if_match(req, rep, v->rec.version, current);
	json_decref(current);
	if (!ok)
		return false;
	if (!inquiry_allows(inquiry_record_status(&v->rec), INQUIRY_DO_CLOSE,
			    NULL)) {
		api_error(rep, 409, "inquiry_closed", NULL,
			  "inquiry %s is closed", v->rec.no);
		return false;
	}
	return true;
}

/* Load the inquiry of the path for a change by its first responder or
 * current holder (403 naming what, e.g. "close this inquiry"), then the
 * shared checks. False after an error reply; release *v either way. */
static bool inquiry_load_for_change(struct api_request *req,
				    struct api_reply *rep, const char *what,
				    struct inquiry_view *v)
{
	if (!inquiry_view_load(req, rep, req->params[0], v))
		return false;
	if (!inquiry_may_act(req, v)) {
		api_error(rep, 403, "forbidden", NULL,
			  "only the first responder or the current holder "
			  "may %s",
			  what);
		return false;
	}
	return inquiry_open_for_change(req, rep, v);
}

/* Write the changed inquiry (version bumped), audit it with data (stolen)
 * and answer 200 with the whole inquiry as stored now. */
static void inquiry_save(struct api_request *req, struct api_reply *rep,
			 struct inquiry_view *v, const char *action,
			 json_t *data)
{
	struct inquiry_view now = {0};
	struct wc_error err;
	char entity[48];
	bool audited;

	v->rec.version++;
	json_object_set_new(data, "version", json_integer(v->rec.version));
	json_object_set_new(data, "status", json_string(v->rec.status));
	snprintf(entity, sizeof(entity), "inquiry:%" PRId64, v->rec.id);
	if (req->db->ops->inquiry_update(req->db, &v->rec, &err) != 0 ||
	    req->db->ops->inquiry_get(req->db, v->rec.id, &now.rec, &err) !=
		0 ||
	    req->db->ops->inquiry_handoffs(req->db, v->rec.id, &now.handoffs,
					   &now.n_handoffs, &err) < 0) {
		api_internal(rep, &err);
		goto done;
	}
	audited = api_audit(req, rep, NULL, action, entity, data);
	if (!audited)
		goto done;
	api_ok(rep, 200, inquiry_view_json(req->app, &now));
	api_set_etag(rep, now.rec.version);
done:
	json_decref(data);
	inquiry_view_release(&now);
}

/* R1: a bounced inquiry goes to the reviewer queue (once). */
static bool inquiry_queue_bounced(struct api_request *req,
				  struct api_reply *rep,
				  const struct inquiry_view *v, size_t handoffs)
{
	struct review_record item;
	struct wc_error err;
	char summary[160];
	int rc;

	if (!req->db->ops->review_add)
		return true; /* no review queue in this store */
	memset(&item, 0, sizeof(item));
	snprintf(summary, sizeof(summary), "推诿：咨询 %s 已转办 %zu 次",
		 v->rec.no, handoffs);
	review_record_set_kind(&item, REVIEW_KIND_BOUNCED);
	item.inquiry_id = v->rec.id;
	store_copy(item.department, sizeof(item.department), v->rec.department);
	store_copy(item.window, sizeof(item.window), v->rec.window);
	item.created_at = req->now;
	review_record_set_status(&item, REVIEW_PENDING);
	item.summary = summary;
	rc = req->db->ops->review_add(req->db, &item, &err);
	if (rc < 0)
		api_internal(rep, &err);
	return rc >= 0;
}

/* {"to_window"|"to_department","reason"}: exactly one target. */
static bool handoff_read_body(struct api_request *req, struct api_reply *rep,
			      struct handoff_record *h)
{
	const char *window, *department, *reason;

	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "to_window", "to_window", false, rep,
			    &window) ||
	    !api_get_string(req->body, "to_department", "to_department", false,
			    rep, &department) ||
	    !api_get_string(req->body, "reason", "reason", true, rep, &reason))
		return false;
	if (!window == !department) {
		api_error(rep, 400, "bad_request", "to_window",
			  "give either to_window or to_department");
		return false;
	}
	if ((window && !api_check_text(window, WINDOW_MAX_CHARS, false,
				       "to_window", rep)) ||
	    (department && !api_check_text(department, NAME_MAX_CHARS, false,
					   "to_department", rep)) ||
	    !api_check_text(reason, TEXT_MAX_CHARS, true, "reason", rep))
		return false;
	if ((window && strlen(window) >= sizeof(h->to_window)) ||
	    (department && strlen(department) >= sizeof(h->to_department))) {
		api_error(rep, 422, "invalid_field",
			  window ? "to_window" : "to_department",
			  "the target is too long");
		return false;
	}
	store_copy(h->to_window, sizeof(h->to_window), window);
	store_copy(h->to_department, sizeof(h->to_department), department);
	h->reason = strdup(reason);
	return true;
}

/* R1: only the first responder or the current holder hands off, one
 * handoff waits at a time, and a third handoff marks it bounced. */
void handle_inquiry_handoff(struct api_request *req, struct api_reply *rep)
{
	struct inquiry_view v;
	struct handoff_record h = {0};
	enum inquiry_status next;
	struct wc_error err;
	size_t count;
	json_t *data;

	if (!inquiry_load_for_change(req, rep, "hand this inquiry off", &v) ||
	    !handoff_read_body(req, rep, &h))
		goto done;
	/* handed_off is the state of a handoff waiting; the handoffs
	 * themselves say so too. */
	if (!inquiry_allows(inquiry_record_status(&v.rec), INQUIRY_DO_HANDOFF,
			    &next) ||
	    inquiry_waiting_handoff(&v)) {
		api_error(rep, 409, "handoff_pending", NULL,
			  "a handoff of this inquiry waits for "
			  "acknowledgement");
		goto done;
	}
	if (!handoff_target_check(req, rep, h.to_window[0] ? h.to_window : NULL,
				  h.to_department))
		goto done;
	h.inquiry_id = v.rec.id;
	store_copy(h.created_by, sizeof(h.created_by),
		   req->session->user.username);
	h.created_at = req->now;
	if (req->db->ops->inquiry_handoff_add(req->db, &h, &err) < 0) {
		api_internal(rep, &err);
		goto done;
	}
	count = v.n_handoffs + 1;
	inquiry_record_set_status(&v.rec, next);
	if (inquiry_handoff_bounces(v.n_handoffs) && !v.rec.bounced) {
		v.rec.bounced = true;
		if (!inquiry_queue_bounced(req, rep, &v, count))
			goto done;
	}
	data = json_pack("{s:I, s:s, s:s, s:s, s:b}", "handoff_id",
			 (json_int_t)h.id, "to_window", h.to_window,
			 "to_department", h.to_department, "reason", h.reason,
			 "bounced", v.rec.bounced);
	inquiry_save(req, rep, &v, "inquiry.handoff", data);
done:
	free(h.reason);
	inquiry_view_release(&v);
}

/* R1: only a user of the target window or department acknowledges. */
void handle_inquiry_ack(struct api_request *req, struct api_reply *rep)
{
	struct inquiry_view v;
	const struct handoff_record *h = NULL;
	enum inquiry_status next;
	struct wc_error err;
	int64_t hid = 0;

	if (!inquiry_view_load(req, rep, req->params[0], &v))
		goto done;
	if (api_parse_id(req->params[1], &hid))
		for (size_t i = 0; i < v.n_handoffs; i++)
			if (v.handoffs[i].id == hid)
				h = &v.handoffs[i];
	if (!h) {
		api_error(rep, 404, "not_found", NULL, "no such handoff");
		goto done;
	}
	if (!handoff_targets_caller(h, req->session)) {
		api_error(rep, 403, "forbidden", NULL,
			  "this handoff is to another window or department");
		goto done;
	}
	if (!inquiry_open_for_change(req, rep, &v))
		goto done;
	if (h->acknowledged_at) {
		api_error(rep, 409, "already_acknowledged", NULL,
			  "%s acknowledged this handoff already",
			  h->acknowledged_by);
		goto done;
	}
	if (!inquiry_allows(inquiry_record_status(&v.rec), INQUIRY_DO_ACK,
			    &next)) {
		api_error(rep, 409, "invalid_state", NULL,
			  "a %s inquiry has no handoff waiting", v.rec.status);
		goto done;
	}
	if (req->db->ops->inquiry_handoff_ack(req->db, hid,
					      req->session->user.username,
					      req->now, &err) != 0) {
		api_internal(rep, &err);
		goto done;
	}
	inquiry_record_set_status(&v.rec, next);
	inquiry_save(req, rep, &v, "inquiry.ack",
		     json_pack("{s:I}", "handoff_id", (json_int_t)hid));
done:
	inquiry_view_release(&v);
}

/* Issue 13.5: the sender of a waiting handoff takes it back (wrong
 * target, applicant changed their mind). The handoff leaves the inquiry,
 * so it does not count toward bounced (推诿); the audit entry
 * inquiry.recall keeps its target, reason and time. */
void handle_inquiry_recall(struct api_request *req, struct api_reply *rep)
{
	struct inquiry_view v;
	const struct handoff_record *h = NULL;
	enum inquiry_status next;
	struct wc_error err;
	int64_t hid = 0;
	json_t *data;

	if (!inquiry_view_load(req, rep, req->params[0], &v))
		goto done;
	if (api_parse_id(req->params[1], &hid))
		for (size_t i = 0; i < v.n_handoffs; i++)
			if (v.handoffs[i].id == hid)
				h = &v.handoffs[i];
	if (!h) {
		api_error(rep, 404, "not_found", NULL, "no such handoff");
		goto done;
	}
	if (strcmp(h->created_by, req->session->user.username) != 0) {
		api_error(rep, 403, "forbidden", NULL,
			  "only %s, who made this handoff, may recall it",
			  h->created_by);
		goto done;
	}
	if (!inquiry_open_for_change(req, rep, &v))
		goto done;
	if (h->acknowledged_at || !inquiry_allows(inquiry_record_status(&v.rec),
						  INQUIRY_DO_RECALL, &next)) {
		api_error(rep, 409, "handoff_not_pending", NULL,
			  "this handoff is no longer waiting");
		goto done;
	}
	/* Still held by an earlier acknowledged handoff: referred. */
	for (size_t i = 0; i < v.n_handoffs; i++)
		if (v.handoffs[i].acknowledged_at)
			next = INQUIRY_REFERRED;
	data = json_pack("{s:I, s:s, s:s, s:s, s:I}", "handoff_id",
			 (json_int_t)hid, "to_window", h->to_window,
			 "to_department", h->to_department, "reason",
			 h->reason ? h->reason : "", "created_at",
			 (json_int_t)h->created_at);
	if (req->db->ops->inquiry_handoff_recall(req->db, hid, &err) != 0) {
		json_decref(data);
		api_internal(rep, &err);
		goto done;
	}
	inquiry_record_set_status(&v.rec, next);
	inquiry_save(req, rep, &v, "inquiry.recall", data);
done:
	inquiry_view_release(&v);
}

static void refuse_resolution(struct api_reply *rep, const char *field,
			      const char *reason, const char *message)
{
	api_error(rep, 422, "resolution_not_allowed", field, "%s", message);
	api_error_details(rep, json_pack("[s]", reason));
}

/* R1: converted needs a case made from this inquiry. */
static bool close_check_case(struct api_request *req, struct api_reply *rep,
			     const struct inquiry_view *v, int64_t case_id)
{
	struct case_record c;
	struct wc_error err;
	bool from_here;
	int rc;

	if (!case_id) {
		refuse_resolution(rep, "case_id", "case_id_missing",
				  "converted needs the case_id of the case");
		return false;
	}
	if (!req->db->ops->case_get) {
		refuse_resolution(rep, "case_id", "case_not_from_inquiry",
				  "this store keeps no cases");
		return false;
	}
	memset(&c, 0, sizeof(c));
	rc = req->db->ops->case_get(req->db, case_id, &c, &err);
	if (rc < 0) {
		api_internal(rep, &err);
		return false;
	}
	from_here = rc == 0 && c.inquiry_id == v->rec.id;
	if (rc == 0)
		case_record_release(&c);
	if (!from_here)
		refuse_resolution(rep, "case_id", "case_not_from_inquiry",
				  "that case was not made from this inquiry");
	return from_here;
}

/* R1: referred needs an acknowledged handoff, converted a case made from
 * the inquiry; answered and no_action need only the note. */
static bool close_check_resolution(struct api_request *req,
				   struct api_reply *rep,
				   const struct inquiry_view *v,
				   enum inquiry_resolution resolution,
				   int64_t case_id)
{
	bool acknowledged = false;

	if (case_id && resolution != RESOLUTION_CONVERTED) {
		api_error(rep, 422, "invalid_field", "case_id",
			  "case_id goes only with resolution converted");
		return false;
	}
	if (resolution == RESOLUTION_CONVERTED)
		return close_check_case(req, rep, v, case_id);
	if (resolution != RESOLUTION_REFERRED)
		return true;
	for (size_t i = 0; i < v->n_handoffs; i++)
		acknowledged = acknowledged || v->handoffs[i].acknowledged_at;
	if (!acknowledged)
		refuse_resolution(rep, "resolution", "no_acknowledged_handoff",
				  "referred needs an acknowledged handoff");
	return acknowledged;
}

static bool close_read_body(struct api_request *req, struct api_reply *rep,
			    enum inquiry_resolution *resolution,
			    const char **note, int64_t *case_id)
{
	const json_t *id;
	const char *word;

	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "resolution", "resolution", true, rep,
			    &word) ||
	    !api_get_string(req->body, "note", "note", true, rep, note))
		return false;
	if (!inquiry_resolution_parse(word, resolution)) {
		api_error(rep, 400, "bad_request", "resolution",
			  "resolution must be answered, referred, converted "
			  "or no_action");
		return false;
	}
	id = json_object_get(req->body, "case_id");
	*case_id = 0;
	if (id && !json_is_null(id)) {
		if (!json_is_integer(id) || json_integer_value(id) <= 0) {
			api_error(rep, 400, "bad_request", "case_id",
				  "case_id must be a positive integer");
			return false;
		}
		*case_id = (int64_t)json_integer_value(id);
	}
	return api_check_text(*note, TEXT_MAX_CHARS, true, "note", rep);
}

void handle_inquiry_close(struct api_request *req, struct api_reply *rep)
{
	struct inquiry_view v;
	enum inquiry_resolution resolution;
	enum inquiry_status next;
	const char *note;
	int64_t case_id = 0;
	json_t *data;

	if (!inquiry_load_for_change(req, rep, "close this inquiry", &v) ||
	    !close_read_body(req, rep, &resolution, &note, &case_id))
		goto done;
	if (!inquiry_allows(inquiry_record_status(&v.rec),
			    inquiry_resolution_action(resolution), &next)) {
		api_error(rep, 409, "inquiry_closed", NULL,
			  "inquiry %s is closed", v.rec.no);
		goto done;
	}
	if (!close_check_resolution(req, rep, &v, resolution, case_id))
		goto done;
	inquiry_record_set_status(&v.rec, next);
	free(v.rec.resolution);
	free(v.rec.note);
	v.rec.resolution = strdup(inquiry_resolution_word(resolution));
	v.rec.note = strdup(note);
	v.rec.case_id = case_id;
	data = json_pack("{s:s, s:s}", "resolution",
			 inquiry_resolution_word(resolution), "note", note);
	if (case_id)
		json_object_set_new(data, "case_id",
				    json_integer((json_int_t)case_id));
	inquiry_save(req, rep, &v, "inquiry.close", data);
done:
	inquiry_view_release(&v);
}
