/* store.h - the case store behind one interface (STYLE.md 6). Handlers
 * call these operations and never write SQL; store_sqlite.c implements
 * them on SQLite, and a PostgreSQL back end can implement the same table.
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

enum inquiry_scope { SCOPE_MINE, SCOPE_WINDOW, SCOPE_ALL };

struct inquiry_query {
	enum inquiry_scope scope;
	const char *username;	/* SCOPE_MINE: first responder */
	const char *window;	/* SCOPE_MINE (handoffs), SCOPE_WINDOW */
	const char *department; /* SCOPE_MINE: handoffs to my department */
	const char *status;	/* NULL: any */
	int64_t before_id;	/* 0: from the newest; else ids below it */
	int limit;
};

/* A list of loaded text blobs (catalog items, calendar years). */
typedef int (*store_text_visitor)(void *ctx, const char *text,
				  struct wc_error *err);

struct store_ops {
	const char *name; /* "sqlite", as GET /v1/health reports it */

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

	/* Audit trail, appended inside the writing transaction. */
	/* The newest entry, or STORE_NOT_FOUND when the trail is empty. */
	int (*audit_last)(struct store_conn *c, struct audit_record *out,
			  struct wc_error *err);
	int (*audit_insert)(struct store_conn *c,
			    const struct audit_record *rec,
			    struct wc_error *err);
	/* Entries with seq > after_seq in order, of one entity (NULL: all),
	 * at most limit (0: no limit). */
	int (*audit_visit)(struct store_conn *c, const char *entity,
			   int64_t after_seq, int limit,
			   store_audit_visitor visit, void *ctx,
			   struct wc_error *err);
};

extern const struct store_ops store_sqlite_ops;

void idempotency_record_release(struct idempotency_record *rec);
void inquiry_record_release(struct inquiry_record *rec);
void audit_record_release(struct audit_record *rec);
void inquiry_records_free(struct inquiry_record **recs, size_t n);

/* Copy src into a fixed buffer, truncating; used for record fields. */
void store_copy(char *dst, size_t size, const char *src);

#endif
