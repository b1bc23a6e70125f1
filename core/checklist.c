/* checklist.c - material checklist evaluation: what a one-time notice lists
 * (R2), whether normal or tolerant acceptance is allowed (R3), and the
 * once-rule over earlier notices (R2). Pure functions, no allocation. */
#include "wincase/checklist.h"

#include <string.h>

static const char *const state_names[] = {
    [STATE_PENDING] = "pending", [STATE_PROVIDED] = "provided",
    [STATE_MISSING] = "missing", [STATE_DEFECTIVE] = "defective",
    [STATE_SHARED] = "shared",
};

static const char *const reason_names[] = {
    [REASON_ITEM_NOT_TOLERANT] = "item_not_tolerant",
    [REASON_MAIN_MATERIAL_OPEN] = "main_material_open",
    [REASON_MATERIAL_NOT_TOLERABLE] = "material_not_tolerable",
    [REASON_CREDIT_BLOCKED] = "credit_blocked",
    [REASON_DEADLINE_TOO_LONG] = "deadline_too_long",
    [REASON_CONFIRMATION_MISMATCH] = "confirmation_mismatch",
    [REASON_NOTHING_MISSING] = "nothing_missing",
    [REASON_APPLICANT_UNIDENTIFIED] = "applicant_unidentified",
};

#define N_STATES  (sizeof(state_names) / sizeof(state_names[0]))
#define N_REASONS (sizeof(reason_names) / sizeof(reason_names[0]))

bool material_state_parse(const char *name, enum material_state *out)
{
	for (size_t i = 0; name && i < N_STATES; i++) {
		if (strcmp(name, state_names[i]) == 0) {
			*out = (enum material_state)i;
			return true;
		}
	}
	return false;
}

const char *material_state_name(enum material_state state)
{
	if ((size_t)state >= N_STATES)
		return "pending";
	return state_names[state];
}

const char *tolerant_reason_name(enum tolerant_reason reason)
{
	if ((size_t)reason >= N_REASONS)
		return "unknown";
	return reason_names[reason];
}

static bool checklist_is_open(enum material_state s)
{
	return s == STATE_PENDING || s == STATE_MISSING || s == STATE_DEFECTIVE;
}

static void checklist_refuse(struct checklist_eval *out,
			     enum tolerant_reason reason, int material)
{
	if (out->n_refusals >= sizeof(out->refusals) / sizeof(out->refusals[0]))
		return;
	out->refusals[out->n_refusals].reason = reason;
	out->refusals[out->n_refusals].material = material;
	out->n_refusals++;
}

/* Trailing and leading ASCII blanks do not make a confirmation differ: the
 * applicant types the name, a stray space is not a different person. */
static bool checklist_same_name(const char *a, const char *b)
{
	size_t na, nb;

	while (*a == ' ' || *a == '\t')
		a++;
	while (*b == ' ' || *b == '\t')
		b++;
	na = strlen(a);
	nb = strlen(b);
	while (na > 0 && (a[na - 1] == ' ' || a[na - 1] == '\t'))
		na--;
	while (nb > 0 && (b[nb - 1] == ' ' || b[nb - 1] == '\t'))
		nb--;
	return na > 0 && na == nb && memcmp(a, b, na) == 0;
}

/* R3: the parts of tolerant acceptance that do not depend on the
 * checklist: credit record, supplement deadline, typed confirmation. */
static void checklist_check_request(const struct item *it,
				    const struct tolerant_request *req,
				    struct checklist_eval *out)
{
	out->deadline_days = it->commitment_days;
	if (!req)
		return;
	if (req->credit_breaches >= 0 &&
	    req->credit_breaches > req->credit_threshold)
		checklist_refuse(out, REASON_CREDIT_BLOCKED, -1);
	if (req->deadline_days > 0) {
		out->deadline_days = req->deadline_days;
		if (req->deadline_days > it->commitment_max_days)
			checklist_refuse(out, REASON_DEADLINE_TOO_LONG, -1);
	}
	if (req->confirmation &&
	    !checklist_same_name(req->confirmation, req->applicant_name
							? req->applicant_name
							: ""))
		checklist_refuse(out, REASON_CONFIRMATION_MISMATCH, -1);
}

/* R2 and R3. A pending material counts as open: it has not been checked,
 * so neither acceptance may treat it as provided. */
void checklist_evaluate(const struct item *it, const struct scenario *sc,
			const enum material_state *states,
			const struct tolerant_request *req,
			struct checklist_eval *out)
{
	size_t n = sc->n_materials;

	memset(out, 0, sizeof(*out));
	if (n > CATALOG_MAX_MATERIALS)
		n = CATALOG_MAX_MATERIALS;
	/* R3: the item must be on the tolerant-acceptance list. */
	if (!it->tolerant)
		checklist_refuse(out, REASON_ITEM_NOT_TOLERANT, -1);
	for (size_t i = 0; i < n; i++) {
		size_t at = sc->materials[i];
		const struct material *m = &it->materials[at];

		if (!checklist_is_open(states[i]))
			continue;
		out->open[out->n_open++] = i;
		if (states[i] == STATE_PENDING)
			out->n_pending++;
		else
			out->notice[out->n_notice++] = i;
		/* R3: every main material provided or shared; every open
		 * secondary material tolerable. */
		if (m->role == ROLE_MAIN)
			checklist_refuse(out, REASON_MAIN_MATERIAL_OPEN,
					 (int)at);
		else if (!m->tolerable)
			checklist_refuse(out, REASON_MATERIAL_NOT_TOLERABLE,
					 (int)at);
	}
	out->normal_allowed = out->n_open == 0;
	if (out->n_open == 0)
		checklist_refuse(out, REASON_NOTHING_MISSING, -1);
	checklist_check_request(it, req, out);
	out->tolerant_allowed = out->n_refusals == 0;
}

/* R2 "one time": once a notice was issued, a later one may list only what
 * earlier notices listed, or defects in materials submitted anew since. */
size_t notice_once_violations(const struct once_line *lines, size_t n,
			      bool has_earlier_notice, size_t *out)
{
	size_t count = 0;

	if (!has_earlier_notice)
		return 0;
	for (size_t i = 0; i < n; i++) {
		enum material_state s = lines[i].state;

		if (s != STATE_MISSING && s != STATE_DEFECTIVE)
			continue;
		if (lines[i].listed_before)
			continue;
		if (s == STATE_DEFECTIVE && lines[i].resubmitted)
			continue;
		out[count++] = i;
	}
	return count;
}
