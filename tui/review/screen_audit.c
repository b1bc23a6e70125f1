/* screen_audit.c - the audit trail of a case, an inquiry or a user, and
 * "verify the chain" (GET /v1/audit/verify) with its result on screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/net_review.h"
#include "wincase/text.h"

#include "wincase/list.h"

#include "common/timeline.h"
#include "review/review.h"

enum { COL_SEQ, COL_AT, COL_ACTOR, COL_ACTION, COL_DATA, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_SEQ] = {.min = 4, .max = 6, .weight = 0},
    [COL_AT] = {.min = 11, .max = 11, .weight = 0},
    [COL_ACTOR] = {.min = 8, .max = 12, .weight = 0},
    [COL_ACTION] = {.min = 12, .max = 22, .weight = 1},
    [COL_DATA] = {.min = 10, .max = 0, .weight = 3},
};

static const enum msg_id column_titles[COL_COUNT] = {
    MSG_RV_AUDIT_COL_SEQ, MSG_RV_AUDIT_COL_AT, MSG_RV_AUDIT_COL_ACTOR,
    MSG_RV_AUDIT_COL_ACTION, MSG_RV_AUDIT_COL_DATA};

struct audit {
	struct line_editor entity;
	struct net_audit_list list;
	struct list rows; /* the entries */
	char chain[320];  /* the last verification's result, "" none */
	bool chain_ok;
	int entry_y, entry_x, entry_cols;
	int info_y, detail_y, cols;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},      {"Enter", MSG_RV_KEY_QUERY},
    {"F6", MSG_RV_KEY_VERIFY}, {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

/* case:ID, inquiry:ID or user:NAME, with something after the colon, or
 * a number SL-… / SW-… (the server finds its case or inquiry). */
static bool entity_valid(const char *e)
{
	static const char *const kinds[] = {"case:", "inquiry:", "user:", "SL-",
					    "SW-"};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++) {
		size_t n = strlen(kinds[i]);

		if (strncmp(e, kinds[i], n) == 0 && e[n] &&
		    !strpbrk(e + n, " /?&#"))
			return true;
	}
	return false;
}

static void audit_load(struct audit *s, struct app *app)
{
	struct net_audit_list list = {0};
	struct wc_error err = {0};
	const char *e = lineedit_text(&s->entity);

	if (!entity_valid(e)) {
		app_message(app, true, "%s", msg(MSG_RV_AUDIT_BAD));
		return;
	}
	app_busy(app, MSG_BUSY_LOADING);
	if (net_audit_list(app->net, e, &list, &err)) {
		app_message_error(app, &err);
		return;
	}
	net_audit_list_release(&s->list);
	s->list = list;
	list_set_count(&s->rows, list.n);
	list_select_first(&s->rows);
	if (list.n)
		app_message(app, false, msg(MSG_RV_AUDIT_COUNT), list.n);
	else
		app_message(app, false, "%s", msg(MSG_RV_AUDIT_NONE));
}

static void audit_verify(struct audit *s, struct app *app)
{
	struct wc_error err = {0};
	struct net_audit_check c;
	char at[24];
	size_t n;

	app_busy(app, MSG_BUSY_LOADING);
	if (net_audit_check(app->net, &c, &err)) {
		app_message_error(app, &err);
		return;
	}
	s->chain_ok = c.ok;
	if (c.broken_at)
		snprintf(s->chain, sizeof(s->chain), msg(MSG_RV_CHAIN_BROKEN),
			 c.broken_at);
	else if (c.rewritten_from)
		snprintf(s->chain, sizeof(s->chain),
			 msg(MSG_RV_CHAIN_REWRITTEN), c.rewritten_from);
	else if (c.missing_after)
		snprintf(s->chain, sizeof(s->chain), msg(MSG_RV_CHAIN_MISSING),
			 c.missing_after);
	else
		snprintf(s->chain, sizeof(s->chain), msg(MSG_RV_CHAIN_OK),
			 c.entries);
	/* When the server last signed the head (docs/audit.md). */
	n = strlen(s->chain);
	review_short_time(c.checkpoint_at, at, sizeof(at));
	if (c.checkpoint_seq)
		snprintf(s->chain + n, sizeof(s->chain) - n,
			 msg(MSG_RV_CHAIN_CHECKPOINT), at, c.checkpoint_seq);
	else
		snprintf(s->chain + n, sizeof(s->chain) - n, "%s",
			 msg(MSG_RV_CHAIN_NO_CHECKPOINT));
	app_message(app, !c.ok, "%s", s->chain);
}

static int audit_open(struct app *app, const struct screen_arg *arg,
		      void **state)
{
	struct audit *s = calloc(1, sizeof(*s));

	if (!s || lineedit_init(&s->entity, 70)) {
		free(s);
		return -1;
	}
	list_init(&s->rows, columns, COL_COUNT, LIST_MARK_ARROW);
	*state = s;
	if (arg->case_id[0] || arg->inquiry_id[0]) { /* from an item */
		char entity[80];

		snprintf(entity, sizeof(entity), "%s:%s",
			 arg->case_id[0] ? "case" : "inquiry",
			 arg->case_id[0] ? arg->case_id : arg->inquiry_id);
		lineedit_set_text(&s->entity, entity);
		audit_load(s, app);
	} else {
		app_message(app, false, "%s", msg(MSG_RV_AUDIT_HELP));
	}
	return 0;
}

