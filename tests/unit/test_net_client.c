/* test_net_client.c - the REST client of net.h: API objects parsed and
 * sanitised where they enter, transport failure as "offline", and the
 * calls the client makes against a real wincased (login, items, inquiries
 * with an Idempotency-Key, the server's error code and field). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "wincase/net.h"
#include "wincase/net_case.h"

#include "../../net/private.h"
#include "../support/server.h"

#define PASSWORD "demo-password-1"

static struct test_server srv;

static void test_inquiry_parse_sanitises(void **state)
{
	json_t *obj =
	    json_pack("{s:s, s:s, s:s, s:s, s:i, s:i, s:{s:s}}", "id", "q1",
		      "no", "SW-20261102-0001", "status", "open", "topic",
		      "\x1b[2J\x1b]0;pwned\x07办理", "window", 1, "version", 3,
		      "applicant", "name", "张\xe2\x80\xae三");
	struct net_inquiry q;
	struct wc_error err = {0};

	(void)state;
	assert_non_null(obj);
	assert_int_equal(net_inquiry_from_json(obj, &q, &err), 0);
	assert_string_equal(q.no, "SW-20261102-0001");
	assert_null(strchr(q.topic, '\x1b'));
	assert_null(strchr(q.topic, '\x07'));
	assert_non_null(strstr(q.topic, "办理"));
	assert_null(strstr(q.applicant_name, "\xe2\x80\xae")); /* RLO */
	assert_string_equal(q.window, "1");
	assert_int_equal(q.version, 3);
	assert_null(q.item_code);
	net_inquiry_release(&q);
	json_decref(obj);
}

static void test_parse_refuses(void **state)
{
	json_t *no_id = json_pack("{s:s}", "topic", "x");
	json_t *not_obj = json_string("x");
	json_t *item =
	    json_pack("{s:s, s:s, s:s, s:i, s:b}", "code", "000131104000",
		      "name", "食品经营许可", "department", "市场监管局",
		      "promised_days", 10, "tolerant", 1);
	struct net_inquiry q;
	struct net_user u;
	struct item it;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(net_inquiry_from_json(no_id, &q, &err), -1);
	assert_string_equal(err.code, "bad_response");
	assert_int_equal(net_user_from_json(not_obj, &u, &err), -1);
	assert_int_equal(net_item_from_json(item, &it, &err), 0);
	assert_string_equal(it.code, "000131104000");
	assert_int_equal(it.promised_days, 10);
	assert_true(it.tolerant);
	assert_true(item_matches(&it, "食品"));
	assert_false(item_matches(&it, "药品"));
	net_item_release(&it);
	json_decref(no_id);
	json_decref(not_obj);
	json_decref(item);
}

static void test_offline(void **state)
{
	struct net_options opt = {.base_url = "http://127.0.0.1:1",
				  .connect_timeout_ms = 2000,
				  .timeout_ms = 2000};
	struct net_client *c;
	struct wc_error err = {0};

	(void)state;
	c = net_client_new(&opt, &err);
	assert_non_null(c);
	/* issue 12: never "online" before the server has answered */
	assert_false(net_client_online(c));
	assert_int_equal(net_client_link(c), NET_LINK_UNKNOWN);
	/* issue 16: an unknown link is probed at once, a failed one after
	 * the first backoff */
	assert_int_equal(net_client_probe_due_ms(c), 0);
	assert_int_equal(net_health(c, &err), -1);
	assert_string_equal(err.code, "offline");
	assert_false(net_client_online(c));
	assert_in_range(net_client_probe_due_ms(c), 0, NET_PROBE_FIRST_MS);
	net_client_free(&c);
	assert_null(c);
	opt.base_url = "file:///etc/passwd";
	assert_null(net_client_new(&opt, &err));
	assert_string_equal(err.code, "bad_url");
}

/* Plain http:// only to loopback unless allowed. */
/* Paths are escaped without libcurl (opened with the first request), the
 * same bytes as curl_easy_escape. */
static void test_url_escape_as_curl(void **state)
{
	static const char *const samples[] = {
	    "", "abc-._~XYZ019", "张 三/?&=#%+", "\x01\x7f\xff", "a b"};

	(void)state;
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		char *ours = net_url_escape(samples[i]);
		char *theirs = curl_easy_escape(NULL, samples[i], 0);

		assert_non_null(ours);
		assert_non_null(theirs);
		assert_string_equal(ours, theirs);
		free(ours);
		curl_free(theirs);
	}
}

