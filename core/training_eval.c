/* training_eval.c - scoring a training scenario: each expected check is
 * evaluated against the server state the trainee left (cases, inquiries,
 * credit as wincased returns them). A check that forbids something
 * ("no_handoff", "no_tolerant_acceptance") passes only when the trainee
 * did the work it is about (an inquiry or a case exists): doing nothing
 * earns nothing. */
#include "wincase/training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/lifecycle.h"
#include "wincase/review_words.h"

#define WORD(vocabulary, code) training_word(TRAINING_WORD_##vocabulary, code)

/* What a check sees: the persona's cases and inquiries (borrowed). */
struct eval_view {
	const struct training_scenario *sc;
	const json_t *state;
	json_t *cases; /* new array of borrowed-in references */
	json_t *inquiries;
	const json_t *newest_case; /* highest id, or NULL */
};

typedef bool (*check_fn)(const struct eval_view *v, const json_t *args,
			 char *found, size_t size);

static const char *str(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? s : "";
}

/* R: the object's applicant is the scenario's persona. */
static bool is_persona(const struct training_scenario *sc, const json_t *obj)
{
	const json_t *a = json_object_get(obj, "applicant");
	const char *id_no = json_string_value(json_object_get(a, "id_no"));

	if (id_no && *id_no)
		return strcmp(id_no, sc->applicant_id_no) == 0;
	return strcmp(str(a, "name"), sc->applicant_name) == 0;
}

static json_t *select_objects(const struct training_scenario *sc,
			      const json_t *list, const char *user,
			      const char *owner_key)
{
	json_t *out = json_array();
	const json_t *o;
	size_t i;

	json_array_foreach(list, i, o)
	{
		if (!json_is_object(o) || !is_persona(sc, o))
			continue;
		if (user && strcmp(str(o, owner_key), user) != 0)
			continue;
		json_array_append(out, (json_t *)o);
	}
	return out;
}

/* The name of material id: as the newest case's checklist names it. */
static const char *material_name(const struct eval_view *v, const char *id)
{
	const json_t *line;
	size_t i;

	json_array_foreach(
	    json_object_get(v->newest_case, "checklist"), i,
	    line) if (strcmp(str(line, "material_id"), id) == 0 &&
		      *str(line, "name")) return str(line, "name");
	return "?";
}

/* prefix and the names of the materials of list ({"material_id",
 * "name"?} objects), "、" between them, into found; a name that does not
 * fit whole is left out for "等" (never half a character). */
static void names_into(const struct eval_view *v, char *found, size_t size,
		       const char *prefix, const json_t *list)
{
	static const char more[] = "等";
	const json_t *e;
	size_t i, used;

	snprintf(found, size, "%s", prefix);
	json_array_foreach(list, i, e)
	{
		const char *name = str(e, "name");
		const char *sep = i ? "、" : "";

		if (!*name)
			name = material_name(v, str(e, "material_id"));
		used = strlen(found);
		if (used + strlen(sep) + strlen(name) + sizeof(more) > size) {
			if (used + sizeof(more) <= size)
				memcpy(found + used, more, sizeof(more));
			return;
		}
		snprintf(found + used, size - used, "%s%s", sep, name);
	}
}

/* found cut by snprintf may end inside a UTF-8 sequence: drop that part
 * (results are JSON, which takes only whole characters). */
static void utf8_tail_trim(char *s)
{
	size_t n = strlen(s), i = n, need;
	unsigned char lead;

	while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	lead = (unsigned char)s[i - 1];
	need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (n - (i - 1) < need)
		s[i - 1] = '\0';
}

/* Same members, in any order, no duplicates counted twice. */
static bool same_set(const json_t *a, const json_t *b)
{
	const json_t *x, *y;
	size_t i, k;

	if (json_array_size(a) != json_array_size(b))
		return false;
	json_array_foreach(a, i, x)
	{
		bool seen = false;

		json_array_foreach(b, k, y) seen =
		    seen || json_equal((json_t *)x, (json_t *)y);
		if (!seen)
			return false;
	}
	return true;
}

/* New array: the "material_id" of each object of list. */
static json_t *material_ids(const json_t *list)
{
	json_t *ids = json_array();
	const json_t *e;
	size_t i;

	json_array_foreach(list, i, e)
	    json_array_append_new(ids, json_string(str(e, "material_id")));
	return ids;
}

