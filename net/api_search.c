/* api_search.c - the reviewer's search over every case and inquiry the
 * server lets them see (scope=all): the server filters by q and status
 * where API.md allows it, item, window, clerk and dates are filtered here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net_review.h"
#include "wincase/text.h"

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
	if (net_text_get(obj, "id", &f.id) || net_text_get(obj, "no", &f.no) ||
	    net_text_get(obj, "status", &f.status) ||
	    net_text_get(obj, "item_code", &f.item_code) ||
	    net_text_get(applicant, "name", &f.applicant) ||
	    net_text_get(obj, "window", &f.window) ||
	    net_text_get(obj, is_case ? "created_by" : "first_responder",
			 &f.clerk) ||
	    net_text_get(obj, "created_at", &f.created_at)) {
		found_release(&f);
		return net_oom(err);
	}
	f.case_status =
	    is_case ? net_case_status_get(obj, "status") : CASE_STATUS_COUNT;
	f.inquiry_status = is_case ? INQUIRY_STATUS_COUNT
				   : net_inquiry_status_get(obj, "status");
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

struct search_pass {
	const struct net_search *s;
	bool is_case;
};

static int found_parse(const json_t *obj, void *out, const void *user,
		       struct wc_error *err)
{
	const struct search_pass *pass = user;

	return net_found_from_json(obj, pass->is_case, out, err);
}

static bool found_matches(const void *elem, const void *user)
{
	const struct search_pass *pass = user;

	return net_search_matches(pass->s, elem);
}

static void found_elem_release(void *elem)
{
	found_release(elem);
}

static const struct net_list_kind found_kind = {
    .elem = sizeof(struct net_found),
    .parse = found_parse,
    .keep = found_matches,
    .release = found_elem_release,
};

/* base?scope=all[&status=][&q=] */
static int search_path(char *out, size_t size, const char *base,
		       const struct net_search *s, bool with_q)
{
	char *status = net_url_escape(s->status ? s->status : "");
	char *q = net_url_escape(s->q ? s->q : "");
	int n = -1;

	if (status && q)
		n = snprintf(out, size, "%s?scope=all%s%s%s%s", base,
			     *status ? "&status=" : "", status,
			     with_q && *q ? "&q=" : "", with_q ? q : "");
	free(status);
	free(q);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int net_search(struct net_client *client, const struct net_search *s,
	       struct net_found_list *out, struct wc_error *err)
{
	struct search_pass pass = {.s = s};
	struct net_found_list list = {0};
	void *items = NULL;
	size_t n = 0;
	char path[1024];

	if (s->cases) {
		pass.is_case = true;
		if (search_path(path, sizeof(path), "/v1/cases", s, true) ||
		    net_list_collect(client, path, &found_kind, &pass, &items,
				     &n, err))
			goto fail;
	}
	if (s->inquiries) {
		pass.is_case = false;
		if (search_path(path, sizeof(path), "/v1/inquiries", s,
				false) ||
		    net_list_collect(client, path, &found_kind, &pass, &items,
				     &n, err))
			goto fail;
	}
	out->items = items;
	out->n = n;
	return 0;
fail:
	if (!err->code[0])
		wc_error_set(err, "internal", NULL, "search path too long");
	list.items = items;
	list.n = n;
	net_found_list_release(&list);
	return -1;
}

/* The server did the matching: every row is kept. */
static const struct net_list_kind found_all_kind = {
    .elem = sizeof(struct net_found),
    .parse = found_parse,
    .release = found_elem_release,
};

int net_counter_find(struct net_client *client, const char *q,
		     struct net_found_list *out, struct wc_error *err)
{
	static const char *const bases[] = {"/v1/cases", "/v1/inquiries"};
	struct search_pass pass = {0};
	struct net_found_list list = {0};
	char *escaped = net_url_escape(q ? q : "");
	char path[512];
	void *items = NULL;
	size_t n = 0;
	int rc = 0;

	if (!escaped)
		return net_oom(err);
	for (size_t i = 0; rc == 0 && i < 2; i++) {
		pass.is_case = i == 0;
		if (snprintf(path, sizeof(path), "%s?scope=window&q=%s",
			     bases[i], escaped) >= (int)sizeof(path))
			rc =
			    wc_error_set(err, "invalid_field", "q", "too long");
		else
			rc = net_list_collect(client, path, &found_all_kind,
					      &pass, &items, &n, err);
	}
	free(escaped);
	list.items = items;
	list.n = n;
	if (rc) {
		net_found_list_release(&list);
		return -1;
	}
	*out = list;
	return 0;
}
