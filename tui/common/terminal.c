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

bool terminal_usable(void)
{
	const char *term = getenv("TERM");
	int err = 0;
	bool ok;

	if (!term || !*term || setupterm(term, fileno(stdout), &err) != OK) {
		fprintf(stderr, "%s\n", msg(MSG_TERM_UNKNOWN));
		return false;
	}
	ok = capable("cup") && capable("clear");
	del_curterm(cur_term);
	if (!ok)
		fprintf(stderr, msg(MSG_TERM_DUMB), term);
	return ok;
}
