/* main.c - wincased: the case store's command line, start-up and a clean
 * stop on SIGTERM/SIGINT. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "app.h"
#include "audit.h"
#include "cli.h"
#include "documents.h"
#include "http.h"
#include "http_tls.h"
#include "scheduler.h"

static const char usage[] =
    "usage: wincased --db PATH --listen HOST:PORT [--seed-demo]\n"
    "                [--fake-clock[=RFC3339]] [--config FILE]\n"
    "                [--conf-dir DIR] [--data-dir DIR]\n"
    "                [--training-seed DIR [--training-password PW]\n"
    "                 [--ephemeral]]\n";

/* Training only (docs/training.md): the trainee's and trainer's password
 * when --training-password is not given. Never a production password. */
#define TRAINING_DEFAULT_PASSWORD "training-only-1"

/* The value of --name=VALUE or --name VALUE at argv[*i], or NULL. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int parse_fake_clock(struct server_config *cfg, const char *arg)
{
	cfg->fake_clock = true;
	if (strcmp(arg, "--fake-clock") == 0)
		return 0;
	if (strncmp(arg, "--fake-clock=", 13) != 0 ||
	    !clock_parse_rfc3339(arg + 13, &cfg->fake_clock_start))
		return -1;
	cfg->fake_clock_start_set = true;
	return 0;
}

/* Training: the demo seed too, a training-only password, and --ephemeral
 * only for a training server (it deletes the store when it stops). */
static int training_args(struct server_config *cfg, struct wc_error *err)
{
	if (cfg->ephemeral && !cfg->training_seed_dir[0])
		return wc_error_set(err, "invalid_field", "ephemeral",
				    "--ephemeral needs --training-seed");
	if (!cfg->training_seed_dir[0])
		return 0;
	/* Only a store it made itself is deleted on stop. */
	if (cfg->ephemeral && access(cfg->db_path, F_OK) == 0)
		return wc_error_set(err, "invalid_field", "ephemeral",
				    "--ephemeral needs a new store, and %s "
				    "exists",
				    cfg->db_path);
	cfg->seed_demo = true;
	if (!cfg->training_password[0])
		snprintf(cfg->training_password, sizeof(cfg->training_password),
			 "%s", TRAINING_DEFAULT_PASSWORD);
	if (strlen(cfg->training_password) < 10)
		return wc_error_set(err, "invalid_field", "training-password",
				    "the password needs 10 characters");
	return 0;
}

/* The config file first, then every other option over it. */
static int parse_args(int argc, char **argv, struct server_config *cfg,
		      struct wc_error *err)
{
	const char *v;

	config_set_defaults(cfg);
	for (int i = 1; i < argc; i++)
		if ((v = option_value(argc, argv, &i, "--config")) &&
		    config_load_file(cfg, v, err) < 0)
			return -1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (option_value(argc, argv, &i, "--config"))
			continue;
		if ((v = option_value(argc, argv, &i, "--db")))
			snprintf(cfg->db_path, sizeof(cfg->db_path), "%s", v);
		else if ((v = option_value(argc, argv, &i, "--conf-dir")))
			snprintf(cfg->conf_dir, sizeof(cfg->conf_dir), "%s", v);
		else if ((v = option_value(argc, argv, &i, "--data-dir")))
			snprintf(cfg->data_dir, sizeof(cfg->data_dir), "%s", v);
		else if ((v = option_value(argc, argv, &i, "--listen"))) {
			if (config_parse_listen(cfg, v, err) < 0)
				return -1;
		} else if (strcmp(a, "--seed-demo") == 0)
			cfg->seed_demo = true;
		else if ((v = option_value(argc, argv, &i, "--training-seed")))
			snprintf(cfg->training_seed_dir,
				 sizeof(cfg->training_seed_dir), "%s", v);
		else if ((v = option_value(argc, argv, &i,
					   "--training-password")))
			snprintf(cfg->training_password,
				 sizeof(cfg->training_password), "%s", v);
		else if (strcmp(a, "--ephemeral") == 0)
			cfg->ephemeral = true;
		else if (strncmp(a, "--fake-clock", 12) == 0) {
			if (parse_fake_clock(cfg, a) < 0)
				return wc_error_set(err, "invalid_field",
						    "fake-clock",
						    "bad time in %s", a);
		} else
			return wc_error_set(err, "invalid_field", NULL,
					    "unknown option %s", a);
	}
	return training_args(cfg, err);
}

