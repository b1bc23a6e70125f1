/* test_api_training.c - a training server (wincased --training-seed
 * conf/training): the trainee, trainer and colleague accounts, a breach on
 * record that GET /v1/applicants/credit shows, the trainee moving the fake
 * clock (only on a training server), every scenario's ideal path through
 * the API scored at full marks by core training_evaluate on the real
 * answers, wrong paths losing the right checks, net_training.h's calls,
 * and attempts on servers of their own (issue 14.8). The guards of
 * --ephemeral are in test_api_training_ephemeral.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../support/cases.h"
#include "../support/command.h"
#include "../support/http.h"
#include "../support/server.h"
#include "wincase/net_training.h"
#include "wincase/training.h"

#include "../../tui/training/training.h"

#define TRAINING_PASSWORD "training-only-1"

static struct test_server srv;
/* The server the helpers talk to: srv, or an attempt's own server. */
static const char *base_url;
static char seed_dir[600];
static const char *seed_args[] = {"--training-seed", seed_dir, NULL};

static int setup(void **state)
{
	(void)state;
	snprintf(seed_dir, sizeof(seed_dir), "%s/training",
		 getenv("WINCASE_CONF") ? getenv("WINCASE_CONF") : "conf");
	base_url = srv.url;
	return test_server_start_args(&srv, true, seed_args);
}

static int teardown(void **state)
{
	(void)state;
	return test_server_stop(&srv) == 0 ? 0 : -1;
}

static struct training_scenario *load_scenario(const char *id)
{
	char path[800];
	struct wc_error err;
	json_t *j;
	struct training_scenario *sc;

	snprintf(path, sizeof(path), "%s/%s.json", seed_dir, id);
	j = json_load_file(path, 0, NULL);
	sc = j ? training_scenario_from_json(j, &err) : NULL;
	json_decref(j);
	assert_non_null(sc);
	return sc;
}

static void test_accounts(void **state)
{
	char *trainee = http_login(base_url, "trainee1", TRAINING_PASSWORD);
	char *trainer = http_login(base_url, "trainer1", TRAINING_PASSWORD);
	char *colleague = http_login(base_url, "window3", TRAINING_PASSWORD);
	struct http_reply r;

	(void)state;
	assert_non_null(trainee);
	assert_non_null(trainer);
	assert_non_null(colleague);
	assert_int_equal(http_get(base_url, "/v1/me", trainee, &r), 0);
	assert_string_equal(json_string_value(json_object_get(r.json, "role")),
			    "trainee");
	assert_string_equal(
	    json_string_value(json_object_get(r.json, "window")), "9");
	http_reply_release(&r);
	assert_int_equal(http_get(base_url, "/v1/me", trainer, &r), 0);
	assert_string_equal(json_string_value(json_object_get(r.json, "role")),
			    "reviewer");
	http_reply_release(&r);
	/* API.md: on a training server the trainee moves the clock too. */
	assert_int_equal(
	    http_send_json(base_url, "PUT", "/v1/admin/clock", trainee,
			   "{\"now\":\"" TEST_SERVER_START_TIME "\"}", &r),
	    0);
	assert_int_equal(r.status, 200);
	http_reply_release(&r);
	assert_int_equal(
	    http_send_json(base_url, "PUT", "/v1/admin/clock", trainer,
			   "{\"now\":\"" TEST_SERVER_START_TIME "\"}", &r),
	    0);
	assert_int_equal(r.status, 403);
	http_reply_release(&r);
	free(trainee);
	free(trainer);
	free(colleague);
}

static json_t *credit_of(const char *token, const struct training_scenario *sc)
{
	char path[300];
	struct http_reply r;
	json_t *out;

	snprintf(path, sizeof(path),
		 "/v1/applicants/credit?id_type=%s&id_no=%s",
		 sc->applicant_id_type, sc->applicant_id_no);
	assert_int_equal(http_get(base_url, path, token, &r), 0);
	assert_int_equal(r.status, 200);
	out = json_incref(r.json);
	http_reply_release(&r);
	return out;
}