static void audit_layout(void *state, const struct frame_layout *frame)
{
	struct audit *s = state;

	s->cols = frame->cols;
	s->entry_y = frame->body_y;
	s->entry_x = 10;
	s->entry_cols = frame->cols - s->entry_x - 2;
	if (s->entry_cols > 50)
		s->entry_cols = 50;
	s->info_y = frame->body_y + 1;
	list_layout(&s->rows, frame->body_y + 3, frame->body_rows - 6,
		    frame->cols);
	s->detail_y = s->rows.y + s->rows.rows;
}

static void entry_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct net_audit_entry *e = &((struct audit *)ctx)->list.items[i];

	/* Issue 14.1: the event's Chinese name and its data in words, as the
	 * clerk's timeline shows them; never the action code or raw JSON. */
	review_short_time(e->at, row->buf[COL_AT], sizeof(row->buf[COL_AT]));
	timeline_parts(e, NULL, row->buf[COL_ACTION],
		       sizeof(row->buf[COL_ACTION]), row->buf[COL_DATA],
		       sizeof(row->buf[COL_DATA]));
	row->cells[COL_SEQ] = e->seq;
	row->cells[COL_AT] = row->buf[COL_AT];
	row->cells[COL_ACTOR] = timeline_who(e->actor);
	row->cells[COL_ACTION] = row->buf[COL_ACTION];
	row->cells[COL_DATA] = row->buf[COL_DATA];
	/* What a user did spans cases and inquiries: say which. */
	if (strncmp(lineedit_text(&((struct audit *)ctx)->entity),
		    "user:", 5) == 0) {
		char what[96], data[LIST_CELL_BYTES];

		review_entity_words(e->entity, what, sizeof(what));
		memcpy(data, row->buf[COL_DATA], sizeof(data));
		/* whole characters only: at most 200 columns of the data */
		snprintf(row->buf[COL_DATA], sizeof(row->buf[COL_DATA]),
			 "%s：%.*s", what, (int)text_cut(data, 200, NULL),
			 data);
	}
}

/* The summary of e in words over two rows (a CJK character never cut). */
static void detail_draw(const struct audit *s, WINDOW *win,
			const struct net_audit_entry *e)
{
	char name[160], d[512], first[512];
	size_t cut;

	timeline_parts(e, NULL, name, sizeof(name), d, sizeof(d));
	cut = text_cut(d, s->cols - 2, NULL);
	snprintf(first, sizeof(first), "%.*s", (int)cut, d);
	table_draw_cell(win, s->detail_y, 1, s->cols - 1, first,
			theme_attr(THEME_HINT));
	table_draw_cell(win, s->detail_y + 1, 1, s->cols - 1, d + cut,
			theme_attr(THEME_HINT));
}

static void audit_draw(void *state, struct app *app, WINDOW *win)
{
	struct audit *s = state;
	const char *cells[COL_COUNT];
	char label[64];
	struct line_view v;
	size_t i;

	snprintf(label, sizeof(label), "%s：", msg(MSG_RV_AUDIT_ENTITY));
	table_draw_cell(win, s->entry_y, 2, s->entry_x - 2, label,
			theme_attr(THEME_LABEL) | A_BOLD);
	lineedit_draw(&s->entity, win, s->entry_y, s->entry_x, s->entry_cols,
		      theme_attr(THEME_INPUT_FOCUS));
	lineedit_view(&s->entity, s->entry_cols, &v);
	app->cursor_y = s->entry_y;
	app->cursor_x = s->entry_x + v.cursor_x;
	table_draw_cell(win, s->info_y, 2, s->cols - 2, s->chain,
			theme_attr(s->chain_ok ? THEME_HINT : THEME_ERROR));
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	list_draw_header(&s->rows, win, s->rows.y - 1, cells);
	list_draw(&s->rows, win, entry_cells, s);
	/* The selected entry's summary in full on two rows below the list. */
	if (list_current(&s->rows, &i))
		detail_draw(s, win, &s->list.items[i]);
}

static int audit_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct audit *s = state;

	if (ret == OK && ch == KEY_ESC) {
		app_message_clear(app);
		app_pop(app);
		return UI_HANDLED;
	}
	if ((ret == OK && (ch == '\r' || ch == '\n')) ||
	    (ret == KEY_CODE_YES && ch == KEY_ENTER)) {
		audit_load(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES) {
		switch (ch) {
		case KEY_F(6):
			audit_verify(s, app);
			return UI_HANDLED | UI_REDRAW;
		case KEY_UP:
		case KEY_DOWN:
		case KEY_PPAGE:
		case KEY_NPAGE:
			/* Home and End stay the entity field's */
			return list_key(&s->rows, ret, ch);
		default:
			break;
		}
	}
	return lineedit_key(&s->entity, ret, ch);
}

static void audit_free(void **state)
{
	struct audit *s = *state;

	if (!s)
		return;
	lineedit_release(&s->entity);
	net_audit_list_release(&s->list);
	list_release(&s->rows);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_audit = {
    .name = "audit",
    .title = MSG_RV_AUDIT_TITLE,
    .help = MSG_RV_HELP_AUDIT,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = audit_open,
    .layout = audit_layout,
    .draw = audit_draw,
    .key = audit_key,
    .free = audit_free,
};
