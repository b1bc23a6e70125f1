/* offline_replay.c - sending the journaled writes in order with their
 * original keys; local ids mapped to the server's; a refusal stops its
 * chain only (net_offline.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "offline_private.h"
#include "private.h"

/* The entities a write touches: the one of its path, the one it created
 * locally, those its body names (a case made from an inquiry). */
struct entities {
	char e[4][64];
	size_t n;
};

static void entities_add(struct entities *s, const char *e)
{
	if (!e[0] || s->n >= 4)
		return;
	snprintf(s->e[s->n++], sizeof(s->e[0]), "%s", e);
}

static void id_text(const json_t *v, char *out, size_t size)
{
	if (json_is_string(v))
		snprintf(out, size, "%s", json_string_value(v));
	else if (json_is_integer(v))
		snprintf(out, size, "%lld", (long long)json_integer_value(v));
	else
		out[0] = '\0';
}

static void entities_of(const struct op *op, struct entities *s)
{
	char e[64], id[40];

	memset(s, 0, sizeof(*s));
	offline_entity_of(op->path, e, sizeof(e));
	entities_add(s, e);
	if (op->local_id[0]) {
		snprintf(e, sizeof(e), "%s/%s",
			 strncmp(op->path, "/v1/cases", 9) == 0 ? "cases"
								: "inquiries",
			 op->local_id);
		entities_add(s, e);
	}
	id_text(json_object_get(op->body, "inquiry_id"), id, sizeof(id));
	if (id[0]) {
		snprintf(e, sizeof(e), "inquiries/%s", id);
		entities_add(s, e);
	}
	id_text(json_object_get(op->body, "case_id"), id, sizeof(id));
	if (id[0]) {
		snprintf(e, sizeof(e), "cases/%s", id);
		entities_add(s, e);
	}
}

/* A local id ("L...") not mapped yet: its creation has not been applied. */
static bool entities_unmapped(const struct offline *o, const struct entities *s,
			      const struct op *self)
{
	for (size_t i = 0; i < s->n; i++) {
		const char *id = strchr(s->e[i], '/') + 1;

		if (id[0] == 'L' && strcmp(id, self->local_id) != 0 &&
		    !offline_mapped(o, id))
			return true;
	}
	return false;
}

struct blocked {
	char e[256][64];
	size_t n;
};

static bool blocked_has(const struct blocked *b, const struct entities *s)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < b->n; k++)
			if (strcmp(s->e[i], b->e[k]) == 0)
				return true;
	return false;
}

static void blocked_add(struct blocked *b, const struct entities *s)
{
	for (size_t i = 0; i < s->n && b->n < 256; i++)
		snprintf(b->e[b->n++], sizeof(b->e[0]), "%s", s->e[i]);
}

/* The entity key after mapping, for the versions seen. */
static void entity_mapped(const struct offline *o, const char *entity,
			  char *out, size_t size)
{
	const char *slash = strchr(entity, '/');
	const char *server = slash ? offline_mapped(o, slash + 1) : NULL;

	if (server)
		snprintf(out, size, "%.*s/%s", (int)(slash - entity), entity,
			 server);
	else
		snprintf(out, size, "%s", entity);
}

static int version_get(const struct offline *o, const char *entity)
{
	for (size_t i = 0; i < o->n_versions; i++)
		if (strcmp(o->versions[i].entity, entity) == 0)
			return o->versions[i].version;
	return 0;
}

static void version_put(struct offline *o, const char *entity, int version)
{
	size_t i;

	for (i = 0; i < o->n_versions; i++)
		if (strcmp(o->versions[i].entity, entity) == 0)
			break;
	if (i == o->n_versions) {
		if (o->n_versions == sizeof(o->versions) / sizeof(*o->versions))
			i = 0; /* the oldest goes */
		else
			o->n_versions++;
	}
	snprintf(o->versions[i].entity, sizeof(o->versions[0].entity), "%s",
		 entity);
	o->versions[i].version = version;
}

/* The body with its local ids replaced (a new reference). */
static json_t *body_mapped(const struct offline *o, const json_t *body)
{
	static const char *const keys[] = {"inquiry_id", "case_id"};
	json_t *b = body ? json_deep_copy(body) : NULL;

	for (size_t i = 0; b && i < 2; i++) {
		const char *id = json_string_value(json_object_get(b, keys[i]));
		const char *server = id ? offline_mapped(o, id) : NULL;

		if (server)
			net_id_put(b, keys[i], server);
	}
	return b;
}

