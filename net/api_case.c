/* api_case.c - the case calls of API.md the counter screens make: the full
 * item, create and read a case, its checklist, notices, acceptance and the
 * later actions (each with If-Match of the case's version), the
 * applicant's credit and the calendar. The typed writes on top of
 * net_case_action are in api_write.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net.h"
#include "wincase/net_case.h"

int net_item_get(struct net_client *client, const char *code, struct item *out,
		 struct wc_error *err)
{
	char path[512];
	json_t *answer = NULL;
	struct wc_error parse = {0};
	struct item it;
	int ret = -1;

	if (net_path_build(path, sizeof(path), "/v1/items/", code, "")) {
		wc_error_set(err, "not_found", "item_code", "bad code");
		return -1;
	}
	if (net_request(client, "GET", path, NULL, NULL, &answer, err))
		goto done;
	if (item_from_json(answer, &it, &parse)) {
		wc_error_set(err, "bad_response", "item", "%s", parse.message);
		goto done;
	}
	if (net_item_sanitize(&it, err)) {
		item_release(&it);
		goto done;
	}
	*out = it;
	ret = 0;
done:
	json_decref(answer);
	return ret;
}

static json_t *case_draft_to_json(const struct net_case_draft *d)
{
	json_t *body = json_object();

	if (!body ||
	    json_object_set_new(body, "applicant",
				net_applicant_body_new(d->applicant_name,
						       d->id_type, d->id_no,
						       d->phone)) ||
	    net_body_put(body, "item_code", d->item_code) ||
	    net_body_put(body, "scenario_id", d->scenario_id) ||
	    net_id_put(body, "inquiry_id", d->inquiry_id) ||
	    json_object_set_new(body, "major_project",
				json_boolean(d->major_project)))
		goto fail;
	return body;
fail:
	json_decref(body);
	return NULL;
}

int net_case_create(struct net_client *client,
		    const struct net_case_draft *draft,
		    const char *idempotency_key, struct net_case *out,
		    struct wc_error *err)
{
	json_t *body = case_draft_to_json(draft), *answer = NULL;
	int ret = -1;

	if (!body)
		return net_oom(err);
	if (net_write(client, "POST", "/v1/cases", body,
		      &(struct net_request_options){.idempotency_key =
							idempotency_key},
		      &answer, err))
		goto done;
	ret = net_case_from_json(answer, out, err);
done:
	json_decref(body);
	json_decref(answer);
	return ret;
}

int net_case_get(struct net_client *client, const char *id,
		 struct net_case *out, struct wc_error *err)
{
	char path[256];
	json_t *answer = NULL;
	int ret = -1;

	if (net_path_build(path, sizeof(path), "/v1/cases/", id, ""))
		return wc_error_set(err, "not_found", NULL, "bad id");
	if (net_request(client, "GET", path, NULL, NULL, &answer, err))
		goto done;
	ret = net_case_from_json(answer, out, err);
done:
	json_decref(answer);
	return ret;
}

int net_case_action(struct net_client *client, struct net_case *c,
		    const char *method, const char *action, const json_t *body,
		    const char *idempotency_key, json_t **details,
		    struct wc_error *err)
{
	struct net_request_options opt = {
	    .idempotency_key = idempotency_key,
	    .if_match = c->version,
	    .details = details,
	};
	char path[256], suffix[64];
	json_t *answer = NULL;
	struct net_case fresh;
	int ret = -1;

	snprintf(suffix, sizeof(suffix), "/%s", action);
	if (net_path_build(path, sizeof(path), "/v1/cases/", c->id, suffix))
		return wc_error_set(err, "not_found", NULL, "bad id");
	if (net_write(client, method, path, body, &opt, &answer, err))
		goto done;
	if (net_case_from_json(answer, &fresh, err))
		goto done;
	net_case_release(c);
	*c = fresh;
	ret = 0;
done:
	json_decref(answer);
	return ret;
}

void net_credit_from_json(const json_t *obj, struct net_credit *out)
{
	out->commitments =
	    (int)json_integer_value(json_object_get(obj, "commitments"));
	out->fulfilled =
	    (int)json_integer_value(json_object_get(obj, "fulfilled"));
	out->breached =
	    (int)json_integer_value(json_object_get(obj, "breached"));
	out->open = (int)json_integer_value(json_object_get(obj, "open"));
	out->eligible = json_is_true(json_object_get(obj, "eligible"));
}

int net_credit_get(struct net_client *client, const char *id_type,
		   const char *id_no, struct net_credit *out,
		   struct wc_error *err)
{
	char *t = net_url_escape(id_type ? id_type : "");
	char *n = net_url_escape(id_no ? id_no : "");
	char path[512];
	json_t *answer = NULL;
	int ret = -1;

	if (!t || !n) {
		net_oom(err);
		goto done;
	}
	snprintf(path, sizeof(path),
		 "/v1/applicants/credit?id_type=%s&id_no=%s", t, n);
	if (net_request(client, "GET", path, NULL, NULL, &answer, err))
		goto done;
	net_credit_from_json(answer, out);
	ret = 0;
done:
	free(t);
	free(n);
	json_decref(answer);
	return ret;
}

/* Copies the first 10 characters of a date or time string into out. */
static int date_take(const json_t *v, char out[11], struct wc_error *err)
{
	const char *s = json_string_value(v);

	if (!s || strlen(s) < 10)
		return wc_error_set(err, "bad_response", "date", "no date");
	memcpy(out, s, 10);
	out[10] = '\0';
	return 0;
}