/* R3: the hidden fact of t09 is a real breach in the credit record. */
static void test_breach_on_record(void **state)
{
	struct training_scenario *bad = load_scenario("t09_refused_breach");
	struct training_scenario *good = load_scenario("t07_tolerant_allowed");
	char *trainee = http_login(base_url, "trainee1", TRAINING_PASSWORD);
	json_t *c;

	(void)state;
	c = credit_of(trainee, bad);
	assert_int_equal(json_integer_value(json_object_get(c, "breached")), 1);
	assert_true(json_is_false(json_object_get(c, "eligible")));
	assert_int_equal(json_array_size(json_object_get(c, "entries")), 1);
	json_decref(c);
	c = credit_of(trainee, good);
	assert_true(json_is_true(json_object_get(c, "eligible")));
	json_decref(c);
	training_scenario_free(&bad);
	training_scenario_free(&good);
	free(trainee);
}

/* The tc_* calls with their answer released: only the status counts. */
static long st_call(const char *method, const char *path, const char *token,
		    const char *body, const char *if_match)
{
	struct http_reply r = {0};
	long s = tc_call(base_url, method, path, token, body, if_match, &r);

	http_reply_release(&r);
	return s;
}

static long st_create(const char *token, const char *item, const char *scenario,
		      const char *applicant, struct test_case *c)
{
	struct http_reply r = {0};
	long s = tc_create(base_url, token, item, scenario, applicant, c, &r);

	http_reply_release(&r);
	return s;
}

static long st_change(const char *token, struct test_case *c,
		      const char *method, const char *suffix, const char *body)
{
	struct http_reply r = {0};
	long s = tc_change(base_url, token, c, method, suffix, body, &r);

	http_reply_release(&r);
	return s;
}

static long st_checklist(const char *token, struct test_case *c,
			 const char *states)
{
	struct http_reply r = {0};
	long s = tc_checklist(base_url, token, c, states, &r);

	http_reply_release(&r);
	return s;
}

static long st_get(const char *token, struct test_case *c)
{
	struct http_reply r = {0};
	long s = tc_get(base_url, token, c, &r);

	http_reply_release(&r);
	return s;
}

/* --- driving a scenario through the API, as a trainee would --- */

struct run {
	const struct training_scenario *sc;
	const char *user;
	char *token;
	char now[40]; /* the fake clock */
};

static json_t *applicant_json(const struct training_scenario *sc)
{
	return json_pack("{s:s, s:s, s:s, s:s}", "name", sc->applicant_name,
			 "id_type", sc->applicant_id_type, "id_no",
			 sc->applicant_id_no, "phone", sc->applicant_phone);
}

/* New string (free it): the persona as a case's applicant. */
static char *applicant_text(const struct training_scenario *sc)
{
	json_t *a = applicant_json(sc);
	char *text = json_dumps(a, JSON_COMPACT);

	json_decref(a);
	return text;
}

static const json_t *find_check(const struct training_scenario *sc,
				const char *kind)
{
	for (size_t i = 0; i < sc->n_checks; i++)
		if (strcmp(sc->checks[i].kind, kind) == 0)
			return sc->checks[i].args;
	return NULL;
}

static const json_t *find_fact(const struct training_scenario *sc,
			       const char *kind)
{
	const json_t *f;
	size_t i;

	json_array_foreach(
	    sc->hidden_facts, i,
	    f) if (strcmp(json_string_value(json_object_get(f, "kind")),
			  kind) == 0) return f;
	return NULL;
}

/* POST on inquiry id with its current version; returns the status. */
static long inquiry_post(const char *token, long long id, const char *suffix,
			 json_t *body)
{
	char path[160], *text = json_dumps(body, JSON_COMPACT);
	struct http_reply r;
	long status;

	snprintf(path, sizeof(path), "/v1/inquiries/%lld", id);
	assert_int_equal(http_get(base_url, path, token, &r), 0);
	snprintf(path + strlen(path), sizeof(path) - strlen(path), "%s",
		 suffix);
	status = st_call("POST", path, token, text, r.etag);
	http_reply_release(&r);
	free(text);
	json_decref(body);
	return status;
}

