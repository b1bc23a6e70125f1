/* model_queue.c - inquiries with their handoffs and audit entries into the
 * client's structs. Every string from the server passes text_sanitize
 * here, once (DESIGN.md 4). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net.h"
#include "wincase/text.h"

static void handoff_release(struct net_handoff *h)
{
	free(h->id);
	free(h->to_window);
	free(h->to_department);
	free(h->reason);
	free(h->created_by);
	free(h->created_at);
	free(h->acknowledged_by);
	free(h->acknowledged_at);
	memset(h, 0, sizeof(*h));
}

static int handoff_from_json(const json_t *obj, struct net_handoff *h)
{
	if (net_text_get(obj, "id", &h->id) ||
	    net_text_get(obj, "to_window", &h->to_window) ||
	    net_text_get(obj, "to_department", &h->to_department) ||
	    net_text_get(obj, "reason", &h->reason) ||
	    net_text_get(obj, "created_by", &h->created_by) ||
	    net_text_get(obj, "created_at", &h->created_at) ||
	    net_text_get(obj, "acknowledged_by", &h->acknowledged_by) ||
	    net_text_get(obj, "acknowledged_at", &h->acknowledged_at))
		return -1;
	return 0;
}

static int handoffs_from_json(const json_t *arr, struct net_inquiry_full *q)
{
	const json_t *obj;
	size_t i;

	if (!json_is_array(arr) || json_array_size(arr) == 0)
		return 0;
	q->handoffs = calloc(json_array_size(arr), sizeof(*q->handoffs));
	if (!q->handoffs)
		return -1;
	json_array_foreach(arr, i, obj)
	{
		if (!json_is_object(obj))
			continue;
		if (handoff_from_json(obj, &q->handoffs[q->n_handoffs++]))
			return -1;
	}
	return 0;
}

int net_inquiry_full_from_json(const json_t *obj, struct net_inquiry_full *out,
			       struct wc_error *err)
{
	struct net_inquiry_full q = {0};
	const json_t *applicant = json_object_get(obj, "applicant");

	if (net_inquiry_from_json(obj, &q.base, err))
		return -1;
	if (net_text_get(obj, "first_responder", &q.first_responder) ||
	    net_text_get(obj, "note", &q.note) ||
	    net_text_get(obj, "case_id", &q.case_id) ||
	    net_text_get(applicant, "id_type", &q.applicant_id_type) ||
	    net_text_get(applicant, "id_no", &q.applicant_id_no) ||
	    net_text_get(applicant, "phone", &q.applicant_phone) ||
	    handoffs_from_json(json_object_get(obj, "handoffs"), &q)) {
		net_inquiry_full_release(&q);
		return net_oom(err);
	}
	q.bounced = json_is_true(json_object_get(obj, "bounced"));
	q.resolution = INQUIRY_RESOLUTION_COUNT;
	inquiry_resolution_parse(
	    json_string_value(json_object_get(obj, "resolution")),
	    &q.resolution);
	*out = q;
	return 0;
}

void net_inquiry_full_release(struct net_inquiry_full *q)
{
	net_inquiry_release(&q->base);
	free(q->first_responder);
	free(q->note);
	free(q->case_id);
	free(q->applicant_id_type);
	free(q->applicant_id_no);
	free(q->applicant_phone);
	for (size_t i = 0; i < q->n_handoffs; i++)
		handoff_release(&q->handoffs[i]);
	free(q->handoffs);
	memset(q, 0, sizeof(*q));
}

void net_inquiry_full_list_release(struct net_inquiry_full_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		net_inquiry_full_release(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->n = 0;
}

void net_case_list_release(struct net_case_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		net_case_release(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->n = 0;
}

void net_audit_list_release(struct net_audit_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		net_audit_entry_release(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->n = 0;
}
