/* screen_search.c - search every case and inquiry of the reviewer's
 * department by number or applicant, item, window, clerk, status and date
 * range. F2 shows the results; Enter opens one (history, texts, credit);
 * Esc goes back to the criteria, which are kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/date.h"
#include "wincase/net_review.h"
#include "wincase/list.h"

#include "common/case_util.h"
#include "review/review.h"

enum {
	F_Q,
	F_SCOPE,
	F_ITEM,
	F_WINDOW,
	F_CLERK,
	F_STATUS,
	F_FROM,
	F_TO,
	F_COUNT
};

enum { COL_NO, COL_APPLICANT, COL_ITEM, COL_STATUS, COL_CLERK, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_NO] = {.min = 16, .max = 18, .weight = 0},
    [COL_APPLICANT] = {.min = 8, .max = 20, .weight = 2},
    [COL_ITEM] = {.min = 8, .max = 16, .weight = 1},
    [COL_STATUS] = {.min = 9, .max = 16, .weight = 1},
    [COL_CLERK] = {.min = 8, .max = 12, .weight = 0},
};

struct search {
	struct field_def defs[F_COUNT];
	const char *scopes[4];
	struct form *form;
	struct form_layout lay;
	struct net_found_list found;
	bool results;	  /* showing the results, not the criteria */
	struct list list; /* the results */
	int top, cols;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},  {"F2", MSG_RV_KEY_QUERY}, {"Enter", MSG_RV_KEY_OPEN},
    {"Esc", MSG_KEY_BACK}, {"F10", MSG_KEY_QUIT},
};

static int date_check(const struct form *form, size_t i, char *out, size_t size)
{
	wc_day d;
	const char *v = form_value(form, i);

	if (!*v || date_parse(v, &d))
		return 0;
	snprintf(out, size, "%s", msg(MSG_RV_DATE_BAD));
	return -1;
}

static void text_field(struct field_def *d, const char *name, enum msg_id label,
		       int width)
{
	*d = (struct field_def){.name = name,
				.label = msg(label),
				.kind = FIELD_TEXT,
				.width = width,
				.max_chars = 64,
				.help = msg(MSG_RV_SEARCH_HELP)};
}

static int search_open(struct app *app, const struct screen_arg *arg,
		       void **state)
{
	struct search *s = calloc(1, sizeof(*s));

	(void)arg;
	if (!s)
		return -1;
	s->scopes[0] = msg(MSG_RV_SEARCH_BOTH);
	s->scopes[1] = msg(MSG_RV_SEARCH_CASES);
	s->scopes[2] = msg(MSG_RV_SEARCH_INQUIRIES);
	text_field(&s->defs[F_Q], "q", MSG_RV_SEARCH_Q, 30);
	s->defs[F_SCOPE] = (struct field_def){.name = "scope",
					      .label = msg(MSG_RV_SEARCH_SCOPE),
					      .kind = FIELD_CHOICE,
					      .width = 14,
					      .choices = s->scopes,
					      .help = msg(MSG_RV_SEARCH_HELP)};
	text_field(&s->defs[F_ITEM], "item_code", MSG_RV_SEARCH_ITEM, 16);
	text_field(&s->defs[F_WINDOW], "window", MSG_RV_SEARCH_WINDOW, 8);
	text_field(&s->defs[F_CLERK], "clerk", MSG_RV_SEARCH_CLERK, 16);
	text_field(&s->defs[F_STATUS], "status", MSG_RV_SEARCH_STATUS, 20);
	text_field(&s->defs[F_FROM], "from", MSG_RV_SEARCH_FROM, 11);
	s->defs[F_FROM].validate = date_check;
	s->defs[F_FROM].help = msg(MSG_RV_SEARCH_DATE_HELP);
	s->defs[F_TO] = s->defs[F_FROM];
	s->defs[F_TO].name = "to";
	s->defs[F_TO].label = msg(MSG_RV_SEARCH_TO);
	s->form = form_new(s->defs, F_COUNT, msg(MSG_REQUIRED));
	if (!s->form) {
		free(s);
		return -1;
	}
	list_init(&s->list, columns, COL_COUNT, LIST_MARK_ARROW);
	app_message(app, false, "%s", msg(MSG_RV_SEARCH_HELP));
	*state = s;
	return 0;
}

static void search_layout(void *state, const struct frame_layout *frame)
{
	struct search *s = state;
	int cols = frame->cols < 70 ? frame->cols : 70;

	s->cols = frame->cols;
	s->top = frame->body_y;
	form_layout(s->form, frame->body_rows - 1, cols, &s->lay);
	list_layout(&s->list, frame->body_y + 1, frame->body_rows - 1,
		    frame->cols);
}

