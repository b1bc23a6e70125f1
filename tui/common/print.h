/* print.h - printing and saving documents (notices, commitments).
 *
 * The print command comes from wincase.conf ("lp" by default). It is split
 * on blanks into an argv list and run with posix_spawnp, never through a
 * shell; the document goes to its standard input: the server's PDF, or the
 * text when there is none. Saved copies are files in the data folder (mode
 * 0600, written to a temporary name and renamed). */
#ifndef WINCASE_TUI_PRINT_H
#define WINCASE_TUI_PRINT_H

#include <stddef.h>

#include "wincase/error.h"

#define PRINT_MAX_ARGS 16

/* Splits command on blanks into argv (at most PRINT_MAX_ARGS - 1 words,
 * NULL-terminated), pointing into buf (size bytes). "..." and '...' keep
 * blanks in a word (lp -d "Front Desk"); inside "..." \" and \\ stand for
 * " and \. Nothing else is special: no shell ever reads it. Returns the
 * number of words; 0 for an empty command, a quote left open or no room.
 * Pure. */
size_t print_split(const char *command, char *buf, size_t size,
		   char *argv[PRINT_MAX_ARGS]);

/* Runs the print command with text on its standard input and waits for
 * it. -1 with err ("print_failed", the command's name in message) when it
 * cannot start or exits with a status other than 0. */
int print_text(const char *command, const char *text, struct wc_error *err);

/* Runs the print command with the bytes of a PDF on its standard input
 * (CUPS lp takes PDF). The mark is the server's to draw (培训样张 on a
 * training server's documents). Errors as print_text. */
int print_pdf(const char *command, const char *pdf, size_t len,
	      struct wc_error *err);

/* Writes text to data_dir/name (a leading "~/" of data_dir is the home
 * folder); creates data_dir (0700) when needed. The full path goes to
 * path_out. -1 with err ("save_failed"). */
int print_save(const char *data_dir, const char *name, const char *text,
	       char *path_out, size_t path_size, struct wc_error *err);

/* The same for the len bytes of a PDF, as they are. */
int print_save_pdf(const char *data_dir, const char *name, const char *pdf,
		   size_t len, char *path_out, size_t path_size,
		   struct wc_error *err);

/* A mark (培训样张 in training mode, NULL for none; borrowed) that
 * print_text and print_save put across every document: a line of it at
 * the top, after every PRINT_MARK_EVERY lines and at the end. */
#define PRINT_MARK_EVERY 8
void print_set_mark(const char *mark);
/* text with the mark across it (new string, free it), or a copy of text
 * when no mark is set; NULL when out of memory. */
char *print_marked(const char *text);

#endif
