/* test_offline_chain.c - issue 12's replay through the real client
 * library: a case created offline from an inquiry created offline (local
 * ids mapped to the server's for the later entries), its checklist
 * recorded offline; a change offline to a case that someone else changed
 * meanwhile is refused (412) and stops that case's chain only, kept for the
 * clerk, while the other chains go on; and what needs the server's
 * judgement is queued, never made up: a notice, a tolerant acceptance, the
 * acknowledgement of a handoff (which then goes through), and a credit
 * record is not answered from an old copy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../support/http.h"
#include "../support/server.h"
#include "wincase/localstore.h"
#include "wincase/net.h"
#include "wincase/net_case.h"
#include "wincase/net_offline.h"

#define ITEM "000131104000"

static void key(char out[NET_IDEMPOTENCY_KEY_SIZE])
{
	net_idempotency_key_new(out);
}

static const struct net_offline_item *
find_kind(const struct net_offline_item *items, size_t n,
	  enum net_offline_kind kind, enum net_offline_state state)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].kind == kind && items[i].state == state)
			return &items[i];
	return NULL;
}

static void test_chains(void **state)
{
	struct test_server srv;
	struct net_options opt = {.connect_timeout_ms = 500,
				  .timeout_ms = 3000};
	struct net_client *net;
	struct localstore *store = NULL;
	struct journal_open_report rep;
	struct wc_error err = {0};
	struct net_user u = {0};
	struct item it = {0};
	struct net_case c0 = {0}, c1 = {0};
	struct net_inquiry q1 = {0}, q2 = {0};
	struct net_case_draft cd = {.item_code = ITEM,
				    .scenario_id = "food_sales",
				    .applicant_name = "链甲"};
	struct net_inquiry_draft qd = {
	    .applicant_name = "链甲", .channel = "counter", .topic = "离线链"};
	struct net_notice notice = {0};
	struct net_commitment_draft promise = {.applicant_confirmation =
						   "链甲"};
	struct net_credit credit = {0};
	struct net_inquiry_full handed = {0};
	struct net_offline_item *items = NULL;
	struct http_reply r = {0};
	char k[NET_IDEMPOTENCY_KEY_SIZE], path[128], data[400], listen[64];
	const char *args[4] = {"--listen", listen, "--seed-demo", NULL};
	char *token, *token2;
	long long hid;
	size_t n, sent = 0;
	int v0;

	(void)state;
	assert_int_equal(test_server_start(&srv, true), 0);
	snprintf(listen, sizeof(listen), "127.0.0.1:%s",
		 strrchr(srv.url, ':') + 1);
	opt.base_url = srv.url;
	net = net_client_new(&opt, &err);
	assert_non_null(net);
	assert_int_equal(
	    net_login(net, "clerk1", "demo-password-1", NULL, &u, &err), 0);
	net_user_release(&u);
	snprintf(data, sizeof(data), "%s/clientdata", srv.dir);
	assert_int_equal(localstore_open(data, srv.url, "clerk1",
					 "demo-password-1", LOCALSTORE_CREATE,
					 &store, NULL, &err),
			 0);
	assert_int_equal(
	    net_offline_attach(net, store, "1", "未生效", &rep, &err), 0);
	assert_int_equal(net_item_get(net, ITEM, &it, &err), 0);
	item_release(&it);
	/* a case on the server, read (and so cached) while online */
	cd.applicant_name = "服务器上的";
	key(k);
	assert_int_equal(net_case_create(net, &cd, k, &c0, &err), 0);
	v0 = c0.version;
	/* clerk2 hands an inquiry to window 1; clerk1 reads it, and a
	 * credit record, while online */
	token2 = http_login(srv.url, "clerk2", "demo-password-1");
	assert_int_equal(
	    http_call(srv.url, "POST", "/v1/inquiries", token2,
		      "{\"applicant\":{\"name\":\"转来的\"},"
		      "\"channel\":\"counter\",\"topic\":\"转办\"}",
		      0, &r),
	    0);
	assert_int_equal(r.status, 201);
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/handoffs",
		 tj_num(r.json, "id"));
	http_reply_release(&r);
	assert_int_equal(
	    http_call(srv.url, "POST", path, token2,
		      "{\"to_window\":\"1\",\"reason\":\"属一号窗口\"}", 1, &r),
	    0);
	assert_int_equal(r.status, 200);
	hid = tj_num(json_array_get(json_object_get(r.json, "handoffs"), 0),
		     "id");
	snprintf(path, sizeof(path), "%lld", tj_num(r.json, "id"));
	http_reply_release(&r);
	free(token2);
	assert_int_equal(net_inquiry_get(net, path, &handed, &err), 0);
	assert_int_equal(net_credit_get(net, "resident_id",
					"110101199003074514", &credit, &err),
			 0);

	/* The server goes away. */
	assert_int_equal(test_server_stop_keep(&srv), 0);
	key(k);
	cd.applicant_name = "链甲";
	assert_int_equal(net_inquiry_create(net, &qd, k, &q1, &err), 0);
	assert_int_equal(q1.id[0], 'L'); /* a local id */
	assert_string_equal(q1.no, "未生效");
	cd.inquiry_id = q1.id;
	key(k);
	assert_int_equal(net_case_create(net, &cd, k, &c1, &err), 0);
	assert_int_equal(c1.id[0], 'L');
	assert_int_equal(c1.n_lines, 8); /* from the cached item */
	key(k);
	assert_int_equal(net_case_mark(net, &c1, "application_form",
				       STATE_MISSING, NULL, k, &err),
			 0);
	assert_int_equal(c1.lines[0].state, STATE_MISSING);
	/* a notice needs the server's number and signature: queued */
	key(k);
	assert_int_equal(
	    net_case_notice(net, &c1, NULL, k, &notice, NULL, &err), -1);
	assert_int_equal(net_error_of(&err), NET_ERR_QUEUED);
	/* so does a tolerant acceptance */
	key(k);
	assert_int_equal(
	    net_case_accept_tolerant(net, &c1, &promise, k, NULL, &err), -1);
	assert_int_equal(net_error_of(&err), NET_ERR_QUEUED);
	/* and acknowledging the handoff */
	snprintf(path, sizeof(path), "%lld", hid);
	key(k);
	assert_int_equal(net_inquiry_ack(net, &handed, path, k, &err), -1);
	assert_int_equal(net_error_of(&err), NET_ERR_QUEUED);
	/* the credit record read online is not answered from that copy */
	assert_int_equal(net_credit_get(net, "resident_id",
					"110101199003074514", &credit, &err),
			 -1);
	assert_int_equal(net_error_of(&err), NET_ERR_OFFLINE);
	/* two changes to the server's case, then another inquiry */
	key(k);
	assert_int_equal(net_case_mark(net, &c0, "business_licence",
				       STATE_PROVIDED, NULL, k, &err),
			 0);
	key(k);
	assert_int_equal(net_case_mark(net, &c0, "legal_rep_id", STATE_PROVIDED,
				       NULL, k, &err),
			 0);
	qd.applicant_name = "链乙";
	key(k);
	assert_int_equal(net_inquiry_create(net, &qd, k, &q2, &err), 0);
	assert_int_equal(net_offline_pending(net), 9);

	/* Meanwhile someone else changes the server's case. */
	srv.extra_args = args;
	assert_int_equal(test_server_restart(&srv), 0);
	token = http_login(srv.url, "clerk1", "demo-password-1");
	snprintf(path, sizeof(path), "/v1/cases/%s/checklist", c0.id);
	assert_int_equal(
	    http_call(srv.url, "PUT", path, token,
		      "{\"items\":[{\"material_id\":\"equipment_list\","
		      "\"state\":\"missing\"}]}",
		      v0, &r),
	    0);
	assert_int_equal(r.status, 200);
	http_reply_release(&r);

	/* Replay. */
	assert_int_equal(net_client_probe(net, &err), 0);
	assert_int_equal(net_offline_replay(net, &sent, &err), 0);
	printf("# replayed %zu, stopped %zu\n", sent, net_offline_stopped(net));
	/* inquiry, case, checklist, acknowledgement, inquiry: applied. The
	 * notice is refused (422: the checklist is not complete) and stops
	 * the offline case's chain, its acceptance held; the case changed
	 * meanwhile: its first change refused (412), the second held; the
	 * other inquiry went through all the same. */
	assert_int_equal(sent, 5);
	assert_int_equal(net_offline_stopped(net), 4);
	n = net_offline_items(net, &items);
	{
		const struct net_offline_item *nt =
		    find_kind(items, n, OFFLINE_CASE_NOTICE, OFFLINE_STOPPED);

		assert_non_null(nt);
		assert_int_equal(nt->http, 422);
		assert_false(nt->blocked);
		nt = find_kind(items, n, OFFLINE_CASE_ACCEPT, OFFLINE_STOPPED);
		assert_non_null(nt);
		assert_true(nt->blocked);
	}
	{
		const struct net_offline_item *a = find_kind(
		    items, n, OFFLINE_CASE_CHECKLIST, OFFLINE_STOPPED);

		assert_non_null(a);
		assert_int_equal(a->http, 412);
		assert_string_equal(a->code, "version_conflict");
		assert_false(a->blocked);
		assert_true(a[1].state == OFFLINE_STOPPED && a[1].blocked);
	}
	free(items);
	/* On the server: the offline case belongs to the offline inquiry */
	assert_int_equal(
	    http_get(srv.url, "/v1/cases?scope=mine&limit=200", token, &r), 0);
	{
		const json_t *c;
		size_t i;
		bool found = false;

		json_array_foreach(json_object_get(r.json, "items"), i, c)
		{
			json_t *app = json_object_get(c, "applicant");

			if (strcmp(tj_str(app, "name"), "链甲") != 0)
				continue;
			found = true;
			assert_true(tj_num(c, "inquiry_id") > 0);
			assert_string_equal(tj_str(c, "status"), "checking");
			snprintf(path, sizeof(path), "/v1/cases/%lld",
				 tj_num(c, "id"));
		}
		assert_true(found);
	}
	http_reply_release(&r);
	/* the offline checklist mark reached it */
	assert_int_equal(http_get(srv.url, path, token, &r), 0);
	assert_non_null(strstr(r.body, "\"missing\""));
	http_reply_release(&r);
	assert_int_equal(
	    http_get(srv.url, "/v1/inquiries?scope=mine&limit=200", token, &r),
	    0);
	assert_non_null(strstr(r.body, "链乙"));
	assert_non_null(strstr(r.body, "链甲"));
	http_reply_release(&r);
	/* the handoff acknowledged by the replay, by clerk1 */
	snprintf(path, sizeof(path), "/v1/inquiries/%s", handed.base.id);
	assert_int_equal(http_get(srv.url, path, token, &r), 0);
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(r.json, "handoffs"), 0),
		   "acknowledged_by"),
	    "clerk1");
	http_reply_release(&r);
	/* the refused case was not changed by the replay */
	snprintf(path, sizeof(path), "/v1/cases/%s", c0.id);
	assert_int_equal(http_get(srv.url, path, token, &r), 0);
	assert_int_equal(tj_num(r.json, "version"), v0 + 1);
	http_reply_release(&r);
	/* the clerk settles them: nothing waits */
	n = net_offline_items(net, &items);
	for (size_t i = 0; i < n; i++)
		if (items[i].state == OFFLINE_STOPPED)
			assert_int_equal(
			    net_offline_dismiss(net, items[i].key, &err), 0);
	free(items);
	assert_int_equal(net_offline_pending(net), 0);
	free(token);
	net_case_release(&c0);
	net_case_release(&c1);
	net_inquiry_release(&q1);
	net_inquiry_release(&q2);
	net_inquiry_full_release(&handed);
	net_client_free(&net);
	localstore_close(&store);
	test_server_stop(&srv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_chains),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