static void result_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct net_found *f = &((struct search *)ctx)->found.items[i];

	row->cells[COL_NO] = f->no ? f->no : f->id;
	row->cells[COL_APPLICANT] = f->applicant ? f->applicant : "";
	row->cells[COL_ITEM] = f->item_code ? f->item_code : "";
	row->cells[COL_STATUS] = f->is_case
				     ? case_status_label(f->case_status)
				     : inquiry_status_label(f->inquiry_status);
	row->cells[COL_CLERK] = f->clerk ? f->clerk : "";
}

static void results_draw(struct search *s, WINDOW *win)
{
	static const enum msg_id titles[COL_COUNT] = {
	    MSG_HOME_COL_NO, MSG_RV_APPLICANT, MSG_RV_ITEM, MSG_RV_STATUS,
	    MSG_RV_CLERK};
	const char *cells[COL_COUNT];

	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(titles[c]);
	list_draw_header(&s->list, win, s->list.y - 1, cells);
	list_draw(&s->list, win, result_cells, s);
}

static void search_draw(void *state, struct app *app, WINDOW *win)
{
	struct search *s = state;

	if (s->results) {
		results_draw(s, win);
		return;
	}
	form_draw(s->form, win, s->top, 2, &s->lay, &app->cursor_y,
		  &app->cursor_x);
}

static void search_run(struct search *s, struct app *app)
{
	size_t scope = form_choice(s->form, F_SCOPE);
	struct net_search q = {
	    .cases = scope != 2,
	    .inquiries = scope != 1,
	    .q = form_value(s->form, F_Q),
	    .item_code = form_value(s->form, F_ITEM),
	    .window = form_value(s->form, F_WINDOW),
	    .clerk = form_value(s->form, F_CLERK),
	    .status = form_value(s->form, F_STATUS),
	    .from = form_value(s->form, F_FROM),
	    .to = form_value(s->form, F_TO),
	};
	struct net_found_list found = {0};
	struct wc_error err = {0};

	if (!form_validate(s->form)) {
		app_message(app, true, "%s", msg(MSG_INQ_FIX_ERRORS));
		return;
	}
	app_busy(app, MSG_BUSY_LOADING);
	if (net_search(app->net, &q, &found, &err)) {
		app_message_error(app, &err);
		return;
	}
	net_found_list_release(&s->found);
	s->found = found;
	list_set_count(&s->list, found.n);
	list_select_first(&s->list);
	if (found.n == 0) {
		app_message(app, true, "%s", msg(MSG_RV_SEARCH_NONE));
		return;
	}
	s->results = true;
	app_message(app, false, msg(MSG_RV_SEARCH_COUNT), found.n);
}

/* Opens the selected case or inquiry read-only (no review item). */
static void result_open(struct search *s, struct app *app)
{
	size_t i;
	const struct net_found *f;

	if (!list_current(&s->list, &i))
		return;
	f = &s->found.items[i];

	app_push(app, &screen_review_item,
		 &(struct screen_arg){.case_id = f->is_case ? f->id : "",
				      .inquiry_id = f->is_case ? "" : f->id});
}

static int results_key(struct search *s, struct app *app, int ret, wint_t ch)
{
	if ((ret == OK && (ch == '\r' || ch == '\n')) ||
	    (ret == KEY_CODE_YES && ch == KEY_ENTER)) {
		result_open(s, app);
		return UI_HANDLED;
	}
	return list_key(&s->list, ret, ch);
}

static int search_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct search *s = state;
	int r;

	if (ret == OK && ch == KEY_ESC) {
		if (s->results) {
			s->results = false;
			app_message(app, false, "%s", msg(MSG_RV_SEARCH_HELP));
			return UI_HANDLED | UI_REDRAW;
		}
		app_message_clear(app);
		app_pop(app);
		return UI_HANDLED;
	}
	if (s->results)
		return results_key(s, app, ret, ch);
	if (ret == KEY_CODE_YES && ch == KEY_F(2)) {
		search_run(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	r = form_key(s->form, ret, ch);
	if (r & UI_SUBMIT)
		search_run(s, app);
	return r;
}

static void search_free(void **state)
{
	struct search *s = *state;

	if (!s)
		return;
	form_free(&s->form);
	net_found_list_release(&s->found);
	list_release(&s->list);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_search = {
    .name = "search",
    .title = MSG_RV_SEARCH_TITLE,
    .help = MSG_RV_HELP_SEARCH,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = search_open,
    .layout = search_layout,
    .draw = search_draw,
    .key = search_key,
    .free = search_free,
};