static int app_start(struct app *app, struct wc_error *err)
{
	struct store_conn *db;
	char dummy[32];

	config_finish(&app->cfg);
	if (store_open(app->cfg.db_path, &app->store, err) < 0)
		return -1;
	db = app->store->ops->connect(app->store, err);
	if (!db)
		return -1;
	randombytes_buf(dummy, sizeof(dummy) - 1);
	dummy[sizeof(dummy) - 1] = '\0';
	if (auth_hash_password(app, dummy, app->dummy_pwhash, err) < 0)
		return -1;
	/* The signing key and templates; refuses an unsafe key. */
	if (documents_init(app, err) < 0)
		return -1;
	/* The same key signs the audit chain's checkpoints. */
	audit_checkpoint_configure(app->documents,
				   app->cfg.audit_checkpoint_entries, true);
	if (app->cfg.seed_demo && seed_demo(app, db, err) < 0)
		return -1;
	if (app_load_reference(app, db, err) < 0)
		return -1;
	return app->cfg.training_seed_dir[0] ? seed_training(app, db, err) : 0;
}

/* --ephemeral: the store's files, the signing key, then the folders (only
 * if nothing else is left in them: rmdir, never a recursive delete). */
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
	if (cfg->data_dir[0])
		rmdir(cfg->data_dir);
	if (slash)
		rmdir(dir);
}

static int serve(struct app *app, const sigset_t *stop)
{
	struct http_server *srv = NULL;
	struct scheduler *sched = NULL;
	struct audit_checkpointer *checkpointer = NULL;
	struct wc_error err;
	const char *host = app->cfg.listen_host;
	bool v6 = strchr(host, ':') != NULL;
	int sig = 0;

	if (http_start(app, &srv, &err) < 0) {
		fprintf(stderr, "wincased: %s\n", err.message);
		return 1;
	}
	/* R1, R3-R5: deadlines every minute (not with a fake clock). */
	if (scheduler_start(app, &sched, &err) < 0) {
		fprintf(stderr, "wincased: %s\n", err.message);
		http_stop(&srv);
		return 1;
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
	/* SIGHUP rereads the TLS certificate (issue 11.10); TERM and INT
	 * stop. */
	while (sigwait(stop, &sig) == 0 && sig == SIGHUP) {
		if (http_tls_reload(app, &err) < 0)
			fprintf(stderr,
				"wincased: SIGHUP: %s (serving the "
				"certificate loaded before)\n",
				err.message);
		else
			fprintf(stderr, "wincased: SIGHUP: reloaded\n");
	}
	fprintf(stderr, "wincased: signal %d, stopping\n", sig);
	scheduler_stop(&sched);
	http_stop(&srv);
	/* The last checkpoint, of the final head. */
	audit_checkpointer_stop(&checkpointer,
				app->store->ops->connect(app->store, &err));
	return 0;
}

int main(int argc, char **argv)
{
	static struct app app;
	struct wc_error err = {0};
	sigset_t stop;
	int rc = 1;

	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		fputs(usage, stdout);
		fputs(cli_usage, stdout);
		return 0;
	}
	/* The administrators' verbs (user-add, import-catalog, ...). */
	if ((rc = cli_run(argc, argv)) >= 0)
		return rc;
	rc = 1;
	if (sodium_init() < 0 || parse_args(argc, argv, &app.cfg, &err) < 0) {
		fprintf(stderr, "wincased: %s\n%s", err.message, usage);
		return 2;
	}
	/* Block the stop signals before any thread starts, so that every
	 * worker inherits the mask and only sigwait sees them. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	clock_init(&app.clock, app.cfg.fake_clock,
		   app.cfg.fake_clock_start_set ? app.cfg.fake_clock_start
						: (int64_t)time(NULL),
		   app.cfg.timezone_offset_minutes);
	pthread_rwlock_init(&app.reference_lock, NULL);
	if (app_start(&app, &err) < 0)
		fprintf(stderr, "wincased: %s\n", err.message);
	else
		rc = serve(&app, &stop);
	app_release_reference(&app);
	documents_release(&app);
	if (app.store)
		app.store->ops->close(&app.store);
	pthread_rwlock_destroy(&app.reference_lock);
	clock_destroy(&app.clock);
	if (app.cfg.ephemeral)
		remove_ephemeral(&app.cfg);
	return rc;
}
