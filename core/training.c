/* training.c - loading and validating training scenarios (docs/training.md).
 * A scenario that names an unknown check kind, lacks a field or has an
 * invalid identifier is refused with the field that is wrong, so that a
 * mistake in conf/training/ is found when the file is loaded, not in the
 * middle of a trainee's debrief. */
#include "wincase/training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/catalog.h"
#include "wincase/validate.h"

#define TRAINING_ID_MAX 64

/* Each check kind with its arguments: space-separated tokens, each a set of
 * alternatives joined by '|' ("one of these"), each alternative "T:name"
 * with T s (string), a (array of strings), i (integer), b (boolean); a
 * token starting with '?' is optional. */
struct check_spec {
	const char *kind;
	const char *args;
};

static const struct check_spec check_specs[] = {
    {"inquiry_registered", ""},
    {"inquiry_closed", "s:resolution|a:resolutions"},
    {"handoff_acknowledged", "s:to_window|s:to_department"},
    {"handoff_count", "i:max"},
    {"no_handoff", ""},
    {"not_bounced", ""},
    {"no_case", ""},
    {"case_created", "s:item_code s:scenario_id"},
    {"case_status", "s:status|a:statuses"},
    {"material_state", "s:material s:state"},
    {"notice_lists", "a:materials"},
    {"notice_count", "i:count"},
    {"no_once_violation", ""},
    {"no_tolerant_acceptance", ""},
    {"no_acceptance", ""},
    {"commitment_status", "s:status"},
    {"commitment_materials", "a:materials"},
    {"case_result", "s:result"},
    {"rating", "i:level ?b:rectification"},
    {"credit_breaches", "i:min"},
};

static const char *const fact_kinds[] = {
    "breach_on_record", "defective_copy", "colleague",
    "returns_with",	"never_returns",  "rating",
};

static const char *const conditions[] = {"provided", "missing", "defective",
					 "shared"};

static const struct check_spec *check_spec_find(const char *kind)
{
	for (size_t i = 0; i < sizeof(check_specs) / sizeof(check_specs[0]);
	     i++)
		if (strcmp(check_specs[i].kind, kind) == 0)
			return &check_specs[i];
	return NULL;
}

static bool in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* 1-64 of a-z 0-9 _ (scenario ids become result keys and file names). */
static bool training_is_id(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0 || n > TRAINING_ID_MAX)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

/* A required non-empty string member into *out. */
static int get_text(const json_t *obj, const char *key, const char *field,
		    const char **out, struct wc_error *err)
{
	const char *s = json_string_value(json_object_get(obj, key));

	if (!s || !*s)
		return wc_error_set(err, "invalid_field", field,
				    "%s is required (a non-empty string)",
				    field);
	if (validate_text(s, TEXT_MAX_CHARS, true) != VALID_OK)
		return wc_error_set(err, "invalid_field", field,
				    "%s is not valid text", field);
	*out = s;
	return 0;
}

static int get_int(const json_t *obj, const char *key, const char *field,
		   int min, int max, int *out, struct wc_error *err)
{
	const json_t *v = json_object_get(obj, key);

	if (!json_is_integer(v) || json_integer_value(v) < min ||
	    json_integer_value(v) > max)
		return wc_error_set(err, "invalid_field", field,
				    "%s must be an integer from %d to %d",
				    field, min, max);
	*out = (int)json_integer_value(v);
	return 0;
}

static bool is_string_array(const json_t *v)
{
	size_t i;
	const json_t *e;

	if (!json_is_array(v) || json_array_size(v) == 0)
		return false;
	json_array_foreach(v, i, e) if (!json_is_string(e)) return false;
	return true;
}

static bool arg_matches(const json_t *check, const char *alt, size_t len)
{
	char name[64];
	const json_t *v;

	if (len < 3 || len - 2 >= sizeof(name))
		return false;
	memcpy(name, alt + 2, len - 2);
	name[len - 2] = '\0';
	v = json_object_get(check, name);
	switch (alt[0]) {
	case 's':
		return json_is_string(v) && *json_string_value(v);
	case 'a':
		return is_string_array(v);
	case 'i':
		return json_is_integer(v) && json_integer_value(v) >= 0;
	case 'b':
		return json_is_boolean(v);
	}
	return false;
}

