/* test_api_slow.c - slow connections cannot take the server down: a
 * "slowloris" client on 127.0.0.2 opens more connections than the server's
 * whole connection limit and sends one header line every half second;
 * meanwhile a client on 127.0.0.1 must still be answered. Then a slow
 * connection is cut once the header deadline passes.
 *
 * Figure printed: "# slow: N connections from 127.0.0.2 held open, M of
 * 10 requests from 127.0.0.1 answered". Bounded: SLOW_CONNECTIONS sockets
 * for at most a few seconds. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "../support/http.h"
#include "../support/server.h"

/* More than the 512 connections the server took before it limited them per
 * address. */
#define SLOW_CONNECTIONS 540
#define CLEAN_REQUESTS	 10

static struct test_server srv;

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int server_port(void)
{
	const char *p = strrchr(srv.url, ':');

	return p ? atoi(p + 1) : 0;
}

/* A connected socket from source to the server, or -1. */
static int slow_connect(const char *source)
{
	struct sockaddr_in from = {.sin_family = AF_INET},
			   to = {.sin_family = AF_INET};
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	inet_pton(AF_INET, source, &from.sin_addr);
	inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
	to.sin_port = htons((uint16_t)server_port());
	if (bind(fd, (struct sockaddr *)&from, sizeof(from)) < 0 ||
	    connect(fd, (struct sockaddr *)&to, sizeof(to)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Whether fd was closed by the server (EOF or reset), without waiting. */
static bool closed_by_server(int fd)
{
	char buf[256];
	struct pollfd p = {.fd = fd, .events = POLLIN};

	if (poll(&p, 1, 0) <= 0)
		return false;
	return recv(fd, buf, sizeof(buf), MSG_DONTWAIT) <= 0;
}

static int setup(void **state)
{
	(void)state;
	return test_server_start(&srv, true);
}

static int teardown(void **state)
{
	(void)state;
	return test_server_stop(&srv);
}

static void send_line(int fd, const char *line)
{
	(void)!send(fd, line, strlen(line), MSG_NOSIGNAL | MSG_DONTWAIT);
}

/* One slowloris round: a header line on every socket still open. */
static int slow_round(const int *fds, size_t n)
{
	int open = 0;

	for (size_t i = 0; i < n; i++) {
		if (fds[i] < 0 || closed_by_server(fds[i]))
			continue;
		send_line(fds[i], "X-Slow: 1\r\n");
		open++;
	}
	return open;
}

static void test_slow_clients_do_not_starve_others(void **state)
{
	static int fds[SLOW_CONNECTIONS];
	int answered = 0, open = 0;
	struct http_reply r;

	(void)state;
	for (size_t i = 0; i < SLOW_CONNECTIONS; i++) {
		fds[i] = slow_connect("127.0.0.2");
		if (fds[i] >= 0)
			send_line(fds[i], "GET /v1/health HTTP/1.1\r\n");
	}
	for (int i = 0; i < CLEAN_REQUESTS; i++) {
		long long t0 = now_ms();

		open = slow_round(fds, SLOW_CONNECTIONS);
		if (http_get(srv.url, "/v1/health", NULL, &r) == 0 &&
		    r.status == 200 && now_ms() - t0 < 2000)
			answered++;
		http_reply_release(&r);
		poll(NULL, 0, 300);
	}
	print_message("# slow: %d connections from 127.0.0.2 held open, %d "
		      "of %d requests from 127.0.0.1 answered\n",
		      open, answered, CLEAN_REQUESTS);
	for (size_t i = 0; i < SLOW_CONNECTIONS; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	assert_int_equal(answered, CLEAN_REQUESTS);
	assert_true(open < SLOW_CONNECTIONS);
}

/* A client that never finishes its headers is cut at the header deadline
 * (http_header_seconds, 2 here), however often it sends a line. */
static void test_header_deadline(void **state)
{
	long long t0, cut_after = -1;
	int fd;

	(void)state;
	assert_int_equal(test_server_stop(&srv), 0);
	assert_int_equal(
	    test_server_start_config(&srv, true, "http_header_seconds = 2\n"),
	    0);
	fd = slow_connect("127.0.0.2");
	assert_true(fd >= 0);
	send_line(fd, "GET /v1/health HTTP/1.1\r\n");
	t0 = now_ms();
	while (now_ms() - t0 < 8000) {
		if (closed_by_server(fd)) {
			cut_after = now_ms() - t0;
			break;
		}
		send_line(fd, "X-Slow: 1\r\n");
		poll(NULL, 0, 250);
	}
	close(fd);
	print_message("# header deadline 2 s: cut after %lld ms\n", cut_after);
	assert_true(cut_after >= 1000);
	assert_true(cut_after < 5000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_slow_clients_do_not_starve_others),
	    cmocka_unit_test(test_header_deadline),
	};

	/* Source addresses do not pass a proxy (make test-openapi). */
	if (getenv("WINCASE_TEST_PRISM")) {
		printf("1..0 # SKIP source addresses do not pass a proxy\n");
		return 0;
	}
	return cmocka_run_group_tests(tests, setup, teardown);
}
