/* journal.h - the offline journal (issue 12): an append-only file of
 * encrypted entries, each written and fsync'd before append returns.
 *
 * File: "WCJRNL1\n", a 16-byte random journal id, a 24-byte nonce and the
 * 16-byte AEAD tag of nothing under the id and the owner (so that another
 * clerk's journal is refused even when empty), then entries: a 4-byte
 * big-endian length L, a 24-byte nonce, L bytes of XChaCha20-Poly1305
 * ciphertext (tag included) whose associated data is the journal id, the
 * owner ("SERVER/USER" of localstore.h) and the entry's number (1, 2 ...,
 * 8 bytes big-endian): an entry moved, dropped from the middle or copied
 * from another journal does not open.
 *
 * Opening reads every entry. A last entry cut short (the program killed
 * while writing it) is dropped and the file truncated to the entries
 * before it: an entry is never read half. An entry that is whole but does
 * not open, or a header that is not ours, means the file was altered or is
 * another clerk's: it is refused, moved aside as PATH.refused-TIME, and a
 * new empty journal is started; nothing of it is replayed. */
#ifndef WINCASE_JOURNAL_H
#define WINCASE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/error.h"

struct journal;

/* What journal_open found. */
struct journal_open_report {
	size_t entries;	      /* whole entries read */
	bool torn_tail;	      /* a last entry cut short was dropped */
	bool refused;	      /* the file was set aside (altered or foreign) */
	char set_aside[4200]; /* where it went */
};

#define JOURNAL_ENTRY_MAX (1024u * 1024u)

/* Opens (creating) the journal at path with key (32 bytes) and owner.
 * 0 with *out and rep filled (a refused file is not an error: rep says
 * so), or -1 with err when the file cannot be read or written. */
int journal_open(const char *path, const unsigned char *key, const char *owner,
		 struct journal **out, struct journal_open_report *rep,
		 struct wc_error *err);
void journal_close(struct journal **j);

/* Appends payload (text, at most JOURNAL_ENTRY_MAX bytes) as the next
 * entry: written and fsync'd before it returns 0. */
int journal_append(struct journal *j, const char *payload,
		   struct wc_error *err);

/* The entries read at open and appended since, oldest first; the text is
 * owned by the journal. */
size_t journal_count(const struct journal *j);
const char *journal_entry(const struct journal *j, size_t index);

/* Starts the file anew with only the n payloads (atomically: temporary
 * file, fsync, rename); used when every change has reached the server. */
int journal_rewrite(struct journal *j, const char *const *payloads, size_t n,
		    struct wc_error *err);

#endif
