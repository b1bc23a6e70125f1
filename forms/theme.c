/* theme.c - colour roles (htop style): every role has a colour scheme and
 * a monochrome one, chosen once after initscr. Nothing relies on colour
 * alone: the monochrome attributes also carry the meaning. */
#include "wincase/forms.h"

struct role_style {
	short fg, bg;  /* -1: the terminal's default */
	attr_t colour; /* extra attributes with colour */
	attr_t mono;   /* attributes without colour */
};

static const struct role_style styles[THEME_COUNT] = {
    [THEME_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [THEME_STATUS] = {COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE},
    [THEME_STATUS_ALERT] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [THEME_TITLE] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [THEME_KEYBAR] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_NORMAL},
    [THEME_KEYBAR_KEY] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_REVERSE},
    [THEME_LABEL] = {-1, -1, A_NORMAL, A_NORMAL},
    [THEME_INPUT] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
    /* Reverse, not a colour pair: a key typed costs one SGR and sgr0, not
     * setaf+setab and op+sgr0 (bytes per key on slow links). */
    [THEME_INPUT_FOCUS] = {-1, -1, A_REVERSE, A_REVERSE},
    /* Plain, so that a typed key costs its character alone (lineedit.c). */
    [THEME_INPUT_TEXT] = {-1, -1, A_NORMAL, A_NORMAL},
    [THEME_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [THEME_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [THEME_HINT] = {COLOR_YELLOW, -1, A_NORMAL, A_NORMAL},
    [THEME_HEADER] = {-1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
};

static attr_t attrs[THEME_COUNT];
static bool with_colour;

void theme_init(bool colour)
{
	with_colour = colour && has_colors() && start_color() == OK;
	if (with_colour && use_default_colors() != OK)
		with_colour = false;
	for (int i = 0; i < THEME_COUNT; i++) {
		const struct role_style *s = &styles[i];

		if (!with_colour) {
			attrs[i] = s->mono;
			continue;
		}
		if (s->fg == -1 && s->bg == -1) {
			attrs[i] = s->colour;
			continue;
		}
		init_pair((short)(i + 1), s->fg, s->bg);
		attrs[i] = COLOR_PAIR(i + 1) | s->colour;
	}
}

attr_t theme_attr(enum theme_role role)
{
	return role < THEME_COUNT ? attrs[role] : A_NORMAL;
}