static long long inquiry_create(struct run *run)
{
	json_t *body =
	    json_pack("{s:s, s:s, s:s, s:o}", "channel", "counter", "topic",
		      run->sc->title, "item_code", run->sc->item_code,
		      "applicant", applicant_json(run->sc));
	char *text = json_dumps(body, JSON_COMPACT);
	struct http_reply r;
	long long id;

	assert_int_equal(http_send_json(base_url, "POST", "/v1/inquiries",
					run->token, text, &r),
			 0);
	assert_int_equal(r.status, 201);
	id = json_integer_value(json_object_get(r.json, "id"));
	http_reply_release(&r);
	free(text);
	json_decref(body);
	return id;
}

/* R1: hand off, the colleague acknowledges, close as referred. */
static void inquiry_refer(struct run *run, long long id, const json_t *want)
{
	const json_t *colleague = find_fact(run->sc, "colleague");
	char *other = http_login(
	    base_url, json_string_value(json_object_get(colleague, "username")),
	    TRAINING_PASSWORD);
	char path[160];
	struct http_reply r;
	long long hid;

	assert_non_null(other);
	assert_int_equal(
	    inquiry_post(
		run->token, id, "/handoffs",
		json_pack("{s:s, s:s}", "to_window",
			  json_string_value(json_object_get(want, "to_window")),
			  "reason", "该事项由住建局3号窗口办理")),
	    200);
	snprintf(path, sizeof(path), "/v1/inquiries/%lld", id);
	assert_int_equal(http_get(base_url, path, run->token, &r), 0);
	hid = json_integer_value(json_object_get(
	    json_array_get(json_object_get(r.json, "handoffs"), 0), "id"));
	http_reply_release(&r);
	snprintf(path, sizeof(path), "/handoffs/%lld/ack", hid);
	assert_true(inquiry_post(other, id, path, json_object()) < 300);
	assert_int_equal(
	    inquiry_post(run->token, id, "/close",
			 json_pack("{s:s, s:s}", "resolution", "referred",
				   "note", "已转3号窗口并接收")),
	    200);
	free(other);
}

static void run_inquiry(struct run *run)
{
	long long id = inquiry_create(run);
	const json_t *ack = find_check(run->sc, "handoff_acknowledged");
	const json_t *closed = find_check(run->sc, "inquiry_closed");
	const char *res =
	    json_string_value(json_object_get(closed, "resolution"));

	if (ack) {
		inquiry_refer(run, id, ack);
		return;
	}
	if (!res)
		res = json_string_value(
		    json_array_get(json_object_get(closed, "resolutions"), 0));
	assert_int_equal(inquiry_post(run->token, id, "/close",
				      json_pack("{s:s, s:s}", "resolution", res,
						"note", "当场答复材料清单")),
			 200);
}

/* The persona's materials as tc_checklist's "id=state[:note],...". */
static void checklist_text(const struct training_scenario *sc, char *out,
			   size_t size)
{
	const json_t *m;
	size_t i, used = 0;

	json_array_foreach(sc->materials, i, m)
	{
		const char *cond =
		    json_string_value(json_object_get(m, "condition"));
		const char *defect =
		    json_string_value(json_object_get(m, "defect"));

		used += (size_t)snprintf(
		    out + used, size - used, "%s%s=%s%s%s", i ? "," : "",
		    json_string_value(json_object_get(m, "id")), cond,
		    defect ? ":" : "", defect ? defect : "");
	}
}

/* Move the fake clock as the trainee and log in again (sessions follow
 * the fake clock). */
static void advance(struct run *run, const char *to)
{
	struct http_reply r;
	char body[80];

	snprintf(body, sizeof(body), "{\"now\":\"%s\"}", to);
	assert_int_equal(http_send_json(base_url, "PUT", "/v1/admin/clock",
					run->token, body, &r),
			 0);
	assert_int_equal(r.status, 200);
	http_reply_release(&r);
	free(run->token);
	run->token = http_login(base_url, run->user, TRAINING_PASSWORD);
	snprintf(run->now, sizeof(run->now), "%s", to);
}

