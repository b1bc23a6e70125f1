/* test_training.c - training scenarios (core/training*.c): every shipped
 * scenario in conf/training/ loads and fits the demo catalog, together they
 * cover the situations docs/training.md lists, an ideal server state
 * earns full marks, wrong states lose exactly the right checks with their
 * explanations, hints cost points (never below 0), broken scenarios are
 * refused naming the field, and the typed members agree with the JSON.
 *
 * Reads $WINCASE_CONF (tests/run.sh sets it, else "conf") and the states
 * in $WINCASE_TESTS/unit/data/training_states.json (else tests/...). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "wincase/catalog.h"
#include "wincase/training.h"

#define MAX_SCENARIOS 64

static struct training_scenario *scenarios[MAX_SCENARIOS];
static size_t n_scenarios;
static struct catalog *demo;
static json_t *states;

static const char *conf_dir(void)
{
	const char *d = getenv("WINCASE_CONF");

	return d && *d ? d : "conf";
}

static json_t *load_json(const char *path)
{
	json_error_t jerr;
	json_t *j = json_load_file(path, 0, &jerr);

	if (!j)
		fprintf(stderr, "# %s: %s\n", path, jerr.text);
	return j;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_all(void **state)
{
	char dir_path[600], path[1200], *names[MAX_SCENARIOS];
	const char *tests = getenv("WINCASE_TESTS");
	struct wc_error err = {0};
	size_t n_names = 0;
	struct dirent *e;
	json_t *cat;
	DIR *dir;

	(void)state;
	snprintf(path, sizeof(path), "%s/catalog/demo.json", conf_dir());
	cat = load_json(path);
	demo = cat ? catalog_from_json(cat, &err) : NULL;
	json_decref(cat);
	snprintf(path, sizeof(path), "%s/unit/data/training_states.json",
		 tests && *tests ? tests : "tests");
	states = load_json(path);
	snprintf(dir_path, sizeof(dir_path), "%s/training", conf_dir());
	dir = opendir(dir_path);
	if (!demo || !states || !dir)
		return -1;
	while ((e = readdir(dir)) && n_names < MAX_SCENARIOS) {
		size_t n = strlen(e->d_name);

		if (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0)
			names[n_names++] = strdup(e->d_name);
	}
	closedir(dir);
	qsort(names, n_names, sizeof(names[0]), cmp_names);
	for (size_t i = 0; i < n_names; i++) {
		json_t *j;

		snprintf(path, sizeof(path), "%s/%s", dir_path, names[i]);
		j = load_json(path);
		scenarios[n_scenarios] =
		    j ? training_scenario_from_json(j, &err) : NULL;
		if (!scenarios[n_scenarios])
			fprintf(stderr, "# %s: %s: %s\n", names[i], err.field,
				err.message);
		else if (strncmp(names[i], scenarios[n_scenarios]->id,
				 strlen(names[i]) - 5) != 0)
			fprintf(stderr, "# %s: id %s differs\n", names[i],
				scenarios[n_scenarios]->id);
		n_scenarios++;
		json_decref(j);
		free(names[i]);
	}
	return 0;
}

static int free_all(void **state)
{
	(void)state;
	for (size_t i = 0; i < n_scenarios; i++)
		training_scenario_free(&scenarios[i]);
	catalog_free(&demo);
	json_decref(states);
	return 0;
}

static void test_every_scenario_loads(void **state)
{
	(void)state;
	assert_true(n_scenarios >= 12);
	for (size_t i = 0; i < n_scenarios; i++) {
		struct wc_error err = {0};

		assert_non_null(scenarios[i]);
		if (training_scenario_check_catalog(scenarios[i], demo, &err) <
		    0)
			fail_msg("%s: %s: %s", scenarios[i]->id, err.field,
				 err.message);
		assert_int_equal(scenarios[i]->max_points, 100);
		assert_true(scenarios[i]->n_hints >= 1);
		/* Personas differ, so one training server holds them all. */
		for (size_t k = 0; k < i; k++) {
			assert_string_not_equal(scenarios[i]->id,
						scenarios[k]->id);
			assert_string_not_equal(scenarios[i]->applicant_id_no,
						scenarios[k]->applicant_id_no);
		}
	}
}

/* Does some scenario have a check of kind whose key has value (a string,
 * or an array of n strings when value is NULL)? */
