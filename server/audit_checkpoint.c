/* audit_checkpoint.c - signed checkpoints of the audit chain's head (issue
 * 11): made every N entries inside the appending transaction, every few
 * minutes and at shutdown by a thread, kept in the store, appended to a
 * file outside it and written to the log; and the check of the chain
 * against them. See docs/audit.md. */
#include "audit.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "documents.h"

#define CHECKPOINT_LINE_MAX 1024

/* The signer is process-wide: one wincased (or one verb) signs with one
 * key. NULL: audit_append makes no checkpoints (a verb without a key). */
static const struct documents *checkpoint_signer;
static int checkpoint_every;
static bool checkpoint_log;

void audit_checkpoint_configure(const struct documents *docs, int every,
				bool log)
{
	checkpoint_signer = docs;
	checkpoint_every = every;
	checkpoint_log = log;
}

size_t audit_checkpoint_text(const struct audit_checkpoint *cp, char *out,
			     size_t size)
{
	int n = snprintf(out, size,
			 "wincase audit checkpoint v1\nseq=%lld\nentries=%lld\n"
			 "hash=%s\nat=%lld\nreason=%s\n",
			 (long long)cp->seq, (long long)cp->entries, cp->hash,
			 (long long)cp->at, cp->reason);

	return n < 0 ? 0 : (size_t)n;
}

bool audit_checkpoint_valid(const struct audit_checkpoint *cp,
			    const unsigned char pk[32])
{
	unsigned char sig[crypto_sign_BYTES];
	char text[400];
	size_t len = audit_checkpoint_text(cp, text, sizeof(text)), sig_len = 0;

	if (sodium_base642bin(sig, sizeof(sig), cp->signature,
			      strlen(cp->signature), NULL, &sig_len, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    sig_len != sizeof(sig))
		return false;
	return crypto_sign_verify_detached(sig, (const unsigned char *)text,
					   len, pk) == 0;
}

static void checkpoint_sign(struct audit_checkpoint *cp)
{
	unsigned char sig[crypto_sign_BYTES];
	char text[400];
	size_t len = audit_checkpoint_text(cp, text, sizeof(text));

	documents_sign(checkpoint_signer, text, len, sig);
	sodium_bin2base64(cp->signature, sizeof(cp->signature), sig,
			  sizeof(sig), sodium_base64_VARIANT_ORIGINAL);
}

/* The head as it stands in this transaction. */
static int checkpoint_head(struct store_conn *db, int64_t at,
			   const char *reason, struct audit_checkpoint *cp,
			   struct wc_error *err)
{
	struct audit_record last;
	int rc;

	memset(cp, 0, sizeof(*cp));
	rc = db->ops->audit_last(db, &last, err);
	if (rc < 0)
		return -1;
	if (rc == STORE_NOT_FOUND)
		return STORE_NOT_FOUND;
	cp->seq = last.seq;
	store_copy(cp->hash, sizeof(cp->hash), last.hash);
	audit_record_release(&last);
	if (db->ops->audit_count(db, &cp->entries, err) < 0)
		return -1;
	cp->at = at;
	store_copy(cp->reason, sizeof(cp->reason), reason);
	return 0;
}

int audit_checkpoint_make(struct store_conn *db, int64_t at, const char *reason,
			  bool *made, struct wc_error *err)
{
	struct audit_checkpoint cp, last;
	int rc;

	*made = false;
	if (!checkpoint_signer)
		return 0;
	rc = checkpoint_head(db, at, reason, &cp, err);
	if (rc != 0)
		return rc < 0 ? -1 : 0; /* an empty trail has no head */
	rc = db->ops->audit_checkpoint_last(db, &last, err);
	if (rc < 0)
		return -1;
	if (rc == 0 && last.seq == cp.seq && strcmp(last.hash, cp.hash) == 0)
		return 0; /* already covered */
	checkpoint_sign(&cp);
	if (db->ops->audit_checkpoint_add(db, &cp, err) < 0)
		return -1;
	*made = true;
	return 0;
}

int audit_checkpoint_after_append(struct store_conn *db, int64_t seq,
				  int64_t at, struct wc_error *err)
{
	bool made;

	if (!checkpoint_signer || checkpoint_every <= 0 ||
	    seq % checkpoint_every != 0)
		return 0;
	return audit_checkpoint_make(db, at, "entries", &made, err);
}

json_t *audit_checkpoint_json(const struct audit_checkpoint *cp,
			      const struct server_clock *clock)
{
	char at[CLOCK_TEXT_SIZE];

	clock_format(clock, cp->at, at);
	return json_pack("{sI sI ss ss sI ss ss}", "seq", (json_int_t)cp->seq,
			 "entries", (json_int_t)cp->entries, "hash", cp->hash,
			 "at", at, "at_unix", (json_int_t)cp->at, "reason",
			 cp->reason, "signature", cp->signature);
}

/* The checkpoint file line: compact JSON, sorted keys. */
static char *checkpoint_line(const struct audit_checkpoint *cp,
			     const struct server_clock *clock)
{
	json_t *obj = audit_checkpoint_json(cp, clock);
	char *text =
	    obj ? json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS) : NULL;

	json_decref(obj);
	return text;
}

