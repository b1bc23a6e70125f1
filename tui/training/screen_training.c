/* screen_training.c - the screens of training mode: the scenario list, the
 * training menu, the debrief and the trainer's progress table
 * (training_ui.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/list.h"
#include "wincase/text.h"

#include "common/case_util.h"

#include "training/screen_training.h"
#include "training/training.h"

int tr_alloc(void **state)
{
	struct tr_screen *s = calloc(1, sizeof(*s));

	if (!s)
		return -1;
	*state = s;
	return 0;
}

void tr_free(void **state)
{
	struct tr_screen *s = *state;

	if (!s)
		return;
	training_lines_free(&s->lines);
	net_training_class_release(&s->cls);
	list_release(&s->list);
	free(s);
	*state = NULL;
}

void tr_layout(void *state, const struct frame_layout *frame)
{
	struct tr_screen *s = state;

	s->body_y = frame->body_y;
	s->body_rows = frame->body_rows;
	s->cols = frame->cols;
}

bool tr_is_enter(int ret, wint_t ch)
{
	return (ret == OK && (ch == '\r' || ch == '\n')) ||
	       (ret == KEY_CODE_YES && ch == KEY_ENTER);
}

/* --- the scenario list --- */

static const struct screen_key list_keys[] = {
    {"Enter", MSG_KEY_START},
    {"F10", MSG_KEY_QUIT},
};

enum { SC_ID, SC_TITLE, SC_RULES, SC_BEST, SC_COUNT };

static const struct column_def scenario_columns[SC_COUNT] = {
    [SC_ID] = {.min = 4, .max = 6, .weight = 0},
    [SC_TITLE] = {.min = 16, .max = 0, .weight = 1},
    [SC_RULES] = {.min = 8, .max = 12, .weight = 0},
    [SC_BEST] = {.min = 8, .max = 10, .weight = 0},
};

static void scenarios_best_load(struct tr_screen *s, struct app *app)
{
	net_training_class_release(&s->cls);
	training_ui_class(&s->cls);
	s->mine = net_training_class_find(&s->cls, app->user.username);
}

static int scenarios_open(struct app *app, const struct screen_arg *arg,
			  void **state)
{
	struct tr_screen *s;

	(void)arg;
	if (tr_alloc(state))
		return -1;
	s = *state;
	list_init(&s->list, scenario_columns, SC_COUNT, LIST_MARK_HIGHLIGHT);
	list_set_count(&s->list, training_ui_count());
	scenarios_best_load(s, app);
	if (training_ui_count() == 0)
		app_message(app, true, "%s", msg(MSG_TR_NO_SCENARIOS));
	return 0;
}

void tr_layout_headed(void *state, const struct frame_layout *frame)
{
	struct tr_screen *s = state;

	tr_layout(state, frame);
	list_layout(&s->list, frame->body_y + 4, frame->body_rows - 4,
		    frame->cols);
}

void tr_head_draw(const struct tr_screen *s, WINDOW *win, const char *text)
{
	struct training_lines head = {0};

	training_lines_add(&head, text, s->cols - 2, 0);
	for (size_t i = 0; i < head.n && i < 2; i++)
		table_draw_cell(win, s->body_y + (int)i, 1, s->cols - 1,
				head.text[i], theme_attr(THEME_HINT));
	training_lines_free(&head);
}

void tr_short_id(char *out, size_t size, const char *id)
{
	snprintf(out, size, "%.*s", (int)strcspn(id, "_"), id);
}

static void scenario_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct tr_screen *s = ctx;
	const struct training_scenario *sc = training_ui_scenario(i);
	int have =
	    s->mine && i < s->cls.n_scenarios ? s->mine->per[i].best : -1;
	char *rules = row->buf[SC_RULES];

	tr_short_id(row->buf[SC_ID], LIST_CELL_BYTES, sc->id);
	rules[0] = '\0';
	for (size_t r = 0; r < sc->n_rules; r++)
		snprintf(rules + strlen(rules), LIST_CELL_BYTES - strlen(rules),
			 "%s%s", r ? "," : "", sc->rules[r]);
	if (have >= 0)
		snprintf(row->buf[SC_BEST], LIST_CELL_BYTES, "%d/%d", have,
			 sc->max_points);
	else
		snprintf(row->buf[SC_BEST], LIST_CELL_BYTES, "%s",
			 msg(MSG_TR_NOT_TRIED));
	row->cells[SC_ID] = row->buf[SC_ID];
	row->cells[SC_TITLE] = sc->title;
	row->cells[SC_RULES] = rules;
	row->cells[SC_BEST] = row->buf[SC_BEST];
}

void tr_header_draw(const struct tr_screen *s, WINDOW *win,
		    const enum msg_id *titles, size_t n)
{
	const char *cells[LIST_MAX_COLUMNS];

	for (size_t c = 0; c < n; c++)
		cells[c] = msg(titles[c]);
	list_draw_header(&s->list, win, s->list.y - 1, cells);
}

static void scenarios_draw(void *state, struct app *app, WINDOW *win)
{
	static const enum msg_id titles[SC_COUNT] = {
	    MSG_TR_COL_ID, MSG_TR_COL_TITLE, MSG_TR_COL_RULES, MSG_TR_COL_BEST};
	struct tr_screen *s = state;

	(void)app;
	tr_head_draw(s, win, msg(MSG_TR_LIST_HEAD));
	tr_header_draw(s, win, titles, SC_COUNT);
	list_draw(&s->list, win, scenario_cells, s);
}

