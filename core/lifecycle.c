/* lifecycle.c - the state tables of lifecycle.h. Each table row is a state;
 * each cell says whether the action is allowed there and where it leads.
 * A cell left zero is "not allowed" (the 'ok' flag is false). */
#include "wincase/lifecycle.h"

#include <stddef.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct step {
	bool ok;
	int next;
};

#define TO(state)                                                              \
	{                                                                      \
		true, (state)                                                  \
	}

/* ---- The words of the API, in enum order. */

static const char *const case_words[CASE_STATUS_COUNT] = {
    "checking",	 "notified", "accepted",  "accepted_tolerant",
    "completed", "denied",   "withdrawn",
};
static const char *const inquiry_words[INQUIRY_STATUS_COUNT] = {
    "open", "handed_off", "referred", "closed"};
static const char *const commitment_words[COMMITMENT_STATUS_COUNT] = {
    "open", "fulfilled", "breached", "waived"};
static const char *const review_words[REVIEW_STATUS_COUNT] = {"pending",
							      "done"};
static const char *const mode_words[ACCEPT_MODE_COUNT] = {"normal", "tolerant"};
static const char *const result_words[CASE_RESULT_COUNT] = {"approved",
							    "denied"};
static const char *const resolution_words[INQUIRY_RESOLUTION_COUNT] = {
    "answered", "referred", "converted", "no_action"};
static const char *const kind_words[REVIEW_KIND_COUNT] = {
    "tolerant_acceptance", "once_violation", "breach", "overdue", "bounced",
    "rectification"};
static const char *const decision_words[REVIEW_DECISION_COUNT] = {
    "approve", "return", "waive", "rectified"};

static const char *word_of(const char *const *words, size_t n, int v)
{
	return v >= 0 && (size_t)v < n ? words[v] : NULL;
}

static bool word_parse(const char *const *words, size_t n, const char *word,
		       int *out)
{
	if (!word)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(word, words[i]) == 0) {
			*out = (int)i;
			return true;
		}
	}
	return false;
}

#define CODEC(prefix, type, words)                                             \
	const char *prefix##_word(type v)                                      \
	{                                                                      \
		return word_of(words, COUNT(words), (int)v);                   \
	}                                                                      \
	bool prefix##_parse(const char *word, type *out)                       \
	{                                                                      \
		int v;                                                         \
		if (!word_parse(words, COUNT(words), word, &v))                \
			return false;                                          \
		*out = (type)v;                                                \
		return true;                                                   \
	}

CODEC(case_status, enum case_status, case_words)
CODEC(inquiry_status, enum inquiry_status, inquiry_words)
CODEC(commitment_status, enum commitment_status, commitment_words)
CODEC(review_status, enum review_status, review_words)
CODEC(accept_mode, enum accept_mode, mode_words)
CODEC(case_result, enum case_result, result_words)
CODEC(inquiry_resolution, enum inquiry_resolution, resolution_words)
CODEC(review_kind, enum review_kind, kind_words)
CODEC(review_decision, enum review_decision, decision_words)

/* ---- Cases (R2-R5). */

