/* localstore.h - one clerk's local data on one server, encrypted (DESIGN.md
 * 4, issue 12): drafts, the offline journal, cached reference data and the
 * offline-login verifier live in DATA/local/SERVER/USER/ (folders 0700,
 * files 0600), where SERVER and USER are BLAKE2b digests of the server's URL
 * and the user name, so that another clerk on the same computer account has
 * another folder and never sees these.
 *
 * The key: crypto_pwhash (Argon2id, libsodium's "interactive" limits) of the
 * clerk's password with a random salt kept in the folder's "clerk" file,
 * then crypto_kdf subkeys: one encrypts, one is the verifier kept in the
 * "clerk" file so that the same clerk can log in on this PC while the
 * server is out of reach. Every file is XChaCha20-Poly1305 (AEAD) with the
 * file's logical name, the server and the user as associated data: a file
 * copied from another clerk's folder, or renamed within one, does not
 * open ("refused").
 *
 * Entry file format: "WCLS1\n", 24-byte nonce, ciphertext with its tag. */
#ifndef WINCASE_LOCALSTORE_H
#define WINCASE_LOCALSTORE_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/error.h"

struct localstore;

#define LOCALSTORE_KEY_BYTES 32
#define LOCALSTORE_NAME_MAX  64

/* How localstore_open treats the folder. */
enum localstore_mode {
	/* After an online login: open the clerk's folder, creating it; a
	 * folder whose verifier does not match the password (changed on the
	 * server) is moved aside as USER.old-TIME and a new one started. */
	LOCALSTORE_CREATE,
	/* Offline login: only an existing folder whose verifier matches;
	 * err "no_local_login" when there is none, "bad_credentials" when
	 * the password is not the one of the last online login. */
	LOCALSTORE_EXISTING,
};

/* Opens the store of username on server_url under data_dir (the data
 * folder, "~" already expanded). The password is used for the key and not
 * kept. *moved_aside (may be NULL) tells that an old folder was set aside.
 * 0, or -1 with err. */
int localstore_open(const char *data_dir, const char *server_url,
		    const char *username, const char *password,
		    enum localstore_mode mode, struct localstore **out,
		    bool *moved_aside, struct wc_error *err);
/* Wipes the key and frees. */
void localstore_close(struct localstore **store);

/* The clerk's folder, and the key the journal encrypts with (32 bytes). */
const char *localstore_dir(const struct localstore *store);
const unsigned char *localstore_key(const struct localstore *store);
/* "SERVERHASH/USERHASH", bound into every file as associated data. */
const char *localstore_owner(const struct localstore *store);
const char *localstore_username(const struct localstore *store);

/* True for a name usable as an entry: 1-63 of [a-z0-9_.-], not starting
 * with '.'. */
bool localstore_name_ok(const char *name);

/* Writes entry name (temporary file, fsync, rename; 0600). sync false
 * skips the fsync (a cache that can be read again). */
int localstore_put(struct localstore *store, const char *name, const void *data,
		   size_t len, bool sync, struct wc_error *err);
/* Reads entry name into *data (NUL-terminated, caller frees; *len without
 * the NUL, len may be NULL). -1 with err "not_found", or "refused" (not
 * ours: another clerk's, tampered, or renamed). */
int localstore_get(struct localstore *store, const char *name, char **data,
		   size_t *len, struct wc_error *err);
/* Removes entry name; 0 also when there was none. */
int localstore_remove(struct localstore *store, const char *name);
/* The names of the entries starting with prefix, in names[max]; returns
 * how many. */
size_t localstore_list(struct localstore *store, const char *prefix,
		       char (*names)[LOCALSTORE_NAME_MAX], size_t max);

#endif
