/* audit.c - append to and verify the hash-chained audit trail. */
#include "audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#define ZERO_HASH                                                              \
	"0000000000000000000000000000000000000000000000000000000000000000"

/* The canonical text an entry's hash covers, after the previous hash. */
static int audit_hash(const struct audit_record *rec, const json_t *data,
		      char out[65], struct wc_error *err)
{
	json_t *obj = json_pack("{sI sI ss ss ss sO}", "seq",
				(json_int_t)rec->seq, "at", (json_int_t)rec->at,
				"actor", rec->actor, "action", rec->action,
				"entity", rec->entity, "data", (json_t *)data);
	char *text =
	    obj ? json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	unsigned char digest[32];
	crypto_generichash_state state;

	json_decref(obj);
	if (!text)
		return wc_error_set(err, "internal", NULL,
				    "audit: out of memory");
	crypto_generichash_init(&state, NULL, 0, sizeof(digest));
	crypto_generichash_update(&state, (const unsigned char *)rec->prev_hash,
				  strlen(rec->prev_hash));
	crypto_generichash_update(&state, (const unsigned char *)"\n", 1);
	crypto_generichash_update(&state, (const unsigned char *)text,
				  strlen(text));
	crypto_generichash_final(&state, digest, sizeof(digest));
	sodium_bin2hex(out, 65, digest, sizeof(digest));
	free(text);
	return 0;
}

/* The X-Client-Time of the request this thread is handling (issue 12:
 * a change made offline and replayed keeps the clerk's time beside the
 * server's); "" none. Set by http.c around the handler. */
static _Thread_local char client_time[40];

void audit_client_time_set(const char *value)
{
	snprintf(client_time, sizeof(client_time), "%s", value ? value : "");
}

int audit_append(struct store_conn *db, int64_t at, const char *actor,
		 const char *action, const char *entity, const json_t *data,
		 struct wc_error *err)
{
	struct audit_record last, rec;
	json_t *empty = NULL, *with_time = NULL;
	int rc;

	if (client_time[0]) {
		with_time = data ? json_deep_copy(data) : json_object();
		if (!with_time ||
		    json_object_set_new(with_time, "client_time",
					json_string(client_time))) {
			json_decref(with_time);
			return wc_error_set(err, "internal", NULL,
					    "audit: out of memory");
		}
		data = with_time;
	}

	memset(&rec, 0, sizeof(rec));
	rc = db->ops->audit_last(db, &last, err);
	if (rc < 0)
		return -1;
	if (rc == STORE_NOT_FOUND) {
		rec.seq = 1;
		store_copy(rec.prev_hash, sizeof(rec.prev_hash), ZERO_HASH);
	} else {
		rec.seq = last.seq + 1;
		store_copy(rec.prev_hash, sizeof(rec.prev_hash), last.hash);
		audit_record_release(&last);
	}
	rec.at = at;
	store_copy(rec.actor, sizeof(rec.actor), actor);
	store_copy(rec.action, sizeof(rec.action), action);
	store_copy(rec.entity, sizeof(rec.entity), entity);
	if (!data)
		data = empty = json_object();
	rec.data = json_dumps(data, JSON_COMPACT | JSON_SORT_KEYS);
	rc = -1;
	if (!rec.data) {
		wc_error_set(err, "internal", NULL, "audit: out of memory");
		goto done;
	}
	if (audit_hash(&rec, data, rec.hash, err) < 0)
		goto done;
	rc = db->ops->audit_insert(db, &rec, err);
	if (rc == 0)
		rc = audit_checkpoint_after_append(db, rec.seq, at, err);
done:
	audit_record_release(&rec);
	json_decref(empty);
	json_decref(with_time);
	return rc;
}

struct verify_state {
	int64_t expect_seq;
	char prev_hash[65];
	bool ok;
	int64_t broken_at;
	int64_t entries;
	int64_t last_seq;
	/* Checkpoints by seq, compared as the walk passes their seq. */
	const struct audit_checkpoint *cps;
	size_t n_cps, next_cp;
	int64_t last_match;	/* seq of the newest matching checkpoint */
	int64_t rewritten_from; /* 0 until a checkpoint differs */
};

