/* handlers_inquiry.c - inquiries (R1 首问负责): register, list, read.
 * Handoffs, acknowledgements and closing are in handlers_inquiry_flow.c. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "inquiry.h"
#include "record_state.h"
#include "wincase/catalog.h"
#include "wincase/validate.h"

static const char *const channels[] = {"counter", "phone", "online"};

static void set_optional(json_t *obj, const char *key, const char *value)
{
	if (value)
		json_object_set_new(obj, key, json_string(value));
}

static json_t *handoff_to_json(const struct app *app,
			       const struct handoff_record *h)
{
	char at[CLOCK_TEXT_SIZE];
	json_t *obj;

	clock_format(&app->clock, h->created_at, at);
	obj = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)h->id,
			"reason", h->reason ? h->reason : "", "created_by",
			h->created_by, "created_at", at);
	if (h->to_window[0])
		json_object_set_new(obj, "to_window",
				    json_string(h->to_window));
	if (h->to_department[0])
		json_object_set_new(obj, "to_department",
				    json_string(h->to_department));
	if (h->acknowledged_at) {
		clock_format(&app->clock, h->acknowledged_at, at);
		json_object_set_new(obj, "acknowledged_by",
				    json_string(h->acknowledged_by));
		json_object_set_new(obj, "acknowledged_at", json_string(at));
	}
	return obj;
}

/* New reference: API.md's inquiry object with its handoffs. */
static json_t *inquiry_to_json(const struct app *app,
			       const struct inquiry_record *r,
			       const struct handoff_record *handoffs, size_t n)
{
	char created[CLOCK_TEXT_SIZE];
	json_t *applicant, *obj, *list = json_array();

	clock_format(&app->clock, r->created_at, created);
	applicant = json_pack("{s:s}", "name", r->applicant_name);
	set_optional(applicant, "id_type", r->applicant_id_type);
	set_optional(applicant, "id_no", r->applicant_id_no);
	set_optional(applicant, "phone", r->applicant_phone);
	obj = json_pack("{s:I, s:s, s:i, s:s, s:s, s:s, s:s, s:s, s:s}", "id",
			(json_int_t)r->id, "no", r->no, "version", r->version,
			"status", r->status, "first_responder",
			r->first_responder, "window", r->window, "created_at",
			created, "channel", r->channel, "topic", r->topic);
	set_optional(obj, "item_code", r->item_code);
	json_object_set_new(obj, "applicant", applicant);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, handoff_to_json(app, &handoffs[i]));
	json_object_set_new(obj, "handoffs", list);
	json_object_set_new(obj, "bounced", json_boolean(r->bounced));
	set_optional(obj, "resolution", r->resolution);
	set_optional(obj, "note", r->note);
	if (r->case_id)
		json_object_set_new(obj, "case_id",
				    json_integer((json_int_t)r->case_id));
	return obj;
}

json_t *inquiry_view_json(const struct app *app, const struct inquiry_view *v)
{
	return inquiry_to_json(app, &v->rec, v->handoffs, v->n_handoffs);
}

/* Applicant name, identifier and phone (API.md conventions). */
static bool inquiry_read_applicant(struct api_request *req,
				   struct api_reply *rep,
				   struct inquiry_record *r)
{
	struct api_applicant a;

	if (!api_read_applicant(req, rep, 0, &a))
		return false;
	r->applicant_name = strdup(a.name);
	r->applicant_id_type = a.id_type ? strdup(a.id_type) : NULL;
	r->applicant_id_no = a.id_no ? strdup(a.id_no) : NULL;
	r->applicant_phone = a.phone ? strdup(a.phone) : NULL;
	return true;
}

