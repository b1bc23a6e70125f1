/* export_csv.c - statistics, the review queue and an audit trail as CSV
 * (export.h): Chinese titles and words, never a wire code or JSON. */
#include <stdio.h>
#include <string.h>

#include "wincase/review_words.h"

#include "common/csv.h"
#include "common/timeline.h"
#include "review/export.h"
#include "review/review.h"

enum msg_id export_stat_word(enum net_stats_column c)
{
	return (enum msg_id)(MSG_RV_STAT_INQUIRIES + (int)c);
}

#define STATS_CELLS (STAT_COLUMNS + 7)

int export_stats_csv(FILE *f, const struct net_stats *stats)
{
	const char *cells[STATS_CELLS];
	char nums[STATS_CELLS][24];
	size_t n = 0;

	cells[n++] = msg(MSG_RV_STAT_KEY);
	for (int c = 0; c < STAT_COLUMNS; c++)
		cells[n++] = msg(export_stat_word((enum net_stats_column)c));
	for (int l = 0; l < 5; l++)
		cells[n++] = msg((enum msg_id)(MSG_RV_RATING_1 + l));
	cells[n++] = msg(MSG_RV_STATS_SAT);
	if (csv_begin(f) || csv_record(f, cells, n))
		return -1;
	for (size_t i = 0; i < stats->n; i++) {
		const struct net_stats_row *r = &stats->rows[i];

		n = 0;
		cells[n++] = r->key;
		for (int c = 0; c < STAT_COLUMNS; c++, n++) {
			snprintf(nums[n], sizeof(nums[n]), "%ld", r->value[c]);
			cells[n] = nums[n];
		}
		for (int l = 0; l < 5; l++, n++) {
			snprintf(nums[n], sizeof(nums[n]), "%ld",
				 r->ratings[l]);
			cells[n] = nums[n];
		}
		if (r->has_satisfaction)
			snprintf(nums[n], sizeof(nums[n]), "%.3f",
				 r->satisfaction);
		else
			nums[n][0] = '\0';
		cells[n] = nums[n];
		n++;
		if (csv_record(f, cells, n))
			return -1;
	}
	return 0;
}

/* "2026-11-02T09:30:00+08:00" -> "2026-11-02 09:30" (server local). */
static void csv_time(const char *t, char *out, size_t size)
{
	if (t && strlen(t) >= 16 && t[10] == 'T')
		snprintf(out, size, "%.10s %.5s", t, t + 11);
	else
		snprintf(out, size, "%s", t ? t : "");
}

enum {
	Q_ID,
	Q_KIND,
	Q_REF,
	Q_SUMMARY,
	Q_STATUS,
	Q_OWNER,
	Q_CREATED,
	Q_AGE,
	Q_AGED,
	Q_DUE,
	Q_DECISION,
	Q_DECIDED_BY,
	Q_CELLS
};

static const enum msg_id queue_titles[Q_CELLS] = {
    MSG_EX_COL_ITEM,	MSG_RV_COL_KIND,     MSG_RV_COL_REF,
    MSG_RV_COL_SUMMARY, MSG_RV_STATUS,	     MSG_RV_COL_OWNER,
    MSG_RV_COL_SINCE,	MSG_EX_COL_HOURS,    MSG_EX_COL_AGED,
    MSG_RV_COL_DUE,	MSG_EX_COL_DECISION, MSG_EX_COL_DECIDED_BY};

static int queue_row(FILE *f, const struct net_review_item *it)
{
	char ref[64], at[32], hours[24];
	const char *cells[Q_CELLS] = {0};
	enum review_decision d;

	if (it->case_id)
		snprintf(ref, sizeof(ref), "%s#%s", msg(MSG_RV_CASE),
			 it->case_id);
	else
		snprintf(ref, sizeof(ref), "%s#%s", msg(MSG_RV_INQUIRY),
			 it->inquiry_id ? it->inquiry_id : "-");
	csv_time(it->created_at, at, sizeof(at));
	if (it->age_minutes >= 0)
		snprintf(hours, sizeof(hours), "%.1f",
			 (double)it->age_minutes / 60.0);
	else
		hours[0] = '\0';
	cells[Q_ID] = it->id;
	cells[Q_KIND] = review_kind_text(it->kind);
	cells[Q_REF] = ref;
	cells[Q_SUMMARY] = it->summary;
	cells[Q_STATUS] = review_words_status(it->status);
	cells[Q_OWNER] = it->owner;
	cells[Q_CREATED] = at;
	cells[Q_AGE] = hours;
	cells[Q_AGED] = msg(it->aged ? MSG_EX_YES : MSG_EX_NO);
	cells[Q_DUE] = it->due_date;
	if (it->decision && review_decision_parse(it->decision, &d))
		cells[Q_DECISION] = review_words_decision(d);
	cells[Q_DECIDED_BY] = it->decided_by;
	return csv_record(f, cells, Q_CELLS);
}

int export_queue_csv(FILE *f, const struct net_review_list *list)
{
	const char *cells[Q_CELLS];

	for (int c = 0; c < Q_CELLS; c++)
		cells[c] = msg(queue_titles[c]);
	if (csv_begin(f) || csv_record(f, cells, Q_CELLS))
		return -1;
	for (size_t i = 0; i < list->n; i++)
		if (queue_row(f, &list->items[i]))
			return -1;
	return 0;
}

int export_audit_csv(FILE *f, const struct net_audit_list *list)
{
	const char *cells[6] = {
	    msg(MSG_RV_AUDIT_COL_SEQ),	 msg(MSG_RV_AUDIT_COL_AT),
	    msg(MSG_RV_AUDIT_COL_ACTOR), msg(MSG_RV_AUDIT_COL_ACTION),
	    msg(MSG_EX_COL_ENTITY),	 msg(MSG_RV_AUDIT_COL_DATA)};
	char at[32], name[160], data[640], entity[160];

	if (csv_begin(f) || csv_record(f, cells, 6))
		return -1;
	for (size_t i = 0; i < list->n; i++) {
		const struct net_audit_entry *e = &list->items[i];

		csv_time(e->at, at, sizeof(at));
		timeline_parts(e, NULL, name, sizeof(name), data, sizeof(data));
		review_entity_words(e->entity, entity, sizeof(entity));
		cells[0] = e->seq;
		cells[1] = at;
		cells[2] = timeline_who(e->actor);
		cells[3] = name;
		cells[4] = entity;
		cells[5] = data;
		if (csv_record(f, cells, 6))
			return -1;
	}
	return 0;
}
