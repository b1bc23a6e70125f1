/* offline_local.c - what the counter can do without the server: local
 * answers for a new inquiry, a new case (from the cached catalog item) and
 * a checklist; the read hook with its encrypted cache (net_offline.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "offline_private.h"
#include "private.h"
#include "wincase/localstore.h"

void offline_entity_of(const char *path, char *out, size_t size)
{
	static const char *const kinds[] = {"/v1/cases/", "/v1/inquiries/"};

	out[0] = '\0';
	for (size_t i = 0; i < 2; i++) {
		size_t pl = strlen(kinds[i]);

		if (strncmp(path, kinds[i], pl) == 0) {
			size_t idl = strcspn(path + pl, "/?");

			if (idl > 0 && idl + pl < size)
				snprintf(out, size, "%.*s", (int)(pl - 4 + idl),
					 path + 4);
			return;
		}
	}
}

/* ---- the cache of reads */

static void cache_name(const char *path, char out[LOCALSTORE_NAME_MAX])
{
	unsigned char d[16];
	char hex[33];

	crypto_generichash(d, sizeof(d), (const unsigned char *)path,
			   strlen(path), NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), d, sizeof(d));
	snprintf(out, LOCALSTORE_NAME_MAX, "cache-%s", hex);
}

static void cache_put(struct offline *o, const char *path, const json_t *body)
{
	char name[LOCALSTORE_NAME_MAX];
	json_t *rec = json_pack("{s:s,s:I,s:O}", "path", path, "at",
				(json_int_t)time(NULL), "body", body);
	char *text = rec ? json_dumps(rec, JSON_COMPACT) : NULL;

	json_decref(rec);
	if (!text)
		return;
	cache_name(path, name);
	localstore_put(o->store, name, text, strlen(text), false, NULL);
	free(text);
}

/* The cached answer of path (a new reference), or NULL. */
static json_t *cache_get(struct offline *o, const char *path, time_t *at)
{
	char name[LOCALSTORE_NAME_MAX];
	char *text = NULL;
	json_t *rec, *body = NULL;

	cache_name(path, name);
	if (localstore_get(o->store, name, &text, NULL, NULL))
		return NULL;
	rec = json_loads(text, 0, NULL);
	free(text);
	if (rec && json_is_string(json_object_get(rec, "path")) &&
	    strcmp(json_string_value(json_object_get(rec, "path")), path) ==
		0) {
		body = json_incref(json_object_get(rec, "body"));
		if (at)
			*at = (time_t)json_integer_value(
			    json_object_get(rec, "at"));
	}
	json_decref(rec);
	return body;
}

void offline_cache_answer(struct offline *o, const char *path,
			  const json_t *answer)
{
	const json_t *id = json_object_get(answer, "id");
	char where[96];

	if (!json_is_integer(id))
		return;
	/* a case or an inquiry as the server now holds it (a notice or a
	 * document answer is not the entity) */
	if (strncmp(path, "/v1/cases", 9) == 0 &&
	    json_object_get(answer, "checklist"))
		snprintf(where, sizeof(where), "/v1/cases/%lld",
			 (long long)json_integer_value(id));
	else if (strncmp(path, "/v1/inquiries", 13) == 0 &&
		 json_object_get(answer, "first_responder"))
		snprintf(where, sizeof(where), "/v1/inquiries/%lld",
			 (long long)json_integer_value(id));
	else
		return;
	cache_put(o, where, answer);
}

/* ---- local objects */

/* The newest local state of entity ("cases/L1a2b"), from the pending
 * writes' local answers; a borrowed reference or NULL. */
static json_t *overlay_get(const struct offline *o, const char *entity)
{
	for (size_t i = o->n; i-- > 0;) {
		const struct op *op = &o->ops[i];
		char e[64];

		if ((op->state != OFFLINE_PENDING &&
		     op->state != OFFLINE_STOPPED) ||
		    !op->local)
			continue;
		offline_entity_of(op->path, e, sizeof(e));
		if (op->local_id[0]) /* a create: the entity it made */
			snprintf(e, sizeof(e), "%s/%s",
				 strncmp(op->path, "/v1/cases", 9) == 0
				     ? "cases"
				     : "inquiries",
				 op->local_id);
		if (strcmp(e, entity) == 0)
			return op->local;
	}
	return NULL;
}