static void test_plain_http_refused(void **state)
{
	static const char *const remote[] = {
	    "http://10.1.2.3:8730",	"http://wincase.example:8730",
	    "HTTP://192.168.0.5",	"http://127.0.0.1.example.com",
	    "http://localhost.example", "http://127.0.0.1@10.0.0.1/",
	    "http://[2001:db8::1]:80",	"http://[::1",
	};
	static const char *const loopback[] = {
	    "http://127.0.0.1:8730", "http://127.1.2.3",  "http://localhost",
	    "http://LOCALHOST:1/",   "http://[::1]:8730", "https://10.1.2.3",
	};
	struct net_options opt = {0};
	struct net_client *c;
	struct wc_error err = {0};

	(void)state;
	for (size_t i = 0; i < sizeof(remote) / sizeof(remote[0]); i++) {
		opt.base_url = remote[i];
		opt.allow_plain_http = false;
		assert_true(net_url_plain_remote(remote[i]));
		c = net_client_new(&opt, &err);
		if (c)
			fail_msg("%s accepted", remote[i]);
		assert_string_equal(err.code, "plain_http");
		opt.allow_plain_http = true;
		if (strchr(remote[i], '[') && !strchr(remote[i], ']'))
			continue;
		c = net_client_new(&opt, &err);
		assert_non_null(c);
		net_client_free(&c);
	}
	opt.allow_plain_http = false;
	for (size_t i = 0; i < sizeof(loopback) / sizeof(loopback[0]); i++) {
		opt.base_url = loopback[i];
		assert_false(net_url_plain_remote(loopback[i]));
		c = net_client_new(&opt, &err);
		if (!c)
			fail_msg("%s refused: %s", loopback[i], err.message);
		net_client_free(&c);
	}
}

static void test_idempotency_key(void **state)
{
	char a[NET_IDEMPOTENCY_KEY_SIZE], b[NET_IDEMPOTENCY_KEY_SIZE];

	(void)state;
	net_idempotency_key_new(a);
	net_idempotency_key_new(b);
	assert_int_equal(strlen(a), 32);
	assert_int_equal(strspn(a, "0123456789abcdef"), 32);
	assert_string_not_equal(a, b);
}

static struct net_client *connect_server(void)
{
	struct net_options opt = {.base_url = srv.url};
	struct wc_error err = {0};

	return net_client_new(&opt, &err);
}

static void test_login(void **state)
{
	struct net_client *c = connect_server();
	struct net_user u = {0};
	struct wc_error err = {0};

	(void)state;
	assert_non_null(c);
	assert_int_equal(net_health(c, &err), 0);
	assert_int_equal(
	    net_login(c, "clerk1", "wrong-password-x", NULL, &u, &err), -1);
	assert_string_equal(err.code, "bad_credentials");
	assert_true(net_client_online(c));
	assert_int_equal(net_login(c, "clerk1", PASSWORD, "", &u, &err), 0);
	assert_string_equal(u.username, "clerk1");
	assert_int_equal(u.role, NET_ROLE_CLERK);
	assert_string_equal(u.window, "1");
	assert_int_equal(net_logout(c, &err), 0);
	{
		struct net_inquiry_list list;

		assert_int_equal(net_inquiries_mine(c, &list, &err), -1);
		assert_string_equal(err.code, "unauthenticated");
	}
	net_user_release(&u);
	net_client_free(&c);
}

static void test_items(void **state)
{
	struct net_client *c = connect_server();
	struct net_item_list items = {0};
	struct net_user u = {0};
	struct wc_error err = {0};
	size_t food = 0;

	(void)state;
	assert_int_equal(net_login(c, "clerk1", PASSWORD, NULL, &u, &err), 0);
	assert_int_equal(net_items_list(c, &items, &err), 0);
	assert_true(items.n >= 8);
	for (size_t i = 0; i < items.n; i++)
		if (item_matches(&items.items[i], "食品"))
			food++;
	assert_int_equal(food, 1);
	net_item_list_release(&items);
	net_user_release(&u);
	net_client_free(&c);
}