static void accept_tolerant(struct run *run, struct test_case *c)
{
	json_t *body =
	    json_pack("{s:s, s:{s:s}}", "mode", "tolerant", "commitment",
		      "applicant_confirmation", run->sc->applicant_name);
	char *text = json_dumps(body, JSON_COMPACT);

	assert_int_equal(st_change(run->token, c, "POST", "/accept", text),
			 200);
	free(text);
	json_decref(body);
}

static void case_after_acceptance(struct run *run, struct test_case *c)
{
	const json_t *back = find_fact(run->sc, "returns_with");
	const json_t *rating = find_fact(run->sc, "rating");
	char body[300];

	if (back) {
		advance(run, "2026-11-04T10:00:00+08:00");
		snprintf(body, sizeof(body), "{\"material_id\":\"%s\"}",
			 json_string_value(json_object_get(back, "material")));
		assert_int_equal(st_get(run->token, c), 200);
		assert_int_equal(
		    st_change(run->token, c, "POST", "/supplements", body),
		    200);
	}
	if (find_fact(run->sc, "never_returns"))
		advance(run, "2026-11-12T09:00:00+08:00");
	if (rating) {
		assert_int_equal(
		    st_change(
			run->token, c, "POST", "/complete",
			"{\"result\":\"approved\",\"note\":\"准予登记\"}"),
		    200);
		snprintf(
		    body, sizeof(body), "{\"level\":%d,\"reasons\":[\"%s\"]}",
		    (int)json_integer_value(json_object_get(rating, "level")),
		    json_string_value(
			json_array_get(json_object_get(rating, "reasons"), 0)));
		assert_int_equal(
		    st_change(run->token, c, "POST", "/rating", body), 200);
	}
}

static void run_case(struct run *run)
{
	const json_t *status = find_check(run->sc, "case_status");
	const char *want = json_string_value(json_object_get(status, "status"));
	char *applicant = applicant_text(run->sc);
	char states[2000];
	struct test_case c;

	if (!want && status)
		want = json_string_value(
		    json_array_get(json_object_get(status, "statuses"), 0));
	assert_int_equal(st_create(run->token, run->sc->item_code,
				   run->sc->scenario_id, applicant, &c),
			 201);
	free(applicant);
	checklist_text(run->sc, states, sizeof(states));
	assert_int_equal(st_checklist(run->token, &c, states), 200);
	if (want && strcmp(want, "accepted_tolerant") == 0)
		accept_tolerant(run, &c);
	else if (want && (strcmp(want, "accepted") == 0 ||
			  strcmp(want, "completed") == 0))
		assert_int_equal(st_change(run->token, &c, "POST", "/accept",
					   "{\"mode\":\"normal\"}"),
				 200);
	else
		assert_int_equal(
		    st_change(run->token, &c, "POST", "/notices", "{}"), 201);
	case_after_acceptance(run, &c);
}

/* Every item of a list, each read whole. */
static json_t *read_all(const char *token, const char *list_path,
			const char *item_prefix)
{
	json_t *out = json_array(), *row;
	struct http_reply r, one;
	char path[160];
	size_t i;

	assert_int_equal(http_get(base_url, list_path, token, &r), 0);
	json_array_foreach(json_object_get(r.json, "items"), i, row)
	{
		snprintf(
		    path, sizeof(path), "%s/%lld", item_prefix,
		    (long long)json_integer_value(json_object_get(row, "id")));
		assert_int_equal(http_get(base_url, path, token, &one), 0);
		json_array_append(out, one.json);
		http_reply_release(&one);
	}
	http_reply_release(&r);
	return out;
}

/* The state as the client will gather it for the debrief. */
static json_t *gather_state(struct run *run)
{
	return json_pack(
	    "{s:s, s:o, s:o, s:o}", "user", run->user, "cases",
	    read_all(run->token, "/v1/cases?scope=mine&limit=200", "/v1/cases"),
	    "inquiries",
	    read_all(run->token, "/v1/inquiries?scope=mine&limit=200",
		     "/v1/inquiries"),
	    "credit", credit_of(run->token, run->sc));
}

