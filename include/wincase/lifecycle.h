/* lifecycle.h - the states of a case, an inquiry, a commitment and a review
 * item, which action each state allows and what it leads to (R1-R5), and
 * the one codec to and from the API's words. The server's handlers and the
 * client's screens both ask these tables; no status or mode word is
 * compared anywhere else. Pure data and lookups: no allocation, no I/O. */
#ifndef WINCASE_LIFECYCLE_H
#define WINCASE_LIFECYCLE_H

#include <stdbool.h>
#include <stddef.h>

/* ---- Cases: checking -> (notified <-> checking) -> accepted |
 * accepted_tolerant -> completed | denied; withdrawn from any open state. */
enum case_status {
	CASE_CHECKING,
	CASE_NOTIFIED,
	CASE_ACCEPTED,
	CASE_ACCEPTED_TOLERANT,
	CASE_COMPLETED,
	CASE_DENIED,
	CASE_WITHDRAWN,
	CASE_STATUS_COUNT
};

enum case_action {
	CASE_DO_CHECKLIST,	 /* PUT checklist: back to checking */
	CASE_DO_NOTICE,		 /* one-time notice: -> notified */
	CASE_DO_ACCEPT,		 /* normal acceptance: -> accepted */
	CASE_DO_ACCEPT_TOLERANT, /* R3: -> accepted_tolerant */
	CASE_DO_SUPPLEMENT,	 /* a material of the open commitment */
	CASE_DO_COMPLETE,	 /* result approved: -> completed */
	CASE_DO_DENY,		 /* result denied: -> denied */
	CASE_DO_WITHDRAW,	 /* -> withdrawn */
	CASE_DO_RATE,		 /* R5: once, after completion */
	CASE_ACTION_COUNT
};

/* ---- Inquiries (R1): open -> handed_off -> referred; closed from any. */
enum inquiry_status {
	INQUIRY_OPEN,
	INQUIRY_HANDED_OFF,
	INQUIRY_REFERRED,
	INQUIRY_CLOSED,
	INQUIRY_STATUS_COUNT
};

enum inquiry_action {
	INQUIRY_DO_HANDOFF,
	INQUIRY_DO_ACK,
	INQUIRY_DO_CLOSE,
	INQUIRY_DO_CONVERT, /* closed as converted: a case was made of it */
	INQUIRY_DO_RECALL,  /* issue 13.5: the sender takes a waiting
			     * handoff back */
	INQUIRY_ACTION_COUNT
};

/* ---- Commitments (R3): open -> fulfilled | breached | waived. */
enum commitment_status {
	COMMITMENT_OPEN,
	COMMITMENT_FULFILLED,
	COMMITMENT_BREACHED,
	COMMITMENT_WAIVED,
	COMMITMENT_STATUS_COUNT
};

enum commitment_action {
	COMMITMENT_DO_SUPPLEMENT, /* a material in; the last: -> fulfilled */
	COMMITMENT_DO_BREACH,	  /* deadline passed: -> breached */
	COMMITMENT_DO_WAIVE,	  /* a reviewer waives it (open or breached) */
	/* The case is withdrawn: an open commitment is no longer enforced
	 * (-> waived); a breached one stays breached, its breach counts. */
	COMMITMENT_DO_WITHDRAW,
	COMMITMENT_ACTION_COUNT
};

/* ---- Review items: pending -> done. */
enum review_status { REVIEW_PENDING, REVIEW_DONE, REVIEW_STATUS_COUNT };

enum review_action { REVIEW_DO_DECIDE, REVIEW_ACTION_COUNT };

/* What a review item is about (API.md's kinds) and what a reviewer
 * decides on it. */
enum review_kind {
	REVIEW_KIND_TOLERANT_ACCEPTANCE,
	REVIEW_KIND_ONCE_VIOLATION,
	REVIEW_KIND_BREACH,
	REVIEW_KIND_OVERDUE,
	REVIEW_KIND_BOUNCED,
	REVIEW_KIND_RECTIFICATION,
	REVIEW_KIND_COUNT
};

