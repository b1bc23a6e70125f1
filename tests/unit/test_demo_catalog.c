/* test_demo_catalog.c - the demo catalog in conf/catalog/demo.json loads
 * with core's catalog loader and meets the walking skeleton's requirements; and
 * the loader refuses a catalog broken in the two ways R3 forbids, naming the
 * place.
 *
 * Reads $WINCASE_CONF/catalog/demo.json (tests/run.sh sets WINCASE_CONF),
 * else conf/catalog/demo.json relative to the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "wincase/catalog.h"
#include "wincase/error.h"

#define DEMO_CATALOG_MAX_BYTES (4 * 1024 * 1024)

/* Group state: the file's text, its loaded catalog and its JSON tree. */
struct demo {
	char *text;
	size_t len;
	struct catalog *catalog;
	json_t *root;
};

/* Allocated text of the file at path, NUL-terminated, or NULL. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, used = 0;

	if (!f)
		return NULL;
	for (;;) {
		if (used + 4096 + 1 > cap) {
			char *bigger;

			cap = cap ? cap * 2 : 65536;
			if (cap > DEMO_CATALOG_MAX_BYTES)
				goto fail;
			bigger = realloc(buf, cap);
			if (!bigger)
				goto fail;
			buf = bigger;
		}
		size_t n = fread(buf + used, 1, cap - used - 1, f);
		used += n;
		if (n == 0)
			break;
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	buf[used] = '\0';
	*len = used;
	return buf;
fail:
	fclose(f);
	free(buf);
	return NULL;
}

static int demo_setup(void **state)
{
	const char *conf = getenv("WINCASE_CONF");
	char path[4096];
	struct wc_error err;
	json_error_t jerr;
	struct demo *d = calloc(1, sizeof(*d));

	if (!d)
		return -1;
	snprintf(path, sizeof(path), "%s/catalog/demo.json",
		 conf && *conf ? conf : "conf");
	d->text = read_file(path, &d->len);
	if (!d->text) {
		print_error("cannot read %s\n", path);
		free(d);
		return -1;
	}
	wc_error_clear(&err);
	d->catalog = catalog_load_text(d->text, d->len, &err);
	if (!d->catalog)
		print_error("%s refused: %s at %s: %s\n", path, err.code,
			    err.field, err.message);
	d->root = json_loadb(d->text, d->len, 0, &jerr);
	if (!d->root)
		print_error("%s: line %d: %s\n", path, jerr.line, jerr.text);
	*state = d;
	return 0;
}

static int demo_teardown(void **state)
{
	struct demo *d = *state;

	if (!d)
		return 0;
	catalog_free(&d->catalog);
	json_decref(d->root);
	free(d->text);
	free(d);
	return 0;
}

static const struct catalog *demo_catalog(void **state)
{
	const struct demo *d = *state;

	assert_non_null(d->catalog);
	return d->catalog;
}

static bool scenario_has(const struct item *it, const struct scenario *sc,
			 enum material_role role, bool tolerable)
{
	for (size_t k = 0; k < sc->n_materials; k++) {
		const struct material *m = &it->materials[sc->materials[k]];

		if (m->role == role && m->tolerable == tolerable)
			return true;
	}
	return false;
}

static void test_demo_loads_enough_items(void **state)
{
	const struct catalog *cat = demo_catalog(state);
	const char *departments[64];
	size_t n_departments = 0;

	assert_true(cat->n_items >= 8);
	for (size_t i = 0; i < cat->n_items; i++) {
		const char *dep = cat->items[i].department;
		size_t k = 0;

		assert_non_null(dep);
		assert_true(strlen(dep) > 0);
		while (k < n_departments && strcmp(departments[k], dep) != 0)
			k++;
		if (k == n_departments && n_departments < 64)
			departments[n_departments++] = dep;
		/* catalog_find answers every code it loaded */
		assert_ptr_equal(catalog_find(cat, cat->items[i].code),
				 &cat->items[i]);
	}
	assert_true(n_departments >= 4);
}

