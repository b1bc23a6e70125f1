/* test_net_typed.c - the typed calls of net_case.h and what net/ decodes
 * once for the screens: error codes as enum net_error, 422 details as
 * core's tolerant_reason, statuses and results as lifecycle.h's enums,
 * an audit entry's data as struct net_audit_data; then a case and an
 * inquiry taken through every typed write against a real wincased. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "wincase/net.h"
#include "wincase/net_case.h"

#include "../support/server.h"

#define PASSWORD "demo-password-1"
#define FOOD	 "000131104000" /* tolerant; commitment 3..5 days */

static struct test_server srv;

static json_t *parse(const char *text)
{
	json_t *j = json_loads(text, 0, NULL);

	assert_non_null(j);
	return j;
}

static void test_error_codes(void **state)
{
	struct wc_error err = {0};

	(void)state;
	for (int i = 1; i < NET_ERROR_COUNT; i++) {
		wc_error_set(&err, net_error_word(i), NULL, "x");
		assert_int_equal(net_error_of(&err), i);
	}
	wc_error_set(&err, "something_new", NULL, "x");
	assert_int_equal(net_error_of(&err), NET_ERR_OTHER);
	assert_false(net_error_unsent(&err));
	assert_int_equal(net_error_of(NULL), NET_ERR_OTHER);
	wc_error_set(&err, "offline", NULL, "x");
	assert_true(net_error_unsent(&err));
	assert_string_equal(net_error_word(NET_ERR_VERSION_CONFLICT),
			    "version_conflict");
}

static void test_refusals_tolerant(void **state)
{
	json_t *d = parse("[\"item_not_tolerant\","
			  "{\"reason\":\"main_material_open\",\"material_id\":"
			  "\"m1\",\"name\":\"x\"},"
			  "{\"code\":\"deadline_too_long\",\"max_days\":5},"
			  "{\"reason\":\"applicant_unidentified\"},"
			  "{\"reason\":\"a_reason_of_tomorrow\"}, 7]");
	struct net_refusals r;

	(void)state;
	assert_int_equal(net_refusals_from_json(NET_ERR_NOT_TOLERABLE, d, &r),
			 0);
	assert_int_equal(r.n, 5);
	assert_true(r.items[0].known);
	assert_int_equal(r.items[0].reason, REASON_ITEM_NOT_TOLERANT);
	assert_null(r.items[0].material_id);
	assert_int_equal(r.items[1].reason, REASON_MAIN_MATERIAL_OPEN);
	assert_string_equal(r.items[1].material_id, "m1");
	assert_int_equal(r.items[2].reason, REASON_DEADLINE_TOO_LONG);
	assert_int_equal(r.items[3].reason, REASON_APPLICANT_UNIDENTIFIED);
	assert_true(r.items[3].known);
	assert_false(r.items[4].known);
	net_refusals_release(&r);
	json_decref(d);
}

static void test_refusals_other_codes(void **state)
{
	json_t *d = parse("[\"m1\",{\"material_id\":\"m2\",\"state\":"
			  "\"pending\"}]");
	struct net_refusals r;

	(void)state;
	/* normal acceptance: every open line is an open main material */
	assert_int_equal(
	    net_refusals_from_json(NET_ERR_CHECKLIST_INCOMPLETE, d, &r), 0);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.items[0].reason, REASON_MAIN_MATERIAL_OPEN);
	assert_string_equal(r.items[0].material_id, "m1");
	assert_string_equal(r.items[1].material_id, "m2");
	net_refusals_release(&r);
	/* the once-rule: the materials it names */
	assert_int_equal(
	    net_refusals_from_json(NET_ERR_NOTICE_ONCE_VIOLATION, d, &r), 0);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.items[1].material_id, "m2");
	net_refusals_release(&r);
	/* any other refusal has none, and no details has none */
	assert_int_equal(net_refusals_from_json(NET_ERR_INVALID_STATE, d, &r),
			 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(
	    net_refusals_from_json(NET_ERR_NOT_TOLERABLE, NULL, &r), 0);
	assert_int_equal(r.n, 0);
	json_decref(d);
}

