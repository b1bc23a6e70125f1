/* screen_training.c - the screens of training mode: the scenario list, the
 * training menu, the debrief and the trainer's progress table
 * (training_ui.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"

#include "training/training.h"
#include "training/training_ui.h"

/* A list of lines the screens scroll through (the debrief and progress
 * bodies) and a selection (the list and menu). */
struct tr_screen {
	struct training_lines lines;
	size_t selected, first, n_rows;
	int body_y, body_rows, cols;
	/* list: the user's row of it; progress: the trainer's table */
	struct net_training_progress progress;
	const struct net_training_row *mine; /* list: NULL when none */
};

static int tr_alloc(void **state)
{
	struct tr_screen *s = calloc(1, sizeof(*s));

	if (!s)
		return -1;
	*state = s;
	return 0;
}

static void tr_free(void **state)
{
	struct tr_screen *s = *state;

	if (!s)
		return;
	training_lines_free(&s->lines);
	net_training_progress_release(&s->progress);
	free(s);
	*state = NULL;
}

static void tr_layout(void *state, const struct frame_layout *frame)
{
	struct tr_screen *s = state;

	s->body_y = frame->body_y;
	s->body_rows = frame->body_rows;
	s->cols = frame->cols;
}

/* Up, Down, PgUp, PgDn over n entries; UI_IGNORED for other keys. */
static int move_key(struct tr_screen *s, int ret, wint_t ch, size_t n,
		    size_t page)
{
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	page = page ? page : 1;
	switch (ch) {
	case KEY_UP:
		s->selected = s->selected ? s->selected - 1 : 0;
		break;
	case KEY_DOWN:
		if (s->selected + 1 < n)
			s->selected++;
		break;
	case KEY_PPAGE:
		s->selected = s->selected > page ? s->selected - page : 0;
		break;
	case KEY_NPAGE:
		s->selected = s->selected + page < n ? s->selected + page
						     : (n ? n - 1 : 0);
		break;
	default:
		return UI_IGNORED;
	}
	return UI_HANDLED | UI_REDRAW;
}

static bool is_enter(int ret, wint_t ch)
{
	return (ret == OK && (ch == '\r' || ch == '\n')) ||
	       (ret == KEY_CODE_YES && ch == KEY_ENTER);
}

/* --- the scenario list --- */

static const struct screen_key list_keys[] = {
    {"Enter", MSG_KEY_START},
    {"F10", MSG_KEY_QUIT},
};

static void list_best_load(struct tr_screen *s, struct app *app)
{
	net_training_progress_release(&s->progress);
	training_ui_progress(&s->progress);
	s->mine = net_training_progress_find(&s->progress, app->user.username);
}

static int list_open(struct app *app, const struct screen_arg *arg,
		     void **state)
{
	(void)arg;
	if (tr_alloc(state))
		return -1;
	list_best_load(*state, app);
	if (training_ui_count() == 0)
		app_message(app, true, "%s", msg(MSG_TR_NO_SCENARIOS));
	return 0;
}

static void list_row(struct tr_screen *s, WINDOW *win, int y,
		     const struct training_scenario *sc, attr_t attr)
{
	char id[16], rules[40] = "", best[32];
	int have = net_training_best_score(s->mine, sc->id);
	int w = s->cols - 2 - 6 - 10 - 10;

	snprintf(id, sizeof(id), "%.*s", (int)strcspn(sc->id, "_"), sc->id);
	for (size_t i = 0; i < sc->n_rules; i++)
		snprintf(rules + strlen(rules), sizeof(rules) - strlen(rules),
			 "%s%s", i ? "," : "", sc->rules[i]);
	if (have >= 0)
		snprintf(best, sizeof(best), "%d/%d", have, sc->max_points);
	else
		snprintf(best, sizeof(best), "%s", msg(MSG_TR_NOT_TRIED));
	table_draw_cell(win, y, 0, 2, "", attr);
	table_draw_cell(win, y, 2, 6, id, attr);
	table_draw_cell(win, y, 8, w, sc->title, attr);
	table_draw_cell(win, y, 8 + w, 10, rules, attr);
	table_draw_cell(win, y, 18 + w, s->cols - 18 - w, best, attr);
}