static bool covered(const char *kind, const char *key, const char *value,
		    size_t n)
{
	for (size_t i = 0; i < n_scenarios; i++)
		for (size_t c = 0; c < scenarios[i]->n_checks; c++) {
			const struct training_check *ch =
			    &scenarios[i]->checks[c];
			const json_t *v =
			    key ? json_object_get(ch->args, key) : NULL;

			if (strcmp(ch->kind, kind) != 0)
				continue;
			if (!key || (value && json_is_string(v) &&
				     strcmp(json_string_value(v), value) == 0))
				return true;
			if (!value && json_array_size(v) == n)
				return true;
		}
	return false;
}

static bool has_fact(const char *kind)
{
	for (size_t i = 0; i < n_scenarios; i++) {
		const json_t *f;
		size_t k;

		json_array_foreach(
		    scenarios[i]->hidden_facts, k,
		    f) if (strcmp(json_string_value(json_object_get(f, "kind")),
				  kind) == 0) return true;
	}
	return false;
}

/* The situations of docs/training.md's scenario table, one line each. */
static void test_scenarios_cover_issue(void **state)
{
	(void)state;
	assert_true(covered("inquiry_closed", "resolution", "answered", 0));
	assert_true(covered("handoff_acknowledged", "to_window", "3", 0));
	assert_true(covered("no_handoff", NULL, NULL, 0)); /* bounce trap */
	assert_true(covered("case_status", "status", "accepted", 0));
	assert_true(covered("notice_lists", "materials", NULL, 3));
	assert_true(covered("material_state", "state", "defective", 0));
	assert_true(covered("case_status", "status", "accepted_tolerant", 0));
	assert_true(covered("no_tolerant_acceptance", NULL, NULL, 0));
	assert_true(has_fact("breach_on_record"));
	assert_true(has_fact("defective_copy"));
	assert_true(covered("commitment_status", "status", "fulfilled", 0));
	assert_true(covered("commitment_status", "status", "breached", 0));
	assert_true(covered("rating", NULL, NULL, 0));
}

static const struct training_scenario *find(const char *id)
{
	for (size_t i = 0; i < n_scenarios; i++)
		if (scenarios[i] && strcmp(scenarios[i]->id, id) == 0)
			return scenarios[i];
	return NULL;
}

static void test_ideal_states_full_marks(void **state)
{
	const char *id;
	json_t *entry;
	size_t seen = 0;

	(void)state;
	json_object_foreach(states, id, entry)
	{
		const struct training_scenario *sc = find(id);
		struct training_result res;
		struct wc_error err;

		assert_non_null(sc);
		assert_int_equal(
		    training_evaluate(sc, json_object_get(entry, "ideal"), 0,
				      75, &res, &err),
		    0);
		for (size_t i = 0; i < res.n; i++)
			if (!res.results[i].passed)
				fail_msg("%s: %s failed (%s)", id,
					 res.results[i].check->kind,
					 res.results[i].found);
		assert_int_equal(res.score, sc->max_points);
		assert_int_equal(res.seconds, 75);
		seen++;
	}
	assert_int_equal(seen, n_scenarios);
}

static bool in_lost(const json_t *lost, const char *kind)
{
	const json_t *e;
	size_t i;

	json_array_foreach(lost, i, e) if (strcmp(json_string_value(e), kind) ==
					   0) return true;
	return false;
}

/* Each wrong state fails exactly the listed checks and keeps the rest;
 * the debrief JSON carries the rule and explanation of every failure. */
static void check_wrong(const struct training_scenario *sc, const json_t *wrong)
{
	const json_t *lost = json_object_get(wrong, "lost");
	struct training_result res;
	struct wc_error err;
	int lost_points = 0;
	json_t *debrief;

	assert_int_equal(training_evaluate(sc, json_object_get(wrong, "state"),
					   0, 10, &res, &err),
			 0);
	for (size_t i = 0; i < res.n; i++) {
		const struct training_check_result *r = &res.results[i];
		bool should_fail = in_lost(lost, r->check->kind);

		if (r->passed == should_fail)
			fail_msg(
			    "%s (%s): %s %s (found %s)", sc->id,
			    json_string_value(json_object_get(wrong, "why")),
			    r->check->kind, r->passed ? "passed" : "failed",
			    r->found);
		if (should_fail)
			lost_points += r->check->points;
	}
	assert_int_equal(res.score, sc->max_points - lost_points);
	debrief = training_result_to_json(sc, &res);
	for (size_t i = 0; i < res.n; i++) {
		const json_t *c =
		    json_array_get(json_object_get(debrief, "checks"), i);

		assert_string_equal(
		    json_string_value(json_object_get(c, "explain")),
		    sc->checks[i].explain);
		assert_string_equal(
		    json_string_value(json_object_get(c, "rule")),
		    sc->checks[i].rule);
		assert_int_equal(json_is_true(json_object_get(c, "passed")),
				 res.results[i].passed);
	}
	json_decref(debrief);
}