static void evaluate(struct run *run, struct training_result *res)
{
	json_t *st = gather_state(run);
	struct wc_error err;

	assert_int_equal(training_evaluate(run->sc, st, 0, 60, res, &err), 0);
	json_decref(st);
}

static const char *const scenario_ids[] = {
    "t01_inquiry_answered",	"t02_inquiry_handoff",
    "t03_bounce_trap",		"t04_complete_normal",
    "t05_notice_three_missing", "t06_defective_material",
    "t07_tolerant_allowed",	"t08_refused_main_missing",
    "t09_refused_breach",	"t10_item_not_tolerant",
    "t11_commitment_fulfilled", "t12_commitment_breached",
    "t13_bad_rating",
};

/* Each ideal path, scored on the real answers; clock moves come last
 * (t11, t12, t13 in this order), so earlier results stay as they were. */
static void test_ideal_paths_full_marks(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(scenario_ids) / sizeof(scenario_ids[0]);
	     i++) {
		struct training_scenario *sc = load_scenario(scenario_ids[i]);
		struct run run = {.sc = sc, .user = "trainee1"};
		struct training_result res;

		run.token = http_login(base_url, run.user, TRAINING_PASSWORD);
		assert_non_null(run.token);
		if (strcmp(sc->kind, "inquiry") == 0)
			run_inquiry(&run);
		else
			run_case(&run);
		evaluate(&run, &res);
		for (size_t k = 0; k < res.n; k++)
			if (!res.results[k].passed)
				fail_msg("%s: %s failed (%s)", sc->id,
					 res.results[k].check->kind,
					 res.results[k].found);
		assert_int_equal(res.score, 100);
		free(run.token);
		training_scenario_free(&sc);
	}
}

static void expect_lost(struct run *run, const char *const *lost)
{
	struct training_result res;
	int points = 0;

	evaluate(run, &res);
	for (size_t k = 0; k < res.n; k++) {
		bool should = false;

		for (size_t j = 0; lost[j]; j++)
			should =
			    should ||
			    strcmp(lost[j], res.results[k].check->kind) == 0;
		if (res.results[k].passed == should)
			fail_msg("%s: %s %s (%s)", run->sc->id,
				 res.results[k].check->kind,
				 should ? "passed" : "failed",
				 res.results[k].found);
		points += should ? res.results[k].check->points : 0;
		assert_true(*res.results[k].check->explain);
	}
	assert_int_equal(res.score, 100 - points);
}

/* Wrong paths by trainee2 on the same server (its own cases only). */
static void test_wrong_paths_lose_points(void **state)
{
	struct training_scenario *sc;
	struct run run = {.user = "trainee2"};
	struct test_case c;
	char *applicant;
	long long id;

	(void)state;
	run.token = http_login(base_url, run.user, TRAINING_PASSWORD);
	/* t03: the bounce trap taken, handed on to window 3. */
	run.sc = sc = load_scenario("t03_bounce_trap");
	id = inquiry_create(&run);
	assert_int_equal(inquiry_post(run.token, id, "/handoffs",
				      json_pack("{s:s, s:s}", "to_window", "3",
						"reason", "去住建局")),
			 200);
	expect_lost(
	    &run, (const char *const[]){"no_handoff", "inquiry_closed", NULL});
	training_scenario_free(&sc);
	/* t09: the breach ignored - tolerant refused by the server, so the
	 * trainee gave up without a notice. */
	run.sc = sc = load_scenario("t09_refused_breach");
	applicant = applicant_text(sc);
	assert_int_equal(
	    st_create(run.token, sc->item_code, sc->scenario_id, applicant, &c),
	    201);
	free(applicant);
	expect_lost(&run, (const char *const[]){"notice_lists", NULL});
	training_scenario_free(&sc);
	/* t01: converted to a case instead of answered. */
	run.sc = sc = load_scenario("t01_inquiry_answered");
	id = inquiry_create(&run);
	applicant = applicant_text(sc);
	assert_int_equal(
	    st_create(run.token, sc->item_code, sc->scenario_id, applicant, &c),
	    201);
	free(applicant);
	expect_lost(&run,
		    (const char *const[]){"inquiry_closed", "no_case", NULL});
	training_scenario_free(&sc);
	/* t10: asked for tolerant acceptance (refused), no notice. */
	run.sc = sc = load_scenario("t10_item_not_tolerant");
	applicant = applicant_text(sc);
	assert_int_equal(
	    st_create(run.token, sc->item_code, sc->scenario_id, applicant, &c),
	    201);
	free(applicant);
	expect_lost(
	    &run, (const char *const[]){"notice_lists", "notice_count", NULL});
	training_scenario_free(&sc);
	free(run.token);
}

