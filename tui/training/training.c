/* training.c - the private training server: its data folder, its
 * arguments, and its start and stop through net_spawn.h.
 *
 * Lifetime. The server is a child in its own process group (a ^C or
 * SIGHUP meant for the terminal does not reach it), with PR_SET_PDEATHSIG
 * so the kernel sends it SIGTERM when the client dies, even by kill -9;
 * wincased --ephemeral then deletes its store, key and folder itself. On
 * a normal exit training_server_stop does the same and removes the folder.
 * PDEATHSIG follows the thread that forked: call start from the main
 * thread. */
#define _GNU_SOURCE
#include "training/training.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wincase/net_spawn.h"

#define START_TIMEOUT_MS 30000
#define STOP_TIMEOUT_MS	 10000
#define SERVER_CONF	 "wincased-training.conf"

#ifndef WINCASE_SHARE_DIR
#define WINCASE_SHARE_DIR "/usr/local/share/wincase"
#endif

static int make_dirs(char *path, struct wc_error *err)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) < 0 && errno != EEXIST) {
			*p = '/';
			return wc_error_set(err, "internal", "data_dir",
					    "cannot create %s: %s", path,
					    strerror(errno));
		}
		*p = '/';
	}
	if (mkdir(path, 0700) < 0 && errno != EEXIST)
		return wc_error_set(err, "internal", "data_dir",
				    "cannot create %s: %s", path,
				    strerror(errno));
	return 0;
}

int training_data_dir(char *out, size_t size, struct wc_error *err)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		snprintf(out, size, "%s/wincase/training", xdg);
	else if (home && *home)
		snprintf(out, size, "%s/.local/share/wincase/training", home);
	else
		return wc_error_set(err, "internal", "data_dir",
				    "neither XDG_DATA_HOME nor HOME is set");
	return make_dirs(out, err);
}

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void find_conf_dir(const struct training_options *opt, char *out,
			  size_t size)
{
	const char *env = getenv("WINCASE_CONF");
	char probe[TRAINING_PATH_MAX + 16];

	if (opt->conf_dir) {
		snprintf(out, size, "%s", opt->conf_dir);
		return;
	}
	if (env && *env) {
		snprintf(out, size, "%s", env);
		return;
	}
	snprintf(probe, sizeof(probe), "%s/training", WINCASE_SHARE_DIR);
	snprintf(out, size, "%s", is_dir(probe) ? WINCASE_SHARE_DIR : "conf");
}

void training_scenarios_dir(const struct training_options *opt, char *out,
			    size_t size)
{
	static const struct training_options defaults = {0};
	char conf[TRAINING_PATH_MAX];

	find_conf_dir(opt ? opt : &defaults, conf, sizeof(conf));
	snprintf(out, size, "%s/training", conf);
}

/* $WINCASED_BIN, wincased next to this program, else "wincased" for
 * execvp's PATH search. */
static void find_wincased(const struct training_options *opt, char *out,
			  size_t size)
{
	const char *env = getenv("WINCASED_BIN");
	char self[TRAINING_PATH_MAX];
	ssize_t n;
	char *slash;

	if (opt->wincased || (env && *env)) {
		snprintf(out, size, "%s", opt->wincased ? opt->wincased : env);
		return;
	}
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0) {
		self[n] = '\0';
		slash = strrchr(self, '/');
		if (slash) {
			snprintf(slash + 1,
				 sizeof(self) - (size_t)(slash + 1 - self),
				 "wincased");
			if (access(self, X_OK) == 0) {
				snprintf(out, size, "%s", self);
				return;
			}
		}
	}
	snprintf(out, size, "wincased");
}

/* Training passwords are public: cheap hashing keeps start-up fast on an
 * old counter PC. */
static int write_server_conf(const char *data_dir, char *path, size_t size,
			     struct wc_error *err)
{
	int fd;
	static const char text[] = "# written by wincase --training\n"
				   "pwhash_cost = min\nthreads = 2\n";

	snprintf(path, size, "%s/%s", data_dir, SERVER_CONF);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 ||
	    write(fd, text, sizeof(text) - 1) != (ssize_t)(sizeof(text) - 1)) {
		if (fd >= 0)
			close(fd);
		return wc_error_set(err, "internal", "data_dir",
				    "cannot write %s: %s", path,
				    strerror(errno));
	}
	return close(fd);
}

/* What the private server runs with; the strings live here while it
 * starts. */
