/* handlers_case_list.c - GET /v1/cases (R6 scopes) and the applicant's
 * credit record, GET /v1/applicants/credit (R3). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "wincase/validate.h"

/* R6: clerks and trainees list their own or their window's cases
 * (default window); reviewers their department's (scope department or
 * all, the default); administrators any scope (default all). */
static bool case_read_scope(struct api_request *req, struct api_reply *rep,
			    struct case_query *q)
{
	const char *scope = api_query(req, "scope");
	int role = api_role_bit(req->session->user.role);
	bool staff = role & (ROLE_CLERK | ROLE_TRAINEE);

	if (!scope)
		scope = staff ? "window" : "all";
	if (strcmp(scope, "mine") == 0) {
		q->scope = CASE_SCOPE_MINE;
	} else if (strcmp(scope, "window") == 0) {
		q->scope = CASE_SCOPE_WINDOW;
	} else if (strcmp(scope, "department") == 0) {
		q->scope = CASE_SCOPE_DEPARTMENT;
	} else if (strcmp(scope, "all") == 0) {
		q->scope = CASE_SCOPE_ALL;
	} else {
		api_error(rep, 400, "bad_request", "scope",
			  "scope must be mine, window, department or all");
		return false;
	}
	if (staff && q->scope > CASE_SCOPE_WINDOW) {
		api_error(rep, 403, "forbidden", "scope",
			  "clerks see their own and their window's cases");
		return false;
	}
	if (role & ROLE_REVIEWER)
		q->scope = CASE_SCOPE_DEPARTMENT;
	return true;
}

static bool case_read_query(struct api_request *req, struct api_reply *rep,
			    struct case_query *q)
{
	const char *status = api_query(req, "status");
	const char *text = api_query(req, "q");
	const char *due = api_query(req, "due_before");
	const char *cursor = api_query(req, "cursor");
	const struct session_record *s = req->session;
	enum case_status st;
	wc_day day;

	if (!api_query_limit(req, rep, &q->limit) ||
	    !case_read_scope(req, rep, q))
		return false;
	if (status && !case_status_parse(status, &st)) {
		api_error(rep, 400, "bad_request", "status",
			  "unknown status '%.20s'", status);
		return false;
	}
	if (due && !date_parse(due, &day)) {
		api_error(rep, 400, "bad_request", "due_before",
			  "due_before must be a date YYYY-MM-DD");
		return false;
	}
	if (text && validate_text(text, NAME_MAX_CHARS, false) != VALID_OK) {
		api_error(rep, 400, "bad_request", "q", "bad search text");
		return false;
	}
	if (cursor && !api_parse_id(cursor, &q->before_id)) {
		api_error(rep, 400, "bad_request", "cursor", "bad cursor");
		return false;
	}
	q->status = status ? case_status_word(st) : NULL;
	q->q = text && *text ? text : NULL;
	q->due_before = due;
	q->username = s->user.username;
	q->window = s->window;
	q->department = s->user.department;
	return true;
}

/* A list row: the case without checklist, notices and commitment. */
json_t *case_list_row_json(struct api_request *req, struct case_record *r)
{
	struct case_ctx ctx = {0};
	struct wc_error err;
	json_t *obj;

	ctx.rec = *r;
	ctx.rec.n_lines = 0;
	ctx.rec.lines = NULL;
	ctx.have_item = case_item_of(req->app, r, &ctx.item, &err) == 0;
	if (!ctx.have_item)
		ctx.item.name = r->item_code;
	obj = case_row_base(req, &ctx);
	if (ctx.have_item)
		item_release(&ctx.item);
	return obj;
}

