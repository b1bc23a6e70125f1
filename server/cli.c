/* cli.c - administrators' verbs on the server host. Each opens the store
 * named by --db, does its work in one transaction (all or nothing) and
 * audits it with the actor "cli:<OS user>". A running wincased reads the
 * catalog and calendars at start and on SIGHUP: reload it after an
 * import. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "admin.h"
#include "app.h"
#include "audit.h"
#include "documents.h"
#include "migrate_store.h"
#include "options.h"

#define CLI_FILE_MAX (8 * 1024 * 1024)

const char cli_usage[] =
    "verbs (--db PATH defaults to the config's db, then\n"
    "  /var/lib/wincase/wincase.db; run them as the service's user):\n"
    "       wincased user-add --db PATH --username U --display-name N\n"
    "                --role clerk|reviewer|admin|trainee [--window W]\n"
    "                [--windows W1,W2] [--department D]\n"
    "                (password: one line on stdin)\n"
    "       wincased user-windows --db PATH --username U --windows W1,W2\n"
    "                [--window W]   (the windows the user may sit at)\n"
    "       wincased import-catalog --db PATH FILE   ({\"items\":[...]})\n"
    "       wincased import-calendar --db PATH FILE  (one year)\n"
    "       wincased audit-verify --db PATH [--checkpoints FILE]\n"
    "                (FILE: a copy of checkpoint lines kept elsewhere)\n"
    "       wincased audit-head --db PATH   (the signed head, one line)\n"
    "       wincased backup --db PATH --to FILE   (SQLite; PostgreSQL:\n"
    "                pg_dump, see docs/deploy.md)\n"
    "       wincased migrate-store --from sqlite:PATH --to postgresql://...\n"
    "                (into an empty PostgreSQL database; sessions dropped)\n"
    "  the verbs also take --config FILE; after an import, reload a\n"
    "  running wincased (SIGHUP: systemctl reload wincased)\n";

struct cli_args {
	const char *db, *config, *username, *display_name, *role, *window,
	    *department, *to, *file, *windows, *checkpoints, *from;
};

struct cli_verb {
	const char *name;
	bool needs_db_file; /* refuse a --db that does not exist */
	int (*run)(struct app *app, struct store_conn *db,
		   const struct cli_args *a, const char *actor);
};

static void cli_checkpoint(struct app *app, struct store_conn *db);

static int cli_fail(const char *what, const struct wc_error *err)
{
	fprintf(stderr, "wincased: %s: %s%s%s\n", what,
		err->field[0] ? err->field : "", err->field[0] ? ": " : "",
		err->message);
	return 1;
}

/* --name VALUE or --name=VALUE pairs, and one positional FILE. --db may
 * be left out when the config file names the database. */
static int cli_parse(int argc, char **argv, struct cli_args *a)
{
	static const struct {
		const char *name;
		size_t offset;
	} opts[] = {
	    {"--db", offsetof(struct cli_args, db)},
	    {"--config", offsetof(struct cli_args, config)},
	    {"--username", offsetof(struct cli_args, username)},
	    {"--display-name", offsetof(struct cli_args, display_name)},
	    {"--role", offsetof(struct cli_args, role)},
	    {"--window", offsetof(struct cli_args, window)},
	    {"--windows", offsetof(struct cli_args, windows)},
	    {"--department", offsetof(struct cli_args, department)},
	    {"--to", offsetof(struct cli_args, to)},
	    {"--checkpoints", offsetof(struct cli_args, checkpoints)},
	    {"--from", offsetof(struct cli_args, from)},
	};

	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i], *value = NULL;
		size_t k, n;

		for (k = 0; k < sizeof(opts) / sizeof(opts[0]); k++) {
			n = strlen(opts[k].name);
			if (strncmp(arg, opts[k].name, n) != 0)
				continue;
			if (arg[n] == '=')
				value = arg + n + 1;
			else if (arg[n] == '\0' && i + 1 < argc)
				value = argv[++i];
			else
				continue;
			*(const char **)((char *)a + opts[k].offset) = value;
			break;
		}
		if (value)
			continue;
		if (arg[0] == '-' || a->file) {
			fprintf(stderr, "wincased: unexpected argument %s\n",
				arg);
			return -1;
		}
		a->file = arg;
	}
	return 0;
}

