/* checklist.h - material checklist evaluation for R2 (one-time notice) and
 * R3 (tolerant acceptance) of DESIGN.md. Pure functions. */
#ifndef WINCASE_CHECKLIST_H
#define WINCASE_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/catalog.h"

enum material_state {
	STATE_PENDING,
	STATE_PROVIDED,
	STATE_MISSING,
	STATE_DEFECTIVE,
	STATE_SHARED, /* 免提交: electronic licence or data sharing */
};

bool material_state_parse(const char *name, enum material_state *out);
const char *material_state_name(enum material_state state);

/* Why tolerant acceptance is refused; the names are API.md's reason codes. */
enum tolerant_reason {
	REASON_ITEM_NOT_TOLERANT,      /* "item_not_tolerant" */
	REASON_MAIN_MATERIAL_OPEN,     /* "main_material_open" (material set) */
	REASON_MATERIAL_NOT_TOLERABLE, /* "material_not_tolerable" (material) */
	REASON_CREDIT_BLOCKED,	       /* "credit_blocked" */
	REASON_DEADLINE_TOO_LONG,      /* "deadline_too_long" */
	REASON_CONFIRMATION_MISMATCH,  /* "confirmation_mismatch" */
	REASON_NOTHING_MISSING, /* "nothing_missing": use normal acceptance */
	/* "applicant_unidentified": the server's extension (no identifier, so
	 * no credit record); checklist_evaluate never gives it. */
	REASON_APPLICANT_UNIDENTIFIED,
};
const char *tolerant_reason_name(enum tolerant_reason reason);

struct refusal {
	enum tolerant_reason reason;
	int material; /* index into item->materials, or -1 */
};

/* What the tolerant check needs besides the checklist. Fields left at
 * their "unknown" value are not checked. */
struct tolerant_request {
	int credit_breaches;  /* breaches in the last 365 days */
	int credit_threshold; /* most breaches still allowed (default 0) */
	int deadline_days; /* requested supplement deadline; 0 = item default */
	const char *applicant_name;
	const char *confirmation; /* NULL: not checked */
};

struct checklist_eval {
	/* Positions in the scenario (0..n-1) of materials still open:
	 * pending, missing or defective. */
	size_t n_open;
	size_t open[CATALOG_MAX_MATERIALS];
	/* Positions of missing or defective materials: what a notice lists. */
	size_t n_notice;
	size_t notice[CATALOG_MAX_MATERIALS];
	size_t n_pending;
	bool normal_allowed; /* every material provided or shared */
	/* Every reason tolerant acceptance is refused, never just the first. */
	size_t n_refusals;
	struct refusal refusals[CATALOG_MAX_MATERIALS + 8];
	bool tolerant_allowed;
	int deadline_days; /* the deadline that applies (default or requested)
			    */
};

/* states[i] is the state of it->materials[sc->materials[i]]. req may be NULL
 * to evaluate only the checklist part of R3. */
void checklist_evaluate(const struct item *it, const struct scenario *sc,
			const enum material_state *states,
			const struct tolerant_request *req,
			struct checklist_eval *out);

/* R2 once-rule. One line per scenario material. */
struct once_line {
	enum material_state state;
	bool listed_before; /* listed in an earlier notice of this case */
	bool resubmitted;   /* submitted anew since the last notice */
};

/* Writes the positions of materials a new notice may not list without an
 * override: missing or defective now, never listed before, and not a defect
 * in a newly resubmitted material. With no earlier notice nothing is
 * refused. Returns how many. */
size_t notice_once_violations(const struct once_line *lines, size_t n,
			      bool has_earlier_notice, size_t *out);

#endif
