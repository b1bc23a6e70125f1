/* screen_training_class.c - the trainer's screens (issue 14.10): the class
 * (every trainee counted against every scenario, from this PC's results
 * and the shared folder's), one trainee's scenarios with attempts and the
 * checks lost, the stored debrief of one of them, and the class as CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/csv.h"
#include "common/print.h"

#include "training/screen_training.h"

/* --- the class --- */

static const struct screen_key progress_keys[] = {
    {"Enter", MSG_KEY_TR_DETAIL},
    {"F5", MSG_KEY_REFRESH},
    {"F6", MSG_KEY_TR_EXPORT},
    {"F10", MSG_KEY_QUIT},
};

/* Two rows a trainee: the figures (selectable), then the best score of
 * each scenario tried across the width. */
enum { PR_TRAINEE, PR_ATTEMPTS, PR_DONE, PR_TOTAL, PR_TIME, PR_COUNT };

static const struct column_def progress_columns[PR_COUNT] = {
    [PR_TRAINEE] = {.min = 10, .max = 16, .weight = 1},
    [PR_ATTEMPTS] = {.min = 8, .max = 10, .weight = 0},
    [PR_DONE] = {.min = 8, .max = 10, .weight = 0},
    [PR_TOTAL] = {.min = 10, .max = 12, .weight = 0},
    [PR_TIME] = {.min = 6, .max = 8, .weight = 0},
};

static bool progress_selectable(const void *ctx, size_t item)
{
	(void)ctx;
	return item % 2 == 0;
}

/* "t01 100  t02 90 ...": the scenarios tried. */
static void progress_scores(const struct tr_screen *s,
			    const struct net_training_class_row *r, char *line,
			    size_t size)
{
	line[0] = '\0';
	for (size_t k = 0; k < s->cls.n_scenarios; k++) {
		char id[16];

		tr_short_id(id, sizeof(id), s->cls.scenarios[k]->id);
		if (r->per[k].best >= 0)
			snprintf(line + strlen(line), size - strlen(line),
				 "  %s %d", id, r->per[k].best);
	}
}

static void progress_cells(void *ctx, size_t item, struct list_row *row)
{
	const struct tr_screen *s = ctx;
	const struct net_training_class_row *r = &s->cls.rows[item / 2];

	if (item % 2) {
		progress_scores(s, r, row->buf[0], LIST_CELL_BYTES);
		row->span = row->buf[0];
		row->attr = theme_attr(THEME_HINT);
		return;
	}
	row->cells[PR_TRAINEE] = r->trainee;
	snprintf(row->buf[PR_ATTEMPTS], LIST_CELL_BYTES, "%ld", r->attempts);
	snprintf(row->buf[PR_DONE], LIST_CELL_BYTES, "%zu/%zu", r->done,
		 s->cls.n_scenarios);
	snprintf(row->buf[PR_TOTAL], LIST_CELL_BYTES, "%ld/%ld", r->best_total,
		 r->max_total);
	snprintf(row->buf[PR_TIME], LIST_CELL_BYTES, "%ld:%02ld",
		 r->seconds / 60, r->seconds % 60);
	for (int c = PR_ATTEMPTS; c < PR_COUNT; c++)
		row->cells[c] = row->buf[c];
}

static void progress_load(struct tr_screen *s, struct app *app)
{
	net_training_class_release(&s->cls);
	training_ui_class(&s->cls);
	list_set_count(&s->list, 2 * s->cls.n);
	if (s->cls.unreadable)
		app_message(app, true, msg(MSG_TR_UNREADABLE),
			    s->cls.unreadable);
}

static int progress_open(struct app *app, const struct screen_arg *arg,
			 void **state)
{
	struct tr_screen *s;

	(void)arg;
	if (tr_alloc(state))
		return -1;
	s = *state;
	list_init(&s->list, progress_columns, PR_COUNT, LIST_MARK_HIGHLIGHT);
	s->list.selectable = progress_selectable;
	progress_load(s, app);
	return 0;
}

/* The help line, a blank, the header, the rows. */
static void progress_layout(void *state, const struct frame_layout *frame)
{
	struct tr_screen *s = state;

	tr_layout(state, frame);
	list_layout(&s->list, frame->body_y + 3, frame->body_rows - 3,
		    frame->cols);
}

