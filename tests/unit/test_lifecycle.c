/* test_lifecycle.c - the lifecycle tables and codec (lifecycle.h): every
 * state x action pair of the case, inquiry, commitment and review-item
 * machines against a matrix written out here from API.md and the server's
 * behaviour (allowed? where does it lead?), the codec's round trip for every
 * value, unknown and NULL words refused, out-of-range values refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "wincase/lifecycle.h"
#include "wincase/review_words.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define NO   NULL /* the action is refused in that state */

/* A new state or action must be added to the matrices below. */
_Static_assert(CASE_STATUS_COUNT == 7 && CASE_ACTION_COUNT == 9,
	       "case matrix out of date");
_Static_assert(INQUIRY_STATUS_COUNT == 4 && INQUIRY_ACTION_COUNT == 5,
	       "inquiry matrix out of date");
_Static_assert(COMMITMENT_STATUS_COUNT == 4 && COMMITMENT_ACTION_COUNT == 4,
	       "commitment matrix out of date");
_Static_assert(REVIEW_STATUS_COUNT == 2 && REVIEW_ACTION_COUNT == 1,
	       "review matrix out of date");

/* ---- Expected matrices: a row per state (enum order), a column per action
 * (enum order), each cell the API word of the next state or NO. */

/* Columns: checklist, notice, accept, accept_tolerant, supplement,
 * complete, deny, withdraw, rate. */
static const char *const case_expect[7][9] = {
    /* checking */
    {"checking", "notified", "accepted", "accepted_tolerant", NO, NO, NO,
     "withdrawn", NO},
    /* notified: a changed checklist is checked again */
    {"checking", "notified", "accepted", "accepted_tolerant", NO, NO, NO,
     "withdrawn", NO},
    /* accepted */
    {NO, NO, NO, NO, NO, "completed", "denied", "withdrawn", NO},
    /* accepted_tolerant: supplements leave the state as it is */
    {NO, NO, NO, NO, "accepted_tolerant", "completed", "denied", "withdrawn",
     NO},
    /* completed: rated, staying completed */
    {NO, NO, NO, NO, NO, NO, NO, NO, "completed"},
    /* denied */
    {NO, NO, NO, NO, NO, NO, NO, NO, "denied"},
    /* withdrawn: nothing */
    {NO, NO, NO, NO, NO, NO, NO, NO, NO},
};

/* Columns: handoff, ack, close, convert. */
/* Columns: handoff, ack, close, convert, recall. */
static const char *const inquiry_expect[4][5] = {
    /* open */
    {"handed_off", NO, "closed", "closed", NO},
    /* handed_off: one handoff waits at a time; its sender may recall it */
    {NO, "referred", "closed", "closed", "open"},
    /* referred: may be handed on again */
    {"handed_off", NO, "closed", "closed", NO},
    /* closed */
    {NO, NO, NO, NO, NO},
};

/* Columns: supplement, breach, waive, withdraw. */
static const char *const commitment_expect[4][4] = {
    /* open */
    {"fulfilled", "breached", "waived", "waived"},
    /* fulfilled */
    {NO, NO, NO, NO},
    /* breached: a reviewer may waive it, a withdrawal does not undo it */
    {NO, NO, "waived", NO},
    /* waived */
    {NO, NO, NO, NO},
};

/* Column: decide. */
static const char *const review_expect[2][1] = {
    {"done"}, /* pending */
    {NO},     /* done */
};

/* The API's words, in enum order. */
static const char *const case_words[] = {
    "checking",	 "notified", "accepted", "accepted_tolerant",
    "completed", "denied",   "withdrawn"};
static const char *const inquiry_words[] = {"open", "handed_off", "referred",
					    "closed"};
static const char *const commitment_words[] = {"open", "fulfilled", "breached",
					       "waived"};
static const char *const review_words[] = {"pending", "done"};
static const char *const mode_words[] = {"normal", "tolerant"};
static const char *const result_words[] = {"approved", "denied"};
static const char *const resolution_words[] = {"answered", "referred",
					       "converted", "no_action"};
static const char *const kind_words[] = {
    "tolerant_acceptance", "once_violation", "breach", "overdue", "bounced",
    "rectification"};
static const char *const decision_words[] = {"approve", "return", "waive",
					     "rectified"};

/* Words no codec knows: NULL is tested separately. */
static const char *const unknown_words[] = {
    "",	   "CHECKING", "Open",	" open",     "open ", "check",
    "all", "none",     "close", "accepted_", "-1",    "checking\n",
};

/* Check one machine: allows(s, a) against expect[s][a], next written only
 * when allowed, and the same answer with next NULL. */
