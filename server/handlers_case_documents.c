/* handlers_case_documents.c - POST /v1/cases/{id}/documents/{no}/reprint:
 * an issued notice or commitment of the case, again, for the printer (补打).
 * The case does not change (no If-Match, no new version); the reprint is
 * audited as document.reprint on case:ID so that every paper copy is
 * accounted for. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "case.h"

/* The document numbered no among the case's notices and its commitment
 * (a borrowed reference into body), or NULL. */
static json_t *document_find(json_t *body, const char *no, const char **kind)
{
	json_t *notices = json_object_get(body, "notices"), *d;
	size_t i;

	json_array_foreach(notices, i, d)
	{
		if (json_is_string(json_object_get(d, "no")) &&
		    strcmp(json_string_value(json_object_get(d, "no")), no) ==
			0) {
			*kind = "notice";
			return d;
		}
	}
	d = json_object_get(body, "commitment");
	if (json_is_string(json_object_get(d, "no")) &&
	    strcmp(json_string_value(json_object_get(d, "no")), no) == 0) {
		*kind = "commitment";
		return d;
	}
	return NULL;
}

void handle_case_document_reprint(struct api_request *req,
				  struct api_reply *rep)
{
	struct case_ctx ctx = {0};
	struct wc_error err = {0};
	json_t *body = NULL, *doc, *data = NULL, *issued;
	const char *kind = NULL, *no = req->params[1];
	char entity[48], at[CLOCK_TEXT_SIZE];

	if (!case_open(req, rep, false, &ctx))
		goto done;
	body = case_to_json(req, &ctx, &err);
	if (!body) {
		api_internal(rep, &err);
		goto done;
	}
	doc = document_find(body, no, &kind);
	if (!doc) {
		api_error(rep, 404, "not_found", NULL,
			  "case %" PRId64 " has no document %.40s", ctx.rec.id,
			  no);
		goto done;
	}
	snprintf(entity, sizeof(entity), "case:%" PRId64, ctx.rec.id);
	data = json_pack("{s:s, s:O, s:O}", "kind", kind, "no",
			 json_object_get(doc, "no"), "verify_code",
			 json_object_get(doc, "verify_code"));
	if (!data ||
	    audit_append(req->db, req->now, req->session->user.username,
			 "document.reprint", entity, data, &err) < 0) {
		api_internal(rep, &err);
		goto done;
	}
	clock_format(&req->app->clock, req->now, at);
	issued = json_object_get(doc, "issued_at");
	if (!issued) /* a commitment's time of issue */
		issued = json_object_get(doc, "created_at");
	api_ok(rep, 200,
	       json_pack("{s:s, s:O, s:O, s:O, s:O, s:s}", "kind", kind, "no",
			 json_object_get(doc, "no"), "issued_at", issued,
			 "verify_code", json_object_get(doc, "verify_code"),
			 "text", json_object_get(doc, "text"), "reprinted_at",
			 at));
done:
	json_decref(data);
	json_decref(body);
	case_ctx_release(&ctx);
}
