/* api_review.c - the reviewer's calls: review queue and
 * decisions, audit chain check, statistics and the searches over all cases
 * and inquiries. Strings from the server pass text_sanitize here, once. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net_review.h"
#include "wincase/text.h"

const char *const net_review_kinds[REVIEW_KIND_COUNT] = {
    "tolerant_acceptance", "once_violation", "breach", "overdue", "bounced",
    "rectification",
};

const char *const net_stats_names[STAT_COLUMNS] = {
    [STAT_INQUIRIES] = "inquiries",
    [STAT_BOUNCED] = "bounced",
    [STAT_CASES] = "cases",
    [STAT_NOTICES] = "notices",
    [STAT_ONCE_VIOLATIONS] = "once_violations",
    [STAT_ACCEPTED] = "accepted",
    [STAT_TOLERANT] = "tolerant",
    [STAT_FULFILLED] = "fulfilled",
    [STAT_BREACHED] = "breached",
    [STAT_OVERDUE] = "overdue",
    [STAT_DEEMED] = "deemed",
    [STAT_COMPLETED] = "completed",
};

/* ---- Review queue */

const char *net_review_decision_word(enum net_review_decision d)
{
	static const char *const words[NET_REVIEW_DECISIONS] = {
	    "approve", "return", "waive", "rectified"};

	return (unsigned)d < NET_REVIEW_DECISIONS ? words[d] : "";
}

int net_review_kind_index(const char *kind)
{
	for (int i = 0; kind && i < REVIEW_KIND_COUNT; i++)
		if (strcmp(kind, net_review_kinds[i]) == 0)
			return i;
	return -1;
}

/* The API's words of the steps, by enum net_review_step. */
static const char *const step_words[NET_REVIEW_STEPS] = {"verify", "fix",
							 "feedback"};

static int review_steps_get(const json_t *steps, struct net_review_item *r)
{
	for (int i = 0; i < NET_REVIEW_STEPS; i++)
		if (net_text_get(steps, step_words[i], &r->steps[i]))
			return -1;
	return 0;
}

int net_review_item_from_json(const json_t *obj, struct net_review_item *out,
			      struct wc_error *err)
{
	struct net_review_item r = {0};
	int kind;

	if (!json_is_object(obj))
		return wc_error_set(err, "bad_response", "item",
				    "review item is not an object");
	if (net_text_get(obj, "id", &r.id) ||
	    net_text_get(obj, "case_id", &r.case_id) ||
	    net_text_get(obj, "inquiry_id", &r.inquiry_id) ||
	    net_text_get(obj, "created_at", &r.created_at) ||
	    net_text_get(obj, "summary", &r.summary) ||
	    net_text_get(obj, "due_date", &r.due_date) ||
	    net_text_get(obj, "owner", &r.owner) ||
	    net_text_get(obj, "decision", &r.decision) ||
	    net_text_get(obj, "decided_by", &r.decided_by) ||
	    net_text_get(obj, "comment", &r.comment) ||
	    net_text_get(obj, "decided_at", &r.decided_at) ||
	    net_text_get(obj, "no", &r.no) ||
	    review_steps_get(json_object_get(obj, "steps"), &r)) {
		net_review_item_release(&r);
		return net_oom(err);
	}
	r.status = net_review_status_get(obj, "status");
	r.age_minutes =
	    json_is_integer(json_object_get(obj, "age_minutes"))
		? (long)json_integer_value(json_object_get(obj, "age_minutes"))
		: -1;
	r.aged = json_is_true(json_object_get(obj, "aged"));
	kind = net_review_kind_index(
	    json_string_value(json_object_get(obj, "kind")));
	r.kind = kind < 0 ? REVIEW_KIND_COUNT : (enum review_kind)kind;
	if (!r.id || !json_is_string(json_object_get(obj, "kind"))) {
		net_review_item_release(&r);
		return wc_error_set(err, "bad_response", "item.id",
				    "review item without id or kind");
	}
	*out = r;
	return 0;
}

