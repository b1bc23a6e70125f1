/* store.h - the case store behind one interface (STYLE.md 6). Handlers
 * call these operations and never write SQL; each back end lives in its own
 * folder below server/store/ (sqlite/ today) and implements the same table.
 * store_open picks the back end from the database's name, for the daemon and
 * the command-line verbs alike.
 *
 * Conventions for every operation:
 * - returns 0 on success, STORE_NOT_FOUND (1) where a lookup finds nothing,
 *   -1 with err filled ("internal") on a storage failure;
 * - times are unix seconds, supplied by the caller (the server clock, which
 *   may be fake), never read by the store itself;
 * - a struct store_conn belongs to one thread; store_ops.connect gives the
 *   calling thread its own connection;
 * - operations that write several rows (inquiry_create) must run between
 *   begin and commit; single-row writes may also run on their own. */
#ifndef WINCASED_STORE_H
#define WINCASED_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wincase/error.h"

#define STORE_NOT_FOUND 1

struct store_ops;
struct document_record; /* documents.h */

/* Every back end's handle starts with this. */
struct store {
	const struct store_ops *ops;
};

struct store_conn {
	const struct store_ops *ops;
};

struct user_record {
	char username[64];
	char display_name[128];
	char role[16]; /* clerk, reviewer, admin, trainee */
	char window[32];
	char department[128];
	char pwhash[128]; /* crypto_pwhash_str output */
};

struct session_record {
	struct user_record user;
	char window[32]; /* the session's window (may override the user's) */
	int64_t expires_at;
};

struct idempotency_record {
	char request_hash[65]; /* hex BLAKE2b of method, path and body */
	int status;
	char *body; /* owned; released by idempotency_record_release */
	char etag[32];
	char location[128];
	int64_t created_at;
};

struct inquiry_record {
	int64_t id;
	char no[24]; /* SW-YYYYMMDD-NNNN */
	int version;
	char status[16]; /* open, handed_off, referred, closed */
	char first_responder[64];
	char window[32];
	char department[128];
	int64_t created_at;
	char channel[16]; /* counter, phone, online */
	/* Owned strings (NULL when absent), freed by inquiry_record_release. */
	char *topic;
	char *item_code;
	char *applicant_name;
	char *applicant_id_type;
	char *applicant_id_no;
	char *applicant_phone;
	char *resolution;
	char *note;
	bool bounced;
	int64_t case_id; /* 0 when none */
};

/* R1: one handoff (转办) of an inquiry to a window or a department. */
struct handoff_record {
	int64_t id;
	int64_t inquiry_id;
	char to_window[32];	 /* "" when to a department */
	char to_department[128]; /* "" when to a window */
	char *reason;		 /* owned */
	char created_by[64];
	int64_t created_at;
	char acknowledged_by[64]; /* "" while it waits */
	int64_t acknowledged_at;  /* 0 while it waits */
};

/* One audit entry (R6: every change is in the audit trail). */
struct audit_record {
	int64_t seq; /* 1, 2, ... without gaps */
	int64_t at;
	char actor[64];
	char action[48]; /* "inquiry.create" */
	char entity[96]; /* "inquiry:12", "case:3", "user:clerk1" */
	char *data;	 /* owned canonical JSON text */
	char prev_hash[65];
	char hash[65]; /* hex BLAKE2b-256, see audit.c */
};

typedef int (*store_audit_visitor)(void *ctx, const struct audit_record *rec,
				   struct wc_error *err);

/* A signed checkpoint of the audit chain's head (audit.h). */
struct audit_checkpoint {
	int64_t id;
	int64_t seq;	    /* the newest entry's seq */
	int64_t entries;    /* entries in the chain then */
	char hash[65];	    /* that entry's hash */
	int64_t at;	    /* unix seconds, the server clock */
	char reason[16];    /* entries, time, shutdown, cli */
	char signature[96]; /* base64 Ed25519 over audit_checkpoint_text */
};

