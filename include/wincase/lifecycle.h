/* lifecycle.h - the states of a case, an inquiry, a commitment and a review
 * item, which action each state allows and what it leads to (R1-R5), and
 * the one codec to and from the API's words. The server's handlers and the
 * client's screens both ask these tables; no status or mode word is
 * compared anywhere else. Pure data and lookups: no allocation, no I/O. */
#ifndef WINCASE_LIFECYCLE_H
#define WINCASE_LIFECYCLE_H

#include <stdbool.h>

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
	INQUIRY_DO_CONVERT, /* make a case of it */
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
	COMMITMENT_DO_SUPPLEMENT, /* the last material in: -> fulfilled */
	COMMITMENT_DO_BREACH,	  /* deadline passed: -> breached */
	COMMITMENT_DO_WAIVE,	  /* a reviewer waives it, or withdrawal */
	COMMITMENT_ACTION_COUNT
};

/* ---- Review items: pending -> done. */
enum review_status { REVIEW_PENDING, REVIEW_DONE, REVIEW_STATUS_COUNT };

enum review_action { REVIEW_DO_DECIDE, REVIEW_ACTION_COUNT };

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

#endif