static void test_case_enums(void **state)
{
	json_t *j = parse(
	    "{\"id\":1,\"status\":\"completed\",\"result\":\"denied\","
	    "\"checklist\":[{\"material_id\":\"a\",\"role\":\"main\","
	    "\"state\":\"defective\"},{\"material_id\":\"b\",\"role\":"
	    "\"secondary\",\"state\":\"what\"}],\"commitment\":{\"status\":"
	    "\"breached\"}}");
	json_t *odd = parse("{\"id\":2,\"status\":\"teleported\"}");
	struct net_case c;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(net_case_from_json(j, &c, &err), 0);
	assert_int_equal(c.status, CASE_COMPLETED);
	assert_int_equal(c.result, RESULT_DENIED);
	assert_true(c.lines[0].main_material);
	assert_int_equal(c.lines[0].state, STATE_DEFECTIVE);
	assert_false(c.lines[1].main_material);
	assert_int_equal(c.lines[1].state, STATE_PENDING);
	assert_int_equal(c.commitment.status, COMMITMENT_BREACHED);
	net_case_release(&c);
	/* a word core does not know: the _COUNT value, no result */
	assert_int_equal(net_case_from_json(odd, &c, &err), 0);
	assert_int_equal(c.status, CASE_STATUS_COUNT);
	assert_int_equal(c.result, CASE_RESULT_COUNT);
	net_case_release(&c);
	json_decref(j);
	json_decref(odd);
}

static void test_audit_data(void **state)
{
	json_t *j = parse(
	    "{\"seq\":3,\"at\":\"2026-11-02T09:30:00+08:00\",\"actor\":"
	    "\"clerk1\",\"action\":\"case.accept\",\"data\":{\"mode\":"
	    "\"tolerant\",\"commitment\":{\"deadline_days\":4},\"items\":["
	    "{\"material_id\":\"a\",\"state\":\"missing\",\"note\":"
	    "\"\\u001b[2J无\"}],\"reasons\":[\"慢\",3,\"x\\u0007\"],"
	    "\"level\":2,\"result\":\"approved\"}}");
	struct net_audit_entry e;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(net_audit_entry_from_json(j, &e, &err), 0);
	assert_true(e.d.tolerant);
	assert_true(e.d.has_deadline_days);
	assert_int_equal(e.d.deadline_days, 4);
	assert_null(e.d.commitment_no); /* an object here, not a number */
	assert_int_equal(e.d.n_marks, 1);
	assert_int_equal(e.d.marks[0].state, STATE_MISSING);
	assert_null(strchr(e.d.marks[0].note, '\x1b'));
	assert_int_equal(e.d.n_reasons, 2);
	assert_string_equal(e.d.reasons[0], "慢");
	assert_null(strchr(e.d.reasons[1], '\x07'));
	assert_int_equal(e.d.level, 2);
	assert_int_equal(e.d.result, RESULT_APPROVED);
	assert_non_null(e.data);
	net_audit_entry_release(&e);
	json_decref(j);
}

/* ---- Against a real wincased */

static struct net_client *login(const char *user)
{
	struct net_options opt = {.base_url = srv.url};
	struct wc_error err = {0};
	struct net_user u = {0};
	struct net_client *c = net_client_new(&opt, &err);

	assert_non_null(c);
	assert_int_equal(net_login(c, user, PASSWORD, NULL, &u, &err), 0);
	net_user_release(&u);
	return c;
}

static const char *key(void)
{
	static char k[NET_IDEMPOTENCY_KEY_SIZE];

	net_idempotency_key_new(k);
	return k;
}

/* A food case whose lines are all provided but the first tolerable
 * secondary material (its id into missing). */