/* A throttle counter's rule (store_ops.throttle_hit): the first `free`
 * attempts within a run pass; from then on each attempt blocks the key for
 * a delay that doubles, from base_seconds up to max_seconds. A run ends
 * after quiet_seconds without an attempt. */
struct throttle_rule {
	int free;
	int base_seconds;
	int max_seconds;
	int quiet_seconds;
};

typedef int (*store_checkpoint_visitor)(void *ctx,
					const struct audit_checkpoint *cp,
					struct wc_error *err);

enum inquiry_scope { SCOPE_MINE, SCOPE_WINDOW, SCOPE_ALL };

struct inquiry_query {
	enum inquiry_scope scope;
	const char *username;	/* SCOPE_MINE: first responder */
	const char *window;	/* SCOPE_MINE (handoffs), SCOPE_WINDOW */
	const char *department; /* SCOPE_MINE: handoffs to my department */
	const char *status;	/* NULL: any */
	/* NULL: any; else a part of the number, the applicant's name, ID
	 * number (any case) or phone */
	const char *q;
	int64_t before_id; /* 0: from the newest; else ids below it */
	int limit;
};

/* A list of loaded text blobs (catalog items, calendar years). */
typedef int (*store_text_visitor)(void *ctx, const char *text,
				  struct wc_error *err);

/* Cases (R2-R5), written by handlers_case*.c, kept by store_sqlite_case*.c.
 * Dates are "YYYY-MM-DD" text, "" when absent; times unix seconds, 0 when
 * absent. */
struct case_line {
	char material_id[64];
	char state[16];	    /* pending, provided, missing, defective, shared */
	char *note;	    /* owned, NULL when none */
	bool listed_before; /* R2: listed in an earlier notice */
	bool resubmitted;   /* R2: submitted anew since the last notice */
};

struct case_record {
	int64_t id;
	char no[24]; /* SL-YYYYMMDD-NNNN */
	int version;
	char status[24]; /* checking, notified, accepted, accepted_tolerant,
			    completed, denied, withdrawn */
	char item_code[64];
	char scenario_id[64];
	int64_t inquiry_id; /* 0 when none */
	char applicant_name[512];
	char applicant_id_type[16]; /* "" when none */
	char applicant_id_no[64];
	char applicant_phone[32];
	bool major_project;
	char created_by[64];
	char window[32];
	char department[128]; /* the item's department (R6 reviewer scope) */
	int64_t created_at;
	int64_t accepted_at;
	char accepted_by[64];
	char due_date[11]; /* R4; "" while not accepted or pending */
	bool due_pending;  /* accepted, but the due year has no calendar */
	char result[16];   /* approved, denied */
	char *result_note; /* owned strings, NULL when absent */
	int64_t completed_at;
	char completed_by[64];
	int rating_level;     /* 0: not rated */
	char *rating_reasons; /* JSON array text */
	char *rating_comment;
	int64_t rated_at;
	bool deemed;	   /* R4 超时默认 */
	char *deemed_note; /* JSON text: which stage was late, who */
	char *withdraw_note;
	int64_t closed_at; /* completed, denied or withdrawn */
	/* The catalog item as it was when the case was created (its JSON;
	 * owned, NULL for a case older than the snapshot): a later catalog
	 * edit never changes the materials, flags or time limits of an
	 * existing case. Written by case_create only. */
	char *item_json;
	size_t n_lines;
	struct case_line *lines; /* owned */
};

struct notice_record {
	int64_t id;
	char no[24]; /* GZ-YYYYMMDD-NNNN */
	int64_t case_id;
	char *items; /* owned JSON array text */
	char issued_by[64];
	char window[32];
	int64_t issued_at;
	char *text; /* owned */
	char *signature;
	char verify_code[32];
	bool once_violation;
	char *override_reason;
};