/* s equals args' string key, or is one of its array alt. */
static bool matches_one(const json_t *args, const char *key, const char *alt,
			const char *s)
{
	const json_t *list = json_object_get(args, alt), *e;
	size_t i;

	if (json_is_string(json_object_get(args, key)))
		return strcmp(str(args, key), s) == 0;
	json_array_foreach(list, i, e) if (json_is_string(e) &&
					   strcmp(json_string_value(e), s) ==
					       0) return true;
	return false;
}

static bool need_inquiry(const struct eval_view *v, char *found, size_t size)
{
	if (json_array_size(v->inquiries) > 0)
		return true;
	snprintf(found, size, "没有登记咨询");
	return false;
}

static bool need_case(const struct eval_view *v, char *found, size_t size)
{
	if (v->newest_case)
		return true;
	snprintf(found, size, "没有建立办件");
	return false;
}

/* R1 checks. */
static bool check_inquiry_registered(const struct eval_view *v,
				     const json_t *args, char *found,
				     size_t size)
{
	(void)args;
	return need_inquiry(v, found, size);
}

static bool check_inquiry_closed(const struct eval_view *v, const json_t *args,
				 char *found, size_t size)
{
	const json_t *q;
	size_t i;

	if (!need_inquiry(v, found, size))
		return false;
	json_array_foreach(v->inquiries, i, q)
	{
		const char *res = str(q, "resolution");
		enum inquiry_status st;

		if (*res)
			snprintf(found, size, "咨询状态为“%s”，办结方式为“%s”",
				 WORD(INQUIRY_STATUS, str(q, "status")),
				 WORD(RESOLUTION, res));
		else
			snprintf(found, size, "咨询状态为“%s”，尚未办结",
				 WORD(INQUIRY_STATUS, str(q, "status")));
		if (inquiry_status_parse(str(q, "status"), &st) &&
		    st == INQUIRY_CLOSED &&
		    matches_one(args, "resolution", "resolutions", res))
			return true;
	}
	return false;
}

static size_t count_handoffs(const struct eval_view *v)
{
	const json_t *q;
	size_t i, n = 0;

	json_array_foreach(v->inquiries, i, q) n +=
	    json_array_size(json_object_get(q, "handoffs"));
	return n;
}

static bool check_handoff_acknowledged(const struct eval_view *v,
				       const json_t *args, char *found,
				       size_t size)
{
	const char *to_window =
	    json_string_value(json_object_get(args, "to_window"));
	const json_t *q, *h;
	size_t i, k;

	if (!need_inquiry(v, found, size))
		return false;
	snprintf(found, size, "没有转办");
	json_array_foreach(v->inquiries, i, q)
	{
		json_array_foreach(json_object_get(q, "handoffs"), k, h)
		{
			const char *target = to_window
						 ? str(h, "to_window")
						 : str(h, "to_department");
			bool acked = *str(h, "acknowledged_by") != '\0';

			snprintf(found, size, "转给%s%s，对方%s",
				 *target ? target : "?",
				 to_window && *target ? "号窗口" : "",
				 acked ? "已接收" : "尚未接收");
			if (acked &&
			    strcmp(target,
				   to_window ? to_window
					     : str(args, "to_department")) == 0)
				return true;
		}
	}
	return false;
}

static bool check_handoff_count(const struct eval_view *v, const json_t *args,
				char *found, size_t size)
{
	size_t n;

	if (!need_inquiry(v, found, size))
		return false;
	n = count_handoffs(v);
	if (n == 0)
		snprintf(found, size, "没有转办");
	else
		snprintf(found, size, "转办 %zu 次", n);
	/* "At most" is about a handoff that was made: none earns nothing. */
	return n >= 1 &&
	       n <= (size_t)json_integer_value(json_object_get(args, "max"));
}

static bool check_no_handoff(const struct eval_view *v, const json_t *args,
			     char *found, size_t size)
{
	(void)args;
	if (!need_inquiry(v, found, size))
		return false;
	snprintf(found, size, "转办 %zu 次", count_handoffs(v));
	return count_handoffs(v) == 0;
}

