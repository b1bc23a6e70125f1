/* fuzz_training.c - training scenarios (core/training.c): a scenario from
 * any bytes; one that loads is checked against the demo catalog and
 * scored against an empty state and against a state with one case. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/catalog.h"
#include "wincase/training.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct catalog *catalog;
static json_t *states[2];

static void load_once(void)
{
	const char *conf = getenv("WINCASE_CONF");
	char path[512];
	struct wc_error err;
	json_t *root;

	if (catalog)
		return;
	snprintf(path, sizeof(path), "%s/catalog/demo.json",
		 conf && *conf ? conf : "conf");
	root = json_load_file(path, 0, NULL);
	catalog = root ? catalog_from_json(root, &err) : NULL;
	json_decref(root);
	states[0] = json_pack("{s:[], s:[]}", "cases", "inquiries");
	states[1] = json_loads(
	    "{\"user\":\"trainee1\",\"cases\":[{\"id\":1,\"status\":"
	    "\"notified\",\"created_by\":\"trainee1\",\"applicant\":{"
	    "\"name\":\"张三\"},\"checklist\":[],\"notices\":[{\"items\":[]}]}]"
	    ","
	    "\"inquiries\":[],\"credit\":{\"eligible\":true}}",
	    0, NULL);
	if (!catalog || !states[0] || !states[1])
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct training_scenario *sc;
	struct training_result res;
	struct wc_error err;

	load_once();
	sc = training_scenario_load_text((const char *)data, size, &err);
	if (!sc)
		return 0;
	(void)training_scenario_check_catalog(sc, catalog, &err);
	for (size_t i = 0; i < 2; i++) {
		for (size_t hints = 0; hints <= sc->n_hints; hints += 2) {
			json_t *j;

			if (training_evaluate(sc, states[i], hints, 60, &res,
					      &err) < 0)
				continue;
			if (res.score < 0 || res.score > res.max_points)
				abort();
			j = training_result_to_json(sc, &res);
			if (!j)
				abort();
			json_decref(j);
		}
	}
	training_scenario_free(&sc);
	return 0;
}
