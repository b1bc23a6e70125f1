/* safe.c - restricted mode, idle logout, signals (see safe.h). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/config.h"
#include "common/safe.h"

static bool restricted;
static struct timespec last_activity;

/* Programs a library might start on a user's behalf: none may be. */
static const char *const program_variables[] = {
    "SHELL", "EDITOR", "VISUAL", "PAGER", "BROWSER", "LESSOPEN", "MANPAGER",
};

void safe_setup(struct config *cfg, bool flag)
{
	restricted = flag || cfg->restricted;
	cfg->restricted = restricted;
	if (!restricted)
		return;
	for (size_t i = 0;
	     i < sizeof(program_variables) / sizeof(*program_variables); i++)
		unsetenv(program_variables[i]);
	/* The print command is off unless the administrator allowed it for
	 * this mode: an empty command makes print_text refuse. */
	if (!cfg->restricted_print && cfg->print_command)
		cfg->print_command[0] = '\0';
	if (cfg->idle_logout_seconds < 0)
		cfg->idle_logout_seconds = SAFE_IDLE_DEFAULT_RESTRICTED;
}

bool safe_restricted(void)
{
	return restricted;
}

void safe_signals_install(void (*on_signal)(int))
{
	static const int ended[] = {SIGTERM, SIGHUP, SIGINT};
	static const int ignored[] = {SIGTSTP, SIGTTIN, SIGTTOU, SIGQUIT};
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	for (size_t i = 0; i < sizeof(ended) / sizeof(*ended); i++)
		sigaction(ended[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	if (!restricted)
		return;
	for (size_t i = 0; i < sizeof(ignored) / sizeof(*ignored); i++)
		sigaction(ignored[i], &sa, NULL);
}

void safe_activity(void)
{
	clock_gettime(CLOCK_MONOTONIC, &last_activity);
}

long safe_idle_due_ms(long seconds)
{
	struct timespec now;
	long long elapsed_ms, left_ms;

	if (seconds <= 0 || last_activity.tv_sec == 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &now);
	elapsed_ms = (long long)(now.tv_sec - last_activity.tv_sec) * 1000 +
		     (now.tv_nsec - last_activity.tv_nsec) / 1000000;
	left_ms = (long long)seconds * 1000 - elapsed_ms;
	return left_ms > 0 ? (long)left_ms : 0;
}

bool safe_idle_expired(long seconds)
{
	return safe_idle_due_ms(seconds) == 0;
}

bool safe_console_lacks_cjk(void)
{
	const char *term = getenv("TERM");

	return term && strncmp(term, "linux", 5) == 0;
}