json_t *offline_op_request(const struct offline *o, const struct op *op,
			   char *path, size_t size, int *if_match)
{
	char entity[64], mapped[64];
	int seen;

	offline_entity_of(op->path, entity, sizeof(entity));
	entity_mapped(o, entity, mapped, sizeof(mapped));
	if (entity[0] && strcmp(entity, mapped) != 0)
		snprintf(path, size, "/v1/%s%s", mapped,
			 op->path + 4 + strlen(entity));
	else
		snprintf(path, size, "%s", op->path);
	seen = mapped[0] ? version_get(o, mapped) : 0;
	*if_match = op->if_match > 0 && seen > 0 ? seen : op->if_match;
	if (op->if_match > 0 && entity[0] && strchr(entity, '/')[1] == 'L' &&
	    seen == 0)
		*if_match = 1; /* made offline: version 1 on the server */
	return body_mapped(o, op->body);
}

/* Sends one write; 1 applied, 0 refused (recorded), -1 link or session
 * lost (left waiting). */
static int op_send(struct net_client *client, struct offline *o, struct op *op,
		   struct wc_error *err)
{
	char path[512], entity[64], mapped[64];
	json_t *body, *answer = NULL, *details = NULL;
	struct net_request_options opt = {
	    .idempotency_key = op->key,
	    .client_time = op->at,
	    .details = &details,
	};
	struct wc_error why = {0};
	int ret;

	body = offline_op_request(o, op, path, sizeof(path), &opt.if_match);
	offline_entity_of(op->path, entity, sizeof(entity));
	entity_mapped(o, entity, mapped, sizeof(mapped));
	ret =
	    net_transport(client, op->method, path, body, &opt, &answer, &why);
	json_decref(body);
	if (ret == 0) {
		ret = offline_record_done(o, op, answer, err) ? -1 : 1;
		offline_cache_answer(o, path, answer);
		if (json_is_integer(json_object_get(answer, "version"))) {
			char made[64];
			int v = (int)json_integer_value(
			    json_object_get(answer, "version"));

			if (mapped[0])
				version_put(o, mapped, v);
			if (op->local_id[0]) {
				snprintf(made, sizeof(made), "%s/%s",
					 strncmp(op->path, "/v1/cases", 9) == 0
					     ? "cases"
					     : "inquiries",
					 offline_mapped(o, op->local_id)
					     ?: op->local_id);
				version_put(o, made, v);
			}
		}
		json_decref(answer);
		json_decref(details);
		return ret;
	}
	json_decref(answer);
	*err = why;
	switch (net_error_of(&why)) {
	case NET_ERR_OFFLINE:
	case NET_ERR_UNAUTHENTICATED:
	case NET_ERR_INTERNAL:
	case NET_ERR_RATE_LIMITED:
	case NET_ERR_BAD_RESPONSE:
		json_decref(details);
		return -1; /* try again later, same key */
	default:
		break;
	}
	json_decref(o->last_details);
	o->last_details = details;
	o->last_refusal = why;
	/* 409, 412, 422 and any other refusal: kept for the clerk. */
	return offline_record_stopped(
		   o, op, (int)net_client_last_status(client), &why, false, err)
		   ? -1
		   : 0;
}

int offline_replay_until(struct net_client *client, struct offline *o,
			 size_t index, struct wc_error *err)
{
	struct blocked *b = calloc(1, sizeof(*b));
	struct wc_error why;
	int ret = 0;

	if (!b)
		return wc_error_set(err, "internal", NULL, "out of memory");
	o->replaying = true;
	for (size_t i = 0; i < o->n; i++) {
		struct op *op = &o->ops[i];
		struct entities s;
		int r;

		entities_of(op, &s);
		if (op->state == OFFLINE_STOPPED) {
			blocked_add(b, &s);
			continue;
		}
		if (op->state != OFFLINE_PENDING)
			continue;
		if (i > index)
			break;
		if (blocked_has(b, &s) || entities_unmapped(o, &s, op)) {
			/* an earlier change of its chain was refused */
			wc_error_set(&why, "chain_stopped", NULL,
				     "an earlier change of the same case or "
				     "inquiry was refused");
			if (offline_record_stopped(o, op, 0, &why, true, err)) {
				ret = -1;
				break;
			}
			blocked_add(b, &s);
			continue;
		}
		r = op_send(client, o, op, err);
		if (r < 0) {
			ret = -1;
			break;
		}
		if (r == 0)
			blocked_add(b, &s);
	}
	o->replaying = false;
	free(b);
	return ret;
}

int net_offline_replay(struct net_client *client, size_t *sent,
		       struct wc_error *err)
{
	struct offline *o = net_client_hook(client)->state;
	size_t before = 0, after = 0;
	int ret;

	if (sent)
		*sent = 0;
	if (!o)
		return 0;
	for (size_t i = 0; i < o->n; i++)
		before += o->ops[i].state == OFFLINE_DONE;
	ret = offline_replay_until(client, o, SIZE_MAX, err);
	for (size_t i = 0; i < o->n; i++)
		after += o->ops[i].state == OFFLINE_DONE;
	if (sent)
		*sent = after - before;
	offline_compact(o, true);
	return ret;
}
