/* main.c - wincased: the case store's start-up, a reload on SIGHUP and a
 * clean stop on SIGTERM/SIGINT. The options are in options.c. */
#include <ftw.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "admin.h"
#include "app.h"
#include "audit.h"
#include "cli.h"
#include "documents.h"
#include "http.h"
#include "http_tls.h"
#include "log.h"
#include "options.h"
#include "scheduler.h"

/* A fake clock the store keeps for every server on it (PostgreSQL):
 * --fake-clock=TIME sets it, a bare --fake-clock joins the one there. */
static int app_shared_clock(struct app *app, struct store_conn *db,
			    struct wc_error *err)
{
	int64_t now = 0;
	bool set = false;

	if (!app->clock.fake || !db->ops->clock_put)
		return 0;
	if (db->ops->clock_put(db, clock_now(&app->clock),
			       !app->cfg.fake_clock_start_set, err) < 0 ||
	    db->ops->clock_get(db, &now, &set, err) < 0)
		return -1;
	if (set)
		clock_set(&app->clock, now);
	return 0;
}

static int app_start(struct app *app, struct wc_error *err)
{
	struct store_conn *db;
	char dummy[32];

	config_finish(&app->cfg);
	/* The templates (then the signing key; an unsafe key is refused)
	 * before the store: a bad conf_dir creates nothing. */
	if (documents_init(app, err) < 0)
		return -1;
	/* The same key signs the audit chain's checkpoints. */
	audit_checkpoint_configure(app->documents,
				   app->cfg.audit_checkpoint_entries, true);
	if (store_open(app->cfg.db_path, &app->store, err) < 0)
		return -1;
	db = app->store->ops->connect(app->store, err);
	if (!db || app_shared_clock(app, db, err) < 0)
		return -1;
	randombytes_buf(dummy, sizeof(dummy) - 1);
	dummy[sizeof(dummy) - 1] = '\0';
	if (auth_hash_password(app, dummy, app->dummy_pwhash, err) < 0)
		return -1;
	if (app->cfg.seed_demo && seed_demo(app, db, err) < 0)
		return -1;
	if (app_load_reference(app, db, err) < 0)
		return -1;
	return app->cfg.training_seed_dir[0] ? seed_training(app, db, err) : 0;
}

/* The training client keeps its trainee's local store (drafts,
 * localstore.h: local/SERVER/USER/...) in the folder of its server's store
 * (docs/training.md), so that it goes with it: when the client died first
 * (kill -9), this is what stays. Only that subtree, never following a
 * link (FTW_PHYS: a link is removed, not what it points to). */
static int remove_local_entry(const char *path, const struct stat *st, int flag,
			      struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

static void remove_training_local(const char *dir)
{
	char path[1200];

	snprintf(path, sizeof(path), "%s/local", dir);
	nftw(path, remove_local_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* --ephemeral: the store's files, the signing key, the training client's
 * local store, then the folders (only if nothing else is left in them: rmdir,
 * never a recursive delete). */
static void remove_ephemeral(const struct server_config *cfg)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	char path[1200], dir[600];
	char *slash;

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", cfg->db_path, suffixes[i]);
		unlink(path);
	}
	snprintf(dir, sizeof(dir), "%s", cfg->db_path);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof(dir), ".");
	snprintf(path, sizeof(path), "%s/%s",
		 cfg->data_dir[0] ? cfg->data_dir : dir, DOCUMENT_KEY_FILE);
	unlink(path);
	unlink(cfg->audit_checkpoint_file);
	remove_training_local(dir);
	if (cfg->data_dir[0])
		rmdir(cfg->data_dir);
	if (slash)
		rmdir(dir);
}

/* SIGHUP reloads what an operator may change without a restart, in this
 * order; a step that fails keeps what it had and is logged. */
static int reload_reference(struct app *app, struct wc_error *err)
{
	struct store_conn *db = app->store->ops->connect(app->store, err);

	return db ? admin_reference_reload(
			app, db, true, clock_now(&app->clock), "reload", err)
		  : -1;
}

static const struct reload_step {
	const char *what;
	int (*run)(struct app *app, struct wc_error *err);
} reload_steps[] = {
    {"catalog and calendars", reload_reference},
    {"document templates", documents_templates_reload},
    /* The certificate callback serves the new one at once; a bad pair
     * keeps the old one. */
    {"TLS certificate", http_tls_reload},
};

static void reload_all(struct app *app)
{
	struct wc_error err;

	log_reopen();
	for (size_t i = 0; i < sizeof(reload_steps) / sizeof(reload_steps[0]);
	     i++) {
		memset(&err, 0, sizeof(err));
		if (reload_steps[i].run(app, &err) < 0)
			log_write(LOG_LEVEL_ERROR, "reload of %s failed: %s",
				  reload_steps[i].what, err.message);
		else
			log_write(LOG_LEVEL_INFO, "reloaded %s",
				  reload_steps[i].what);
	}
}

