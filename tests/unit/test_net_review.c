/* test_net_review.c - the reviewer's model (net/api_review.c,
 * net/api_search.c): review items and statistics rows parsed and
 * sanitised, the queue's kinds, and the client side of the search filter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/net_review.h"

static int setup_locale(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	return 0;
}

static json_t *parse(const char *text)
{
	json_error_t e;
	json_t *j = json_loads(text, 0, &e);

	assert_non_null(j);
	return j;
}

static void test_review_item_sanitised(void **state)
{
	json_t *j = parse("{\"id\":7,\"kind\":\"breach\",\"case_id\":3,"
			  "\"inquiry_id\":null,\"created_at\":\"2026-11-02T09:"
			  "00:00+08:00\",\"status\":\"pending\",\"summary\":"
			  "\"x\\u001b]52;c;cA==\\u0007\\u202ey\"}");
	struct net_review_item r;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(net_review_item_from_json(j, &r, &err), 0);
	assert_string_equal(r.id, "7");
	assert_string_equal(r.case_id, "3");
	assert_null(r.inquiry_id);
	assert_null(r.due_date);
	assert_null(strchr(r.summary, 0x1b));
	assert_non_null(strstr(r.summary, "^[]52;c;cA==^G<U+202E>y"));
	net_review_item_release(&r);
	json_decref(j);
}

static void test_review_item_refused(void **state)
{
	static const char *const bad[] = {"[]", "{\"kind\":\"breach\"}",
					  "{\"id\":1}"};
	struct net_review_item r;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		json_t *j = parse(bad[i]);
		struct wc_error err = {0};

		assert_int_equal(net_review_item_from_json(j, &r, &err), -1);
		assert_string_equal(err.code, "bad_response");
		json_decref(j);
	}
}

static void test_kinds(void **state)
{
	(void)state;
	assert_int_equal(net_review_kind_index("tolerant_acceptance"), 0);
	assert_int_equal(net_review_kind_index("rectification"), 5);
	assert_int_equal(net_review_kind_index("nonsense"), -1);
	assert_int_equal(net_review_kind_index(NULL), -1);
}

static void test_stats_row(void **state)
{
	static const struct {
		const char *json;
		bool has;
		double satisfaction;
	} cases[] = {
	    /* the server's rate */
	    {"{\"key\":\"1\",\"cases\":4,\"ratings\":{\"1\":1,\"5\":3},"
	     "\"satisfaction\":0.75}",
	     true, 0.75},
	    /* none from the server: 4 and 5 of all ratings (R5) */
	    {"{\"key\":\"2\",\"cases\":2,\"ratings\":{\"3\":1,\"4\":1}}", true,
	     0.5},
	    /* no ratings: no rate */
	    {"{\"key\":\"3\",\"satisfaction\":null}", false, 0.0},
	    /* a percent is read as a share */
	    {"{\"key\":\"4\",\"satisfaction\":80}", true, 0.8},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		json_t *j = parse(cases[i].json);
		struct net_stats_row r;
		struct wc_error err = {0};

		assert_int_equal(net_stats_row_from_json(j, &r, &err), 0);
		assert_int_equal(r.has_satisfaction, cases[i].has);
		if (cases[i].has)
			assert_true(
			    r.satisfaction > cases[i].satisfaction - 0.001 &&
			    r.satisfaction < cases[i].satisfaction + 0.001);
		free(r.key);
		json_decref(j);
	}
}

static void test_stats_columns(void **state)
{
	json_t *j = parse("{\"key\":\"k\",\"inquiries\":1,\"bounced\":2,"
			  "\"cases\":3,\"notices\":4,\"once_violations\":5,"
			  "\"accepted\":6,\"tolerant\":7,\"fulfilled\":8,"
			  "\"breached\":9,\"overdue\":10,\"deemed\":11,"
			  "\"completed\":12,\"ratings\":{\"2\":13}}");
	struct net_stats_row r;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(net_stats_row_from_json(j, &r, &err), 0);
	for (int c = 0; c < STAT_COLUMNS; c++)
		assert_int_equal(r.value[c], c + 1);
	assert_int_equal(r.ratings[1], 13);
	free(r.key);
	json_decref(j);
}

static void test_search_matches(void **state)
{
	struct net_found f = {
	    .is_case = true,
	    .id = "5",
	    .no = "SL-20261102-0001",
	    .status = "accepted",
	    .item_code = "000131104000",
	    .applicant = "张三",
	    .window = "1",
	    .clerk = "clerk1",
	    .created_at = "2026-11-02T09:00:00+08:00",
	};
	static const struct {
		struct net_search s;
		bool want;
	} cases[] = {
	    {{0}, true},
	    {{.q = "张"}, true},
	    {{.q = "SL-20261102"}, true},
	    {{.q = "李"}, false},
	    {{.item_code = "000131104000"}, true},
	    {{.item_code = "00013110400"}, false}, /* exact code */
	    {{.window = "1"}, true},
	    {{.window = "12"}, false},
	    {{.clerk = "clerk"}, true},
	    {{.status = "accepted"}, true},
	    {{.status = "completed"}, false},
	    {{.from = "2026-11-02", .to = "2026-11-02"}, true},
	    {{.from = "2026-11-03"}, false},
	    {{.to = "2026-11-01"}, false},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		assert_int_equal(net_search_matches(&cases[i].s, &f),
				 cases[i].want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_review_item_sanitised),
	    cmocka_unit_test(test_review_item_refused),
	    cmocka_unit_test(test_kinds),
	    cmocka_unit_test(test_stats_row),
	    cmocka_unit_test(test_stats_columns),
	    cmocka_unit_test(test_search_matches),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
