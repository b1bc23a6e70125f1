/* fuzz_catalog.c - catalog import (core/catalog.c): catalog_load_text
 * on any bytes; an item that loads comes back the same through
 * item_to_json and item_from_json (what PUT /v1/items and the store do). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(const struct item *it)
{
	json_t *full = item_to_json(it, true), *list = item_to_json(it, false);
	struct item again;
	struct wc_error err;

	if (!full || !list)
		abort();
	if (item_from_json(full, &again, &err) < 0)
		abort(); /* what we wrote, we must read */
	if (strcmp(again.code, it->code) != 0 ||
	    again.n_materials != it->n_materials ||
	    again.n_scenarios != it->n_scenarios)
		abort();
	(void)item_matches(it, "食品");
	(void)item_matches(it, it->code);
	item_release(&again);
	json_decref(full);
	json_decref(list);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wc_error err;
	struct catalog *cat = catalog_load_text((const char *)data, size, &err);

	if (!cat)
		return 0;
	for (size_t i = 0; i < cat->n_items; i++) {
		round_trip(&cat->items[i]);
		if (catalog_find(cat, cat->items[i].code) == NULL)
			abort();
	}
	catalog_free(&cat);
	return 0;
}
