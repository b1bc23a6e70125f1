/* handlers_applicant.c - a returning applicant (issue 13.11): by an ID
 * number the server knows, the name and phone to confirm, the open cases
 * and the credit summary, in one call. Scoped like case reads (R6: a
 * clerk sees what their window holds, a reviewer their department's, an
 * admin everything) and audited, since it reads personal data by ID. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "case.h"
#include "wincase/validate.h"

#define LOOKUP_CASES 50

static bool same_applicant(const char *type, const char *no,
			   const char *id_type, const char *id_no)
{
	return type && no && strcmp(type, id_type) == 0 &&
	       strcasecmp(no, id_no) == 0;
}

static void case_scope_of(const struct api_request *req, struct case_query *q)
{
	int role = api_role_bit(req->session->user.role);

	q->username = req->session->user.username;
	q->window = req->session->window;
	q->department = req->session->user.department;
	if (role & (ROLE_CLERK | ROLE_TRAINEE))
		q->scope = CASE_SCOPE_WINDOW;
	else if (role & ROLE_REVIEWER)
		q->scope = CASE_SCOPE_DEPARTMENT;
	else
		q->scope = CASE_SCOPE_ALL;
}

/* The applicant's open cases in scope into rows; the newest case's (or,
 * failing one, inquiry's) name and phone into *who. */
static int lookup_records(struct api_request *req, const char *id_type,
			  const char *id_no, json_t *rows, json_t **who,
			  struct wc_error *err)
{
	struct case_query cq = {.q = id_no, .limit = LOOKUP_CASES};
	struct inquiry_query iq = {.q = id_no, .limit = LOOKUP_CASES};
	struct case_record *cases = NULL;
	struct inquiry_record *inqs = NULL;
	size_t n = 0, m = 0;
	enum case_status st;
	int role = api_role_bit(req->session->user.role);

	case_scope_of(req, &cq);
	if (req->db->ops->case_list(req->db, &cq, &cases, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct case_record *r = &cases[i];

		if (!same_applicant(r->applicant_id_type, r->applicant_id_no,
				    id_type, id_no))
			continue;
		if (!*who)
			*who =
			    json_pack("{s:s, s:s}", "name", r->applicant_name,
				      "phone", r->applicant_phone);
		if (case_status_parse(r->status, &st) &&
		    (st == CASE_CHECKING || st == CASE_NOTIFIED ||
		     st == CASE_ACCEPTED || st == CASE_ACCEPTED_TOLERANT))
			json_array_append_new(rows, case_list_row_json(req, r));
	}
	case_records_free(&cases, n);
	if (*who)
		return 0;
	iq.scope =
	    (role & (ROLE_CLERK | ROLE_TRAINEE)) ? SCOPE_WINDOW : SCOPE_ALL;
	iq.window = req->session->window;
	iq.username = req->session->user.username;
	if (req->db->ops->inquiry_list(req->db, &iq, &inqs, &m, err) < 0)
		return -1;
	for (size_t i = 0; i < m && !*who; i++)
		if (same_applicant(inqs[i].applicant_id_type,
				   inqs[i].applicant_id_no, id_type, id_no))
			*who = json_pack("{s:s, s:s}", "name",
					 inqs[i].applicant_name, "phone",
					 inqs[i].applicant_phone
					     ? inqs[i].applicant_phone
					     : "");
	inquiry_records_free(&inqs, m);
	return 0;
}

void handle_applicant_lookup(struct api_request *req, struct api_reply *rep)
{
	const char *id_type = api_query(req, "id_type");
	const char *id_no = api_query(req, "id_no");
	json_t *rows, *who = NULL, *credit, *data;
	struct wc_error err = {0};
	enum id_type type;
	char entity[96];

	if (!applicant_params_check(rep, id_type, id_no, &type))
		return;
	if (validate_id(type, id_no, 0) != VALID_OK) {
		api_error(rep, 422, "invalid_field", "id_no",
			  "id_no is not a valid %s", id_type);
		return;
	}
	rows = json_array();
	if (lookup_records(req, id_type, id_no, rows, &who, &err) < 0 ||
	    !(credit = applicant_credit_summary(req, id_type, id_no, &err))) {
		json_decref(rows);
		json_decref(who);
		api_internal(rep, &err);
		return;
	}
	/* On the caller: GET /v1/audit?entity=user:NAME shows whose
	 * records each clerk looked up. */
	snprintf(entity, sizeof(entity), "user:%s",
		 req->session->user.username);
	data = json_pack("{s:s, s:s, s:b, s:I}", "id_type", id_type, "id_no",
			 id_no, "known", who != NULL, "open_cases",
			 (json_int_t)json_array_size(rows));
	if (!api_audit(req, rep, NULL, "applicant.lookup", entity, data)) {
		json_decref(data);
		json_decref(rows);
		json_decref(who);
		json_decref(credit);
		return;
	}
	json_decref(data);
	if (who) {
		json_object_set_new(who, "id_type", json_string(id_type));
		json_object_set_new(who, "id_no", json_string(id_no));
		if (!*json_string_value(json_object_get(who, "phone")))
			json_object_del(who, "phone");
	}
	api_ok(rep, 200,
	       json_pack("{s:b, s:o, s:o, s:o}", "known", who != NULL,
			 "applicant", who ? who : json_null(), "open_cases",
			 rows, "credit", credit));
}