struct commitment_record {
	int64_t id;
	char no[24]; /* CN-YYYYMMDD-NNNN */
	int64_t case_id;
	char *materials; /* owned JSON array text */
	int deadline_days;
	char due_date[11]; /* "" while its year has no calendar */
	char status[16];   /* open, fulfilled, breached, waived */
	char applicant_name[512];
	char applicant_id_type[16];
	char applicant_id_no[64];
	char *confirmation; /* owned */
	char *text;
	char *signature;
	char verify_code[32];
	char created_by[64];
	char window[32];
	char department[128];
	int64_t created_at;
	int64_t closed_at; /* fulfilled, breached or waived */
};

/* R3: a credit entry of an applicant ("breach", or "waived" later). */
struct credit_record {
	int64_t id;
	char id_type[16];
	char id_no[64];
	char applicant_name[512];
	char kind[16]; /* breach */
	int64_t case_id;
	int64_t commitment_id;
	int64_t at;
	char note[512];
};

/* A reviewer-queue item (R1-R5). */
struct review_record {
	int64_t id;
	char kind[24]; /* tolerant_acceptance, once_violation, breach, overdue,
			  bounced, rectification */
	int64_t case_id;    /* 0 when none */
	int64_t inquiry_id; /* 0 when none */
	char department[128];
	char window[32];
	int64_t created_at;
	char status[16]; /* pending, done */
	char *summary;	 /* owned */
	char decision[16];
	char *comment; /* owned */
	char decided_by[64];
	int64_t decided_at;
	char due_date[11]; /* "" when none */
	/* Issue 14: a queue for a team (migration 9). */
	char owner[64];	  /* the reviewer who took it, "" when nobody */
	int64_t owned_at; /* when they took it (or were handed it) */
	/* R5 rectification as steps, each saved as it is done: 核实, 整改,
	 * 反馈 (REVIEW_STEP_*); owned, NULL when not written yet. */
	char *steps[3];
};

/* The rectification steps of a review item, in their order (R5). */
enum review_step { REVIEW_STEP_VERIFY, REVIEW_STEP_FIX, REVIEW_STEP_FEEDBACK };
#define REVIEW_STEPS 3

/* The reviewer queue as listed (store_sqlite_review.c). */
struct review_query {
	const char *kind;	/* NULL: any */
	const char *status;	/* NULL: any */
	const char *department; /* NULL: every department */
	bool undated;		/* only items without a due date */
	int64_t after_id;	/* oldest first: ids above it */
	int limit;		/* 0: no limit */
	const char *owner;	/* NULL: any; "": nobody's; else that user's */
	const char *decided_by; /* NULL: any; else decided by that user */
	/* Issue 14.7 (the counter's 审核退回): decided so ("return"), of that
	 * window, decided at or after decided_after (0: any time); NULL
	 * any. */
	const char *decision;
	const char *window;
	int64_t decided_after;
};

/* R1 scheduler: a handoff still waiting for acknowledgement. */
struct handoff_wait {
	int64_t handoff_id;
	int64_t inquiry_id;
	int64_t created_at;
};

/* GET /v1/stats: events in [from, to) grouped by window, clerk or item. */
enum stats_group { STATS_BY_WINDOW, STATS_BY_CLERK, STATS_BY_ITEM };

struct stats_query {
	enum stats_group group_by;
	int64_t from, to;	/* unix seconds, to excluded */
	const char *department; /* NULL: all */
};

/* One (key, metric, count); metric is a column of API.md, "rating_N", or
 * two joined by '+' (both counted). */
typedef int (*store_stats_visitor)(void *ctx, const char *key,
				   const char *metric, int64_t count,
				   struct wc_error *err);

enum case_scope {
	CASE_SCOPE_MINE,
	CASE_SCOPE_WINDOW,
	CASE_SCOPE_DEPARTMENT,
	CASE_SCOPE_ALL
};