static bool check_not_bounced(const struct eval_view *v, const json_t *args,
			      char *found, size_t size)
{
	const json_t *q;
	size_t i;

	(void)args;
	if (!need_inquiry(v, found, size))
		return false;
	json_array_foreach(v->inquiries, i,
			   q) if (json_is_true(json_object_get(q, "bounced")))
	{
		snprintf(found, size, "咨询 %s 被认定为推诿", str(q, "no"));
		return false;
	}
	return true;
}

static bool check_no_case(const struct eval_view *v, const json_t *args,
			  char *found, size_t size)
{
	(void)args;
	if (!need_inquiry(v, found, size))
		return false;
	snprintf(found, size, "建立了 %zu 件办件", json_array_size(v->cases));
	return json_array_size(v->cases) == 0;
}

/* R2 checks. */
static bool check_case_created(const struct eval_view *v, const json_t *args,
			       char *found, size_t size)
{
	const json_t *c;
	size_t i;

	if (!need_case(v, found, size))
		return false;
	json_array_foreach(v->cases, i, c)
	{
		bool item =
		    strcmp(str(c, "item_code"), str(args, "item_code")) == 0;
		bool scenario = strcmp(str(c, "scenario_id"),
				       str(args, "scenario_id")) == 0;

		snprintf(found, size, "办件事项%s，办事情形%s",
			 item ? "相符" : "不符", scenario ? "相符" : "不符");
		if (item && scenario)
			return true;
	}
	return false;
}

static bool check_case_status(const struct eval_view *v, const json_t *args,
			      char *found, size_t size)
{
	const char *status;

	if (!need_case(v, found, size))
		return false;
	status = str(v->newest_case, "status");
	snprintf(found, size, "办件状态为“%s”", WORD(CASE_STATUS, status));
	return matches_one(args, "status", "statuses", status);
}

static bool check_material_state(const struct eval_view *v, const json_t *args,
				 char *found, size_t size)
{
	const json_t *line;
	size_t i;

	if (!need_case(v, found, size))
		return false;
	snprintf(found, size, "材料清单中没有这项材料");
	json_array_foreach(json_object_get(v->newest_case, "checklist"), i,
			   line)
	{
		if (strcmp(str(line, "material_id"), str(args, "material")) !=
		    0)
			continue;
		snprintf(found, size, "%s：%s",
			 material_name(v, str(line, "material_id")),
			 WORD(MATERIAL_STATE, str(line, "state")));
		return strcmp(str(line, "state"), str(args, "state")) == 0;
	}
	return false;
}

static bool check_notice_lists(const struct eval_view *v, const json_t *args,
			       char *found, size_t size)
{
	const json_t *notices, *first;
	json_t *ids;
	bool ok;

	if (!need_case(v, found, size))
		return false;
	notices = json_object_get(v->newest_case, "notices");
	first = json_array_get(notices, 0);
	if (!first) {
		snprintf(found, size, "没有出具一次性告知书");
		return false;
	}
	ids = material_ids(json_object_get(first, "items"));
	names_into(v, found, size, "告知书列出：",
		   json_object_get(first, "items"));
	ok = same_set(ids, json_object_get(args, "materials"));
	json_decref(ids);
	return ok;
}

static bool check_notice_count(const struct eval_view *v, const json_t *args,
			       char *found, size_t size)
{
	size_t n;

	if (!need_case(v, found, size))
		return false;
	n = json_array_size(json_object_get(v->newest_case, "notices"));
	snprintf(found, size, "出具告知书 %zu 份", n);
	return n == (size_t)json_integer_value(json_object_get(args, "count"));
}

static bool check_no_once_violation(const struct eval_view *v,
				    const json_t *args, char *found,
				    size_t size)
{
	const json_t *c, *n;
	size_t i, k;

	(void)args;
	if (!need_case(v, found, size))
		return false;
	json_array_foreach(v->cases, i, c)
	    json_array_foreach(json_object_get(c, "notices"), k, n)
	{
		if (json_is_true(json_object_get(n, "once_violation"))) {
			snprintf(found, size, "告知书 %s 超出一次性告知范围",
				 str(n, "no"));
			return false;
		}
	}
	return true;
}

/* R3 checks. */
static bool check_no_tolerant_acceptance(const struct eval_view *v,
					 const json_t *args, char *found,
					 size_t size)
{
	const json_t *c;
	size_t i;

	(void)args;
	if (!need_case(v, found, size))
		return false;
	json_array_foreach(v->cases, i, c)
	{
		const json_t *m = json_object_get(c, "commitment");
		enum case_status st;

		if ((case_status_parse(str(c, "status"), &st) &&
		     st == CASE_ACCEPTED_TOLERANT) ||
		    json_is_object(m)) {
			snprintf(found, size, "办件 %s 已容缺受理",
				 str(c, "no"));
			return false;
		}
	}
	return true;
}

