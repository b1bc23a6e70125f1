/* cases.c - case calls for the API tests (see cases.h). */
#include "cases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long tc_call(const char *url, const char *method, const char *path,
	     const char *token, const char *body, const char *if_match,
	     struct http_reply *r)
{
	struct http_request req = {
	    .method = method,
	    .path = path,
	    .token = token,
	    .body = body,
	    .if_match = if_match,
	};

	if (http_do(url, &req, r) < 0)
		return -1;
	return r->status;
}

long tc_create(const char *url, const char *token, const char *item,
	       const char *scenario, const char *applicant, struct test_case *c,
	       struct http_reply *r)
{
	char body[2048];

	snprintf(body, sizeof(body),
		 "{\"item_code\":\"%s\",\"scenario_id\":\"%s\","
		 "\"applicant\":%s}",
		 item, scenario, applicant);
	memset(c, 0, sizeof(*c));
	if (tc_call(url, "POST", "/v1/cases", token, body, NULL, r) == 201) {
		c->id = json_integer_value(json_object_get(r->json, "id"));
		snprintf(c->etag, sizeof(c->etag), "%s", r->etag);
	}
	return r->status;
}

long tc_change(const char *url, const char *token, struct test_case *c,
	       const char *method, const char *suffix, const char *body,
	       struct http_reply *r)
{
	char path[128];

	snprintf(path, sizeof(path), "/v1/cases/%lld%s", c->id, suffix);
	if (tc_call(url, method, path, token, body, c->etag, r) < 0)
		return -1;
	if (r->status >= 200 && r->status < 300 && r->etag[0])
		snprintf(c->etag, sizeof(c->etag), "%s", r->etag);
	return r->status;
}

long tc_checklist(const char *url, const char *token, struct test_case *c,
		  const char *states, struct http_reply *r)
{
	json_t *items = json_array(), *body;
	char *copy = strdup(states), *save = NULL, *text;
	long status;

	for (char *tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '='), *colon;
		json_t *line;

		if (!eq)
			continue;
		*eq = '\0';
		colon = strchr(eq + 1, ':');
		if (colon)
			*colon = '\0';
		line = json_pack("{s:s, s:s}", "material_id", tok, "state",
				 eq + 1);
		if (colon)
			json_object_set_new(line, "note",
					    json_string(colon + 1));
		json_array_append_new(items, line);
	}
	body = json_pack("{s:o}", "items", items);
	text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	status = tc_change(url, token, c, "PUT", "/checklist", text, r);
	free(text);
	free(copy);
	return status;
}

long tc_get(const char *url, const char *token, struct test_case *c,
	    struct http_reply *r)
{
	char path[64];

	snprintf(path, sizeof(path), "/v1/cases/%lld", c->id);
	if (http_get(url, path, token, r) < 0)
		return -1;
	if (r->status == 200)
		snprintf(c->etag, sizeof(c->etag), "%s", r->etag);
	return r->status;
}

static const json_t *details_of(const struct http_reply *r)
{
	return json_object_get(json_object_get(r->json, "error"), "details");
}

bool tc_details_have(const struct http_reply *r, const char *key,
		     const char *value)
{
	const json_t *d;
	size_t i;

	json_array_foreach(details_of(r), i, d)
	{
		const char *v = json_string_value(json_object_get(d, key));

		if (v && strcmp(v, value) == 0)
			return true;
	}
	return false;
}

size_t tc_details_count(const struct http_reply *r)
{
	return json_array_size(details_of(r));
}

const char *tc_line_state(const json_t *kase, const char *material_id)
{
	const json_t *line;
	size_t i;

	json_array_foreach(json_object_get(kase, "checklist"), i, line)
	{
		const char *id =
		    json_string_value(json_object_get(line, "material_id"));

		if (id && strcmp(id, material_id) == 0)
			return json_string_value(
			    json_object_get(line, "state"));
	}
	return "";
}
