/* throttle.h - limits an attacker cannot turn against users (docs/api.md
 * "Throttling").
 *
 * Logins are counted per client address and per account, in the store
 * (store_ops.throttle_hit, one atomic statement each), before the password
 * is hashed: concurrent tries cannot pass the limit. After the free
 * attempts every further failure doubles a delay (from 1 s up to
 * login_delay_max_seconds) during which the key is refused with 429 and
 * Retry-After, without hashing. The account's delay does not apply to an
 * address without failures of its own: the right password from a clean
 * address always gets checked. At most login_hash_concurrency password
 * hashes run at once (unknown names included); beyond that 429 with
 * Retry-After: 1. GET /v1/documents/verify counts unknown codes per
 * address the same way. */
#ifndef WINCASED_THROTTLE_H
#define WINCASED_THROTTLE_H

#include <stdbool.h>

#include "api.h"

/* The caller's address as text ("127.0.0.2"; IPv6 by its /64), "?" when
 * unknown. */
void throttle_client_address(const struct api_request *req, char out[64]);

/* One login attempt's counts and hash slot. */
struct login_attempt {
	char addr_key[96];
	char user_key[96];
	bool slot; /* holds a hash slot */
};

/* Before the password is checked: false with a 429 reply on rep when the
 * address or the account is delayed or too many hashes run. */
bool throttle_login_begin(struct api_request *req, struct api_reply *rep,
			  const char *username, struct login_attempt *a);
/* After the check: the right password gives back the address's attempt
 * and ends the account's run; a wrong one leaves both counted. Releases
 * the hash slot. */
void throttle_login_end(struct api_request *req, struct login_attempt *a,
			bool right);

/* GET /v1/documents/verify: count the lookup before it (false with 429 on
 * rep when the address is delayed); a code found is given back. */
bool throttle_verify_begin(struct api_request *req, struct api_reply *rep,
			   char key[96]);
void throttle_verify_found(struct api_request *req, const char *key);

#endif
