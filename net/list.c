/* list.c - the lists of API.md, read page by page (limit and cursor), and
 * collected into an array of the client's structs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "private.h"
#include "wincase/net.h"

/* Lists are read page by page; this many pages at most (limit=200 each). */
#define NET_MAX_PAGES 50

int net_list_each(struct net_client *client, const char *base,
		  int (*each)(const json_t *obj, void *user,
			      struct wc_error *err),
		  void *user, struct wc_error *err)
{
	char path[1024], *cursor = NULL, *escaped;
	const char *sep = strchr(base, '?') ? "&" : "?";
	json_t *answer = NULL, *items, *obj;
	const char *next;
	size_t i;
	int page, ret = -1;

	for (page = 0; page < NET_MAX_PAGES; page++) {
		if (cursor) {
			escaped = net_url_escape(cursor);
			if (!escaped) {
				net_oom(err);
				goto done;
			}
			snprintf(path, sizeof(path), "%s%slimit=200&cursor=%s",
				 base, sep, escaped);
			free(escaped);
		} else {
			snprintf(path, sizeof(path), "%s%slimit=200", base,
				 sep);
		}
		if (net_request(client, "GET", path, NULL, NULL, &answer, err))
			goto done;
		items = json_object_get(answer, "items");
		if (!json_is_array(items)) {
			wc_error_set(err, "bad_response", "items",
				     "list without items");
			goto done;
		}
		json_array_foreach(items, i, obj)
		{
			if (each(obj, user, err))
				goto done;
		}
		free(cursor);
		cursor = NULL;
		next =
		    json_string_value(json_object_get(answer, "next_cursor"));
		if (!next || !*next)
			break;
		cursor = strdup(next);
		json_decref(answer);
		answer = NULL;
		if (!cursor) {
			net_oom(err);
			goto done;
		}
	}
	ret = 0;
done:
	free(cursor);
	json_decref(answer);
	/* The pages' JSON trees and answer bytes, freed now, were the
	 * largest allocations of the client: glibc keeps their pages dirty
	 * in the middle of the heap; give them back (issue 16: a 500-row
	 * queue left ~280 KiB behind). */
#ifdef __GLIBC__
	malloc_trim(0);
#endif
	return ret;
}

struct collect {
	const struct net_list_kind *kind;
	const void *user;
	char *items;
	size_t n, room;
};

/* Parses obj into the next slot of the array, keeps it or releases it. */
static int collect_one(const json_t *obj, void *user, struct wc_error *err)
{
	struct collect *c = user;
	const struct net_list_kind *k = c->kind;
	void *slot, *p;

	if (c->n == c->room) {
		c->room = c->room ? c->room * 2 : 8;
		p = realloc(c->items, c->room * k->elem);
		if (!p)
			return net_oom(err);
		c->items = p;
	}
	slot = c->items + c->n * k->elem;
	if (k->parse(obj, slot, c->user, err))
		return -1;
	if (k->keep && !k->keep(slot, c->user)) {
		k->release(slot);
		return 0;
	}
	c->n++;
	return 0;
}

int net_list_collect(struct net_client *client, const char *path,
		     const struct net_list_kind *kind, const void *user,
		     void **items, size_t *n, struct wc_error *err)
{
	struct collect c = {
	    .kind = kind, .user = user, .items = *items, .n = *n, .room = *n};

	if (net_list_each(client, path, collect_one, &c, err)) {
		for (size_t i = 0; i < c.n; i++)
			kind->release(c.items + i * kind->elem);
		free(c.items);
		*items = NULL;
		*n = 0;
		return -1;
	}
	if (c.n == 0) { /* nothing kept: no array, as for an empty list */
		free(c.items);
		c.items = NULL;
	}
	*items = c.items;
	*n = c.n;
	return 0;
}