/* net_training.h as the client calls it: the attempt floor, the
 * colleague's acknowledgement, the scoring of what this attempt made,
 * the persona's newest case status and the clock moved ahead. Last: it
 * moves the shared server's clock. */
static void test_net_training_calls(void **state)
{
	struct training_scenario *sc = load_scenario("t02_inquiry_handoff");
	struct training_scenario *t04 = load_scenario("t04_complete_normal");
	struct net_options o = {.base_url = base_url};
	struct net_client *c, *colleague = NULL;
	struct run run = {.sc = sc, .user = "trainee1"};
	struct net_training_floor floor;
	struct training_result res;
	struct net_user u = {0};
	struct wc_error err = {0};
	enum case_status status;
	char day[11], today[11];
	bool found;
	long long id;

	(void)state;
	c = net_client_new(&o, &err);
	assert_non_null(c);
	assert_int_equal(
	    net_login(c, "trainee1", TRAINING_PASSWORD, NULL, &u, &err), 0);
	net_user_release(&u);
	assert_int_equal(net_training_floor_get(c, &floor, &err), 0);
	run.token = http_login(base_url, run.user, TRAINING_PASSWORD);
	id = inquiry_create(&run);
	assert_true(id > floor.inquiry_id);
	assert_int_equal(inquiry_post(run.token, id, "/handoffs",
				      json_pack("{s:s, s:s}", "to_window", "3",
						"reason", "住建局3号窗口办理")),
			 200);
	assert_int_equal(net_training_colleague_ack(base_url, TRAINING_PASSWORD,
						    &colleague, sc, &err),
			 1);
	assert_non_null(colleague);
	assert_int_equal(net_training_colleague_ack(base_url, TRAINING_PASSWORD,
						    &colleague, sc, &err),
			 0);
	net_client_free(&colleague);
	/* A scenario without a colleague acknowledges nothing, logs in no
	 * one. */
	assert_int_equal(net_training_colleague_ack(base_url, TRAINING_PASSWORD,
						    &colleague, t04, &err),
			 0);
	assert_null(colleague);
	assert_int_equal(
	    inquiry_post(run.token, id, "/close",
			 json_pack("{s:s, s:s}", "resolution", "referred",
				   "note", "已转3号窗口并接收")),
	    200);
	assert_int_equal(
	    net_training_evaluate(c, "trainee1", sc, &floor, 0, 7, &res, &err),
	    0);
	assert_int_equal(res.score, 100);
	assert_int_equal(res.seconds, 7);
	/* The persona of t02 has no case; t04's ideal path left one
	 * accepted. */
	assert_int_equal(net_training_case_status(c, sc, &found, &status, &err),
			 0);
	assert_false(found);
	assert_int_equal(
	    net_training_case_status(c, t04, &found, &status, &err), 0);
	assert_true(found);
	assert_int_equal(status, CASE_ACCEPTED);
	assert_int_equal(net_server_date(c, today, &err), 0);
	assert_int_equal(net_training_clock_advance(c, 1, day, &err), 0);
	assert_true(strcmp(day, today) > 0);
	assert_int_equal(net_server_date(c, today, &err), 0);
	assert_string_equal(today, day);
	net_client_free(&c);
	free(run.token);
	training_scenario_free(&sc);
	training_scenario_free(&t04);
}