struct case_query {
	enum case_scope scope;
	const char *username;	/* CASE_SCOPE_MINE: created by */
	const char *window;	/* CASE_SCOPE_WINDOW */
	const char *department; /* CASE_SCOPE_DEPARTMENT */
	const char *status;	/* NULL: any */
	const char *q;		/* number or applicant name substring */
	const char *due_before; /* "YYYY-MM-DD": due_date < it */
	int64_t before_id;	/* 0: from the newest; else ids below it */
	int limit;
};

/* What GET /v1/health says of the store (store_ops.status). */
struct store_status {
	bool connected;
	char role[16]; /* primary, standby ("" when unknown) */
	int schema_version;
};

struct store_ops {
	const char *name; /* "sqlite", "postgres", as GET /v1/health says */

	/* Open (creating and migrating the schema as needed). */
	int (*open)(const char *path, struct store **out, struct wc_error *err);
	/* Closes every connection; call after all worker threads stopped. */
	void (*close)(struct store **st);
	/* This thread's connection, opened on first use; NULL with err. */
	struct store_conn *(*connect)(struct store *st, struct wc_error *err);

	/* A write transaction that takes the write lock at once. */
	int (*begin)(struct store_conn *c, struct wc_error *err);
	int (*commit)(struct store_conn *c, struct wc_error *err);
	void (*rollback)(struct store_conn *c);

	int (*user_get)(struct store_conn *c, const char *username,
			struct user_record *out, struct wc_error *err);
	/* Insert a user unless that username exists (0 either way). */
	int (*user_add_if_missing)(struct store_conn *c,
				   const struct user_record *user, int64_t now,
				   struct wc_error *err);
	/* The windows username may sit at, comma-separated ("1,3"; "" for
	 * none) into out. A new user may sit at its window until set. */
	int (*user_windows_get)(struct store_conn *c, const char *username,
				char *out, size_t size, struct wc_error *err);
	/* Set them, and the user's default window (one of them, or "");
	 * STORE_NOT_FOUND for an unknown user. */
	int (*user_windows_set)(struct store_conn *c, const char *username,
				const char *windows, const char *window,
				struct wc_error *err);

	int (*session_create)(struct store_conn *c, const char *token_hash,
			      const char *username, const char *window,
			      int64_t now, int64_t expires_at,
			      struct wc_error *err);
	/* Finds an unexpired session (expires_at > now) with its user. */
	int (*session_get)(struct store_conn *c, const char *token_hash,
			   int64_t now, struct session_record *out,
			   struct wc_error *err);
	int (*session_delete)(struct store_conn *c, const char *token_hash,
			      struct wc_error *err);

	int (*login_failure_add)(struct store_conn *c, const char *username,
				 int64_t at, struct wc_error *err);
	/* Failures for username at or after since. */
	int (*login_failure_count)(struct store_conn *c, const char *username,
				   int64_t since, int *out,
				   struct wc_error *err);
	int (*login_failure_clear)(struct store_conn *c, const char *username,
				   struct wc_error *err);

	/* Throttling (login, document verification), counted atomically in
	 * the store so that several servers share it. One attempt on key at
	 * now, counted before the work it guards: *count is the attempts of
	 * the run, this one included. While the key is blocked the attempt
	 * is refused and not counted (*count 0), unless force; *retry_after
	 * then says for how many seconds (0 when not refused). */
	int (*throttle_hit)(struct store_conn *c, const char *key,
			    const struct throttle_rule *rule, int64_t now,
			    bool force, int *count, int64_t *retry_after,
			    struct wc_error *err);
	/* Give back one attempt (it turned out right); clear: the run ends. */
	int (*throttle_undo)(struct store_conn *c, const char *key,
			     const struct throttle_rule *rule,
			     struct wc_error *err);
	int (*throttle_clear)(struct store_conn *c, const char *key,
			      struct wc_error *err);

