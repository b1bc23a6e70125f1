/* api_applicant.c - GET /v1/applicants/lookup (net_applicant.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/net_applicant.h"

#include "private.h"

static int cases_read(const json_t *rows, struct net_case_list *out,
		      struct wc_error *err)
{
	size_t n = json_array_size(rows);

	out->items = calloc(n ? n : 1, sizeof(*out->items));
	if (!out->items)
		return net_oom(err);
	for (size_t i = 0; i < n; i++) {
		if (net_case_from_json(json_array_get(rows, i),
				       &out->items[out->n], err))
			return -1;
		out->n++;
	}
	return 0;
}

int net_applicant_lookup(struct net_client *client, const char *id_type,
			 const char *id_no, struct net_applicant_lookup *out,
			 struct wc_error *err)
{
	char *t = net_url_escape(id_type ? id_type : "");
	char *n = net_url_escape(id_no ? id_no : "");
	const json_t *who;
	char path[512];
	json_t *answer = NULL;
	int ret = -1;

	memset(out, 0, sizeof(*out));
	if (!t || !n) {
		net_oom(err);
		goto done;
	}
	snprintf(path, sizeof(path),
		 "/v1/applicants/lookup?id_type=%s&id_no=%s", t, n);
	if (net_request(client, "GET", path, NULL, NULL, &answer, err))
		goto done;
	who = json_object_get(answer, "applicant");
	out->known = json_is_true(json_object_get(answer, "known"));
	if (net_text_get(who, "name", &out->name) ||
	    net_text_get(who, "phone", &out->phone)) {
		net_oom(err);
		goto done;
	}
	net_credit_from_json(json_object_get(answer, "credit"), &out->credit);
	ret = cases_read(json_object_get(answer, "open_cases"),
			 &out->open_cases, err);
done:
	if (ret)
		net_applicant_lookup_release(out);
	free(t);
	free(n);
	json_decref(answer);
	return ret;
}

void net_applicant_lookup_release(struct net_applicant_lookup *a)
{
	free(a->name);
	free(a->phone);
	net_case_list_release(&a->open_cases);
	memset(a, 0, sizeof(*a));
}
