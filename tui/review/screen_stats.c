/* screen_stats.c - statistics over a date range grouped by window, clerk
 * or item (GET /v1/stats): the counts of API.md, the satisfaction rate,
 * bar charts drawn with text, and export to CSV (RFC 4180, UTF-8 with BOM)
 * into the data folder. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wincase/date.h"
#include "wincase/list.h"
#include "wincase/net_review.h"
#include "wincase/text.h"

#include "review/export.h"
#include "review/review.h"

enum { F_FROM, F_TO, F_GROUP, F_COUNT };

static const char *const group_codes[] = {"window", "clerk", "item"};

/* The table's columns: the key, then these stats, then satisfaction. */
static const enum net_stats_column shown[] = {
    STAT_CASES,	    STAT_ACCEPTED, STAT_TOLERANT, STAT_COMPLETED,
    STAT_INQUIRIES, STAT_BOUNCED,  STAT_NOTICES,  STAT_ONCE_VIOLATIONS,
    STAT_FULFILLED, STAT_BREACHED, STAT_OVERDUE,  STAT_DEEMED,
};
#define N_SHOWN (sizeof(shown) / sizeof(*shown))
#define N_COLS	(N_SHOWN + 2)

struct stats {
	struct field_def defs[F_COUNT];
	const char *groups[4];
	struct form *form;
	struct form_layout lay;
	struct net_stats data;
	bool loaded;
	struct column_def cols_def[N_COLS];
	/* Issue 14.6: the columns shown, the key, then the stats from
	 * cols_def[1 + hcol] on (F7/F8 move hcol), then satisfaction. */
	struct column_def view_def[N_COLS];
	size_t view_of[N_COLS]; /* view column -> cols_def column */
	size_t n_view, hcol;
	struct list table; /* the columns' layout (it scrolls by s->first) */
	int top, table_y, rows, cols;
	size_t first;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},	   {"F2", MSG_RV_KEY_QUERY},
    {"F6", MSG_RV_KEY_EXPORT},	   {"F7", MSG_RV_KEY_COLS_LEFT},
    {"F8", MSG_RV_KEY_COLS_RIGHT}, {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

static int date_check(const struct form *form, size_t i, char *out, size_t size)
{
	wc_day d;

	if (date_parse(form_value(form, i), &d))
		return 0;
	snprintf(out, size, "%s", msg(MSG_RV_DATE_BAD));
	return -1;
}

static void columns_fill(struct stats *s)
{
	s->cols_def[0] = (struct column_def){
	    .title = msg(MSG_RV_STAT_KEY), .min = 8, .max = 20, .weight = 2};
	for (size_t i = 0; i < N_SHOWN; i++) {
		const char *title = msg(export_stat_word(shown[i]));
		int w = text_width(title) > 6 ? text_width(title) : 6;

		/* a column as wide as its title: never a cut heading */
		s->cols_def[i + 1] = (struct column_def){
		    .title = title, .min = w, .max = w + 2, .weight = 1};
	}
	s->cols_def[N_COLS - 1] = (struct column_def){
	    .title = msg(MSG_RV_STATS_SAT), .min = 6, .max = 8, .weight = 0};
}

/* The key column as wide as its widest key (an item code is never cut),
 * up to 24 columns. */
static void key_width_fit(struct stats *s)
{
	int w = text_width(s->cols_def[0].title);

	for (size_t i = 0; i < s->data.n; i++)
		if (text_width(s->data.rows[i].key) > w)
			w = text_width(s->data.rows[i].key);
	if (w < 8)
		w = 8;
	if (w > 24)
		w = 24;
	s->cols_def[0].min = w;
	s->cols_def[0].max = w;
	s->cols_def[0].weight = 0;
}

/* The columns shown from hcol on, laid out in the screen's width. */
static void view_columns(struct stats *s)
{
	size_t n = 0;

	s->view_of[n] = 0;
	s->view_def[n++] = s->cols_def[0];
	for (size_t c = 1 + s->hcol; c < N_COLS; c++) {
		s->view_of[n] = c;
		s->view_def[n++] = s->cols_def[c];
	}
	s->n_view = n;
	list_init(&s->table, s->view_def, n, LIST_MARK_HIGHLIGHT);
	list_layout(&s->table, s->table_y, s->rows, s->cols);
}

/* The last cols_def column with room (table_layout drops from the end). */
static size_t view_last(const struct stats *s)
{
	size_t last = 0;

	for (size_t v = 0; v < s->n_view; v++)
		if (s->table.widths[v] > 0)
			last = s->view_of[v];
	return last;
}

/* "第 2–8 列，共 13 列；F7/F8 左右移动" (the key column not counted). */
static void columns_tell(struct stats *s, struct app *app)
{
	if (!s->loaded || s->data.n == 0)
		return;
	app_message(app, false, msg(MSG_RV_STATS_COLS), (int)s->hcol + 1,
		    (int)view_last(s), (int)(N_COLS - 1));
}

/* from: the first of the server's month; to: the server's today. */
static void dates_default(struct stats *s, struct app *app)
{
	struct wc_error err = {0};
	char today[11], first[11];

	if (net_server_date(app->net, today, &err))
		return;
	snprintf(first, sizeof(first), "%.8s01", today);
	form_set_value(s->form, F_FROM, first);
	form_set_value(s->form, F_TO, today);
}

static int stats_open(struct app *app, const struct screen_arg *arg,
		      void **state)
{
	struct stats *s = calloc(1, sizeof(*s));

	(void)arg;
	if (!s)
		return -1;
	s->groups[0] = msg(MSG_RV_BY_WINDOW);
	s->groups[1] = msg(MSG_RV_BY_CLERK);
	s->groups[2] = msg(MSG_RV_BY_ITEM);
	s->defs[F_FROM] =
	    (struct field_def){.name = "from",
			       .label = msg(MSG_RV_STATS_FROM),
			       .kind = FIELD_TEXT,
			       .width = 11,
			       .max_chars = 10,
			       .required = true,
			       .validate = date_check,
			       .help = msg(MSG_RV_SEARCH_DATE_HELP)};
	s->defs[F_TO] = s->defs[F_FROM];
	s->defs[F_TO].name = "to";
	s->defs[F_TO].label = msg(MSG_RV_STATS_TO);
	s->defs[F_GROUP] = (struct field_def){.name = "group_by",
					      .label = msg(MSG_RV_STATS_GROUP),
					      .kind = FIELD_CHOICE,
					      .width = 12,
					      .choices = s->groups,
					      .help = msg(MSG_RV_STATS_HELP)};
	s->form = form_new(s->defs, F_COUNT, msg(MSG_REQUIRED));
	if (!s->form) {
		free(s);
		return -1;
	}
	columns_fill(s);
	view_columns(s);
	dates_default(s, app);
	app_message(app, false, "%s", msg(MSG_RV_STATS_HELP));
	*state = s;
	return 0;
}

static void stats_layout(void *state, const struct frame_layout *frame)
{
	struct stats *s = state;

	s->cols = frame->cols;
	s->top = frame->body_y;
	form_layout(s->form, 6, frame->cols < 60 ? frame->cols : 60, &s->lay);
	s->table_y = frame->body_y + 6;
	s->rows = frame->body_rows - 6;
	view_columns(s);
}

static void row_draw(struct stats *s, WINDOW *win, int y, const char **cells,
		     attr_t attr)
{
	list_draw_cells(&s->table, win, y, cells, attr);
}

static void sat_text(const struct net_stats_row *r, char *out, size_t size)
{
	if (r->has_satisfaction)
		snprintf(out, size, "%.1f%%", r->satisfaction * 100.0);
	else
		snprintf(out, size, "-");
}

static void table_rows_draw(struct stats *s, WINDOW *win, int y, int rows)
{
	char nums[N_COLS][24];
	const char *all[N_COLS], *cells[N_COLS];

	for (size_t v = 0; v < s->n_view; v++)
		cells[v] = s->view_def[v].title;
	row_draw(s, win, y++, cells, theme_attr(THEME_HEADER));
	for (int r = 0; r < rows - 1 && s->first + (size_t)r < s->data.n; r++) {
		const struct net_stats_row *row = &s->data.rows[s->first + r];

		all[0] = row->key;
		for (size_t c = 0; c < N_SHOWN; c++) {
			snprintf(nums[c + 1], sizeof(nums[c + 1]), "%ld",
				 row->value[shown[c]]);
			all[c + 1] = nums[c + 1];
		}
		sat_text(row, nums[N_COLS - 1], sizeof(nums[N_COLS - 1]));
		all[N_COLS - 1] = nums[N_COLS - 1];
		for (size_t v = 0; v < s->n_view; v++)
			cells[v] = all[s->view_of[v]];
		row_draw(s, win, y + r, cells, theme_attr(THEME_NORMAL));
	}
}

/* One row per group: cases as '#' scaled to the largest, then the
 * satisfaction as '=' out of ten. Plain ASCII: the Linux console shows it. */
static void bars_draw(struct stats *s, WINDOW *win, int y, int rows)
{
	long most = 1;
	int key_w = s->cols_def[0].min + 1, bar_w = s->cols - key_w - 30;
	char line[512], bar[256], sat[16];

	if (bar_w > 200)
		bar_w = 200;
	if (bar_w < 5 || rows < 2)
		return;
	for (size_t i = 0; i < s->data.n; i++)
		if (s->data.rows[i].value[STAT_CASES] > most)
			most = s->data.rows[i].value[STAT_CASES];
	table_draw_cell(win, y++, 1, s->cols - 1, msg(MSG_RV_STATS_BARS),
			theme_attr(THEME_HEADER));
	for (int r = 0; r < rows - 1 && s->first + (size_t)r < s->data.n; r++) {
		const struct net_stats_row *row = &s->data.rows[s->first + r];
		int n = (int)(row->value[STAT_CASES] * bar_w / most);
		int tenths = row->has_satisfaction
				 ? (int)(row->satisfaction * 10.0 + 0.5)
				 : 0;

		memset(bar, '#', (size_t)n);
		memset(bar + n, ' ', (size_t)(bar_w - n));
		bar[bar_w] = '\0';
		sat_text(row, sat, sizeof(sat));
		snprintf(line, sizeof(line), "%s %4ld |%.*s%.*s| %s", bar,
			 row->value[STAT_CASES], tenths,
			 "==========", 10 - tenths, "          ", sat);
		table_draw_cell(win, y + r, 1, key_w, row->key,
				theme_attr(THEME_LABEL));
		table_draw_cell(win, y + r, 1 + key_w, s->cols - 1 - key_w,
				line, theme_attr(THEME_NORMAL));
	}
}

static void stats_draw(void *state, struct app *app, WINDOW *win)
{
	struct stats *s = state;
	int table_rows;

	form_draw(s->form, win, s->top, 2, &s->lay, &app->cursor_y,
		  &app->cursor_x);
	if (!s->loaded)
		return;
	if (s->data.n == 0) {
		table_draw_cell(win, s->table_y, 2, s->cols - 2,
				msg(MSG_RV_STATS_NONE), theme_attr(THEME_HINT));
		return;
	}
	table_rows = (int)s->data.n + 1;
	if (table_rows > s->rows / 2)
		table_rows = s->rows / 2;
	table_rows_draw(s, win, s->table_y, table_rows);
	bars_draw(s, win, s->table_y + table_rows, s->rows - table_rows);
}

static void stats_query(struct stats *s, struct app *app)
{
	struct net_stats data = {0};
	struct wc_error err = {0};

	if (!form_validate(s->form)) {
		app_message(app, true, "%s", msg(MSG_INQ_FIX_ERRORS));
		return;
	}
	app_busy(app, MSG_BUSY_LOADING);
	if (net_stats_get(app->net, form_value(s->form, F_FROM),
			  form_value(s->form, F_TO),
			  group_codes[form_choice(s->form, F_GROUP)], &data,
			  &err)) {
		app_message_error(app, &err);
		return;
	}
	net_stats_release(&s->data);
	s->data = data;
	s->loaded = true;
	s->first = 0;
	key_width_fit(s);
	view_columns(s);
	app_message(app, false, "%s", msg(MSG_RV_STATS_HELP));
	columns_tell(s, app);
}

/* The data folder of wincase.conf ("~/" is the home folder), made 0700. */
static int folder_make(const struct app *app, char *out, size_t size)
{
	const char *dir =
	    app->cfg->data_dir ? app->cfg->data_dir : "~/.local/share/wincase";
	const char *home = getenv("HOME");
	int n;

	if (dir[0] == '~' && dir[1] == '/')
		n = snprintf(out, size, "%s%s", home ? home : "", dir + 1);
	else
		n = snprintf(out, size, "%s", dir);
	if (n < 0 || (size_t)n >= size)
		return -1;
	for (char *p = out + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(out, 0700) && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(out, 0700) && errno != EEXIST ? -1 : 0;
}

/* F6: data_dir/stats-FROM-TO-GROUP.csv, written to a temporary name, 0600,
 * then renamed. */
static void stats_export(struct stats *s, struct app *app)
{
	char dir[2048], path[2400], tmp[2450];
	FILE *f = NULL;
	int fd;

	if (!s->loaded)
		stats_query(s, app);
	if (!s->loaded)
		return;
	if (folder_make(app, dir, sizeof(dir)))
		goto fail;
	snprintf(path, sizeof(path), "%s/stats-%s-%s-%s.csv", dir,
		 form_value(s->form, F_FROM), form_value(s->form, F_TO),
		 group_codes[form_choice(s->form, F_GROUP)]);
	snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto fail;
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		goto fail;
	}
	if (export_stats_csv(f, &s->data) || fflush(f) || fsync(fileno(f))) {
		fclose(f);
		unlink(tmp);
		goto fail;
	}
	if (fclose(f) || rename(tmp, path)) {
		unlink(tmp);
		goto fail;
	}
	app_message(app, false, msg(MSG_RV_STATS_EXPORTED), path);
	return;
fail:
	app_message(app, true, msg(MSG_RV_STATS_EXPORT_FAIL), strerror(errno));
}

/* F8: one column to the right while the last is not shown; F7 back. */
static void stats_scroll(struct stats *s, struct app *app, bool right)
{
	if (right && view_last(s) < N_COLS - 1)
		s->hcol++;
	else if (!right && s->hcol > 0)
		s->hcol--;
	view_columns(s);
	columns_tell(s, app);
}

static int stats_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct stats *s = state;
	int r;

	if (ret == OK && ch == KEY_ESC) {
		app_message_clear(app);
		app_pop(app);
		return UI_HANDLED;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(2)) {
		stats_query(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(6)) {
		stats_export(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && (ch == KEY_F(7) || ch == KEY_F(8) ||
				    ch == KEY_SLEFT || ch == KEY_SRIGHT)) {
		stats_scroll(s, app, ch == KEY_F(8) || ch == KEY_SRIGHT);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && ch == KEY_NPAGE) {
		if (s->first + 1 < s->data.n)
			s->first++;
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && ch == KEY_PPAGE) {
		if (s->first > 0)
			s->first--;
		return UI_HANDLED | UI_REDRAW;
	}
	r = form_key(s->form, ret, ch);
	if (r & UI_SUBMIT)
		stats_query(s, app);
	return r;
}

static void stats_free(void **state)
{
	struct stats *s = *state;

	if (!s)
		return;
	form_free(&s->form);
	net_stats_release(&s->data);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_stats = {
    .name = "stats",
    .title = MSG_RV_STATS_TITLE,
    .help = MSG_RV_HELP_STATS,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = stats_open,
    .layout = stats_layout,
    .draw = stats_draw,
    .key = stats_key,
    .free = stats_free,
};
