/* offline.c - the journal under net_write, the cache under the reads,
 * and the replay (net_offline.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "offline_private.h"
#include "private.h"
#include "wincase/localstore.h"
#include "wincase/net_offline.h"

#define JOURNAL_NAME "journal.wcj"

static struct offline *offline_of(const struct net_client *client)
{
	return net_client_hook((struct net_client *)client)->state;
}

/* ---- ops */

static struct op *op_find(struct offline *o, const char *key)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->ops[i].key, key) == 0)
			return &o->ops[i];
	return NULL;
}

static void op_release(struct op *op)
{
	json_decref(op->body);
	json_decref(op->local);
	json_decref(op->answer);
	memset(op, 0, sizeof(*op));
}

static struct op *op_add(struct offline *o)
{
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 32;
		struct op *p = realloc(o->ops, cap * sizeof(*p));

		if (!p)
			return NULL;
		o->ops = p;
		o->cap = cap;
	}
	memset(&o->ops[o->n], 0, sizeof(o->ops[o->n]));
	return &o->ops[o->n++];
}

static int map_add(struct offline *o, const char *local, const char *server)
{
	if (o->n_map == o->cap_map) {
		size_t cap = o->cap_map ? o->cap_map * 2 : 16;
		struct id_map *p = realloc(o->map, cap * sizeof(*p));

		if (!p)
			return -1;
		o->map = p;
		o->cap_map = cap;
	}
	snprintf(o->map[o->n_map].local, sizeof(o->map[0].local), "%s", local);
	snprintf(o->map[o->n_map].server, sizeof(o->map[0].server), "%s",
		 server);
	o->n_map++;
	return 0;
}

const char *offline_mapped(const struct offline *o, const char *local)
{
	for (size_t i = 0; i < o->n_map; i++)
		if (strcmp(o->map[i].local, local) == 0)
			return o->map[i].server;
	return NULL;
}

/* ---- the journal's records */

static int record_append(struct offline *o, json_t *rec, struct wc_error *err)
{
	char *text = json_dumps(rec, JSON_COMPACT);
	int ret;

	json_decref(rec);
	if (!text)
		return wc_error_set(err, "internal", NULL, "out of memory");
	ret = journal_append(o->journal, text, err);
	free(text);
	return ret;
}

static void op_from_write(struct op *op, const json_t *r)
{
	snprintf(op->key, sizeof(op->key), "%s",
		 json_string_value(json_object_get(r, "key")));
	snprintf(op->method, sizeof(op->method), "%s",
		 json_string_value(json_object_get(r, "m")));
	snprintf(op->path, sizeof(op->path), "%s",
		 json_string_value(json_object_get(r, "p")));
	snprintf(op->at, sizeof(op->at), "%s",
		 json_string_value(json_object_get(r, "at")));
	snprintf(op->local_id, sizeof(op->local_id), "%s",
		 json_string_value(json_object_get(r, "local")) ?: "");
	op->if_match = (int)json_integer_value(json_object_get(r, "v"));
	op->body = json_incref(json_object_get(r, "b"));
	op->local = json_incref(json_object_get(r, "obj"));
	op->state = OFFLINE_PENDING;
}

/* One record of the journal read back at attach. */
static void record_apply(struct offline *o, const json_t *r)
{
	const char *t = json_string_value(json_object_get(r, "t"));
	const char *key = json_string_value(json_object_get(r, "key"));
	struct op *op = key ? op_find(o, key) : NULL;

	if (!t || !key)
		return;
	if (strcmp(t, "w") == 0 && !op) {
		op = op_add(o);
		if (op)
			op_from_write(op, r);
	} else if (strcmp(t, "map") == 0) {
		const char *l = json_string_value(json_object_get(r, "l"));
		const char *s = json_string_value(json_object_get(r, "s"));

		if (l && s && !offline_mapped(o, l))
			map_add(o, l, s);
	} else if (op && strcmp(t, "d") == 0) {
		const char *id = json_string_value(json_object_get(r, "id"));

		op->state = OFFLINE_DONE;
		if (id && op->local_id[0] && !offline_mapped(o, op->local_id))
			map_add(o, op->local_id, id);
	} else if (op && strcmp(t, "s") == 0) {
		op->state = OFFLINE_STOPPED;
		op->http = (int)json_integer_value(json_object_get(r, "http"));
		op->blocked = json_is_true(json_object_get(r, "blocked"));
		snprintf(op->code, sizeof(op->code), "%s",
			 json_string_value(json_object_get(r, "code")) ?: "");
		snprintf(op->message, sizeof(op->message), "%s",
			 json_string_value(json_object_get(r, "msg")) ?: "");
	} else if (op && strcmp(t, "x") == 0) {
		op->state = OFFLINE_DISMISSED;
	} else if (op && strcmp(t, "r") == 0) {
		op->state = OFFLINE_PENDING;
		op->code[0] = op->message[0] = '\0';
		op->http = 0;
		op->blocked = false;
	}
}

