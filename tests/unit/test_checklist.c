/* test_checklist.c - checklist evaluation for R2 (what a one-time notice
 * lists, the once-rule) and R3 (normal and tolerant acceptance, every
 * refusal reason at once). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "wincase/checklist.h"

/* Scenario "new": app (main), lic (main), plan (secondary, tolerable),
 * health (secondary, not tolerable). commitment 5 days, at most 10. */
static const char item_text[] =
    "{\"items\":[{\"code\":\"T-001\",\"name\":\"食品经营许可\","
    "\"department\":\"市场监督管理局\",\"legal_days\":20,"
    "\"promised_days\":10,\"commitment_days\":5,"
    "\"commitment_max_days\":10,\"tolerant\":true,"
    "\"materials\":["
    "{\"id\":\"app\",\"name\":\"申请书\",\"role\":\"main\","
    "\"form\":\"original\"},"
    "{\"id\":\"lic\",\"name\":\"营业执照\",\"role\":\"main\","
    "\"form\":\"copy\"},"
    "{\"id\":\"plan\",\"name\":\"平面图\",\"role\":\"secondary\","
    "\"form\":\"copy\",\"tolerable\":true},"
    "{\"id\":\"health\",\"name\":\"健康证明\",\"role\":\"secondary\","
    "\"form\":\"copy\"}],"
    "\"scenarios\":[{\"id\":\"new\",\"name\":\"新办\","
    "\"materials\":[\"app\",\"lic\",\"plan\",\"health\"]},"
    "{\"id\":\"short\",\"name\":\"简易\",\"materials\":[\"plan\",\"app\"]}]"
    "}]}";

/* Short names keep the tables readable. */
#define P STATE_PROVIDED
#define M STATE_MISSING
#define D STATE_DEFECTIVE
#define S STATE_SHARED
#define W STATE_PENDING

static int setup(void **state)
{
	struct wc_error err = {0};
	struct catalog *cat =
	    catalog_load_text(item_text, strlen(item_text), &err);

	if (!cat)
		fail_msg("%s: %s", err.field, err.message);
	*state = cat;
	return 0;
}

static int teardown(void **state)
{
	struct catalog *cat = *state;

	catalog_free(&cat);
	return 0;
}

/* The refusal reasons as one string, "main_material_open:lic,credit_blocked"
 * so that a table can state them all. */
static void reasons_text(const struct item *it, const struct checklist_eval *e,
			 char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	for (size_t i = 0; i < e->n_refusals && n < size; i++) {
		const struct refusal *r = &e->refusals[i];

		n += (size_t)snprintf(
		    out + n, size - n, "%s%s%s%s", i ? "," : "",
		    tolerant_reason_name(r->reason),
		    r->material >= 0 ? ":" : "",
		    r->material >= 0 ? it->materials[r->material].id : "");
	}
}

static void test_checklist_table(void **state)
{
	static const struct {
		enum material_state states[4];
		size_t n_open, n_notice;
		bool normal;
		const char *reasons;
	} cases[] = {
	    {{P, P, P, P}, 0, 0, true, "nothing_missing"},
	    {{P, S, P, S}, 0, 0, true, "nothing_missing"},
	    /* R3: a tolerable secondary material missing */
	    {{P, S, M, P}, 1, 1, false, ""},
	    {{P, S, D, P}, 1, 1, false, ""},
	    /* every reason, not the first */
	    {{M, P, M, D},
	     3,
	     3,
	     false,
	     "main_material_open:app,material_not_tolerable:health"},
	    {{P, D, P, M},
	     2,
	     2,
	     false,
	     "main_material_open:lic,material_not_tolerable:health"},
	    /* pending counts as open but is not on a notice */
	    {{W, P, M, P}, 2, 1, false, "main_material_open:app"},
	    {{P, P, W, P}, 1, 0, false, ""},
	};
	const struct catalog *cat = *state;
	const struct item *it = &cat->items[0];
	const struct scenario *sc = item_find_scenario(it, "new");
	struct checklist_eval e;
	char text[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum material_state states[4];

		memcpy(states, cases[i].states, sizeof(states));
		checklist_evaluate(it, sc, states, NULL, &e);
		reasons_text(it, &e, text, sizeof(text));
		if (strcmp(text, cases[i].reasons) != 0)
			fail_msg("case %zu: reasons %s, want %s", i, text,
				 cases[i].reasons);
		assert_int_equal(e.n_open, cases[i].n_open);
		assert_int_equal(e.n_notice, cases[i].n_notice);
		assert_int_equal(e.normal_allowed, cases[i].normal);
		assert_int_equal(e.tolerant_allowed,
				 cases[i].reasons[0] == '\0');
		assert_int_equal(e.n_pending, e.n_open - e.n_notice);
		assert_int_equal(e.deadline_days, 5);
	}
}

