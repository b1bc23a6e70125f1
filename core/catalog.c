/* catalog.c - service items (事项), scenarios (办事情形) and materials, read
 * from and written to API.md's JSON shape. Loading refuses what would make
 * R3 unenforceable: a tolerable main material, a scenario naming a material
 * the item does not have. */
#include "wincase/catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/validate.h"

#define CATALOG_ID_MAX	  64
#define CATALOG_MAX_DAYS  3650
#define CATALOG_MAX_ITEMS 10000

static const char *const role_names[] = {"main", "secondary"};
static const char *const form_names[] = {"original", "copy", "electronic"};

const char *material_role_name(enum material_role role)
{
	return role == ROLE_SECONDARY ? role_names[1] : role_names[0];
}

const char *material_form_name(enum material_form form)
{
	if (form < FORM_ORIGINAL || form > FORM_ELECTRONIC)
		return form_names[0];
	return form_names[form];
}

/* Codes and ids go into URLs and file names: 1-64 of A-Z a-z 0-9 _ . - */
static bool catalog_is_id(const char *s)
{
	size_t n = 0;

	for (; s && s[n]; n++) {
		char c = s[n];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '.' ||
		      c == '-'))
			return false;
	}
	return n >= 1 && n <= CATALOG_ID_MAX;
}

/* A field name under a prefix: "materials[2]" + "tolerable". */
static void catalog_field(char *out, size_t size, const char *prefix,
			  const char *key)
{
	if (prefix && *prefix)
		snprintf(out, size, "%s.%s", prefix, key);
	else
		snprintf(out, size, "%s", key);
}

/* What a string member holds: an identifier (required), a name (required,
 * one line, at most NAME_MAX_CHARS) or a text (optional, newlines allowed,
 * at most TEXT_MAX_CHARS). The limits are API.md's text conventions. */
enum str_kind { STR_ID, STR_NAME, STR_TEXT };

/* Copies string member key of obj into *out (newly allocated). An absent
 * text gives "". */
static int catalog_get_string(const json_t *obj, const char *prefix,
			      const char *key, enum str_kind kind, char **out,
			      struct wc_error *err)
{
	const json_t *v = json_object_get(obj, key);
	const char *s = json_string_value(v);
	enum validate_result r = VALID_OK;
	char field[96];

	catalog_field(field, sizeof(field), prefix, key);
	if (!v && kind != STR_TEXT)
		return wc_error_set(err, "invalid_field", field,
				    "%s is required", key);
	if (!v)
		s = "";
	else if (!json_is_string(v))
		return wc_error_set(err, "invalid_field", field,
				    "%s must be a string", key);
	if (kind == STR_ID && !catalog_is_id(s))
		return wc_error_set(err, "invalid_field", field,
				    "%s must be 1-%d of A-Z a-z 0-9 _ . -", key,
				    CATALOG_ID_MAX);
	if (kind == STR_NAME)
		r = *s ? validate_text(s, NAME_MAX_CHARS, false) : VALID_EMPTY;
	else if (kind == STR_TEXT)
		r = validate_text(s, TEXT_MAX_CHARS, true);
	if (r != VALID_OK)
		return wc_error_set(err, "invalid_field", field, "%s %s", key,
				    validate_result_text(r));
	*out = strdup(s);
	if (!*out)
		return wc_error_set(err, "internal", NULL, "out of memory");
	return 0;
}

/* An integer in [min, max]; an absent optional member keeps *out. */
static int catalog_get_int(const json_t *obj, const char *prefix,
			   const char *key, bool required, int min, int max,
			   int *out, struct wc_error *err)
{
	const json_t *v = json_object_get(obj, key);
	char field[96];

	catalog_field(field, sizeof(field), prefix, key);
	if (!v && !required)
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < min ||
	    json_integer_value(v) > max)
		return wc_error_set(err, "invalid_field", field,
				    "%s must be an integer %d-%d", key, min,
				    max);
	*out = (int)json_integer_value(v);
	return 0;
}