static int scenarios_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct tr_screen *s = state;
	size_t i;

	if (tr_is_enter(ret, ch)) {
		if (list_current(&s->list, &i) &&
		    training_ui_begin(app, i) == 0)
			app_replace(app, &screen_home, NULL);
		return UI_HANDLED | UI_REDRAW;
	}
	return list_key(&s->list, ret, ch);
}

const struct screen_ops screen_training_list = {
    .name = "training_list",
    .title = MSG_TR_LIST_TITLE,
    .help = MSG_HELP_TRAINING,
    .keys = list_keys,
    .n_keys = sizeof(list_keys) / sizeof(*list_keys),
    .open = scenarios_open,
    .layout = tr_layout_headed,
    .draw = scenarios_draw,
    .key = scenarios_key,
    .free = tr_free,
};

/* --- the training menu --- */

enum menu_entry { M_PANEL, M_HINT, M_TRAVEL, M_DEBRIEF, M_ABANDON, M_COUNT };

static const struct screen_key menu_keys[] = {
    {"Enter", MSG_KEY_CHOOSE},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static const struct column_def menu_column = {.min = 20, .max = 0, .weight = 1};

static int menu_open(struct app *app, const struct screen_arg *arg,
		     void **state)
{
	struct tr_screen *s;

	(void)arg;
	(void)app;
	if (!training_ui_current() || tr_alloc(state))
		return -1;
	s = *state;
	list_init(&s->list, &menu_column, 1, LIST_MARK_HIGHLIGHT);
	list_set_count(&s->list, M_COUNT);
	return 0;
}

/* The title, a blank, the entries, a blank, the help line. */
static void menu_layout(void *state, const struct frame_layout *frame)
{
	struct tr_screen *s = state;

	tr_layout(state, frame);
	list_layout(&s->list, frame->body_y + 2, M_COUNT, frame->cols - 2);
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

static void menu_cells(void *ctx, size_t e, struct list_row *row)
{
	char text[240];

	(void)ctx;
	menu_text((enum menu_entry)e, text, sizeof(text));
	snprintf(row->buf[0], LIST_CELL_BYTES, " %zu  %s", e + 1, text);
	row->cells[0] = row->buf[0];
}

static void menu_draw(void *state, struct app *app, WINDOW *win)
{
	struct tr_screen *s = state;
	const struct training_scenario *sc = training_ui_current();

	(void)app;
	if (sc)
		table_draw_cell(win, s->body_y, 2, s->cols - 2, sc->title,
				theme_attr(THEME_LABEL) | A_BOLD);
	list_draw(&s->list, win, menu_cells, s);
	table_draw_cell(win, s->body_y + 3 + M_COUNT, 2, s->cols - 2,
			msg(MSG_TR_MENU_HELP), theme_attr(THEME_HINT));
}

static void menu_do(struct app *app, enum menu_entry e)
{
	switch (e) {
	case M_PANEL:
		training_ui_panel_toggle(app);
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
	if (tr_is_enter(ret, ch)) {
		size_t e;

		if (list_current(&s->list, &e))
			menu_do(app, (enum menu_entry)e);
		return UI_HANDLED | UI_REDRAW;
	}
	return list_key(&s->list, ret, ch);
}

const struct screen_ops screen_training_menu = {
    .name = "training_menu",
    .title = MSG_TR_MENU_TITLE,
    .help = MSG_HELP_TRAINING,
    .keys = menu_keys,
    .n_keys = sizeof(menu_keys) / sizeof(*menu_keys),
    .open = menu_open,
    .layout = menu_layout,
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
	if (d->trainee[0] && training_ui_debrief_stored()) {
		snprintf(line, sizeof(line), msg(MSG_TR_DEBRIEF_OF),
			 d->trainee);
		training_lines_add(&s->lines, line, width, 2);
	}
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

/* The lines from s->first, one per row; a failed check in red. */
static void debrief_draw(void *state, struct app *app, WINDOW *win)
{
	struct tr_screen *s = state;
	int last =
	    (int)s->lines.n > s->body_rows ? (int)s->lines.n - s->body_rows : 0;

	(void)app;
	s->first = s->first < 0 ? 0 : s->first > last ? last : s->first;
	for (int r = 0; r < s->body_rows && s->first + r < (int)s->lines.n;
	     r++) {
		const char *t = s->lines.text[s->first + r];
		enum theme_role role = THEME_NORMAL;

		if (strstr(t, msg(MSG_TR_FAILED)) == t)
			role = THEME_ERROR;
		table_draw_cell(win, s->body_y + r, 1, s->cols - 1, t,
				theme_attr(role));
	}
}

static int debrief_key(void *state, struct app *app, int ret, wint_t ch)
{
	if (tr_is_enter(ret, ch) || (ret == OK && ch == KEY_ESC)) {
		app_message_clear(app);
		if (training_ui_debrief_stored()) /* the trainer's, on top */
			app_pop(app);
		else
			app_replace(app, &screen_training_list, NULL);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	return case_text_key(&((struct tr_screen *)state)->first,
			     (int)((struct tr_screen *)state)->lines.n,
			     ((struct tr_screen *)state)->body_rows, ch);
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