/* "cli:<OS user>", the audit actor of every verb. */
static void cli_actor(char *out, size_t size)
{
	struct passwd *pw = getpwuid(geteuid());

	snprintf(out, size, "cli:%s", pw && pw->pw_name ? pw->pw_name : "?");
}

/* A new NUL-terminated copy of a file of at most CLI_FILE_MAX bytes. */
static char *cli_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f)
		return NULL;
	buf = malloc(CLI_FILE_MAX + 1);
	n = buf ? fread(buf, 1, CLI_FILE_MAX + 1, f) : 0;
	if (buf && (n > CLI_FILE_MAX || ferror(f))) {
		free(buf);
		buf = NULL;
		errno = EFBIG;
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

static json_t *cli_load_json(const char *path)
{
	json_error_t jerr;
	size_t len = 0;
	char *text = cli_read_file(path, &len);
	json_t *root;

	if (!text) {
		fprintf(stderr, "wincased: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	free(text);
	if (!root)
		fprintf(stderr, "wincased: %s: line %d: %s\n", path, jerr.line,
			jerr.text);
	return root;
}

/* One line from stdin, without echo on a terminal. */
static int cli_read_password(char *buf, size_t size)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	size_t n;

	if (tty) {
		fputs("password: ", stderr);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	if (!fgets(buf, (int)size, stdin))
		buf[0] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	n = strlen(buf);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return 0;
}

/* End the write transaction: commit when rc is 0, else roll back and
 * report err. */
static int cli_transaction(struct store_conn *db, const char *what, int rc,
			   struct wc_error *err)
{
	if (rc == 0 && db->ops->commit(db, err) == 0)
		return 0;
	db->ops->rollback(db);
	return cli_fail(what, err);
}

static int verb_user_add(struct app *app, struct store_conn *db,
			 const struct cli_args *a, const char *actor)
{
	char password[ADMIN_PASSWORD_MAX_BYTES + 2];
	struct admin_user u = {a->username, a->display_name, password,	a->role,
			       a->window,   a->department,   a->windows};
	struct wc_error err = {0};
	int rc;

	if (!a->username || !a->display_name || !a->role || a->file) {
		fprintf(stderr, "wincased: user-add needs --username, "
				"--display-name and --role\n");
		return 2;
	}
	cli_read_password(password, sizeof(password));
	rc = db->ops->begin(db, &err);
	if (rc == 0)
		rc = admin_user_add(app, db, &u, clock_now(&app->clock), actor,
				    &err);
	sodium_memzero(password, sizeof(password));
	if (cli_transaction(db, "user-add", rc, &err) != 0)
		return 1;
	printf("user %s added (%s)\n", a->username, a->role);
	return 0;
}

/* The windows a user may sit at. */
static int verb_user_windows(struct app *app, struct store_conn *db,
			     const struct cli_args *a, const char *actor)
{
	struct wc_error err = {0};
	int rc;

	if (!a->username || !a->windows || a->file) {
		fprintf(stderr, "wincased: user-windows needs --username and "
				"--windows\n");
		return 2;
	}
	rc = db->ops->begin(db, &err);
	if (rc == 0)
		rc = admin_user_windows_set(db, a->username, a->windows,
					    a->window, clock_now(&app->clock),
					    actor, &err);
	if (cli_transaction(db, "user-windows", rc, &err) != 0)
		return 1;
	printf("user %s may sit at windows %s\n", a->username, a->windows);
	return 0;
}

/* An import verb's FILE read as JSON (*root, new) and a transaction begun
 * (*rc its result): 0, or the exit status (2 without FILE, 1 when it
 * cannot be read). */
static int cli_import_begin(struct store_conn *db, const struct cli_args *a,
			    const char *verb, json_t **root, int *rc,
			    struct wc_error *err)
{
	if (!a->file) {
		fprintf(stderr, "wincased: %s needs a FILE\n", verb);
		return 2;
	}
	*root = cli_load_json(a->file);
	if (!*root)
		return 1;
	*rc = db->ops->begin(db, err);
	return 0;
}

static int verb_import_catalog(struct app *app, struct store_conn *db,
			       const struct cli_args *a, const char *actor)
{
	struct wc_error err = {0};
	json_t *root;
	size_t count = 0;
	int rc, status;

	status = cli_import_begin(db, a, "import-catalog", &root, &rc, &err);
	if (status != 0)
		return status;
	if (rc == 0)
		rc = admin_catalog_import(app, db, root, clock_now(&app->clock),
					  actor, &count, &err);
	json_decref(root);
	if (cli_transaction(db, a->file, rc, &err) != 0)
		return 1;
	printf("%zu items imported\n", count);
	return 0;
}

static int verb_import_calendar(struct app *app, struct store_conn *db,
				const struct cli_args *a, const char *actor)
{
	struct wc_error err = {0};
	json_t *root, *stored = NULL;
	int64_t now = clock_now(&app->clock);
	int rc, status;

	status = cli_import_begin(db, a, "import-calendar", &root, &rc, &err);
	if (status != 0)
		return status;
	if (rc == 0)
		rc = admin_calendar_put(app, db, 0, root, now, actor, &stored,
					&err);
	json_decref(root);
	if (cli_transaction(db, a->file, rc, &err) != 0)
		return 1;
	printf("calendar %lld imported\n",
	       (long long)json_integer_value(json_object_get(stored, "year")));
	json_decref(stored);
	/* R4: due dates that waited for this year. */
	if (admin_reference_reload(app, db, true, now, actor, &err) < 0)
		return cli_fail("pending due dates", &err);
	return 0;
}

/* The audit chain checked against the signed checkpoints (the store's,
 * the configured file's and extra's, when given) with the server's key:
 * 0 with *r and its text for people, or -1 with err. */
static int cli_chain_check(struct app *app, struct store_conn *db,
			   const char *extra, struct audit_report *r,
			   char *text, size_t size, struct wc_error *err)
{
	const char *files[] = {app->cfg.audit_checkpoint_file,
			       extra ? extra : "", NULL};

	if (audit_check(db,
			app->documents ? documents_public_key(app->documents)
				       : NULL,
			files, r, err) < 0)
		return -1;
	audit_report_text(r, text, size);
	return 0;
}

static int verb_audit_verify(struct app *app, struct store_conn *db,
			     const struct cli_args *a, const char *actor)
{
	struct wc_error err = {0};
	struct audit_report r;
	char text[512];
	json_t *data;

	if (a->file) {
		fprintf(stderr, "wincased: audit-verify takes no FILE\n");
		return 2;
	}
	if (cli_chain_check(app, db, a->checkpoints, &r, text, sizeof(text),
			    &err) < 0)
		return cli_fail("audit-verify", &err);
	printf("%s\n", text);
	fflush(stdout);
	/* The check itself is in the trail (after the entries it read). */
	data = json_pack("{s:b, s:I, s:s}", "ok", r.ok, "entries",
			 (json_int_t)r.entries, "result", text);
	if (db->ops->begin(db, &err) == 0)
		cli_transaction(db, "audit entry",
				audit_append(db, clock_now(&app->clock), actor,
					     "audit.verify", "audit", data,
					     &err),
				&err);
	else
		cli_fail("audit entry", &err);
	json_decref(data);
	return r.ok ? 0 : 1;
}

/* The signed head for an outside record: a checkpoint made now (unless
 * the newest covers the head), stored, exported, printed as its line. */
static int verb_audit_head(struct app *app, struct store_conn *db,
			   const struct cli_args *a, const char *actor)
{
	struct wc_error err = {0};
	bool made;
	int rc;

	(void)actor;
	if (a->file) {
		fprintf(stderr, "wincased: audit-head takes no FILE\n");
		return 2;
	}
	if (!app->documents) {
		fprintf(stderr, "wincased: audit-head: no signing key in the "
				"data folder\n");
		return 1;
	}
	if (audit_checkpoint_now(app, db, "head", &made, &err) < 0)
		return cli_fail("audit-head", &err);
	rc = audit_checkpoint_print(db, &app->clock, stdout, &err);
	if (rc < 0)
		return cli_fail("audit-head", &err);
	if (rc == STORE_NOT_FOUND) {
		fprintf(stderr, "wincased: audit-head: the trail is empty\n");
		return 1;
	}
	return 0;
}

/* The signing key belongs with the database: without it, documents signed
 * before a restore no longer verify. Copied to FILE.key, mode 0600. */
static int backup_key(const struct app *app, const char *to)
{
	char dir[512], path[600], dest[600];
	unsigned char seed[32];
	struct wc_error err = {0};
	bool created;
	int fd, rc = 1;

	document_data_dir(&app->cfg, dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/%s", dir, DOCUMENT_KEY_FILE);
	if (access(path, F_OK) != 0) {
		printf("no signing key in %s; only the database was copied\n",
		       dir);
		return 0;
	}
	if (document_key_open(dir, seed, &created, &err) < 0)
		return cli_fail("backup of the signing key", &err);
	snprintf(dest, sizeof(dest), "%s.key", to);
	fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  0600);
	if (fd < 0) {
		fprintf(stderr, "wincased: cannot create %s: %s\n", dest,
			strerror(errno));
		goto done;
	}
	if (write(fd, seed, sizeof(seed)) != (ssize_t)sizeof(seed) ||
	    fsync(fd) < 0)
		fprintf(stderr, "wincased: cannot write %s: %s\n", dest,
			strerror(errno));
	else
		rc = 0;
	close(fd);
	if (rc == 0)
		printf("signing key copied to %s\n", dest);
done:
	sodium_memzero(seed, sizeof(seed));
	return rc;
}

static int verb_backup(struct app *app, struct store_conn *db,
		       const struct cli_args *a, const char *actor)
{
	struct wc_error err = {0};
	struct stat st;
	json_t *data;
	int rc;

	if (!a->to || a->file) {
		fprintf(stderr, "wincased: backup needs --to FILE\n");
		return 2;
	}
	if (strcmp(db->ops->name, "sqlite") != 0) {
		fprintf(stderr, "wincased: backup copies a SQLite store; back "
				"up PostgreSQL with pg_dump or pg_basebackup "
				"(docs/deploy.md)\n");
		return 1;
	}
	if (stat(a->to, &st) == 0) {
		fprintf(stderr, "wincased: %s exists; not overwritten\n",
			a->to);
		return 1;
	}
	/* Audited first, so that the copy holds its own entry. */
	data = json_pack("{s:s}", "to", a->to);
	rc = db->ops->begin(db, &err);
	if (rc == 0)
		rc = audit_append(db, clock_now(&app->clock), actor,
				  "store.backup", "store", data, &err);
	json_decref(data);
	if (cli_transaction(db, "backup", rc, &err) != 0)
		return 1;
	umask(077); /* the copy holds password hashes */
	if (db->ops->backup(db, a->to, &err) < 0)
		return cli_fail("backup", &err);
	printf("backed up to %s\n", a->to);
	return backup_key(app, a->to);
}

/* The audit chain of a store, checked as audit-verify checks it; false
 * with the reason in text when it does not verify. */
static bool cli_chain_ok(struct app *app, struct store_conn *db, char *text,
			 size_t size)
{
	struct wc_error err = {0};
	struct audit_report r;

	if (cli_chain_check(app, db, NULL, &r, text, size, &err) < 0) {
		snprintf(text, size, "%s", err.message);
		return false;
	}
	return r.ok;
}

static void migrate_print(const struct migrate_report *r)
{
	for (size_t i = 0; i < r->n_tables; i++)
		printf("  %-24s %10lld rows\n", r->tables[i].name,
		       (long long)r->tables[i].rows);
	printf("%lld rows in %zu tables copied in %.1f s (sessions "
	       "dropped)\n",
	       (long long)r->rows, r->n_tables, r->seconds);
}

/* After the copy: the audit chain on the target, then the migration's own
 * entry there. A chain that does not verify empties the target again. */
static int migrate_finish(struct app *app, struct store *target, const char *to,
			  const struct migrate_report *r, const char *from,
			  const char *actor)
{
	struct wc_error err = {0};
	struct store_conn *t = target->ops->connect(target, &err);
	char text[512];
	json_t *data;
	int rc;

	if (!t)
		return cli_fail(to, &err);
	if (!cli_chain_ok(app, t, text, sizeof(text))) {
		fprintf(stderr,
			"wincased: migrate-store: the audit chain on the "
			"target does not verify (%s)\n",
			text);
		if (migrate_store_undo(to, r, &err) < 0)
			return cli_fail("emptying the target", &err);
		fprintf(stderr, "wincased: the target was emptied again\n");
		return 1;
	}
	printf("target verified: row counts equal, audit chain %s\n", text);
	data =
	    json_pack("{s:s, s:I, s:I}", "from", from, "rows",
		      (json_int_t)r->rows, "tables", (json_int_t)r->n_tables);
	rc = t->ops->begin(t, &err);
	if (rc == 0)
		rc = audit_append(t, clock_now(&app->clock), actor,
				  "store.migrate", "store", data, &err);
	json_decref(data);
	if (cli_transaction(t, "migration's audit entry", rc, &err) != 0)
		return 1;
	/* The target's own checkpoint of its new head. */
	cli_checkpoint(app, t);
	return 0;
}

/* `migrate-store --from sqlite:PATH --to URL` (migrate_store.h). The
 * source is the verb's store (--from, opened like --db); opening the
 * target creates its schema. */
static int verb_migrate_store(struct app *app, struct store_conn *db,
			      const struct cli_args *a, const char *actor)
{
	const char *path = app->cfg.db_path;
	struct wc_error err = {0};
	struct migrate_report report;
	struct store *target = NULL;
	char text[512];
	int rc;

	if (!a->to || !a->from || a->file) {
		fprintf(stderr, "wincased: migrate-store needs --from "
				"sqlite:PATH and --to postgresql://...\n");
		return 2;
	}
	if (strcmp(db->ops->name, "sqlite") != 0) {
		fprintf(stderr, "wincased: migrate-store copies a SQLite "
				"store (--from sqlite:PATH)\n");
		return 2;
	}
	if (strncmp(path, "sqlite:", 7) == 0)
		path += 7;
	if (!cli_chain_ok(app, db, text, sizeof(text))) {
		fprintf(stderr,
			"wincased: migrate-store: the source's audit chain "
			"does not verify (%s); nothing was copied\n",
			text);
		return 1;
	}
	if (!store_url_is_postgresql(a->to)) {
		fprintf(stderr, "wincased: migrate-store: --to must name a "
				"PostgreSQL database (postgresql://...)\n");
		return 2;
	}
	if (store_open(a->to, &target, &err) < 0)
		return cli_fail(a->to, &err);
	rc = migrate_store_copy(path, a->to, &report, &err);
	if (rc < 0) {
		cli_fail("migrate-store", &err);
		if (strcmp(err.code, "target_not_empty") != 0)
			fprintf(stderr, "wincased: nothing was written to the "
					"target; the migration can be run "
					"again\n");
		rc = 1;
	} else {
		migrate_print(&report);
		rc =
		    migrate_finish(app, target, a->to, &report, a->from, actor);
	}
	target->ops->close(&target);
	return rc;
}

static const struct cli_verb verbs[] = {
    {"user-add", false, verb_user_add},
    {"user-windows", true, verb_user_windows},
    {"import-catalog", false, verb_import_catalog},
    {"import-calendar", false, verb_import_calendar},
    {"audit-verify", true, verb_audit_verify},
    {"audit-head", true, verb_audit_head},
    {"backup", true, verb_backup},
    {"migrate-store", true, verb_migrate_store},
};

static int cli_open(struct app *app, const struct cli_args *a, bool must_exist,
		    struct store_conn **db)
{
	struct wc_error err = {0};
	struct stat st;

	struct server_paths paths;
	const char *config = a->config;

	options_paths_default(&paths);
	config_set_defaults(&app->cfg);
	app->cfg.db_path[0] = '\0';
	/* The server's own file when present, as for the server itself. */
	if (!config && access(paths.system_config, F_OK) == 0)
		config = paths.system_config;
	if (config && config_load_file(&app->cfg, config, &err) < 0)
		return cli_fail(config, &err);
	/* --db wins over the config file. */
	if (a->db)
		store_copy(app->cfg.db_path, sizeof(app->cfg.db_path), a->db);
	else if (!app->cfg.db_path[0])
		options_db_default(&app->cfg, &paths);
	config_finish(&app->cfg);
	if (must_exist && !store_url_is_postgresql(app->cfg.db_path) &&
	    stat(strncmp(app->cfg.db_path, "sqlite:", 7) == 0
		     ? app->cfg.db_path + 7
		     : app->cfg.db_path,
		 &st) != 0) {
		fprintf(stderr, "wincased: %s: %s\n", app->cfg.db_path,
			strerror(errno));
		return 1;
	}
	clock_init(&app->clock, false, (int64_t)time(NULL),
		   app->cfg.timezone_offset_minutes);
	pthread_rwlock_init(&app->reference_lock, NULL);
	if (store_open(app->cfg.db_path, &app->store, &err) < 0)
		return cli_fail(app->cfg.db_path, &err);
	*db = app->store->ops->connect(app->store, &err);
	if (!*db || app_load_reference(app, *db, &err) < 0)
		return cli_fail(app->cfg.db_path, &err);
	/* With the server's key (when the data folder has one) the verbs
	 * sign checkpoints too, and audit-verify checks signatures. */
	if (documents_open_key(app, &err) < 0)
		return cli_fail("signing key", &err);
	audit_checkpoint_configure(app->documents,
				   app->cfg.audit_checkpoint_entries, false);
	return 0;
}

/* After a verb: a checkpoint of what it appended, written out. */
static void cli_checkpoint(struct app *app, struct store_conn *db)
{
	struct wc_error err = {0};
	bool made;

	if (app->documents &&
	    audit_checkpoint_now(app, db, "cli", &made, &err) < 0)
		cli_fail("audit checkpoint", &err);
}

int cli_run(int argc, char **argv)
{
	static struct app app;
	const struct cli_verb *verb = NULL;
	struct cli_args args = {0};
	struct store_conn *db = NULL;
	char actor[80];
	int rc;

	for (size_t i = 0; argc > 1 && i < sizeof(verbs) / sizeof(verbs[0]);
	     i++)
		if (strcmp(argv[1], verbs[i].name) == 0)
			verb = &verbs[i];
	if (!verb)
		return -1;
	for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			fputs(cli_usage, stdout);
			return 0;
		}
	if (sodium_init() < 0)
		return 1;
	if (cli_parse(argc, argv, &args) < 0) {
		fputs(cli_usage, stderr);
		return 2;
	}
	cli_actor(actor, sizeof(actor));
	/* migrate-store's source is the store the verb opens. */
	if (verb->run == verb_migrate_store && args.from)
		args.db = args.from;
	rc = cli_open(&app, &args, verb->needs_db_file, &db);
	if (rc == 0) {
		rc = verb->run(&app, db, &args, actor);
		cli_checkpoint(&app, db);
	}
	audit_checkpoint_configure(NULL, 0, false);
	documents_release(&app);
	app_release_reference(&app);
	if (app.store) {
		app.store->ops->close(&app.store);
		pthread_rwlock_destroy(&app.reference_lock);
		clock_destroy(&app.clock);
	}
	return rc;
}