static void test_demo_major_and_non_tolerant_items(void **state)
{
	const struct catalog *cat = demo_catalog(state);
	size_t major = 0, non_tolerant = 0;

	for (size_t i = 0; i < cat->n_items; i++) {
		const struct item *it = &cat->items[i];

		major += it->major_project;
		if (it->tolerant)
			continue;
		non_tolerant++;
		/* R3: an item off the list has nothing tolerable */
		for (size_t j = 0; j < it->n_materials; j++)
			if (it->materials[j].tolerable)
				fail_msg("%s: %s tolerable on a non-tolerant "
					 "item",
					 it->code, it->materials[j].id);
	}
	assert_true(major >= 2);
	assert_true(non_tolerant >= 2);
}

static void test_demo_time_limits(void **state)
{
	const struct catalog *cat = demo_catalog(state);

	for (size_t i = 0; i < cat->n_items; i++) {
		const struct item *it = &cat->items[i];

		if (!(0 <= it->commitment_days &&
		      it->commitment_days <= it->commitment_max_days &&
		      it->commitment_max_days <= it->promised_days &&
		      it->promised_days <= it->legal_days))
			fail_msg("%s: commitment %d/%d, promised %d, legal %d",
				 it->code, it->commitment_days,
				 it->commitment_max_days, it->promised_days,
				 it->legal_days);
		if (it->tolerant && it->commitment_days < 1)
			fail_msg("%s: tolerant without a supplement deadline",
				 it->code);
	}
}

static void test_demo_no_main_material_tolerable(void **state)
{
	const struct catalog *cat = demo_catalog(state);

	for (size_t i = 0; i < cat->n_items; i++) {
		const struct item *it = &cat->items[i];

		for (size_t j = 0; j < it->n_materials; j++)
			if (it->materials[j].role == ROLE_MAIN &&
			    it->materials[j].tolerable)
				fail_msg("%s: main material %s tolerable",
					 it->code, it->materials[j].id);
	}
}

/* Real 容缺受理清单 mix main, tolerable secondary and non-tolerable
 * secondary materials within one scenario. */
static void test_demo_tolerant_scenarios_mix(void **state)
{
	const struct catalog *cat = demo_catalog(state);

	for (size_t i = 0; i < cat->n_items; i++) {
		const struct item *it = &cat->items[i];
		bool mixed = false;

		assert_true(it->n_scenarios >= 1);
		if (!it->tolerant)
			continue;
		for (size_t s = 0; s < it->n_scenarios && !mixed; s++) {
			const struct scenario *sc = &it->scenarios[s];

			mixed = scenario_has(it, sc, ROLE_MAIN, false) &&
				scenario_has(it, sc, ROLE_SECONDARY, true) &&
				scenario_has(it, sc, ROLE_SECONDARY, false);
		}
		if (!mixed)
			fail_msg("%s: no scenario mixes main, tolerable and "
				 "non-tolerable secondary materials",
				 it->code);
	}
}

/* The file itself has the exact item shape of API.md, no more, no less. */
static void test_demo_file_has_api_shape(void **state)
{
	static const char *const item_keys[] = {
	    "code",
	    "name",
	    "department",
	    "legal_days",
	    "promised_days",
	    "tolerant",
	    "major_project",
	    "legal_basis",
	    "location",
	    "contact",
	    "commitment_days",
	    "commitment_max_days",
	    "scenarios",
	    "materials",
	};
	static const char *const material_keys[] = {
	    "id",     "name",	   "role",	    "form",
	    "copies", "tolerable", "how_to_obtain",
	};
	const struct demo *d = *state;
	const size_t n_item_keys = sizeof(item_keys) / sizeof(item_keys[0]);
	const size_t n_material_keys =
	    sizeof(material_keys) / sizeof(material_keys[0]);
	json_t *items, *it, *m;
	size_t i, j, k;

	assert_non_null(d->root);
	items = json_object_get(d->root, "items");
	assert_true(json_is_array(items));
	json_array_foreach(items, i, it)
	{
		assert_int_equal(json_object_size(it), n_item_keys);
		for (k = 0; k < n_item_keys; k++)
			if (!json_object_get(it, item_keys[k]))
				fail_msg("items[%zu] lacks %s", i,
					 item_keys[k]);
		json_array_foreach(json_object_get(it, "materials"), j, m)
		{
			assert_int_equal(json_object_size(m), n_material_keys);
			for (k = 0; k < n_material_keys; k++)
				if (!json_object_get(m, material_keys[k]))
					fail_msg("items[%zu].materials[%zu] "
						 "lacks %s",
						 i, j, material_keys[k]);
		}
	}
}

