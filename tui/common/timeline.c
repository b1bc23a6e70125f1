/* timeline.c - audit entries (GET /v1/audit?entity=case:ID) as lines of
 * the case view's timeline, from the entry's data as net/ parsed it
 * (struct net_audit_data, every string sanitised there). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"

#include "common/timeline.h"

#define WORD_SIZE 160

/* s, or "" for NULL. */
static const char *str_of(const char *s)
{
	return s ? s : "";
}

/* The Chinese word of a code of a kind ("decision", "approve"), else the
 * code itself. */
static const char *word_of(const char *kind, const char *code)
{
	char key[96];
	const char *w;

	snprintf(key, sizeof(key), "%s.%s", kind, str_of(code));
	w = msg_for_action(key);
	return w ? w : str_of(code);
}

static void sum_create(const struct net_audit_data *d, const struct case_ctx *x,
		       char *out, size_t size)
{
	const char *sc = str_of(d->scenario_id), *item = str_of(d->item_code);
	const char *sc_name = sc, *item_name = item;

	if (x && x->sc && x->sc->name && strcmp(x->sc->id, sc) == 0)
		sc_name = x->sc->name;
	if (x && x->loaded && x->item.code && x->item.name &&
	    strcmp(x->item.code, item) == 0)
		item_name = x->item.name;
	snprintf(out, size, msg(MSG_TL_ITEM), item_name, sc_name);
}

/* One material marked: "营业执照 有误：缺少公章". */
static void sum_one_line(const struct net_audit_mark *m,
			 const struct case_ctx *x, char *out, size_t size)
{
	const char *name = str_of(m->material_id);
	const char *note = str_of(m->note);

	if (x && x->loaded)
		name = case_ctx_material_name(x, m->material_id);
	snprintf(out, size, "%s %s%s%s", name, case_state_label(m->state),
		 note[0] ? "：" : "", note);
}

static void sum_checklist(const struct net_audit_data *d,
			  const struct case_ctx *x, char *out, size_t size)
{
	static const enum material_state states[] = {
	    STATE_PROVIDED, STATE_MISSING, STATE_DEFECTIVE, STATE_SHARED};
	size_t len = 0;

	out[0] = '\0';
	if (d->n_marks == 1) {
		sum_one_line(&d->marks[0], x, out, size);
		return;
	}
	for (size_t s = 0; s < 4; s++) {
		int n = 0;

		for (size_t i = 0; i < d->n_marks; i++)
			n += d->marks[i].state == states[s];
		if (n == 0 || len >= size)
			continue;
		len += (size_t)snprintf(out + len, size - len, "%s",
					len ? "，" : "");
		if (len < size)
			len += (size_t)snprintf(out + len, size - len,
						msg(MSG_TL_COUNT),
						case_state_label(states[s]), n);
	}
}

static void sum_notice(const struct net_audit_data *d, const struct case_ctx *x,
		       char *out, size_t size)
{
	(void)x;
	snprintf(out, size, msg(MSG_TL_NOTICE), str_of(d->notice),
		 d->once_violation ? msg(MSG_TL_ONCE_VIOLATION) : "");
}

static void sum_document(const struct net_audit_data *d,
			 const struct case_ctx *x, char *out, size_t size)
{
	(void)x;
	snprintf(out, size,
		 msg(d->commitment_document ? MSG_TL_DOC_COMMITMENT
					    : MSG_TL_DOC_NOTICE),
		 str_of(d->no));
}

static void sum_accept(const struct net_audit_data *d, const struct case_ctx *x,
		       char *out, size_t size)
{
	(void)x;
	out[0] = '\0';
	if (d->has_deadline_days)
		snprintf(out, size, msg(MSG_TL_DEADLINE), d->deadline_days);
}

static void sum_supplement(const struct net_audit_data *d,
			   const struct case_ctx *x, char *out, size_t size)
{
	const char *name = str_of(d->material_id);

	if (x && x->loaded)
		name = case_ctx_material_name(x, d->material_id);
	snprintf(out, size, msg(MSG_TL_SUPPLEMENT), name);
}

static void sum_complete(const struct net_audit_data *d,
			 const struct case_ctx *x, char *out, size_t size)
{
	const char *note = str_of(d->note);

	(void)x;
	snprintf(out, size, "%s%s%s",
		 d->result == RESULT_DENIED ? msg(MSG_TL_DENIED)
					    : msg(MSG_TL_APPROVED),
		 note[0] ? "：" : "", note);
}

static void sum_note(const struct net_audit_data *d, const struct case_ctx *x,
		     char *out, size_t size)
{
	(void)x;
	snprintf(out, size, "%s", str_of(d->note));
}

