/* test_catalog.c - the catalog model: items, scenarios and materials read
 * from API.md's JSON and written back; a catalog that would break R3 is
 * refused, naming the field. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "wincase/catalog.h"

static const char base_item[] =
    "{\"code\":\"T-001\",\"name\":\"食品经营许可\","
    "\"department\":\"市场监督管理局\","
    "\"legal_basis\":\"《食品经营许可和备案管理办法》\","
    "\"location\":\"市民中心三楼\",\"contact\":\"0576-88001234\","
    "\"legal_days\":20,\"promised_days\":10,\"commitment_days\":5,"
    "\"commitment_max_days\":10,\"tolerant\":true,\"major_project\":false,"
    "\"materials\":["
    "{\"id\":\"app\",\"name\":\"申请书\",\"role\":\"main\","
    "\"form\":\"original\",\"copies\":1,\"tolerable\":false,"
    "\"how_to_obtain\":\"窗口领取\"},"
    "{\"id\":\"lic\",\"name\":\"营业执照\",\"role\":\"main\","
    "\"form\":\"electronic\",\"copies\":0,\"tolerable\":false,"
    "\"how_to_obtain\":\"电子证照共享\"},"
    "{\"id\":\"plan\",\"name\":\"经营场所平面图\",\"role\":\"secondary\","
    "\"form\":\"copy\",\"copies\":1,\"tolerable\":true,"
    "\"how_to_obtain\":\"申请人自备\"},"
    "{\"id\":\"health\",\"name\":\"健康证明\",\"role\":\"secondary\","
    "\"form\":\"copy\",\"copies\":2,\"tolerable\":false,"
    "\"how_to_obtain\":\"疾控中心体检\"}],"
    "\"scenarios\":["
    "{\"id\":\"new\",\"name\":\"新办\","
    "\"materials\":[\"app\",\"lic\",\"plan\",\"health\"]},"
    "{\"id\":\"change\",\"name\":\"变更\",\"materials\":[\"app\",\"plan\"]}]}";

static json_t *base_json(void)
{
	json_error_t jerr;
	json_t *item = json_loads(base_item, 0, &jerr);

	if (!item)
		fail_msg("base item: %s", jerr.text);
	return item;
}

/* {"items":[a, b]} with new references to a and b. */
static json_t *catalog_of(json_t *a, json_t *b)
{
	json_t *items = json_array();

	if (a)
		json_array_append(items, a);
	if (b)
		json_array_append(items, b);
	return json_pack("{s:o}", "items", items);
}

static void test_catalog_load(void **state)
{
	struct wc_error err = {0};
	json_t *item = base_json(), *root = catalog_of(item, NULL);
	struct catalog *cat = catalog_from_json(root, &err);
	const struct item *it;
	const struct scenario *sc;

	(void)state;
	if (!cat)
		fail_msg("%s: %s", err.field, err.message);
	assert_int_equal(cat->n_items, 1);
	it = catalog_find(cat, "T-001");
	assert_ptr_equal(it, &cat->items[0]);
	assert_null(catalog_find(cat, "T-002"));
	assert_string_equal(it->name, "食品经营许可");
	assert_int_equal(it->legal_days, 20);
	assert_int_equal(it->promised_days, 10);
	assert_int_equal(it->commitment_days, 5);
	assert_int_equal(it->commitment_max_days, 10);
	assert_true(it->tolerant);
	assert_false(it->major_project);
	assert_int_equal(it->n_materials, 4);
	assert_int_equal(it->materials[1].form, FORM_ELECTRONIC);
	assert_int_equal(it->materials[2].role, ROLE_SECONDARY);
	assert_true(it->materials[2].tolerable);
	assert_int_equal(it->materials[3].copies, 2);
	assert_int_equal(item_find_material(it, "plan"), 2);
	assert_int_equal(item_find_material(it, "nope"), -1);
	sc = item_find_scenario(it, "change");
	assert_non_null(sc);
	assert_int_equal(sc->n_materials, 2);
	assert_int_equal(sc->materials[0], 0);
	assert_int_equal(sc->materials[1], 2);
	assert_null(item_find_scenario(it, "gone"));
	catalog_free(&cat);
	assert_null(cat);
	json_decref(root);
	json_decref(item);
}