static bool check_no_acceptance(const struct eval_view *v, const json_t *args,
				char *found, size_t size)
{
	const json_t *c;
	size_t i;

	(void)args;
	if (!need_case(v, found, size))
		return false;
	json_array_foreach(v->cases, i, c)
	{
		const json_t *at = json_object_get(c, "accepted_at");
		enum case_status st;

		if ((json_is_string(at) && *json_string_value(at)) ||
		    (case_status_parse(str(c, "status"), &st) &&
		     case_is_accepted(st))) {
			snprintf(found, size, "办件 %s 已受理（%s）",
				 str(c, "no"),
				 WORD(CASE_STATUS, str(c, "status")));
			return false;
		}
	}
	return true;
}

static const json_t *newest_commitment(const struct eval_view *v, char *found,
				       size_t size)
{
	const json_t *m;

	if (!need_case(v, found, size))
		return NULL;
	m = json_object_get(v->newest_case, "commitment");
	if (!json_is_object(m)) {
		snprintf(found, size, "没有承诺书");
		return NULL;
	}
	return m;
}

static bool check_commitment_status(const struct eval_view *v,
				    const json_t *args, char *found,
				    size_t size)
{
	const json_t *m = newest_commitment(v, found, size);

	if (!m)
		return false;
	snprintf(found, size, "承诺书状态为“%s”",
		 WORD(COMMITMENT_STATUS, str(m, "status")));
	return strcmp(str(m, "status"), str(args, "status")) == 0;
}

static bool check_commitment_materials(const struct eval_view *v,
				       const json_t *args, char *found,
				       size_t size)
{
	const json_t *m = newest_commitment(v, found, size);
	json_t *ids;
	bool ok;

	if (!m)
		return false;
	ids = material_ids(json_object_get(m, "materials"));
	names_into(v, found, size, "承诺补交：",
		   json_object_get(m, "materials"));
	ok = same_set(ids, json_object_get(args, "materials"));
	json_decref(ids);
	return ok;
}

/* R4 and R5 checks. */
static bool check_case_result(const struct eval_view *v, const json_t *args,
			      char *found, size_t size)
{
	const char *result;

	if (!need_case(v, found, size))
		return false;
	result = str(v->newest_case, "result");
	if (*result)
		snprintf(found, size, "办理结果为“%s”", WORD(RESULT, result));
	else
		snprintf(found, size, "尚无办理结果");
	return strcmp(result, str(args, "result")) == 0;
}

static bool check_rating(const struct eval_view *v, const json_t *args,
			 char *found, size_t size)
{
	const json_t *r;
	json_int_t level;
	size_t reasons;

	if (!need_case(v, found, size))
		return false;
	r = json_object_get(v->newest_case, "rating");
	if (!json_is_object(r)) {
		snprintf(found, size, "申请人尚未评价");
		return false;
	}
	level = json_integer_value(json_object_get(r, "level"));
	reasons = json_array_size(json_object_get(r, "reasons"));
	snprintf(found, size, "评价为“%s”（%lld 级），写明原因 %zu 条",
		 review_words_rating((int)level), (long long)level, reasons);
	if (level != json_integer_value(json_object_get(args, "level")))
		return false;
	/* R5: a rating of 1-2 with its reasons opens a rectification. */
	return !json_is_true(json_object_get(args, "rectification")) ||
	       (level <= 2 && reasons > 0);
}

static bool check_credit_breaches(const struct eval_view *v, const json_t *args,
				  char *found, size_t size)
{
	const json_t *credit = json_object_get(v->state, "credit");
	json_int_t n = json_integer_value(json_object_get(credit, "breached"));

	snprintf(found, size, "信用记录中失信 %lld 次", (long long)n);
	return json_is_object(credit) &&
	       n >= json_integer_value(json_object_get(args, "min"));
}

