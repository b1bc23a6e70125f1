/* prism.c - Stoplight Prism's validating proxy in front of the wincased of
 * an API test (prism.h says why there are two). */
#define _GNU_SOURCE
#include "prism.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PRISM_MAX	       8
#define PRISM_START_MS	       90000
#define PRISM_STOP_MS	       10000
#define PRISM_READY	       "Prism is listening on"
#define PRISM_BODY_LIMIT       65536
#define PRISM_PROBLEM_TYPE     "application/problem+json"
#define PRISM_VIOLATIONS_ERROR "prism/errors#VIOLATIONS"

/* One server's pair of proxies. */
struct prism_pair {
	const struct test_server *owner;
	pid_t strict_pid, lenient_pid;
	char strict_url[128], lenient_url[128], upstream[128];
};

static struct prism_pair pairs[PRISM_MAX];
static int started;

/* What the run did, printed at exit. */
static struct {
	long validated; /* answers checked by the strict proxy */
	long rechecked; /* refused requests, answered through the lenient one */
	long direct;	/* not sent through Prism */
	long mismatches;
} tally;

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void prism_report(void)
{
	printf("# prism: %ld answers validated by the strict proxy, %ld "
	       "refused requests answered through the lenient proxy, %ld "
	       "requests not sent through Prism, %ld mismatches\n",
	       tally.validated, tally.rechecked, tally.direct,
	       tally.mismatches);
	fflush(stdout);
}

/* A TAP failure line: tests/run.sh counts it. */
static void prism_mismatch(const struct http_request *req, long status,
			   const char *what)
{
	tally.mismatches++;
	printf("not ok - prism: %s %s answered %ld: %s\n",
	       req->method ? req->method : "GET", req->path, status, what);
	fflush(stdout);
}

static int free_port(void)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0), port = -1;

	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&a, &len) == 0)
		port = ntohs(a.sin_port);
	close(fd);
	return port;
}

/* Start one `prism proxy` with its output in log; its pid, or -1. */
static pid_t prism_spawn(const char *upstream, int port, bool strict,
			 const char *log)
{
	const char *prism = getenv("WINCASE_TEST_PRISM");
	const char *spec = getenv("WINCASE_OPENAPI");
	char port_text[16];
	pid_t pid;
	int fd;

	snprintf(port_text, sizeof(port_text), "%d", port);
	pid = fork();
	if (pid != 0)
		return pid;
	setpgid(0, 0);
	fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd >= 0) {
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
	}
	if (strict)
		execl(prism, prism, "proxy", spec, upstream, "--errors", "-h",
		      "127.0.0.1", "-p", port_text, (char *)NULL);
	else
		execl(prism, prism, "proxy", spec, upstream, "-h", "127.0.0.1",
		      "-p", port_text, (char *)NULL);
	fprintf(stderr, "test_prism: cannot run %s: %s\n", prism,
		strerror(errno));
	_exit(127);
}

/* Wait until the log says the proxy listens (bounded). */
static bool prism_wait(pid_t pid, const char *log)
{
	long long deadline = now_ms() + PRISM_START_MS;
	char line[1024];

	while (now_ms() < deadline) {
		/* Line by line: Prism lists every route before it is ready,
		 * more than any fixed buffer as routes are added. */
		FILE *f = fopen(log, "r");
		bool ready = false;

		while (f && !ready && fgets(line, sizeof(line), f))
			ready = strstr(line, PRISM_READY) != NULL;
		if (f)
			fclose(f);
		if (ready)
			return true;
		if (waitpid(pid, NULL, WNOHANG) == pid)
			break;
		poll(NULL, 0, 50);
	}
	fprintf(stderr, "test_prism: no '%s' in %s\n", PRISM_READY, log);
	return false;
}

static void prism_kill(pid_t *pid)
{
	long long deadline = now_ms() + PRISM_STOP_MS;

	if (*pid <= 0)
		return;
	kill(-*pid, SIGTERM);
	while (waitpid(*pid, NULL, WNOHANG) == 0) {
		if (now_ms() > deadline) {
			kill(-*pid, SIGKILL);
			waitpid(*pid, NULL, 0);
			break;
		}
		poll(NULL, 0, 10);
	}
	*pid = 0;
}

