/* screen_help.c - the keys of every screen and the help of the screen it
 * was opened from; Esc or F1 closes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

struct help {
	char *text; /* the screen's help, then the general part */
	size_t first_line;
	size_t n_lines;
	int top, rows, cols;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_BACK},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static int help_open(struct app *app, const struct screen_arg *arg,
		     void **state)
{
	struct help *s = calloc(1, sizeof(*s));
	const struct screen_ops *below = app->stack[app->depth - 1].ops;
	const char *general = msg(MSG_HELP_GENERAL), *own = msg(below->help);
	size_t len = strlen(own) + 1 + strlen(general) + 1;

	(void)arg;
	if (!s)
		return -1;
	s->text = malloc(len);
	if (!s->text) {
		free(s);
		return -1;
	}
	snprintf(s->text, len, "%s\n%s", own, general);
	for (const char *p = s->text; *p; p++)
		if (*p == '\n')
			s->n_lines++;
	*state = s;
	return 0;
}

static void help_layout(void *state, const struct frame_layout *frame)
{
	struct help *s = state;

	s->top = frame->body_y;
	s->rows = frame->body_rows;
	s->cols = frame->cols;
}

static void help_draw(void *state, struct app *app, WINDOW *win)
{
	struct help *s = state;
	const char *line = s->text, *end;
	char buf[512];
	size_t n = 0;
	int y = s->top;

	(void)app;
	while (*line && y < s->top + s->rows) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		if (n++ >= s->first_line) {
			snprintf(buf, sizeof(buf), "%.*s", (int)(end - line),
				 line);
			table_draw_cell(win, y++, 2, s->cols - 4, buf,
					theme_attr(buf[0] == ' '
						       ? THEME_NORMAL
						       : THEME_TITLE));
		}
		line = *end ? end + 1 : end;
	}
}

static int help_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct help *s = state;

	if (ret == OK && (ch == KEY_ESC || ch == 'q')) {
		app_pop(app);
		return UI_HANDLED;
	}
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	if (ch == KEY_DOWN && s->first_line + 1 < s->n_lines)
		s->first_line++;
	else if (ch == KEY_UP && s->first_line > 0)
		s->first_line--;
	else
		return UI_IGNORED;
	return UI_HANDLED | UI_REDRAW;
}

static void help_free(void **state)
{
	struct help *s = *state;

	if (!s)
		return;
	free(s->text);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_help = {
    .name = "help",
    .title = MSG_HELP_TITLE,
    .help = MSG_HELP_GENERAL,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = help_open,
    .layout = help_layout,
    .draw = help_draw,
    .key = help_key,
    .free = help_free,
};