/* The full form is exactly API.md's item; the list form has its 7 keys. */
static void test_catalog_item_json_roundtrip(void **state)
{
	struct wc_error err = {0};
	json_t *in = base_json(), *full, *list;
	struct item it;

	(void)state;
	assert_int_equal(item_from_json(in, &it, &err), 0);
	full = item_to_json(&it, true);
	assert_true(json_equal(full, in));
	list = item_to_json(&it, false);
	assert_int_equal(json_object_size(list), 7);
	assert_string_equal(
	    json_string_value(json_object_get(list, "department")),
	    "市场监督管理局");
	assert_null(json_object_get(list, "materials"));
	assert_string_equal(material_role_name(ROLE_SECONDARY), "secondary");
	assert_string_equal(material_form_name(FORM_COPY), "copy");
	json_decref(list);
	json_decref(full);
	json_decref(in);
	item_release(&it);
}

/* Optional fields get their documented defaults. */
static void test_catalog_defaults(void **state)
{
	struct wc_error err = {0};
	json_t *in = base_json();
	json_t *mat = json_array_get(json_object_get(in, "materials"), 0);
	struct item it;

	(void)state;
	json_object_del(in, "commitment_days");
	json_object_del(in, "commitment_max_days");
	json_object_del(in, "legal_basis");
	json_object_del(in, "tolerant");
	json_object_del(mat, "copies");
	json_object_del(mat, "how_to_obtain");
	json_object_set_new(json_array_get(json_object_get(in, "materials"), 1),
			    "how_to_obtain",
			    json_string("一、网上申请\n二、窗口"));
	assert_int_equal(item_from_json(in, &it, &err), 0);
	assert_int_equal(it.commitment_max_days, 10); /* promised_days */
	assert_int_equal(it.commitment_days, 10);
	assert_string_equal(it.legal_basis, "");
	assert_string_equal(it.materials[1].how_to_obtain,
			    "一、网上申请\n二、窗口");
	assert_false(it.tolerant);
	assert_int_equal(it.materials[0].copies, 1);
	assert_string_equal(it.materials[0].how_to_obtain, "");
	item_release(&it);
	item_release(&it); /* released twice is harmless */
	json_decref(in);
}

struct bad_case {
	const char *where; /* "", "materials[N]" or "scenarios[N]" */
	const char *key;
	const char *value; /* JSON text, NULL to delete the key */
	const char *field; /* expected err.field */
};

static json_t *bad_case_target(json_t *item, const char *where)
{
	size_t i;

	if (!*where)
		return item;
	if (sscanf(where, "materials[%zu]", &i) == 1)
		return json_array_get(json_object_get(item, "materials"), i);
	if (sscanf(where, "scenarios[%zu]", &i) == 1)
		return json_array_get(json_object_get(item, "scenarios"), i);
	fail_msg("bad where %s", where);
	return NULL;
}