static int catalog_get_bool(const json_t *obj, const char *prefix,
			    const char *key, bool *out, struct wc_error *err)
{
	const json_t *v = json_object_get(obj, key);
	char field[96];

	if (!v)
		return 0;
	catalog_field(field, sizeof(field), prefix, key);
	if (!json_is_boolean(v))
		return wc_error_set(err, "invalid_field", field,
				    "%s must be true or false", key);
	*out = json_is_true(v);
	return 0;
}

/* One of names[0..n-1]; *out gets its index. */
static int catalog_get_enum(const json_t *obj, const char *prefix,
			    const char *key, const char *const *names, size_t n,
			    int *out, struct wc_error *err)
{
	const char *s = json_string_value(json_object_get(obj, key));
	char field[96];

	catalog_field(field, sizeof(field), prefix, key);
	for (size_t i = 0; s && i < n; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (int)i;
			return 0;
		}
	}
	return wc_error_set(err, "invalid_field", field,
			    "%s must be one of %s, %s%s%s", key, names[0],
			    names[1], n > 2 ? ", " : "", n > 2 ? names[2] : "");
}

static void material_release(struct material *m)
{
	free(m->id);
	free(m->name);
	free(m->how_to_obtain);
	memset(m, 0, sizeof(*m));
}

static int material_from_json(const json_t *obj, const char *prefix,
			      struct material *m, struct wc_error *err)
{
	int role = 0, form = 0;

	m->copies = 1;
	if (!json_is_object(obj))
		return wc_error_set(err, "invalid_field", prefix,
				    "a material must be an object");
	if (catalog_get_string(obj, prefix, "id", STR_ID, &m->id, err) ||
	    catalog_get_string(obj, prefix, "name", STR_NAME, &m->name, err) ||
	    catalog_get_string(obj, prefix, "how_to_obtain", STR_TEXT,
			       &m->how_to_obtain, err) ||
	    catalog_get_enum(obj, prefix, "role", role_names, 2, &role, err) ||
	    catalog_get_enum(obj, prefix, "form", form_names, 3, &form, err) ||
	    catalog_get_int(obj, prefix, "copies", false, 0, 99, &m->copies,
			    err) ||
	    catalog_get_bool(obj, prefix, "tolerable", &m->tolerable, err))
		return -1;
	m->role = (enum material_role)role;
	m->form = (enum material_form)form;
	if (m->role == ROLE_MAIN && m->tolerable) {
		char field[96];

		catalog_field(field, sizeof(field), prefix, "tolerable");
		/* R3: only secondary materials can be tolerable. */
		return wc_error_set(err, "invalid_field", field,
				    "main material %s cannot be tolerable",
				    m->id);
	}
	return 0;
}

static int item_parse_materials(const json_t *obj, struct item *it,
				struct wc_error *err)
{
	const json_t *list = json_object_get(obj, "materials");
	char prefix[48];

	if (!json_is_array(list) || json_array_size(list) == 0 ||
	    json_array_size(list) > CATALOG_MAX_MATERIALS)
		return wc_error_set(err, "invalid_field", "materials",
				    "materials must be an array of 1-%d",
				    CATALOG_MAX_MATERIALS);
	it->materials = calloc(json_array_size(list), sizeof(*it->materials));
	if (!it->materials)
		return wc_error_set(err, "internal", NULL, "out of memory");
	for (size_t i = 0; i < json_array_size(list); i++) {
		snprintf(prefix, sizeof(prefix), "materials[%zu]", i);
		it->n_materials = i + 1; /* released even if half filled */
		if (material_from_json(json_array_get(list, i), prefix,
				       &it->materials[i], err) < 0)
			return -1;
		if (item_find_material(it, it->materials[i].id) != (int)i)
			return wc_error_set(err, "invalid_field", prefix,
					    "duplicate material id %s",
					    it->materials[i].id);
	}
	return 0;
}

static int scenario_parse_materials(const json_t *list, const char *prefix,
				    const struct item *it, struct scenario *sc,
				    struct wc_error *err)
{
	char field[96];