int net_calendar_due(struct net_client *client, const char *from, int days,
		     char out[11], struct wc_error *err)
{
	char path[128];
	json_t *answer = NULL;
	int ret = -1;

	snprintf(path, sizeof(path), "/v1/calendar/due?from=%.10s&days=%d",
		 from, days);
	if (net_request(client, "GET", path, NULL, NULL, &answer, err))
		goto done;
	ret = date_take(json_object_get(answer, "due"), out, err);
done:
	json_decref(answer);
	return ret;
}

int net_server_date(struct net_client *client, char out[11],
		    struct wc_error *err)
{
	return net_calendar_horizon(client, out, NULL, err);
}

int net_calendar_horizon(struct net_client *client, char today[11],
			 char until[11], struct wc_error *err)
{
	json_t *answer = NULL;
	int ret = -1;

	if (net_request(client, "GET", "/v1/health", NULL, NULL, &answer, err))
		goto done;
	ret = date_take(json_object_get(answer, "time"), today, err);
	if (ret == 0 && until)
		ret = date_take(json_object_get(answer, "calendar_until"),
				until, err);
done:
	json_decref(answer);
	return ret;
}

int net_document_verify(struct net_client *client, const char *code,
			struct net_document_check *out, struct wc_error *err)
{
	char *escaped = net_url_escape(code ? code : "");
	struct net_document_check d = {0};
	json_t *answer = NULL;
	const char *kind;
	char path[256];
	int ret = -1;

	if (!escaped)
		return net_oom(err);
	snprintf(path, sizeof(path), "/v1/documents/verify?code=%s", escaped);
	free(escaped);
	if (strlen(path) >= sizeof(path) - 1)
		return wc_error_set(err, "bad_request", "code",
				    "code too long");
	if (net_request(client, "GET", path, NULL, NULL, &answer, err))
		goto done;
	d.valid = json_is_true(json_object_get(answer, "valid"));
	kind = json_string_value(json_object_get(answer, "kind"));
	d.commitment = kind && strcmp(kind, "commitment") == 0;
	if (d.valid && (net_text_get(answer, "no", &d.no) ||
			net_text_get(answer, "issued_at", &d.issued_at))) {
		net_document_check_release(&d);
		net_oom(err);
		goto done;
	}
	*out = d;
	ret = 0;
done:
	json_decref(answer);
	return ret;
}

void net_document_check_release(struct net_document_check *d)
{
	free(d->no);
	free(d->issued_at);
	memset(d, 0, sizeof(*d));
}