static void list_draw(void *state, struct app *app, WINDOW *win)
{
	struct tr_screen *s = state;
	struct training_lines head = {0};
	size_t n = training_ui_count();
	int y, rows;

	(void)app;
	training_lines_add(&head, msg(MSG_TR_LIST_HEAD), s->cols - 2, 0);
	for (size_t i = 0; i < head.n && i < 2; i++)
		table_draw_cell(win, s->body_y + (int)i, 1, s->cols - 1,
				head.text[i], theme_attr(THEME_HINT));
	training_lines_free(&head);
	y = s->body_y + 3;
	rows = s->body_rows - 3;
	s->n_rows = rows > 1 ? (size_t)rows : 1;
	if (s->selected < s->first)
		s->first = s->selected;
	if (s->selected >= s->first + s->n_rows)
		s->first = s->selected - s->n_rows + 1;
	for (size_t i = s->first; i < n && (int)(i - s->first) < rows; i++)
		list_row(s, win, y + (int)(i - s->first),
			 training_ui_scenario(i),
			 theme_attr(i == s->selected ? THEME_SELECTED
						     : THEME_NORMAL));
}

static int list_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct tr_screen *s = state;

	if (is_enter(ret, ch)) {
		if (training_ui_begin(app, s->selected) == 0)
			app_replace(app, &screen_home, NULL);
		return UI_HANDLED | UI_REDRAW;
	}
	return move_key(s, ret, ch, training_ui_count(), s->n_rows);
}

const struct screen_ops screen_training_list = {
    .name = "training_list",
    .title = MSG_TR_LIST_TITLE,
    .help = MSG_HELP_TRAINING,
    .keys = list_keys,
    .n_keys = sizeof(list_keys) / sizeof(*list_keys),
    .open = list_open,
    .layout = tr_layout,
    .draw = list_draw,
    .key = list_key,
    .free = tr_free,
};

/* --- the training menu --- */

enum menu_entry { M_PANEL, M_HINT, M_TRAVEL, M_DEBRIEF, M_ABANDON, M_COUNT };

