/* record_state.h - the lifecycle state (wincase/lifecycle.h) of a record as
 * the store keeps it. The store holds the API's word; handlers decode it
 * here, decide with the lifecycle tables and write the next state's word
 * back through the same codec. Private to wincased. */
#ifndef WINCASED_RECORD_STATE_H
#define WINCASED_RECORD_STATE_H

#include "store/store.h"
#include "wincase/lifecycle.h"

/* The state a record's word names. A word the codec does not know (a
 * damaged record) gives the _COUNT value, which allows no action, so a
 * handler refuses to change such a record instead of guessing. */
enum case_status case_record_status(const struct case_record *r);
enum inquiry_status inquiry_record_status(const struct inquiry_record *r);
enum commitment_status
commitment_record_status(const struct commitment_record *c);
enum review_status review_record_status(const struct review_record *r);
enum review_kind review_record_kind(const struct review_record *r);

/* Write state s's word into the record (an out-of-range s writes ""). */
void case_record_set_status(struct case_record *r, enum case_status s);
void inquiry_record_set_status(struct inquiry_record *r, enum inquiry_status s);
void commitment_record_set_status(struct commitment_record *c,
				  enum commitment_status s);
void review_record_set_status(struct review_record *r, enum review_status s);
void review_record_set_kind(struct review_record *r, enum review_kind k);

#endif
