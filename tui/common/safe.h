/* safe.h - wincase as an SSH ForceCommand: restricted mode, the
 * idle logout and the terminal-safe signal set-up.
 *
 * Restricted mode (--restricted, or [client] restricted = yes) is for an
 * account whose sshd ForceCommand is wincase: only the configuration named
 * with --config or /etc/wincase/wincase.conf is read (never one in the
 * user's home), the print command is off unless [client] restricted_print
 * = yes, job-control and quit signals are ignored, and the environment
 * variables that name other programs are dropped. The client never runs a
 * shell, an editor, a pager or a file browser in any mode; the only program
 * it can start is the print command, through posix_spawnp without a
 * shell. */
#ifndef WINCASE_TUI_SAFE_H
#define WINCASE_TUI_SAFE_H

#include <stdbool.h>

struct config;

/* Default idle logout in restricted mode when the configuration names
 * none (seconds). */
#define SAFE_IDLE_DEFAULT_RESTRICTED 900

/* Applies restricted mode to cfg (flag: --restricted was given). Call after
 * the configuration is read and before the screen starts. */
void safe_setup(struct config *cfg, bool flag);
bool safe_restricted(void);

/* SIGTERM, SIGHUP, SIGINT set app_signalled (the loop ends and restores the
 * terminal); SIGPIPE ignored; in restricted mode SIGTSTP, SIGTTIN, SIGTTOU
 * and SIGQUIT ignored too. */
void safe_signals_install(void (*on_signal)(int));

/* The idle clock: safe_activity() at every key; safe_idle_expired() is true
 * once seconds (> 0) have passed on the monotonic clock since then. */
void safe_activity(void);
bool safe_idle_expired(long seconds);
/* Milliseconds until safe_idle_expired(seconds) turns true (0: it is),
 * -1 when it never will (no idle logout). */
long safe_idle_due_ms(long seconds);

/* True on the Linux console (TERM=linux...), which has no CJK glyphs. */
bool safe_console_lacks_cjk(void);

#endif
