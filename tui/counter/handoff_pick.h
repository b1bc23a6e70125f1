/* handoff_pick.h - the handoff target picker (screen_targets.c, issue
 * 13.5): the handoff form opens it with screen_arg.data pointing at a
 * struct handoff_pick of its own, which the picker fills. */
#ifndef WINCASE_TUI_HANDOFF_PICK_H
#define WINCASE_TUI_HANDOFF_PICK_H

#include <stdbool.h>

struct handoff_pick {
	bool chosen;
	bool department; /* else a window */
	char name[128];
};

#endif
