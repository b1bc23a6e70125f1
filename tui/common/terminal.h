/* terminal.h - is this terminal one the client can draw on? (13.9) */
#ifndef WINCASE_TUI_TERMINAL_H
#define WINCASE_TUI_TERMINAL_H

#include <stdbool.h>

/* Starts curses on stdout (newterm) and returns true; false, with curses
 * not started and a Chinese sentence on stderr saying which terminals
 * work, for a terminal that cannot place the cursor (TERM=dumb) or is
 * unknown. */
bool terminal_open(void);

#endif