int offline_record_done(struct offline *o, struct op *op, const json_t *answer,
			struct wc_error *err)
{
	const json_t *idv = json_object_get(answer, "id");
	char id[32] = "";
	json_t *rec;

	/* the server's id of an object made offline, for the id map */
	if (op->local_id[0] && json_is_integer(idv))
		snprintf(id, sizeof(id), "%lld",
			 (long long)json_integer_value(idv));
	else if (op->local_id[0] && json_is_string(idv))
		snprintf(id, sizeof(id), "%s", json_string_value(idv));
	rec = json_pack("{s:s,s:s,s:s?}", "t", "d", "key", op->key, "id",
			id[0] ? id : NULL);
	if (record_append(o, rec, err))
		return -1;
	op->state = OFFLINE_DONE;
	json_decref(op->answer);
	op->answer = json_incref((json_t *)answer);
	if (id[0] && !offline_mapped(o, op->local_id))
		map_add(o, op->local_id, id);
	return 0;
}

int offline_record_stopped(struct offline *o, struct op *op, int http,
			   const struct wc_error *why, bool blocked,
			   struct wc_error *err)
{
	json_t *rec = json_pack("{s:s,s:s,s:i,s:s,s:s,s:b}", "t", "s", "key",
				op->key, "http", http, "code", why->code, "msg",
				why->message, "blocked", blocked);

	if (record_append(o, rec, err))
		return -1;
	op->state = OFFLINE_STOPPED;
	op->http = http;
	op->blocked = blocked;
	snprintf(op->code, sizeof(op->code), "%s", why->code);
	snprintf(op->message, sizeof(op->message), "%s", why->message);
	return 0;
}

/* Every change applied or settled: the file starts anew, keeping only the
 * id map (screens may still hold a local id). */
void offline_compact(struct offline *o, bool force)
{
	const char **texts;
	size_t n = 0;

	/* after a write only now and then: each rewrite costs fsyncs */
	if (!force && journal_count(o->journal) < OFFLINE_COMPACT_AFTER)
		return;
	for (size_t i = 0; i < o->n; i++)
		if (o->ops[i].state == OFFLINE_PENDING ||
		    o->ops[i].state == OFFLINE_STOPPED)
			return;
	texts = calloc(o->n_map + 1, sizeof(*texts));
	if (!texts)
		return;
	for (size_t i = 0; i < o->n_map; i++) {
		json_t *r =
		    json_pack("{s:s,s:s,s:s,s:s}", "t", "map", "key", "-", "l",
			      o->map[i].local, "s", o->map[i].server);

		texts[n] = r ? json_dumps(r, JSON_COMPACT) : NULL;
		json_decref(r);
		if (texts[n])
			n++;
	}
	if (journal_rewrite(o->journal, texts, n, NULL) == 0) {
		for (size_t i = 0; i < o->n; i++)
			op_release(&o->ops[i]);
		o->n = 0;
	}
	for (size_t i = 0; i < n; i++)
		free((char *)texts[i]);
	free(texts);
}

/* ---- the write hook */

static void time_now(char out[40])
{
	time_t now = time(NULL);
	struct tm tm;

	if (!localtime_r(&now, &tm) ||
	    !strftime(out, 40, "%Y-%m-%dT%H:%M:%S%z", &tm)) {
		out[0] = '\0';
		return;
	}
	/* +0800 -> +08:00 (RFC 3339) */
	size_t len = strlen(out);
	if (len >= 5) {
		memmove(out + len - 1, out + len - 2, 3);
		out[len - 2] = ':';
	}
}