enum review_decision {
	REVIEW_DECISION_APPROVE,
	REVIEW_DECISION_RETURN,
	REVIEW_DECISION_WAIVE,	   /* releases the case's commitment (R3) */
	REVIEW_DECISION_RECTIFIED, /* closes a rectification (R5) */
	REVIEW_DECISION_COUNT
};

/* The API's word for a state ("checking"); never NULL for a valid value. */
const char *case_status_word(enum case_status s);
const char *inquiry_status_word(enum inquiry_status s);
const char *commitment_status_word(enum commitment_status s);
const char *review_status_word(enum review_status s);

/* The state a word names: true and *out set, or false for an unknown word
 * (NULL included), *out untouched. */
bool case_status_parse(const char *word, enum case_status *out);
bool inquiry_status_parse(const char *word, enum inquiry_status *out);
bool commitment_status_parse(const char *word, enum commitment_status *out);
bool review_status_parse(const char *word, enum review_status *out);

/* Whether state s allows action a; when it does and next is not NULL,
 * *next is the state the action leads to (the same state for an action
 * that does not move it, such as a supplement or a rating). */
bool case_allows(enum case_status s, enum case_action a,
		 enum case_status *next);
/* R1: an inquiry handed off more than this many times is bounced (推诿).
 * A recalled handoff leaves the inquiry and does not count. */
#define INQUIRY_BOUNCE_AFTER_HANDOFFS 2
/* True when one more handoff, after handoffs_so_far, makes it bounced:
 * the client warns before it, the server marks it. */
bool inquiry_handoff_bounces(size_t handoffs_so_far);

bool inquiry_allows(enum inquiry_status s, enum inquiry_action a,
		    enum inquiry_status *next);
bool commitment_allows(enum commitment_status s, enum commitment_action a,
		       enum commitment_status *next);
bool review_allows(enum review_status s, enum review_action a,
		   enum review_status *next);

/* Shorthands the rules use: a case still at the counter (checking or
 * notified), accepted (either way), finished (completed or denied). */
bool case_is_open(enum case_status s);
bool case_is_accepted(enum case_status s);
bool case_is_finished(enum case_status s);

/* ---- The other enumerated words of the API, with the same codec
 * (material states have theirs in checklist.h). */

enum accept_mode { ACCEPT_NORMAL, ACCEPT_TOLERANT, ACCEPT_MODE_COUNT };
enum case_result { RESULT_APPROVED, RESULT_DENIED, CASE_RESULT_COUNT };
enum inquiry_resolution {
	RESOLUTION_ANSWERED,
	RESOLUTION_REFERRED,
	RESOLUTION_CONVERTED,
	RESOLUTION_NO_ACTION,
	INQUIRY_RESOLUTION_COUNT
};

const char *accept_mode_word(enum accept_mode m);
bool accept_mode_parse(const char *word, enum accept_mode *out);
const char *case_result_word(enum case_result r);
bool case_result_parse(const char *word, enum case_result *out);
const char *inquiry_resolution_word(enum inquiry_resolution r);
bool inquiry_resolution_parse(const char *word, enum inquiry_resolution *out);
const char *review_kind_word(enum review_kind k);
bool review_kind_parse(const char *word, enum review_kind *out);
const char *review_decision_word(enum review_decision d);
bool review_decision_parse(const char *word, enum review_decision *out);

/* Whether decision d applies to an item of kind k: waive to a breach or a
 * tolerant acceptance (they are about a commitment), rectified to a
 * rectification; approve and return to every kind. False for an
 * out-of-range value. */
bool review_decision_fits(enum review_decision d, enum review_kind k);

/* The action that closes an accepted case with result r: approved
 * completes it, denied denies it. These three give their _COUNT (which
 * no state allows) for an out-of-range value. */
enum case_action case_result_action(enum case_result r);
/* The action that accepts a case in mode m. */
enum case_action accept_mode_action(enum accept_mode m);
/* The action that closes an inquiry with resolution r: converted is
 * INQUIRY_DO_CONVERT (a case was made of it), every other INQUIRY_DO_CLOSE. */
enum inquiry_action inquiry_resolution_action(enum inquiry_resolution r);

#endif