static void test_catalog_refuses(void **state)
{
	static const struct bad_case cases[] = {
	    /* R3: only secondary materials can be tolerable */
	    {"materials[0]", "tolerable", "true",
	     "items[1].materials[0].tolerable"},
	    {"scenarios[1]", "materials", "[\"app\",\"nope\"]",
	     "items[1].scenarios[1].materials[1]"},
	    {"scenarios[0]", "materials", "[\"app\",\"app\"]",
	     "items[1].scenarios[0].materials[1]"},
	    {"scenarios[0]", "materials", "[]",
	     "items[1].scenarios[0].materials"},
	    {"scenarios[0]", "materials", "[1]",
	     "items[1].scenarios[0].materials[0]"},
	    {"scenarios[1]", "id", "\"new\"", "items[1].scenarios[1]"},
	    {"scenarios[1]", "name", NULL, "items[1].scenarios[1].name"},
	    {"materials[1]", "id", "\"app\"", "items[1].materials[1]"},
	    {"materials[1]", "id", "\"a b\"", "items[1].materials[1].id"},
	    {"materials[0]", "role", "\"primary\"",
	     "items[1].materials[0].role"},
	    {"materials[0]", "form", "null", "items[1].materials[0].form"},
	    {"materials[2]", "copies", "-1", "items[1].materials[2].copies"},
	    {"materials[2]", "tolerable", "1",
	     "items[1].materials[2].tolerable"},
	    {"", "promised_days", "30", "items[1].promised_days"},
	    {"", "commitment_max_days", "11", "items[1].commitment_max_days"},
	    {"", "commitment_days", "12", "items[1].commitment_days"},
	    {"", "legal_days", "\"20\"", "items[1].legal_days"},
	    {"", "legal_days", NULL, "items[1].legal_days"},
	    {"", "name", NULL, "items[1].name"},
	    {"", "name", "\"\"", "items[1].name"},
	    {"", "name", "\"食品\\u001b[2J\"", "items[1].name"},
	    {"", "code", "\"bad code\"", "items[1].code"},
	    {"", "name", "\"食品\\n经营\"", "items[1].name"},
	    {"materials[0]", "name",
	     "\"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	     "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	     "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	     "一二三四五六七八九十一\"",
	     "items[1].materials[0].name"},
	    {"materials[0]", "how_to_obtain", "\"\\u0007\"",
	     "items[1].materials[0].how_to_obtain"},
	    {"", "code", "\"T-001\"", "items[1]"}, /* duplicate code */
	    {"", "tolerant", "\"yes\"", "items[1].tolerant"},
	    {"", "materials", "[]", "items[1].materials"},
	    {"", "materials", "\"x\"", "items[1].materials"},
	    {"", "scenarios", NULL, "items[1].scenarios"},
	};
	json_t *first = base_json();

	(void)state;
	/* The item under test is items[1]; items[0] takes its code only
	 * for the duplicate-code case. */
	json_object_set_new(first, "code", json_string("T-000"));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct wc_error err = {0};
		json_t *item = base_json(), *root, *value = NULL;
		json_t *target = bad_case_target(item, cases[i].where);
		struct catalog *cat;

		if (cases[i].value) {
			value =
			    json_loads(cases[i].value, JSON_DECODE_ANY, NULL);
			assert_non_null(value);
			json_object_set_new(target, cases[i].key, value);
		} else {
			json_object_del(target, cases[i].key);
		}
		if (strcmp(cases[i].field, "items[1]") == 0)
			json_object_set_new(first, "code",
					    json_string("T-001"));
		root = catalog_of(first, item);
		cat = catalog_from_json(root, &err);
		json_object_set_new(first, "code", json_string("T-000"));
		if (cat)
			fail_msg("case %zu accepted", i);
		assert_string_equal(err.code, "invalid_field");
		if (strcmp(err.field, cases[i].field) != 0)
			fail_msg("case %zu: field %s, want %s (%s)", i,
				 err.field, cases[i].field, err.message);
		assert_true(err.message[0] != '\0');
		json_decref(root);
		json_decref(item);
	}
	json_decref(first);
}

/* The error says which material, so an administrator can fix the file. */
static void test_catalog_error_messages(void **state)
{
	struct wc_error err = {0};
	json_t *in = base_json(), *root;
	struct catalog *cat;

	(void)state;
	json_object_set_new(json_array_get(json_object_get(in, "materials"), 1),
			    "tolerable", json_true());
	root = catalog_of(in, NULL);
	cat = catalog_from_json(root, &err);
	assert_null(cat);
	assert_non_null(strstr(err.message, "lic"));
	json_decref(root);
	json_decref(in);

	assert_null(catalog_load_text("{\"items\":[", 10, &err));
	assert_string_equal(err.code, "invalid_field");
	assert_null(catalog_load_text("{\"items\":[],\"items\":[]}", 23, &err));
	assert_null(catalog_load_text("[]", 2, &err));
	assert_string_equal(err.field, "items");
	cat = catalog_load_text("{\"items\":[]}", 12, &err);
	assert_non_null(cat);
	assert_int_equal(cat->n_items, 0);
	catalog_free(&cat);
	catalog_free(&cat);
}