/* A checkpoint at rec's seq must name rec's hash: an entry rewritten with
 * every later hash recomputed keeps the chain consistent but not that. */
static void audit_verify_checkpoints(struct verify_state *vs,
				     const struct audit_record *rec)
{
	while (vs->next_cp < vs->n_cps &&
	       vs->cps[vs->next_cp].seq <= rec->seq) {
		const struct audit_checkpoint *cp = &vs->cps[vs->next_cp++];

		if (cp->seq != rec->seq)
			continue; /* a gap: the chain check reports it */
		if (strcmp(cp->hash, rec->hash) == 0) {
			if (!vs->rewritten_from)
				vs->last_match = cp->seq;
		} else if (!vs->rewritten_from) {
			vs->rewritten_from = vs->last_match + 1;
		}
	}
}

static int audit_verify_one(void *ctx, const struct audit_record *rec,
			    struct wc_error *err)
{
	struct verify_state *vs = ctx;
	json_t *data;
	char hash[65];
	int rc;

	(void)err;
	vs->entries++;
	vs->last_seq = rec->seq;
	audit_verify_checkpoints(vs, rec);
	if (!vs->ok)
		return 0;
	data = json_loads(rec->data ? rec->data : "", 0, NULL);
	rc = data ? audit_hash(rec, data, hash, err) : -1;
	json_decref(data);
	/* A gap (deleted row), a different link (inserted or deleted row) or
	 * a different hash (altered row) all break the chain here. */
	if (rc < 0 || rec->seq != vs->expect_seq ||
	    strcmp(rec->prev_hash, vs->prev_hash) != 0 ||
	    strcmp(rec->hash, hash) != 0) {
		vs->ok = false;
		vs->broken_at =
		    rec->seq < vs->expect_seq ? rec->seq : vs->expect_seq;
		return 0;
	}
	vs->expect_seq++;
	store_copy(vs->prev_hash, sizeof(vs->prev_hash), rec->hash);
	return 0;
}

int audit_verify_against(struct store_conn *db,
			 const struct audit_checkpoint *cps, size_t n_cps,
			 struct audit_report *out, struct wc_error *err)
{
	struct verify_state vs = {
	    .expect_seq = 1, .ok = true, .cps = cps, .n_cps = n_cps};

	store_copy(vs.prev_hash, sizeof(vs.prev_hash), ZERO_HASH);
	if (db->ops->audit_visit(db, NULL, 0, 0, audit_verify_one, &vs, err) <
	    0)
		return -1;
	memset(out, 0, sizeof(*out));
	out->entries = vs.entries;
	out->last_seq = vs.last_seq;
	out->broken_at = vs.ok ? 0 : vs.broken_at;
	out->rewritten_from = vs.rewritten_from;
	/* A checkpoint past the end: what it covered was cut off. */
	if (n_cps && cps[n_cps - 1].seq > vs.last_seq)
		out->missing_after = vs.last_seq;
	out->missing_from_cp = out->missing_after ? cps[n_cps - 1].seq : 0;
	out->ok = vs.ok && !out->rewritten_from && !out->missing_after;
	return 0;
}

int audit_verify(struct store_conn *db, bool *ok, int64_t *broken_at,
		 int64_t *entries, struct wc_error *err)
{
	struct audit_report r;

	if (audit_verify_against(db, NULL, 0, &r, err) < 0)
		return -1;
	*ok = r.ok;
	*broken_at = r.broken_at;
	*entries = r.entries;
	return 0;
}

json_t *audit_record_json(const struct audit_record *rec,
			  const struct server_clock *clock)
{
	char at[CLOCK_TEXT_SIZE];
	json_t *data = json_loads(rec->data ? rec->data : "{}", 0, NULL);

	clock_format(clock, rec->at, at);
	return json_pack("{sI ss ss ss ss so ss ss}", "seq",
			 (json_int_t)rec->seq, "at", at, "actor", rec->actor,
			 "action", rec->action, "entity", rec->entity, "data",
			 data ? data : json_object(), "prev_hash",
			 rec->prev_hash, "hash", rec->hash);
}
