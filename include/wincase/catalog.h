/* catalog.h - service items (事项), their scenarios (办事情形) and materials.
 *
 * The JSON shape of an item is API.md's GET /v1/items/{code}; a catalog file
 * is {"items":[item...]}. Loading refuses a main material marked tolerable
 * and a scenario naming an unknown material, saying which (R3). */
#ifndef WINCASE_CATALOG_H
#define WINCASE_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "wincase/error.h"

#define CATALOG_MAX_MATERIALS 64

enum material_role { ROLE_MAIN, ROLE_SECONDARY };
enum material_form { FORM_ORIGINAL, FORM_COPY, FORM_ELECTRONIC };

struct material {
	char *id;
	char *name;
	enum material_role role;
	enum material_form form;
	int copies;
	bool tolerable; /* R3: only secondary materials can be */
	char *how_to_obtain;
};

struct scenario {
	char *id;
	char *name;
	size_t n_materials;
	size_t *materials; /* indexes into item->materials */
};

struct item {
	char *code;
	char *name;
	char *department;
	char *legal_basis;
	char *location;
	char *contact;
	int legal_days;
	int promised_days;
	int commitment_days;	 /* default supplement deadline */
	int commitment_max_days; /* never above promised_days */
	bool tolerant;		 /* on the tolerant-acceptance list */
	bool major_project;	 /* can be a 亿元以上 major project */
	size_t n_materials;
	struct material *materials;
	size_t n_scenarios;
	struct scenario *scenarios;
};

struct catalog {
	size_t n_items;
	struct item *items;
};

const char *material_role_name(enum material_role role); /* "main" */
const char *material_form_name(enum material_form form); /* "copy" */

/* Parse one item into *out (caller releases with item_release). On error
 * *out is untouched and err names the field ("materials[2].tolerable"). */
int item_from_json(const json_t *obj, struct item *out, struct wc_error *err);
void item_release(struct item *it);
/* New reference. full = false gives the list form of GET /v1/items. */
json_t *item_to_json(const struct item *it, bool full);

const struct scenario *item_find_scenario(const struct item *it,
					  const char *id);
/* Index into it->materials, or -1. */
int item_find_material(const struct item *it, const char *id);

/* New catalog from {"items":[...]} text; NULL with err on any error
 * (duplicate codes included). Free with catalog_free. */
struct catalog *catalog_load_text(const char *text, size_t len,
				  struct wc_error *err);
struct catalog *catalog_from_json(const json_t *root, struct wc_error *err);
void catalog_free(struct catalog **cat);

const struct item *catalog_find(const struct catalog *cat, const char *code);
/* Substring match of q on code or name (UTF-8, Chinese included); an empty
 * or NULL q matches everything. Case-insensitive for ASCII. */
bool item_matches(const struct item *it, const char *q);

#endif
