/* pg_pair.c - two instances on one database (pg_pair.h). */
#include "pg_pair.h"
#include "command.h"
#include "http.h"
#include "server_pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool pg_pair_wanted(void)
{
	return test_pg_wanted();
}

bool pg_skip_all(int n)
{
	if (pg_pair_wanted())
		return false;
	printf("1..%d\n", n);
	for (int i = 1; i <= n; i++)
		printf("ok %d # SKIP WINCASE_TEST_DB is not set "
		       "(tests/support/pg_pass.sh)\n",
		       i);
	return true;
}

int pg_pair_start(struct pg_pair *p)
{
	memset(p, 0, sizeof(*p));
	if (test_server_start(&p->srv[0], true) < 0)
		return -1;
	if (test_server_start_shared(&p->srv[1], &p->srv[0], true) < 0) {
		test_server_stop(&p->srv[0]);
		return -1;
	}
	return 0;
}

int pg_pair_stop(struct pg_pair *p)
{
	int a = test_server_stop(&p->srv[1]);
	int b = test_server_stop(&p->srv[0]);

	return a == 0 && b == 0 ? 0 : -1;
}

int pg_cluster_command(const char *verb)
{
	char *argv[] = {getenv("WINCASE_PG_CLUSTER"), (char *)verb,
			getenv("WINCASE_TEST_PG_DIR"), NULL};
	char out[2048];
	int rc;

	if (!argv[0] || !argv[2]) {
		fprintf(stderr, "pg_cluster_command: WINCASE_PG_CLUSTER and "
				"WINCASE_TEST_PG_DIR are not set\n");
		return -1;
	}
	rc = test_run_command(argv, NULL, out, sizeof(out));
	if (rc != 0)
		fprintf(stderr, "pg_cluster.sh %s: %d %s\n", verb, rc, out);
	return rc == 0 ? 0 : -1;
}

json_t *pg_call(const char *url, const char *token, const char *method,
		const char *path, const char *body, const char *if_match,
		long want)
{
	struct http_request req = {.method = method,
				   .path = path,
				   .token = token,
				   .body = body,
				   .if_match = if_match};
	struct http_reply r;
	json_t *out = NULL;

	if (http_do(url, &req, &r) == 0 && r.status == want && r.json) {
		out = json_incref(r.json);
		if (r.etag[0])
			json_object_set_new(out, "_etag", json_string(r.etag));
	} else {
		fprintf(stderr, "%s %s: %ld %s\n", method, path, r.status,
			r.body ? r.body : "");
	}
	http_reply_release(&r);
	return out;
}

char *pg_checklist_body(const json_t *kase)
{
	json_t *items = json_array(), *line, *body;
	bool left_out = false;
	size_t i;
	char *text;

	json_array_foreach(json_object_get(kase, "checklist"), i, line)
	{
		bool miss = !left_out &&
			    json_is_true(json_object_get(line, "tolerable"));

		left_out |= miss;
		json_array_append_new(
		    items, json_pack("{s:s, s:s}", "material_id",
				     tj_str(line, "material_id"), "state",
				     miss ? "missing" : "provided"));
	}
	body = json_pack("{s:o}", "items", items);
	text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	return text;
}

json_t *pg_case_tolerant(const char *url, const char *token, json_t **notice)
{
	json_t *c, *next = NULL;
	char path[96], *body;
	long long id;

	*notice = NULL;
	c = pg_call(url, token, "POST", "/v1/cases",
		    "{\"item_code\":\"000131104000\",\"scenario_id\":"
		    "\"food_sales\",\"applicant\":{\"name\":\"张三\","
		    "\"id_type\":\"resident_id\",\"id_no\":\"" PG_VALID_ID
		    "\"}}",
		    NULL, 201);
	if (!c)
		return NULL;
	id = tj_num(c, "id");
	body = pg_checklist_body(c);
	snprintf(path, sizeof(path), "/v1/cases/%lld/checklist", id);
	next = pg_call(url, token, "PUT", path, body, tj_str(c, "_etag"), 200);
	free(body);
	json_decref(c);
	if (!next)
		return NULL;
	snprintf(path, sizeof(path), "/v1/cases/%lld/notices", id);
	*notice =
	    pg_call(url, token, "POST", path, "{}", tj_str(next, "_etag"), 201);
	json_decref(next);
	if (!*notice)
		return NULL;
	snprintf(path, sizeof(path), "/v1/cases/%lld/accept", id);
	return pg_call(
	    url, token, "POST", path,
	    "{\"mode\":\"tolerant\",\"commitment\":{\"deadline_days\":"
	    "5,\"applicant_confirmation\":\"张三\"}}",
	    tj_str(*notice, "_etag"), 200);
}