static bool path_is_session(const char *path)
{
	return strncmp(path, "/v1/sessions", 12) == 0;
}

static int op_journal(struct offline *o, const char *method, const char *path,
		      const json_t *body, const struct net_request_options *opt,
		      struct op **out, struct wc_error *err)
{
	struct op *op;
	json_t *rec;

	op = op_add(o);
	if (!op)
		return wc_error_set(err, "internal", NULL, "out of memory");
	snprintf(op->key, sizeof(op->key), "%s", opt->idempotency_key);
	snprintf(op->method, sizeof(op->method), "%s", method);
	snprintf(op->path, sizeof(op->path), "%s", path);
	time_now(op->at);
	op->if_match = opt->if_match;
	op->body = body ? json_deep_copy(body) : NULL;
	op->state = OFFLINE_PENDING;
	offline_local_answer(o, op);
	rec =
	    json_pack("{s:s,s:s,s:s,s:s,s:s,s:O?,s:i,s:s?,s:O?}", "t", "w",
		      "key", op->key, "m", method, "p", path, "at", op->at, "b",
		      op->body, "v", op->if_match, "local",
		      op->local_id[0] ? op->local_id : NULL, "obj", op->local);
	if (record_append(o, rec, err)) {
		op_release(op);
		o->n--;
		return -1;
	}
	*out = op;
	return 0;
}

/* What the screen gets for a change that waits: the local object, or
 * "queued". */
static int op_answer_local(const struct op *op, json_t **out,
			   struct wc_error *err)
{
	if (op->local && out) {
		*out = json_deep_copy(op->local);
		return 0;
	}
	if (op->local && !out)
		return 0;
	return wc_error_set(err, "queued", NULL,
			    "journaled; the server applies it when it is "
			    "back");
}

static bool pending_before(const struct offline *o, size_t index)
{
	for (size_t i = 0; i < index; i++)
		if (o->ops[i].state == OFFLINE_PENDING)
			return true;
	return false;
}

/* The screen's own write, nothing waiting before it: sent now. Any
 * answer settles it (done, or refused and shown to the clerk: then it is
 * no journal entry to settle later); 1 when it did not reach the server
 * and waits in the journal. */
static int offline_send_direct(struct net_client *client, struct offline *o,
			       struct op *op,
			       const struct net_request_options *opt,
			       json_t **out, struct wc_error *err)
{
	struct net_request_options send = *opt;
	json_t *answer = NULL, *body;
	char path[512];
	int ret;

	send.client_time = NULL; /* the server's own time is the time */
	body = offline_op_request(o, op, path, sizeof(path), &send.if_match);
	ret =
	    net_transport(client, op->method, path, body, &send, &answer, err);
	json_decref(body);
	if (ret == 0) {
		struct wc_error jerr;

		offline_record_done(o, op, answer, &jerr);
		offline_cache_answer(o, path, answer);
		if (out)
			*out = answer;
		else
			json_decref(answer);
		offline_compact(o, false);
		return 0;
	}
	if (net_error_unsent(err))
		return 1;
	op->state = OFFLINE_DISMISSED;
	record_append(o, json_pack("{s:s,s:s}", "t", "x", "key", op->key),
		      NULL);
	offline_compact(o, false);
	return -1;
}

static int hook_write(struct net_client *client, const char *method,
		      const char *path, const json_t *body,
		      const struct net_request_options *opt, json_t **out,
		      struct wc_error *err)
{
	struct offline *o = offline_of(client);
	struct op *op;
	size_t index;

	if (out)
		*out = NULL;
	if (!opt->idempotency_key || !*opt->idempotency_key ||
	    path_is_session(path))
		return net_transport(client, method, path, body, opt, out, err);
	op = op_find(o, opt->idempotency_key);
	if (op && op->state == OFFLINE_DONE && op->answer) {
		if (out)
			*out = json_incref(op->answer);
		return 0;
	}
	if (!op && op_journal(o, method, path, body, opt, &op, err))
		return -1;
	index = (size_t)(op - o->ops);
	/* In order: what waits before it goes first, unless the link is
	 * known to be down. */
	if (net_client_link(client) != NET_LINK_OFFLINE && index > 0) {
		struct wc_error rerr = {0};

		offline_replay_until(client, o, index - 1, &rerr);
		op = &o->ops[index];
	}
	if (net_client_link(client) != NET_LINK_OFFLINE &&
	    !pending_before(o, index)) {
		int r = offline_send_direct(client, o, op, opt, out, err);

		if (r != 1) /* answered by the server: done or refused */
			return r;
	}
	return op_answer_local(op, out, err);
}