static json_t *local_common(struct offline *o, const struct op *op,
			    const char *id)
{
	json_t *obj = json_deep_copy(op->body);

	if (!obj)
		obj = json_object();
	json_object_set_new(obj, "id", json_string(id));
	json_object_set_new(obj, "no", json_string(o->pending_no));
	json_object_set_new(obj, "version", json_integer(1));
	json_object_set_new(obj, "window", json_string(o->window));
	json_object_set_new(obj, "created_at", json_string(op->at));
	json_object_set_new(obj, "local", json_true());
	return obj;
}

static json_t *local_inquiry(struct offline *o, const struct op *op,
			     const char *id)
{
	json_t *obj = local_common(o, op, id);

	json_object_set_new(obj, "status", json_string("open"));
	json_object_set_new(obj, "first_responder",
			    json_string(localstore_username(o->store)));
	json_object_set_new(obj, "handoffs", json_array());
	json_object_set_new(obj, "bounced", json_false());
	return obj;
}

/* The checklist of the scenario from the cached item, or NULL. */
static json_t *checklist_from_item(const json_t *item, const char *scenario)
{
	const json_t *sc, *mats = json_object_get(item, "materials"), *m;
	json_t *list = json_array();
	size_t i, k;

	json_array_foreach(json_object_get(item, "scenarios"), i, sc)
	{
		const json_t *mid;

		if (!json_is_string(json_object_get(sc, "id")) ||
		    strcmp(json_string_value(json_object_get(sc, "id")),
			   scenario) != 0)
			continue;
		json_array_foreach(json_object_get(sc, "materials"), k, mid)
		{
			size_t j;

			json_array_foreach(mats, j, m)
			{
				if (!json_equal(json_object_get(m, "id"), mid))
					continue;
				json_array_append_new(
				    list,
				    json_pack(
					"{s:O,s:O?,s:O?,s:O?,s:s}",
					"material_id", mid, "name",
					json_object_get(m, "name"), "role",
					json_object_get(m, "role"), "tolerable",
					json_object_get(m, "tolerable"),
					"state", "pending"));
			}
		}
		return list;
	}
	json_decref(list);
	return NULL;
}

static json_t *local_case(struct offline *o, const struct op *op,
			  const char *id)
{
	const char *code =
	    json_string_value(json_object_get(op->body, "item_code"));
	const char *scenario =
	    json_string_value(json_object_get(op->body, "scenario_id"));
	char path[256];
	json_t *item, *list = NULL, *obj;

	if (!code || !scenario ||
	    net_path_build(path, sizeof(path), "/v1/items/", code, ""))
		return NULL;
	item = cache_get(o, path, NULL);
	if (item)
		list = checklist_from_item(item, scenario);
	json_decref(item);
	if (!list)
		return NULL; /* no cached item: queued, not made up */
	obj = local_common(o, op, id);
	json_object_set_new(obj, "status", json_string("checking"));
	json_object_set_new(obj, "created_by",
			    json_string(localstore_username(o->store)));
	json_object_set_new(obj, "checklist", list);
	json_object_set_new(obj, "notices", json_array());
	json_object_set_new(obj, "deemed", json_false());
	if (!json_object_get(obj, "major_project"))
		json_object_set_new(obj, "major_project", json_false());
	return obj;
}

/* The checklist marks of op applied to the newest known state of its
 * case (a local one or the cached server one). */
static json_t *local_checklist(struct offline *o, const struct op *op)
{
	char entity[64], path[96];
	const json_t *mark, *line;
	json_t *base, *c;
	size_t i, k;

	offline_entity_of(op->path, entity, sizeof(entity));
	base = overlay_get(o, entity);
	if (base) {
		c = json_deep_copy(base);
	} else {
		snprintf(path, sizeof(path), "/v1/%s", entity);
		c = cache_get(o, path, NULL);
	}
	if (!c)
		return NULL;
	json_array_foreach(json_object_get(op->body, "items"), i, mark)
	{
		json_array_foreach(json_object_get(c, "checklist"), k, line)
		{
			if (!json_equal(json_object_get(line, "material_id"),
					json_object_get(mark, "material_id")))
				continue;
			json_object_set((json_t *)line, "state",
					json_object_get(mark, "state"));
			if (json_object_get(mark, "note"))
				json_object_set((json_t *)line, "note",
						json_object_get(mark, "note"));
		}
	}
	json_object_set_new(
	    c, "version",
	    json_integer(json_integer_value(json_object_get(c, "version")) +
			 1));
	return c;
}