static void test_wrong_states_lose_points(void **state)
{
	const char *id;
	json_t *entry;
	size_t scenarios_with_wrong = 0;

	(void)state;
	json_object_foreach(states, id, entry)
	{
		const json_t *w;
		size_t i;

		json_array_foreach(json_object_get(entry, "wrong"), i, w)
		    check_wrong(find(id), w);
		scenarios_with_wrong +=
		    json_array_size(json_object_get(entry, "wrong")) > 0;
	}
	assert_true(scenarios_with_wrong >= 4);
}

/* A named wrong case, spelled out: t05 with the second notice. */
static void test_notice_split_explained(void **state)
{
	const struct training_scenario *sc = find("t05_notice_three_missing");
	const json_t *wrong = json_array_get(
	    json_object_get(json_object_get(states, sc->id), "wrong"), 0);
	struct training_result res;
	struct wc_error err;

	(void)state;
	assert_int_equal(training_evaluate(sc, json_object_get(wrong, "state"),
					   0, 0, &res, &err),
			 0);
	assert_string_equal(res.results[0].check->kind, "notice_lists");
	assert_false(res.results[0].passed);
	assert_string_equal(res.results[0].found,
			    "告知书列出：公共场所卫生检测或评价报告、"
			    "公共场所卫生管理制度");
	assert_string_equal(res.results[0].check->rule, "R2");
	assert_non_null(strstr(res.results[0].check->explain, "一次列出"));
	assert_int_equal(res.score, 100 - 50 - 20 - 10);
}

/* The result of the check kind of sc on st (the first of that kind). */
static const struct training_check_result *
result_of(const struct training_scenario *sc, const json_t *st,
	  const char *kind, struct training_result *res)
{
	struct wc_error err;

	assert_int_equal(training_evaluate(sc, st, 0, 0, res, &err), 0);
	for (size_t i = 0; i < res->n; i++)
		if (strcmp(res->results[i].check->kind, kind) == 0)
			return &res->results[i];
	fail_msg("%s has no %s check", sc->id, kind);
	return NULL;
}

/* Issue 14.9: an "at most" check awards what happened, not what did not:
 * t02's ideal inquiry without its handoff (answered on the spot instead)
 * earns nothing for 一次转到位, in every shipped scenario with such a
 * check. */
static void test_at_most_needs_the_act(void **state)
{
	size_t with_max = 0;

	(void)state;
	for (size_t i = 0; i < n_scenarios; i++) {
		const struct training_scenario *sc = scenarios[i];
		json_t *st = json_deep_copy(
		    json_object_get(json_object_get(states, sc->id), "ideal"));
		json_t *q;
		size_t k;

		json_array_foreach(json_object_get(st, "inquiries"), k, q)
		{
			json_object_set_new(q, "handoffs", json_array());
			json_object_set_new(q, "status", json_string("closed"));
			json_object_set_new(q, "resolution",
					    json_string("answered"));
		}
		for (size_t c = 0; c < sc->n_checks; c++) {
			struct training_result res;
			const struct training_check_result *r;

			if (!json_object_get(sc->checks[c].args, "max"))
				continue;
			with_max++;
			r = result_of(sc, st, sc->checks[c].kind, &res);
			assert_false(r->passed);
			assert_int_equal(r->points, 0);
			assert_string_equal(r->found, "没有转办");
		}
		json_decref(st);
	}
	assert_true(with_max >= 1);
	/* One handoff, acknowledged: the 10 points are earned. */
	{
		const struct training_scenario *sc =
		    find("t02_inquiry_handoff");
		struct training_result res;
		const struct training_check_result *r = result_of(
		    sc,
		    json_object_get(json_object_get(states, sc->id), "ideal"),
		    "handoff_count", &res);

		assert_true(r->passed);
		assert_int_equal(r->points, 10);
		assert_string_equal(r->found, "转办 1 次");
	}
}

