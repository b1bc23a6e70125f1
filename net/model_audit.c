/* model_audit.c - an audit entry of GET /v1/audit with its data: kept as
 * compact JSON text for the reviewer's audit list, and parsed into struct
 * net_audit_data for the case timeline. Every string passes
 * text_sanitize here, once. */
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net.h"
#include "wincase/text.h"

static void data_release(struct net_audit_data *d)
{
	char **texts[] = {&d->item_code,     &d->scenario_id,
			  &d->notice,	     &d->no,
			  &d->material_id,   &d->note,
			  &d->commitment_no, &d->due_date,
			  &d->decision,	     &d->comment,
			  &d->to_window,     &d->to_department,
			  &d->reason,	     &d->resolution};

	for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++)
		free(*texts[i]);
	for (size_t i = 0; i < d->n_marks; i++) {
		free(d->marks[i].material_id);
		free(d->marks[i].note);
	}
	free(d->marks);
	for (size_t i = 0; i < d->n_reasons; i++)
		free(d->reasons[i]);
	free(d->reasons);
	memset(d, 0, sizeof(*d));
}

static int marks_parse(const json_t *items, struct net_audit_data *d)
{
	size_t i;
	const json_t *it;

	if (!json_is_array(items) || json_array_size(items) == 0)
		return 0;
	d->marks = calloc(json_array_size(items), sizeof(*d->marks));
	if (!d->marks)
		return -1;
	json_array_foreach(items, i, it)
	{
		struct net_audit_mark *m = &d->marks[d->n_marks++];

		m->state = STATE_PENDING;
		material_state_parse(
		    json_string_value(json_object_get(it, "state")), &m->state);
		if (net_text_get(it, "material_id", &m->material_id) ||
		    net_text_get(it, "note", &m->note))
			return -1;
	}
	return 0;
}

static int reasons_parse(const json_t *reasons, struct net_audit_data *d)
{
	size_t i;
	const json_t *r;

	if (!json_is_array(reasons) || json_array_size(reasons) == 0)
		return 0;
	d->reasons = calloc(json_array_size(reasons), sizeof(*d->reasons));
	if (!d->reasons)
		return -1;
	json_array_foreach(reasons, i, r)
	{
		if (!json_is_string(r))
			continue;
		d->reasons[d->n_reasons] =
		    text_sanitize(json_string_value(r), 0);
		if (!d->reasons[d->n_reasons])
			return -1;
		d->n_reasons++;
	}
	return 0;
}

/* The members as they are named in the data, strings first. */
static int data_parse(const json_t *o, struct net_audit_data *d)
{
	const json_t *commitment = json_object_get(o, "commitment");
	const json_t *days = json_object_get(commitment, "deadline_days");
	const char *word;

	if (!json_is_object(o))
		return 0;
	if (net_text_get(o, "item_code", &d->item_code) ||
	    net_text_get(o, "scenario_id", &d->scenario_id) ||
	    net_text_get(o, "notice", &d->notice) ||
	    net_text_get(o, "no", &d->no) ||
	    net_text_get(o, "material_id", &d->material_id) ||
	    net_text_get(o, "note", &d->note) ||
	    (json_is_string(commitment) &&
	     net_text_get(o, "commitment", &d->commitment_no)) ||
	    net_text_get(o, "due_date", &d->due_date) ||
	    net_text_get(o, "decision", &d->decision) ||
	    net_text_get(o, "comment", &d->comment) ||
	    net_text_get(o, "to_window", &d->to_window) ||
	    net_text_get(o, "to_department", &d->to_department) ||
	    net_text_get(o, "reason", &d->reason) ||
	    net_text_get(o, "resolution", &d->resolution) ||
	    marks_parse(json_object_get(o, "items"), d) ||
	    reasons_parse(json_object_get(o, "reasons"), d))
		return -1;
	d->once_violation = json_is_true(json_object_get(o, "once_violation"));
	word = json_string_value(json_object_get(o, "kind"));
	d->commitment_document = word && strcmp(word, "commitment") == 0;
	word = json_string_value(json_object_get(o, "mode"));
	d->tolerant =
	    word && strcmp(word, accept_mode_word(ACCEPT_TOLERANT)) == 0;
	d->has_deadline_days = json_is_integer(days);
	d->deadline_days = (int)json_integer_value(days);
	d->result = CASE_RESULT_COUNT;
	case_result_parse(json_string_value(json_object_get(o, "result")),
			  &d->result);
	if (json_is_integer(json_object_get(o, "level")))
		d->level = (int)json_integer_value(json_object_get(o, "level"));
	return 0;
}

int net_audit_entry_from_json(const json_t *obj, struct net_audit_entry *out,
			      struct wc_error *err)
{
	struct net_audit_entry e = {0};
	const json_t *data = json_object_get(obj, "data");
	char *dumped = NULL;

	if (!json_is_object(obj))
		return wc_error_set(err, "bad_response", "audit",
				    "audit entry is not an object");
	e.d.result = CASE_RESULT_COUNT;
	if (data && !json_is_null(data)) {
		dumped = json_dumps(data, JSON_COMPACT | JSON_ENCODE_ANY);
		if (!dumped)
			return net_oom(err);
	}
	if (net_text_get(obj, "seq", &e.seq) ||
	    net_text_get(obj, "at", &e.at) ||
	    net_text_get(obj, "actor", &e.actor) ||
	    net_text_get(obj, "action", &e.action) ||
	    net_text_get(obj, "entity", &e.entity) ||
	    (dumped && !(e.data = text_sanitize(dumped, 0))) ||
	    data_parse(data, &e.d)) {
		free(dumped);
		net_audit_entry_release(&e);
		return net_oom(err);
	}
	free(dumped);
	*out = e;
	return 0;
}

void net_audit_entry_release(struct net_audit_entry *e)
{
	free(e->seq);
	free(e->at);
	free(e->actor);
	free(e->action);
	free(e->entity);
	free(e->data);
	data_release(&e->d);
	memset(e, 0, sizeof(*e));
}