/* Positions are positions in the scenario, not in the item. */
static void test_checklist_positions(void **state)
{
	const struct catalog *cat = *state;
	const struct item *it = &cat->items[0];
	const struct scenario *sc = item_find_scenario(it, "short");
	enum material_state states[2] = {STATE_PROVIDED, STATE_DEFECTIVE};
	struct checklist_eval e;

	checklist_evaluate(it, sc, states, NULL, &e);
	assert_int_equal(e.n_notice, 1);
	assert_int_equal(e.notice[0], 1);
	assert_int_equal(e.open[0], 1);
	assert_int_equal(e.n_refusals, 1);
	assert_int_equal(e.refusals[0].reason, REASON_MAIN_MATERIAL_OPEN);
	assert_int_equal(e.refusals[0].material, 0); /* app in the item */
}

static void test_checklist_request(void **state)
{
	static const struct {
		struct tolerant_request req;
		const char *reasons;
		int deadline;
	} cases[] = {
	    {{0, 0, 0, "张三", "张三"}, "", 5},
	    {{0, 0, 10, "张三", " 张三 "}, "", 10},
	    {{-1, 0, 0, "张三", NULL}, "", 5}, /* credit not known */
	    {{1, 0, 0, "张三", "张三"}, "credit_blocked", 5},
	    {{2, 2, 0, "张三", "张三"}, "", 5},
	    {{3, 2, 0, "张三", "张三"}, "credit_blocked", 5},
	    {{0, 0, 11, "张三", "张三"}, "deadline_too_long", 11},
	    {{0, 0, 0, "张三", "张四"}, "confirmation_mismatch", 5},
	    {{0, 0, 0, "张三", ""}, "confirmation_mismatch", 5},
	    {{0, 0, 0, NULL, "张三"}, "confirmation_mismatch", 5},
	    {{1, 0, 30, "张三", "李四"},
	     "credit_blocked,deadline_too_long,confirmation_mismatch",
	     30},
	};
	const struct catalog *cat = *state;
	const struct item *it = &cat->items[0];
	const struct scenario *sc = item_find_scenario(it, "new");
	enum material_state states[4] = {P, S, M, P};
	struct checklist_eval e;
	char text[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		checklist_evaluate(it, sc, states, &cases[i].req, &e);
		reasons_text(it, &e, text, sizeof(text));
		if (strcmp(text, cases[i].reasons) != 0)
			fail_msg("case %zu: reasons %s, want %s", i, text,
				 cases[i].reasons);
		assert_int_equal(e.tolerant_allowed,
				 cases[i].reasons[0] == '\0');
		assert_int_equal(e.deadline_days, cases[i].deadline);
	}
}

/* An item not on the tolerant-acceptance list: reported with the rest. */
static void test_checklist_item_not_tolerant(void **state)
{
	struct catalog *cat = *state;
	struct item *it = &cat->items[0];
	const struct scenario *sc = item_find_scenario(it, "new");
	enum material_state states[4] = {M, P, M, P};
	struct tolerant_request req = {1, 0, 0, "张三", "张三"};
	struct checklist_eval e;
	char text[256];

	it->tolerant = false;
	checklist_evaluate(it, sc, states, &req, &e);
	it->tolerant = true;
	reasons_text(it, &e, text, sizeof(text));
	assert_string_equal(text, "item_not_tolerant,main_material_open:app,"
				  "credit_blocked");
	assert_false(e.tolerant_allowed);
}

static void test_checklist_names(void **state)
{
	enum material_state s;

	(void)state;
	for (int i = STATE_PENDING; i <= STATE_SHARED; i++) {
		assert_true(material_state_parse(material_state_name(i), &s));
		assert_int_equal(s, i);
	}
	assert_false(material_state_parse("lost", &s));
	assert_false(material_state_parse(NULL, &s));
	assert_string_equal(tolerant_reason_name(REASON_DEADLINE_TOO_LONG),
			    "deadline_too_long");
	assert_string_equal(tolerant_reason_name(REASON_NOTHING_MISSING),
			    "nothing_missing");
}

/* R2 once-rule. */
static void test_notice_once(void **state)
{
	const struct once_line lines[] = {
	    {STATE_MISSING, true, false},    /* 0 listed before: fine */
	    {STATE_MISSING, false, false},   /* 1 new: violation */
	    {STATE_DEFECTIVE, false, true},  /* 2 defect in resubmitted */
	    {STATE_DEFECTIVE, false, false}, /* 3 new defect: violation */
	    {STATE_PROVIDED, false, false},  /* 4 not listed */
	    {STATE_SHARED, false, true},     /* 5 */
	    {STATE_PENDING, false, false},   /* 6 not listed */
	    {STATE_DEFECTIVE, true, true},   /* 7 */
	};
	size_t out[8];
	size_t n = sizeof(lines) / sizeof(lines[0]);

	(void)state;
	assert_int_equal(notice_once_violations(lines, n, false, out), 0);
	assert_int_equal(notice_once_violations(lines, n, true, out), 2);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 3);
	assert_int_equal(notice_once_violations(lines, 0, true, out), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_checklist_table, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_checklist_positions, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_checklist_request, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_checklist_item_not_tolerant,
					    setup, teardown),
	    cmocka_unit_test(test_checklist_names),
	    cmocka_unit_test(test_notice_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
