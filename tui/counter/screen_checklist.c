/* screen_checklist.c - the material check (R2): every material of the
 * case's scenario with role, form, copies and the 可容缺 mark; one key per
 * state, each sent at once (PUT checklist with If-Match), the selection
 * moving on so that a whole list is a few keystrokes; a defect asks for its
 * description. A summary line says what is still open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/list.h"
#include "wincase/text.h"

#include "common/case_util.h"

enum {
	COL_NO,
	COL_NAME,
	COL_ROLE,
	COL_FORM,
	COL_COPIES,
	COL_TOL,
	COL_STATE,
	COL_COUNT
};

static const struct column_def columns[COL_COUNT] = {
    [COL_NO] = {.min = 2, .max = 2},
    [COL_NAME] = {.min = 18, .max = 0, .weight = 2},
    [COL_ROLE] = {.min = 4, .max = 4},
    [COL_FORM] = {.min = 6, .max = 6},
    [COL_COPIES] = {.min = 4, .max = 4},
    [COL_TOL] = {.min = 6, .max = 6},
    [COL_STATE] = {.min = 10, .max = 40, .weight = 2},
};

static const enum msg_id column_titles[COL_COUNT] = {
    MSG_CK_COL_NO,     MSG_CK_COL_NAME, MSG_CK_COL_ROLE, MSG_CK_COL_FORM,
    MSG_CK_COL_COPIES, MSG_CK_COL_TOL,	MSG_CK_COL_STATE};

struct checklist {
	char case_id[32]; /* the case it works on */
	struct case_ctx x;
	struct list rows;    /* the scenario's materials, row = position */
	struct key_list bar; /* the key bar of this state */
	bool asking_defect;  /* the defect line is open */
	struct line_editor defect;
	int cols, bottom_y;
};

static const struct screen_key keys[] = {
    {"1-4", MSG_KEY_MARK},     {"F6", MSG_KEY_TO_NOTICE},
    {"F7", MSG_KEY_TO_ACCEPT}, {"F5", MSG_KEY_REFRESH},
    {"Esc", MSG_KEY_BACK},     {"F10", MSG_KEY_QUIT},
};

/* A notice while the state allows one (the notice screen says when there
 * is nothing to list, the server refuses unchecked lines); acceptance
 * while the state allows it. */
static bool may_notify(const struct checklist *s)
{
	return case_allows(s->x.c.status, CASE_DO_NOTICE, NULL);
}

static bool may_accept(const struct checklist *s)
{
	return case_allows(s->x.c.status, CASE_DO_ACCEPT, NULL);
}

static const struct screen_key *checklist_keys_now(void *state, size_t *n)
{
	struct checklist *s = state;
	struct key_list *l;

	if (!s || !s->x.loaded) {
		*n = sizeof(keys) / sizeof(*keys);
		return keys;
	}
	l = &s->bar;
	l->n = 0;
	key_list_add(l, case_allows(s->x.c.status, CASE_DO_CHECKLIST, NULL),
		     "1-4", MSG_KEY_MARK);
	key_list_add(l, may_notify(s), "F6", MSG_KEY_TO_NOTICE);
	key_list_add(l, may_accept(s), "F7", MSG_KEY_TO_ACCEPT);
	key_list_add(l, true, "F5", MSG_KEY_REFRESH);
	key_list_add(l, true, "Esc", MSG_KEY_BACK);
	key_list_add(l, true, "F10", MSG_KEY_QUIT);
	*n = l->n;
	return l->keys;
}