/* The log file of one proxy: $WINCASE_PRISM_LOGS or the server's dir. */
static void prism_log_path(const struct test_server *srv, int n,
			   const char *kind, char *out, size_t size)
{
	const char *dir = getenv("WINCASE_PRISM_LOGS");

	snprintf(out, size, "%s/%s-%d-%d-%s.log", dir && *dir ? dir : srv->dir,
		 program_invocation_short_name, (int)getpid(), n, kind);
}

static int prism_start_pair(struct test_server *srv, struct prism_pair *p)
{
	char strict_log[512], lenient_log[512];
	int sp = free_port(), lp = free_port();

	if (sp < 0 || lp < 0)
		return -1;
	prism_log_path(srv, started, "strict", strict_log, sizeof(strict_log));
	prism_log_path(srv, started, "lenient", lenient_log,
		       sizeof(lenient_log));
	started++;
	snprintf(p->upstream, sizeof(p->upstream), "%s", srv->url);
	p->strict_pid = prism_spawn(p->upstream, sp, true, strict_log);
	p->lenient_pid = prism_spawn(p->upstream, lp, false, lenient_log);
	if (p->strict_pid < 0 || p->lenient_pid < 0 ||
	    !prism_wait(p->strict_pid, strict_log) ||
	    !prism_wait(p->lenient_pid, lenient_log))
		return -1;
	snprintf(p->strict_url, sizeof(p->strict_url), "http://127.0.0.1:%d",
		 sp);
	snprintf(p->lenient_url, sizeof(p->lenient_url), "http://127.0.0.1:%d",
		 lp);
	snprintf(srv->url, sizeof(srv->url), "%s", p->strict_url);
	return 0;
}

int test_prism_start(struct test_server *srv)
{
	static bool reporting;
	struct prism_pair *p = NULL;

	if (!getenv("WINCASE_TEST_PRISM") || !*getenv("WINCASE_TEST_PRISM"))
		return 0;
	if (!getenv("WINCASE_OPENAPI")) {
		fprintf(stderr, "test_prism: WINCASE_OPENAPI must name the "
				"description (tests/openapi/run.sh sets it)\n");
		return -1;
	}
	/* A restart without a stop (a killed server): its old proxies go. */
	test_prism_stop(srv);
	for (size_t i = 0; i < PRISM_MAX && !p; i++)
		if (!pairs[i].owner)
			p = &pairs[i];
	if (!p) {
		fprintf(stderr, "test_prism: more than %d servers at once\n",
			PRISM_MAX);
		return -1;
	}
	memset(p, 0, sizeof(*p));
	p->owner = srv;
	if (!reporting)
		reporting = atexit(prism_report) == 0;
	if (prism_start_pair(srv, p) < 0) {
		prism_kill(&p->strict_pid);
		prism_kill(&p->lenient_pid);
		p->owner = NULL;
		return -1;
	}
	return 0;
}

static struct prism_pair *prism_find(const char *url)
{
	for (size_t i = 0; i < PRISM_MAX; i++)
		if (pairs[i].owner && strcmp(pairs[i].strict_url, url) == 0)
			return &pairs[i];
	return NULL;
}

void test_prism_stop(struct test_server *srv)
{
	for (size_t i = 0; i < PRISM_MAX; i++) {
		struct prism_pair *p = &pairs[i];

		if (p->owner != srv)
			continue;
		prism_kill(&p->strict_pid);
		prism_kill(&p->lenient_pid);
		if (strcmp(srv->url, p->strict_url) == 0)
			snprintf(srv->url, sizeof(srv->url), "%s", p->upstream);
		p->owner = NULL;
	}
}

/* The path with bytes outside ASCII percent-encoded: Prism refuses a raw
 * UTF-8 request line (400), wincased decodes both alike. */