static void progress_draw(void *state, struct app *app, WINDOW *win)
{
	static const enum msg_id titles[PR_COUNT] = {
	    MSG_TR_COL_TRAINEE, MSG_TR_COL_ATTEMPTS, MSG_TR_COL_DONE,
	    MSG_TR_COL_TOTAL, MSG_TR_COL_TIME};
	struct tr_screen *s = state;

	(void)app;
	table_draw_cell(win, s->body_y, 1, s->cols - 1,
			msg(MSG_TR_PROGRESS_HEAD), theme_attr(THEME_HINT));
	tr_header_draw(s, win, titles, PR_COUNT);
	if (s->cls.n == 0)
		table_draw_cell(win, s->list.y, 2, s->cols - 2,
				msg(MSG_TR_PROGRESS_EMPTY),
				theme_attr(THEME_HINT));
	else
		list_draw(&s->list, win, progress_cells, s);
}

/* The names of the checks lost, "、" between them. */
static void lost_names(const struct training_scenario *sc,
		       const struct net_training_scenario_stat *st, char *out,
		       size_t size)
{
	out[0] = '\0';
	for (size_t i = 0; i < st->n_lost; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%s",
			 i ? "、" : "",
			 training_check_name(sc->checks[st->lost[i]].kind));
}

/* One record a trainee and scenario: who, which, attempts, best (empty
 * when not tried), out of, the checks lost, seconds. */
static int class_csv(const struct net_training_class *c, FILE *f)
{
	const char *cells[8] = {
	    msg(MSG_TR_COL_TRAINEE), msg(MSG_TR_COL_ID),
	    msg(MSG_TR_COL_TITLE),   msg(MSG_TR_COL_ATTEMPTS),
	    msg(MSG_TR_COL_BEST),    msg(MSG_TR_COL_MAX),
	    msg(MSG_TR_COL_LOST),    msg(MSG_TR_CSV_SECONDS)};
	char n[4][24], lost[LIST_CELL_BYTES];

	if (csv_begin(f) || csv_record(f, cells, 8))
		return -1;
	for (size_t r = 0; r < c->n; r++)
		for (size_t k = 0; k < c->n_scenarios; k++) {
			const struct training_scenario *sc = c->scenarios[k];
			const struct net_training_scenario_stat *st =
			    &c->rows[r].per[k];

			snprintf(n[0], sizeof(n[0]), "%ld", st->attempts);
			snprintf(n[1], sizeof(n[1]), "%d", st->best);
			snprintf(n[2], sizeof(n[2]), "%d", sc->max_points);
			snprintf(n[3], sizeof(n[3]), "%ld", st->seconds);
			lost_names(sc, st, lost, sizeof(lost));
			cells[0] = c->rows[r].trainee;
			cells[1] = sc->id;
			cells[2] = sc->title;
			cells[3] = n[0];
			cells[4] = st->best >= 0 ? n[1] : "";
			cells[5] = n[2];
			cells[6] = lost;
			cells[7] = n[3];
			if (csv_record(f, cells, 8))
				return -1;
		}
	return 0;
}

/* F6: training-class.csv in the data folder (print_save: 0600, written
 * to a temporary name and renamed), without the 培训样张 mark of
 * documents. */
static void progress_export(struct tr_screen *s, struct app *app)
{
	char *text = NULL, path[2400];
	size_t len = 0;
	struct wc_error err = {0};
	FILE *f = open_memstream(&text, &len);
	int rc = -1;

	if (f) {
		rc = class_csv(&s->cls, f);
		rc = fclose(f) || rc ? -1 : 0;
	}
	if (rc == 0) {
		print_set_mark(NULL);
		rc = print_save(app->cfg->data_dir, "training-class.csv", text,
				path, sizeof(path), &err);
		print_set_mark(msg(MSG_TR_SAMPLE));
	} else
		wc_error_set(&err, "save_failed", NULL, "out of memory");
	free(text);
	if (rc)
		app_message(app, true, msg(MSG_TR_EXPORT_FAILED), err.message);
	else
		app_message(app, false, msg(MSG_TR_EXPORTED), path);
}

