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

#include <jansson.h>

#include "clock.h"
#include "store/store.h"

/* Append one entry inside the caller's write transaction. data may be NULL
 * (stored as {}); it is borrowed. */
int audit_append(struct store_conn *db, int64_t at, const char *actor,
		 const char *action, const char *entity, const json_t *data,
		 struct wc_error *err);

/* Walk the whole trail. *ok false and *broken_at the first entry whose
 * hash, link or sequence number is wrong; *entries counts the entries
 * read. */
int audit_verify(struct store_conn *db, bool *ok, int64_t *broken_at,
		 int64_t *entries, struct wc_error *err);

/* New reference: the entry as GET /v1/audit lists it. */
json_t *audit_record_json(const struct audit_record *rec,
			  const struct server_clock *clock);

#endif