/* True when text holds an API code: a lower-case ASCII letter, '_' or
 * '='. Numbers (SL-..., GZ-...) and digits are fine. */
static bool has_wire_code(const char *text)
{
	for (const char *p = text; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || *p == '_' || *p == '=')
			return true;
	return false;
}

static void expect_chinese_findings(const struct training_scenario *sc,
				    const json_t *st)
{
	struct training_result res;
	struct wc_error err;

	assert_int_equal(training_evaluate(sc, st, 0, 0, &res, &err), 0);
	for (size_t i = 0; i < res.n; i++)
		if (has_wire_code(res.results[i].found))
			fail_msg("%s: %s found \"%s\"", sc->id,
				 res.results[i].check->kind,
				 res.results[i].found);
}

/* Materials with very long names: the finding is cut between whole
 * names ("等" for the rest), so the result still makes JSON. */
static void long_names_cut_whole(void)
{
	const struct training_scenario *sc = find("t05_notice_three_missing");
	json_t *st = json_deep_copy(json_object_get(
	    json_array_get(
		json_object_get(json_object_get(states, sc->id), "wrong"), 0),
	    "state"));
	json_t *items = json_object_get(
	    json_array_get(
		json_object_get(json_array_get(json_object_get(st, "cases"), 0),
				"notices"),
		0),
	    "items");
	char name[400] = "";
	struct training_result res;
	struct wc_error err;
	json_t *e, *j;
	size_t i;

	for (i = 0; i < 20; i++) /* 240 bytes: not one fits whole */
		strcat(name, "材料名称");
	json_array_foreach(items, i, e)
	    json_object_set_new(e, "name", json_string(name));
	assert_int_equal(training_evaluate(sc, st, 0, 0, &res, &err), 0);
	assert_non_null(strstr(res.results[0].found, "等"));
	j = training_result_to_json(sc, &res);
	assert_non_null(j);
	json_decref(j);
	json_decref(st);
}

/* Issue 14.9: the debrief's evidence names materials, windows, states in
 * Chinese words, for every check of every ideal and wrong state. */
static void test_findings_in_chinese(void **state)
{
	struct training_result res;
	const char *id;
	json_t *entry;

	(void)state;
	json_object_foreach(states, id, entry)
	{
		const json_t *w;
		size_t i;

		expect_chinese_findings(find(id),
					json_object_get(entry, "ideal"));
		json_array_foreach(json_object_get(entry, "wrong"), i, w)
		    expect_chinese_findings(find(id),
					    json_object_get(w, "state"));
	}
	assert_string_equal(
	    result_of(
		find("t02_inquiry_handoff"),
		json_object_get(json_object_get(states, "t02_inquiry_handoff"),
				"ideal"),
		"handoff_acknowledged", &res)
		->found,
	    "转给3号窗口，对方已接收");
	assert_string_equal(
	    result_of(
		find("t04_complete_normal"),
		json_object_get(json_object_get(states, "t04_complete_normal"),
				"ideal"),
		"case_status", &res)
		->found,
	    "办件状态为“已受理”");
	assert_string_equal(
	    result_of(
		find("t07_tolerant_allowed"),
		json_object_get(json_object_get(states, "t07_tolerant_allowed"),
				"ideal"),
		"commitment_materials", &res)
		->found,
	    "承诺补交：主要设备设施清单");
	assert_string_equal(training_word(TRAINING_WORD_CASE_STATUS, "nope"),
			    "?");
	long_names_cut_whole();
}

/* Issue 14.10: the trainer's list of lost checks names every check of
 * every shipped scenario in Chinese. */
static void test_check_names(void **state)
{
	(void)state;
	for (size_t i = 0; i < n_scenarios; i++)
		for (size_t c = 0; c < scenarios[i]->n_checks; c++)
			if (strcmp(training_check_name(
				       scenarios[i]->checks[c].kind),
				   "?") == 0)
				fail_msg("%s: %s has no name", scenarios[i]->id,
					 scenarios[i]->checks[c].kind);
	assert_string_equal(training_check_name("handoff_count"), "一次转到位");
	assert_string_equal(training_check_name("nope"), "?");
	assert_string_equal(training_check_name(NULL), "?");
}

