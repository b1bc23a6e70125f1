/* command.h - run a program (the wincased command-line verbs) for a test:
 * feed it stdin, collect its stdout and stderr, wait for it (bounded). */
#ifndef WINCASE_TEST_COMMAND_H
#define WINCASE_TEST_COMMAND_H

#include <stddef.h>

/* Run argv[0] (a path) with argv, input (may be NULL) on its stdin, and
 * its stdout and stderr together in out (NUL-terminated, truncated to
 * size). Returns the exit status, or -1 if it could not run, was killed
 * or took longer than 30 seconds. */
int test_run_command(char *const argv[], const char *input, char *out,
		     size_t size);

#endif
