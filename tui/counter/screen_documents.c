/* screen_documents.c - every document a case was given (its one-time
 * notices, R2, and its commitment, R3), reopened from the case view: the
 * list on top, the selected document's signed text below. F6 reprints it
 * (补打: the server audits the reprint and answers the signed text again,
 * the paper says 补打; the server's PDF when it makes one, else the text),
 * F7 saves it as text and, beside it, as PDF. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/date.h"
#include "wincase/list.h"
#include "wincase/net_case.h"

#include "app.h"
#include "common/case_util.h"

enum { COL_KIND, COL_NO, COL_TIME, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_KIND] = {.min = 14, .max = 16, .weight = 0},
    [COL_NO] = {.min = 18, .max = 20, .weight = 0},
    [COL_TIME] = {.min = 11, .max = 0, .weight = 1},
};

static const enum msg_id column_titles[COL_COUNT] = {
    MSG_DOC_COL_KIND, MSG_DOC_COL_NO, MSG_DOC_COL_TIME};

/* One document of the case, borrowed from x.c. */
struct document {
	enum msg_id kind;
	const char *no, *issued_at, *text;
};

struct documents {
	struct case_ctx x;
	struct document *docs; /* the notices, then the commitment */
	size_t n;
	bool can_print;
	struct list list;
	struct key_list bar;
	char key[NET_IDEMPOTENCY_KEY_SIZE]; /* of the next reprint */
	int this_year;
	int first, text_y, text_rows, cols;
};

static const struct screen_key keys[] = {
    {"F1", MSG_KEY_HELP},  {"F6", MSG_KEY_REPRINT}, {"F7", MSG_KEY_SAVE},
    {"Esc", MSG_KEY_BACK}, {"F10", MSG_KEY_QUIT},
};

static int documents_collect(struct documents *s)
{
	const struct net_case *c = &s->x.c;

	s->n = 0;
	s->docs = calloc(c->n_notices + 1, sizeof(*s->docs));
	if (!s->docs)
		return -1;
	for (size_t i = 0; i < c->n_notices; i++)
		s->docs[s->n++] = (struct document){
		    MSG_DOC_KIND_NOTICE, c->notices[i].no,
		    c->notices[i].issued_at, c->notices[i].text};
	if (c->has_commitment)
		s->docs[s->n++] = (struct document){
		    MSG_DOC_KIND_COMMITMENT, c->commitment.no,
		    c->commitment.created_at, c->commitment.text};
	list_set_count(&s->list, s->n);
	return 0;
}

static const struct document *current(const struct documents *s)
{
	size_t i;

	return list_current(&s->list, &i) && i < s->n ? &s->docs[i] : NULL;
}

static const struct screen_key *documents_keys_now(void *state, size_t *n)
{
	struct documents *s = state;
	struct key_list *l;

	if (!s) {
		*n = sizeof(keys) / sizeof(*keys);
		return keys;
	}
	l = &s->bar;
	l->n = 0;
	key_list_add(l, true, "F1", MSG_KEY_HELP);
	key_list_add(l, s->n > 0 && s->can_print, "F6", MSG_KEY_REPRINT);
	key_list_add(l, s->n > 0, "F7", MSG_KEY_SAVE);
	key_list_add(l, true, "Esc", MSG_KEY_BACK);
	key_list_add(l, true, "F10", MSG_KEY_QUIT);
	*n = l->n;
	return l->keys;
}