	snprintf(field, sizeof(field), "%s.materials", prefix);
	if (!json_is_array(list) || json_array_size(list) == 0 ||
	    json_array_size(list) > CATALOG_MAX_MATERIALS)
		return wc_error_set(err, "invalid_field", field,
				    "materials must be an array of 1-%d ids",
				    CATALOG_MAX_MATERIALS);
	sc->materials = calloc(json_array_size(list), sizeof(size_t));
	if (!sc->materials)
		return wc_error_set(err, "internal", NULL, "out of memory");
	for (size_t j = 0; j < json_array_size(list); j++) {
		const char *id = json_string_value(json_array_get(list, j));
		int at = id ? item_find_material(it, id) : -1;

		snprintf(field, sizeof(field), "%s.materials[%zu]", prefix, j);
		if (at < 0)
			return wc_error_set(
			    err, "invalid_field", field,
			    "scenario %s names unknown material "
			    "%s",
			    sc->id, id ? id : "(not a string)");
		for (size_t k = 0; k < j; k++) {
			if (sc->materials[k] == (size_t)at)
				return wc_error_set(err, "invalid_field", field,
						    "material %s is listed "
						    "twice",
						    id);
		}
		sc->materials[j] = (size_t)at;
		sc->n_materials = j + 1;
	}
	return 0;
}

static int item_parse_scenarios(const json_t *obj, struct item *it,
				struct wc_error *err)
{
	const json_t *list = json_object_get(obj, "scenarios"), *sj;
	char prefix[48];

	if (!json_is_array(list) || json_array_size(list) == 0 ||
	    json_array_size(list) > CATALOG_MAX_MATERIALS)
		return wc_error_set(err, "invalid_field", "scenarios",
				    "scenarios must be an array of 1-%d",
				    CATALOG_MAX_MATERIALS);
	it->scenarios = calloc(json_array_size(list), sizeof(*it->scenarios));
	if (!it->scenarios)
		return wc_error_set(err, "internal", NULL, "out of memory");
	for (size_t i = 0; i < json_array_size(list); i++) {
		struct scenario *sc = &it->scenarios[i];

		sj = json_array_get(list, i);
		snprintf(prefix, sizeof(prefix), "scenarios[%zu]", i);
		it->n_scenarios = i + 1;
		if (!json_is_object(sj))
			return wc_error_set(err, "invalid_field", prefix,
					    "a scenario must be an object");
		if (catalog_get_string(sj, prefix, "id", STR_ID, &sc->id,
				       err) ||
		    catalog_get_string(sj, prefix, "name", STR_NAME, &sc->name,
				       err) ||
		    scenario_parse_materials(json_object_get(sj, "materials"),
					     prefix, it, sc, err))
			return -1;
		if (item_find_scenario(it, sc->id) != sc)
			return wc_error_set(err, "invalid_field", prefix,
					    "duplicate scenario id %s", sc->id);
	}
	return 0;
}

/* R4: the promised limit is within the legal one, and the supplement
 * deadline of a commitment (R3) within the promised limit. */
static int item_parse_days(const json_t *obj, struct item *it,
			   struct wc_error *err)
{
	if (catalog_get_int(obj, NULL, "legal_days", true, 0, CATALOG_MAX_DAYS,
			    &it->legal_days, err) ||
	    catalog_get_int(obj, NULL, "promised_days", true, 0,
			    CATALOG_MAX_DAYS, &it->promised_days, err))
		return -1;
	if (it->promised_days > it->legal_days)
		return wc_error_set(err, "invalid_field", "promised_days",
				    "promised_days %d is above legal_days %d",
				    it->promised_days, it->legal_days);
	it->commitment_max_days = it->promised_days;
	if (catalog_get_int(obj, NULL, "commitment_max_days", false, 0,
			    CATALOG_MAX_DAYS, &it->commitment_max_days, err))
		return -1;
	it->commitment_days = it->commitment_max_days;
	if (catalog_get_int(obj, NULL, "commitment_days", false, 0,
			    CATALOG_MAX_DAYS, &it->commitment_days, err))
		return -1;
	if (it->commitment_max_days > it->promised_days)
		return wc_error_set(err, "invalid_field", "commitment_max_days",
				    "commitment_max_days %d is above "
				    "promised_days %d",
				    it->commitment_max_days, it->promised_days);
	if (it->commitment_days > it->commitment_max_days)
		return wc_error_set(err, "invalid_field", "commitment_days",
				    "commitment_days %d is above "
				    "commitment_max_days %d",
				    it->commitment_days,
				    it->commitment_max_days);
	return 0;
}

