/* api_write.c - the typed writes of net_case.h: each builds its body
 * here and goes through net_case_action / net_inquiry_action, that is
 * through net_write; the 422 details of acceptance and of a notice become
 * enums and material ids here, once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net_case.h"
#include "wincase/text.h"

/* ---- Inquiries */

int net_inquiry_handoff(struct net_client *client, struct net_inquiry_full *q,
			bool to_department, const char *to, const char *reason,
			const char *idempotency_key, struct wc_error *err)
{
	json_t *body = json_object();
	int ret;

	if (!body ||
	    json_object_set_new(body,
				to_department ? "to_department" : "to_window",
				json_string(to ? to : "")) ||
	    json_object_set_new(body, "reason",
				json_string(reason ? reason : ""))) {
		json_decref(body);
		return net_oom(err);
	}
	ret = net_inquiry_action(client, q, "handoffs", body, idempotency_key,
				 err);
	json_decref(body);
	return ret;
}

int net_inquiry_ack(struct net_client *client, struct net_inquiry_full *q,
		    const char *handoff_id, const char *idempotency_key,
		    struct wc_error *err)
{
	return net_handoff_action(client, q, handoff_id, "ack", idempotency_key,
				  err);
}

int net_inquiry_close(struct net_client *client, struct net_inquiry_full *q,
		      enum inquiry_resolution resolution, const char *note,
		      const char *case_id, const char *idempotency_key,
		      struct wc_error *err)
{
	const char *word = inquiry_resolution_word(resolution);
	json_t *body = json_object();
	int ret;

	if (!word)
		word = "";
	if (!body ||
	    json_object_set_new(body, "resolution", json_string(word)) ||
	    json_object_set_new(body, "note", json_string(note ? note : "")) ||
	    net_id_put(body, "case_id", case_id)) {
		json_decref(body);
		return net_oom(err);
	}
	ret =
	    net_inquiry_action(client, q, "close", body, idempotency_key, err);
	json_decref(body);
	return ret;
}

/* ---- Refusals */

void net_refusals_release(struct net_refusals *r)
{
	for (size_t i = 0; r && i < r->n; i++)
		free(r->items[i].material_id);
	if (r) {
		free(r->items);
		memset(r, 0, sizeof(*r));
	}
}

static bool reason_parse(const char *word, enum tolerant_reason *out)
{
	for (int i = 0; word && i <= REASON_APPLICANT_UNIDENTIFIED; i++)
		if (strcmp(word, tolerant_reason_name(i)) == 0) {
			*out = (enum tolerant_reason)i;
			return true;
		}
	return false;
}

/* One element of details: a reason word, or an object with "reason" (or
 * "code") and "material_id"; as_open: every element is an open main
 * material (checklist_incomplete), the element its id or an object. */
static int refusal_take(const json_t *d, bool as_open, struct net_refusal *r)
{
	const char *word = json_string_value(d);

	memset(r, 0, sizeof(*r));
	if (json_is_object(d)) {
		word = json_string_value(json_object_get(d, "reason"));
		if (!word)
			word = json_string_value(json_object_get(d, "code"));
	}
	if (as_open) {
		r->reason = REASON_MAIN_MATERIAL_OPEN;
		r->known = true;
	} else {
		r->known = reason_parse(word, &r->reason);
	}
	if (json_is_object(d))
		return net_text_get(d, "material_id", &r->material_id);
	/* a bare string is a reason, or with as_open a material id */
	if (as_open && word && !(r->material_id = text_sanitize(word, 0)))
		return -1;
	return 0;
}

int net_refusals_from_json(enum net_error code, const json_t *details,
			   struct net_refusals *out)
{
	bool as_open = code == NET_ERR_CHECKLIST_INCOMPLETE;
	size_t i;
	const json_t *d;