int audit_checkpoint_print(struct store_conn *db,
			   const struct server_clock *clock, FILE *out,
			   struct wc_error *err)
{
	struct audit_checkpoint cp;
	char *line;
	int rc = db->ops->audit_checkpoint_last(db, &cp, err);

	if (rc != 0)
		return rc;
	line = checkpoint_line(&cp, clock);
	if (!line)
		return wc_error_set(err, "internal", NULL, "out of memory");
	fprintf(out, "%s\n", line);
	free(line);
	return 0;
}

struct export_state {
	const struct server_clock *clock;
	int fd;
	int64_t last_id;
	const char *path;
};

static int write_line(int fd, const char *line)
{
	size_t n = strlen(line);

	while (n > 0) {
		ssize_t w = write(fd, line, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		line += w;
		n -= (size_t)w;
	}
	return 0;
}

static int export_one(void *ctx, const struct audit_checkpoint *cp,
		      struct wc_error *err)
{
	struct export_state *es = ctx;
	char *line = checkpoint_line(cp, es->clock);
	char buf[CHECKPOINT_LINE_MAX];
	int rc = 0;

	if (!line)
		return wc_error_set(err, "internal", NULL, "out of memory");
	snprintf(buf, sizeof(buf), "%s\n", line);
	/* One write of one line on an O_APPEND file: lines never mix. */
	if (es->fd >= 0 && write_line(es->fd, buf) < 0)
		rc = wc_error_set(err, "internal", "audit_checkpoint_file",
				  "cannot write %s: %s", es->path,
				  strerror(errno));
	else if (checkpoint_log)
		fprintf(stderr, "wincased: audit checkpoint %s\n", line);
	free(line);
	if (rc == 0)
		es->last_id = cp->id;
	return rc;
}

int audit_checkpoint_export(struct store_conn *db,
			    const struct server_clock *clock, const char *path,
			    struct wc_error *err)
{
	struct export_state es = {.clock = clock, .fd = -1, .path = path};
	int rc;

	if (path && path[0]) {
		es.fd =
		    open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
		if (es.fd < 0)
			return wc_error_set(
			    err, "internal", "audit_checkpoint_file",
			    "cannot open %s: %s", path, strerror(errno));
	}
	rc = db->ops->audit_checkpoint_visit(db, true, export_one, &es, err);
	if (es.fd >= 0) {
		if (fsync(es.fd) < 0 && rc == 0)
			rc = wc_error_set(
			    err, "internal", "audit_checkpoint_file",
			    "cannot sync %s: %s", path, strerror(errno));
		close(es.fd);
	}
	/* Only what reached the file (and its disk) is marked. */
	if (es.last_id && rc == 0 &&
	    db->ops->audit_checkpoint_exported(db, es.last_id, err) < 0)
		return -1;
	return rc;
}

/* ---- The checkpointer thread: exports what others made, makes one when
 * the newest is older than the interval (real time), and one at stop. */

struct audit_checkpointer {
	struct app *app;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
	int64_t seen_id;	 /* newest checkpoint id seen */
	struct timespec seen_at; /* when it was seen (monotonic) */
};

static void checkpointer_fail(const char *what, const struct wc_error *err)
{
	fprintf(stderr, "wincased: audit checkpoint: %s: %s\n", what,
		err->message);
}

int audit_checkpoint_now(struct app *app, struct store_conn *db,
			 const char *reason, bool *made, struct wc_error *err)
{
	*made = false;
	if (db->ops->begin(db, err) < 0)
		return -1;
	if (audit_checkpoint_make(db, clock_now(&app->clock), reason, made,
				  err) < 0 ||
	    db->ops->commit(db, err) < 0) {
		db->ops->rollback(db);
		return -1;
	}
	return audit_checkpoint_export(db, &app->clock,
				       app->cfg.audit_checkpoint_file, err);
}

static void checkpointer_tick(struct audit_checkpointer *c,
			      struct store_conn *db)
{
	struct app *app = c->app;
	struct audit_checkpoint last;
	struct timespec now;
	struct wc_error err = {0};
	bool made;
	int rc;

	if (audit_checkpoint_export(db, &app->clock,
				    app->cfg.audit_checkpoint_file, &err) < 0) {
		checkpointer_fail("export", &err);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	rc = db->ops->audit_checkpoint_last(db, &last, &err);
	if (rc < 0) {
		checkpointer_fail("read", &err);
		return;
	}
	if (rc == 0 && last.id != c->seen_id) {
		c->seen_id = last.id;
		c->seen_at = now;
		return;
	}
	if (now.tv_sec - c->seen_at.tv_sec < app->cfg.audit_checkpoint_seconds)
		return;
	/* Due: a checkpoint of the head unless the newest covers it. */
	if (audit_checkpoint_now(app, db, "time", &made, &err) < 0)
		checkpointer_fail("time", &err);
	c->seen_at = now;
}

static void *checkpointer_main(void *arg)
{
	struct audit_checkpointer *c = arg;
	struct wc_error err = {0};
	struct store_conn *db =
	    c->app->store->ops->connect(c->app->store, &err);
	struct timespec until;

	if (!db) {
		checkpointer_fail("connect", &err);
		return NULL;
	}
	pthread_mutex_lock(&c->lock);
	while (!c->stop) {
		pthread_mutex_unlock(&c->lock);
		checkpointer_tick(c, db);
		pthread_mutex_lock(&c->lock);
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += 1;
		while (!c->stop && pthread_cond_timedwait(&c->wake, &c->lock,
							  &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

int audit_checkpointer_start(struct app *app, struct audit_checkpointer **out,
			     struct wc_error *err)
{
	struct audit_checkpointer *c = calloc(1, sizeof(*c));
	pthread_condattr_t attr;

	*out = NULL;
	if (!c)
		return wc_error_set(err, "internal", NULL, "out of memory");
	c->app = app;
	clock_gettime(CLOCK_MONOTONIC, &c->seen_at);
	c->seen_id = -1;
	pthread_mutex_init(&c->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&c->wake, &attr);
	pthread_condattr_destroy(&attr);
	if (pthread_create(&c->thread, NULL, checkpointer_main, c) != 0) {
		pthread_cond_destroy(&c->wake);
		pthread_mutex_destroy(&c->lock);
		free(c);
		return wc_error_set(err, "internal", NULL,
				    "cannot start the checkpoint thread");
	}
	*out = c;
	return 0;
}

void audit_checkpointer_stop(struct audit_checkpointer **cp,
			     struct store_conn *db)
{
	struct audit_checkpointer *c = *cp;
	struct wc_error err = {0};
	bool made;

	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	c->stop = true;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	/* Nothing appends any more (the HTTP server and the scheduler have
	 * stopped): the head is final. */
	if (audit_checkpoint_now(c->app, db, "shutdown", &made, &err) < 0)
		checkpointer_fail("shutdown", &err);
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->lock);
	free(c);
	*cp = NULL;
}
