/* args.h - wincase's command line (getopt_long), apart from main.c so
 * that the unit tests can run it. */
#ifndef WINCASE_TUI_ARGS_H
#define WINCASE_TUI_ARGS_H

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses of wincase (documented in wincase(1)). */
enum client_exit {
	CLIENT_EXIT_OK = 0,
	CLIENT_EXIT_USAGE = 2,	/* bad option or configuration */
	CLIENT_EXIT_LOCALE = 3, /* the locale is not UTF-8 */
};

struct client_args {
	const char *server;
	const char *config;
	bool restricted;
	bool training;
	bool help;
	bool version;
};

/* Parse argv into *a (zeroed first). 0 on success; -1 after a message on
 * err for an unknown option, a missing value or an operand. Resets
 * getopt. */
int args_parse(int argc, char **argv, struct client_args *a, FILE *err);
void args_usage(FILE *out);

#endif
