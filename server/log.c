/* log.c - the operator log (log.h). */
#include "log.h"

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

/* "2026-12-02T10:18:35.123+08:00" in the host's local time. */
static void log_timestamp(char *out, size_t size)
{
	struct timespec ts;
	struct tm tm;
	char zone[8];
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	n = strftime(out, size, "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	snprintf(out + n, size - n, ".%03ld%.3s:%.2s", ts.tv_nsec / 1000000,
		 zone, zone[0] ? zone + 3 : "");
}

void log_write(enum log_level level, const char *fmt, ...)
{
	char text[2048], stamp[48];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	/* One fprintf per line: stdio locks the stream, so threads never
	 * interleave within a line. */
	if (log_state.journal) {
		fprintf(stderr, "<%d>wincased: %s\n", (int)level, text);
	} else {
		log_timestamp(stamp, sizeof(stamp));
		fprintf(stderr, "%s %s wincased: %s\n", stamp,
			log_level_word(level), text);
	}
	fflush(stderr);
}