static const struct step case_table[CASE_STATUS_COUNT][CASE_ACTION_COUNT] = {
    [CASE_CHECKING] =
	{
	    [CASE_DO_CHECKLIST] = TO(CASE_CHECKING),
	    [CASE_DO_NOTICE] = TO(CASE_NOTIFIED),
	    [CASE_DO_ACCEPT] = TO(CASE_ACCEPTED),
	    [CASE_DO_ACCEPT_TOLERANT] = TO(CASE_ACCEPTED_TOLERANT),
	    [CASE_DO_WITHDRAW] = TO(CASE_WITHDRAWN),
	},
    /* R2: a notified case goes back to checking when materials come in. */
    [CASE_NOTIFIED] =
	{
	    [CASE_DO_CHECKLIST] = TO(CASE_CHECKING),
	    [CASE_DO_NOTICE] = TO(CASE_NOTIFIED),
	    [CASE_DO_ACCEPT] = TO(CASE_ACCEPTED),
	    [CASE_DO_ACCEPT_TOLERANT] = TO(CASE_ACCEPTED_TOLERANT),
	    [CASE_DO_WITHDRAW] = TO(CASE_WITHDRAWN),
	},
    [CASE_ACCEPTED] =
	{
	    [CASE_DO_COMPLETE] = TO(CASE_COMPLETED),
	    [CASE_DO_DENY] = TO(CASE_DENIED),
	    [CASE_DO_WITHDRAW] = TO(CASE_WITHDRAWN),
	},
    /* R3: supplements only against the commitment of a tolerant case. */
    [CASE_ACCEPTED_TOLERANT] =
	{
	    [CASE_DO_SUPPLEMENT] = TO(CASE_ACCEPTED_TOLERANT),
	    [CASE_DO_COMPLETE] = TO(CASE_COMPLETED),
	    [CASE_DO_DENY] = TO(CASE_DENIED),
	    [CASE_DO_WITHDRAW] = TO(CASE_WITHDRAWN),
	},
    /* R5: a finished case is rated (once: the rating itself is checked
     * by the rating rule, not by the state). */
    [CASE_COMPLETED] = {[CASE_DO_RATE] = TO(CASE_COMPLETED)},
    [CASE_DENIED] = {[CASE_DO_RATE] = TO(CASE_DENIED)},
    [CASE_WITHDRAWN] = {{0}},
};

/* ---- Inquiries (R1). A waiting handoff is refused by its own rule
 * (handoff_pending), so handed_off allows no second handoff here. */

static const struct step
    inquiry_table[INQUIRY_STATUS_COUNT][INQUIRY_ACTION_COUNT] = {
	[INQUIRY_OPEN] =
	    {
		[INQUIRY_DO_HANDOFF] = TO(INQUIRY_HANDED_OFF),
		[INQUIRY_DO_CLOSE] = TO(INQUIRY_CLOSED),
		[INQUIRY_DO_CONVERT] = TO(INQUIRY_CLOSED),
	    },
	[INQUIRY_HANDED_OFF] =
	    {
		[INQUIRY_DO_ACK] = TO(INQUIRY_REFERRED),
		/* back to open; to referred when an earlier acknowledged
		 * handoff still holds it (the server looks) */
		[INQUIRY_DO_RECALL] = TO(INQUIRY_OPEN),
		[INQUIRY_DO_CLOSE] = TO(INQUIRY_CLOSED),
		[INQUIRY_DO_CONVERT] = TO(INQUIRY_CLOSED),
	    },
	[INQUIRY_REFERRED] =
	    {
		[INQUIRY_DO_HANDOFF] = TO(INQUIRY_HANDED_OFF),
		[INQUIRY_DO_CLOSE] = TO(INQUIRY_CLOSED),
		[INQUIRY_DO_CONVERT] = TO(INQUIRY_CLOSED),
	    },
	[INQUIRY_CLOSED] = {{0}},
};

/* ---- Commitments (R3). */

static const struct step
    commitment_table[COMMITMENT_STATUS_COUNT][COMMITMENT_ACTION_COUNT] = {
	[COMMITMENT_OPEN] =
	    {
		[COMMITMENT_DO_SUPPLEMENT] = TO(COMMITMENT_FULFILLED),
		[COMMITMENT_DO_BREACH] = TO(COMMITMENT_BREACHED),
		[COMMITMENT_DO_WAIVE] = TO(COMMITMENT_WAIVED),
		[COMMITMENT_DO_WITHDRAW] = TO(COMMITMENT_WAIVED),
	    },
	/* A reviewer may still waive a breached commitment; withdrawing the
	 * case does not undo the breach. */
	[COMMITMENT_BREACHED] = {[COMMITMENT_DO_WAIVE] = TO(COMMITMENT_WAIVED)},
	[COMMITMENT_FULFILLED] = {{0}},
	[COMMITMENT_WAIVED] = {{0}},
};