int item_from_json(const json_t *obj, struct item *out, struct wc_error *err)
{
	struct item it = {0};

	if (!json_is_object(obj))
		return wc_error_set(err, "invalid_field", NULL,
				    "an item must be a JSON object");
	if (catalog_get_string(obj, NULL, "code", STR_ID, &it.code, err) ||
	    catalog_get_string(obj, NULL, "name", STR_NAME, &it.name, err) ||
	    catalog_get_string(obj, NULL, "department", STR_NAME,
			       &it.department, err) ||
	    catalog_get_string(obj, NULL, "legal_basis", STR_TEXT,
			       &it.legal_basis, err) ||
	    catalog_get_string(obj, NULL, "location", STR_TEXT, &it.location,
			       err) ||
	    catalog_get_string(obj, NULL, "contact", STR_TEXT, &it.contact,
			       err) ||
	    item_parse_days(obj, &it, err) ||
	    catalog_get_bool(obj, NULL, "tolerant", &it.tolerant, err) ||
	    catalog_get_bool(obj, NULL, "major_project", &it.major_project,
			     err) ||
	    item_parse_materials(obj, &it, err) ||
	    item_parse_scenarios(obj, &it, err)) {
		item_release(&it);
		return -1;
	}
	*out = it;
	return 0;
}

void item_release(struct item *it)
{
	if (!it)
		return;
	free(it->code);
	free(it->name);
	free(it->department);
	free(it->legal_basis);
	free(it->location);
	free(it->contact);
	for (size_t i = 0; i < it->n_materials; i++)
		material_release(&it->materials[i]);
	free(it->materials);
	for (size_t i = 0; i < it->n_scenarios; i++) {
		free(it->scenarios[i].id);
		free(it->scenarios[i].name);
		free(it->scenarios[i].materials);
	}
	free(it->scenarios);
	memset(it, 0, sizeof(*it));
}

static json_t *material_to_json(const struct material *m)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:i, s:b, s:s}", "id", m->id,
			 "name", m->name, "role", material_role_name(m->role),
			 "form", material_form_name(m->form), "copies",
			 m->copies, "tolerable", m->tolerable, "how_to_obtain",
			 m->how_to_obtain ? m->how_to_obtain : "");
}

static json_t *scenario_to_json(const struct item *it,
				const struct scenario *sc)
{
	json_t *ids = json_array();

	for (size_t j = 0; ids && j < sc->n_materials; j++)
		json_array_append_new(
		    ids, json_string(it->materials[sc->materials[j]].id));
	return json_pack("{s:s, s:s, s:o}", "id", sc->id, "name", sc->name,
			 "materials", ids);
}

static int item_add_details(const struct item *it, json_t *obj)
{
	json_t *materials = json_array(), *scenarios = json_array();

	for (size_t i = 0; materials && i < it->n_materials; i++)
		json_array_append_new(materials,
				      material_to_json(&it->materials[i]));
	for (size_t i = 0; scenarios && i < it->n_scenarios; i++)
		json_array_append_new(scenarios,
				      scenario_to_json(it, &it->scenarios[i]));
	json_object_set_new(
	    obj, "legal_basis",
	    json_string(it->legal_basis ? it->legal_basis : ""));
	json_object_set_new(obj, "location",
			    json_string(it->location ? it->location : ""));
	json_object_set_new(obj, "contact",
			    json_string(it->contact ? it->contact : ""));
	json_object_set_new(obj, "commitment_days",
			    json_integer(it->commitment_days));
	json_object_set_new(obj, "commitment_max_days",
			    json_integer(it->commitment_max_days));
	json_object_set_new(obj, "scenarios", scenarios);
	return json_object_set_new(obj, "materials", materials);
}

json_t *item_to_json(const struct item *it, bool full)
{
	json_t *obj = json_pack(
	    "{s:s, s:s, s:s, s:i, s:i, s:b, s:b}", "code", it->code, "name",
	    it->name, "department", it->department, "legal_days",
	    it->legal_days, "promised_days", it->promised_days, "tolerant",
	    it->tolerant, "major_project", it->major_project);

	if (obj && full && item_add_details(it, obj) < 0)
		json_decref(obj), obj = NULL;
	return obj;
}