#define CHECK_MACHINE(prefix, state_t, action_t, expect, n_states, n_actions)  \
	do {                                                                   \
		for (int s = 0; s < (n_states); s++) {                         \
			for (int a = 0; a < (n_actions); a++) {                \
				const char *want = (expect)[s][a];             \
				const char *from = prefix##_status_word(s);    \
				state_t next = (state_t)(n_states);            \
				bool ok = prefix##_allows((state_t)s,          \
							  (action_t)a, &next); \
				if (ok != (want != NULL))                      \
					fail_msg("%s x action %d: allowed %d", \
						 from, a, ok);                 \
				if (prefix##_allows((state_t)s, (action_t)a,   \
						    NULL) != ok)               \
					fail_msg("%s x action %d: NULL next",  \
						 from, a);                     \
				if (!ok && next != (state_t)(n_states))        \
					fail_msg("%s x action %d: refused "    \
						 "but next written",           \
						 from, a);                     \
				if (ok && strcmp(prefix##_status_word(next),   \
						 want) != 0)                   \
					fail_msg("%s x action %d: -> %s, "     \
						 "expected %s",                \
						 from, a,                      \
						 prefix##_status_word(next),   \
						 want);                        \
			}                                                      \
		}                                                              \
	} while (0)

static void test_case_matrix(void **state)
{
	(void)state;
	CHECK_MACHINE(case, enum case_status, enum case_action, case_expect,
		      CASE_STATUS_COUNT, CASE_ACTION_COUNT);
}

static void test_inquiry_matrix(void **state)
{
	(void)state;
	CHECK_MACHINE(inquiry, enum inquiry_status, enum inquiry_action,
		      inquiry_expect, INQUIRY_STATUS_COUNT,
		      INQUIRY_ACTION_COUNT);
}

static void test_commitment_matrix(void **state)
{
	(void)state;
	CHECK_MACHINE(commitment, enum commitment_status,
		      enum commitment_action, commitment_expect,
		      COMMITMENT_STATUS_COUNT, COMMITMENT_ACTION_COUNT);
}

static void test_review_matrix(void **state)
{
	(void)state;
	CHECK_MACHINE(review, enum review_status, enum review_action,
		      review_expect, REVIEW_STATUS_COUNT, REVIEW_ACTION_COUNT);
}

/* Out of range on either axis is refused and leaves next alone. */
static void test_out_of_range_refused(void **state)
{
	enum case_status cs = CASE_DENIED;
	enum inquiry_status is = INQUIRY_REFERRED;
	enum commitment_status ms = COMMITMENT_BREACHED;
	enum review_status rs = REVIEW_PENDING;

	(void)state;
	assert_false(case_allows(CASE_STATUS_COUNT, CASE_DO_WITHDRAW, &cs));
	assert_false(case_allows((enum case_status) - 1, CASE_DO_ACCEPT, &cs));
	assert_false(case_allows(CASE_CHECKING, CASE_ACTION_COUNT, &cs));
	assert_false(case_allows(CASE_CHECKING, (enum case_action) - 1, &cs));
	assert_int_equal(cs, CASE_DENIED);
	assert_false(
	    inquiry_allows(INQUIRY_STATUS_COUNT, INQUIRY_DO_CLOSE, &is));
	assert_false(inquiry_allows(INQUIRY_OPEN, INQUIRY_ACTION_COUNT, &is));
	assert_false(
	    inquiry_allows((enum inquiry_status) - 1, INQUIRY_DO_CLOSE, &is));
	assert_int_equal(is, INQUIRY_REFERRED);
	assert_false(commitment_allows(COMMITMENT_STATUS_COUNT,
				       COMMITMENT_DO_WAIVE, &ms));
	assert_false(
	    commitment_allows(COMMITMENT_OPEN, COMMITMENT_ACTION_COUNT, &ms));
	assert_false(commitment_allows((enum commitment_status) - 1,
				       COMMITMENT_DO_WAIVE, &ms));
	assert_int_equal(ms, COMMITMENT_BREACHED);
	assert_false(review_allows(REVIEW_STATUS_COUNT, REVIEW_DO_DECIDE, &rs));
	assert_false(review_allows(REVIEW_PENDING, REVIEW_ACTION_COUNT, &rs));
	assert_false(
	    review_allows((enum review_status) - 1, REVIEW_DO_DECIDE, &rs));
	assert_int_equal(rs, REVIEW_PENDING);
	assert_null(case_status_word(CASE_STATUS_COUNT));
	assert_null(case_status_word((enum case_status) - 1));
	assert_null(inquiry_status_word(INQUIRY_STATUS_COUNT));
	assert_null(commitment_status_word(COMMITMENT_STATUS_COUNT));
	assert_null(review_status_word(REVIEW_STATUS_COUNT));
	assert_null(accept_mode_word(ACCEPT_MODE_COUNT));
	assert_null(case_result_word(CASE_RESULT_COUNT));
	assert_null(case_result_word((enum case_result) - 1));
	assert_null(inquiry_resolution_word(INQUIRY_RESOLUTION_COUNT));
	assert_null(review_kind_word(REVIEW_KIND_COUNT));
	assert_null(review_decision_word(REVIEW_DECISION_COUNT));
	assert_null(review_decision_word((enum review_decision) - 1));
}

