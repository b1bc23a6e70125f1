/* handlers_documents.c - GET /v1/documents/verify: anyone holding a printed
 * notice or commitment checks its verify code, without logging in. The
 * answer says only what is printed on the paper anyway (kind, number, time
 * of issue), never the applicant. */
#include "api.h"
#include "documents.h"
#include "throttle.h"

#include <string.h>

#define CODE_MAX_BYTES 64

void handle_documents_verify(struct api_request *req, struct api_reply *rep)
{
	const char *code = api_query(req, "code");
	struct document_record doc = {0};
	struct wc_error err;
	char issued_at[CLOCK_TEXT_SIZE];
	bool valid = false;
	int rc = STORE_NOT_FOUND;
	char key[96];

	if (!code || !code[0]) {
		api_error(rep, 400, "bad_request", "code", "code is required");
		return;
	}
	/* Guessing codes is throttled per address; a code found is not
	 * held against it. */
	if (!throttle_verify_begin(req, rep, key))
		return;
	/* An unknown, malformed or tampered code is 200 valid:false. */
	if (strlen(code) <= CODE_MAX_BYTES)
		rc = document_verify(req->app, req->db, code, &valid, &doc,
				     &err);
	if (rc < 0) {
		api_internal(rep, &err);
		return;
	}
	if (rc == STORE_NOT_FOUND || !valid) {
		api_ok(rep, 200, json_pack("{s:b}", "valid", 0));
	} else {
		throttle_verify_found(req, key);
		clock_format(&req->app->clock, doc.issued_at, issued_at);
		api_ok(rep, 200,
		       json_pack("{s:b, s:s, s:s, s:s}", "valid", 1, "kind",
				 doc.kind, "no", doc.no, "issued_at",
				 issued_at));
	}
	document_record_release(&doc);
}
