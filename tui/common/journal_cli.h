/* journal_cli.h - wincase journal list|replay|export: the clerk's offline
 * journal from the command line, for support staff (issue 12). */
#ifndef WINCASE_TUI_JOURNAL_CLI_H
#define WINCASE_TUI_JOURNAL_CLI_H

/* argv[0] is "journal". The password is read from standard input (one
 * line; not echoed on a terminal). Exit status: 0 done, 1 failed (the
 * message says why), 2 bad usage. */
int journal_cli_main(int argc, char **argv);

#endif
