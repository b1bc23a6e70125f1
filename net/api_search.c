/* api_search.c - the reviewer's search over every case and inquiry the
 * server lets them see (scope=all): the server filters by q and status
 * where API.md allows it, item, window, clerk and dates are filtered here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "wincase/net_review.h"
#include "wincase/text.h"

static int oom(struct wc_error *err)
{
	return wc_error_set(err, "internal", NULL, "out of memory");
}

static int text_get(const json_t *obj, const char *key, char **out)
{
	const json_t *v = json_object_get(obj, key);
	char num[32];

	*out = NULL;
	if (json_is_string(v)) {
		*out = text_sanitize(json_string_value(v), 0);
		return *out ? 0 : -1;
	}
	if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
			 json_integer_value(v));
		*out = strdup(num);
		return *out ? 0 : -1;
	}
	return 0;
}

static void found_release(struct net_found *f)
{
	free(f->id);
	free(f->no);
	free(f->status);
	free(f->item_code);
	free(f->applicant);
	free(f->window);
	free(f->clerk);
	free(f->created_at);
	memset(f, 0, sizeof(*f));
}

int net_found_from_json(const json_t *obj, bool is_case, struct net_found *out,
			struct wc_error *err)
{
	struct net_found f = {.is_case = is_case};
	const json_t *applicant = json_object_get(obj, "applicant");

	if (!json_is_object(obj))
		return wc_error_set(err, "bad_response", "items",
				    "list element is not an object");
	if (text_get(obj, "id", &f.id) || text_get(obj, "no", &f.no) ||
	    text_get(obj, "status", &f.status) ||
	    text_get(obj, "item_code", &f.item_code) ||
	    text_get(applicant, "name", &f.applicant) ||
	    text_get(obj, "window", &f.window) ||
	    text_get(obj, is_case ? "created_by" : "first_responder",
		     &f.clerk) ||
	    text_get(obj, "created_at", &f.created_at)) {
		found_release(&f);
		return oom(err);
	}
	if (!f.id) {
		found_release(&f);
		return wc_error_set(err, "bad_response", "id",
				    "object without an id");
	}
	*out = f;
	return 0;
}

void net_found_list_release(struct net_found_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		found_release(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->n = 0;
}

static bool empty(const char *s)
{
	return !s || !*s;
}

static bool contains(const char *hay, const char *needle)
{
	return empty(needle) || (hay && strstr(hay, needle));
}

static bool equals(const char *value, const char *wanted)
{
	return empty(wanted) || (value && strcmp(value, wanted) == 0);
}

bool net_search_matches(const struct net_search *s, const struct net_found *f)
{
	char day[11] = "";

	if (f->created_at && strlen(f->created_at) >= 10) {
		memcpy(day, f->created_at, 10);
		day[10] = '\0';
	}
	if (!empty(s->q) && !contains(f->no, s->q) &&
	    !contains(f->applicant, s->q))
		return false;
	if (!equals(f->item_code, s->item_code) ||
	    !equals(f->window, s->window) || !contains(f->clerk, s->clerk) ||
	    !equals(f->status, s->status))
		return false;
	if (!empty(s->from) && strcmp(day, s->from) < 0)
		return false;
	if (!empty(s->to) && (!day[0] || strcmp(day, s->to) > 0))
		return false;
	return true;
}

struct collect {
	const struct net_search *s;
	struct net_found_list *list;
	bool is_case;
};

static int found_add(const json_t *obj, void *user, struct wc_error *err)
{
	struct collect *c = user;
	struct net_found f;
	void *p;

	if (net_found_from_json(obj, c->is_case, &f, err))
		return -1;
	if (!net_search_matches(c->s, &f)) {
		found_release(&f);
		return 0;
	}
	if (!(c->list->n & (c->list->n - 1))) {
		p = realloc(c->list->items,
			    (c->list->n ? c->list->n * 2 : 1) * sizeof(f));
		if (!p) {
			found_release(&f);
			return oom(err);
		}
		c->list->items = p;
	}
	c->list->items[c->list->n++] = f;
	return 0;
}

/* base?scope=all[&status=][&q=] */
static int search_path(char *out, size_t size, const char *base,
		       const struct net_search *s, bool with_q)
{
	char *status = curl_easy_escape(NULL, s->status ? s->status : "", 0);
	char *q = curl_easy_escape(NULL, s->q ? s->q : "", 0);
	int n = -1;

	if (status && q)
		n = snprintf(out, size, "%s?scope=all%s%s%s%s", base,
			     *status ? "&status=" : "", status,
			     with_q && *q ? "&q=" : "", with_q ? q : "");
	curl_free(status);
	curl_free(q);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int net_search(struct net_client *client, const struct net_search *s,
	       struct net_found_list *out, struct wc_error *err)
{
	struct net_found_list list = {0};
	struct collect c = {.s = s, .list = &list};
	char path[1024];

	if (s->cases) {
		c.is_case = true;
		if (search_path(path, sizeof(path), "/v1/cases", s, true) ||
		    net_list_each(client, path, found_add, &c, err))
			goto fail;
	}
	if (s->inquiries) {
		c.is_case = false;
		if (search_path(path, sizeof(path), "/v1/inquiries", s,
				false) ||
		    net_list_each(client, path, found_add, &c, err))
			goto fail;
	}
	*out = list;
	return 0;
fail:
	if (!err->code[0])
		wc_error_set(err, "internal", NULL, "search path too long");
	net_found_list_release(&list);
	return -1;
}
