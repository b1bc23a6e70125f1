/* app.h - what every part of wincased shares: settings, clock, store and
 * the in-memory catalog and calendar (loaded from the store at start). */
#ifndef WINCASED_APP_H
#define WINCASED_APP_H

#include <pthread.h>

#include "clock.h"
#include "config.h"
#include "store/store.h"
#include "wincase/version.h"

struct catalog;
struct calendar;
struct documents; /* documents.h */

#define WINCASED_VERSION WINCASE_VERSION

struct app {
	struct server_config cfg;
	struct server_clock clock;
	struct store *store;
	/* Readers take the read lock; app_load_reference, which swaps in a
	 * newly loaded catalog and calendar (at start and after an
	 * administrator changes them), the write lock. */
	pthread_rwlock_t reference_lock;
	struct catalog *catalog;
	struct calendar *calendar;
	/* A valid hash of a random password, verified against when the
	 * username is unknown so both answers take the same time. */
	char dummy_pwhash[128];
	/* The signing key and document templates (documents.c). */
	struct documents *documents;
};

/* Load catalog items and calendar years from the store into memory. */
int app_load_reference(struct app *app, struct store_conn *db,
		       struct wc_error *err);
void app_release_reference(struct app *app);

/* --seed-demo: the demo catalog, every calendar file and the demo users,
 * from cfg.conf_dir. Idempotent. */
int seed_demo(struct app *app, struct store_conn *db, struct wc_error *err);

/* --training-seed: trainee/trainer accounts and each scenario's hidden
 * facts (seed_training.c). Needs the catalog loaded. Idempotent. */
int seed_training(struct app *app, struct store_conn *db, struct wc_error *err);

/* Password hashing at the configured cost (argon2id). */
int auth_hash_password(const struct app *app, const char *password,
		       char out[128], struct wc_error *err);

#endif