	/* The record stored for (username, key) at or after since. */
	int (*idempotency_get)(struct store_conn *c, const char *username,
			       const char *key, int64_t since,
			       struct idempotency_record *out,
			       struct wc_error *err);
	/* Store (replacing an expired one); drops records older than
	 * expire_before. */
	int (*idempotency_put)(struct store_conn *c, const char *username,
			       const char *key,
			       const struct idempotency_record *rec,
			       int64_t expire_before, struct wc_error *err);

	/* Catalog items and calendar years are kept as their JSON text. */
	int (*catalog_item_put)(struct store_conn *c, const char *code,
				const char *json_text, int64_t now,
				struct wc_error *err);
	int (*catalog_items_visit)(struct store_conn *c,
				   store_text_visitor visit, void *ctx,
				   struct wc_error *err);
	int (*calendar_year_put)(struct store_conn *c, int year,
				 const char *json_text, int64_t now,
				 struct wc_error *err);
	int (*calendar_years_visit)(struct store_conn *c,
				    store_text_visitor visit, void *ctx,
				    struct wc_error *err);

	/* Inside a transaction: assigns rec->id and rec->no (prefix plus the
	 * next number of rec's server-local day, given as "YYYYMMDD") and
	 * inserts the inquiry. */
	int (*inquiry_create)(struct store_conn *c, struct inquiry_record *rec,
			      const char *day, struct wc_error *err);
	int (*inquiry_get)(struct store_conn *c, int64_t id,
			   struct inquiry_record *out, struct wc_error *err);
	/* True if an unacknowledged handoff of the inquiry targets window or
	 * department (R1: the target may read it). */
	int (*inquiry_handed_to)(struct store_conn *c, int64_t id,
				 const char *window, const char *department,
				 bool *out, struct wc_error *err);
	/* Newest first; *out is a new array of *n records (free with
	 * inquiry_records_free). */
	int (*inquiry_list)(struct store_conn *c, const struct inquiry_query *q,
			    struct inquiry_record **out, size_t *n,
			    struct wc_error *err);
	/* Write version, status, bounced, resolution, note and case_id. */
	int (*inquiry_update)(struct store_conn *c,
			      const struct inquiry_record *rec,
			      struct wc_error *err);
	/* The inquiry's handoffs, oldest first; *out is a new array of *n
	 * (free with handoff_records_free). */
	int (*inquiry_handoffs)(struct store_conn *c, int64_t inquiry_id,
				struct handoff_record **out, size_t *n,
				struct wc_error *err);
	/* Assigns rec->id. */
	int (*inquiry_handoff_add)(struct store_conn *c,
				   struct handoff_record *rec,
				   struct wc_error *err);
	/* STORE_NOT_FOUND when no waiting handoff has that id. */
	int (*inquiry_handoff_ack)(struct store_conn *c, int64_t handoff_id,
				   const char *username, int64_t at,
				   struct wc_error *err);
	/* Issue 13.5: the sender recalls a waiting handoff; it leaves the
	 * inquiry (the audit entry inquiry.recall keeps it).
	 * STORE_NOT_FOUND when no waiting handoff has that id. */
	int (*inquiry_handoff_recall)(struct store_conn *c, int64_t handoff_id,
				      struct wc_error *err);
	/* Issue 13.5, R1 handoff targets: visit gets, per user who may sit at
	 * a window, that user's comma-separated windows ("1,3"; duplicates
	 * across users possible) or, with departments, each department some
	 * user belongs to (distinct, sorted). */
	int (*handoff_targets_visit)(struct store_conn *c, bool departments,
				     store_text_visitor visit, void *ctx,
				     struct wc_error *err);
	/* An online copy of the whole store into a new file at to_path
	 * (`wincased backup`). */
	int (*backup)(struct store_conn *c, const char *to_path,
		      struct wc_error *err);