/* Every value's word is the API's, parses back to the value, and every
 * unknown word (NULL included) is refused with *out untouched. */
#define CHECK_CODEC(prefix, type, words, count)                                \
	do {                                                                   \
		type v, sentinel = (type)(count);                              \
		assert_int_equal(N(words), (count));                           \
		for (int i = 0; i < (count); i++) {                            \
			assert_string_equal(prefix##_word((type)i), words[i]); \
			v = sentinel;                                          \
			assert_true(prefix##_parse(words[i], &v));             \
			assert_int_equal(v, i);                                \
		}                                                              \
		v = sentinel;                                                  \
		assert_false(prefix##_parse(NULL, &v));                        \
		for (size_t k = 0; k < N(unknown_words); k++)                  \
			assert_false(prefix##_parse(unknown_words[k], &v));    \
		assert_int_equal(v, sentinel);                                 \
	} while (0)

static void test_codec_round_trip(void **state)
{
	(void)state;
	CHECK_CODEC(case_status, enum case_status, case_words,
		    CASE_STATUS_COUNT);
	CHECK_CODEC(inquiry_status, enum inquiry_status, inquiry_words,
		    INQUIRY_STATUS_COUNT);
	CHECK_CODEC(commitment_status, enum commitment_status, commitment_words,
		    COMMITMENT_STATUS_COUNT);
	CHECK_CODEC(review_status, enum review_status, review_words,
		    REVIEW_STATUS_COUNT);
	CHECK_CODEC(accept_mode, enum accept_mode, mode_words,
		    ACCEPT_MODE_COUNT);
	CHECK_CODEC(case_result, enum case_result, result_words,
		    CASE_RESULT_COUNT);
	CHECK_CODEC(inquiry_resolution, enum inquiry_resolution,
		    resolution_words, INQUIRY_RESOLUTION_COUNT);
	CHECK_CODEC(review_kind, enum review_kind, kind_words,
		    REVIEW_KIND_COUNT);
	CHECK_CODEC(review_decision, enum review_decision, decision_words,
		    REVIEW_DECISION_COUNT);
}

/* Words of one machine do not name a state of another by accident: "open"
 * is an inquiry's and a commitment's, "denied" a case's and a result. */
static void test_codecs_are_separate(void **state)
{
	enum case_status cs;
	enum case_result cr;
	enum inquiry_status is;
	enum commitment_status ms;
	enum inquiry_resolution ir;

	(void)state;
	assert_false(case_status_parse("open", &cs));
	assert_false(case_status_parse("approved", &cs));
	assert_true(case_status_parse("denied", &cs));
	assert_int_equal(cs, CASE_DENIED);
	assert_true(case_result_parse("denied", &cr));
	assert_int_equal(cr, RESULT_DENIED);
	assert_true(inquiry_status_parse("open", &is));
	assert_int_equal(is, INQUIRY_OPEN);
	assert_true(commitment_status_parse("open", &ms));
	assert_int_equal(ms, COMMITMENT_OPEN);
	assert_false(commitment_status_parse("closed", &ms));
	assert_true(inquiry_resolution_parse("referred", &ir));
	assert_int_equal(ir, RESOLUTION_REFERRED);
	assert_false(inquiry_resolution_parse("handed_off", &ir));
}

static void test_case_shorthands(void **state)
{
	/* open, accepted, finished for each case state in enum order. */
	static const bool expect[7][3] = {
	    {true, false, false},  {true, false, false}, {false, true, false},
	    {false, true, false},  {false, false, true}, {false, false, true},
	    {false, false, false},
	};

	(void)state;
	for (int s = 0; s < CASE_STATUS_COUNT; s++) {
		assert_int_equal(case_is_open(s), expect[s][0]);
		assert_int_equal(case_is_accepted(s), expect[s][1]);
		assert_int_equal(case_is_finished(s), expect[s][2]);
	}
	assert_false(case_is_open(CASE_STATUS_COUNT));
	assert_false(case_is_accepted(CASE_STATUS_COUNT));
	assert_false(case_is_finished(CASE_STATUS_COUNT));
}

static void test_review_decision_fits(void **state)
{
	/* Rows: approve, return, waive, rectified; columns: the kinds. */
	static const bool expect[4][6] = {
	    {true, true, true, true, true, true},
	    {true, true, true, true, true, true},
	    {true, false, true, false, false, false},
	    {false, false, false, false, false, true},
	};

	(void)state;
	for (int d = 0; d < REVIEW_DECISION_COUNT; d++)
		for (int k = 0; k < REVIEW_KIND_COUNT; k++)
			assert_int_equal(review_decision_fits(d, k),
					 expect[d][k]);
	assert_false(
	    review_decision_fits(REVIEW_DECISION_COUNT, REVIEW_KIND_BREACH));
	assert_false(review_decision_fits((enum review_decision) - 1,
					  REVIEW_KIND_BREACH));
	assert_false(
	    review_decision_fits(REVIEW_DECISION_APPROVE, REVIEW_KIND_COUNT));
	assert_false(review_decision_fits(REVIEW_DECISION_APPROVE,
					  (enum review_kind) - 1));
}

/* The word of a request picks the action the table is asked about. */
static void test_actions_of_words(void **state)
{
	(void)state;
	assert_int_equal(case_result_action(RESULT_APPROVED), CASE_DO_COMPLETE);
	assert_int_equal(case_result_action(RESULT_DENIED), CASE_DO_DENY);
	assert_int_equal(case_result_action(CASE_RESULT_COUNT),
			 CASE_ACTION_COUNT);
	assert_int_equal(accept_mode_action(ACCEPT_NORMAL), CASE_DO_ACCEPT);
	assert_int_equal(accept_mode_action(ACCEPT_TOLERANT),
			 CASE_DO_ACCEPT_TOLERANT);
	assert_int_equal(accept_mode_action((enum accept_mode) - 1),
			 CASE_ACTION_COUNT);
	assert_int_equal(inquiry_resolution_action(RESOLUTION_ANSWERED),
			 INQUIRY_DO_CLOSE);
	assert_int_equal(inquiry_resolution_action(RESOLUTION_REFERRED),
			 INQUIRY_DO_CLOSE);
	assert_int_equal(inquiry_resolution_action(RESOLUTION_NO_ACTION),
			 INQUIRY_DO_CLOSE);
	assert_int_equal(inquiry_resolution_action(RESOLUTION_CONVERTED),
			 INQUIRY_DO_CONVERT);
	assert_int_equal(inquiry_resolution_action(INQUIRY_RESOLUTION_COUNT),
			 INQUIRY_ACTION_COUNT);
	/* R1: the third handoff bounces (issue 13.5 warns before it). */
	assert_false(inquiry_handoff_bounces(0));
	assert_false(inquiry_handoff_bounces(1));
	assert_true(inquiry_handoff_bounces(2));
	/* An out-of-range action is one no state allows. */
	assert_false(case_allows(CASE_CHECKING,
				 accept_mode_action(ACCEPT_MODE_COUNT), NULL));
}

/* True when w holds no ASCII letter or underscore: a word, not a code. */
static bool is_word(const char *w)
{
	if (!w || !w[0] || strcmp(w, "?") == 0)
		return false;
	for (; *w; w++)
		if ((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z') ||
		    *w == '_')
			return false;
	return true;
}

/* Issue 14.1: every review kind, status, decision and rating level has a
 * Chinese word; out of range is "?". */
static void test_review_words(void **state)
{
	(void)state;
	for (int k = 0; k < REVIEW_KIND_COUNT; k++)
		assert_true(is_word(review_words_kind((enum review_kind)k)));
	for (int st = 0; st < REVIEW_STATUS_COUNT; st++)
		assert_true(
		    is_word(review_words_status((enum review_status)st)));
	for (int d = 0; d < REVIEW_DECISION_COUNT; d++)
		assert_true(
		    is_word(review_words_decision((enum review_decision)d)));
	for (int level = 1; level <= 5; level++)
		assert_true(is_word(review_words_rating(level)));
	assert_string_equal(review_words_rating(1), "非常不满意");
	assert_string_equal(review_words_kind(REVIEW_KIND_BREACH), "承诺失信");
	assert_string_equal(review_words_kind(REVIEW_KIND_COUNT), "?");
	assert_string_equal(review_words_status(REVIEW_STATUS_COUNT), "?");
	assert_string_equal(review_words_decision(REVIEW_DECISION_COUNT), "?");
	assert_string_equal(review_words_rating(0), "?");
	assert_string_equal(review_words_rating(6), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_case_matrix),
	    cmocka_unit_test(test_inquiry_matrix),
	    cmocka_unit_test(test_commitment_matrix),
	    cmocka_unit_test(test_review_matrix),
	    cmocka_unit_test(test_out_of_range_refused),
	    cmocka_unit_test(test_codec_round_trip),
	    cmocka_unit_test(test_codecs_are_separate),
	    cmocka_unit_test(test_case_shorthands),
	    cmocka_unit_test(test_review_decision_fits),
	    cmocka_unit_test(test_actions_of_words),
	    cmocka_unit_test(test_review_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