void offline_local_answer(struct offline *o, struct op *op)
{
	enum net_offline_kind kind = offline_kind_of(op->method, op->path);
	char id[24];

	snprintf(id, sizeof(id), "L%.12s", op->key);
	switch (kind) {
	case OFFLINE_INQUIRY_CREATE:
		op->local = local_inquiry(o, op, id);
		break;
	case OFFLINE_CASE_CREATE:
		op->local = local_case(o, op, id);
		break;
	case OFFLINE_CASE_CHECKLIST:
		op->local = local_checklist(o, op);
		return;
	default:
		return;
	}
	if (op->local)
		snprintf(op->local_id, sizeof(op->local_id), "%s", id);
}

/* ---- the read hook */

/* path with every mapped local id replaced by the server's. */
static void path_map(const struct offline *o, const char *path, char *out,
		     size_t size)
{
	char entity[64];
	const char *id, *server;

	snprintf(out, size, "%s", path);
	offline_entity_of(path, entity, sizeof(entity));
	id = strchr(entity, '/');
	if (!id || id[1] != 'L' || !(server = offline_mapped(o, id + 1)))
		return;
	snprintf(out, size, "/v1/%.*s/%s%s", (int)(id - entity), entity, server,
		 path + 4 + strlen(entity));
}

/* A list of mine while offline: the cached page with the local objects of
 * that kind in front. */
static void list_merge(const struct offline *o, const char *path, json_t *ans)
{
	const char *kind = strncmp(path, "/v1/cases?", 10) == 0 ? "cases"
			   : strncmp(path, "/v1/inquiries?", 14) == 0
			       ? "inquiries"
			       : NULL;
	json_t *items = json_object_get(ans, "items");

	if (!kind || !json_is_array(items) || strstr(path, "cursor="))
		return;
	for (size_t i = 0; i < o->n; i++) {
		const struct op *op = &o->ops[i];
		char entity[64];
		json_t *now;

		if (!op->local_id[0] || (op->state != OFFLINE_PENDING &&
					 op->state != OFFLINE_STOPPED))
			continue;
		if (strncmp(op->path + 4, kind, strlen(kind)) != 0)
			continue;
		snprintf(entity, sizeof(entity), "%s/%s", kind, op->local_id);
		now = overlay_get(o, entity);
		if (now)
			json_array_insert(items, 0, now);
	}
}

/* The credit record needs the server's judgement now: never answered
 * from an old copy (issue 12); health is the link itself. */
static bool read_cacheable(const char *path)
{
	return strncmp(path, "/v1/applicants/credit", 21) != 0 &&
	       strncmp(path, "/v1/health", 10) != 0;
}

int offline_hook_read(struct net_client *client, const char *path,
		      const struct net_request_options *opt, json_t **out,
		      struct wc_error *err)
{
	struct offline *o = net_client_hook(client)->state;
	char mapped[512], entity[64];
	const json_t *local;
	json_t *answer = NULL;
	int ret;

	if (out)
		*out = NULL;
	path_map(o, path, mapped, sizeof(mapped));
	offline_entity_of(mapped, entity, sizeof(entity));
	local = entity[0] && !strchr(mapped + 4 + strlen(entity), '/')
		    ? overlay_get(o, entity)
		    : NULL;
	if (local) { /* changed here, not yet applied by the server */
		if (out)
			*out = json_deep_copy(local);
		return 0;
	}
	if (net_client_link(client) != NET_LINK_OFFLINE) {
		ret = net_transport(client, "GET", mapped, NULL, opt, &answer,
				    err);
		if (ret == 0 && answer && read_cacheable(mapped))
			cache_put(o, mapped, answer);
		if (ret == 0 || !net_error_unsent(err)) {
			if (out)
				*out = answer;
			else
				json_decref(answer);
			return ret;
		}
	}
	answer = read_cacheable(mapped) ? cache_get(o, mapped, &o->cache_time)
					: NULL;
	if (!answer)
		return wc_error_set(err, "offline", NULL,
				    "server out of reach and nothing cached");
	list_merge(o, mapped, answer);
	if (out)
		*out = answer;
	else
		json_decref(answer);
	return 0;
}