static void case_one_missing(struct net_client *c, struct net_case *kase,
			     char *missing, size_t size)
{
	struct net_case_draft d = {
	    .item_code = FOOD,
	    .scenario_id = "canteen",
	    .applicant_name = "张三",
	    .id_type = "resident_id",
	    .id_no = "11010519491231002X",
	};
	struct wc_error err = {0};

	assert_int_equal(net_case_create(c, &d, key(), kase, &err), 0);
	assert_int_equal(kase->status, CASE_CHECKING);
	missing[0] = '\0';
	for (size_t i = 0; i < kase->n_lines; i++) {
		const struct net_case_line *l = &kase->lines[i];
		bool miss = !missing[0] && l->tolerable && !l->main_material;
		char id[64];

		snprintf(id, sizeof(id), "%s", l->material_id);
		if (miss)
			snprintf(missing, size, "%s", id);
		assert_int_equal(
		    net_case_mark(c, kase, id,
				  miss ? STATE_MISSING : STATE_PROVIDED,
				  miss ? "没带" : NULL, key(), &err),
		    0);
	}
	assert_true(missing[0]);
}

static void test_case_writes(void **state)
{
	struct net_client *c = login("clerk1");
	struct net_case kase = {0};
	struct net_refusals why = {0};
	struct net_commitment_draft bad = {99, "李四"}, good = {4, "张三"};
	struct wc_error err = {0};
	char missing[64], entity[64];
	struct net_audit_list audit = {0};
	bool accept_seen = false;

	(void)state;
	case_one_missing(c, &kase, missing, sizeof(missing));
	/* normal acceptance: the open material, as an open main material */
	assert_int_equal(net_case_accept_normal(c, &kase, key(), &why, &err),
			 -1);
	assert_int_equal(net_error_of(&err), NET_ERR_CHECKLIST_INCOMPLETE);
	assert_int_equal(why.n, 1);
	assert_int_equal(why.items[0].reason, REASON_MAIN_MATERIAL_OPEN);
	assert_string_equal(why.items[0].material_id, missing);
	net_refusals_release(&why);
	/* tolerant with a wrong name and too long a deadline: both said */
	assert_int_equal(
	    net_case_accept_tolerant(c, &kase, &bad, key(), &why, &err), -1);
	assert_int_equal(net_error_of(&err), NET_ERR_NOT_TOLERABLE);
	{
		bool name = false, days = false;

		for (size_t i = 0; i < why.n; i++) {
			name |=
			    why.items[i].known &&
			    why.items[i].reason == REASON_CONFIRMATION_MISMATCH;
			days |= why.items[i].reason == REASON_DEADLINE_TOO_LONG;
		}
		assert_true(name && days);
	}
	net_refusals_release(&why);
	assert_int_equal(kase.status, CASE_CHECKING); /* c kept on refusal */
	assert_int_equal(
	    net_case_accept_tolerant(c, &kase, &good, key(), &why, &err), 0);
	assert_int_equal(why.n, 0);
	assert_int_equal(kase.status, CASE_ACCEPTED_TOLERANT);
	assert_true(kase.has_commitment);
	assert_int_equal(kase.commitment.status, COMMITMENT_OPEN);
	{
		struct net_document_check doc = {0};

		assert_int_equal(
		    net_document_verify(c, kase.commitment.verify_code, &doc,
					&err),
		    0);
		assert_true(doc.valid && doc.commitment);
		assert_string_equal(doc.no, kase.commitment.no);
		net_document_check_release(&doc);
		assert_int_equal(
		    net_document_verify(c, "0000-0000-00", &doc, &err), 0);
		assert_false(doc.valid);
		assert_null(doc.no);
	}
	assert_int_equal(net_case_supplement(c, &kase, missing, key(), &err),
			 0);
	assert_int_equal(kase.commitment.status, COMMITMENT_FULFILLED);
	assert_int_equal(
	    net_case_complete(c, &kase, RESULT_APPROVED, "准予", key(), &err),
	    0);
	assert_int_equal(kase.status, CASE_COMPLETED);
	assert_int_equal(kase.result, RESULT_APPROVED);
	{
		const char *reasons[] = {"等候时间长"};

		assert_int_equal(
		    net_case_rate(c, &kase, 2, reasons, 1, NULL, key(), &err),
		    0);
		assert_int_equal(kase.rating, 2);
		assert_int_equal(
		    net_case_rate(c, &kase, 5, NULL, 0, "好", key(), &err), -1);
		assert_int_equal(net_error_of(&err), NET_ERR_ALREADY_RATED);
	}
	snprintf(entity, sizeof(entity), "case:%s", kase.id);
	assert_int_equal(net_audit_list(c, entity, &audit, &err), 0);
	for (size_t i = 0; i < audit.n; i++)
		if (strcmp(audit.items[i].action, "case.accept") == 0)
			accept_seen = audit.items[i].d.tolerant &&
				      audit.items[i].d.deadline_days == 4;
	assert_true(accept_seen);
	net_audit_list_release(&audit);
	net_case_release(&kase);
	net_client_free(&c);
}