static bool inquiry_read_body(struct api_request *req, struct api_reply *rep,
			      struct inquiry_record *r)
{
	const char *channel, *topic, *item_code;
	bool known = true;

	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "channel", "channel", false, rep,
			    &channel) ||
	    !api_get_string(req->body, "topic", "topic", true, rep, &topic) ||
	    !api_get_optional_text(req->body, "item_code", "item_code", rep,
				   &item_code))
		return false;
	if (channel && !api_is_one_of(channel, channels, 3)) {
		api_error(rep, 400, "bad_request", "channel",
			  "channel must be counter, phone or online");
		return false;
	}
	if (!inquiry_read_applicant(req, rep, r) ||
	    !api_check_text(topic, TEXT_MAX_CHARS, true, "topic", rep))
		return false;
	if (item_code) {
		pthread_rwlock_rdlock(&req->app->reference_lock);
		known = req->app->catalog &&
			catalog_find(req->app->catalog, item_code);
		pthread_rwlock_unlock(&req->app->reference_lock);
	}
	if (!known) {
		api_error(rep, 422, "invalid_field", "item_code",
			  "no catalog item '%.64s'", item_code);
		return false;
	}
	store_copy(r->channel, sizeof(r->channel),
		   channel ? channel : "counter");
	r->topic = strdup(topic);
	r->item_code = item_code ? strdup(item_code) : NULL;
	return true;
}

/* R1: the caller is the first responder, whatever the body says. */
void handle_inquiry_create(struct api_request *req, struct api_reply *rep)
{
	const struct session_record *s = req->session;
	struct inquiry_record r = {.version = 1};
	struct wc_error err;
	char day[DATE_TEXT_SIZE], compact[9], entity[48];
	json_t *body;

	if (!inquiry_read_body(req, rep, &r))
		goto done;
	inquiry_record_set_status(&r, INQUIRY_OPEN);
	store_copy(r.first_responder, sizeof(r.first_responder),
		   s->user.username);
	store_copy(r.window, sizeof(r.window), s->window);
	store_copy(r.department, sizeof(r.department), s->user.department);
	r.created_at = req->now;
	date_format(clock_local_day(&req->app->clock, req->now), day);
	snprintf(compact, sizeof(compact), "%.4s%.2s%.2s", day, day + 5,
		 day + 8);
	if (req->db->ops->inquiry_create(req->db, &r, compact, &err) < 0) {
		api_internal(rep, &err);
		goto done;
	}
	snprintf(entity, sizeof(entity), "inquiry:%" PRId64, r.id);
	body = inquiry_to_json(req->app, &r, NULL, 0);
	if (!api_audit(req, rep, NULL, "inquiry.create", entity, body)) {
		json_decref(body);
		goto done;
	}
	api_ok(rep, 201, body);
	snprintf(rep->etag, sizeof(rep->etag), "\"%d\"", r.version);
	snprintf(rep->location, sizeof(rep->location), "/v1/inquiries/%" PRId64,
		 r.id);
done:
	inquiry_record_release(&r);
}

static bool inquiry_read_query(struct api_request *req, struct api_reply *rep,
			       struct inquiry_query *q)
{
	const char *scope = api_query(req, "scope");
	const char *status = api_query(req, "status");
	const char *cursor = api_query(req, "cursor");
	const char *text = api_query(req, "q");
	const struct session_record *s = req->session;
	enum inquiry_status st;

	if (!api_query_limit(req, rep, &q->limit))
		return false;
	if (!scope || strcmp(scope, "mine") == 0) {
		q->scope = SCOPE_MINE;
	} else if (strcmp(scope, "window") == 0) {
		q->scope = SCOPE_WINDOW;
	} else if (strcmp(scope, "all") == 0) {
		q->scope = SCOPE_ALL;
	} else {
		api_error(rep, 400, "bad_request", "scope",
			  "scope must be mine, window or all");
		return false;
	}
	/* R6: only reviewers and administrators see every window. */
	if (q->scope == SCOPE_ALL &&
	    !(api_role_bit(s->user.role) & (ROLE_REVIEWER | ROLE_ADMIN))) {
		api_error(rep, 403, "forbidden", "scope",
			  "scope=all is for reviewers and administrators");
		return false;
	}
	if (status && !inquiry_status_parse(status, &st)) {
		api_error(rep, 400, "bad_request", "status",
			  "unknown status '%.20s'", status);
		return false;
	}
	if (cursor && !api_parse_id(cursor, &q->before_id)) {
		api_error(rep, 400, "bad_request", "cursor", "bad cursor");
		return false;
	}
	if (text && validate_text(text, NAME_MAX_CHARS, false) != VALID_OK) {
		api_error(rep, 400, "bad_request", "q", "bad search text");
		return false;
	}
	q->q = text && *text ? text : NULL;
	q->status = status ? inquiry_status_word(st) : NULL;
	q->username = s->user.username;
	q->window = s->window;
	q->department = s->user.department;
	return true;
}

