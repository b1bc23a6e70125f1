/* model_case.c - cases, notices and commitments of API.md into the client's
 * structs. Every string from the server passes text_sanitize here, once
 * (DESIGN.md 4); notice and commitment texts keep their newlines. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net.h"
#include "wincase/text.h"

static void applicant_release(struct net_applicant *a)
{
	free(a->name);
	free(a->id_type);
	free(a->id_no);
	free(a->phone);
	memset(a, 0, sizeof(*a));
}

static int applicant_from_json(const json_t *obj, struct net_applicant *a)
{
	if (net_text_get(obj, "name", &a->name) ||
	    net_text_get(obj, "id_type", &a->id_type) ||
	    net_text_get(obj, "id_no", &a->id_no) ||
	    net_text_get(obj, "phone", &a->phone))
		return -1;
	return 0;
}

static void line_release(struct net_case_line *l)
{
	free(l->material_id);
	free(l->name);
	free(l->note);
	memset(l, 0, sizeof(*l));
}

static int lines_from_json(const json_t *arr, struct net_case *c)
{
	size_t i;
	const json_t *obj;

	if (!json_is_array(arr) || json_array_size(arr) == 0)
		return 0;
	c->lines = calloc(json_array_size(arr), sizeof(*c->lines));
	if (!c->lines)
		return -1;
	json_array_foreach(arr, i, obj)
	{
		struct net_case_line *l = &c->lines[c->n_lines++];

		if (net_text_get(obj, "material_id", &l->material_id) ||
		    net_text_get(obj, "name", &l->name) ||
		    net_text_get(obj, "note", &l->note))
			return -1;
		l->tolerable = json_is_true(json_object_get(obj, "tolerable"));
		l->main_material =
		    json_string_value(json_object_get(obj, "role")) &&
		    strcmp(json_string_value(json_object_get(obj, "role")),
			   "main") == 0;
		l->state = STATE_PENDING;
		material_state_parse(
		    json_string_value(json_object_get(obj, "state")),
		    &l->state);
	}
	return 0;
}

void net_notice_release(struct net_notice *n)
{
	free(n->id);
	free(n->no);
	free(n->issued_at);
	free(n->issued_by);
	free(n->text);
	free(n->verify_code);
	for (size_t i = 0; i < n->n_items; i++)
		free(n->item_names[i]);
	free(n->item_names);
	memset(n, 0, sizeof(*n));
}

static int notice_fill(const json_t *obj, struct net_notice *n)
{
	const json_t *items = json_object_get(obj, "items"), *it;
	size_t i;

	if (net_text_get(obj, "id", &n->id) ||
	    net_text_get(obj, "no", &n->no) ||
	    net_text_get(obj, "issued_at", &n->issued_at) ||
	    net_text_get(obj, "issued_by", &n->issued_by) ||
	    net_text_get_flags(obj, "text", TEXT_KEEP_NEWLINE, &n->text) ||
	    net_text_get(obj, "verify_code", &n->verify_code))
		return -1;
	n->once_violation =
	    json_is_true(json_object_get(obj, "once_violation"));
	if (!json_is_array(items) || json_array_size(items) == 0)
		return 0;
	n->item_names = calloc(json_array_size(items), sizeof(char *));
	if (!n->item_names)
		return -1;
	json_array_foreach(items, i, it)
	{
		if (net_text_get(it, "name", &n->item_names[n->n_items]))
			return -1;
		if (n->item_names[n->n_items])
			n->n_items++;
	}
	return 0;
}

int net_notice_from_json(const json_t *obj, struct net_notice *out,
			 struct wc_error *err)
{
	struct net_notice n = {0};

	if (!json_is_object(obj))
		return wc_error_set(err, "bad_response", "notice",
				    "notice is not an object");
	if (notice_fill(obj, &n)) {
		net_notice_release(&n);
		return net_oom(err);
	}
	*out = n;
	return 0;
}

static void commitment_release(struct net_commitment *m)
{
	free(m->id);
	free(m->no);
	free(m->due_date);
	free(m->text);
	free(m->verify_code);
	free(m->created_at);
	memset(m, 0, sizeof(*m));
}

static int commitment_from_json(const json_t *obj, struct net_commitment *m)
{
	if (net_text_get(obj, "id", &m->id) ||
	    net_text_get(obj, "no", &m->no) ||
	    net_text_get(obj, "due_date", &m->due_date) ||
	    net_text_get(obj, "created_at", &m->created_at) ||
	    net_text_get_flags(obj, "text", TEXT_KEEP_NEWLINE, &m->text) ||
	    net_text_get(obj, "verify_code", &m->verify_code))
		return -1;
	m->status = net_commitment_status_get(obj, "status");
	return 0;
}

static int notices_from_json(const json_t *arr, struct net_case *c)
{
	size_t i;
	const json_t *obj;

	if (!json_is_array(arr) || json_array_size(arr) == 0)
		return 0;
	c->notices = calloc(json_array_size(arr), sizeof(*c->notices));
	if (!c->notices)
		return -1;
	json_array_foreach(arr, i, obj)
	{
		if (notice_fill(obj, &c->notices[c->n_notices++]))
			return -1;
	}
	return 0;
}

static int case_fill(const json_t *obj, struct net_case *c)
{
	const json_t *days = json_object_get(obj, "working_days_left");
	const json_t *commitment = json_object_get(obj, "commitment");
	const json_t *rating = json_object_get(obj, "rating");

	if (net_text_get(obj, "id", &c->id) ||
	    net_text_get(obj, "no", &c->no) ||
	    net_text_get(obj, "item_code", &c->item_code) ||
	    net_text_get(obj, "scenario_id", &c->scenario_id) ||
	    net_text_get(obj, "inquiry_id", &c->inquiry_id) ||
	    net_text_get(obj, "created_by", &c->created_by) ||
	    net_text_get(obj, "window", &c->window) ||
	    net_text_get(obj, "created_at", &c->created_at) ||
	    net_text_get(obj, "accepted_at", &c->accepted_at) ||
	    net_text_get(obj, "due_date", &c->due_date) ||
	    applicant_from_json(json_object_get(obj, "applicant"),
				&c->applicant) ||
	    lines_from_json(json_object_get(obj, "checklist"), c) ||
	    notices_from_json(json_object_get(obj, "notices"), c))
		return -1;
	c->status = net_case_status_get(obj, "status");
	c->result = CASE_RESULT_COUNT;
	case_result_parse(json_string_value(json_object_get(obj, "result")),
			  &c->result);
	c->version = (int)json_integer_value(json_object_get(obj, "version"));
	c->has_days_left = json_is_integer(days);
	c->working_days_left = (int)json_integer_value(days);
	c->major_project = json_is_true(json_object_get(obj, "major_project"));
	c->deemed = json_is_true(json_object_get(obj, "deemed"));
	if (json_is_integer(rating))
		c->rating = (int)json_integer_value(rating);
	else if (json_is_object(rating))
		c->rating =
		    (int)json_integer_value(json_object_get(rating, "level"));
	if (json_is_object(commitment)) {
		c->has_commitment = true;
		if (commitment_from_json(commitment, &c->commitment))
			return -1;
	}
	return 0;
}

int net_case_from_json(const json_t *obj, struct net_case *out,
		       struct wc_error *err)
{
	struct net_case c = {0};

	if (!json_is_object(obj))
		return wc_error_set(err, "bad_response", "case",
				    "case is not an object");
	if (case_fill(obj, &c)) {
		net_case_release(&c);
		return net_oom(err);
	}
	if (!c.id) {
		net_case_release(&c);
		return wc_error_set(err, "bad_response", "case.id",
				    "case without an id");
	}
	*out = c;
	return 0;
}

void net_case_release(struct net_case *c)
{
	free(c->id);
	free(c->no);
	free(c->item_code);
	free(c->scenario_id);
	free(c->inquiry_id);
	free(c->created_by);
	free(c->window);
	free(c->created_at);
	free(c->accepted_at);
	free(c->due_date);
	applicant_release(&c->applicant);
	for (size_t i = 0; i < c->n_lines; i++)
		line_release(&c->lines[i]);
	free(c->lines);
	for (size_t i = 0; i < c->n_notices; i++)
		net_notice_release(&c->notices[i]);
	free(c->notices);
	commitment_release(&c->commitment);
	memset(c, 0, sizeof(*c));
}

/* Replaces *s by its sanitised copy. */
static int sanitize_in_place(char **s, unsigned flags)
{
	char *clean;

	if (!*s)
		return 0;
	clean = text_sanitize(*s, flags);
	if (!clean)
		return -1;
	free(*s);
	*s = clean;
	return 0;
}

int net_item_sanitize(struct item *it, struct wc_error *err)
{
	int bad = 0;

	bad |= sanitize_in_place(&it->name, 0);
	bad |= sanitize_in_place(&it->department, 0);
	bad |= sanitize_in_place(&it->legal_basis, TEXT_KEEP_NEWLINE);
	bad |= sanitize_in_place(&it->location, 0);
	bad |= sanitize_in_place(&it->contact, 0);
	for (size_t i = 0; i < it->n_materials; i++) {
		bad |= sanitize_in_place(&it->materials[i].name, 0);
		bad |= sanitize_in_place(&it->materials[i].how_to_obtain,
					 TEXT_KEEP_NEWLINE);
	}
	for (size_t i = 0; i < it->n_scenarios; i++)
		bad |= sanitize_in_place(&it->scenarios[i].name, 0);
	return bad ? net_oom(err) : 0;
}