static void test_catalog_matches(void **state)
{
	static const struct {
		const char *q;
		bool match;
	} cases[] = {
	    {"食品", true},    {"经营许可", true}, {"许", true},
	    {"t-00", true},    {"T-001", true},	   {"药品", false},
	    {"T-0011", false}, {"", true},	   {NULL, true},
	    {"市场", false}, /* department is not searched */
	};
	struct wc_error err = {0};
	json_t *in = base_json();
	struct item it;

	(void)state;
	assert_int_equal(item_from_json(in, &it, &err), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (item_matches(&it, cases[i].q) != cases[i].match)
			fail_msg("q=%s", cases[i].q ? cases[i].q : "(null)");
	}
	item_release(&it);
	json_decref(in);
}

/* Every value of the item replaced in turn by values of other types: the
 * loader refuses or accepts, never crashes or leaks (run under ASan). */
static void replace_each_value(json_t *root, json_t *node, size_t *loads)
{
	const char *replacements[] = {"null", "true", "-7",   "\"\"",
				      "[]",   "{}",   "\"x\""};
	const char *key;
	json_t *child, *saved;
	void *tmp;
	size_t i;

	if (json_is_object(node)) {
		json_object_foreach_safe(node, tmp, key, child)
		{
			saved = json_incref(child);
			for (i = 0; i < 7; i++) {
				struct wc_error err = {0};
				struct catalog *cat;

				json_object_set_new(node, key,
						    json_loads(replacements[i],
							       JSON_DECODE_ANY,
							       NULL));
				cat = catalog_from_json(root, &err);
				if (!cat)
					assert_true(err.code[0] != '\0');
				catalog_free(&cat);
				(*loads)++;
			}
			json_object_set_new(node, key, saved);
			replace_each_value(root, saved, loads);
		}
	} else if (json_is_array(node)) {
		json_array_foreach(node, i, child)
		{
			replace_each_value(root, child, loads);
		}
	}
}

static void test_catalog_hostile_values(void **state)
{
	json_t *item = base_json(), *root = catalog_of(item, NULL);
	size_t loads = 0;

	(void)state;
	replace_each_value(root, item, &loads);
	assert_true(loads > 300);
	json_decref(root);
	json_decref(item);
}

/* Truncated text at every length: a clean error, never a crash. */
static void test_catalog_truncated_text(void **state)
{
	static const char prefix[] = "{\"items\":[";
	size_t n = strlen(base_item);
	char *text = malloc(sizeof(prefix) + n + 2);

	(void)state;
	assert_non_null(text);
	memcpy(text, prefix, sizeof(prefix) - 1);
	memcpy(text + sizeof(prefix) - 1, base_item, n);
	memcpy(text + sizeof(prefix) - 1 + n, "]}", 2);
	for (size_t len = 0; len < sizeof(prefix) - 1 + n + 2; len++) {
		struct wc_error err = {0};

		assert_null(catalog_load_text(text, len, &err));
		assert_string_equal(err.code, "invalid_field");
	}
	{
		struct wc_error err = {0};
		struct catalog *cat =
		    catalog_load_text(text, sizeof(prefix) - 1 + n + 2, &err);

		assert_non_null(cat);
		catalog_free(&cat);
	}
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_catalog_load),
	    cmocka_unit_test(test_catalog_item_json_roundtrip),
	    cmocka_unit_test(test_catalog_defaults),
	    cmocka_unit_test(test_catalog_refuses),
	    cmocka_unit_test(test_catalog_error_messages),
	    cmocka_unit_test(test_catalog_matches),
	    cmocka_unit_test(test_catalog_hostile_values),
	    cmocka_unit_test(test_catalog_truncated_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