static const struct screen_key menu_keys[] = {
    {"Enter", MSG_KEY_CHOOSE},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static int menu_open(struct app *app, const struct screen_arg *arg,
		     void **state)
{
	(void)arg;
	(void)app;
	if (!training_ui_current())
		return -1;
	return tr_alloc(state);
}

static void menu_text(enum menu_entry e, char *out, size_t size)
{
	const struct training_scenario *sc = training_ui_current();
	int days = sc ? sc->travel_days : 0;

	switch (e) {
	case M_PANEL:
		snprintf(out, size, "%s", msg(MSG_TR_MENU_PANEL));
		break;
	case M_HINT:
		snprintf(out, size, "%s", msg(MSG_TR_MENU_HINT));
		break;
	case M_TRAVEL:
		if (days > 0)
			snprintf(out, size, msg(MSG_TR_MENU_TRAVEL), days);
		else
			snprintf(out, size, "%s", msg(MSG_TR_TRAVEL_NONE));
		break;
	case M_DEBRIEF:
		snprintf(out, size, "%s", msg(MSG_TR_MENU_DEBRIEF));
		break;
	default:
		snprintf(out, size, "%s", msg(MSG_TR_MENU_ABANDON));
		break;
	}
}

static void menu_draw(void *state, struct app *app, WINDOW *win)
{
	struct tr_screen *s = state;
	const struct training_scenario *sc = training_ui_current();
	char line[300], text[240];

	(void)app;
	if (sc)
		table_draw_cell(win, s->body_y, 2, s->cols - 2, sc->title,
				theme_attr(THEME_LABEL) | A_BOLD);
	for (int e = 0; e < M_COUNT; e++) {
		menu_text((enum menu_entry)e, text, sizeof(text));
		snprintf(line, sizeof(line), " %d  %s", e + 1, text);
		table_draw_cell(win, s->body_y + 2 + e, 2, s->cols - 4, line,
				theme_attr((size_t)e == s->selected
					       ? THEME_SELECTED
					       : THEME_NORMAL));
	}
	table_draw_cell(win, s->body_y + 3 + M_COUNT, 2, s->cols - 2,
			msg(MSG_TR_MENU_HELP), theme_attr(THEME_HINT));
}

static void menu_do(struct app *app, enum menu_entry e)
{
	switch (e) {
	case M_PANEL:
		training_ui_panel_toggle();
		app_pop(app);
		break;
	case M_HINT:
		training_ui_hint(app);
		app_pop(app);
		break;
	case M_TRAVEL:
		training_ui_travel(app);
		app_pop(app);
		break;
	case M_DEBRIEF:
		if (training_ui_finish(app))
			app_reset(app, &screen_training_debrief, NULL);
		break;
	default:
		training_ui_abandon();
		app_message_clear(app);
		app_reset(app, &screen_training_list, NULL);
		break;
	}
}

static int menu_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct tr_screen *s = state;

	if (ret == OK && ch == KEY_ESC) {
		app_pop(app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == OK && ch >= '1' && ch < '1' + M_COUNT) {
		menu_do(app, (enum menu_entry)(ch - '1'));
		return UI_HANDLED | UI_REDRAW;
	}
	if (is_enter(ret, ch)) {
		menu_do(app, (enum menu_entry)s->selected);
		return UI_HANDLED | UI_REDRAW;
	}
	return move_key(s, ret, ch, M_COUNT, 1);
}

const struct screen_ops screen_training_menu = {
    .name = "training_menu",
    .title = MSG_TR_MENU_TITLE,
    .help = MSG_HELP_TRAINING,
    .keys = menu_keys,
    .n_keys = sizeof(menu_keys) / sizeof(*menu_keys),
    .open = menu_open,
    .layout = tr_layout,
    .draw = menu_draw,
    .key = menu_key,
    .free = tr_free,
};

/* --- the debrief --- */

static const struct screen_key debrief_keys[] = {
    {"Enter", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static void debrief_check(struct training_lines *l,
			  const struct training_check_result *c, int width)
{
	const char *rule = c->check->rule;
	char line[TRAINING_LINE_MAX];

	snprintf(line, sizeof(line), msg(MSG_TR_CHECK_LINE),
		 msg(c->passed ? MSG_TR_PASSED : MSG_TR_FAILED),
		 rule ? rule : "", training_ui_rule_name(rule), c->points,
		 c->check->points);
	training_lines_add(l, line, width, 4);
	snprintf(line, sizeof(line), "    %s", c->check->explain);
	training_lines_add(l, line, width, 4);
	if (c->found[0]) {
		snprintf(line, sizeof(line), msg(MSG_TR_FOUND), c->found);
		training_lines_add(l, line, width, 4);
	}
}

static void debrief_build(struct tr_screen *s)
{
	const struct training_debrief *d = training_ui_last_result();
	const struct training_result *r = d ? &d->result : NULL;
	int width = s->cols - 2;
	char line[TRAINING_LINE_MAX];

	training_lines_free(&s->lines);
	if (!d)
		return;
	snprintf(line, sizeof(line), "%s  %s", d->sc->id, d->sc->title);
	training_lines_add(&s->lines, line, width, 2);
	snprintf(line, sizeof(line), msg(MSG_TR_SCORE), r->score, r->max_points,
		 r->earned, r->hint_cost, r->seconds / 60, r->seconds % 60);
	training_lines_add(&s->lines, line, width, 2);
	for (size_t i = 0; i < r->n; i++)
		debrief_check(&s->lines, &r->results[i], width);
}

static void debrief_layout(void *state, const struct frame_layout *frame)
{
	tr_layout(state, frame);
	debrief_build(state);
}

static int debrief_open(struct app *app, const struct screen_arg *arg,
			void **state)
{
	(void)arg;
	(void)app;
	return training_ui_last_result() ? tr_alloc(state) : -1;
}

/* The lines from s->first, one per row (the debrief and progress). */
static void lines_draw(struct tr_screen *s, WINDOW *win, int from_row)
{
	int rows = s->body_rows - from_row;

	s->n_rows = rows > 1 ? (size_t)rows : 1;
	if (s->lines.n > s->n_rows && s->first > s->lines.n - s->n_rows)
		s->first = s->lines.n - s->n_rows;
	for (int r = 0; r < rows && s->first + (size_t)r < s->lines.n; r++) {
		const char *t = s->lines.text[s->first + (size_t)r];
		enum theme_role role = THEME_NORMAL;

		if (strstr(t, msg(MSG_TR_FAILED)) == t)
			role = THEME_ERROR;
		table_draw_cell(win, s->body_y + from_row + r, 1, s->cols - 1,
				t, theme_attr(role));
	}
}

static void debrief_draw(void *state, struct app *app, WINDOW *win)
{
	(void)app;
	lines_draw(state, win, 0);
}

/* Scrolling: the first line shown moves. */
static int scroll_key(struct tr_screen *s, int ret, wint_t ch)
{
	size_t max = s->lines.n > s->n_rows ? s->lines.n - s->n_rows : 0;
	int r;

	s->selected = s->first;
	r = move_key(s, ret, ch, max + 1, s->n_rows);
	s->first = s->selected;
	return r;
}

static int debrief_key(void *state, struct app *app, int ret, wint_t ch)
{
	if (is_enter(ret, ch) || (ret == OK && ch == KEY_ESC)) {
		app_message_clear(app);
		app_replace(app, &screen_training_list, NULL);
		return UI_HANDLED | UI_REDRAW;
	}
	return scroll_key(state, ret, ch);
}

const struct screen_ops screen_training_debrief = {
    .name = "training_debrief",
    .title = MSG_TR_DEBRIEF_TITLE,
    .help = MSG_HELP_TRAINING,
    .keys = debrief_keys,
    .n_keys = sizeof(debrief_keys) / sizeof(*debrief_keys),
    .open = debrief_open,
    .layout = debrief_layout,
    .draw = debrief_draw,
    .key = debrief_key,
    .free = tr_free,
};

/* --- the trainer's progress table --- */

static const struct screen_key progress_keys[] = {
    {"F5", MSG_KEY_REFRESH},
    {"F10", MSG_KEY_QUIT},
};

/* Appends text to line in a cell of cols columns (measured, never half a
 * character), right-aligned when right. */
static void cell_add(char *line, size_t size, const char *text, int cols,
		     bool right)
{
	int w;
	size_t n = text_cut(text, cols, &w), len = strlen(line);

	snprintf(line + len, size - len, "%*s%.*s%*s ", right ? cols - w : 0,
		 "", (int)n, text, right ? 0 : cols - w, "");
}

static void progress_row(struct tr_screen *s,
			 const struct net_training_row *row)
{
	char line[TRAINING_LINE_MAX] = "", cell[64];

	cell_add(line, sizeof(line), row->trainee, 12, false);
	snprintf(cell, sizeof(cell), "%ld", row->attempts);
	cell_add(line, sizeof(line), cell, 8, true);
	snprintf(cell, sizeof(cell), "%zu", row->n_best);
	cell_add(line, sizeof(line), cell, 8, true);
	snprintf(cell, sizeof(cell), "%ld/%ld", row->best_total,
		 row->max_total);
	cell_add(line, sizeof(line), cell, 12, true);
	snprintf(cell, sizeof(cell), "%ld:%02ld", row->seconds / 60,
		 row->seconds % 60);
	cell_add(line, sizeof(line), cell, 8, true);
	training_lines_add(&s->lines, line, s->cols - 2, 2);
	line[0] = '\0';
	for (size_t i = 0; i < row->n_best; i++) {
		const char *id = row->best[i].scenario;

		snprintf(line + strlen(line), sizeof(line) - strlen(line),
			 "  %.*s %d", (int)strcspn(id, "_"), id,
			 row->best[i].score);
	}
	training_lines_add(&s->lines, line, s->cols - 2, 2);
}

static void progress_build(struct tr_screen *s)
{
	char line[TRAINING_LINE_MAX] = "";

	training_lines_free(&s->lines);
	cell_add(line, sizeof(line), msg(MSG_TR_COL_TRAINEE), 12, false);
	cell_add(line, sizeof(line), msg(MSG_TR_COL_ATTEMPTS), 8, true);
	cell_add(line, sizeof(line), msg(MSG_TR_COL_SCENARIOS), 8, true);
	cell_add(line, sizeof(line), msg(MSG_TR_COL_TOTAL), 12, true);
	cell_add(line, sizeof(line), msg(MSG_TR_COL_TIME), 8, true);
	training_lines_add(&s->lines, line, s->cols - 2, 2);
	if (s->progress.n == 0)
		training_lines_add(&s->lines, msg(MSG_TR_PROGRESS_EMPTY),
				   s->cols - 2, 2);
	for (size_t i = 0; i < s->progress.n; i++)
		progress_row(s, &s->progress.rows[i]);
}

static void progress_load(struct tr_screen *s)
{
	net_training_progress_release(&s->progress);
	training_ui_progress(&s->progress);
}

static int progress_open(struct app *app, const struct screen_arg *arg,
			 void **state)
{
	(void)arg;
	(void)app;
	if (tr_alloc(state))
		return -1;
	progress_load(*state);
	return 0;
}

static void progress_layout(void *state, const struct frame_layout *frame)
{
	tr_layout(state, frame);
	progress_build(state);
}

static void progress_draw(void *state, struct app *app, WINDOW *win)
{
	struct tr_screen *s = state;

	(void)app;
	table_draw_cell(win, s->body_y, 1, s->cols - 1,
			msg(MSG_TR_PROGRESS_HEAD), theme_attr(THEME_HINT));
	s->body_y++;
	s->body_rows--;
	lines_draw(s, win, 1);
	s->body_y--;
	s->body_rows++;
}

static int progress_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct tr_screen *s = state;

	(void)app;
	if (ret == KEY_CODE_YES && ch == KEY_F(5)) {
		progress_load(s);
		progress_build(s);
		return UI_HANDLED | UI_REDRAW;
	}
	return scroll_key(s, ret, ch);
}

const struct screen_ops screen_training_progress = {
    .name = "training_progress",
    .title = MSG_TR_PROGRESS_TITLE,
    .help = MSG_HELP_TRAINING,
    .keys = progress_keys,
    .n_keys = sizeof(progress_keys) / sizeof(*progress_keys),
    .open = progress_open,
    .layout = progress_layout,
    .draw = progress_draw,
    .key = progress_key,
    .free = tr_free,
};
