/* log.c - the operator log (log.h). */
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static struct {
	pthread_mutex_t lock;
	char path[512];
	bool journal;
} log_state = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* JOURNAL_STREAM is "DEVICE:INODE" of the stream systemd connected; it
 * counts only while stderr is still that stream (not redirected). */
static bool log_stderr_is_journal(void)
{
	const char *env = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;

	if (!env || sscanf(env, "%llu:%llu", &dev, &ino) != 2 ||
	    fstat(STDERR_FILENO, &st) != 0)
		return false;
	return (unsigned long long)st.st_dev == dev &&
	       (unsigned long long)st.st_ino == ino;
}

/* Make stderr the file, so that every part's messages land there too. */
static int log_file_attach(const char *path)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);

	if (fd < 0)
		return -1;
	if (dup2(fd, STDERR_FILENO) < 0) {
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int log_open(const char *path, struct wc_error *err)
{
	pthread_mutex_lock(&log_state.lock);
	snprintf(log_state.path, sizeof(log_state.path), "%s",
		 path ? path : "");
	if (log_state.path[0] && log_file_attach(log_state.path) < 0) {
		pthread_mutex_unlock(&log_state.lock);
		return wc_error_set(err, "usage", "log-file",
				    "cannot open log file %s", path);
	}
	log_state.journal = !log_state.path[0] && log_stderr_is_journal();
	pthread_mutex_unlock(&log_state.lock);
	return 0;
}

void log_reopen(void)
{
	bool failed;

	pthread_mutex_lock(&log_state.lock);
	failed = log_state.path[0] && log_file_attach(log_state.path) < 0;
	pthread_mutex_unlock(&log_state.lock);
	if (failed)
		log_write(LOG_LEVEL_ERROR, "cannot reopen log file %s",
			  log_state.path);
}

void log_close(void)
{
	fflush(stderr);
}

bool log_is_journal(void)
{
	return log_state.journal;
}

static const char *log_level_word(enum log_level level)
{
	switch (level) {
	case LOG_LEVEL_ERROR:
		return "error";
	case LOG_LEVEL_WARNING:
		return "warning";
	case LOG_LEVEL_NOTICE:
		return "notice";
	case LOG_LEVEL_INFO:
		break;
	}
	return "info";
}

/* "2026-12-02T10:18:35.123+08:00" in the host's local time. The part up
 * to the second is kept per thread and made again when the second
 * changes: localtime_r takes the C library's time zone lock, which every
 * request line of every thread queued on. */
static void log_timestamp(char *out, size_t size)
{
	static _Thread_local struct {
		time_t sec;
		char text[24]; /* "2026-12-02T10:18:35" */
		char zone[8];  /* "+08:00" */
	} cached = {.sec = -1};
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	if (ts.tv_sec != cached.sec) {
		char zone[8];

		localtime_r(&ts.tv_sec, &tm);
		strftime(cached.text, sizeof(cached.text), "%Y-%m-%dT%H:%M:%S",
			 &tm);
		strftime(zone, sizeof(zone), "%z", &tm);
		snprintf(cached.zone, sizeof(cached.zone), "%.3s:%.2s", zone,
			 zone[0] ? zone + 3 : "");
		cached.sec = ts.tv_sec;
	}
	snprintf(out, size, "%s.%03d%s", cached.text,
		 (int)(ts.tv_nsec / 1000000 % 1000), cached.zone);
}

void log_write(enum log_level level, const char *fmt, ...)
{
	char line[2200], stamp[64];
	va_list ap;
	size_t n = 0, done = 0;
	int k;

	if (log_state.journal) {
		k = snprintf(line, sizeof(line), "<%d>wincased: ", (int)level);
	} else {
		log_timestamp(stamp, sizeof(stamp));
		k = snprintf(line, sizeof(line), "%s %s wincased: ", stamp,
			     log_level_word(level));
	}
	n = k > 0 ? (size_t)k : 0;
	va_start(ap, fmt);
	k = vsnprintf(line + n, 2048, fmt, ap);
	va_end(ap);
	n += k < 0 ? 0 : (size_t)k < 2048 ? (size_t)k : 2047;
	line[n++] = '\n';
	/* One write(2) per line, past stdio: stdio's lock on stderr held
	 * every thread's line while another's was written, and O_APPEND (a
	 * log file) or a pipe keeps a line whole. stderr is unbuffered, so
	 * fprintf(stderr) elsewhere still lands in order. */
	while (done < n) {
		ssize_t w = write(STDERR_FILENO, line + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
}
