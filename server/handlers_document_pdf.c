/* handlers_document_pdf.c - GET /v1/documents/{no}.pdf: an issued notice
 * or commitment as the A4 PDF the counter prints (documents_pdf.c), for
 * whoever may read its case. ?reprint=true puts 补打 and the time on every
 * page (the counter asks after POST .../reprint has audited the copy); a
 * training server's documents carry 培训样张 across every page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "documents_pdf.h"

#define NO_MAX_BYTES 24

void document_verify_url(const struct app *app, const char *code, char *out,
			 size_t size)
{
	const struct server_config *cfg = &app->cfg;

	if (cfg->public_url[0])
		snprintf(out, size, "%s/verify%s%s", cfg->public_url,
			 code ? "?code=" : "", code ? code : "");
	else
		snprintf(out, size, "%s://%s:%d/verify%s%s",
			 cfg->tls_cert[0] ? "https" : "http", cfg->listen_host,
			 cfg->listen_port, code ? "?code=" : "",
			 code ? code : "");
}

/* GZ-20261202-0001: letters, digits and dashes only. */
static bool no_valid(const char *no)
{
	size_t n = strlen(no);

	if (n == 0 || n >= NO_MAX_BYTES)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((no[i] >= 'A' && no[i] <= 'Z') ||
		      (no[i] >= '0' && no[i] <= '9') || no[i] == '-'))
			return false;
	return true;
}

/* R6: the document's case must be one the caller may read. */
static bool document_case_visible(struct api_request *req,
				  struct api_reply *rep,
				  const struct document_record *doc)
{
	struct case_record rec = {0};
	struct wc_error err;
	int rc = req->db->ops->case_get(req->db, doc->case_id, &rec, &err);
	bool ok = false;

	if (rc < 0)
		api_internal(rep, &err);
	else if (rc == STORE_NOT_FOUND)
		api_error(rep, 404, "not_found", NULL, "no such document");
	else if (!case_visible(req->session, &rec))
		api_error(rep, 403, "forbidden", NULL,
			  "this document's case belongs to another window or "
			  "department");
	else
		ok = true;
	if (rc == 0)
		case_record_release(&rec);
	return ok;
}

/* ?reprint=: true or false (absent: false); 400 otherwise. */
static bool reprint_asked(struct api_request *req, struct api_reply *rep,
			  bool *out)
{
	const char *v = api_query(req, "reprint");

	*out = v && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
	if (v && !*out && strcmp(v, "false") != 0 && strcmp(v, "0") != 0) {
		api_error(rep, 400, "bad_request", "reprint",
			  "reprint must be true or false");
		return false;
	}
	return true;
}

void handle_document_pdf(struct api_request *req, struct api_reply *rep)
{
	const char *no = req->params[0];
	struct document_record doc = {0};
	struct document_pdf_options opt = {0};
	struct wc_error err = {0};
	char url[400], base[300], at[CLOCK_TEXT_SIZE], mark[64];
	unsigned char *pdf;
	bool reprint;
	size_t len = 0;
	int rc;

	if (!reprint_asked(req, rep, &reprint))
		return;
	if (!no_valid(no)) {
		api_error(rep, 404, "not_found", NULL, "no such document");
		return;
	}
	rc = req->db->ops->document_find_by_no(req->db, no, &doc, &err);
	if (rc == STORE_NOT_FOUND)
		api_error(rep, 404, "not_found", NULL, "no such document");
	else if (rc < 0)
		api_internal(rep, &err);
	if (rc != 0 || !document_case_visible(req, rep, &doc))
		goto done;
	document_verify_url(req->app, doc.verify_code, url, sizeof(url));
	document_verify_url(req->app, NULL, base, sizeof(base));
	opt.verify_url = url;
	opt.verify_base = base;
	opt.training = req->app->cfg.training_seed_dir[0] != '\0';
	if (reprint) {
		/* "补打 12-02 14:39": the server's local time of this copy. */
		clock_format(&req->app->clock, req->now, at);
		snprintf(mark, sizeof(mark), "补打 %.5s %.5s", at + 5, at + 11);
		opt.reprint_mark = mark;
	}
	pdf = document_pdf(&doc, &opt, &len, &err);
	if (!pdf) {
		api_internal(rep, &err);
		goto done;
	}
	rep->status = 200;
	rep->raw_body = (const char *)pdf;
	rep->raw_len = len;
	rep->raw_type = "application/pdf";
	rep->raw_owned = true;
done:
	document_record_release(&doc);
}