	/* Audit trail, appended inside the writing transaction. */
	/* The newest entry, or STORE_NOT_FOUND when the trail is empty. */
	int (*audit_last)(struct store_conn *c, struct audit_record *out,
			  struct wc_error *err);
	int (*audit_insert)(struct store_conn *c,
			    const struct audit_record *rec,
			    struct wc_error *err);
	/* Entries with seq > after_seq in order, of one entity (NULL: all),
	 * at most limit (0: no limit). "user:NAME" is what concerns that
	 * user: the entries about user:NAME and those NAME made (actor),
	 * issue 14.7. */
	int (*audit_visit)(struct store_conn *c, const char *entity,
			   int64_t after_seq, int limit,
			   store_audit_visitor visit, void *ctx,
			   struct wc_error *err);

	/* Audit checkpoints (audit_checkpoint.c), inside a transaction.
	 * Assigns cp->id. */
	int (*audit_checkpoint_add)(struct store_conn *c,
				    struct audit_checkpoint *cp,
				    struct wc_error *err);
	/* The newest, or STORE_NOT_FOUND. */
	int (*audit_checkpoint_last)(struct store_conn *c,
				     struct audit_checkpoint *out,
				     struct wc_error *err);
	/* Every checkpoint by id (only those not yet written to the
	 * checkpoint file when unexported). */
	int (*audit_checkpoint_visit)(struct store_conn *c, bool unexported,
				      store_checkpoint_visitor visit, void *ctx,
				      struct wc_error *err);
	/* Mark checkpoints up to id as written to the checkpoint file. */
	int (*audit_checkpoint_exported)(struct store_conn *c, int64_t id,
					 struct wc_error *err);
	/* The number of audit entries. */
	int (*audit_count)(struct store_conn *c, int64_t *out,
			   struct wc_error *err);

	/* Signed documents (documents.h): assigns rec->id. */
	int (*document_put)(struct store_conn *c, struct document_record *rec,
			    struct wc_error *err);
	/* By canonical verify code (XXXX-XXXX-XX), or STORE_NOT_FOUND. */
	int (*document_find_by_code)(struct store_conn *c, const char *code,
				     struct document_record *out,
				     struct wc_error *err);
	/* By number (GZ-..., CN-...), or STORE_NOT_FOUND. */
	int (*document_find_by_no)(struct store_conn *c, const char *no,
				   struct document_record *out,
				   struct wc_error *err);

	/* Cases (store_sqlite_case*.c). Inside a transaction: assigns rec->id
	 * and rec->no ("SL-" + day + number) and inserts it with its lines. */
	int (*case_create)(struct store_conn *c, struct case_record *rec,
			   const char *day, struct wc_error *err);
	/* The case with its checklist lines. */
	int (*case_get)(struct store_conn *c, int64_t id,
			struct case_record *out, struct wc_error *err);
	/* Write every field and line of rec as it is (version included). */
	int (*case_update)(struct store_conn *c, const struct case_record *rec,
			   struct wc_error *err);
	/* Newest first, without lines; free with case_records_free. */
	int (*case_list)(struct store_conn *c, const struct case_query *q,
			 struct case_record **out, size_t *n,
			 struct wc_error *err);
	/* R4 scheduler: accepted or accepted_tolerant cases whose due_date is
	 * before day ("YYYY-MM-DD"), without lines, oldest due first. */
	int (*case_list_due)(struct store_conn *c, const char *before_day,
			     struct case_record **out, size_t *n,
			     struct wc_error *err);
	/* Accepted cases with due_pending set (their year had no calendar). */
	int (*case_list_due_pending)(struct store_conn *c,
				     struct case_record **out, size_t *n,
				     struct wc_error *err);

	/* Notices: assigns rec->id and rec->no ("GZ-"). */
	int (*notice_create)(struct store_conn *c, struct notice_record *rec,
			     const char *day, struct wc_error *err);
	/* Every notice of a case, oldest first; free with
	 * notice_records_free. */
	int (*notice_list)(struct store_conn *c, int64_t case_id,
			   struct notice_record **out, size_t *n,
			   struct wc_error *err);

