/* net_spawn.h - start a private wincased and stop it: the server of
 * training mode and the servers of the test suite. The child listens on a
 * free loopback port (--listen 127.0.0.1:0, the port read back from its
 * "listening on" line) and counts as started once GET /v1/health answers,
 * both within a bound. */
#ifndef WINCASE_NET_SPAWN_H
#define WINCASE_NET_SPAWN_H

#include <stdbool.h>
#include <sys/types.h>

#include "wincase/error.h"

struct net_spawn_options {
	const char *bin;	 /* the program; no '/': looked up on PATH */
	const char *const *args; /* after the program name and the added
				    "--listen 127.0.0.1:0", NULL-terminated
				    (NULL: none) */
	const char *log_path;	 /* the child's stderr, appended (0600);
				    NULL: this process's stderr */
	/* The child leaves the terminal: its own process group (a ^C meant
	 * for the terminal does not reach it), stdin from /dev/null, and
	 * SIGTERM from the kernel when the thread that started it dies
	 * (PR_SET_PDEATHSIG), even by kill -9. */
	bool detach;
	/* With detach: a folder the child removes (rmdir) and exits when it
	 * finds its parent gone already, or when the program cannot run. */
	const char *orphan_dir;
	int start_timeout_ms; /* <= 0: 30000 */
	/* The CA that signs the child's certificate when it serves HTTPS,
	 * for the readiness probe; NULL: the system's. */
	const char *ca_file;
};

struct net_spawned {
	pid_t pid;     /* 0 when not running */
	char url[128]; /* "http://127.0.0.1:PORT" */
};

/* Start the child and wait (bounded) until it listens and answers
 * /v1/health. 0, or -1 with err (code "server_start", the message says
 * what was seen) and nothing left running. */
int net_spawn_start(struct net_spawned *s, const struct net_spawn_options *opt,
		    struct wc_error *err);
/* SIGTERM, wait up to timeout_ms (<= 0: 10000), then SIGKILL. The child's
 * exit status (0-255), or -1 when it had to be killed, died by a signal or
 * was not running. s->pid is 0 afterwards; safe to call twice. */
int net_spawn_stop(struct net_spawned *s, int timeout_ms);

#endif
