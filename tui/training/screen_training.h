/* screen_training.h - what the training screens (screen_training.c,
 * screen_training_class.c) share: their state and its helpers. */
#ifndef WINCASE_TUI_SCREEN_TRAINING_H
#define WINCASE_TUI_SCREEN_TRAINING_H

#include "wincase/list.h"

#include "training/training_ui.h"

/* A list (the scenarios, the menu, the trainer's tables: list.h) or lines
 * scrolled by first line (the debrief). */
struct tr_screen {
	struct list list;
	struct training_lines lines;
	int first; /* the debrief's first line shown */
	int body_y, body_rows, cols;
	/* the results of the class; the scenario list: the user's row */
	struct net_training_class cls;
	const struct net_training_class_row *mine; /* NULL when none */
	char trainee[64]; /* the trainee screen's trainee */
};

/* A zeroed state in *state; -1 when out of memory. */
int tr_alloc(void **state);
void tr_free(void **state);
void tr_layout(void *state, const struct frame_layout *frame);
/* A list below two lines of text and a blank (then its header). */
void tr_layout_headed(void *state, const struct frame_layout *frame);
/* text cut into at most two lines at the top of the body. */
void tr_head_draw(const struct tr_screen *s, WINDOW *win, const char *text);
/* A scenario's short id, "t01" of "t01_inquiry_answered". */
void tr_short_id(char *out, size_t size, const char *id);
bool tr_is_enter(int ret, wint_t ch);
/* The column titles of a table at the list's header row. */
void tr_header_draw(const struct tr_screen *s, WINDOW *win,
		    const enum msg_id *titles, size_t n);

#endif
