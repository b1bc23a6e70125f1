/* bytes_per_key.c - how many bytes the client writes to its terminal per
 * keystroke. Runs a command in a pseudo-terminal
 * of 80x24 and follows a script read from a file, one step a line:
 *
 *   settle                   read until the output has been quiet 300 ms
 *   send KEYS                write KEYS, then settle (not measured)
 *   type LABEL TEXT          each character of TEXT is one key: measured
 *   repeat LABEL N KEYS      KEYS sent N times, each time measured
 *   quiet LABEL MS           bytes written while no key is pressed for MS
 *   frame LABEL              ms (to 0.1 ms) from the start to the last
 *                            byte of the first frame (output then quiet
 *                            for 100 ms)
 *   memory LABEL             Private_Dirty and Rss of the program, KiB
 *   wakeups LABEL MS         context switches per second of the program
 *                            while no key is pressed for MS
 *
 * KEYS and TEXT take C escapes: \r \t \e \\ \xHH. A measured key counts
 * every byte the program writes until its output is quiet for 150 ms. Each
 * measured step prints "LABEL: N keys, mean M bytes/key, max X, total T".
 *
 *   bytes_per_key SCRIPT COMMAND [ARG...]
 *
 * BYTES_PER_KEY_DUMP=1 copies what is written to stderr, escaped, one line
 * per step (so one line per measured key).
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int master = -1;
static pid_t child = -1;
static long started_us, first_frame_us;
static long last_byte_us; /* when drain last read a byte */

static long now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static long now_ms(void)
{
	return now_us() / 1000;
}

/* Reads until quiet_ms pass without output (at most 10 s); returns the
 * bytes read. */
static long drain(int quiet_ms)
{
	char buf[65536];
	long total = 0, start = now_ms();
	struct pollfd p = {.fd = master, .events = POLLIN};

	while (now_ms() - start < 10000) {
		int r = poll(&p, 1, quiet_ms);
		ssize_t n;

		if (r <= 0)
			break;
		n = read(master, buf, sizeof(buf));
		if (n <= 0)
			break;
		total += n;
		last_byte_us = now_us();
		if (getenv("BYTES_PER_KEY_DUMP")) /* to see what is written */
			for (ssize_t i = 0; i < n; i++)
				fprintf(stderr,
					(unsigned char)buf[i] < 32 ||
						buf[i] == 127
					    ? "\\x%02x"
					    : "%c",
					(unsigned char)buf[i]);
	}
	if (total && getenv("BYTES_PER_KEY_DUMP"))
		fputc('\n', stderr); /* one line per key */
	return total;
}

/* C escapes of s into out; returns the length. */
static size_t unescape(const char *s, char *out)
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			out[n++] = *s;
			continue;
		}
		s++;
		switch (*s) {
		case 'r':
			out[n++] = '\r';
			break;
		case 'n':
			out[n++] = '\n';
			break;
		case 't':
			out[n++] = '\t';
			break;
		case 'e':
			out[n++] = 27;
			break;
		case 'x': {
			char hex[3] = {s[1], s[1] ? s[2] : 0, 0};

			out[n++] = (char)strtol(hex, NULL, 16);
			s += 2;
			break;
		}
		default:
			out[n++] = *s;
			break;
		}
	}
	return n;
}

static void put(const char *bytes, size_t n)
{
	while (n > 0) {
		ssize_t w = write(master, bytes, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		bytes += w;
		n -= (size_t)w;
	}
}

struct tally {
	long keys, total, max;
};

static void tally_add(struct tally *t, long bytes)
{
	t->keys++;
	t->total += bytes;
	if (bytes > t->max)
		t->max = bytes;
}

static void tally_print(const char *label, const struct tally *t)
{
	printf("%s: %ld keys, mean %.1f bytes/key, max %ld, total %ld\n", label,
	       t->keys, t->keys ? (double)t->total / (double)t->keys : 0.0,
	       t->max, t->total);
	fflush(stdout);
}

/* Length of the UTF-8 character at s. */
static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* The number after name in /proc/CHILD/file, or -1. */
static long proc_field(const char *file, const char *name)
{
	char path[64], line[256];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)child, file);
	f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, name, strlen(name)) == 0)
			v = atol(line + strlen(name));
	if (f)
		fclose(f);
	return v;
}

static long switches(void)
{
	return proc_field("status", "voluntary_ctxt_switches:") +
	       proc_field("status", "nonvoluntary_ctxt_switches:");
}

static void step(char *line)
{
	char label[128], keys[1024], *rest;
	struct tally t = {0};
	size_t n;
	int count;

	line[strcspn(line, "\n")] = '\0';
	if (!*line || *line == '#')
		return;
	if (strcmp(line, "settle") == 0) {
		drain(300);
	} else if (strncmp(line, "send ", 5) == 0) {
		n = unescape(line + 5, keys);
		put(keys, n);
		drain(300);
	} else if (sscanf(line, "type %127s", label) == 1) {
		rest = strchr(line + 5, ' ');
		n = rest ? unescape(rest + 1, keys) : 0;
		for (size_t i = 0; i < n;) {
			size_t len = char_len(keys + i);

			put(keys + i, len);
			tally_add(&t, drain(150));
			i += len;
		}
		tally_print(label, &t);
	} else if (sscanf(line, "repeat %127s %d", label, &count) == 2) {
		rest = strchr(strchr(line + 7, ' ') + 1, ' ');
		n = rest ? unescape(rest + 1, keys) : 0;
		for (int i = 0; i < count; i++) {
			put(keys, n);
			tally_add(&t, drain(150));
		}
		tally_print(label, &t);
	} else if (sscanf(line, "quiet %127s %d", label, &count) == 2) {
		printf("%s: %ld bytes in %d ms without a key\n", label,
		       drain(count), count);
	} else if (sscanf(line, "frame %127s", label) == 1) {
		printf("%s: %.1f ms\n", label, (double)first_frame_us / 1000.0);
	} else if (sscanf(line, "memory %127s", label) == 1) {
		printf("%s: Private_Dirty %ld KiB, Rss %ld KiB\n", label,
		       proc_field("smaps_rollup", "Private_Dirty:"),
		       proc_field("smaps_rollup", "Rss:"));
	} else if (sscanf(line, "wakeups %127s %d", label, &count) == 2) {
		long before = switches();

		drain(count);
		printf("%s: %.1f wakeups/s\n", label,
		       (double)(switches() - before) * 1000.0 / count);
	} else {
		fprintf(stderr, "bytes_per_key: bad step: %s\n", line);
	}
}

int main(int argc, char **argv)
{
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	char line[2048];
	FILE *script;
	pid_t pid;
	int status;

	if (argc < 3) {
		fprintf(stderr,
			"usage: bytes_per_key SCRIPT COMMAND [ARG...]\n");
		return 2;
	}
	/* A step's line is out as soon as it is done (a test may wait for
	 * it while later steps run). */
	setvbuf(stdout, NULL, _IOLBF, 0);
	script = fopen(argv[1], "r");
	if (!script) {
		perror(argv[1]);
		return 2;
	}
	started_us = now_us();
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	child = pid;
	{
		/* The first byte, however long a loaded machine makes it
		 * take; then the frame is what comes until 100 ms of quiet. */
		struct pollfd p = {.fd = master, .events = POLLIN};

		poll(&p, 1, 10000);
	}
	drain(100);
	first_frame_us = last_byte_us - started_us;
	drain(400);
	while (fgets(line, sizeof(line), script))
		step(line);
	fclose(script);
	drain(300);
	kill(pid, SIGTERM);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return 0;
}
