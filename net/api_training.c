/* api_training.c - training mode's calls on its private server
 * (net_training.h): the state a scenario is scored on, the persona's
 * newest case, the simulated colleague's acknowledgement and the fake
 * clock. Only ever used with a training server's client. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net_training.h"

/* The first page of a list is enough: a training server holds what one
 * trainee did in one session. */
#define LIST_LIMIT "200"

/* True when a row's applicant may be the persona (the evaluation filters
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

static long long row_id(const json_t *row)
{
	return (long long)json_integer_value(json_object_get(row, "id"));
}

/* Every row of list (its first page) of the persona with an id above
 * floor, each read whole from prefix/ID. New array, or NULL with err. */
static json_t *read_all(struct net_client *net, const char *list,
			const char *prefix, const struct training_scenario *sc,
			long long floor, struct wc_error *err)
{
	json_t *answer = NULL, *out = json_array(), *row, *one;
	char path[200];
	size_t i;

	if (!out) {
		net_oom(err);
		return NULL;
	}
	if (net_request(net, "GET", list, NULL, NULL, &answer, err)) {
		json_decref(out);
		return NULL;
	}
	json_array_foreach(json_object_get(answer, "items"), i, row)
	{
		if (!row_of_persona(row, sc) || row_id(row) <= floor)
			continue;
		snprintf(path, sizeof(path), "%s/%lld", prefix, row_id(row));
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

/* The persona's credit answer, or NULL (a persona without an id has none;
 * a check on it then fails, it does not stop the debrief). */
static json_t *credit_read(struct net_client *net,
			   const struct training_scenario *sc)
{
	char path[300], suffix[200];
	json_t *answer = NULL;
	struct wc_error err = {0};

	if (!sc->applicant_id_no || !sc->applicant_id_type)
		return NULL;
	if (net_path_build(suffix, sizeof(suffix),
			   "&id_no=", sc->applicant_id_no, "") ||
	    net_path_build(path, sizeof(path), "/v1/applicants/credit?id_type=",
			   sc->applicant_id_type, suffix) ||
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
	*out = row_id(json_array_get(json_object_get(answer, "items"), 0));
	json_decref(answer);
	return 0;
}

int net_training_floor_get(struct net_client *client,
			   struct net_training_floor *out, struct wc_error *err)
{
	if (newest_id(client, "/v1/cases?scope=mine&limit=1", &out->case_id,
		      err) ||
	    newest_id(client, "/v1/inquiries?scope=mine&limit=1",
		      &out->inquiry_id, err))
		return -1;
	return 0;
}

/* {"user","cases":[...],"inquiries":[...],"credit"?}: training_evaluate's
 * state. New reference, or NULL with err. */
static json_t *state_gather(struct net_client *net, const char *user,
			    const struct training_scenario *sc,
			    const struct net_training_floor *floor,
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
	state = json_pack("{s:s, s:o, s:o}", "user", user ? user : "", "cases",
			  cases, "inquiries", inquiries);
	if (!state) {
		net_oom(err);
		return NULL;
	}
	credit = credit_read(net, sc);
	if (credit)
		json_object_set_new(state, "credit", credit);
	return state;
}

int net_training_evaluate(struct net_client *client, const char *user,
			  const struct training_scenario *sc,
			  const struct net_training_floor *floor,
			  size_t hints_used, int seconds,
			  struct training_result *out, struct wc_error *err)
{
	json_t *state = state_gather(client, user, sc, floor, err);
	int rc;

	if (!state)
		return -1;
	rc = training_evaluate(sc, state, hints_used, seconds, out, err);
	json_decref(state);
	return rc;
}

int net_training_case_status(struct net_client *client,
			     const struct training_scenario *sc, bool *found,
			     enum case_status *status, struct wc_error *err)
{
	json_t *answer = NULL, *row;
	size_t i;

	*found = false;
	if (net_request(client, "GET", "/v1/cases?scope=mine&limit=" LIST_LIMIT,
			NULL, NULL, &answer, err))
		return -1;
	json_array_foreach(json_object_get(answer, "items"), i, row)
	{ /* newest first */
		if (row_of_persona(row, sc)) {
			*found = case_status_parse(
			    json_string_value(json_object_get(row, "status")),
			    status);
			break;
		}
	}
	json_decref(answer);
	return 0;
}

static bool same(const json_t *a, const char *b)
{
	return json_is_string(a) && b && strcmp(json_string_value(a), b) == 0;
}

/* Acknowledge the first waiting handoff of inquiry id meant for the
 * colleague's window or department; the number done (0 or 1). */
static int ack_inquiry(struct net_client *c, const struct training_colleague *w,
		       long long id, struct wc_error *err)
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
		    !(same(json_object_get(h, "to_window"), w->window) ||
		      same(json_object_get(h, "to_department"), w->department)))
			continue;
		net_idempotency_key_new(key);
		opt.idempotency_key = key;
		opt.if_match =
		    (int)json_integer_value(json_object_get(q, "version"));
		snprintf(path, sizeof(path),
			 "/v1/inquiries/%lld/handoffs/%lld/ack", id, row_id(h));
		if (net_request_ex(c, "POST", path, NULL, &opt, NULL, err) == 0)
			done++;
		break; /* one waits at a time; the version moved */
	}
	json_decref(q);
	return done;
}

static struct net_client *colleague_login(const char *url, const char *password,
					  const struct training_colleague *w,
					  struct wc_error *err)
{
	struct net_options opt = {
	    .base_url = url, .connect_timeout_ms = 3000, .timeout_ms = 10000};
	struct net_client *c = net_client_new(&opt, err);
	struct net_user u = {0};

	if (!c)
		return NULL;
	if (net_login(c, w->username, password, w->window, &u, err)) {
		net_client_free(&c);
		return NULL;
	}
	net_user_release(&u);
	return c;
}

int net_training_colleague_ack(const char *url, const char *password,
			       struct net_client **colleague,
			       const struct training_scenario *sc,
			       struct wc_error *err)
{
	const struct training_colleague *w = &sc->colleague;
	json_t *list = NULL, *row;
	size_t i;
	int done = 0, n;

	if (!sc->has_colleague || !w->acknowledges)
		return 0;
	if (!*colleague &&
	    !(*colleague = colleague_login(url, password, w, err)))
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
		n = ack_inquiry(*colleague, w, row_id(row), err);
		if (n > 0)
			done += n;
	}
	json_decref(list);
	return done;
}

int net_clock_set(struct net_client *client, const char *now,
		  struct wc_error *err)
{
	json_t *body = json_object(), *answer = NULL;
	int rc;

	if (!body || net_body_put(body, "now", now)) {
		json_decref(body);
		return net_oom(err);
	}
	rc = net_request(client, "PUT", "/v1/admin/clock", body, NULL, &answer,
			 err);
	json_decref(body);
	json_decref(answer);
	return rc;
}

int net_training_clock_advance(struct net_client *client, int days,
			       char day[11], struct wc_error *err)
{
	char today[11], now[40];

	if (net_server_date(client, today, err) ||
	    net_calendar_due(client, today, days, day, err))
		return -1;
	snprintf(now, sizeof(now), "%sT09:00:00+08:00", day);
	return net_clock_set(client, now, err);
}
