/* store_sqlite_commit.c - write transactions on SQLite, committed in
 * groups (issue 16).
 *
 * Every write transaction of the process runs on one writer connection,
 * in turn (FIFO tickets, so no writer waits behind later ones), each in a
 * savepoint of a shared transaction. A writer whose part ends while others
 * wait hands the open transaction to the next; the one whose part ends
 * with nobody waiting commits it, and only then does any member's commit
 * return. One sync of the WAL covers the group; one connection's page
 * cache serves every writer (each connection re-read what the others had
 * written). Durability is unchanged: with synchronous=FULL SQLite syncs
 * the WAL before it publishes the commit in the wal-index, so no other
 * connection sees a member's rows before they are on disk, and no answer
 * leaves before its member's commit returned. A member that rolls back
 * undoes its savepoint only; a failure that ends the shared transaction
 * (SQLite rolled it back) fails every member of the group, none of which
 * was answered yet.
 *
 * Checkpoints run on a thread of their own: SQLite's automatic one ran
 * inside the commit that crossed 1000 WAL pages, copying them and syncing
 * the database while the whole group waited. The writer's WAL hook wakes
 * the thread past CHECKPOINT_PAGES; it checkpoints PASSIVE (never waiting
 * for the writer); past WAL_MAX_PAGES the commit finishes the job; after
 * IDLE_MS without a commit the thread takes an idle writer turn and
 * truncates a WAL that had grown past CHECKPOINT_PAGES (TRUNCATE), so an
 * idle server keeps no large WAL. */
#include "store/sqlite/store_sqlite.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* At most this many members share a commit, so that one long group does
 * not hold back the answers of its first members. */
#define GROUP_MAX 32
/* Each page is copied once per checkpoint however often it changed since
 * the last: an inquiry changes about 35 pages, many of them the same
 * ones (index leaves, the search index, the day's counters), so rarer
 * checkpoints copy less (4000 rather than SQLite's 1000: about 1.5 times
 * the inquiries per second in interleaved benches, either order). */
#define CHECKPOINT_PAGES 4000
#define IDLE_MS		 1000
/* A checkpoint running beside the writer never catches up with it, and
 * the WAL starts over only after one that did: past this many pages the
 * commit itself checkpoints (PASSIVE, the rest since the thread's last
 * pass), so that the WAL stays bounded under a load that never pauses. */
#define WAL_MAX_PAGES 16000

/* A member waiting for its group's commit (on its own stack). */
struct sq_member {
	struct sq_member *next;
	bool done;
	int rc;
	struct wc_error *err;
};

struct sq_writer {
	pthread_mutex_t lock; /* guards everything below but db's use */
	pthread_cond_t wake;  /* a turn moved on */
	pthread_cond_t done;  /* a group ended */
	sqlite3 *db;	      /* used only by the writer whose turn it is */
	unsigned long next_ticket, serving;
	bool open;   /* the shared transaction is open */
	bool failed; /* it ended under a member: fail the group */
	unsigned n_members;
	struct sq_member *members; /* ended their part, await the commit */
	char failure[200];
	/* The checkpoints (guarded by lock too). */
	sqlite3 *checkpoint_db;
	pthread_t checkpointer;
	pthread_cond_t checkpoint_wake;
	bool started, stop, wanted, dirty;
	struct timespec last_commit;
};

static int writer_wal_hook(void *arg, sqlite3 *db, const char *name, int pages)
{
	struct sq_writer *w = arg;

	(void)name;
	pthread_mutex_lock(&w->lock);
	clock_gettime(CLOCK_MONOTONIC, &w->last_commit);
	/* A small WAL is left alone, as SQLite leaves it: an idle server's
	 * files do not change after its last write. */
	if (pages >= CHECKPOINT_PAGES) {
		w->dirty = true;
		if (!w->wanted) {
			w->wanted = true;
			pthread_cond_signal(&w->checkpoint_wake);
		}
	}
	pthread_mutex_unlock(&w->lock);
	if (pages >= WAL_MAX_PAGES)
		sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE,
					  NULL, NULL);
	return SQLITE_OK;
}

static long long ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long long)(now.tv_sec - t->tv_sec) * 1000 +
	       (now.tv_nsec - t->tv_nsec) / 1000000;
}

static void writer_pass_turn(struct sq_writer *w);

/* Idle: take the turn only when nobody holds or awaits it (a turn handed
 * on inside an open group would hold the group's write lock against
 * us), so TRUNCATE waits only for readers and leaves an empty WAL. */