struct server_args {
	char bin[TRAINING_PATH_MAX];
	char db[TRAINING_PATH_MAX + 32];
	char conf[TRAINING_PATH_MAX];
	char seed[TRAINING_PATH_MAX + 16];
	char config[TRAINING_PATH_MAX + 32];
	char clock[64];
	const char *argv[16];
};

static int prepare_args(struct training_server *ts,
			const struct training_options *opt,
			struct server_args *a, struct wc_error *err)
{
	const char *argv[] = {"--db",	    a->db,	   a->clock,
			      "--conf-dir", a->conf,	   "--training-seed",
			      a->seed,	    "--ephemeral", "--config",
			      a->config,    NULL};

	memset(a, 0, sizeof(*a));
	memcpy(a->argv, argv, sizeof(argv));
	find_wincased(opt, a->bin, sizeof(a->bin));
	find_conf_dir(opt, a->conf, sizeof(a->conf));
	snprintf(a->seed, sizeof(a->seed), "%s/training", a->conf);
	snprintf(a->db, sizeof(a->db), "%s/wincased.db", ts->store_dir);
	if (opt->clock_start)
		snprintf(a->clock, sizeof(a->clock), "--fake-clock=%s",
			 opt->clock_start);
	else
		snprintf(a->clock, sizeof(a->clock), "--fake-clock");
	if (!is_dir(a->seed))
		return wc_error_set(err, "training_server", "conf_dir",
				    "no training scenarios in %s", a->seed);
	return write_server_conf(ts->data_dir, a->config, sizeof(a->config),
				 err);
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void remove_store_dir(struct training_server *ts)
{
	if (ts->store_dir[0])
		nftw(ts->store_dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	ts->store_dir[0] = '\0';
}

static int store_dir_make(struct training_server *ts,
			  const struct training_options *opt,
			  struct wc_error *err)
{
	if (opt->data_dir) {
		snprintf(ts->data_dir, sizeof(ts->data_dir), "%s",
			 opt->data_dir);
		if (make_dirs(ts->data_dir, err) < 0)
			return -1;
	} else if (training_data_dir(ts->data_dir, sizeof(ts->data_dir), err) <
		   0)
		return -1;
	snprintf(ts->store_dir, sizeof(ts->store_dir), "%s/srv-XXXXXX",
		 ts->data_dir);
	if (!mkdtemp(ts->store_dir)) {
		ts->store_dir[0] = '\0';
		return wc_error_set(err, "internal", "data_dir",
				    "cannot create a folder in %s: %s",
				    ts->data_dir, strerror(errno));
	}
	return 0;
}

int training_server_start(struct training_server *ts,
			  const struct training_options *opt,
			  struct wc_error *err)
{
	static const struct training_options defaults = {0};
	struct server_args a;
	struct net_spawn_options sp = {.start_timeout_ms = START_TIMEOUT_MS,
				       .detach = true};
	struct net_spawned child;
	struct wc_error why = {0};

	memset(ts, 0, sizeof(*ts));
	opt = opt ? opt : &defaults;
	if (store_dir_make(ts, opt, err) < 0)
		return -1;
	if (prepare_args(ts, opt, &a, err) < 0)
		goto fail;
	sp.bin = a.bin;
	sp.args = a.argv;
	sp.log_path = opt->log_path ? opt->log_path : "/dev/null";
	sp.orphan_dir = ts->store_dir;
	if (net_spawn_start(&child, &sp, &why) < 0) {
		wc_error_set(err, "training_server", NULL,
			     "the training server did not start: %s",
			     why.message);
		goto fail;
	}
	ts->pid = child.pid;
	snprintf(ts->url, sizeof(ts->url), "%s", child.url);
	return 0;
fail:
	training_server_stop(ts);
	return -1;
}

int training_server_stop(struct training_server *ts)
{
	struct net_spawned child = {.pid = ts->pid};
	int rc = 0;

	if (ts->pid > 0 && net_spawn_stop(&child, STOP_TIMEOUT_MS) != 0)
		rc = -1;
	ts->pid = 0;
	remove_store_dir(ts);
	return rc;
}

int training_server_restart(struct training_server *ts,
			    const struct training_options *opt,
			    struct wc_error *err)
{
	struct training_server fresh;

	if (training_server_start(&fresh, opt, err) < 0)
		return -1;
	training_server_stop(ts);
	*ts = fresh;
	return 0;
}
