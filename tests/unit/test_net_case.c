/* test_net_case.c - cases, notices and commitments parsed from API.md
 * JSON by net/model_case.c: every member taken, hostile text made harmless
 * (escape sequences, bidirectional overrides) while document texts keep
 * their lines, missing members NULL, a case without an id refused; a full
 * item's texts sanitised (core's parser already refuses control
 * characters in it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "wincase/net.h"

static const char *case_json =
    "{\"id\":7,\"no\":\"SL-20261102-0001\",\"version\":4,"
    "\"status\":\"accepted_tolerant\",\"item_code\":\"000131104000\","
    "\"scenario_id\":\"food_sales\",\"inquiry_id\":3,"
    "\"applicant\":{\"name\":\"张\\u202e三\",\"id_type\":\"resident_id\","
    "\"id_no\":\"11010519491231002X\"},"
    "\"major_project\":false,\"deemed\":false,\"due_date\":\"2026-11-09\","
    "\"working_days_left\":5,"
    "\"checklist\":[{\"material_id\":\"application_form\",\"name\":\"申请书\","
    "\"role\":\"main\",\"tolerable\":false,\"state\":\"provided\"},"
    "{\"material_id\":\"equipment_list\",\"name\":\"设备\\u001b[31m清单\","
    "\"role\":\"secondary\",\"tolerable\":true,\"state\":\"defective\","
    "\"note\":\"未盖章\"}],"
    "\"notices\":[{\"id\":1,\"no\":\"GZ-20261102-0001\",\"text\":\"第一行\\n"
    "\\u001b]0;x\\u0007第二行\",\"verify_code\":\"ZBTH-8NYM-5K\","
    "\"once_violation\":true,\"items\":[{\"material_id\":\"equipment_list\","
    "\"name\":\"设备清单\"}]}],"
    "\"commitment\":{\"id\":2,\"no\":\"CN-20261102-0001\",\"status\":\"open\","
    "\"due_date\":\"2026-11-05\",\"text\":\"承诺书\\n正文\","
    "\"verify_code\":\"AB12-CD34-EF\"},\"rating\":{\"level\":2}}";

static void test_case_parse(void **state)
{
	json_t *obj = json_loads(case_json, 0, NULL);
	struct net_case c;
	struct wc_error err = {0};

	(void)state;
	assert_non_null(obj);
	assert_int_equal(net_case_from_json(obj, &c, &err), 0);
	assert_string_equal(c.id, "7");
	assert_string_equal(c.no, "SL-20261102-0001");
	assert_int_equal(c.version, 4);
	assert_string_equal(c.inquiry_id, "3");
	assert_null(strstr(c.applicant.name, "\xe2\x80\xae"));
	assert_string_equal(c.applicant.id_no, "11010519491231002X");
	assert_null(c.applicant.phone);
	assert_true(c.has_days_left);
	assert_int_equal(c.working_days_left, 5);
	assert_int_equal(c.n_lines, 2);
	assert_null(strchr(c.lines[1].name, '\x1b'));
	assert_true(c.lines[1].tolerable);
	assert_string_equal(c.lines[1].note, "未盖章");
	assert_null(c.lines[0].note);
	assert_int_equal(c.n_notices, 1);
	assert_true(c.notices[0].once_violation);
	assert_non_null(strchr(c.notices[0].text, '\n'));
	assert_null(strchr(c.notices[0].text, '\x1b'));
	assert_null(strchr(c.notices[0].text, '\x07'));
	assert_int_equal(c.notices[0].n_items, 1);
	assert_string_equal(c.notices[0].item_names[0], "设备清单");
	assert_true(c.has_commitment);
	assert_int_equal(c.commitment.status, COMMITMENT_OPEN);
	assert_string_equal(c.commitment.text, "承诺书\n正文");
	assert_int_equal(c.rating, 2);
	net_case_release(&c);
	json_decref(obj);
}

static void test_case_refused(void **state)
{
	json_t *no_id = json_pack("{s:s}", "no", "SL-1");
	json_t *not_obj = json_integer(3);
	struct net_case c;
	struct net_notice n;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(net_case_from_json(no_id, &c, &err), -1);
	assert_string_equal(err.code, "bad_response");
	assert_int_equal(net_case_from_json(not_obj, &c, &err), -1);
	assert_int_equal(net_notice_from_json(not_obj, &n, &err), -1);
	json_decref(no_id);
	json_decref(not_obj);
}

static void test_case_minimal(void **state)
{
	json_t *obj = json_pack("{s:s,s:i}", "id", "9", "version", 1);
	struct net_case c;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(net_case_from_json(obj, &c, &err), 0);
	assert_int_equal(c.n_lines, 0);
	assert_int_equal(c.n_notices, 0);
	assert_false(c.has_commitment);
	assert_false(c.has_days_left);
	assert_null(c.applicant.name);
	net_case_release(&c);
	json_decref(obj);
}

static void test_item_sanitize(void **state)
{
	json_t *obj = json_loads(
	    "{\"code\":\"000131104000\",\"name\":\"食品\\u2066经营\","
	    "\"department\":\"市场监管局\",\"legal_days\":20,\"promised_days\":"
	    "5,"
	    "\"tolerant\":true,\"major_project\":false,\"commitment_days\":3,"
	    "\"commitment_max_days\":5,\"scenarios\":[{\"id\":\"s\",\"name\":"
	    "\"情形\",\"materials\":[\"m\"]}],\"materials\":[{\"id\":\"m\","
	    "\"name\":\"材料\\u202e\",\"role\":\"secondary\",\"form\":\"copy\","
	    "\"copies\":1,\"tolerable\":true,\"how_to_obtain\":\"一\\n二\"}]}",
	    0, NULL);
	struct item it;
	struct wc_error err = {0};

	(void)state;
	assert_non_null(obj);
	if (item_from_json(obj, &it, &err))
		fail_msg("%s: %s", err.field, err.message);
	assert_int_equal(net_item_sanitize(&it, &err), 0);
	assert_null(strstr(it.name, "\xe2\x81\xa6")); /* LRI */
	assert_null(strstr(it.materials[0].name, "\xe2\x80\xae"));
	assert_string_equal(it.materials[0].how_to_obtain, "一\n二");
	item_release(&it);
	json_decref(obj);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_case_parse),
	    cmocka_unit_test(test_case_refused),
	    cmocka_unit_test(test_case_minimal),
	    cmocka_unit_test(test_item_sanitize),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
