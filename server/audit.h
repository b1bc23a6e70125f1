/* audit.h - the hash-chained audit trail (DESIGN.md 5, R6).
 *
 * Entry n's hash is hex BLAKE2b-256 over entry n-1's hash, a newline and
 * the canonical JSON of {"seq","at","actor","action","entity","data"}
 * (keys sorted, compact). The first entry's prev_hash is 64 zeros. An
 * altered row no longer matches its hash; a deleted or inserted row breaks
 * the sequence or the link to its neighbour. */
#ifndef WINCASED_AUDIT_H
#define WINCASED_AUDIT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "clock.h"
#include "store/store.h"

/* Append one entry inside the caller's write transaction. data may be NULL
 * (stored as {}); it is borrowed. */
int audit_append(struct store_conn *db, int64_t at, const char *actor,
		 const char *action, const char *entity, const json_t *data,
		 struct wc_error *err);

/* Issue 12: the client's recorded time of the change this thread is
 * handling (X-Client-Time, RFC 3339; NULL or "" none): audit_append adds
 * it to every entry's data as "client_time" until it is cleared. */
void audit_client_time_set(const char *value);

/* Walk the whole trail. *ok false and *broken_at the first entry whose
 * hash, link or sequence number is wrong; *entries counts the entries
 * read. */
int audit_verify(struct store_conn *db, bool *ok, int64_t *broken_at,
		 int64_t *entries, struct wc_error *err);

/* The chain checked against signed checkpoints (audit_checkpoint.c). */
struct audit_report {
	bool ok; /* intact, and it matches every checkpoint */
	int64_t entries, last_seq;
	int64_t broken_at;	 /* 0, or the first entry that breaks it */
	int64_t missing_after;	 /* 0, or: entries after this seq are gone */
	int64_t missing_from_cp; /* then: the newest checkpoint's seq */
	int64_t rewritten_from;	 /* 0, or: rewritten from this seq on */
	/* Filled by audit_check: */
	int64_t checkpoints;	 /* checkpoints compared (store and files) */
	int64_t bad_checkpoints; /* lines or rows whose signature fails */
	int64_t unstored;	 /* in a file but no longer in the store */
	bool signatures_checked; /* false without the key */
	bool have_newest;
	struct audit_checkpoint newest; /* the newest valid one, by seq */
};

/* Walk the trail comparing it with cps (sorted by seq, signatures already
 * checked; n_cps may be 0). */
int audit_verify_against(struct store_conn *db,
			 const struct audit_checkpoint *cps, size_t n_cps,
			 struct audit_report *out, struct wc_error *err);

struct documents;
struct app;

/* Checkpoints (audit_checkpoint.c). The signed text is
 * "wincase audit checkpoint v1\nseq=S\nentries=N\nhash=H\nat=T\n
 * reason=R\n" (T unix seconds), signed Ed25519 with the server's key
 * (documents.h); the signature is kept in standard base64. */

/* Sign checkpoints with docs' key from now on, and make one inside the
 * appending transaction at every `every`-th seq (0: none); log: export
 * writes each to stderr too (the daemon's log; not the verbs', whose
 * output is for the administrator). docs NULL: no checkpoints. */
void audit_checkpoint_configure(const struct documents *docs, int every,
				bool log);
/* The text a checkpoint's signature covers; its length. */
size_t audit_checkpoint_text(const struct audit_checkpoint *cp, char *out,
			     size_t size);
bool audit_checkpoint_valid(const struct audit_checkpoint *cp,
			    const unsigned char pk[32]);
/* Inside a write transaction: sign and store a checkpoint of the head,
 * unless the trail is empty or the newest checkpoint covers the head
 * (*made false). */
int audit_checkpoint_make(struct store_conn *db, int64_t at, const char *reason,
			  bool *made, struct wc_error *err);
/* Called by audit_append after the entry with seq. */
int audit_checkpoint_after_append(struct store_conn *db, int64_t seq,
				  int64_t at, struct wc_error *err);
/* After a commit: each checkpoint not yet exported as one JSON line
 * appended to path ("" none; created 0644, fsync'd) and to the log
 * (stderr, "wincased: audit checkpoint {...}", when configured so), then
 * marked exported. */
int audit_checkpoint_export(struct store_conn *db,
			    const struct server_clock *clock, const char *path,
			    struct wc_error *err);
/* In its own transaction: make (reason) and export. */
int audit_checkpoint_now(struct app *app, struct store_conn *db,
			 const char *reason, bool *made, struct wc_error *err);
/* New reference: {"seq","entries","hash","at","at_unix","reason",
 * "signature"}, also the file's line. */
json_t *audit_checkpoint_json(const struct audit_checkpoint *cp,
			      const struct server_clock *clock);
/* The newest stored checkpoint as its file line on out; STORE_NOT_FOUND
 * when there is none. */
int audit_checkpoint_print(struct store_conn *db,
			   const struct server_clock *clock, FILE *out,
			   struct wc_error *err);

/* The chain against every checkpoint in the store and in files (a
 * NULL-terminated list; a missing file is no error), each signature
 * checked with pk (NULL: not checked). */
int audit_check(struct store_conn *db, const unsigned char *pk,
		const char *const *files, struct audit_report *out,
		struct wc_error *err);
/* One line for people: "ok N entries", "entries after seq N are missing",
 * "the chain was rewritten from seq N", "broken at seq N", ... */
void audit_report_text(const struct audit_report *r, char *out, size_t size);

/* The thread that exports checkpoints made anywhere and makes one when
 * audit_checkpoint_seconds passed without one; at stop (after the HTTP
 * server and the scheduler), a last one on db. */
struct audit_checkpointer;
int audit_checkpointer_start(struct app *app, struct audit_checkpointer **out,
			     struct wc_error *err);
void audit_checkpointer_stop(struct audit_checkpointer **c,
			     struct store_conn *db);

/* New reference: the entry as GET /v1/audit lists it. */
json_t *audit_record_json(const struct audit_record *rec,
			  const struct server_clock *clock);

#endif