static int progress_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct tr_screen *s = state;
	size_t item;

	if (ret == KEY_CODE_YES && ch == KEY_F(5)) {
		progress_load(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(6)) {
		progress_export(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (tr_is_enter(ret, ch)) {
		if (list_current(&s->list, &item) && item / 2 < s->cls.n) {
			struct screen_arg arg = {
			    .data = s->cls.rows[item / 2].trainee};

			app_push(app, &screen_training_trainee, &arg);
		}
		return UI_HANDLED | UI_REDRAW;
	}
	return list_key(&s->list, ret, ch);
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

/* --- one trainee: every scenario --- */

static const struct screen_key trainee_keys[] = {
    {"Enter", MSG_KEY_TR_DEBRIEF},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

enum { TT_ID, TT_TITLE, TT_ATTEMPTS, TT_BEST, TT_LOST, TT_COUNT };

static const struct column_def trainee_columns[TT_COUNT] = {
    [TT_ID] = {.min = 4, .max = 4, .weight = 0},
    [TT_TITLE] = {.min = 12, .max = 22, .weight = 1},
    [TT_ATTEMPTS] = {.min = 8, .max = 8, .weight = 0},
    [TT_BEST] = {.min = 8, .max = 8, .weight = 0},
    [TT_LOST] = {.min = 18, .max = 0, .weight = 2},
};

static const struct net_training_class_row *
trainee_row(const struct tr_screen *s)
{
	return net_training_class_find(&s->cls, s->trainee);
}

static void trainee_load(struct tr_screen *s)
{
	net_training_class_release(&s->cls);
	training_ui_class(&s->cls);
	list_set_count(&s->list, trainee_row(s) ? s->cls.n_scenarios : 0);
}

static int trainee_open(struct app *app, const struct screen_arg *arg,
			void **state)
{
	struct tr_screen *s;

	(void)app;
	if (!arg->data || tr_alloc(state))
		return -1;
	s = *state;
	snprintf(s->trainee, sizeof(s->trainee), "%s", (const char *)arg->data);
	list_init(&s->list, trainee_columns, TT_COUNT, LIST_MARK_HIGHLIGHT);
	trainee_load(s);
	return 0;
}

static void trainee_cells(void *ctx, size_t k, struct list_row *row)
{
	const struct tr_screen *s = ctx;
	const struct training_scenario *sc = s->cls.scenarios[k];
	const struct net_training_scenario_stat *st = &trainee_row(s)->per[k];

	tr_short_id(row->buf[TT_ID], LIST_CELL_BYTES, sc->id);
	snprintf(row->buf[TT_ATTEMPTS], LIST_CELL_BYTES, "%ld", st->attempts);
	if (st->best >= 0)
		snprintf(row->buf[TT_BEST], LIST_CELL_BYTES, "%d/%d", st->best,
			 sc->max_points);
	else
		snprintf(row->buf[TT_BEST], LIST_CELL_BYTES, "%s",
			 msg(MSG_TR_NOT_TRIED));
	lost_names(sc, st, row->buf[TT_LOST], LIST_CELL_BYTES);
	row->cells[TT_ID] = row->buf[TT_ID];
	row->cells[TT_TITLE] = sc->title;
	row->cells[TT_ATTEMPTS] = row->buf[TT_ATTEMPTS];
	row->cells[TT_BEST] = row->buf[TT_BEST];
	row->cells[TT_LOST] = row->buf[TT_LOST];
}

static void trainee_draw(void *state, struct app *app, WINDOW *win)
{
	static const enum msg_id titles[TT_COUNT] = {
	    MSG_TR_COL_ID, MSG_TR_COL_TITLE, MSG_TR_COL_ATTEMPTS,
	    MSG_TR_COL_BEST, MSG_TR_COL_LOST};
	struct tr_screen *s = state;
	const struct net_training_class_row *r = trainee_row(s);
	char line[TRAINING_LINE_MAX];

	(void)app;
	snprintf(line, sizeof(line), msg(MSG_TR_TRAINEE_HEAD), s->trainee,
		 r ? r->done : 0, s->cls.n_scenarios, r ? r->best_total : 0,
		 r ? r->max_total : 0);
	tr_head_draw(s, win, line);
	tr_header_draw(s, win, titles, TT_COUNT);
	list_draw(&s->list, win, trainee_cells, s);
}

static int trainee_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct tr_screen *s = state;
	size_t k;

	if (ret == OK && ch == KEY_ESC) {
		app_pop(app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (tr_is_enter(ret, ch)) {
		if (list_current(&s->list, &k) &&
		    training_ui_stored_debrief(app, s->trainee, k))
			app_push(app, &screen_training_debrief, NULL);
		return UI_HANDLED | UI_REDRAW;
	}
	return list_key(&s->list, ret, ch);
}

const struct screen_ops screen_training_trainee = {
    .name = "training_trainee",
    .title = MSG_TR_TRAINEE_TITLE,
    .help = MSG_HELP_TRAINING,
    .keys = trainee_keys,
    .n_keys = sizeof(trainee_keys) / sizeof(*trainee_keys),
    .open = trainee_open,
    .layout = tr_layout_headed,
    .draw = trainee_draw,
    .key = trainee_key,
    .free = tr_free,
};