void handle_cases_list(struct api_request *req, struct api_reply *rep)
{
	struct case_query q = {0};
	struct case_record *recs = NULL;
	struct wc_error err;
	size_t n = 0, shown;
	json_t *items;

	if (!case_read_query(req, rep, &q))
		return;
	q.limit++; /* one more tells whether there is a next page */
	if (req->db->ops->case_list(req->db, &q, &recs, &n, &err) < 0) {
		api_internal(rep, &err);
		return;
	}
	shown = api_page_shown(n, q.limit);
	items = json_array();
	for (size_t i = 0; i < shown; i++)
		json_array_append_new(items, case_list_row_json(req, &recs[i]));
	api_ok(rep, 200,
	       api_list_next(items, shown < n ? recs[shown - 1].id : 0));
	case_records_free(&recs, n);
}

static json_t *credit_entry_json(const struct app *app,
				 const struct credit_record *c)
{
	char at[CLOCK_TEXT_SIZE];
	json_t *obj;

	clock_format(&app->clock, c->at, at);
	obj = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)c->id, "kind",
			c->kind, "at", at, "note", c->note);
	if (c->case_id)
		json_object_set_new(obj, "case_id",
				    json_integer((json_int_t)c->case_id));
	if (c->commitment_id)
		json_object_set_new(obj, "commitment_id",
				    json_integer((json_int_t)c->commitment_id));
	return obj;
}

/* R3: the applicant's commitments by status and whether one more breach
 * would still be within the configured threshold (without the entries);
 * NULL with err. */
json_t *applicant_credit_summary(struct api_request *req, const char *id_type,
				 const char *id_no, struct wc_error *err)
{
	/* Every commitment, then by the states the record shows. */
	const char *const statuses[] = {
	    NULL, commitment_status_word(COMMITMENT_FULFILLED),
	    commitment_status_word(COMMITMENT_BREACHED),
	    commitment_status_word(COMMITMENT_OPEN)};
	int counts[4] = {0}, recent = 0;

	for (size_t i = 0; i < 4; i++)
		if (req->db->ops->commitment_count(req->db, id_type, id_no,
						   statuses[i], &counts[i],
						   err) < 0)
			return NULL;
	if (req->db->ops->credit_breaches(req->db, id_type, id_no,
					  req->now - CREDIT_WINDOW_SECONDS,
					  &recent, err) < 0)
		return NULL;
	return json_pack("{s:i, s:i, s:i, s:i, s:i, s:i, s:b}", "commitments",
			 counts[0], statuses[1], counts[1], statuses[2],
			 counts[2], statuses[3], counts[3], "recent_breaches",
			 recent, "threshold", req->app->cfg.credit_threshold,
			 "eligible", recent <= req->app->cfg.credit_threshold);
}

bool applicant_params_check(struct api_reply *rep, const char *id_type,
			    const char *id_no, enum id_type *type)
{
	if (!id_type || !id_no || !*id_type || !*id_no) {
		api_error(rep, 400, "bad_request",
			  id_type ? "id_no" : "id_type",
			  "id_type and id_no are required");
		return false;
	}
	if (!id_type_parse(id_type, type)) {
		api_error(rep, 400, "bad_request", "id_type",
			  "unknown id_type '%.40s'", id_type);
		return false;
	}
	return true;
}

void handle_applicant_credit(struct api_request *req, struct api_reply *rep)
{
	const char *id_type = api_query(req, "id_type");
	const char *id_no = api_query(req, "id_no");
	struct credit_record *entries = NULL;
	struct wc_error err;
	enum id_type type;
	size_t n = 0;
	json_t *list, *body;

	if (!applicant_params_check(rep, id_type, id_no, &type))
		return;
	body = applicant_credit_summary(req, id_type, id_no, &err);
	if (!body || req->db->ops->credit_list(req->db, id_type, id_no, 200,
					       &entries, &n, &err) < 0) {
		json_decref(body);
		api_internal(rep, &err);
		return;
	}
	list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list,
				      credit_entry_json(req->app, &entries[i]));
	json_object_set_new(body, "entries", list);
	api_ok(rep, 200, body);
	free(entries);
}
