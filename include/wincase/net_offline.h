/* net_offline.h - the counter keeps working when the network does not
 * (issue 12). Attached to a net_client, it sits under net_write and the
 * reads:
 *
 * - Every write with an Idempotency-Key is first appended to the clerk's
 *   encrypted journal (journal.h, fsync'd), then sent; the server's answer
 *   is recorded after it. A write that does not reach the server stays in
 *   the journal and is sent again later with the same key, so the server
 *   applies it once.
 * - While the server is out of reach, registering an inquiry, creating a
 *   case (from the cached catalog item) and recording a checklist are
 *   answered locally with an object whose id is a local one ("L...") and
 *   whose number is the pending label ("未生效"); everything that needs the
 *   server's judgement or signature (notices, acceptance, credit, handoffs
 *   and their acknowledgement...) is journaled and answered with the error
 *   "queued" (NET_ERR_QUEUED), never with a made-up official answer.
 * - Reads are answered from the server and kept in an encrypted cache;
 *   offline they are answered from it (and from the local objects), except
 *   the applicant's credit record, which is never answered from an old
 *   copy.
 * - net_offline_replay sends what waits, in order, with the original keys
 *   and X-Client-Time; ids made offline are mapped to the server's for the
 *   entries after them. A refusal (409, 412, 422, or another 4xx) stops
 *   that chain (the entries on the same inquiry or case, and those made
 *   from it) and keeps it for the clerk; other chains go on. */
#ifndef WINCASE_NET_OFFLINE_H
#define WINCASE_NET_OFFLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "wincase/error.h"
#include "wincase/journal.h"

struct net_client;
struct localstore;

/* What a journaled change does, for the journal screen's words. */
enum net_offline_kind {
	OFFLINE_INQUIRY_CREATE,
	OFFLINE_INQUIRY_HANDOFF,
	OFFLINE_INQUIRY_ACK,
	OFFLINE_INQUIRY_CLOSE,
	OFFLINE_CASE_CREATE,
	OFFLINE_CASE_CHECKLIST,
	OFFLINE_CASE_NOTICE,
	OFFLINE_CASE_ACCEPT,
	OFFLINE_CASE_SUPPLEMENT,
	OFFLINE_CASE_COMPLETE,
	OFFLINE_CASE_WITHDRAW,
	OFFLINE_CASE_RATING,
	OFFLINE_OTHER,
	OFFLINE_KIND_COUNT
};

enum net_offline_state {
	OFFLINE_PENDING,   /* waits to be sent */
	OFFLINE_STOPPED,   /* the server refused it, or one before it */
	OFFLINE_DONE,	   /* the server applied it */
	OFFLINE_DISMISSED, /* the clerk settled a stopped one by hand */
};

struct net_offline_item {
	char key[65];
	char method[8];
	char path[256];
	char client_time[40]; /* RFC 3339, the clerk's clock */
	enum net_offline_kind kind;
	enum net_offline_state state;
	bool blocked;	   /* stopped because an earlier one of its chain was */
	int http;	   /* the refusal's status, 0 when none */
	char code[48];	   /* the refusal's error code */
	char message[256]; /* the server's message (English) */
};

/* Attaches the offline layer to client with the clerk's store: opens (or
 * creates) its journal (rep says what was found: a torn tail dropped, a
 * refused file set aside). window is the clerk's window for the objects
 * made offline; pending_no the number they show ("未生效"). */
int net_offline_attach(struct net_client *client, struct localstore *store,
		       const char *window, const char *pending_no,
		       struct journal_open_report *rep, struct wc_error *err);
/* Detaches (the journal stays on disk). */
void net_offline_detach(struct net_client *client);
bool net_offline_attached(const struct net_client *client);

/* Changes not applied by the server yet: waiting ones and stopped ones. */
size_t net_offline_pending(const struct net_client *client);
size_t net_offline_stopped(const struct net_client *client);
bool net_offline_replaying(const struct net_client *client);

/* Sends what waits, in order. 0 when the server took every change it was
 * sent (stopped chains aside); -1 with err when the link failed or the
 * session is lost (what is left waits). *sent (may be NULL): how many
 * were applied now. */
int net_offline_replay(struct net_client *client, size_t *sent,
		       struct wc_error *err);

/* The changes of the journal not yet compacted away, oldest first (the
 * caller frees *out). */
size_t net_offline_items(const struct net_client *client,
			 struct net_offline_item **out);
/* A stopped change: sent again at the next replay (retry), or settled by
 * the clerk and no longer sent (dismiss). -1 when key is not a stopped
 * one. */
int net_offline_retry(struct net_client *client, const char *key,
		      struct wc_error *err);
int net_offline_dismiss(struct net_client *client, const char *key,
			struct wc_error *err);
/* Every change as one JSON object a line (key, method, path, body,
 * client_time, state, refusal), for support staff. */
int net_offline_export(const struct net_client *client, FILE *out);

/* The offline login. Save: after an online login (net_login), its answer
 * (token, expiry, user) into the clerk's store. Restore: the same clerk on
 * the same PC while the server is out of reach: the token set again and
 * *user filled (release with net_user_release), expires the session's end
 * (RFC 3339); -1 with err "no_local_login" (no online login kept) or
 * "session_expired". */
struct net_user;
int net_session_save(struct net_client *client, struct localstore *store,
		     struct wc_error *err);
int net_session_restore(struct net_client *client, struct localstore *store,
			struct net_user *user, char *expires, size_t size,
			struct wc_error *err);

/* When the cached answer last served offline was fetched (0: none). */
time_t net_offline_cache_time(const struct net_client *client);

#endif
