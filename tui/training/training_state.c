/* training_state.c - what training mode reads from and does on its private
 * server: the state a scenario is scored on, the persona's newest case,
 * the simulated colleague's acknowledgement and the clock moved ahead
 * (training_ui.h). Only ever called with the training server's client. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "training/training.h"
#include "training/training_ui.h"

#define LIST_LIMIT "200"

/* True when a row's applicant may be the persona (evaluation filters
 * exactly; this only saves reading the others whole). */
static bool row_of_persona(const json_t *row,
			   const struct training_scenario *sc)
{
	const json_t *a = json_object_get(row, "applicant");
	const char *id_no = json_string_value(json_object_get(a, "id_no"));
	const char *name = json_string_value(json_object_get(a, "name"));

	if (!a)
		return true;
	if (id_no && sc->applicant_id_no)
		return strcmp(id_no, sc->applicant_id_no) == 0;
	return !name || strcmp(name, sc->applicant_name) == 0;
}

/* Every row of list (the first page of LIST_LIMIT) with an id above floor,
 * each read whole from prefix/ID. */
static json_t *read_all(struct net_client *net, const char *list,
			const char *prefix, const struct training_scenario *sc,
			long long floor, struct wc_error *err)
{
	json_t *answer = NULL, *out = json_array(), *row, *one;
	char path[200];
	size_t i;

	if (!out || net_request(net, "GET", list, NULL, NULL, &answer, err)) {
		json_decref(out);
		return NULL;
	}
	json_array_foreach(json_object_get(answer, "items"), i, row)
	{
		if (!row_of_persona(row, sc) ||
		    json_integer_value(json_object_get(row, "id")) <= floor)
			continue;
		snprintf(
		    path, sizeof(path), "%s/%lld", prefix,
		    (long long)json_integer_value(json_object_get(row, "id")));
		one = NULL;
		if (net_request(net, "GET", path, NULL, NULL, &one, err)) {
			json_decref(answer);
			json_decref(out);
			return NULL;
		}
		json_array_append_new(out, one);
	}
	json_decref(answer);
	return out;
}

static json_t *credit_read(struct net_client *net,
			   const struct training_scenario *sc)
{
	char *type, *no, path[300];
	json_t *answer = NULL;
	struct wc_error err = {0};

	if (!sc->applicant_id_no || !sc->applicant_id_type)
		return NULL;
	type = curl_easy_escape(NULL, sc->applicant_id_type, 0);
	no = curl_easy_escape(NULL, sc->applicant_id_no, 0);
	if (type && no)
		snprintf(path, sizeof(path),
			 "/v1/applicants/credit?id_type=%s&id_no=%s", type, no);
	curl_free(type);
	curl_free(no);
	if (!type || !no ||
	    net_request(net, "GET", path, NULL, NULL, &answer, &err))
		return NULL;
	return answer;
}

/* The id of the newest row of list (newest first), 0 when it is empty. */
static int newest_id(struct net_client *net, const char *list, long long *out,
		     struct wc_error *err)
{
	json_t *answer = NULL;

	if (net_request(net, "GET", list, NULL, NULL, &answer, err))
		return -1;
	*out = (long long)json_integer_value(json_object_get(
	    json_array_get(json_object_get(answer, "items"), 0), "id"));
	json_decref(answer);
	return 0;
}

int training_state_floor(struct net_client *net, struct training_floor *floor,
			 struct wc_error *err)
{
	if (newest_id(net, "/v1/cases?scope=mine&limit=1", &floor->case_id,
		      err) ||
	    newest_id(net, "/v1/inquiries?scope=mine&limit=1",
		      &floor->inquiry_id, err))
		return -1;
	return 0;
}

json_t *training_state_gather(struct net_client *net, const char *user,
			      const struct training_scenario *sc,
			      const struct training_floor *floor,
			      struct wc_error *err)
{
	json_t *cases, *inquiries, *credit, *state;

	cases = read_all(net, "/v1/cases?scope=mine&limit=" LIST_LIMIT,
			 "/v1/cases", sc, floor->case_id, err);
	if (!cases)
		return NULL;
	inquiries = read_all(net, "/v1/inquiries?scope=mine&limit=" LIST_LIMIT,
			     "/v1/inquiries", sc, floor->inquiry_id, err);
	if (!inquiries) {
		json_decref(cases);
		return NULL;
	}
	state = json_pack("{s:s, s:o, s:o}", "user", user, "cases", cases,
			  "inquiries", inquiries);
	credit = state ? credit_read(net, sc) : NULL;
	if (credit)
		json_object_set_new(state, "credit", credit);
	return state;
}

