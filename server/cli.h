/* cli.h - the command-line verbs for administrators on the server host
 * (DESIGN.md 5): user-add, import-catalog, import-calendar, audit-verify,
 * backup. */
#ifndef WINCASED_CLI_H
#define WINCASED_CLI_H

/* The verbs' part of `wincased --help`. */
extern const char cli_usage[];

/* Run the verb named by argv[1]: its exit status (0 done, 1 failed or a
 * broken audit chain, 2 usage), or -1 when argv[1] is not a verb. */
int cli_run(int argc, char **argv);

#endif