/* One token of a spec: true when one of its alternatives is present. */
static bool token_matches(const json_t *check, const char *tok, size_t len)
{
	while (len > 0) {
		const char *bar = memchr(tok, '|', len);
		size_t alt = bar ? (size_t)(bar - tok) : len;

		if (arg_matches(check, tok, alt))
			return true;
		tok += alt;
		len -= alt;
		if (len) {
			tok++;
			len--;
		}
	}
	return false;
}

static int check_args(const json_t *check, const struct check_spec *spec,
		      const char *field, struct wc_error *err)
{
	const char *p = spec->args;

	while (*p) {
		size_t len = strcspn(p, " ");
		bool optional = *p == '?';
		const char *tok = optional ? p + 1 : p;
		size_t tlen = optional ? len - 1 : len;
		char want[96];

		snprintf(want, sizeof(want), "%.*s", (int)tlen, tok);
		if (!token_matches(check, tok, tlen)) {
			/* An optional argument may be absent, not wrong. */
			bool absent =
			    optional && !json_object_get(check, want + 2);

			if (!absent)
				return wc_error_set(
				    err, "invalid_field", field,
				    "check %s needs %s (T:name: s string, a "
				    "array of strings, i integer, b boolean)",
				    spec->kind, want);
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	return 0;
}

static int load_check(struct training_scenario *sc, const json_t *c, size_t i,
		      struct wc_error *err)
{
	struct training_check *out = &sc->checks[i];
	const struct check_spec *spec;
	char field[64];

	snprintf(field, sizeof(field), "checks[%zu].check", i);
	if (get_text(c, "check", field, &out->kind, err) < 0)
		return -1;
	spec = check_spec_find(out->kind);
	if (!spec)
		return wc_error_set(err, "invalid_field", field,
				    "unknown check kind \"%s\"", out->kind);
	snprintf(field, sizeof(field), "checks[%zu].points", i);
	if (get_int(c, "points", field, 0, 1000, &out->points, err) < 0)
		return -1;
	snprintf(field, sizeof(field), "checks[%zu].rule", i);
	if (get_text(c, "rule", field, &out->rule, err) < 0)
		return -1;
	if (strlen(out->rule) != 2 || out->rule[0] != 'R' ||
	    out->rule[1] < '1' || out->rule[1] > '6')
		return wc_error_set(err, "invalid_field", field,
				    "rule must be R1 to R6");
	snprintf(field, sizeof(field), "checks[%zu].explain", i);
	if (get_text(c, "explain", field, &out->explain, err) < 0)
		return -1;
	out->args = c;
	snprintf(field, sizeof(field), "checks[%zu]", i);
	return check_args(c, spec, field, err);
}

static int load_checks(struct training_scenario *sc, struct wc_error *err)
{
	const json_t *checks = json_object_get(sc->root, "checks"), *c;
	size_t i;

	if (!json_is_array(checks) || json_array_size(checks) == 0 ||
	    json_array_size(checks) > TRAINING_MAX_CHECKS)
		return wc_error_set(err, "invalid_field", "checks",
				    "checks must be an array of 1 to %d",
				    TRAINING_MAX_CHECKS);
	json_array_foreach(checks, i, c)
	{
		if (!json_is_object(c))
			return wc_error_set(err, "invalid_field", "checks",
					    "checks[%zu] is not an object", i);
		if (load_check(sc, c, i, err) < 0)
			return -1;
		sc->max_points += sc->checks[i].points;
	}
	sc->n_checks = json_array_size(checks);
	return 0;
}

static int load_hints(struct training_scenario *sc, struct wc_error *err)
{
	const json_t *hints = json_object_get(sc->root, "hints"), *h;
	char field[48];
	size_t i;

	if (!hints)
		return 0;
	if (!json_is_array(hints) ||
	    json_array_size(hints) > TRAINING_MAX_HINTS)
		return wc_error_set(err, "invalid_field", "hints",
				    "hints must be an array of at most %d",
				    TRAINING_MAX_HINTS);
	json_array_foreach(hints, i, h)
	{
		snprintf(field, sizeof(field), "hints[%zu].text", i);
		if (get_text(h, "text", field, &sc->hints[i].text, err) < 0)
			return -1;
		snprintf(field, sizeof(field), "hints[%zu].cost", i);
		if (get_int(h, "cost", field, 0, 1000, &sc->hints[i].cost,
			    err) < 0)
			return -1;
	}
	sc->n_hints = json_array_size(hints);
	return 0;
}

/* The persona: name, a valid identifier and phone, and what they say. */
static int load_applicant(struct training_scenario *sc, struct wc_error *err)
{
	const json_t *a = json_object_get(sc->root, "applicant");
	enum id_type type;

	if (!json_is_object(a))
		return wc_error_set(err, "invalid_field", "applicant",
				    "applicant is required (an object)");
	if (get_text(a, "name", "applicant.name", &sc->applicant_name, err) <
		0 ||
	    get_text(a, "id_type", "applicant.id_type", &sc->applicant_id_type,
		     err) < 0 ||
	    get_text(a, "id_no", "applicant.id_no", &sc->applicant_id_no, err) <
		0 ||
	    get_text(a, "phone", "applicant.phone", &sc->applicant_phone, err) <
		0)
		return -1;
	if (!id_type_parse(sc->applicant_id_type, &type))
		return wc_error_set(err, "invalid_field", "applicant.id_type",
				    "unknown id_type %s",
				    sc->applicant_id_type);
	if (validate_id(type, sc->applicant_id_no, 0) != VALID_OK)
		return wc_error_set(err, "invalid_field", "applicant.id_no",
				    "%s is not a valid %s", sc->applicant_id_no,
				    sc->applicant_id_type);
	if (validate_phone(sc->applicant_phone) != VALID_OK)
		return wc_error_set(err, "invalid_field", "applicant.phone",
				    "%s is not a valid phone number",
				    sc->applicant_phone);
	sc->applicant_says = json_object_get(a, "says");
	if (!is_string_array(sc->applicant_says) ||
	    json_array_size(sc->applicant_says) > TRAINING_MAX_SAYS)
		return wc_error_set(err, "invalid_field", "applicant.says",
				    "says must be an array of 1 to %d lines",
				    TRAINING_MAX_SAYS);
	sc->n_says = json_array_size(sc->applicant_says);
	for (size_t i = 0; i < sc->n_says; i++)
		sc->says[i] =
		    json_string_value(json_array_get(sc->applicant_says, i));
	return 0;
}

static int load_material(struct training_material *out, const json_t *m,
			 size_t i, struct wc_error *err)
{
	const char *s;
	char field[64];

	snprintf(field, sizeof(field), "materials[%zu].id", i);
	if (get_text(m, "id", field, &out->id, err) < 0)
		return -1;
	snprintf(field, sizeof(field), "materials[%zu].condition", i);
	if (get_text(m, "condition", field, &s, err) < 0)
		return -1;
	if (!in_list(s, conditions, 4) ||
	    !material_state_parse(s, &out->condition))
		return wc_error_set(err, "invalid_field", field,
				    "unknown condition %s", s);
	out->defect = NULL;
	snprintf(field, sizeof(field), "materials[%zu].defect", i);
	if (out->condition == STATE_DEFECTIVE &&
	    get_text(m, "defect", field, &out->defect, err) < 0)
		return -1;
	return 0;
}

static int load_materials(struct training_scenario *sc, struct wc_error *err)
{
	const json_t *m;
	size_t i;

	sc->materials = json_object_get(sc->root, "materials");
	if (!json_is_array(sc->materials) ||
	    json_array_size(sc->materials) > TRAINING_MAX_MATERIALS ||
	    (sc->type == TRAINING_CASE && json_array_size(sc->materials) == 0))
		return wc_error_set(err, "invalid_field", "materials",
				    "materials must be an array of at most %d "
				    "(not empty for a case)",
				    TRAINING_MAX_MATERIALS);
	json_array_foreach(sc->materials, i, m)
	{
		if (load_material(&sc->persona_materials[i], m, i, err) < 0)
			return -1;
	}
	sc->n_persona_materials = json_array_size(sc->materials);
	return 0;
}

/* The first colleague fact: who acknowledges the trainee's handoffs. */
static int load_colleague(struct training_scenario *sc, const json_t *f,
			  const char *field, struct wc_error *err)
{
	struct training_colleague c = {0};

	if (get_text(f, "username", field, &c.username, err) < 0 ||
	    get_text(f, "window", field, &c.window, err) < 0)
		return -1;
	c.department = json_string_value(json_object_get(f, "department"));
	c.display_name = json_string_value(json_object_get(f, "display_name"));
	c.acknowledges = json_is_true(json_object_get(f, "acknowledges"));
	if (!sc->has_colleague) {
		sc->colleague = c;
		sc->has_colleague = true;
	}
	return 0;
}

static int load_facts(struct training_scenario *sc, struct wc_error *err)
{
	const json_t *f;
	const char *s;
	char field[64];
	size_t i;
	int n;

	sc->hidden_facts = json_object_get(sc->root, "hidden_facts");
	if (!json_is_array(sc->hidden_facts))
		return wc_error_set(err, "invalid_field", "hidden_facts",
				    "hidden_facts must be an array");
	json_array_foreach(sc->hidden_facts, i, f)
	{
		snprintf(field, sizeof(field), "hidden_facts[%zu].kind", i);
		if (get_text(f, "kind", field, &s, err) < 0)
			return -1;
		if (!in_list(s, fact_kinds,
			     sizeof(fact_kinds) / sizeof(fact_kinds[0])))
			return wc_error_set(err, "invalid_field", field,
					    "unknown hidden fact kind %s", s);
		snprintf(field, sizeof(field), "hidden_facts[%zu]", i);
		if (strcmp(s, "breach_on_record") == 0 &&
		    get_int(f, "count", field, 1, 10, &n, err) < 0)
			return -1;
		if (strcmp(s, "colleague") == 0 &&
		    load_colleague(sc, f, field, err) < 0)
			return -1;
	}
	return 0;
}

/* "rules": optional, the rules the scenario trains, for the list. */
static int load_rules(struct training_scenario *sc, struct wc_error *err)
{
	const json_t *rules = json_object_get(sc->root, "rules"), *r;
	size_t i;

	if (!rules)
		return 0;
	if (!json_is_array(rules) ||
	    json_array_size(rules) > TRAINING_MAX_RULES)
		return wc_error_set(err, "invalid_field", "rules",
				    "rules must be an array of at most %d",
				    TRAINING_MAX_RULES);
	json_array_foreach(rules, i, r)
	{
		const char *s = json_string_value(r);

		if (!s || strlen(s) != 2 || s[0] != 'R' || s[1] < '1' ||
		    s[1] > '6')
			return wc_error_set(err, "invalid_field", "rules",
					    "rules[%zu] must be R1 to R6", i);
		sc->rules[i] = s;
	}
	sc->n_rules = json_array_size(rules);
	return 0;
}

/* "time_travel": optional {"working_days", "after"?: a case status}. */
static int load_travel(struct training_scenario *sc, struct wc_error *err)
{
	const json_t *tt = json_object_get(sc->root, "time_travel"), *after;

	if (!tt)
		return 0;
	if (!json_is_object(tt))
		return wc_error_set(err, "invalid_field", "time_travel",
				    "time_travel must be an object");
	if (get_int(tt, "working_days", "time_travel.working_days", 1, 60,
		    &sc->travel_days, err) < 0)
		return -1;
	after = json_object_get(tt, "after");
	if (!after)
		return 0;
	if (!case_status_parse(json_string_value(after), &sc->travel_after))
		return wc_error_set(err, "invalid_field", "time_travel.after",
				    "after must be a case status");
	sc->has_travel_after = true;
	return 0;
}

static int load_head(struct training_scenario *sc, struct wc_error *err)
{
	if (!json_is_object(sc->root))
		return wc_error_set(err, "invalid_field", "",
				    "a scenario is a JSON object");
	if (get_text(sc->root, "id", "id", &sc->id, err) < 0)
		return -1;
	if (!training_is_id(sc->id))
		return wc_error_set(err, "invalid_field", "id",
				    "id must be 1-64 of a-z 0-9 _");
	if (get_text(sc->root, "title", "title", &sc->title, err) < 0 ||
	    get_text(sc->root, "brief", "brief", &sc->brief, err) < 0 ||
	    get_text(sc->root, "kind", "kind", &sc->kind, err) < 0 ||
	    get_text(sc->root, "item_code", "item_code", &sc->item_code, err) <
		0)
		return -1;
	if (strcmp(sc->kind, "inquiry") == 0)
		sc->type = TRAINING_INQUIRY;
	else if (strcmp(sc->kind, "case") == 0)
		sc->type = TRAINING_CASE;
	else
		return wc_error_set(err, "invalid_field", "kind",
				    "kind must be inquiry or case");
	sc->scenario_id =
	    json_string_value(json_object_get(sc->root, "scenario_id"));
	if (sc->type == TRAINING_CASE &&
	    (!sc->scenario_id || !*sc->scenario_id))
		return wc_error_set(err, "invalid_field", "scenario_id",
				    "scenario_id is required for a case");
	return 0;
}

struct training_scenario *training_scenario_from_json(json_t *root,
						      struct wc_error *err)
{
	struct training_scenario *sc = calloc(1, sizeof(*sc));

	if (!sc) {
		wc_error_set(err, "internal", NULL, "out of memory");
		return NULL;
	}
	sc->root = json_incref(root);
	if (load_head(sc, err) < 0 || load_applicant(sc, err) < 0 ||
	    load_materials(sc, err) < 0 || load_facts(sc, err) < 0 ||
	    load_hints(sc, err) < 0 || load_checks(sc, err) < 0 ||
	    load_rules(sc, err) < 0 || load_travel(sc, err) < 0)
		training_scenario_free(&sc);
	return sc;
}

struct training_scenario *
training_scenario_load_text(const char *text, size_t len, struct wc_error *err)
{
	json_error_t jerr;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	struct training_scenario *sc;

	if (!root) {
		wc_error_set(err, "bad_request", "",
			     "malformed JSON at line %d column %d: %s",
			     jerr.line, jerr.column, jerr.text);
		return NULL;
	}
	sc = training_scenario_from_json(root, err);
	json_decref(root);
	return sc;
}

void training_scenario_free(struct training_scenario **sc)
{
	if (!*sc)
		return;
	json_decref((*sc)->root);
	free(*sc);
	*sc = NULL;
}

static bool scenario_has(const struct item *it, const struct scenario *scen,
			 const char *id)
{
	int at = id ? item_find_material(it, id) : -1;

	for (size_t k = 0; at >= 0 && k < scen->n_materials; k++)
		if (scen->materials[k] == (size_t)at)
			return true;
	return false;
}

/* Every material a check or the persona names must be in the scenario. */
static int check_material_refs(const struct training_scenario *sc,
			       const struct item *it,
			       const struct scenario *scen,
			       struct wc_error *err)
{
	size_t i;

	for (i = 0; i < sc->n_persona_materials; i++) {
		const char *id = sc->persona_materials[i].id;

		if (!scenario_has(it, scen, id))
			return wc_error_set(err, "invalid_field", "materials",
					    "material %s is not in scenario %s",
					    id, scen->id);
	}
	for (i = 0; i < sc->n_checks; i++) {
		const json_t *args = sc->checks[i].args, *list, *v;
		const char *one =
		    json_string_value(json_object_get(args, "material"));
		size_t k;

		if (one && !scenario_has(it, scen, one))
			return wc_error_set(err, "invalid_field", "checks",
					    "checks[%zu] names material %s, "
					    "not in scenario %s",
					    i, one, scen->id);
		list = json_object_get(args, "materials");
		json_array_foreach(list, k, v) if (
		    !scenario_has(
			it, scen,
			json_string_value(
			    v))) return wc_error_set(err, "invalid_field",
						     "checks",
						     "checks[%zu] names "
						     "material %s, not in "
						     "scenario %s",
						     i, json_string_value(v),
						     scen->id);
	}
	if (sc->type == TRAINING_CASE &&
	    sc->n_persona_materials != scen->n_materials)
		return wc_error_set(err, "invalid_field", "materials",
				    "scenario %s has %zu materials, the "
				    "persona lists %zu",
				    scen->id, scen->n_materials,
				    sc->n_persona_materials);
	return 0;
}

int training_scenario_check_catalog(const struct training_scenario *sc,
				    const struct catalog *cat,
				    struct wc_error *err)
{
	const struct item *it = catalog_find(cat, sc->item_code);
	const struct scenario *scen;

	if (!it)
		return wc_error_set(err, "invalid_field", "item_code",
				    "item %s is not in the catalog",
				    sc->item_code);
	if (!sc->scenario_id)
		return 0;
	scen = item_find_scenario(it, sc->scenario_id);
	if (!scen)
		return wc_error_set(err, "invalid_field", "scenario_id",
				    "item %s has no scenario %s", sc->item_code,
				    sc->scenario_id);
	return check_material_refs(sc, it, scen, err);
}