static int checklist_open(struct app *app, const struct screen_arg *arg,
			  void **state)
{
	struct checklist *s = calloc(1, sizeof(*s));

	if (!s)
		return -1;
	snprintf(s->case_id, sizeof(s->case_id), "%s", arg->case_id);
	if (lineedit_init(&s->defect, 200) ||
	    !case_ctx_load(&s->x, app, s->case_id)) {
		lineedit_release(&s->defect);
		case_ctx_release(&s->x);
		free(s);
		return -1;
	}
	list_init(&s->rows, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	list_set_count(&s->rows, s->x.n);
	for (size_t i = 0; i < s->x.n; i++)
		if (s->x.states[i] == STATE_PENDING) {
			s->rows.selected = i; /* the first not yet checked */
			break;
		}
	*state = s;
	return 0;
}

static void checklist_layout(void *state, const struct frame_layout *frame)
{
	struct checklist *s = state;

	s->cols = frame->cols;
	s->bottom_y = frame->body_y + frame->body_rows - 3;
	/* below the case header and the column titles */
	list_layout(&s->rows, frame->body_y + 2,
		    s->bottom_y - frame->body_y - 2, frame->cols);
}

static const char *form_word(enum material_form f)
{
	return msg(f == FORM_ORIGINAL ? MSG_FORM_ORIGINAL
		   : f == FORM_COPY   ? MSG_FORM_COPY
				      : MSG_FORM_ELECTRONIC);
}

/* The state cell: a marker that does not rely on colour, then the word
 * and a defect's note. */
static void state_cell(const struct checklist *s, size_t i, char *out,
		       size_t size)
{
	static const char marks[] = {'?', '+', 'x', '!', '='};
	enum material_state st = s->x.states[i];
	int line = s->x.line_of[i];
	const char *note = line >= 0 ? s->x.c.lines[line].note : NULL;

	snprintf(out, size, "%c %s%s%s", marks[st],
		 case_state_text(material_state_name(st)),
		 note && *note ? "：" : "", note && *note ? note : "");
}

static void material_cells(void *ctx, size_t i, struct list_row *row)
{
	const struct checklist *s = ctx;
	const struct material *m = case_ctx_material(&s->x, i);
	enum material_state state = s->x.states[i];

	snprintf(row->buf[COL_NO], LIST_CELL_BYTES, "%zu", i + 1);
	snprintf(row->buf[COL_COPIES], LIST_CELL_BYTES, "%d份", m->copies);
	state_cell(s, i, row->buf[COL_STATE], LIST_CELL_BYTES);
	row->cells[COL_NO] = row->buf[COL_NO];
	row->cells[COL_NAME] = m->name;
	row->cells[COL_ROLE] =
	    msg(m->role == ROLE_MAIN ? MSG_ROLE_MAIN : MSG_ROLE_SECONDARY);
	row->cells[COL_FORM] = form_word(m->form);
	row->cells[COL_COPIES] = row->buf[COL_COPIES];
	row->cells[COL_TOL] = m->tolerable ? msg(MSG_CK_TOLERABLE) : "";
	row->cells[COL_STATE] = row->buf[COL_STATE];
	if (state == STATE_MISSING || state == STATE_DEFECTIVE)
		row->attr = theme_attr(THEME_ERROR);
}

/* "共8项：已提供5 免提交1 缺少1 有误0 未核对1" and what it means. */
static void summary_draw(struct checklist *s, struct app *app, WINDOW *win)
{
	size_t count[5] = {0};
	struct checklist_eval ev;
	char line[400];

	for (size_t i = 0; i < s->x.n; i++)
		count[s->x.states[i]]++;
	snprintf(line, sizeof(line), msg(MSG_CK_SUMMARY), s->x.n,
		 count[STATE_PROVIDED], count[STATE_SHARED],
		 count[STATE_MISSING], count[STATE_DEFECTIVE],
		 count[STATE_PENDING]);
	table_draw_cell(win, s->bottom_y, 1, s->cols - 1, line,
			theme_attr(THEME_LABEL) | A_BOLD);
	if (!s->x.sc)
		return;
	checklist_evaluate(&s->x.item, s->x.sc, s->x.states, NULL, &ev);
	snprintf(line, sizeof(line), "%s",
		 msg(ev.n_pending	   ? MSG_CK_NEXT_CHECK
		     : ev.normal_allowed   ? MSG_CK_NEXT_ACCEPT
		     : ev.tolerant_allowed ? MSG_CK_NEXT_TOLERANT
					   : MSG_CK_NEXT_NOTICE));
	table_draw_cell(win, s->bottom_y + 1, 1, s->cols - 1, line,
			theme_attr(THEME_HINT));
	(void)app;
}

static void checklist_draw(void *state, struct app *app, WINDOW *win)
{
	struct checklist *s = state;
	const char *cells[COL_COUNT];
	char line[600];
	struct line_view v;
	int lx;

	case_header_draw(&s->x, app, win, app->frame.body_y);
	for (int c = 0; c < COL_COUNT; c++)
		cells[c] = msg(column_titles[c]);
	list_draw_header(&s->rows, win, s->rows.y - 1, cells);
	list_set_count(&s->rows, s->x.n); /* a reload may change it */
	list_draw(&s->rows, win, material_cells, s);
	summary_draw(s, app, win);
	if (s->asking_defect) {
		snprintf(line, sizeof(line), "%s：", msg(MSG_CK_DEFECT_ASK));
		lx = text_width(line) + 1;
		table_draw_cell(win, s->bottom_y + 2, 1, lx, line,
				theme_attr(THEME_LABEL) | A_BOLD);
		lineedit_draw(&s->defect, win, s->bottom_y + 2, lx + 1,
			      s->cols - lx - 2, theme_attr(THEME_INPUT_FOCUS));
		lineedit_view(&s->defect, s->cols - lx - 2, &v);
		app->cursor_y = s->bottom_y + 2;
		app->cursor_x = lx + 1 + v.cursor_x;
	} else if (s->x.n > 0) {
		const struct material *m =
		    case_ctx_material(&s->x, s->rows.selected);
		int at = s->x.line_of[s->rows.selected];
		const char *note = at >= 0 ? s->x.c.lines[at].note : NULL;

		/* The whole defect of the selected material, then how to
		 * obtain it: the table column may be too narrow for it. */
		snprintf(line, sizeof(line), "%s%s%s%s%s：%s",
			 note && *note ? msg(MSG_CK_DEFECT_ASK) : "",
			 note && *note ? "：" : "", note && *note ? note : "",
			 note && *note ? "；" : "", msg(MSG_CK_HOW),
			 m->how_to_obtain ? m->how_to_obtain : "");
		table_draw_cell(win, s->bottom_y + 2, 1, s->cols - 1, line,
				theme_attr(THEME_HINT));
	}
}

/* Sends the state of the selected material; moves on when it worked. */
static void mark(struct checklist *s, struct app *app, enum material_state st,
		 const char *note)
{
	const struct material *m = case_ctx_material(&s->x, s->rows.selected);
	struct wc_error err = {0};
	char key[NET_IDEMPOTENCY_KEY_SIZE];

	/* Setting a state twice is harmless: each mark is its own intent. */
	net_idempotency_key_new(key);
	app_busy(app, MSG_BUSY_SAVING);
	if (net_case_mark(app->net, &s->x.c, m->id, st, note, key, &err)) {
		case_refusal(&s->x, app, &err);
		return;
	}
	case_ctx_sync(&s->x);
	app_message(app, false, msg(MSG_CK_MARKED), m->name,
		    case_state_text(material_state_name(st)));
	if (s->rows.selected + 1 < s->x.n)
		s->rows.selected++;
}

static int defect_key(struct checklist *s, struct app *app, int ret, wint_t ch)
{
	if (ret == OK && ch == KEY_ESC) {
		s->asking_defect = false;
		app_message_clear(app);
		return UI_HANDLED | UI_REDRAW;
	}
	if ((ret == OK && (ch == '\r' || ch == '\n')) ||
	    (ret == KEY_CODE_YES && (ch == KEY_ENTER || ch == KEY_F(2)))) {
		if (validate_text(lineedit_text(&s->defect), 200, false) !=
			VALID_OK ||
		    lineedit_chars(&s->defect) == 0) {
			app_message(app, true, "%s", msg(MSG_CK_DEFECT_EMPTY));
			return UI_HANDLED | UI_REDRAW;
		}
		s->asking_defect = false;
		mark(s, app, STATE_DEFECTIVE, lineedit_text(&s->defect));
		return UI_HANDLED | UI_REDRAW;
	}
	return lineedit_key(&s->defect, ret, ch) | UI_HANDLED;
}

/* 1 provided, 2 missing, 3 defective, 4 shared; letters p m d s too. */
static int state_key(wint_t ch, enum material_state *st)
{
	static const char *const keys_of[] = {[STATE_PROVIDED] = "1pP",
					      [STATE_MISSING] = "2mM",
					      [STATE_DEFECTIVE] = "3dD",
					      [STATE_SHARED] = "4sS"};

	for (int i = STATE_PROVIDED; i <= STATE_SHARED; i++)
		if (ch < 128 && strchr(keys_of[i], (int)ch)) {
			*st = (enum material_state)i;
			return 1;
		}
	return 0;
}

static int move_key(struct checklist *s, struct app *app, wint_t ch)
{
	int r = list_key(&s->rows, KEY_CODE_YES, ch);

	if (r != UI_IGNORED)
		return r;
	switch (ch) {
	case KEY_F(5):
		case_ctx_load(&s->x, app, s->case_id);
		break;
	case KEY_F(6):
		app_message_clear(app);
		app_push(app, &screen_notice,
			 &(struct screen_arg){.case_id = s->case_id});
		break;
	case KEY_F(7):
		app_message_clear(app);
		app_push(app, &screen_accept,
			 &(struct screen_arg){.case_id = s->case_id});
		break;
	default:
		return UI_IGNORED;
	}
	return UI_HANDLED | UI_REDRAW;
}

static int checklist_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct checklist *s = state;
	enum material_state st;

	if (s->asking_defect)
		return defect_key(s, app, ret, ch);
	if (ret == KEY_CODE_YES)
		return move_key(s, app, ch);
	if (ch == KEY_ESC) { /* the inquiry view closes a converted one */
		app_message_clear(app);
		app_pop_with(app,
			     &(struct screen_result){.case_id = s->case_id});
		return UI_HANDLED;
	}
	if (s->x.n == 0 || !state_key(ch, &st))
		return UI_IGNORED;
	if (st == STATE_DEFECTIVE) {
		int line = s->x.line_of[s->rows.selected];

		s->asking_defect = true;
		lineedit_set_text(&s->defect,
				  line >= 0 && s->x.c.lines[line].note
				      ? s->x.c.lines[line].note
				      : "");
		app_message(app, false, "%s", msg(MSG_CK_DEFECT_HELP));
		return UI_HANDLED | UI_REDRAW;
	}
	mark(s, app, st, NULL);
	return UI_HANDLED | UI_REDRAW;
}

/* Back from the notice or acceptance: the case has moved on. */
static void checklist_resume(void *state, struct app *app,
			     const struct screen_result *res)
{
	struct checklist *s = state;

	(void)res;
	case_ctx_load(&s->x, app, s->case_id);
}

static void checklist_free(void **state)
{
	struct checklist *s = *state;

	if (!s)
		return;
	case_ctx_release(&s->x);
	lineedit_release(&s->defect);
	list_release(&s->rows);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_checklist = {
    .name = "checklist",
    .title = MSG_CK_TITLE,
    .help = MSG_HELP_CHECKLIST,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = checklist_open,
    .layout = checklist_layout,
    .draw = checklist_draw,
    .key = checklist_key,
    .resume = checklist_resume,
    .free = checklist_free,
    .keys_now = checklist_keys_now,
};