static void sum_rating(const struct net_audit_data *d, const struct case_ctx *x,
		       char *out, size_t size)
{
	int level = d->level >= 1 && d->level <= 5 ? d->level : 0;
	char word[WORD_SIZE];
	size_t len;

	(void)x;
	len = (size_t)snprintf(
	    out, size, msg(MSG_TL_RATING), level,
	    level ? msg((enum msg_id)(MSG_RATE_1 + level - 1)) : "");
	for (size_t i = 0; i < d->n_reasons && len < size; i++) {
		snprintf(word, sizeof(word), "%s", d->reasons[i]);
		len += (size_t)snprintf(out + len, size - len, "%s%s",
					i ? "、" : "：", word);
	}
}

static void sum_breach(const struct net_audit_data *d, const struct case_ctx *x,
		       char *out, size_t size)
{
	(void)x;
	snprintf(out, size, msg(MSG_TL_BREACH), str_of(d->commitment_no),
		 str_of(d->due_date));
}

static void sum_due(const struct net_audit_data *d, const struct case_ctx *x,
		    char *out, size_t size)
{
	(void)x;
	snprintf(out, size, msg(MSG_TL_DUE_DATE), str_of(d->due_date));
}

static void sum_deemed(const struct net_audit_data *d, const struct case_ctx *x,
		       char *out, size_t size)
{
	(void)x;
	snprintf(out, size, msg(MSG_TL_DEEMED), str_of(d->due_date));
}

static void sum_review(const struct net_audit_data *d, const struct case_ctx *x,
		       char *out, size_t size)
{
	(void)x;
	snprintf(out, size, msg(MSG_TL_REVIEW),
		 word_of("decision", d->decision), str_of(d->comment));
}

static void sum_handoff(const struct net_audit_data *d,
			const struct case_ctx *x, char *out, size_t size)
{
	const char *to = d->to_window && d->to_window[0]
			     ? d->to_window
			     : str_of(d->to_department);

	(void)x;
	snprintf(out, size, msg(MSG_TL_HANDOFF), to, str_of(d->reason));
}

static void sum_close(const struct net_audit_data *d, const struct case_ctx *x,
		      char *out, size_t size)
{
	(void)x;
	snprintf(out, size, msg(MSG_TL_RESOLUTION),
		 word_of("resolution", d->resolution), str_of(d->note));
}

static const struct {
	const char *action;
	void (*summary)(const struct net_audit_data *d,
			const struct case_ctx *x, char *out, size_t size);
} summaries[] = {
    {"case.create", sum_create},       {"case.checklist", sum_checklist},
    {"case.notice", sum_notice},       {"document.issue", sum_document},
    {"case.accept", sum_accept},       {"case.supplement", sum_supplement},
    {"case.complete", sum_complete},   {"case.withdraw", sum_note},
    {"case.rating", sum_rating},       {"case.overdue", sum_due},
    {"case.due_resolved", sum_due},    {"case.deemed", sum_deemed},
    {"commitment.breach", sum_breach}, {"review.decide", sum_review},
    {"review.due_date", sum_due},      {"inquiry.handoff", sum_handoff},
    {"inquiry.close", sum_close},      {"document.reprint", sum_document},
};

/* The event's name: tolerant acceptance is an acceptance of its own. */
static const char *event_name(const char *action,
			      const struct net_audit_data *d, char *buf,
			      size_t size)
{
	const char *name;

	if (strcmp(action, "case.accept") == 0 && d->tolerant)
		return msg_for_action("case.accept.tolerant");
	name = msg_for_action(action);
	if (name)
		return name;
	snprintf(buf, size, msg(MSG_TL_UNKNOWN), action);
	return buf;
}

/* "2026-11-02T09:30:00+08:00" -> "2026-11-02 09:30". */
static void time_text(const char *at, char out[20])
{
	char when[DATE_TIME_SHORT_SIZE];

	case_time_text(at, when);
	snprintf(out, 20, "%s", when);
}

const char *timeline_who(const char *actor)
{
	if (actor && strcmp(actor, "scheduler") == 0)
		return msg(MSG_TL_SCHEDULER);
	return actor ? actor : "";
}

void timeline_parts(const struct net_audit_entry *e, const struct case_ctx *x,
		    char *name, size_t name_size, char *summary,
		    size_t summary_size)
{
	const char *action = e->action ? e->action : "";
	char unknown[WORD_SIZE];

	summary[0] = '\0';
	for (size_t i = 0;
	     e->data && i < sizeof(summaries) / sizeof(*summaries); i++)
		if (strcmp(summaries[i].action, action) == 0)
			summaries[i].summary(&e->d, x, summary, summary_size);
	snprintf(name, name_size, "%s",
		 event_name(action, &e->d, unknown, sizeof(unknown)));
}

void timeline_line(const struct net_audit_entry *e, const struct case_ctx *x,
		   char *out, size_t size)
{
	char when[20], name[WORD_SIZE], summary[320];

	time_text(e->at, when);
	timeline_parts(e, x, name, sizeof(name), summary, sizeof(summary));
	snprintf(out, size, "%s  %s  %s%s%s", when, timeline_who(e->actor),
		 name, summary[0] ? "  " : "", summary);
}
