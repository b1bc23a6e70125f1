/* net_case.h - the typed writes of the counter: an inquiry's handoff,
 * acknowledgement and close; a case's acceptance (normal, or tolerant
 * with its commitment), supplements, completion, withdrawal and rating;
 * the server's refusals as enums. Every one passes net_write (net.h) with
 * the idempotency key the screen keeps for the intent and the If-Match
 * version of the record, and on success replaces the record by the
 * server's answer. The screens never see JSON. */
#ifndef WINCASE_NET_CASE_H
#define WINCASE_NET_CASE_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/checklist.h"
#include "wincase/lifecycle.h"
#include "wincase/net.h"

/* ---- Inquiries (R1); q is replaced by the inquiry as the server now
 * holds it. */

/* POST handoffs: to a window, or to a department (to_department). */
int net_inquiry_handoff(struct net_client *client, struct net_inquiry_full *q,
			bool to_department, const char *to, const char *reason,
			const char *idempotency_key, struct wc_error *err);
/* POST handoffs/{handoff_id}/ack. */
int net_inquiry_ack(struct net_client *client, struct net_inquiry_full *q,
		    const char *handoff_id, const char *idempotency_key,
		    struct wc_error *err);
/* POST close with the resolution and note; case_id (NULL or "": none) for
 * RESOLUTION_CONVERTED. */
int net_inquiry_close(struct net_client *client, struct net_inquiry_full *q,
		      enum inquiry_resolution resolution, const char *note,
		      const char *case_id, const char *idempotency_key,
		      struct wc_error *err);

/* ---- Refusals of acceptance (422 details) */

/* One reason the server gave. known is false for a reason word core's
 * enum does not have (reason is then meaningless); material_id is the
 * material it is about (NULL: none). */
struct net_refusal {
	enum tolerant_reason reason;
	bool known;
	char *material_id;
};

struct net_refusals {
	size_t n;
	struct net_refusal *items;
};

/* The refusals of an error answer's details: for not_tolerable every
 * reason as the server gives it (strings or {"reason"|"code",
 * "material_id"}); for checklist_incomplete (normal acceptance) every
 * open material as REASON_MAIN_MATERIAL_OPEN. Other codes: none. Exposed
 * for tests. -1 only when out of memory. */
int net_refusals_from_json(enum net_error code, const json_t *details,
			   struct net_refusals *out);
void net_refusals_release(struct net_refusals *r);

/* ---- Case writes; c is replaced by the case the server answers. */

/* PUT checklist with one material's state (note NULL or "": none). */
int net_case_mark(struct net_client *client, struct net_case *c,
		  const char *material_id, enum material_state state,
		  const char *note, const char *idempotency_key,
		  struct wc_error *err);

/* POST notices (override_reason NULL or "": none), *out the notice. On a
 * notice_once_violation refusal *violations (when not NULL) lists the
 * materials the server names (material_id, reason unused). */
int net_case_notice(struct net_client *client, const struct net_case *c,
		    const char *override_reason, const char *idempotency_key,
		    struct net_notice *out, struct net_refusals *violations,
		    struct wc_error *err);

/* POST documents/{no}/reprint (补打): the issued notice or commitment
 * numbered no of case case_id again, the reprint audited by the server.
 * *text (new string, free it) is the signed text, sanitised. */
int net_case_document_reprint(struct net_client *client, const char *case_id,
			      const char *no, const char *idempotency_key,
			      char **text, struct wc_error *err);

/* GET /v1/documents/{no}.pdf: the document numbered no as the server's
 * A4 PDF, with 补打 on every page when reprint. *pdf (free it) holds *len
 * bytes that begin %PDF-. -1 with err: not_found or method_not_allowed
 * from a server without PDF support, bad_response for anything not a
 * PDF, offline. */
int net_document_pdf(struct net_client *client, const char *no, bool reprint,
		     char **pdf, size_t *len, struct wc_error *err);

/* POST accept, mode normal. On a 422 *why (when not NULL) gets the
 * refusals (empty otherwise; release it in every case). */
int net_case_accept_normal(struct net_client *client, struct net_case *c,
			   const char *idempotency_key,
			   struct net_refusals *why, struct wc_error *err);

/* What a tolerant acceptance's commitment says. */
struct net_commitment_draft {
	int deadline_days; /* 0: the item's default */
	const char *applicant_confirmation;
};

/* POST accept, mode tolerant, with the commitment; why as above. */
int net_case_accept_tolerant(struct net_client *client, struct net_case *c,
			     const struct net_commitment_draft *commitment,
			     const char *idempotency_key,
			     struct net_refusals *why, struct wc_error *err);

/* POST supplements: material_id handed in for the open commitment. */
int net_case_supplement(struct net_client *client, struct net_case *c,
			const char *material_id, const char *idempotency_key,
			struct wc_error *err);
/* POST complete with the result and a note. */
int net_case_complete(struct net_client *client, struct net_case *c,
		      enum case_result result, const char *note,
		      const char *idempotency_key, struct wc_error *err);
/* POST withdraw with a note. */
int net_case_withdraw(struct net_client *client, struct net_case *c,
		      const char *note, const char *idempotency_key,
		      struct wc_error *err);

/* POST rating: level 1-5, the reasons (n of them, may be 0) and a
 * comment (NULL or "": none). */
int net_case_rate(struct net_client *client, struct net_case *c, int level,
		  const char *const *reasons, size_t n_reasons,
		  const char *comment, const char *idempotency_key,
		  struct wc_error *err);

/* ---- Documents */

/* GET /v1/documents/verify: what the server says of a printed verify
 * code. no and issued_at are NULL unless valid. */
struct net_document_check {
	bool valid;
	bool commitment; /* kind commitment, else notice */
	char *no;
	char *issued_at;
};

int net_document_verify(struct net_client *client, const char *code,
			struct net_document_check *out, struct wc_error *err);
void net_document_check_release(struct net_document_check *d);

#endif