static void prism_encode_path(const char *path, char *out, size_t size)
{
	size_t n = 0;

	for (; *path && n + 4 < size; path++) {
		unsigned char c = (unsigned char)*path;

		if (c >= 0x80 || c == ' ')
			n += (size_t)snprintf(out + n, size - n, "%%%02X", c);
		else
			out[n++] = (char)c;
	}
	out[n] = '\0';
}

/* Can Prism take this request? It leaves a malformed JSON body
 * unanswered, and wincased refuses non-JSON and oversize bodies before
 * any description applies; a PDF answer it would spoil. */
static bool prism_carries(const struct http_request *req)
{
	size_t len;
	json_t *v;

	/* Prism passes an answer on as text: a PDF's bytes would not
	 * survive it. */
	if (req->path && strstr(req->path, ".pdf"))
		return false;
	if (!req->body)
		return true;
	len = req->body_len ? req->body_len : strlen(req->body);
	if (len > PRISM_BODY_LIMIT ||
	    (req->content_type &&
	     strncasecmp(req->content_type, "application/json", 16) != 0))
		return false;
	v = json_loadb(req->body, len, JSON_REJECT_DUPLICATES, NULL);
	json_decref(v);
	return v != NULL;
}

static bool prism_answered(const struct http_reply *r)
{
	return strncasecmp(r->content_type, PRISM_PROBLEM_TYPE,
			   strlen(PRISM_PROBLEM_TYPE)) == 0;
}

/* Any violation of wincased's answer in an sl-violations header. */
static bool prism_response_violated(const struct http_reply *r)
{
	json_t *list = json_loads(r->violations, 0, NULL), *v;
	bool bad = false;
	size_t i;

	json_array_foreach(list, i, v)
	{
		const char *where = json_string_value(
		    json_array_get(json_object_get(v, "location"), 0));

		bad = bad || (where && strcmp(where, "response") == 0);
	}
	json_decref(list);
	return bad;
}

/* A request the description refuses, again through the lenient proxy. */
static int prism_recheck(const struct prism_pair *p,
			 const struct http_request *req, struct http_reply *out,
			 test_prism_send_fn send)
{
	int rc;

	http_reply_release(out);
	rc = send(p->lenient_url, req, out);
	if (rc != 0)
		return rc;
	if (prism_answered(out)) {
		/* No route of the description (an unknown path or method):
		 * nothing to compare, wincased answers alone. */
		http_reply_release(out);
		tally.direct++;
		return send(p->upstream, req, out);
	}
	tally.rechecked++;
	if (out->status < 400) {
		char why[sizeof(out->violations) + 64];

		snprintf(why, sizeof(why),
			 "wincased accepted a request the "
			 "description refuses: %s",
			 out->violations);
		prism_mismatch(req, out->status, why);
	}
	if (prism_response_violated(out))
		prism_mismatch(req, out->status, out->violations);
	return 0;
}

const char *test_prism_upstream(const char *url)
{
	const struct prism_pair *p = prism_find(url);

	return p ? p->upstream : url;
}

int test_prism_do(const char *base_url, const struct http_request *req,
		  struct http_reply *out, test_prism_send_fn send)
{
	const struct prism_pair *p = prism_find(base_url);
	struct http_request encoded;
	char path[2048];
	int rc;

	if (!p)
		return send(base_url, req, out);
	if (!prism_carries(req)) {
		tally.direct++;
		return send(p->upstream, req, out);
	}
	encoded = *req;
	prism_encode_path(req->path, path, sizeof(path));
	encoded.path = path;
	rc = send(base_url, &encoded, out);
	if (rc != 0)
		return rc;
	if (prism_answered(out) &&
	    !(out->status == 500 && strstr(out->body, PRISM_VIOLATIONS_ERROR)))
		return prism_recheck(p, &encoded, out, send);
	tally.validated++;
	if (prism_answered(out))
		prism_mismatch(req, out->status, out->body);
	else if (out->violations[0])
		prism_mismatch(req, out->status, out->violations);
	return 0;
}