int training_state_case_status(struct net_client *net,
			       const struct training_scenario *sc, char *out,
			       size_t size, struct wc_error *err)
{
	json_t *answer = NULL, *row;
	size_t i;

	out[0] = '\0';
	if (net_request(net, "GET", "/v1/cases?scope=mine&limit=" LIST_LIMIT,
			NULL, NULL, &answer, err))
		return -1;
	json_array_foreach(json_object_get(answer, "items"), i, row)
	{ /* newest first */
		if (row_of_persona(row, sc)) {
			snprintf(
			    out, size, "%s",
			    json_string_value(json_object_get(row, "status"))
				? json_string_value(
				      json_object_get(row, "status"))
				: "");
			break;
		}
	}
	json_decref(answer);
	return 0;
}

static const json_t *colleague_fact(const struct training_scenario *sc)
{
	const json_t *f;
	size_t i;

	json_array_foreach(sc->hidden_facts, i, f)
	{
		const char *kind =
		    json_string_value(json_object_get(f, "kind"));

		if (kind && strcmp(kind, "colleague") == 0 &&
		    json_is_true(json_object_get(f, "acknowledges")))
			return f;
	}
	return NULL;
}

static bool same(const json_t *a, const json_t *b)
{
	return json_is_string(a) && json_is_string(b) &&
	       strcmp(json_string_value(a), json_string_value(b)) == 0;
}

/* Acknowledge the waiting handoffs of one inquiry meant for fact's
 * window or department; the number done. */
static int ack_inquiry(struct net_client *c, const json_t *fact, long long id,
		       struct wc_error *err)
{
	json_t *q = NULL, *h;
	char path[200];
	size_t i;
	int done = 0;

	snprintf(path, sizeof(path), "/v1/inquiries/%lld", id);
	if (net_request(c, "GET", path, NULL, NULL, &q, err))
		return -1;
	json_array_foreach(json_object_get(q, "handoffs"), i, h)
	{
		struct net_request_options opt = {0};
		char key[NET_IDEMPOTENCY_KEY_SIZE];

		if (json_object_get(h, "acknowledged_by") ||
		    !(same(json_object_get(h, "to_window"),
			   json_object_get(fact, "window")) ||
		      same(json_object_get(h, "to_department"),
			   json_object_get(fact, "department"))))
			continue;
		net_idempotency_key_new(key);
		opt.idempotency_key = key;
		opt.if_match =
		    (int)json_integer_value(json_object_get(q, "version"));
		snprintf(
		    path, sizeof(path), "/v1/inquiries/%lld/handoffs/%lld/ack",
		    id,
		    (long long)json_integer_value(json_object_get(h, "id")));
		if (net_request_ex(c, "POST", path, NULL, &opt, NULL, err) == 0)
			done++;
		break; /* one waits at a time; the version moved */
	}
	json_decref(q);
	return done;
}

static struct net_client *colleague_login(const char *url, const json_t *fact,
					  struct wc_error *err)
{
	struct net_options opt = {
	    .base_url = url, .connect_timeout_ms = 3000, .timeout_ms = 10000};
	struct net_client *c = net_client_new(&opt, err);
	struct net_user u = {0};

	if (!c)
		return NULL;
	if (net_login(c, json_string_value(json_object_get(fact, "username")),
		      TRAINING_PASSWORD_DEFAULT,
		      json_string_value(json_object_get(fact, "window")), &u,
		      err)) {
		net_client_free(&c);
		return NULL;
	}
	net_user_release(&u);
	return c;
}

int training_state_colleague(const char *url, struct net_client **colleague,
			     const struct training_scenario *sc,
			     const char **display_name, struct wc_error *err)
{
	const json_t *fact = colleague_fact(sc);
	json_t *list = NULL, *row;
	size_t i;
	int done = 0, n;

	if (!fact)
		return 0;
	*display_name =
	    json_string_value(json_object_get(fact, "display_name"));
	if (!*colleague && !(*colleague = colleague_login(url, fact, err)))
		return -1;
	if (net_request(
		*colleague, "GET",
		"/v1/inquiries?scope=mine&status=handed_off&limit=" LIST_LIMIT,
		NULL, NULL, &list, err))
		return -1;
	json_array_foreach(json_object_get(list, "items"), i, row)
	{
		if (!row_of_persona(row, sc))
			continue;
		n = ack_inquiry(
		    *colleague, fact,
		    (long long)json_integer_value(json_object_get(row, "id")),
		    err);
		if (n > 0)
			done += n;
	}
	json_decref(list);
	return done;
}

int training_state_advance(struct net_client *net, int days, char day[11],
			   struct wc_error *err)
{
	char today[11], now[40];
	json_t *body, *answer = NULL;
	int rc;

	if (net_server_date(net, today, err) ||
	    net_calendar_due(net, today, days, day, err))
		return -1;
	snprintf(now, sizeof(now), "%sT09:00:00+08:00", day);
	body = json_pack("{s:s}", "now", now);
	rc = net_request(net, "PUT", "/v1/admin/clock", body, NULL, &answer,
			 err);
	json_decref(body);
	json_decref(answer);
	return rc;
}
