/* offline_private.h - the state of the offline layer shared by its files
 * (offline.c: journal records and the write hook; offline_local.c: the
 * local answers, the read hook and the cache; offline_replay.c). */
#ifndef WINCASE_NET_OFFLINE_PRIVATE_H
#define WINCASE_NET_OFFLINE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <jansson.h>

#include "wincase/journal.h"
#include "wincase/net.h"
#include "wincase/net_offline.h"

struct localstore;

/* One journaled write. */
struct op {
	char key[65];
	char method[8];
	char path[256];
	char at[40];
	char local_id[24]; /* the id its local answer made, "" none */
	int if_match;
	json_t *body;	/* owned, may be NULL */
	json_t *local;	/* the local answer, owned, may be NULL */
	json_t *answer; /* the server's, once done (this session) */
	enum net_offline_state state;
	bool blocked;
	int http;
	char code[48];
	char message[256];
};

struct id_map {
	char local[24];
	char server[32];
};

/* An entity's version as the server last gave it (replay's If-Match). */
struct version_seen {
	char entity[64];
	int version;
};

struct offline {
	struct localstore *store;
	struct journal *journal;
	char window[32];
	char pending_no[32];
	struct op *ops;
	size_t n, cap;
	struct id_map *map;
	size_t n_map, cap_map;
	struct version_seen versions[64];
	size_t n_versions;
	bool replaying;
	time_t cache_time;
	/* The last refusal of a replayed write, for the screen that sent
	 * it while online. */
	struct wc_error last_refusal;
	json_t *last_details;
};

const char *offline_mapped(const struct offline *o, const char *local);
int offline_record_done(struct offline *o, struct op *op, const json_t *answer,
			struct wc_error *err);
int offline_record_stopped(struct offline *o, struct op *op, int http,
			   const struct wc_error *why, bool blocked,
			   struct wc_error *err);
/* Every change applied or settled: the file starts anew (keeping the id
 * map). Unless force, only once the file holds OFFLINE_COMPACT_AFTER
 * records. */
#define OFFLINE_COMPACT_AFTER 64
void offline_compact(struct offline *o, bool force);
enum net_offline_kind offline_kind_of(const char *method, const char *path);

/* Sets op->local and op->local_id for the writes the counter can do
 * without the server (offline_local.c). */
void offline_local_answer(struct offline *o, struct op *op);
/* A write's answer that is the case or inquiry itself, kept in the read
 * cache under its path (so that it can be changed offline later). */
void offline_cache_answer(struct offline *o, const char *path,
			  const json_t *answer);
int offline_hook_read(struct net_client *client, const char *path,
		      const struct net_request_options *opt, json_t **out,
		      struct wc_error *err);
/* The entity a path is about: "cases/12" of "/v1/cases/12/checklist";
 * "" for none. */
void offline_entity_of(const char *path, char *out, size_t size);

/* The path, body (a new reference) and If-Match of op as sent now: local
 * ids replaced by the server's, the version the server last gave. */
json_t *offline_op_request(const struct offline *o, const struct op *op,
			   char *path, size_t size, int *if_match);

/* Replays the pending writes up to and including index (SIZE_MAX: all);
 * 0, or -1 when the link failed or the session is lost. */
int offline_replay_until(struct net_client *client, struct offline *o,
			 size_t index, struct wc_error *err);

#endif
