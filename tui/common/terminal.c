/* terminal.c - refuse a terminal that would show only the key bar
 * (issue 13.9). Apart from the rest: term.h's macros clash with names
 * elsewhere. */
#include <stdio.h>
#include <stdlib.h>

#include <curses.h>
#include <term.h>

#include "common/messages.h"
#include "common/terminal.h"

static bool capable(const char *name)
{
	char *cap = tigetstr(name);

	return cap && cap != (char *)-1;
}

bool terminal_open(void)
{
	const char *term = getenv("TERM");
	SCREEN *screen;

	/* One read of the terminfo entry: newterm's (initscr would exit on
	 * an unknown terminal with an English line). */
	if (!term || !*term || !(screen = newterm(NULL, stdout, stdin))) {
		fprintf(stderr, "%s\n", msg(MSG_TERM_UNKNOWN));
		return false;
	}
	if (capable("cup") && capable("clear"))
		return true;
	endwin();
	delscreen(screen);
	fprintf(stderr, msg(MSG_TERM_DUMB), term);
	return false;
}
