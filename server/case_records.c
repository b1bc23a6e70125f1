/* case_records.c - releasing the case store's records (store.h). */
#include <stdlib.h>

#include "store/store.h"

static void free_all(char **const *owned, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(*owned[i]);
		*owned[i] = NULL;
	}
}

void case_record_release(struct case_record *rec)
{
	char **const owned[] = {&rec->result_note,    &rec->rating_reasons,
				&rec->rating_comment, &rec->deemed_note,
				&rec->withdraw_note,  &rec->item_json};

	free_all(owned, sizeof(owned) / sizeof(owned[0]));
	for (size_t i = 0; i < rec->n_lines; i++)
		free(rec->lines[i].note);
	free(rec->lines);
	rec->lines = NULL;
	rec->n_lines = 0;
}

void case_records_free(struct case_record **recs, size_t n)
{
	if (!*recs)
		return;
	for (size_t i = 0; i < n; i++)
		case_record_release(&(*recs)[i]);
	free(*recs);
	*recs = NULL;
}

void notice_record_release(struct notice_record *rec)
{
	char **const owned[] = {&rec->items, &rec->text, &rec->signature,
				&rec->override_reason};

	free_all(owned, sizeof(owned) / sizeof(owned[0]));
}

void notice_records_free(struct notice_record **recs, size_t n)
{
	if (!*recs)
		return;
	for (size_t i = 0; i < n; i++)
		notice_record_release(&(*recs)[i]);
	free(*recs);
	*recs = NULL;
}

void commitment_record_release(struct commitment_record *rec)
{
	char **const owned[] = {&rec->materials, &rec->confirmation, &rec->text,
				&rec->signature};

	free_all(owned, sizeof(owned) / sizeof(owned[0]));
}

void commitment_records_free(struct commitment_record **recs, size_t n)
{
	if (!*recs)
		return;
	for (size_t i = 0; i < n; i++)
		commitment_record_release(&(*recs)[i]);
	free(*recs);
	*recs = NULL;
}

void review_record_release(struct review_record *rec)
{
	free(rec->summary);
	rec->summary = NULL;
	free(rec->comment);
	rec->comment = NULL;
	for (size_t i = 0; i < REVIEW_STEPS; i++) {
		free(rec->steps[i]);
		rec->steps[i] = NULL;
	}
}