static int documents_open(struct app *app, const struct screen_arg *arg,
			  void **state)
{
	struct documents *s = calloc(1, sizeof(*s));
	struct wc_error err = {0};
	char today[DATE_TEXT_SIZE] = "";

	if (!s)
		return -1;
	list_init(&s->list, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	if (!case_ctx_load(&s->x, app, arg->case_id) || documents_collect(s)) {
		case_ctx_release(&s->x);
		list_release(&s->list);
		free(s);
		return -1;
	}
	s->can_print = case_can_print(app);
	if (net_server_date(app->net, today, &err) == 0)
		s->this_year = atoi(today);
	net_idempotency_key_new(s->key);
	app_message(app, false, "%s", msg(s->n ? MSG_DOC_HINT : MSG_DOC_NONE));
	*state = s;
	return 0;
}

static void documents_layout(void *state, const struct frame_layout *frame)
{
	struct documents *s = state;
	int rows = s->n > 0 ? (int)s->n : 1;

	if (rows > 4)
		rows = 4;
	s->cols = frame->cols;
	list_layout(&s->list, frame->body_y + 2, rows, frame->cols);
	s->text_y = s->list.y + rows + 1;
	s->text_rows = frame->body_y + frame->body_rows - s->text_y;
	if (s->text_rows < 1)
		s->text_rows = 1;
}

static void row_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct documents *s = ctx;
	const struct document *d = &s->docs[i];
	char when[DATE_TIME_SHORT_SIZE];

	date_time_short(d->issued_at, s->this_year, when);
	row->cells[COL_KIND] = msg(d->kind);
	row->cells[COL_NO] = d->no;
	snprintf(row->buf[COL_TIME], sizeof(row->buf[COL_TIME]), "%s", when);
	row->cells[COL_TIME] = row->buf[COL_TIME];
}

static void documents_draw(void *state, struct app *app, WINDOW *win)
{
	struct documents *s = state;
	const struct document *d = current(s);
	const char *cells[COL_COUNT];

	case_header_draw(&s->x, app, win, app->frame.body_y);
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	list_draw_header(&s->list, win, s->list.y - 1, cells);
	if (s->n == 0) {
		table_draw_cell(win, s->list.y, 2, s->cols - 3,
				msg(MSG_DOC_NONE), theme_attr(THEME_HINT));
		return;
	}
	list_draw(&s->list, win, row_cells, s);
	case_text_draw(win, s->text_y, 1, s->text_rows, s->cols - 2,
		       d && d->text ? d->text : "", s->first);
}

/* F6: the server's text again, the reprint audited, 补打 above it. */
static void documents_reprint(struct documents *s, struct app *app,
			      const struct document *d)
{
	struct wc_error err = {0};
	char *text = NULL, *paper = NULL;
	size_t len = 0;

	app_busy(app, MSG_PRINTING);
	if (net_case_document_reprint(app->net, s->x.c.id, d->no, s->key, &text,
				      &err)) {
		if (!net_error_unsent(&err))
			net_idempotency_key_new(s->key);
		case_refusal(&s->x, app, &err);
		return;
	}
	net_idempotency_key_new(s->key);
	/* The PDF carries 补打 on every page; the text, above it. */
	if (case_append(&paper, &len, msg(MSG_DOC_REPRINT_MARK), d->no) &&
	    case_append(&paper, &len, "%s", text))
		case_print_document(app, d->no, true, paper);
	free(paper);
	free(text);
}

static int documents_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct documents *s = state;
	const struct document *d = current(s);
	int r;

	if (ret == OK && ch == KEY_ESC) {
		app_message_clear(app);
		app_pop(app);
		return UI_HANDLED;
	}
	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	if (d && ch == KEY_F(6) && case_can_print(app)) {
		documents_reprint(s, app, d);
		return UI_HANDLED | UI_REDRAW;
	}
	if (d && ch == KEY_F(7)) {
		case_save_document(app, d->no ? d->no : "doc",
				   d->text ? d->text : "");
		return UI_HANDLED | UI_REDRAW;
	}
	if (ch == KEY_NPAGE || ch == KEY_PPAGE)
		return case_text_key(
		    &s->first, case_text_lines(d ? d->text : "", s->cols - 2),
		    s->text_rows, ch);
	r = list_key(&s->list, ret, ch);
	if (r & UI_REDRAW)
		s->first = 0;
	return r;
}

static void documents_free(void **state)
{
	struct documents *s = *state;

	if (!s)
		return;
	case_ctx_release(&s->x);
	list_release(&s->list);
	free(s->docs);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_documents = {
    .name = "documents",
    .title = MSG_DOC_TITLE,
    .help = MSG_HELP_DOC,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = documents_open,
    .layout = documents_layout,
    .draw = documents_draw,
    .key = documents_key,
    .free = documents_free,
    .keys_now = documents_keys_now,
};
