/* model.c - API objects into the client's structs. Every string that comes
 * from the server passes text_sanitize here, once (DESIGN.md 4). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net.h"
#include "wincase/text.h"

enum case_status net_case_status_get(const json_t *obj, const char *key)
{
	enum case_status s = CASE_STATUS_COUNT;

	case_status_parse(json_string_value(json_object_get(obj, key)), &s);
	return s;
}

enum inquiry_status net_inquiry_status_get(const json_t *obj, const char *key)
{
	enum inquiry_status s = INQUIRY_STATUS_COUNT;

	inquiry_status_parse(json_string_value(json_object_get(obj, key)), &s);
	return s;
}

enum commitment_status net_commitment_status_get(const json_t *obj,
						 const char *key)
{
	enum commitment_status s = COMMITMENT_STATUS_COUNT;

	commitment_status_parse(json_string_value(json_object_get(obj, key)),
				&s);
	return s;
}

enum review_status net_review_status_get(const json_t *obj, const char *key)
{
	enum review_status s = REVIEW_STATUS_COUNT;

	review_status_parse(json_string_value(json_object_get(obj, key)), &s);
	return s;
}

static enum net_role role_of(const char *word)
{
	static const char *const words[] = {"clerk", "reviewer", "admin"};

	for (size_t i = 0; word && i < sizeof(words) / sizeof(*words); i++)
		if (strcmp(word, words[i]) == 0)
			return (enum net_role)i;
	return NET_ROLE_OTHER;
}

int net_user_from_json(const json_t *obj, struct net_user *out,
		       struct wc_error *err)
{
	struct net_user u = {0};

	if (!json_is_object(obj))
		return wc_error_set(err, "bad_response", "user",
				    "user is not an object");
	if (net_text_get(obj, "username", &u.username) ||
	    net_text_get(obj, "display_name", &u.display_name) ||
	    net_text_get(obj, "window", &u.window) ||
	    net_text_get(obj, "department", &u.department)) {
		net_user_release(&u);
		return net_oom(err);
	}
	u.role = role_of(json_string_value(json_object_get(obj, "role")));
	if (!u.username) {
		net_user_release(&u);
		return wc_error_set(err, "bad_response", "user.username",
				    "user without a username");
	}
	*out = u;
	return 0;
}

void net_user_release(struct net_user *user)
{
	free(user->username);
	free(user->display_name);
	free(user->window);
	free(user->department);
	memset(user, 0, sizeof(*user));
}

int net_inquiry_from_json(const json_t *obj, struct net_inquiry *out,
			  struct wc_error *err)
{
	struct net_inquiry q = {0};
	const json_t *applicant = json_object_get(obj, "applicant");

	if (!json_is_object(obj))
		return wc_error_set(err, "bad_response", "inquiry",
				    "inquiry is not an object");
	if (net_text_get(obj, "id", &q.id) || net_text_get(obj, "no", &q.no) ||
	    net_text_get(obj, "channel", &q.channel) ||
	    net_text_get(obj, "topic", &q.topic) ||
	    net_text_get(obj, "item_code", &q.item_code) ||
	    net_text_get(obj, "window", &q.window) ||
	    net_text_get(obj, "created_at", &q.created_at) ||
	    net_text_get(applicant, "name", &q.applicant_name)) {
		net_inquiry_release(&q);
		return net_oom(err);
	}
	q.status = net_inquiry_status_get(obj, "status");
	q.version = (int)json_integer_value(json_object_get(obj, "version"));
	if (!q.id) {
		net_inquiry_release(&q);
		return wc_error_set(err, "bad_response", "inquiry.id",
				    "inquiry without an id");
	}
	*out = q;
	return 0;
}

void net_inquiry_release(struct net_inquiry *q)
{
	free(q->id);
	free(q->no);
	free(q->channel);
	free(q->topic);
	free(q->item_code);
	free(q->window);
	free(q->created_at);
	free(q->applicant_name);
	memset(q, 0, sizeof(*q));
}

void net_inquiry_list_release(struct net_inquiry_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		net_inquiry_release(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->n = 0;
}

int net_item_from_json(const json_t *obj, struct item *out,
		       struct wc_error *err)
{
	struct item it = {0};

	if (!json_is_object(obj))
		return wc_error_set(err, "bad_response", "item",
				    "item is not an object");
	if (net_text_get(obj, "code", &it.code) ||
	    net_text_get(obj, "name", &it.name) ||
	    net_text_get(obj, "department", &it.department)) {
		net_item_release(&it);
		return net_oom(err);
	}
	if (!it.code || !it.name) {
		net_item_release(&it);
		return wc_error_set(err, "bad_response", "item.code",
				    "item without code or name");
	}
	it.legal_days =
	    (int)json_integer_value(json_object_get(obj, "legal_days"));
	it.promised_days =
	    (int)json_integer_value(json_object_get(obj, "promised_days"));
	it.tolerant = json_is_true(json_object_get(obj, "tolerant"));
	it.major_project = json_is_true(json_object_get(obj, "major_project"));
	*out = it;
	return 0;
}

void net_item_release(struct item *item)
{
	free(item->code);
	free(item->name);
	free(item->department);
	memset(item, 0, sizeof(*item));
}

void net_item_list_release(struct net_item_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		net_item_release(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->n = 0;
}
