/* case.h - what the case handlers (handlers_case*.c) share: opening a case
 * for a request with its role and scope checks (R6), its catalog item, the
 * JSON of API.md's case, and due dates from the calendar (R4). Private to
 * wincased. */
#ifndef WINCASED_CASE_H
#define WINCASED_CASE_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "api.h"
#include "wincase/catalog.h"
#include "wincase/checklist.h"
#include "wincase/lifecycle.h"
#include "wincase/validate.h"

/* R3: breaches count against tolerant acceptance for this long. */
#define CREDIT_WINDOW_SECONDS (365 * 24 * 3600)

/* One case as a handler works on it. */
struct case_ctx {
	struct case_record rec;
	struct item item; /* a copy of the catalog item, released with ctx */
	bool have_item;
	/* The case's checklist as a scenario of item (lines in order), so the
	 * core rules see exactly the materials the case lists. */
	struct scenario scenario;
	size_t material_index[CATALOG_MAX_MATERIALS];
	enum material_state states[CATALOG_MAX_MATERIALS];
};

void case_ctx_release(struct case_ctx *ctx);

/* A copy of catalog item code (item_release it); STORE_NOT_FOUND if the
 * catalog has none. */
int case_item_copy(struct app *app, const char *code, struct item *out,
		   struct wc_error *err);
/* The item case r was created with (its snapshot, item_release it); for a
 * case without snapshot, the catalog's (STORE_NOT_FOUND if none). */
int case_item_of(struct app *app, const struct case_record *r, struct item *out,
		 struct wc_error *err);
/* The canonical JSON text of it (new string) to keep with a new case. */
char *case_item_snapshot(const struct item *it);

/* R6: may the caller see this case? clerk and trainee: their window's;
 * reviewer: their department's; admin: all. */
bool case_visible(const struct session_record *s,
		  const struct case_record *rec);

/* Open case {id} of the path for the caller: 404, 403, and when change is
 * true the If-Match check (428, 412 with the current case). False after
 * setting the error reply. */
bool case_open(struct api_request *req, struct api_reply *rep, bool change,
	       struct case_ctx *ctx);
/* Fill ctx->scenario and ctx->states from rec's lines and item. False
 * (with err) if a line names a material the item no longer has. */
bool case_ctx_prepare(struct case_ctx *ctx, struct wc_error *err);

/* New reference: API.md's case with its notices and commitment, or NULL
 * with err. */
json_t *case_to_json(struct api_request *req, const struct case_ctx *ctx,
		     struct wc_error *err);
/* New reference: a list row, the case without checklist, notices and
 * commitment. */
json_t *case_row_base(struct api_request *req, const struct case_ctx *ctx);
/* New reference: a case as a list row (no checklist, notices, commitment;
 * handlers_case_list.c). */
json_t *case_list_row_json(struct api_request *req, struct case_record *r);
/* The id_type and id_no query parameters of an applicant call: both
 * given (400 otherwise), a known id_type (400) into *type. */
bool applicant_params_check(struct api_reply *rep, const char *id_type,
			    const char *id_no, enum id_type *type);
/* New reference: R3 credit counts of an applicant without the entries
 * (GET /v1/applicants/credit's members but "entries"); NULL with err. */
json_t *applicant_credit_summary(struct api_request *req, const char *id_type,
				 const char *id_no, struct wc_error *err);
/* New reference: API.md's notice. */
json_t *case_notice_json(const struct app *app, const struct notice_record *n);
/* R2/R3: 422 checklist_unchecked (details: the pending materials) and
 * true when a material is still pending; false otherwise. */
bool case_refuse_pending(const struct case_ctx *ctx,
			 const struct checklist_eval *ev,
			 struct api_reply *rep);
/* New reference: one {"material_id","name","state"} per position. */
json_t *case_material_refs(const struct case_ctx *ctx, const size_t *positions,
			   size_t n);
/* New reference: R2's list of what is wrong, one {"material_id","name",
 * "state","reason","how_to_obtain"} per material the notice (or the
 * commitment) names. */
json_t *case_notice_materials(const struct case_ctx *ctx,
			      const struct checklist_eval *ev);
/* The applicant's id_type, id_no and phone, where present, into a
 * document's variables. */
void case_applicant_vars(json_t *vars, const struct case_record *r);
/* The texts of the case's own item version (name, legal basis, location,
 * contact) into a document's variables, so that a
 * document of an old case quotes the item it was made under. */
void case_item_vars(json_t *vars, const struct item *it);
/* A reviewer-queue item of kind about the case, made now, in the case's
 * department and window; summary is borrowed. */
void case_review_init(struct review_record *rv, const struct case_ctx *ctx,
		      enum review_kind kind, int64_t now, char *summary);
/* New reference: the checklist line at position i. */
json_t *case_line_json(const struct case_ctx *ctx, size_t i);
/* The line of material_id, or -1. */
int case_find_line(const struct case_record *rec, const char *material_id);

/* R6: bump the version, write the case and audit action on case:ID with
 * data (borrowed, may be NULL). False after setting an error reply. */
bool case_save(struct api_request *req, struct api_reply *rep,
	       struct case_ctx *ctx, const char *action, const json_t *data);
/* Answer status with the whole case and its ETag. */
bool case_reply(struct api_request *req, struct api_reply *rep,
		const struct case_ctx *ctx, unsigned status);
bool case_save_and_reply(struct api_request *req, struct api_reply *rep,
			 struct case_ctx *ctx, const char *action,
			 const json_t *data, unsigned status);

/* R4: the date that is days working days after from, "YYYY-MM-DD" into out,
 * 0 and *pending false. When a needed year has no calendar: 0, *pending
 * true, out "" and err saying which year (the date waits for it, it is not
 * refused). -1 with err for a negative days, which no caller should ask. */
int case_due_date(struct app *app, wc_day from, int days, char out[11],
		  bool *pending, struct wc_error *err);

/* R4: cases accepted while the calendar of their due year was missing get
 * their due date (and their commitment's) once that year is loaded. Call
 * inside a write transaction (the scheduler does, at every run); audits
 * each change as actor. */
int cases_resolve_pending_due(struct app *app, struct store_conn *db,
			      int64_t now, const char *actor,
			      struct wc_error *err);

/* "YYYYMMDD" of the server-local day of t, for document numbers. */
void case_compact_day(const struct app *app, int64_t t, char out[9]);

/* Handlers (routes.c). */
void handle_case_create(struct api_request *req, struct api_reply *rep);
void handle_cases_list(struct api_request *req, struct api_reply *rep);
void handle_case_get(struct api_request *req, struct api_reply *rep);
void handle_case_checklist(struct api_request *req, struct api_reply *rep);
void handle_case_notice(struct api_request *req, struct api_reply *rep);
void handle_case_accept(struct api_request *req, struct api_reply *rep);
void handle_case_supplement(struct api_request *req, struct api_reply *rep);
void handle_case_complete(struct api_request *req, struct api_reply *rep);
void handle_case_withdraw(struct api_request *req, struct api_reply *rep);
void handle_case_rating(struct api_request *req, struct api_reply *rep);
void handle_case_document_reprint(struct api_request *req,
				  struct api_reply *rep);
void handle_applicant_credit(struct api_request *req, struct api_reply *rep);

#endif