void net_review_item_release(struct net_review_item *r)
{
	free(r->id);
	free(r->case_id);
	free(r->inquiry_id);
	free(r->created_at);
	free(r->summary);
	free(r->due_date);
	free(r->owner);
	free(r->decision);
	free(r->decided_by);
	free(r->comment);
	free(r->decided_at);
	free(r->no);
	for (int i = 0; i < NET_REVIEW_STEPS; i++)
		free(r->steps[i]);
	memset(r, 0, sizeof(*r));
}

void net_review_list_release(struct net_review_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		net_review_item_release(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->n = 0;
}

static int review_parse(const json_t *obj, void *out, const void *user,
			struct wc_error *err)
{
	(void)user;
	return net_review_item_from_json(obj, out, err);
}

/* user: a bool, pending items only */
static bool review_wanted(const void *elem, const void *user)
{
	const struct net_review_item *r = elem;
	const bool *pending_only = user;

	return !*pending_only || r->status == REVIEW_PENDING ||
	       r->status == REVIEW_STATUS_COUNT;
}

static void review_elem_release(void *elem)
{
	net_review_item_release(elem);
}

static const struct net_list_kind review_kind = {
    .elem = sizeof(struct net_review_item),
    .parse = review_parse,
    .keep = review_wanted,
    .release = review_elem_release,
};

static int str_cmp(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* By kind, then oldest first (RFC 3339 of one offset sorts as text), then
 * by id as a number. */
static int review_order(const void *pa, const void *pb)
{
	const struct net_review_item *a = pa, *b = pb;
	int c;

	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	c = str_cmp(a->created_at, b->created_at);
	if (c)
		return c;
	return (int)(strtol(a->id, NULL, 10) - strtol(b->id, NULL, 10));
}

/* The queue at path: every page, sorted. */
static int review_collect(struct net_client *client, const char *path,
			  bool pending_only, struct net_review_list *out,
			  struct wc_error *err)
{
	void *items = NULL;
	size_t n = 0;

	if (net_list_collect(client, path, &review_kind, &pending_only, &items,
			     &n, err))
		return -1;
	if (n > 1)
		qsort(items, n, sizeof(*out->items), review_order);
	out->items = items;
	out->n = n;
	return 0;
}

int net_review_queue(struct net_client *client, bool pending_only,
		     struct net_review_list *out, struct wc_error *err)
{
	return review_collect(client, "/v1/review/queue", pending_only, out,
			      err);
}

int net_review_returns(struct net_client *client, struct net_review_list *out,
		       struct wc_error *err)
{
	bool all = false;
	void *items = NULL;
	size_t n = 0;

	if (net_list_collect(client, "/v1/review/returns", &review_kind, &all,
			     &items, &n, err))
		return -1;
	out->items = items;
	out->n = n;
	return 0;
}

int net_review_queue_view(struct net_client *client, enum net_review_view view,
			  struct net_review_list *out, struct wc_error *err)
{
	static const char *const paths[NET_REVIEW_VIEWS] = {
	    [NET_VIEW_PENDING] = "/v1/review/queue",
	    [NET_VIEW_MINE] = "/v1/review/queue?owner=me",
	    [NET_VIEW_UNOWNED] = "/v1/review/queue?owner=none",
	    [NET_VIEW_DONE] = "/v1/review/queue?status=done",
	    [NET_VIEW_MY_DECIDED] =
		"/v1/review/queue?status=done&decided_by=me",
	};

	if ((unsigned)view >= NET_REVIEW_VIEWS)
		return wc_error_set(err, "bad_request", "view", "no such view");
	return review_collect(client, paths[view], false, out, err);
}

/* POST /v1/review/{id}/verb with body (borrowed, may be NULL); on 409
 * taken_by_other the colleague's username into owner, on 422
 * deadline_too_long the latest date. */
static int review_post(struct net_client *client, const char *id,
		       const char *verb, const json_t *body, const char *key,
		       char *owner, size_t size, struct wc_error *err)
{
	json_t *details = NULL;
	struct net_request_options opt = {.idempotency_key = key,
					  .details = &details};
	char path[160], *escaped = net_url_escape(id ? id : "");
	char *who = NULL;
	int ret;

	if (!escaped)
		return net_oom(err);
	snprintf(path, sizeof(path), "/v1/review/%s/%s", escaped, verb);
	free(escaped);
	ret = net_write(client, "POST", path, body, &opt, NULL, err);
	if (ret && owner && size) {
		const json_t *d = json_array_get(details, 0);

		if (net_text_get(
			d, json_object_get(d, "owner") ? "owner" : "max", &who))
			who = NULL;
		snprintf(owner, size, "%s", who ? who : "");
		free(who);
	}
	json_decref(details);
	return ret;
}

int net_review_take(struct net_client *client, const char *id,
		    const char *idempotency_key, char *owner, size_t size,
		    struct wc_error *err)
{
	return review_post(client, id, "take", NULL, idempotency_key, owner,
			   size, err);
}

int net_review_release(struct net_client *client, const char *id,
		       const char *idempotency_key, struct wc_error *err)
{
	return review_post(client, id, "release", NULL, idempotency_key, NULL,
			   0, err);
}

int net_review_assign(struct net_client *client, const char *id, const char *to,
		      const char *idempotency_key, struct wc_error *err)
{
	json_t *body = json_pack("{s:s}", "to", to ? to : "");
	int ret;

	if (!body)
		return net_oom(err);
	ret = review_post(client, id, "assign", body, idempotency_key, NULL, 0,
			  err);
	json_decref(body);
	return ret;
}

int net_review_step(struct net_client *client, const char *id,
		    enum net_review_step step, const char *text,
		    const char *idempotency_key, char *owner, size_t size,
		    struct wc_error *err)
{
	json_t *body;
	int ret;

	if ((unsigned)step >= NET_REVIEW_STEPS)
		return wc_error_set(err, "bad_request", "step", "no such step");
	body = json_pack("{s:s, s:s}", "step", step_words[step], "text",
			 text ? text : "");
	if (!body)
		return net_oom(err);
	ret = review_post(client, id, "steps", body, idempotency_key, owner,
			  size, err);
	json_decref(body);
	return ret;
}

int net_review_set_due(struct net_client *client, const char *id,
		       const char *due_date, const char *idempotency_key,
		       char *owner, size_t size, struct wc_error *err)
{
	json_t *body = json_pack("{s:s}", "due_date", due_date ? due_date : "");
	int ret;

	if (!body)
		return net_oom(err);
	ret = review_post(client, id, "due", body, idempotency_key, owner, size,
			  err);
	json_decref(body);
	return ret;
}

int net_review_get(struct net_client *client, const char *id,
		   struct net_review_item *out, struct wc_error *err)
{
	char path[160], *escaped = net_url_escape(id ? id : "");
	json_t *answer = NULL;
	int ret;

	if (!escaped)
		return net_oom(err);
	snprintf(path, sizeof(path), "/v1/review/%s", escaped);
	free(escaped);
	ret = net_request(client, "GET", path, NULL, NULL, &answer, err);
	if (ret == 0)
		ret = net_review_item_from_json(answer, out, err);
	json_decref(answer);
	return ret;
}

int net_review_decide(struct net_client *client, const char *id,
		      enum net_review_decision decision, const char *comment,
		      const char *idempotency_key, struct wc_error *err)
{
	struct net_request_options opt = {.idempotency_key = idempotency_key};
	json_t *body = json_object();
	char path[160], *escaped = net_url_escape(id ? id : "");
	int ret = -1;

	if (!body || !escaped ||
	    json_object_set_new(
		body, "decision",
		json_string(net_review_decision_word(decision))) ||
	    json_object_set_new(body, "comment",
				json_string(comment ? comment : ""))) {
		net_oom(err);
		goto done;
	}
	snprintf(path, sizeof(path), "/v1/review/%s/decision", escaped);
	ret = net_write(client, "POST", path, body, &opt, NULL, err);
done:
	free(escaped);
	json_decref(body);
	return ret;
}

static long net_long(const json_t *obj, const char *key)
{
	return (long)json_integer_value(json_object_get(obj, key));
}

int net_audit_check(struct net_client *client, struct net_audit_check *out,
		    struct wc_error *err)
{
	json_t *answer = NULL;
	const json_t *cp;
	const char *at;

	memset(out, 0, sizeof(*out));
	if (net_request(client, "GET", "/v1/audit/verify", NULL, NULL, &answer,
			err))
		return -1;
	out->ok = json_is_true(json_object_get(answer, "ok"));
	out->entries = net_long(answer, "entries");
	out->broken_at = net_long(answer, "broken_at");
	out->missing_after = net_long(answer, "missing_after");
	out->rewritten_from = net_long(answer, "rewritten_from");
	cp = json_object_get(answer, "checkpoint");
	out->checkpoint_seq = net_long(cp, "seq");
	at = json_string_value(json_object_get(cp, "at"));
	snprintf(out->checkpoint_at, sizeof(out->checkpoint_at), "%s",
		 at ? at : "");
	json_decref(answer);
	return 0;
}

/* ---- Statistics */

int net_stats_row_from_json(const json_t *obj, struct net_stats_row *out,
			    struct wc_error *err)
{
	struct net_stats_row r = {0};
	const json_t *ratings = json_object_get(obj, "ratings"), *sat;
	long rated = 0, good = 0;
	char level[2] = "1";

	if (!json_is_object(obj))
		return wc_error_set(err, "bad_response", "row",
				    "stats row is not an object");
	if (net_text_get(obj, "key", &r.key))
		return net_oom(err);
	if (!r.key && !(r.key = strdup("-")))
		return net_oom(err);
	for (int c = 0; c < STAT_COLUMNS; c++)
		r.value[c] = (long)json_integer_value(
		    json_object_get(obj, net_stats_names[c]));
	for (int i = 0; i < 5; i++) {
		level[0] = (char)('1' + i);
		r.ratings[i] =
		    (long)json_integer_value(json_object_get(ratings, level));
		rated += r.ratings[i];
	}
	good = r.ratings[3] + r.ratings[4];
	sat = json_object_get(obj, "satisfaction");
	if (json_is_number(sat)) {
		r.satisfaction = json_number_value(sat);
		if (r.satisfaction > 1.0) /* a server that answers percent */
			r.satisfaction /= 100.0;
		r.has_satisfaction = true;
	} else if (rated > 0) {
		/* R5 as the server counts it: 满意 and 非常满意 */
		r.satisfaction = (double)good / (double)rated;
		r.has_satisfaction = true;
	}
	*out = r;
	return 0;
}

void net_stats_release(struct net_stats *stats)
{
	for (size_t i = 0; i < stats->n; i++)
		free(stats->rows[i].key);
	free(stats->rows);
	stats->rows = NULL;
	stats->n = 0;
}

static int stats_parse(const json_t *obj, void *out, const void *user,
		       struct wc_error *err)
{
	(void)user;
	return net_stats_row_from_json(obj, out, err);
}

static void stats_row_release(void *elem)
{
	struct net_stats_row *r = elem;

	free(r->key);
}

static const struct net_list_kind stats_kind = {
    .elem = sizeof(struct net_stats_row),
    .parse = stats_parse,
    .release = stats_row_release,
};

int net_stats_get(struct net_client *client, const char *from, const char *to,
		  const char *group_by, struct net_stats *out,
		  struct wc_error *err)
{
	void *rows = NULL;
	size_t n = 0;
	char path[256];
	char *f = net_url_escape(from ? from : "");
	char *t = net_url_escape(to ? to : "");
	char *g = net_url_escape(group_by ? group_by : "");
	int ret = -1;

	if (!f || !t || !g) {
		net_oom(err);
		goto done;
	}
	snprintf(path, sizeof(path), "/v1/stats?from=%s&to=%s&group_by=%s", f,
		 t, g);
	if (net_list_collect(client, path, &stats_kind, NULL, &rows, &n, err))
		goto done;
	out->rows = rows;
	out->n = n;
	ret = 0;
done:
	free(f);
	free(t);
	free(g);
	return ret;
}