static void test_inquiry_create(void **state)
{
	struct net_client *c = connect_server();
	struct net_inquiry_draft d = {
	    .applicant_name = "张三",
	    .id_type = "resident_id",
	    .id_no = "11010519491231002X",
	    .channel = "counter",
	    .topic = "咨询食品经营许可",
	    .item_code = "000131104000",
	};
	struct net_inquiry first = {0}, again = {0};
	struct net_inquiry_list list = {0};
	struct net_user u = {0};
	struct wc_error err = {0};
	char key[NET_IDEMPOTENCY_KEY_SIZE];
	size_t seen = 0;

	(void)state;
	assert_int_equal(net_login(c, "clerk2", PASSWORD, NULL, &u, &err), 0);
	net_idempotency_key_new(key);
	assert_int_equal(net_inquiry_create(c, &d, key, &first, &err), 0);
	assert_non_null(first.no);
	assert_string_equal(first.applicant_name, "张三");
	assert_string_equal(first.item_code, "000131104000");
	/* the same key again: the first answer, nothing new */
	assert_int_equal(net_inquiry_create(c, &d, key, &again, &err), 0);
	assert_string_equal(again.id, first.id);
	assert_int_equal(net_inquiries_mine(c, &list, &err), 0);
	for (size_t i = 0; i < list.n; i++)
		if (strcmp(list.items[i].id, first.id) == 0)
			seen++;
	assert_int_equal(seen, 1);
	/* a refusal carries the server's code and field */
	d.id_no = "110105194912310021";
	net_idempotency_key_new(key);
	assert_int_equal(net_inquiry_create(c, &d, key, &again, &err), -1);
	assert_string_equal(err.code, "invalid_field");
	assert_string_equal(err.field, "applicant.id_no");
	net_inquiry_list_release(&list);
	net_inquiry_release(&first);
	net_inquiry_release(&again);
	net_user_release(&u);
	net_client_free(&c);
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

/* Issue 17: the client prints the server's PDF only when it is one, and
 * falls back to the text otherwise (case_print_document): a number the
 * server has no PDF for, an answer that is not a PDF (an old server or a
 * proxy answering something else: here the spec, reached by a base URL
 * whose query swallows the path), and no server at all all fail cleanly. */
static void test_document_pdf_fallback(void **state)
{
	struct net_client *c = connect_server();
	struct net_user u = {0};
	struct wc_error err = {0};
	char base[300], *pdf = (char *)"x";
	size_t len = 1;

	(void)state;
	assert_int_equal(net_login(c, "clerk1", PASSWORD, "", &u, &err), 0);
	assert_int_equal(
	    net_document_pdf(c, "GZ-20990101-0001", false, &pdf, &len, &err),
	    -1);
	assert_string_equal(err.code, "not_found");
	assert_null(pdf);
	assert_int_equal(len, 0);
	net_user_release(&u);
	net_client_free(&c);

	snprintf(base, sizeof(base), "%s/v1/openapi.yaml?x=", srv.url);
	{
		struct net_options opt = {.base_url = base};

		c = net_client_new(&opt, &err);
	}
	assert_non_null(c);
	assert_int_equal(
	    net_document_pdf(c, "GZ-20990101-0001", false, &pdf, &len, &err),
	    -1);
	assert_string_equal(err.code, "bad_response");
	assert_null(pdf);
	net_client_free(&c);

	{
		struct net_options opt = {.base_url = "http://127.0.0.1:1",
					  .connect_timeout_ms = 2000,
					  .timeout_ms = 2000};

		c = net_client_new(&opt, &err);
	}
	assert_int_equal(
	    net_document_pdf(c, "GZ-20990101-0001", false, &pdf, &len, &err),
	    -1);
	assert_string_equal(err.code, "offline");
	assert_null(pdf);
	net_client_free(&c);
}

int main(void)
{
	const struct CMUnitTest offline[] = {
	    cmocka_unit_test(test_inquiry_parse_sanitises),
	    cmocka_unit_test(test_parse_refuses),
	    cmocka_unit_test(test_offline),
	    cmocka_unit_test(test_url_escape_as_curl),
	    cmocka_unit_test(test_plain_http_refused),
	    cmocka_unit_test(test_idempotency_key),
	};
	const struct CMUnitTest online[] = {
	    cmocka_unit_test(test_login),
	    cmocka_unit_test(test_items),
	    cmocka_unit_test(test_inquiry_create),
	    cmocka_unit_test(test_document_pdf_fallback),
	};
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	failed =
	    cmocka_run_group_tests_name("net offline", offline, NULL, NULL);
	failed += cmocka_run_group_tests_name("net with wincased", online,
					      server_up, server_down);
	return failed;
}