/* One ideal path by trainee1 on the server at base_url, scored. */
static void ideal_attempt(const char *id, struct training_result *res)
{
	struct training_scenario *sc = load_scenario(id);
	struct run run = {.sc = sc, .user = "trainee1"};

	run.token = http_login(base_url, run.user, TRAINING_PASSWORD);
	assert_non_null(run.token);
	if (sc->type == TRAINING_INQUIRY)
		run_inquiry(&run);
	else
		run_case(&run);
	evaluate(&run, res);
	free(run.token);
	training_scenario_free(&sc);
}

static void assert_same_result(const struct training_result *a,
			       const struct training_result *b)
{
	assert_int_equal(a->score, b->score);
	assert_int_equal(a->n, b->n);
	for (size_t k = 0; k < a->n; k++) {
		assert_int_equal(a->results[k].passed, b->results[k].passed);
		assert_string_equal(a->results[k].found, b->results[k].found);
	}
}

/* Issue 14.8: each attempt on a server of its own, as the client starts
 * them (training_server_restart): t07, then t12 (its clock goes past
 * t07's supplement deadline), then t07 again scores the same 100 with
 * the same findings. On one shared server the replay would not: the
 * first t07's commitment is breached by then, the persona's credit
 * blocks tolerant acceptance. */
static void test_attempts_apart(void **state)
{
	char dir[600];
	const char *conf = getenv("WINCASE_CONF");
	struct training_options opt = {
	    .data_dir = dir,
	    .conf_dir = conf ? conf : "conf",
	    .wincased = getenv("WINCASED_BIN"),
	    .clock_start = "2026-11-02T09:00:00+08:00",
	};
	struct training_server ts;
	struct training_result first, t12, again;
	struct wc_error err = {0};
	struct run run = {.user = "trainee1"};
	struct training_scenario *sc;
	char *applicant, states[2000], body[300], store[TRAINING_PATH_MAX + 16];
	struct test_case c;
	struct http_reply r = {0};

	(void)state;
	snprintf(dir, sizeof(dir), "%s/attempts", srv.dir);
	assert_int_equal(training_server_start(&ts, &opt, &err), 0);
	base_url = ts.url;
	ideal_attempt("t07_tolerant_allowed", &first);
	assert_int_equal(first.score, 100);
	assert_int_equal(training_server_restart(&ts, &opt, &err), 0);
	base_url = ts.url;
	ideal_attempt("t12_commitment_breached", &t12);
	assert_int_equal(t12.score, 100);
	assert_int_equal(training_server_restart(&ts, &opt, &err), 0);
	base_url = ts.url;
	ideal_attempt("t07_tolerant_allowed", &again);
	assert_same_result(&first, &again);
	/* The same three on one server: t12's clock breaches t07's first
	 * commitment, and the replay is refused tolerant acceptance. */
	ideal_attempt("t12_commitment_breached", &t12);
	run.sc = sc = load_scenario("t07_tolerant_allowed");
	run.token = http_login(base_url, run.user, TRAINING_PASSWORD);
	applicant = applicant_text(sc);
	assert_int_equal(
	    st_create(run.token, sc->item_code, sc->scenario_id, applicant, &c),
	    201);
	checklist_text(sc, states, sizeof(states));
	assert_int_equal(st_checklist(run.token, &c, states), 200);
	snprintf(body, sizeof(body),
		 "{\"mode\":\"tolerant\",\"commitment\":{"
		 "\"applicant_confirmation\":\"%s\"}}",
		 sc->applicant_name);
	assert_int_equal(
	    tc_change(base_url, run.token, &c, "POST", "/accept", body, &r),
	    422);
	assert_non_null(strstr(r.body, "credit_blocked"));
	http_reply_release(&r);
	free(applicant);
	free(run.token);
	training_scenario_free(&sc);
	snprintf(store, sizeof(store), "%s", ts.store_dir);
	assert_int_equal(training_server_stop(&ts), 0);
	base_url = srv.url;
	assert_int_not_equal(access(store, F_OK), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_accounts),
	    cmocka_unit_test(test_breach_on_record),
	    cmocka_unit_test(test_wrong_paths_lose_points),
	    cmocka_unit_test(test_ideal_paths_full_marks),
	    cmocka_unit_test(test_attempts_apart),
	    cmocka_unit_test(test_net_training_calls),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
