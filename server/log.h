/* log.h - wincased's operator log: one line per event on stderr, or in a
 * file reopened on SIGHUP. Under journald (JOURNAL_STREAM names our
 * stderr) each line starts with its syslog priority ("<6>"), which the
 * journal reads; anywhere else with a timestamp and the level's word. */
#ifndef WINCASED_LOG_H
#define WINCASED_LOG_H

#include <stdbool.h>

#include "wincase/error.h"

/* syslog(3)'s numbers, so that the "<N>" prefix is the priority. */
enum log_level {
	LOG_LEVEL_ERROR = 3,
	LOG_LEVEL_WARNING = 4,
	LOG_LEVEL_NOTICE = 5,
	LOG_LEVEL_INFO = 6,
};

/* Log to path (appended, created 0640), or to stderr when path is NULL or
 * "". Detects journald. -1 with err when the file cannot be opened. */
int log_open(const char *path, struct wc_error *err);
/* SIGHUP: open the file again (after logrotate moved it). A failure keeps
 * the old one and says so in it. */
void log_reopen(void);
void log_close(void);

/* One line "wincased: " + the formatted text. Thread-safe. */
void log_write(enum log_level level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* True when lines go to journald (the prefixes, not timestamps). */
bool log_is_journal(void);

#endif