static int serve(struct app *app, const sigset_t *signals)
{
	struct http_server *srv = NULL;
	struct scheduler *sched = NULL;
	struct audit_checkpointer *checkpointer = NULL;
	struct wc_error err;
	const char *host = app->cfg.listen_host;
	char store_name[600];
	bool v6 = strchr(host, ':') != NULL;
	int sig = 0;

	if (http_start(app, &srv, &err) < 0) {
		log_write(LOG_LEVEL_ERROR, "%s", err.message);
		return SERVER_EXIT_FAILURE;
	}
	/* R1, R3-R5: deadlines every minute (not with a fake clock). */
	if (scheduler_start(app, &sched, &err) < 0) {
		log_write(LOG_LEVEL_ERROR, "%s", err.message);
		http_stop(&srv);
		return SERVER_EXIT_FAILURE;
	}
	if (audit_checkpointer_start(app, &checkpointer, &err) < 0) {
		fprintf(stderr, "wincased: %s\n", err.message);
		scheduler_stop(&sched);
		http_stop(&srv);
		return 1;
	}
	printf("wincased: listening on %s://%s%s%s:%d\n",
	       http_tls_enabled(app) ? "https" : "http", v6 ? "[" : "", host,
	       v6 ? "]" : "", http_port(srv));
	fflush(stdout);
	store_display_name(app->cfg.db_path, store_name, sizeof(store_name));
	log_write(LOG_LEVEL_NOTICE, "version %s listening on %s:%d, store %s",
		  WINCASE_VERSION, host, http_port(srv), store_name);
	while (sigwait(signals, &sig) == 0 && sig == SIGHUP)
		reload_all(app);
	log_write(LOG_LEVEL_NOTICE, "signal %d, stopping", sig);
	scheduler_stop(&sched);
	http_stop(&srv);
	/* The last checkpoint, of the final head. */
	audit_checkpointer_stop(&checkpointer,
				app->store->ops->connect(app->store, &err));
	return SERVER_EXIT_OK;
}

/* -1 to serve, or the exit status: --help, --version, a usage error. */
static int main_options(int argc, char **argv, struct server_config *cfg)
{
	struct server_args args;
	struct server_paths paths;
	struct wc_error err = {0};

	if (options_parse(argc, argv, &args, &err) < 0) {
		fprintf(stderr, "wincased: %s\n", err.message);
		fputs("Try 'wincased --help'.\n", stderr);
		return SERVER_EXIT_USAGE;
	}
	if (args.help) {
		options_usage(stdout);
		fputs(cli_usage, stdout);
		return SERVER_EXIT_OK;
	}
	if (args.version) {
		printf("wincased %s\n", WINCASE_VERSION);
		return SERVER_EXIT_OK;
	}
	options_paths_default(&paths);
	if (options_apply(&args, &paths, cfg, &err) < 0 ||
	    log_open(cfg->log_file, &err) < 0) {
		fprintf(stderr, "wincased: %s\n", err.message);
		return SERVER_EXIT_USAGE;
	}
	return -1;
}

int main(int argc, char **argv)
{
	static struct app app;
	struct wc_error err = {0};
	sigset_t signals;
	int rc;

	/* The administrators' verbs (user-add, import-catalog, ...). */
	if ((rc = cli_run(argc, argv)) >= 0)
		return rc;
	if (sodium_init() < 0)
		return SERVER_EXIT_FAILURE;
	if ((rc = main_options(argc, argv, &app.cfg)) >= 0)
		return rc;
	/* Block the signals before any thread starts, so that every worker
	 * inherits the mask and only sigwait sees them. */
	sigemptyset(&signals);
	sigaddset(&signals, SIGTERM);
	sigaddset(&signals, SIGINT);
	sigaddset(&signals, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &signals, NULL);
	signal(SIGPIPE, SIG_IGN);
	clock_init(&app.clock, app.cfg.fake_clock,
		   app.cfg.fake_clock_start_set ? app.cfg.fake_clock_start
						: (int64_t)time(NULL),
		   app.cfg.timezone_offset_minutes);
	pthread_rwlock_init(&app.reference_lock, NULL);
	rc = SERVER_EXIT_FAILURE;
	if (app_start(&app, &err) < 0)
		log_write(LOG_LEVEL_ERROR, "%s", err.message);
	else
		rc = serve(&app, &signals);
	app_release_reference(&app);
	documents_release(&app);
	if (app.store)
		app.store->ops->close(&app.store);
	pthread_rwlock_destroy(&app.reference_lock);
	clock_destroy(&app.clock);
	if (app.cfg.ephemeral)
		remove_ephemeral(&app.cfg);
	log_close();
	return rc;
}
