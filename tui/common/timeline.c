/* timeline.c - audit entries (GET /v1/audit?entity=case:ID) as lines of
 * the case view's timeline. The entry's data is parsed again here, so
 * every string taken out of it passes text_sanitize once more (a JSON
 * escape such as \u001b becomes a control character only when parsed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"

#include "common/timeline.h"

#define WORD_SIZE 160

/* The sanitised string value of key in obj, "" when there is none. */
static const char *str_of(const json_t *obj, const char *key,
			  char out[WORD_SIZE])
{
	const char *v = json_string_value(json_object_get(obj, key));
	char *clean;

	out[0] = '\0';
	if (!v || !(clean = text_sanitize(v, 0)))
		return out;
	snprintf(out, WORD_SIZE, "%s", clean);
	free(clean);
	return out;
}

/* The Chinese word of a code of a kind ("decision", "approve"), else the
 * code itself. */
static const char *word_of(const char *kind, const char *code)
{
	char key[96];
	const char *w;

	snprintf(key, sizeof(key), "%s.%s", kind, code);
	w = msg_for_action(key);
	return w ? w : code;
}

static void sum_create(const json_t *d, const struct case_ctx *x, char *out,
		       size_t size)
{
	char item[WORD_SIZE], sc[WORD_SIZE];
	const char *sc_name = str_of(d, "scenario_id", sc);
	const char *item_name = str_of(d, "item_code", item);

	if (x && x->sc && x->sc->name && strcmp(x->sc->id, sc) == 0)
		sc_name = x->sc->name;
	if (x && x->loaded && x->item.code && x->item.name &&
	    strcmp(x->item.code, item) == 0)
		item_name = x->item.name;
	snprintf(out, size, msg(MSG_TL_ITEM), item_name, sc_name);
}

/* One material marked: "营业执照 有误：缺少公章". */
static void sum_one_line(const json_t *it, const struct case_ctx *x, char *out,
			 size_t size)
{
	char id[WORD_SIZE], state[WORD_SIZE], note[WORD_SIZE];
	const char *name = str_of(it, "material_id", id);

	if (x && x->loaded)
		name = case_ctx_material_name(x, id);
	snprintf(out, size, "%s %s%s%s", name,
		 case_state_text(str_of(it, "state", state)),
		 str_of(it, "note", note)[0] ? "：" : "", note);
}

static void sum_checklist(const json_t *d, const struct case_ctx *x, char *out,
			  size_t size)
{
	static const char *const states[] = {"provided", "missing", "defective",
					     "shared"};
	const json_t *items = json_object_get(d, "items");
	size_t len = 0;

	out[0] = '\0';
	if (json_array_size(items) == 1) {
		sum_one_line(json_array_get(items, 0), x, out, size);
		return;
	}
	for (size_t s = 0; s < 4; s++) {
		size_t i;
		const json_t *it;
		int n = 0;

		json_array_foreach(items, i, it)
		{
			const char *st =
			    json_string_value(json_object_get(it, "state"));

			n += st && strcmp(st, states[s]) == 0;
		}
		if (n == 0 || len >= size)
			continue;
		len += (size_t)snprintf(out + len, size - len, "%s",
					len ? "，" : "");
		if (len < size)
			len += (size_t)snprintf(out + len, size - len,
						msg(MSG_TL_COUNT),
						case_state_text(states[s]), n);
	}
}

static void sum_notice(const json_t *d, const struct case_ctx *x, char *out,
		       size_t size)
{
	char no[WORD_SIZE];

	(void)x;
	snprintf(out, size, msg(MSG_TL_NOTICE), str_of(d, "notice", no),
		 json_is_true(json_object_get(d, "once_violation"))
		     ? msg(MSG_TL_ONCE_VIOLATION)
		     : "");
}

static void sum_document(const json_t *d, const struct case_ctx *x, char *out,
			 size_t size)
{
	char kind[WORD_SIZE], no[WORD_SIZE];

	(void)x;
	str_of(d, "kind", kind);
	snprintf(out, size,
		 msg(strcmp(kind, "commitment") == 0 ? MSG_TL_DOC_COMMITMENT
						     : MSG_TL_DOC_NOTICE),
		 str_of(d, "no", no));
}

static void sum_accept(const json_t *d, const struct case_ctx *x, char *out,
		       size_t size)
{
	const json_t *days =
	    json_object_get(json_object_get(d, "commitment"), "deadline_days");

	(void)x;
	out[0] = '\0';
	if (json_is_integer(days))
		snprintf(out, size, msg(MSG_TL_DEADLINE),
			 (int)json_integer_value(days));
}

static void sum_supplement(const json_t *d, const struct case_ctx *x, char *out,
			   size_t size)
{
	char id[WORD_SIZE];
	const char *name = str_of(d, "material_id", id);

	if (x && x->loaded)
		name = case_ctx_material_name(x, id);
	snprintf(out, size, msg(MSG_TL_SUPPLEMENT), name);
}

static void sum_complete(const json_t *d, const struct case_ctx *x, char *out,
			 size_t size)
{
	char result[WORD_SIZE], note[WORD_SIZE];

	(void)x;
	str_of(d, "result", result);
	snprintf(out, size, "%s%s%s",
		 strcmp(result, "denied") == 0 ? msg(MSG_TL_DENIED)
					       : msg(MSG_TL_APPROVED),
		 str_of(d, "note", note)[0] ? "：" : "", note);
}