void handle_inquiries_list(struct api_request *req, struct api_reply *rep)
{
	struct inquiry_query q = {0};
	struct inquiry_record *recs = NULL;
	struct wc_error err;
	size_t n = 0, shown;
	json_t *items;

	if (!inquiry_read_query(req, rep, &q))
		return;
	q.limit++; /* one more tells whether there is a next page */
	if (req->db->ops->inquiry_list(req->db, &q, &recs, &n, &err) < 0) {
		api_internal(rep, &err);
		return;
	}
	shown = api_page_shown(n, q.limit);
	items = json_array();
	for (size_t i = 0; i < shown; i++) {
		struct handoff_record *h = NULL;
		size_t nh = 0;

		if (req->db->ops->inquiry_handoffs(req->db, recs[i].id, &h, &nh,
						   &err) < 0) {
			json_decref(items);
			inquiry_records_free(&recs, n);
			api_internal(rep, &err);
			return;
		}
		json_array_append_new(
		    items, inquiry_to_json(req->app, &recs[i], h, nh));
		handoff_records_free(&h, nh);
	}
	api_ok(rep, 200,
	       api_list_next(items, shown < n ? recs[shown - 1].id : 0));
	inquiry_records_free(&recs, n);
}

bool handoff_targets_caller(const struct handoff_record *h,
			    const struct session_record *s)
{
	return (h->to_window[0] && strcmp(h->to_window, s->window) == 0) ||
	       (h->to_department[0] &&
		strcmp(h->to_department, s->user.department) == 0);
}

/* R6: a clerk reads inquiries of their window, their own, and those handed
 * to their window or department (waiting or acknowledged). */
bool inquiry_visible(const struct api_request *req,
		     const struct inquiry_view *v)
{
	const struct session_record *s = req->session;

	if (api_role_bit(s->user.role) & (ROLE_REVIEWER | ROLE_ADMIN))
		return true;
	if (strcmp(v->rec.window, s->window) == 0 ||
	    strcmp(v->rec.first_responder, s->user.username) == 0)
		return true;
	for (size_t i = 0; i < v->n_handoffs; i++)
		if (handoff_targets_caller(&v->handoffs[i], s))
			return true;
	return false;
}

bool inquiry_view_load(struct api_request *req, struct api_reply *rep,
		       const char *id_text, struct inquiry_view *out)
{
	struct wc_error err;
	int64_t id;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!api_parse_id(id_text, &id)) {
		api_error(rep, 404, "not_found", NULL, "no such inquiry");
		return false;
	}
	rc = req->db->ops->inquiry_get(req->db, id, &out->rec, &err);
	if (rc == STORE_NOT_FOUND) {
		api_error(rep, 404, "not_found", NULL, "no such inquiry");
		return false;
	}
	if (rc < 0 ||
	    req->db->ops->inquiry_handoffs(req->db, id, &out->handoffs,
					   &out->n_handoffs, &err) < 0) {
		api_internal(rep, &err);
		return false;
	}
	if (!inquiry_visible(req, out)) {
		api_error(rep, 403, "forbidden", NULL,
			  "this inquiry is not yours, your window's or "
			  "handed to you");
		return false;
	}
	return true;
}

void inquiry_view_release(struct inquiry_view *v)
{
	inquiry_record_release(&v->rec);
	handoff_records_free(&v->handoffs, v->n_handoffs);
	v->n_handoffs = 0;
}

void handle_inquiry_get(struct api_request *req, struct api_reply *rep)
{
	struct inquiry_view v;

	if (inquiry_view_load(req, rep, req->params[0], &v)) {
		api_ok(rep, 200, inquiry_view_json(req->app, &v));
		api_set_etag(rep, v.rec.version);
	}
	inquiry_view_release(&v);
}