	/* Commitments (R3): assigns rec->id and rec->no ("CN-"). */
	int (*commitment_create)(struct store_conn *c,
				 struct commitment_record *rec, const char *day,
				 struct wc_error *err);
	/* The commitment of a case, or STORE_NOT_FOUND. */
	int (*commitment_get_by_case)(struct store_conn *c, int64_t case_id,
				      struct commitment_record *out,
				      struct wc_error *err);
	/* R3 scheduler: open commitments whose due_date is before day
	 * ("YYYY-MM-DD"); free with commitment_records_free. */
	int (*commitment_list_due)(struct store_conn *c, const char *before_day,
				   struct commitment_record **out, size_t *n,
				   struct wc_error *err);
	/* status: fulfilled, breached or waived (closed_at = at) or open. */
	int (*commitment_set_status)(struct store_conn *c, int64_t id,
				     const char *status, int64_t at,
				     struct wc_error *err);
	/* Set a commitment's due date (once its year's calendar arrived). */
	int (*commitment_set_due)(struct store_conn *c, int64_t id,
				  const char *due_date, struct wc_error *err);
	/* Commitments of one applicant by status. */
	int (*commitment_count)(struct store_conn *c, const char *id_type,
				const char *id_no, const char *status, int *out,
				struct wc_error *err);
	int (*supplement_add)(struct store_conn *c, int64_t case_id,
			      int64_t commitment_id, const char *material_id,
			      const char *by, int64_t at, struct wc_error *err);

	/* Credit (R3): assigns rec->id. */
	int (*credit_add)(struct store_conn *c, struct credit_record *rec,
			  struct wc_error *err);
	/* Breach entries of an applicant at or after since. */
	int (*credit_breaches)(struct store_conn *c, const char *id_type,
			       const char *id_no, int64_t since, int *out,
			       struct wc_error *err);
	/* Every entry of an applicant, newest first (at most limit). */
	int (*credit_list)(struct store_conn *c, const char *id_type,
			   const char *id_no, int limit,
			   struct credit_record **out, size_t *n,
			   struct wc_error *err);

	/* Reviewer queue: assigns rec->id; status "pending" when "". */
	int (*review_add)(struct store_conn *c, struct review_record *rec,
			  struct wc_error *err);
	/* "KIND-YYYYMMDD-NNNN" into out: the next number of kind ("GZ",
	 * "CN") on day ("YYYYMMDD"). notice_create and commitment_create
	 * keep a number already set in the record. */
	int (*number_next)(struct store_conn *c, const char *kind,
			   const char *day, char *out, size_t size,
			   struct wc_error *err);

	/* Reviewer queue reads and decisions (store_sqlite_review.c). Oldest
	 * first; free with review_records_free. */
	int (*review_list)(struct store_conn *c, const struct review_query *q,
			   struct review_record **out, size_t *n,
			   struct wc_error *err);
	int (*review_get)(struct store_conn *c, int64_t id,
			  struct review_record *out, struct wc_error *err);
	/* Mark a pending item done; STORE_NOT_FOUND if none is pending. */
	int (*review_decide)(struct store_conn *c, int64_t id,
			     const char *decision, const char *comment,
			     const char *by, int64_t at, struct wc_error *err);
	/* An item of kind for the case (case_id != 0) or the inquiry. */
	int (*review_exists)(struct store_conn *c, const char *kind,
			     int64_t case_id, int64_t inquiry_id, bool *out,
			     struct wc_error *err);
	int (*review_set_due)(struct store_conn *c, int64_t id,
			      const char *due_date, struct wc_error *err);
	/* R1 scheduler: waiting handoffs made at or before created_before on
	 * open inquiries not yet bounced and queued; *out is malloc'ed. */
	int (*handoff_list_waiting)(struct store_conn *c,
				    int64_t created_before,
				    struct handoff_wait **out, size_t *n,
				    struct wc_error *err);
	/* R3: a waived commitment's breach no longer counts. */
	int (*credit_waive)(struct store_conn *c, int64_t commitment_id,
			    struct wc_error *err);
	int (*stats_visit)(struct store_conn *c, const struct stats_query *q,
			   store_stats_visitor visit, void *ctx,
			   struct wc_error *err);