static const struct {
	const char *kind;
	check_fn fn;
} check_fns[] = {
    {"inquiry_registered", check_inquiry_registered},
    {"inquiry_closed", check_inquiry_closed},
    {"handoff_acknowledged", check_handoff_acknowledged},
    {"handoff_count", check_handoff_count},
    {"no_handoff", check_no_handoff},
    {"not_bounced", check_not_bounced},
    {"no_case", check_no_case},
    {"case_created", check_case_created},
    {"case_status", check_case_status},
    {"material_state", check_material_state},
    {"notice_lists", check_notice_lists},
    {"notice_count", check_notice_count},
    {"no_once_violation", check_no_once_violation},
    {"no_tolerant_acceptance", check_no_tolerant_acceptance},
    {"no_acceptance", check_no_acceptance},
    {"commitment_status", check_commitment_status},
    {"commitment_materials", check_commitment_materials},
    {"case_result", check_case_result},
    {"rating", check_rating},
    {"credit_breaches", check_credit_breaches},
};

static check_fn check_fn_find(const char *kind)
{
	for (size_t i = 0; i < sizeof(check_fns) / sizeof(check_fns[0]); i++)
		if (strcmp(check_fns[i].kind, kind) == 0)
			return check_fns[i].fn;
	return NULL;
}

static int view_init(struct eval_view *v, const struct training_scenario *sc,
		     const json_t *state, struct wc_error *err)
{
	const char *user;
	const json_t *cases = json_object_get(state, "cases");
	const json_t *inquiries = json_object_get(state, "inquiries"), *c;
	size_t i;

	if (!json_is_object(state) || (cases && !json_is_array(cases)) ||
	    (inquiries && !json_is_array(inquiries)))
		return wc_error_set(err, "invalid_field", "state",
				    "the state is {\"cases\":[...], "
				    "\"inquiries\":[...], \"credit\"?, "
				    "\"user\"?}");
	user = json_string_value(json_object_get(state, "user"));
	memset(v, 0, sizeof(*v));
	v->sc = sc;
	v->state = state;
	v->cases = select_objects(sc, cases, user, "created_by");
	v->inquiries = select_objects(sc, inquiries, user, "first_responder");
	json_array_foreach(
	    v->cases, i, c) if (!v->newest_case ||
				json_integer_value(json_object_get(c, "id")) >
				    json_integer_value(
					json_object_get(v->newest_case, "id")))
	    v->newest_case = c;
	return 0;
}

int training_evaluate(const struct training_scenario *sc, const json_t *state,
		      size_t hints_used, int seconds,
		      struct training_result *out, struct wc_error *err)
{
	struct eval_view v;

	memset(out, 0, sizeof(*out));
	if (view_init(&v, sc, state, err) < 0)
		return -1;
	for (size_t i = 0; i < sc->n_checks; i++) {
		struct training_check_result *r = &out->results[i];
		check_fn fn = check_fn_find(sc->checks[i].kind);

		r->check = &sc->checks[i];
		r->passed = fn && fn(&v, sc->checks[i].args, r->found,
				     sizeof(r->found));
		utf8_tail_trim(r->found);
		r->points = r->passed ? sc->checks[i].points : 0;
		out->earned += r->points;
	}
	out->n = sc->n_checks;
	out->max_points = sc->max_points;
	for (size_t i = 0; i < hints_used && i < sc->n_hints; i++)
		out->hint_cost += sc->hints[i].cost;
	out->score =
	    out->earned > out->hint_cost ? out->earned - out->hint_cost : 0;
	out->seconds = seconds;
	json_decref(v.cases);
	json_decref(v.inquiries);
	return 0;
}

json_t *training_result_to_json(const struct training_scenario *sc,
				const struct training_result *res)
{
	json_t *checks = json_array();

	for (size_t i = 0; i < res->n; i++) {
		const struct training_check_result *r = &res->results[i];

		json_array_append_new(
		    checks,
		    json_pack("{s:s, s:s, s:i, s:i, s:b, s:s, s:s}", "check",
			      r->check->kind, "rule", r->check->rule, "points",
			      r->check->points, "earned", r->points, "passed",
			      r->passed, "explain", r->check->explain, "found",
			      r->found));
	}
	return json_pack("{s:s, s:s, s:i, s:i, s:i, s:i, s:i, s:o}", "scenario",
			 sc->id, "title", sc->title, "score", res->score,
			 "max_points", res->max_points, "earned", res->earned,
			 "hint_cost", res->hint_cost, "seconds", res->seconds,
			 "checks", checks);
}