const struct scenario *item_find_scenario(const struct item *it, const char *id)
{
	for (size_t i = 0; id && i < it->n_scenarios; i++) {
		if (it->scenarios[i].id && strcmp(it->scenarios[i].id, id) == 0)
			return &it->scenarios[i];
	}
	return NULL;
}

int item_find_material(const struct item *it, const char *id)
{
	for (size_t i = 0; id && i < it->n_materials; i++) {
		if (it->materials[i].id && strcmp(it->materials[i].id, id) == 0)
			return (int)i;
	}
	return -1;
}

struct catalog *catalog_load_text(const char *text, size_t len,
				  struct wc_error *err)
{
	json_error_t jerr;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	struct catalog *cat;

	if (!root) {
		wc_error_set(err, "invalid_field", NULL,
			     "catalog JSON, line %d: %s", jerr.line, jerr.text);
		return NULL;
	}
	cat = catalog_from_json(root, err);
	json_decref(root);
	return cat;
}

/* Prefixes err->field with "items[i]." so that the error says which item. */
static void catalog_error_in_item(struct wc_error *err, size_t i)
{
	char field[sizeof(err->field) + 32];
	size_t n;

	if (!err)
		return;
	if (err->field[0])
		snprintf(field, sizeof(field), "items[%zu].%s", i, err->field);
	else
		snprintf(field, sizeof(field), "items[%zu]", i);
	n = strnlen(field, sizeof(err->field) - 1);
	memcpy(err->field, field, n);
	err->field[n] = '\0';
}

struct catalog *catalog_from_json(const json_t *root, struct wc_error *err)
{
	const json_t *list = json_object_get(root, "items");
	struct catalog *cat = NULL;
	size_t i;

	if (!json_is_array(list) || json_array_size(list) > CATALOG_MAX_ITEMS) {
		wc_error_set(err, "invalid_field", "items",
			     "a catalog is {\"items\":[...]} with at most %d",
			     CATALOG_MAX_ITEMS);
		return NULL;
	}
	cat = calloc(1, sizeof(*cat));
	if (cat)
		cat->items =
		    calloc(json_array_size(list) + 1, sizeof(struct item));
	if (!cat || !cat->items) {
		wc_error_set(err, "internal", NULL, "out of memory");
		goto fail;
	}
	for (i = 0; i < json_array_size(list); i++) {
		if (item_from_json(json_array_get(list, i), &cat->items[i],
				   err) < 0) {
			catalog_error_in_item(err, i);
			goto fail;
		}
		cat->n_items = i + 1;
		if (catalog_find(cat, cat->items[i].code) != &cat->items[i]) {
			wc_error_set(err, "invalid_field", NULL,
				     "duplicate item code %s",
				     cat->items[i].code);
			catalog_error_in_item(err, i);
			goto fail;
		}
	}
	return cat;
fail:
	catalog_free(&cat);
	return NULL;
}

void catalog_free(struct catalog **cat)
{
	if (!cat || !*cat)
		return;
	for (size_t i = 0; i < (*cat)->n_items; i++)
		item_release(&(*cat)->items[i]);
	free((*cat)->items);
	free(*cat);
	*cat = NULL;
}

const struct item *catalog_find(const struct catalog *cat, const char *code)
{
	for (size_t i = 0; cat && code && i < cat->n_items; i++) {
		if (strcmp(cat->items[i].code, code) == 0)
			return &cat->items[i];
	}
	return NULL;
}

static char catalog_ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Byte-wise search is exact for UTF-8: a character's encoding never occurs
 * inside another's. Only ASCII letters fold case. */
static bool catalog_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; hay && *hay; hay++) {
		size_t k = 0;

		while (k < n && hay[k] &&
		       catalog_ascii_lower(hay[k]) ==
			   catalog_ascii_lower(needle[k]))
			k++;
		if (k == n)
			return true;
	}
	return false;
}

bool item_matches(const struct item *it, const char *q)
{
	if (!q || !*q)
		return true;
	return catalog_contains(it->code, q) || catalog_contains(it->name, q);
}