	/* Issue 14 (store_sqlite_review.c). Compare and set the owner of a
	 * pending item: only when its owner is now expect ("" nobody, NULL
	 * any), to owner ("" releases it) at time at; STORE_NOT_FOUND when the
	 * item is not pending or its owner is not expect. */
	int (*review_set_owner)(struct store_conn *c, int64_t id,
				const char *expect, const char *owner,
				int64_t at, struct wc_error *err);
	/* R5: save one rectification step's text of a pending item;
	 * STORE_NOT_FOUND when it is not pending. */
	int (*review_set_step)(struct store_conn *c, int64_t id,
			       enum review_step step, const char *text,
			       struct wc_error *err);

	/* Issue 10: several servers on one database. Optional (NULL: one
	 * server owns the store). Whether this server runs the deadline
	 * scheduler now: exactly one instance at a time holds the claim. */
	int (*scheduler_claim)(struct store_conn *c, bool *mine,
			       struct wc_error *err);
	/* The fake clock shared by every instance: *set false while none
	 * was stored. */
	int (*clock_get)(struct store_conn *c, int64_t *now, bool *set,
			 struct wc_error *err);
	/* Store it; only_if_unset keeps one already stored. */
	int (*clock_put)(struct store_conn *c, int64_t now, bool only_if_unset,
			 struct wc_error *err);
	/* GET /v1/health: how the store is (never fails; a lost database
	 * reads connected false). */
	void (*status)(struct store_conn *c, struct store_status *out);
};

extern const struct store_ops store_sqlite_ops;
extern const struct store_ops store_pg_ops;

/* Opens the store that url names, creating and migrating its schema:
 * "sqlite:PATH" or a plain file path is SQLite; a PostgreSQL URI
 * (postgresql://, postgres://) or key=value conninfo is PostgreSQL. 0, or
 * -1 with err (code "invalid_field" for a name no back end takes). */
int store_open(const char *url, struct store **out, struct wc_error *err);
/* True for a name store_open gives to PostgreSQL (no file to stat, no
 * folder to keep the signing key next to). */
bool store_url_is_postgresql(const char *url);
/* url as the log may show it: a PostgreSQL password left out. */
void store_display_name(const char *url, char *out, size_t size);

void idempotency_record_release(struct idempotency_record *rec);
void inquiry_record_release(struct inquiry_record *rec);
void audit_record_release(struct audit_record *rec);
void inquiry_records_free(struct inquiry_record **recs, size_t n);
void handoff_records_free(struct handoff_record **recs, size_t n);
void case_record_release(struct case_record *rec);
void case_records_free(struct case_record **recs, size_t n);
void notice_record_release(struct notice_record *rec);
void notice_records_free(struct notice_record **recs, size_t n);
void commitment_record_release(struct commitment_record *rec);
void commitment_records_free(struct commitment_record **recs, size_t n);
void review_record_release(struct review_record *rec);
void review_records_free(struct review_record **recs, size_t n);

/* The same for one element of a list (void *), as the back ends' list
 * readers take them. */
void store_release_inquiry(void *rec);
void store_release_handoff(void *rec);
void store_release_case(void *rec);
void store_release_case_line(void *line);
void store_release_notice(void *rec);
void store_release_commitment(void *rec);
void store_release_review(void *rec);

/* Copy src into a fixed buffer, truncating; used for record fields. */
void store_copy(char *dst, size_t size, const char *src);
/* Is q (of a case or inquiry list) long enough for the stores' trigram
 * indexes: three characters or more? Shorter q scans. */
bool store_search_indexed(const char *q);

#endif
