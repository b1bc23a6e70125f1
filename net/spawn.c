/* spawn.c - a private wincased as a child process (net_spawn.h): fork and
 * exec with a pipe for its stdout, the URL from its "listening on" line,
 * then GET /v1/health until it answers; SIGTERM, a bounded wait and
 * SIGKILL to stop it. */
#define _GNU_SOURCE
#include "wincase/net_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wincase/net.h"

#define START_TIMEOUT_MS 30000
#define STOP_TIMEOUT_MS	 10000
#define LISTEN_PREFIX	 "wincased: listening on "
#define MAX_ARGS	 64
#define HEALTH_POLL_MS	 20

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* In the child, before exec: stdout to the pipe, stderr to the log; when
 * detached, die with the parent and leave the terminal's process group. */
static void child_exec(const struct net_spawn_options *opt, pid_t parent,
		       int out_fd)
{
	const char *argv[MAX_ARGS + 4] = {opt->bin, "--listen", "127.0.0.1:0"};
	size_t n = 3;

	for (size_t i = 0; opt->args && opt->args[i] && i < MAX_ARGS; i++)
		argv[n++] = opt->args[i];
	if (opt->detach) {
		int null_fd = open("/dev/null", O_RDONLY);

		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent) { /* the parent died already */
			if (opt->orphan_dir)
				rmdir(opt->orphan_dir);
			_exit(0);
		}
		setpgid(0, 0);
		if (null_fd >= 0)
			dup2(null_fd, STDIN_FILENO);
	}
	if (opt->log_path) {
		int log_fd =
		    open(opt->log_path, O_WRONLY | O_CREAT | O_APPEND, 0600);

		if (log_fd >= 0)
			dup2(log_fd, STDERR_FILENO);
	}
	dup2(out_fd, STDOUT_FILENO);
	execvp(opt->bin, (char *const *)argv);
	fprintf(stderr, "cannot run %s: %s\n", opt->bin, strerror(errno));
	if (opt->detach && opt->orphan_dir)
		rmdir(opt->orphan_dir);
	_exit(127);
}

/* The URL from the "listening on" line, before deadline. */
static int read_url(struct net_spawned *s, int fd, long long deadline,
		    struct wc_error *err)
{
	char buf[1024];
	size_t len = 0;

	buf[0] = '\0';
	while (now_ms() < deadline && len < sizeof(buf) - 1) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		char *line, *nl;
		ssize_t n;

		if (poll(&p, 1, (int)(deadline - now_ms())) <= 0)
			break;
		n = read(fd, buf + len, sizeof(buf) - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		buf[len] = '\0';
		line = strstr(buf, LISTEN_PREFIX);
		if (line && (nl = strchr(line, '\n'))) {
			*nl = '\0';
			snprintf(s->url, sizeof(s->url), "%s",
				 line + strlen(LISTEN_PREFIX));
			return 0;
		}
	}
	return wc_error_set(err, "server_start", NULL,
			    "no listening line (got '%.*s')", 160, buf);
}

/* GET /v1/health until it answers ok, before deadline; a child that
 * exits meanwhile is not waited for. */
static int wait_health(struct net_spawned *s, const char *ca_file,
		       long long deadline, struct wc_error *err)
{
	struct net_options o = {.base_url = s->url,
				.connect_timeout_ms = 1000,
				.timeout_ms = 3000,
				.ca_file = ca_file};
	struct net_client *c = net_client_new(&o, err);
	struct wc_error last = {0};
	int rc = -1;

	if (!c)
		return -1;
	while (now_ms() < deadline) {
		if (net_health(c, &last) == 0) {
			rc = 0;
			break;
		}
		if (waitpid(s->pid, NULL, WNOHANG) != 0) {
			s->pid = 0; /* exited (and reaped) or gone */
			break;
		}
		poll(NULL, 0, HEALTH_POLL_MS);
	}
	net_client_free(&c);
	if (rc < 0)
		wc_error_set(err, "server_start", NULL,
			     "%s does not answer /v1/health: %s", s->url,
			     last.message);
	return rc;
}

int net_spawn_start(struct net_spawned *s, const struct net_spawn_options *opt,
		    struct wc_error *err)
{
	int timeout = opt->start_timeout_ms > 0 ? opt->start_timeout_ms
						: START_TIMEOUT_MS;
	long long deadline = now_ms() + timeout;
	pid_t parent = getpid();
	int fds[2];

	memset(s, 0, sizeof(*s));
	if (!opt->bin || !*opt->bin)
		return wc_error_set(err, "server_start", NULL,
				    "no program to run");
	if (pipe2(fds, O_CLOEXEC) < 0)
		return wc_error_set(err, "server_start", NULL, "pipe: %s",
				    strerror(errno));
	s->pid = fork();
	if (s->pid == 0)
		child_exec(opt, parent, fds[1]);
	close(fds[1]);
	if (s->pid < 0) {
		s->pid = 0;
		close(fds[0]);
		return wc_error_set(err, "server_start", NULL, "fork: %s",
				    strerror(errno));
	}
	if (read_url(s, fds[0], deadline, err) < 0 ||
	    wait_health(s, opt->ca_file, deadline, err) < 0) {
		close(fds[0]);
		net_spawn_stop(s, STOP_TIMEOUT_MS);
		s->url[0] = '\0';
		return -1;
	}
	/* Nothing more is read: wincased writes nothing else to stdout and
	 * ignores SIGPIPE. */
	close(fds[0]);
	return 0;
}

int net_spawn_stop(struct net_spawned *s, int timeout_ms)
{
	long long deadline =
	    now_ms() + (timeout_ms > 0 ? timeout_ms : STOP_TIMEOUT_MS);
	int status = 0;
	pid_t pid = s->pid, done;

	s->pid = 0;
	if (pid <= 0)
		return -1;
	kill(pid, SIGTERM);
	/* Poll with a bound: a server that does not stop is killed. */
	while ((done = waitpid(pid, &status, WNOHANG)) == 0) {
		if (now_ms() > deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		poll(NULL, 0, 10);
	}
	return done == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