/* ---- attach */

int net_offline_attach(struct net_client *client, struct localstore *store,
		       const char *window, const char *pending_no,
		       struct journal_open_report *rep, struct wc_error *err)
{
	struct net_journal_hook *hook = net_client_hook(client);
	struct offline *o;
	char path[4200];

	net_offline_detach(client);
	o = calloc(1, sizeof(*o));
	if (!o)
		return wc_error_set(err, "internal", NULL, "out of memory");
	o->store = store;
	snprintf(o->window, sizeof(o->window), "%s", window ? window : "");
	snprintf(o->pending_no, sizeof(o->pending_no), "%s",
		 pending_no ? pending_no : "");
	snprintf(path, sizeof(path), "%s/" JOURNAL_NAME, localstore_dir(store));
	if (journal_open(path, localstore_key(store), localstore_owner(store),
			 &o->journal, rep, err)) {
		free(o);
		return -1;
	}
	for (size_t i = 0; i < journal_count(o->journal); i++) {
		json_t *r = json_loads(journal_entry(o->journal, i), 0, NULL);

		if (r)
			record_apply(o, r);
		json_decref(r);
	}
	hook->state = o;
	hook->write = hook_write;
	hook->read = offline_hook_read;
	offline_compact(o, true);
	return 0;
}

void net_offline_detach(struct net_client *client)
{
	struct net_journal_hook *hook = net_client_hook(client);
	struct offline *o = hook->state;

	if (!o)
		return;
	for (size_t i = 0; i < o->n; i++)
		op_release(&o->ops[i]);
	free(o->ops);
	free(o->map);
	json_decref(o->last_details);
	journal_close(&o->journal);
	free(o);
	memset(hook, 0, sizeof(*hook));
}

bool net_offline_attached(const struct net_client *client)
{
	return offline_of(client) != NULL;
}

static size_t count_state(const struct net_client *client,
			  enum net_offline_state state)
{
	const struct offline *o = offline_of(client);
	size_t n = 0;

	for (size_t i = 0; o && i < o->n; i++)
		n += o->ops[i].state == state;
	return n;
}

size_t net_offline_pending(const struct net_client *client)
{
	return count_state(client, OFFLINE_PENDING) +
	       count_state(client, OFFLINE_STOPPED);
}

size_t net_offline_stopped(const struct net_client *client)
{
	return count_state(client, OFFLINE_STOPPED);
}

bool net_offline_replaying(const struct net_client *client)
{
	const struct offline *o = offline_of(client);

	return o && o->replaying;
}

time_t net_offline_cache_time(const struct net_client *client)
{
	const struct offline *o = offline_of(client);

	return o ? o->cache_time : 0;
}

/* ---- the journal screen and the command line */

enum net_offline_kind offline_kind_of(const char *method, const char *path)
{
	static const struct {
		const char *method, *prefix, *suffix;
		enum net_offline_kind kind;
	} rules[] = {
	    {"POST", "/v1/inquiries", "", OFFLINE_INQUIRY_CREATE},
	    {"POST", "/v1/inquiries/", "/ack", OFFLINE_INQUIRY_ACK},
	    {"POST", "/v1/inquiries/", "/handoffs", OFFLINE_INQUIRY_HANDOFF},
	    {"POST", "/v1/inquiries/", "/close", OFFLINE_INQUIRY_CLOSE},
	    {"POST", "/v1/cases", "", OFFLINE_CASE_CREATE},
	    {"PUT", "/v1/cases/", "/checklist", OFFLINE_CASE_CHECKLIST},
	    {"POST", "/v1/cases/", "/notices", OFFLINE_CASE_NOTICE},
	    {"POST", "/v1/cases/", "/accept", OFFLINE_CASE_ACCEPT},
	    {"POST", "/v1/cases/", "/supplements", OFFLINE_CASE_SUPPLEMENT},
	    {"POST", "/v1/cases/", "/complete", OFFLINE_CASE_COMPLETE},
	    {"POST", "/v1/cases/", "/withdraw", OFFLINE_CASE_WITHDRAW},
	    {"POST", "/v1/cases/", "/rating", OFFLINE_CASE_RATING},
	};
	size_t len = strlen(path);