static void checkpoint_truncate(struct sq_writer *w)
{
	bool idle;

	pthread_mutex_lock(&w->lock);
	idle = !w->open && w->next_ticket == w->serving;
	if (idle)
		w->next_ticket++;
	else
		w->dirty = true; /* try at the next pause */
	pthread_mutex_unlock(&w->lock);
	if (!idle)
		return;
	if (sqlite3_wal_checkpoint_v2(w->checkpoint_db, NULL,
				      SQLITE_CHECKPOINT_TRUNCATE, NULL,
				      NULL) != SQLITE_OK)
		fprintf(stderr, "wincased: sqlite: checkpoint: %s\n",
			sqlite3_errmsg(w->checkpoint_db));
	writer_pass_turn(w);
}

static void *checkpoint_main(void *arg)
{
	struct sq_writer *w = arg;
	struct timespec until;

	pthread_mutex_lock(&w->lock);
	while (!w->stop) {
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += IDLE_MS / 1000;
		while (!w->stop && !w->wanted &&
		       pthread_cond_timedwait(&w->checkpoint_wake, &w->lock,
					      &until) != ETIMEDOUT)
			;
		if (w->stop)
			break;
		if (w->wanted) {
			w->wanted = false;
			pthread_mutex_unlock(&w->lock);
			sqlite3_wal_checkpoint_v2(w->checkpoint_db, NULL,
						  SQLITE_CHECKPOINT_PASSIVE,
						  NULL, NULL);
			pthread_mutex_lock(&w->lock);
		} else if (w->dirty && ms_since(&w->last_commit) >= IDLE_MS) {
			w->dirty = false;
			pthread_mutex_unlock(&w->lock);
			checkpoint_truncate(w);
			pthread_mutex_lock(&w->lock);
		}
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct sq_writer *sq_writer_new(sqlite3 *db, sqlite3 *checkpoint_db)
{
	struct sq_writer *w = calloc(1, sizeof(*w));
	pthread_condattr_t attr;

	if (!w)
		return NULL;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	pthread_cond_init(&w->done, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&w->checkpoint_wake, &attr);
	pthread_condattr_destroy(&attr);
	w->db = db;
	w->checkpoint_db = checkpoint_db;
	/* Replaces SQLite's automatic checkpoint on the writer. */
	sqlite3_wal_hook(db, writer_wal_hook, w);
	w->started =
	    pthread_create(&w->checkpointer, NULL, checkpoint_main, w) == 0;
	if (!w->started) /* then SQLite's own, in the commit */
		sqlite3_wal_autocheckpoint(db, CHECKPOINT_PAGES);
	return w;
}

sqlite3 *sq_writer_free(struct sq_writer **wp, sqlite3 **checkpoint_db)
{
	struct sq_writer *w = *wp;
	sqlite3 *db;

	*checkpoint_db = NULL;
	if (!w)
		return NULL;
	if (w->started) {
		pthread_mutex_lock(&w->lock);
		w->stop = true;
		pthread_cond_signal(&w->checkpoint_wake);
		pthread_mutex_unlock(&w->lock);
		pthread_join(w->checkpointer, NULL);
	}
	sqlite3_wal_hook(w->db, NULL, NULL);
	db = w->db;
	*checkpoint_db = w->checkpoint_db;
	pthread_cond_destroy(&w->checkpoint_wake);
	pthread_cond_destroy(&w->done);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	free(w);
	*wp = NULL;
	return db;
}

static void writer_take_turn(struct sq_writer *w)
{
	unsigned long ticket;

	pthread_mutex_lock(&w->lock);
	ticket = w->next_ticket++;
	while (w->serving != ticket)
		pthread_cond_wait(&w->wake, &w->lock);
	pthread_mutex_unlock(&w->lock);
}

static void writer_pass_turn(struct sq_writer *w)
{
	pthread_mutex_lock(&w->lock);
	w->serving++;
	pthread_cond_broadcast(&w->wake);
	pthread_mutex_unlock(&w->lock);
}

/* The turn holder's part is over (member: it awaits the commit). Hand the
 * open transaction on when someone waits, else end it: commit when it
 * holds members' work, roll back when not, and tell every member. */
static void writer_end_turn(struct sq_writer *w, struct sq_member *member)
{
	struct wc_error err = {0};
	int rc = 0;

	pthread_mutex_lock(&w->lock);
	if (member) {
		member->next = w->members;
		w->members = member;
		w->n_members++;
	}
	if (!w->failed && w->next_ticket - w->serving > 1 &&
	    w->n_members < GROUP_MAX) {
		w->serving++;
		pthread_cond_broadcast(&w->wake);
		pthread_mutex_unlock(&w->lock);
		return;
	}
	pthread_mutex_unlock(&w->lock);
	/* Still the turn holder: nobody else touches db. */
	if (w->failed) {
		rc = wc_error_set(&err, "internal", NULL,
				  "sqlite: the group's transaction ended: %s",
				  w->failure);
	} else if (w->n_members) {
		rc = sq_exec(w->db, "COMMIT", &err);
	}
	if (!sqlite3_get_autocommit(w->db))
		sq_exec(w->db, "ROLLBACK", NULL);
	pthread_mutex_lock(&w->lock);
	for (struct sq_member *m = w->members; m; m = m->next) {
		m->rc = rc;
		if (rc < 0 && m->err)
			*m->err = err;
		m->done = true;
	}
	w->members = NULL;
	w->n_members = 0;
	w->open = w->failed = false;
	w->serving++;
	pthread_cond_broadcast(&w->wake);
	pthread_cond_broadcast(&w->done);
	pthread_mutex_unlock(&w->lock);
}

static void conn_leave_writer(struct sqlite_conn *c)
{
	c->db = c->own_db;
	c->in_turn = false;
}

int sq_begin(struct store_conn *base, struct wc_error *err)
{
	struct sqlite_conn *c = sqlite_conn_of(base);
	struct sq_writer *w = c->writer;

	if (!w)
		return sq_exec(c->db, "BEGIN IMMEDIATE", err);
	if (c->in_turn)
		return wc_error_set(err, "internal", NULL,
				    "sqlite: a transaction is already open");
	writer_take_turn(w);
	c->in_turn = true;
	c->db = w->db;
	/* The group's first member needs no savepoint: while it writes the
	 * transaction is its own, and one less savepoint spares the search
	 * index (FTS5) a flush. */
	c->savepoint = w->open;
	if (!w->open) {
		if (sq_exec(w->db, "BEGIN IMMEDIATE", err) < 0) {
			conn_leave_writer(c);
			writer_end_turn(w, NULL);
			return -1;
		}
		w->open = true;
	} else if (sq_exec(w->db, "SAVEPOINT member", err) < 0) {
		c->savepoint = false;
		w->failed = true;
		snprintf(w->failure, sizeof(w->failure), "%s",
			 sqlite3_errmsg(w->db));
		conn_leave_writer(c);
		writer_end_turn(w, NULL);
		return -1;
	}
	return 0;
}

/* The shared transaction was rolled back by SQLite itself (an I/O error,
 * a full disk): the members before this one lost their work too. */
static bool writer_check_open(struct sq_writer *w)
{
	if (!w->failed && sqlite3_get_autocommit(w->db)) {
		w->failed = true;
		snprintf(w->failure, sizeof(w->failure), "%s",
			 sqlite3_errmsg(w->db));
	}
	return !w->failed;
}

int sq_commit(struct store_conn *base, struct wc_error *err)
{
	struct sqlite_conn *c = sqlite_conn_of(base);
	struct sq_writer *w = c->writer;
	struct sq_member me = {.err = err};

	if (!w)
		return sq_exec(c->db, "COMMIT", err);
	if (!c->in_turn)
		return wc_error_set(err, "internal", NULL,
				    "sqlite: no transaction is open");
	if (!writer_check_open(w) ||
	    (c->savepoint && sq_exec(w->db, "RELEASE member", err) < 0)) {
		sq_rollback(base);
		return -1;
	}
	conn_leave_writer(c);
	writer_end_turn(w, &me);
	pthread_mutex_lock(&w->lock);
	while (!me.done)
		pthread_cond_wait(&w->done, &w->lock);
	pthread_mutex_unlock(&w->lock);
	return me.rc;
}

void sq_rollback(struct store_conn *base)
{
	struct sqlite_conn *c = sqlite_conn_of(base);
	struct sq_writer *w = c->writer;

	if (!w) {
		if (!sqlite3_get_autocommit(c->db))
			sq_exec(c->db, "ROLLBACK", NULL);
		return;
	}
	/* Not in turn: nothing open (or a failed commit already ended). */
	if (!c->in_turn)
		return;
	if (!writer_check_open(w)) {
		/* the group fails */
	} else if (!c->savepoint) {
		/* The group's first: the transaction holds its work alone. */
		sq_exec(w->db, "ROLLBACK", NULL);
		w->open = false;
	} else if (sq_exec(w->db, "ROLLBACK TO member", NULL) < 0 ||
		   sq_exec(w->db, "RELEASE member", NULL) < 0) {
		/* Its savepoint not undone, the group must not commit. */
		w->failed = true;
		snprintf(w->failure, sizeof(w->failure), "%s",
			 sqlite3_errmsg(w->db));
	}
	conn_leave_writer(c);
	writer_end_turn(w, NULL);
}