static void test_hints_cost_never_below_zero(void **state)
{
	const struct training_scenario *sc = find("t07_tolerant_allowed");
	json_t *ideal =
	    json_object_get(json_object_get(states, sc->id), "ideal");
	json_t *empty = json_pack("{s:[], s:[]}", "cases", "inquiries");
	struct training_result res;
	struct wc_error err;

	(void)state;
	assert_int_equal(training_evaluate(sc, ideal, 1, 0, &res, &err), 0);
	assert_int_equal(res.hint_cost, sc->hints[0].cost);
	assert_int_equal(res.score, 100 - sc->hints[0].cost);
	assert_int_equal(training_evaluate(sc, ideal, 99, 0, &res, &err), 0);
	assert_int_equal(res.hint_cost, sc->hints[0].cost + sc->hints[1].cost);
	assert_int_equal(training_evaluate(sc, empty, 2, 0, &res, &err), 0);
	assert_int_equal(res.earned, 0);
	assert_int_equal(res.score, 0);
	json_decref(empty);
}

static void test_bad_state_refused(void **state)
{
	json_t *bad = json_pack("{s:s}", "cases", "x");
	struct training_result res;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(training_evaluate(scenarios[0], bad, 0, 0, &res, &err),
			 -1);
	assert_string_equal(err.field, "state");
	json_decref(bad);
}

/* A minimal valid scenario, changed by one edit at a time. */
static const char base[] =
    "{\"id\":\"x1\",\"title\":\"t\",\"kind\":\"case\",\"brief\":\"b\","
    "\"applicant\":{\"name\":\"张三\",\"id_type\":\"resident_id\","
    "\"id_no\":\"11010519491231002X\",\"phone\":\"13800000000\","
    "\"says\":[\"你好\"]},\"item_code\":\"000131101000\","
    "\"scenario_id\":\"in_person\",\"materials\":[{\"id\":"
    "\"application_form\",\"condition\":\"provided\"}],"
    "\"hidden_facts\":[],\"hints\":[],\"checks\":[{\"check\":"
    "\"case_status\",\"status\":\"accepted\",\"points\":10,\"rule\":"
    "\"R2\",\"explain\":\"e\"}]}";

static void expect_refused(const char *path_expr, json_t *value,
			   const char *field, const char *says)
{
	json_t *root = json_loads(base, 0, NULL), *obj = root;
	char key[64], *dot;
	struct training_scenario *sc;
	struct wc_error err = {0};

	snprintf(key, sizeof(key), "%s", path_expr);
	while ((dot = strchr(key, '.'))) {
		*dot = '\0';
		obj = json_is_array(obj)
			  ? json_array_get(obj, (size_t)atoi(key))
			  : json_object_get(obj, key);
		memmove(key, dot + 1, strlen(dot + 1) + 1);
	}
	if (value)
		json_object_set_new(obj, key, value);
	else
		json_object_del(obj, key);
	sc = training_scenario_from_json(root, &err);
	assert_null(sc);
	assert_string_equal(err.field, field);
	if (!strstr(err.message, says))
		fail_msg("%s: message '%s' lacks '%s'", path_expr, err.message,
			 says);
	json_decref(root);
}

static void test_broken_scenarios_refused(void **state)
{
	struct wc_error err;
	struct training_scenario *sc =
	    training_scenario_load_text(base, strlen(base), &err);

	(void)state;
	assert_non_null(sc);
	training_scenario_free(&sc);
	assert_null(sc);
	expect_refused("checks.0.check", json_string("guess_points"),
		       "checks[0].check",
		       "unknown check kind \"guess_points\"");
	expect_refused("applicant.id_no", NULL, "applicant.id_no", "required");
	expect_refused("applicant.id_no", json_string("110105194912310021"),
		       "applicant.id_no", "not a valid resident_id");
	expect_refused("checks.0.status", NULL, "checks[0]",
		       "needs s:status|a:statuses");
	expect_refused("checks.0.rule", json_string("R9"), "checks[0].rule",
		       "R1 to R6");
	expect_refused("checks.0.explain", json_string(""), "checks[0].explain",
		       "required");
	expect_refused("materials.0.condition", json_string("defective"),
		       "materials[0].defect", "required");
	expect_refused("scenario_id", NULL, "scenario_id", "required");
	expect_refused("kind", json_string("quiz"), "kind", "inquiry or case");
	expect_refused("checks", json_array(), "checks", "array of 1");
	assert_null(training_scenario_load_text("{", 1, &err));
	assert_string_equal(err.code, "bad_request");
}