/* Load a broken copy of the demo document; assert it is refused with
 * invalid_field and a field naming both the item and the place in it. */
static void assert_refused(json_t *broken, size_t item_index, const char *place)
{
	char *text = json_dumps(broken, JSON_COMPACT);
	char item_prefix[32];
	struct wc_error err;
	struct catalog *cat;

	assert_non_null(text);
	wc_error_clear(&err);
	cat = catalog_load_text(text, strlen(text), &err);
	free(text);
	if (cat) {
		catalog_free(&cat);
		fail_msg("catalog with a broken %s was accepted", place);
	}
	snprintf(item_prefix, sizeof(item_prefix), "items[%zu].", item_index);
	print_message("# refused: %s at %s: %s\n", err.code, err.field,
		      err.message);
	assert_string_equal(err.code, "invalid_field");
	if (!strstr(err.field, item_prefix) || !strstr(err.field, place))
		fail_msg("field \"%s\" should name %s%s", err.field,
			 item_prefix, place);
}

static bool material_is_main(const json_t *m)
{
	const char *role = json_string_value(json_object_get(m, "role"));

	return role && strcmp(role, "main") == 0;
}

/* An item after the first with a main material after its first, so that
 * the indexes in the error field mean something. */
static bool find_main_material(json_t *items, size_t *item_index,
			       size_t *material_index)
{
	json_t *it, *m;
	size_t i = 0, j = 0;

	json_array_foreach(items, i, it)
	{
		if (i == 0)
			continue;
		json_array_foreach(json_object_get(it, "materials"), j, m)
		{
			if (j > 0 && material_is_main(m)) {
				*item_index = i;
				*material_index = j;
				return true;
			}
		}
	}
	return false;
}

static void test_refuses_tolerable_main_material(void **state)
{
	const struct demo *d = *state;
	json_t *broken, *material;
	size_t i = 0, j = 0;
	char place[48];

	assert_non_null(d->root);
	broken = json_deep_copy(d->root);
	assert_non_null(broken);
	assert_true(
	    find_main_material(json_object_get(broken, "items"), &i, &j));
	material = json_array_get(
	    json_object_get(json_array_get(json_object_get(broken, "items"), i),
			    "materials"),
	    j);
	/* R3: only secondary materials can be tolerable */
	json_object_set_new(material, "tolerable", json_true());
	snprintf(place, sizeof(place), "materials[%zu].tolerable", j);
	assert_refused(broken, i, place);
	json_decref(broken);
}

static void test_refuses_scenario_with_unknown_material(void **state)
{
	const struct demo *d = *state;
	json_t *broken, *items, *it, *scenarios, *sc;
	size_t i, s;
	char place[48];

	assert_non_null(d->root);
	broken = json_deep_copy(d->root);
	assert_non_null(broken);
	items = json_object_get(broken, "items");
	i = json_array_size(items) - 1;
	it = json_array_get(items, i);
	scenarios = json_object_get(it, "scenarios");
	assert_true(json_array_size(scenarios) >= 1);
	s = json_array_size(scenarios) - 1;
	sc = json_array_get(scenarios, s);
	json_array_append_new(json_object_get(sc, "materials"),
			      json_string("no_such_material"));
	snprintf(place, sizeof(place), "scenarios[%zu].materials", s);
	assert_refused(broken, i, place);
	json_decref(broken);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_demo_loads_enough_items),
	    cmocka_unit_test(test_demo_major_and_non_tolerant_items),
	    cmocka_unit_test(test_demo_time_limits),
	    cmocka_unit_test(test_demo_no_main_material_tolerable),
	    cmocka_unit_test(test_demo_tolerant_scenarios_mix),
	    cmocka_unit_test(test_demo_file_has_api_shape),
	    cmocka_unit_test(test_refuses_tolerable_main_material),
	    cmocka_unit_test(test_refuses_scenario_with_unknown_material),
	};

	return cmocka_run_group_tests_name("demo_catalog", tests, demo_setup,
					   demo_teardown);
}