	memset(out, 0, sizeof(*out));
	if (!json_is_array(details) || json_array_size(details) == 0 ||
	    (!as_open && code != NET_ERR_NOT_TOLERABLE &&
	     code != NET_ERR_NOTICE_ONCE_VIOLATION))
		return 0;
	out->items = calloc(json_array_size(details), sizeof(*out->items));
	if (!out->items)
		return -1;
	json_array_foreach(details, i, d)
	{
		if (!json_is_object(d) && !json_is_string(d))
			continue;
		if (refusal_take(
			d, as_open || code == NET_ERR_NOTICE_ONCE_VIOLATION,
			&out->items[out->n])) {
			net_refusals_release(out);
			return -1;
		}
		out->n++;
	}
	return 0;
}

/* The refusals of err's details into *why (when asked for). */
static void refusals_fill(const struct wc_error *err, json_t *details,
			  struct net_refusals *why)
{
	if (why && net_refusals_from_json(net_error_of(err), details, why))
		memset(why, 0, sizeof(*why));
	json_decref(details);
}

/* ---- Cases */

int net_case_mark(struct net_client *client, struct net_case *c,
		  const char *material_id, enum material_state state,
		  const char *note, const char *idempotency_key,
		  struct wc_error *err)
{
	json_t *body = json_pack("{s:[{s:s,s:s}]}", "items", "material_id",
				 material_id ? material_id : "", "state",
				 material_state_name(state));
	int ret;

	if (!body)
		return net_oom(err);
	if (note && *note &&
	    json_object_set_new(
		json_array_get(json_object_get(body, "items"), 0), "note",
		json_string(note))) {
		json_decref(body);
		return net_oom(err);
	}
	ret = net_case_action(client, c, "PUT", "checklist", body,
			      idempotency_key, NULL, err);
	json_decref(body);
	return ret;
}

int net_case_notice(struct net_client *client, const struct net_case *c,
		    const char *override_reason, const char *idempotency_key,
		    struct net_notice *out, struct net_refusals *violations,
		    struct wc_error *err)
{
	json_t *details = NULL;
	struct net_request_options opt = {
	    .idempotency_key = idempotency_key,
	    .if_match = c->version,
	    .details = &details,
	};
	json_t *body = json_object(), *answer = NULL;
	char path[256];
	int ret = -1;

	if (violations)
		memset(violations, 0, sizeof(*violations));
	if (!body || net_body_put(body, "override_reason", override_reason)) {
		net_oom(err);
		goto done;
	}
	if (net_path_build(path, sizeof(path), "/v1/cases/", c->id,
			   "/notices")) {
		wc_error_set(err, "not_found", NULL, "bad id");
		goto done;
	}
	if (net_write(client, "POST", path, body, &opt, &answer, err)) {
		refusals_fill(err, details, violations);
		details = NULL;
		goto done;
	}
	ret = net_notice_from_json(answer, out, err);
done:
	json_decref(details);
	json_decref(body);
	json_decref(answer);
	return ret;
}

static int accept_send(struct net_client *client, struct net_case *c,
		       json_t *body, const char *idempotency_key,
		       struct net_refusals *why, struct wc_error *err)
{
	json_t *details = NULL;
	int ret;

	if (why)
		memset(why, 0, sizeof(*why));
	if (!body)
		return net_oom(err);
	ret = net_case_action(client, c, "POST", "accept", body,
			      idempotency_key, &details, err);
	if (ret)
		refusals_fill(err, details, why);
	else
		json_decref(details);
	json_decref(body);
	return ret;
}

int net_case_accept_normal(struct net_client *client, struct net_case *c,
			   const char *idempotency_key,
			   struct net_refusals *why, struct wc_error *err)
{
	return accept_send(
	    client, c,
	    json_pack("{s:s}", "mode", accept_mode_word(ACCEPT_NORMAL)),
	    idempotency_key, why, err);
}