	for (size_t i = 0; i < sizeof(rules) / sizeof(*rules); i++) {
		size_t sl = strlen(rules[i].suffix);

		if (strcmp(method, rules[i].method) != 0)
			continue;
		/* no suffix: the collection itself (a create) */
		if (sl == 0 ? strcmp(path, rules[i].prefix) == 0
			    : strncmp(path, rules[i].prefix,
				      strlen(rules[i].prefix)) == 0 &&
				  len >= sl &&
				  strcmp(path + len - sl, rules[i].suffix) == 0)
			return rules[i].kind;
	}
	return OFFLINE_OTHER;
}

size_t net_offline_items(const struct net_client *client,
			 struct net_offline_item **out)
{
	const struct offline *o = offline_of(client);
	struct net_offline_item *items;

	*out = NULL;
	if (!o || !o->n)
		return 0;
	items = calloc(o->n, sizeof(*items));
	if (!items)
		return 0;
	for (size_t i = 0; i < o->n; i++) {
		const struct op *op = &o->ops[i];
		struct net_offline_item *it = &items[i];

		snprintf(it->key, sizeof(it->key), "%s", op->key);
		snprintf(it->method, sizeof(it->method), "%s", op->method);
		snprintf(it->path, sizeof(it->path), "%s", op->path);
		snprintf(it->client_time, sizeof(it->client_time), "%s",
			 op->at);
		snprintf(it->code, sizeof(it->code), "%s", op->code);
		snprintf(it->message, sizeof(it->message), "%s", op->message);
		it->kind = offline_kind_of(op->method, op->path);
		it->state = op->state;
		it->blocked = op->blocked;
		it->http = op->http;
	}
	*out = items;
	return o->n;
}

static struct op *stopped_op(const struct net_client *client, const char *key,
			     struct wc_error *err)
{
	struct offline *o = offline_of(client);
	struct op *op = o && key ? op_find(o, key) : NULL;

	if (!op || op->state != OFFLINE_STOPPED) {
		wc_error_set(err, "not_found", "key", "no stopped change %s",
			     key ? key : "");
		return NULL;
	}
	return op;
}

int net_offline_retry(struct net_client *client, const char *key,
		      struct wc_error *err)
{
	struct offline *o = offline_of(client);
	struct op *op = stopped_op(client, key, err);

	if (!op ||
	    record_append(o, json_pack("{s:s,s:s}", "t", "r", "key", op->key),
			  err))
		return -1;
	op->state = OFFLINE_PENDING;
	op->blocked = false;
	op->http = 0;
	op->code[0] = op->message[0] = '\0';
	return 0;
}

int net_offline_dismiss(struct net_client *client, const char *key,
			struct wc_error *err)
{
	struct offline *o = offline_of(client);
	struct op *op = stopped_op(client, key, err);

	if (!op ||
	    record_append(o, json_pack("{s:s,s:s}", "t", "x", "key", op->key),
			  err))
		return -1;
	op->state = OFFLINE_DISMISSED;
	offline_compact(o, true);
	return 0;
}

int net_offline_export(const struct net_client *client, FILE *out)
{
	static const char *const states[] = {"pending", "stopped", "done",
					     "dismissed"};
	const struct offline *o = offline_of(client);

	for (size_t i = 0; o && i < o->n; i++) {
		const struct op *op = &o->ops[i];
		json_t *line = json_pack(
		    "{s:s,s:s,s:s,s:O?,s:s,s:s,s:i,s:s,s:s,s:s?}", "key",
		    op->key, "method", op->method, "path", op->path, "body",
		    op->body, "client_time", op->at, "state", states[op->state],
		    "http", op->http, "code", op->code, "message", op->message,
		    "local_id", op->local_id[0] ? op->local_id : NULL);
		char *text = line ? json_dumps(line, JSON_COMPACT) : NULL;

		json_decref(line);
		if (!text)
			return -1;
		fprintf(out, "%s\n", text);
		free(text);
	}
	return ferror(out) ? -1 : 0;
}