static void test_withdraw(void **state)
{
	struct net_client *c = login("clerk1");
	struct net_case kase = {0};
	struct wc_error err = {0};
	char missing[64];

	(void)state;
	case_one_missing(c, &kase, missing, sizeof(missing));
	assert_int_equal(net_case_withdraw(c, &kase, "申请人撤回", key(), &err),
			 0);
	assert_int_equal(kase.status, CASE_WITHDRAWN);
	assert_false(case_allows(kase.status, CASE_DO_ACCEPT, NULL));
	net_case_release(&kase);
	net_client_free(&c);
}

static void test_inquiry_writes(void **state)
{
	struct net_client *c1 = login("clerk1"), *c2 = login("clerk2");
	struct net_inquiry_draft d = {
	    .applicant_name = "王五",
	    .channel = "counter",
	    .topic = "咨询转办",
	};
	struct net_inquiry created = {0};
	struct net_inquiry_full q1 = {0}, q2 = {0};
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(net_inquiry_create(c1, &d, key(), &created, &err), 0);
	assert_int_equal(created.status, INQUIRY_OPEN);
	assert_int_equal(net_inquiry_get(c1, created.id, &q1, &err), 0);
	assert_int_equal(
	    net_inquiry_handoff(c1, &q1, false, "2", "归窗口2", key(), &err),
	    0);
	assert_int_equal(q1.base.status, INQUIRY_HANDED_OFF);
	assert_int_equal(q1.n_handoffs, 1);
	assert_int_equal(net_inquiry_get(c2, created.id, &q2, &err), 0);
	assert_int_equal(
	    net_inquiry_ack(c2, &q2, q2.handoffs[0].id, key(), &err), 0);
	assert_int_equal(q2.base.status, INQUIRY_REFERRED);
	assert_non_null(q2.handoffs[0].acknowledged_at);
	/* clerk1's copy is old now: the version refuses, then it closes */
	assert_int_equal(net_inquiry_close(c1, &q1, RESOLUTION_REFERRED, "已转",
					   NULL, key(), &err),
			 -1);
	assert_int_equal(net_error_of(&err), NET_ERR_VERSION_CONFLICT);
	net_inquiry_full_release(&q1);
	assert_int_equal(net_inquiry_get(c1, created.id, &q1, &err), 0);
	assert_int_equal(net_inquiry_close(c1, &q1, RESOLUTION_REFERRED, "已转",
					   NULL, key(), &err),
			 0);
	assert_int_equal(q1.base.status, INQUIRY_CLOSED);
	assert_int_equal(q1.resolution, RESOLUTION_REFERRED);
	assert_int_equal(net_inquiry_ack(c1, &q1, "../x", key(), &err), -1);
	net_inquiry_full_release(&q1);
	net_inquiry_full_release(&q2);
	net_inquiry_release(&created);
	net_client_free(&c1);
	net_client_free(&c2);
}

static int server_up(void **state)
{
	(void)state;
	return test_server_start(&srv, true);
}

static int server_down(void **state)
{
	(void)state;
	return test_server_stop(&srv) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest pure[] = {
	    cmocka_unit_test(test_error_codes),
	    cmocka_unit_test(test_refusals_tolerant),
	    cmocka_unit_test(test_refusals_other_codes),
	    cmocka_unit_test(test_case_enums),
	    cmocka_unit_test(test_audit_data),
	};
	const struct CMUnitTest live[] = {
	    cmocka_unit_test(test_case_writes),
	    cmocka_unit_test(test_withdraw),
	    cmocka_unit_test(test_inquiry_writes),
	};
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	failed = cmocka_run_group_tests_name("net typed", pure, NULL, NULL);
	failed += cmocka_run_group_tests_name("net typed, live", live,
					      server_up, server_down);
	return failed;
}