/* The typed members the client reads agree with the JSON they come
 * from, for every shipped scenario. */
static void test_typed_members(void **state)
{
	const struct training_scenario *t02 = find("t02_inquiry_handoff");
	const struct training_scenario *t06 = find("t06_defective_material");
	const struct training_scenario *t11 = find("t11_commitment_fulfilled");

	(void)state;
	for (size_t i = 0; i < n_scenarios; i++) {
		const struct training_scenario *sc = scenarios[i];

		assert_int_equal(sc->type, strcmp(sc->kind, "case") == 0
					       ? TRAINING_CASE
					       : TRAINING_INQUIRY);
		assert_int_equal(sc->n_says,
				 json_array_size(sc->applicant_says));
		assert_int_equal(sc->n_persona_materials,
				 json_array_size(sc->materials));
		assert_int_equal(sc->n_rules, json_array_size(json_object_get(
						  sc->root, "rules")));
		for (size_t k = 0; k < sc->n_persona_materials; k++)
			assert_string_equal(
			    sc->persona_materials[k].id,
			    json_string_value(json_object_get(
				json_array_get(sc->materials, k), "id")));
	}
	assert_non_null(t02);
	assert_true(t02->has_colleague);
	assert_string_equal(t02->colleague.username, "window3");
	assert_string_equal(t02->colleague.window, "3");
	assert_true(t02->colleague.acknowledges);
	assert_int_equal(t02->travel_days, 0);
	assert_non_null(t06);
	assert_false(t06->has_colleague);
	assert_int_equal(t06->persona_materials[2].condition, STATE_DEFECTIVE);
	assert_non_null(t06->persona_materials[2].defect);
	assert_null(t06->persona_materials[0].defect);
	assert_non_null(t11);
	assert_int_equal(t11->travel_days, 2);
	assert_true(t11->has_travel_after);
	assert_int_equal(t11->travel_after, CASE_ACCEPTED_TOLERANT);
}

/* The members the typed view adds are checked when loaded. */
static void test_typed_members_refused(void **state)
{
	json_t *travel = json_pack("{s:i, s:s}", "working_days", 2, "after",
				   "accepted_somehow");

	(void)state;
	expect_refused("time_travel", travel, "time_travel.after",
		       "case status");
	expect_refused("time_travel", json_pack("{s:i}", "working_days", 0),
		       "time_travel.working_days", "from 1 to 60");
	expect_refused("rules", json_pack("[s]", "R7"), "rules", "R1 to R6");
	expect_refused("materials.0.condition", json_string("pending"),
		       "materials[0].condition", "unknown condition");
}

static void test_catalog_mismatch_refused(void **state)
{
	json_t *root = json_loads(base, 0, NULL);
	struct training_scenario *sc;
	struct wc_error err = {0};

	(void)state;
	json_object_set_new(root, "scenario_id", json_string("by_agent"));
	sc = training_scenario_from_json(root, &err);
	assert_non_null(sc);
	assert_int_equal(training_scenario_check_catalog(sc, demo, &err), -1);
	assert_string_equal(err.field, "materials");
	training_scenario_free(&sc);
	json_object_set_new(root, "item_code", json_string("999"));
	sc = training_scenario_from_json(root, &err);
	assert_int_equal(training_scenario_check_catalog(sc, demo, &err), -1);
	assert_string_equal(err.field, "item_code");
	training_scenario_free(&sc);
	json_decref(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_scenario_loads),
	    cmocka_unit_test(test_scenarios_cover_issue),
	    cmocka_unit_test(test_ideal_states_full_marks),
	    cmocka_unit_test(test_wrong_states_lose_points),
	    cmocka_unit_test(test_notice_split_explained),
	    cmocka_unit_test(test_at_most_needs_the_act),
	    cmocka_unit_test(test_findings_in_chinese),
	    cmocka_unit_test(test_check_names),
	    cmocka_unit_test(test_hints_cost_never_below_zero),
	    cmocka_unit_test(test_bad_state_refused),
	    cmocka_unit_test(test_broken_scenarios_refused),
	    cmocka_unit_test(test_catalog_mismatch_refused),
	    cmocka_unit_test(test_typed_members),
	    cmocka_unit_test(test_typed_members_refused),
	};

	return cmocka_run_group_tests(tests, load_all, free_all);
}