static const struct step
    review_table[REVIEW_STATUS_COUNT][REVIEW_ACTION_COUNT] = {
	[REVIEW_PENDING] = {[REVIEW_DO_DECIDE] = TO(REVIEW_DONE)},
	[REVIEW_DONE] = {{0}},
};

static bool step_of(const struct step *row, size_t n_states, int s, int a,
		    size_t n_actions, int *next)
{
	const struct step *cell;

	if (s < 0 || (size_t)s >= n_states || a < 0 || (size_t)a >= n_actions)
		return false;
	cell = &row[(size_t)s * n_actions + (size_t)a];
	if (cell->ok && next)
		*next = cell->next;
	return cell->ok;
}

#define ALLOWS(prefix, state_type, action_type, table, n_states, n_actions)    \
	bool prefix##_allows(state_type s, action_type a, state_type *next)    \
	{                                                                      \
		int n;                                                         \
		if (!step_of(&table[0][0], n_states, (int)s, (int)a,           \
			     n_actions, &n))                                   \
			return false;                                          \
		if (next)                                                      \
			*next = (state_type)n;                                 \
		return true;                                                   \
	}

ALLOWS(case, enum case_status, enum case_action, case_table, CASE_STATUS_COUNT,
       CASE_ACTION_COUNT)
ALLOWS(inquiry, enum inquiry_status, enum inquiry_action, inquiry_table,
       INQUIRY_STATUS_COUNT, INQUIRY_ACTION_COUNT)
ALLOWS(commitment, enum commitment_status, enum commitment_action,
       commitment_table, COMMITMENT_STATUS_COUNT, COMMITMENT_ACTION_COUNT)
ALLOWS(review, enum review_status, enum review_action, review_table,
       REVIEW_STATUS_COUNT, REVIEW_ACTION_COUNT)

bool inquiry_handoff_bounces(size_t handoffs_so_far)
{
	return handoffs_so_far + 1 > INQUIRY_BOUNCE_AFTER_HANDOFFS;
}

bool case_is_open(enum case_status s)
{
	return s == CASE_CHECKING || s == CASE_NOTIFIED;
}

bool case_is_accepted(enum case_status s)
{
	return s == CASE_ACCEPTED || s == CASE_ACCEPTED_TOLERANT;
}

bool case_is_finished(enum case_status s)
{
	return s == CASE_COMPLETED || s == CASE_DENIED;
}

bool review_decision_fits(enum review_decision d, enum review_kind k)
{
	if ((int)k < 0 || k >= REVIEW_KIND_COUNT)
		return false;
	switch (d) {
	case REVIEW_DECISION_APPROVE:
	case REVIEW_DECISION_RETURN:
		return true;
	case REVIEW_DECISION_WAIVE:
		return k == REVIEW_KIND_BREACH ||
		       k == REVIEW_KIND_TOLERANT_ACCEPTANCE;
	case REVIEW_DECISION_RECTIFIED:
		return k == REVIEW_KIND_RECTIFICATION;
	default:
		return false;
	}
}

enum case_action case_result_action(enum case_result r)
{
	switch (r) {
	case RESULT_APPROVED:
		return CASE_DO_COMPLETE;
	case RESULT_DENIED:
		return CASE_DO_DENY;
	default:
		return CASE_ACTION_COUNT;
	}
}

enum case_action accept_mode_action(enum accept_mode m)
{
	switch (m) {
	case ACCEPT_NORMAL:
		return CASE_DO_ACCEPT;
	case ACCEPT_TOLERANT:
		return CASE_DO_ACCEPT_TOLERANT;
	default:
		return CASE_ACTION_COUNT;
	}
}

enum inquiry_action inquiry_resolution_action(enum inquiry_resolution r)
{
	switch (r) {
	case RESOLUTION_ANSWERED:
	case RESOLUTION_REFERRED:
	case RESOLUTION_NO_ACTION:
		return INQUIRY_DO_CLOSE;
	case RESOLUTION_CONVERTED:
		return INQUIRY_DO_CONVERT;
	default:
		return INQUIRY_ACTION_COUNT;
	}
}
