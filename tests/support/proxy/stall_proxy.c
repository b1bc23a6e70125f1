/* stall_proxy.c - a small loopback TCP proxy for the offline tests
 * (issue 12): stall_proxy TARGET_PORT CONTROL_FILE listens on 127.0.0.1:0,
 * prints "stall_proxy: listening on PORT", and forwards each connection to
 * 127.0.0.1:TARGET_PORT the way CONTROL_FILE says (read when a connection
 * comes and every 50 ms while it lasts):
 *   pass       forward both ways
 *   delay MS   forward, each chunk MS milliseconds late
 *   stall      accept, then move no byte (the link hangs)
 *   drop       accept and close at once
 * Loopback only; it ends by itself after LIFETIME (600) seconds. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LIFETIME 600

enum mode { MODE_PASS, MODE_DELAY, MODE_STALL, MODE_DROP };

static const char *control;

static enum mode mode_read(int *delay_ms)
{
	char word[16] = "pass";
	FILE *f = fopen(control, "r");

	*delay_ms = 0;
	if (f) {
		if (fscanf(f, "%15s %d", word, delay_ms) < 1)
			strcpy(word, "pass");
		fclose(f);
	}
	if (strcmp(word, "delay") == 0)
		return MODE_DELAY;
	if (strcmp(word, "stall") == 0)
		return MODE_STALL;
	if (strcmp(word, "drop") == 0)
		return MODE_DROP;
	return MODE_PASS;
}

static int connect_target(int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons((unsigned short)port)};
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* One connection, in its own process. */
static void serve(int client, int port)
{
	int delay, server = -1;
	enum mode m = mode_read(&delay);
	struct pollfd p[2];
	char buf[16384];

	if (m == MODE_DROP)
		_exit(0);
	for (;;) {
		m = mode_read(&delay);
		if (m == MODE_DROP)
			_exit(0);
		if (m == MODE_STALL) { /* hold the socket, move nothing */
			usleep(50000);
			continue;
		}
		if (server < 0 && (server = connect_target(port)) < 0)
			_exit(1);
		p[0] = (struct pollfd){.fd = client, .events = POLLIN};
		p[1] = (struct pollfd){.fd = server, .events = POLLIN};
		if (poll(p, 2, 50) <= 0)
			continue;
		for (int i = 0; i < 2; i++) {
			ssize_t n;

			if (!(p[i].revents & (POLLIN | POLLHUP)))
				continue;
			n = read(p[i].fd, buf, sizeof(buf));
			if (n <= 0)
				_exit(0);
			if (m == MODE_DELAY && delay > 0)
				usleep((useconds_t)delay * 1000);
			if (write(i == 0 ? server : client, buf, (size_t)n) !=
			    n)
				_exit(0);
		}
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_in a = {.sin_family = AF_INET};
	socklen_t len = sizeof(a);
	time_t end = time(NULL) + LIFETIME;
	int lfd, port, one = 1;

	if (argc != 3 || (port = atoi(argv[1])) <= 0) {
		fprintf(stderr,
			"usage: stall_proxy TARGET_PORT CONTROL_FILE\n");
		return 2;
	}
	control = argv[2];
	signal(SIGCHLD, SIG_IGN); /* no zombies */
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    listen(lfd, 16) != 0 ||
	    getsockname(lfd, (struct sockaddr *)&a, &len) != 0) {
		perror("stall_proxy");
		return 1;
	}
	printf("stall_proxy: listening on %d\n", ntohs(a.sin_port));
	fflush(stdout);
	while (time(NULL) < end) {
		struct pollfd p = {.fd = lfd, .events = POLLIN};
		int c;

		if (poll(&p, 1, 1000) <= 0)
			continue;
		c = accept(lfd, NULL, NULL);
		if (c < 0)
			continue;
		if (fork() == 0) {
			close(lfd);
			alarm(LIFETIME);
			serve(c, port);
			_exit(0);
		}
		close(c);
	}
	return 0;
}
