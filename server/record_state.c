/* record_state.c - the codec of lifecycle.h applied to the store's records
 * (record_state.h). */
#include "record_state.h"

enum case_status case_record_status(const struct case_record *r)
{
	enum case_status s = CASE_STATUS_COUNT;

	case_status_parse(r->status, &s);
	return s;
}

enum inquiry_status inquiry_record_status(const struct inquiry_record *r)
{
	enum inquiry_status s = INQUIRY_STATUS_COUNT;

	inquiry_status_parse(r->status, &s);
	return s;
}

enum commitment_status
commitment_record_status(const struct commitment_record *c)
{
	enum commitment_status s = COMMITMENT_STATUS_COUNT;

	commitment_status_parse(c->status, &s);
	return s;
}

enum review_status review_record_status(const struct review_record *r)
{
	enum review_status s = REVIEW_STATUS_COUNT;

	review_status_parse(r->status, &s);
	return s;
}

enum review_kind review_record_kind(const struct review_record *r)
{
	enum review_kind k = REVIEW_KIND_COUNT;

	review_kind_parse(r->kind, &k);
	return k;
}

/* store_copy copies NULL as "". */
void case_record_set_status(struct case_record *r, enum case_status s)
{
	store_copy(r->status, sizeof(r->status), case_status_word(s));
}

void inquiry_record_set_status(struct inquiry_record *r, enum inquiry_status s)
{
	store_copy(r->status, sizeof(r->status), inquiry_status_word(s));
}

void commitment_record_set_status(struct commitment_record *c,
				  enum commitment_status s)
{
	store_copy(c->status, sizeof(c->status), commitment_status_word(s));
}

void review_record_set_status(struct review_record *r, enum review_status s)
{
	store_copy(r->status, sizeof(r->status), review_status_word(s));
}

void review_record_set_kind(struct review_record *r, enum review_kind k)
{
	store_copy(r->kind, sizeof(r->kind), review_kind_word(k));
}