static void sum_note(const json_t *d, const struct case_ctx *x, char *out,
		     size_t size)
{
	char note[WORD_SIZE];

	(void)x;
	snprintf(out, size, "%s", str_of(d, "note", note));
}

static void sum_rating(const json_t *d, const struct case_ctx *x, char *out,
		       size_t size)
{
	json_int_t level = json_integer_value(json_object_get(d, "level"));
	const json_t *reasons = json_object_get(d, "reasons");
	char word[WORD_SIZE];
	size_t len, i;
	const json_t *r;

	(void)x;
	if (level < 1 || level > 5)
		level = 0;
	len = (size_t)snprintf(
	    out, size, msg(MSG_TL_RATING), (int)level,
	    level ? msg((enum msg_id)(MSG_RATE_1 + level - 1)) : "");
	json_array_foreach(reasons, i, r)
	{
		char *clean;

		if (len >= size || !json_is_string(r) ||
		    !(clean = text_sanitize(json_string_value(r), 0)))
			continue;
		snprintf(word, sizeof(word), "%s", clean);
		free(clean);
		len += (size_t)snprintf(out + len, size - len, "%s%s",
					i ? "、" : "：", word);
	}
}

static void sum_breach(const json_t *d, const struct case_ctx *x, char *out,
		       size_t size)
{
	char no[WORD_SIZE], due[WORD_SIZE];

	(void)x;
	snprintf(out, size, msg(MSG_TL_BREACH), str_of(d, "commitment", no),
		 str_of(d, "due_date", due));
}

static void sum_due(const json_t *d, const struct case_ctx *x, char *out,
		    size_t size)
{
	char due[WORD_SIZE];

	(void)x;
	snprintf(out, size, msg(MSG_TL_DUE_DATE), str_of(d, "due_date", due));
}

static void sum_deemed(const json_t *d, const struct case_ctx *x, char *out,
		       size_t size)
{
	char due[WORD_SIZE];

	(void)x;
	snprintf(out, size, msg(MSG_TL_DEEMED), str_of(d, "due_date", due));
}

static void sum_review(const json_t *d, const struct case_ctx *x, char *out,
		       size_t size)
{
	char dec[WORD_SIZE], comment[WORD_SIZE];

	(void)x;
	snprintf(out, size, msg(MSG_TL_REVIEW),
		 word_of("decision", str_of(d, "decision", dec)),
		 str_of(d, "comment", comment));
}

static void sum_handoff(const json_t *d, const struct case_ctx *x, char *out,
			size_t size)
{
	char to[WORD_SIZE], reason[WORD_SIZE];

	(void)x;
	if (!str_of(d, "to_window", to)[0])
		str_of(d, "to_department", to);
	snprintf(out, size, msg(MSG_TL_HANDOFF), to,
		 str_of(d, "reason", reason));
}

static void sum_close(const json_t *d, const struct case_ctx *x, char *out,
		      size_t size)
{
	char res[WORD_SIZE], note[WORD_SIZE];

	(void)x;
	snprintf(out, size, msg(MSG_TL_RESOLUTION),
		 word_of("resolution", str_of(d, "resolution", res)),
		 str_of(d, "note", note));
}

static const struct {
	const char *action;
	void (*summary)(const json_t *d, const struct case_ctx *x, char *out,
			size_t size);
} summaries[] = {
    {"case.create", sum_create},       {"case.checklist", sum_checklist},
    {"case.notice", sum_notice},       {"document.issue", sum_document},
    {"case.accept", sum_accept},       {"case.supplement", sum_supplement},
    {"case.complete", sum_complete},   {"case.withdraw", sum_note},
    {"case.rating", sum_rating},       {"case.overdue", sum_due},
    {"case.due_resolved", sum_due},    {"case.deemed", sum_deemed},
    {"commitment.breach", sum_breach}, {"review.decide", sum_review},
    {"review.due_date", sum_due},      {"inquiry.handoff", sum_handoff},
    {"inquiry.close", sum_close},
};

/* The event's name: tolerant acceptance is an acceptance of its own. */
static const char *event_name(const char *action, const json_t *data, char *buf,
			      size_t size)
{
	const char *mode = json_string_value(json_object_get(data, "mode"));
	const char *name;

	if (strcmp(action, "case.accept") == 0 && mode &&
	    strcmp(mode, "tolerant") == 0)
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
	snprintf(out, 20, "%.16s", at ? at : "");
	if (strlen(out) > 10 && out[10] == 'T')
		out[10] = ' ';
}

void timeline_line(const struct net_audit_entry *e, const struct case_ctx *x,
		   char *out, size_t size)
{
	const char *action = e->action ? e->action : "";
	json_t *data =
	    e->data ? json_loads(e->data, JSON_DECODE_ANY, NULL) : NULL;
	char when[20], unknown[WORD_SIZE], summary[320] = "";
	const char *who = e->actor ? e->actor : "";

	time_text(e->at, when);
	if (strcmp(who, "scheduler") == 0)
		who = msg(MSG_TL_SCHEDULER);
	for (size_t i = 0;
	     json_is_object(data) && i < sizeof(summaries) / sizeof(*summaries);
	     i++)
		if (strcmp(summaries[i].action, action) == 0)
			summaries[i].summary(data, x, summary, sizeof(summary));
	snprintf(out, size, "%s  %s  %s%s%s", when, who,
		 event_name(action, json_is_object(data) ? data : NULL, unknown,
			    sizeof(unknown)),
		 summary[0] ? "  " : "", summary);
	json_decref(data);
}