int net_case_accept_tolerant(struct net_client *client, struct net_case *c,
			     const struct net_commitment_draft *commitment,
			     const char *idempotency_key,
			     struct net_refusals *why, struct wc_error *err)
{
	const char *confirm = commitment->applicant_confirmation;
	int days = commitment->deadline_days;

	return accept_send(client, c,
			   json_pack("{s:s,s:{s:s,s:o?}}", "mode",
				     accept_mode_word(ACCEPT_TOLERANT),
				     "commitment", "applicant_confirmation",
				     confirm ? confirm : "", "deadline_days",
				     days > 0 ? json_integer(days) : NULL),
			   idempotency_key, why, err);
}

/* POST action with body (owned, NULL: out of memory). */
static int case_post(struct net_client *client, struct net_case *c,
		     const char *action, json_t *body,
		     const char *idempotency_key, struct wc_error *err)
{
	int ret;

	if (!body)
		return net_oom(err);
	ret = net_case_action(client, c, "POST", action, body, idempotency_key,
			      NULL, err);
	json_decref(body);
	return ret;
}

int net_case_supplement(struct net_client *client, struct net_case *c,
			const char *material_id, const char *idempotency_key,
			struct wc_error *err)
{
	return case_post(
	    client, c, "supplements",
	    json_pack("{s:s}", "material_id", material_id ? material_id : ""),
	    idempotency_key, err);
}

int net_case_complete(struct net_client *client, struct net_case *c,
		      enum case_result result, const char *note,
		      const char *idempotency_key, struct wc_error *err)
{
	const char *word = case_result_word(result);

	return case_post(client, c, "complete",
			 json_pack("{s:s,s:s}", "result", word ? word : "",
				   "note", note ? note : ""),
			 idempotency_key, err);
}

int net_case_withdraw(struct net_client *client, struct net_case *c,
		      const char *note, const char *idempotency_key,
		      struct wc_error *err)
{
	return case_post(client, c, "withdraw",
			 json_pack("{s:s}", "note", note ? note : ""),
			 idempotency_key, err);
}

static json_t *rating_body(int level, const char *const *reasons, size_t n,
			   const char *comment)
{
	json_t *body = json_pack("{s:i}", "level", level), *list;

	if (!body)
		return NULL;
	if (n > 0) {
		list = json_array();
		if (json_object_set_new(body, "reasons", list))
			goto fail;
		for (size_t i = 0; i < n; i++)
			if (json_array_append_new(list,
						  json_string(reasons[i])))
				goto fail;
	}
	if (comment && *comment &&
	    json_object_set_new(body, "comment", json_string(comment)))
		goto fail;
	return body;
fail:
	json_decref(body);
	return NULL;
}

int net_case_rate(struct net_client *client, struct net_case *c, int level,
		  const char *const *reasons, size_t n_reasons,
		  const char *comment, const char *idempotency_key,
		  struct wc_error *err)
{
	return case_post(client, c, "rating",
			 rating_body(level, reasons, n_reasons, comment),
			 idempotency_key, err);
}

int net_case_document_reprint(struct net_client *client, const char *case_id,
			      const char *no, const char *idempotency_key,
			      char **text, struct wc_error *err)
{
	struct net_request_options opt = {.idempotency_key = idempotency_key};
	json_t *answer = NULL;
	char path[256], suffix[160];
	int ret = -1;

	*text = NULL;
	if (net_path_build(suffix, sizeof(suffix), "/documents/", no,
			   "/reprint") ||
	    net_path_build(path, sizeof(path), "/v1/cases/", case_id, suffix))
		return wc_error_set(err, "not_found", NULL, "bad id");
	if (net_write(client, "POST", path, NULL, &opt, &answer, err))
		goto done;
	if (net_text_get_flags(answer, "text", TEXT_KEEP_NEWLINE, text))
		net_oom(err);
	else if (!*text)
		wc_error_set(err, "bad_response", "text", "no text");
	else
		ret = 0;
done:
	json_decref(answer);
	return ret;
}
