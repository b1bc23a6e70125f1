/* store_columns.h - the column lists both back ends read and write, in
 * the order their row readers take them: one list per table, so that a
 * column added by a schema step is added for SQLite and PostgreSQL alike
 * (store/README.md). Private to server/store/. */
#ifndef WINCASED_STORE_COLUMNS_H
#define WINCASED_STORE_COLUMNS_H

#define INQUIRY_COLUMNS                                                        \
	"id, no, version, status, first_responder, window_no, department,"     \
	" created_at, channel, topic, item_code, applicant_name,"              \
	" applicant_id_type, applicant_id_no, applicant_phone, bounced,"       \
	" resolution, note, case_id"

#define CASE_COLUMNS                                                           \
	"id, no, version, status, item_code, scenario_id, inquiry_id,"         \
	" applicant_name, applicant_id_type, applicant_id_no,"                 \
	" applicant_phone, major_project, created_by, window_no, department,"  \
	" created_at, accepted_at, accepted_by, due_date, due_pending,"        \
	" result, result_note, completed_at, completed_by, rating_level,"      \
	" rating_reasons, rating_comment, rated_at, deemed, deemed_note,"      \
	" withdraw_note, closed_at"
/* What reads return: CASE_COLUMNS and the item snapshot (column 32). */
#define CASE_READ_COLUMNS CASE_COLUMNS ", item_json"

#define COMMITMENT_COLUMNS                                                     \
	"id, no, case_id, materials, deadline_days, due_date, status,"         \
	" applicant_name, applicant_id_type, applicant_id_no, confirmation,"   \
	" text, signature, verify_code, created_by, window_no, department,"    \
	" created_at, closed_at"

#define REVIEW_COLUMNS                                                         \
	"id, kind, case_id, inquiry_id, department, window_no, created_at,"    \
	" status, summary, decision, comment, decided_by, decided_at,"         \
	" due_date, owner, owned_at, step_verify, step_fix, step_feedback"

#define CHECKPOINT_COLUMNS "id, seq, entries, hash, at, reason, signature"

#endif
