/* screen_rating.c - the applicant rates the service once (R5 好差评): a
 * large, simple screen the clerk turns towards the applicant. Keys 1-5
 * with the five Chinese labels; 1 and 2 ask for reasons (Space ticks one,
 * the last line takes the applicant's own words) before Enter sends it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"

#include "common/case_util.h"

#define N_REASONS 5

struct rating {
	struct case_ctx x;
	int level; /* 0 until a key 1-5 */
	bool reasons[N_REASONS];
	size_t selected; /* 0..N_REASONS-1 reasons, N_REASONS comment */
	struct line_editor comment;
	bool done;
	struct key_list bar; /* the key bar of this state */
	char key[NET_IDEMPOTENCY_KEY_SIZE];
	int top, cols, rows;
};

static const struct screen_key keys[] = {
    {"1-5", MSG_KEY_RATE},
    {"Enter", MSG_KEY_SUBMIT},
    {"Esc", MSG_KEY_BACK},
    {"F10", MSG_KEY_QUIT},
};

/* R5: one rating, after the result; once given the keys to give it go. */
static bool may_rate(const struct rating *s)
{
	return !s->done && s->x.c.rating == 0 &&
	       case_allows(s->x.c.status, CASE_DO_RATE, NULL);
}

static const struct screen_key *rating_keys_now(void *state, size_t *n)
{
	struct rating *s = state;
	struct key_list *l;

	if (!s) {
		*n = sizeof(keys) / sizeof(*keys);
		return keys;
	}
	l = &s->bar;
	l->n = 0;
	key_list_add(l, may_rate(s), "1-5", MSG_KEY_RATE);
	key_list_add(l, may_rate(s), "Enter", MSG_KEY_SUBMIT);
	key_list_add(l, true, "Esc", MSG_KEY_BACK);
	key_list_add(l, true, "F10", MSG_KEY_QUIT);
	*n = l->n;
	return l->keys;
}

static const enum msg_id level_words[6] = {0,	       MSG_RATE_1, MSG_RATE_2,
					   MSG_RATE_3, MSG_RATE_4, MSG_RATE_5};
static const enum msg_id reason_words[N_REASONS] = {
    MSG_RATE_R_SLOW, MSG_RATE_R_TRIPS, MSG_RATE_R_ATTITUDE, MSG_RATE_R_UNCLEAR,
    MSG_RATE_R_RULES};

static int rating_open(struct app *app, const struct screen_arg *arg,
		       void **state)
{
	struct rating *s = calloc(1, sizeof(*s));

	if (!s)
		return -1;
	if (lineedit_init(&s->comment, 500) ||
	    !case_ctx_load(&s->x, app, arg->case_id)) {
		lineedit_release(&s->comment);
		case_ctx_release(&s->x);
		free(s);
		return -1;
	}
	net_idempotency_key_new(s->key);
	*state = s;
	return 0;
}

static void rating_layout(void *state, const struct frame_layout *frame)
{
	struct rating *s = state;

	s->top = frame->body_y;
	s->cols = frame->cols;
	s->rows = frame->body_rows;
}

/* A line centred in the screen width. */
static void centred(struct rating *s, WINDOW *win, int y, const char *text,
		    attr_t attr)
{
	int w = text_width(text), x = (s->cols - w) / 2;

	table_draw_cell(win, y, x > 0 ? x : 0, w < s->cols ? w : s->cols, text,
			attr);
}

static void levels_draw(struct rating *s, WINDOW *win, int y)
{
	char line[120];

	for (int l = 5; l >= 1; l--) {
		snprintf(line, sizeof(line), "%s %d  %s  %s",
			 s->level == l ? "▶" : " ", l, msg(level_words[l]),
			 s->level == l ? "◀" : " ");
		centred(
		    s, win, y + (5 - l) * (s->rows >= 24 ? 2 : 1), line,
		    theme_attr(s->level == l ? THEME_SELECTED : THEME_NORMAL) |
			A_BOLD);
	}
}

static void reasons_draw(struct rating *s, struct app *app, WINDOW *win, int y)
{
	char line[200];
	struct line_view v;
	int x = 4, lx;

	table_draw_cell(win, y++, 2, s->cols - 2, msg(MSG_RATE_REASONS_ASK),
			theme_attr(THEME_LABEL) | A_BOLD);
	for (size_t i = 0; i < N_REASONS; i++) {
		snprintf(line, sizeof(line), "[%s] %s",
			 s->reasons[i] ? "x" : " ", msg(reason_words[i]));
		table_draw_cell(win, y++, x, s->cols - x, line,
				theme_attr(s->selected == i ? THEME_SELECTED
							    : THEME_NORMAL));
	}
	snprintf(line, sizeof(line), "%s：", msg(MSG_RATE_COMMENT));
	lx = x + text_width(line);
	table_draw_cell(win, y, x, lx - x, line, theme_attr(THEME_LABEL));
	lineedit_draw(&s->comment, win, y, lx, s->cols - lx - 2,
		      theme_attr(s->selected == N_REASONS ? THEME_INPUT_FOCUS
							  : THEME_INPUT));
	if (s->selected == N_REASONS) {
		lineedit_view(&s->comment, s->cols - lx - 2, &v);
		app->cursor_y = y;
		app->cursor_x = lx + v.cursor_x;
	}
}

static void rating_draw(void *state, struct app *app, WINDOW *win)
{
	struct rating *s = state;
	bool ask = s->level == 1 || s->level == 2;
	int y = s->top + 1;

	centred(s, win, y, msg(s->done ? MSG_RATE_THANKS : MSG_RATE_ASK),
		theme_attr(THEME_TITLE) | A_BOLD);
	y += 2;
	if (ask && s->rows < 24) {
		/* 80x24: the chosen level, then the reasons. */
		char line[120];

		snprintf(line, sizeof(line), "%d  %s", s->level,
			 msg(level_words[s->level]));
		centred(s, win, y, line, theme_attr(THEME_SELECTED) | A_BOLD);
		reasons_draw(s, app, win, y + 2);
		return;
	}
	levels_draw(s, win, y);
	if (ask)
		reasons_draw(s, app, win, y + 11);
}

static void rating_submit(struct rating *s, struct app *app)
{
	const char *reasons[N_REASONS + 1];
	size_t n = 0;
	bool commented = lineedit_chars(&s->comment) > 0;
	struct wc_error err = {0};

	if (s->level <= 2) {
		for (size_t i = 0; i < N_REASONS; i++)
			if (s->reasons[i])
				reasons[n++] = msg(reason_words[i]);
		if (commented)
			reasons[n++] = lineedit_text(&s->comment);
		if (n == 0) {
			app_message(app, true, "%s", msg(MSG_RATE_NEED_REASON));
			return;
		}
	}
	app_busy(app, MSG_BUSY_SAVING);
	if (net_case_rate(app->net, &s->x.c, s->level, reasons, n,
			  commented ? lineedit_text(&s->comment) : NULL, s->key,
			  &err)) {
		if (!net_error_unsent(&err))
			net_idempotency_key_new(s->key);
		case_refusal(&s->x, app, &err);
	} else {
		s->done = true;
		app_message(app, false, msg(MSG_RATE_DONE), s->level,
			    msg(level_words[s->level]));
	}
}

/* Keys while reasons are asked: Up/Down move, Space ticks, typing goes to
 * the comment line. */
static int reasons_key(struct rating *s, int ret, wint_t ch)
{
	if (ret == KEY_CODE_YES && ch == KEY_UP && s->selected > 0)
		s->selected--;
	else if (ret == KEY_CODE_YES && (ch == KEY_DOWN || ch == KEY_BTAB) &&
		 s->selected < N_REASONS)
		s->selected++;
	else if (ret == OK && ch == '\t' && s->selected < N_REASONS)
		s->selected++;
	else if (s->selected < N_REASONS && ret == OK && ch == ' ')
		s->reasons[s->selected] = !s->reasons[s->selected];
	else if (s->selected == N_REASONS)
		return lineedit_key(&s->comment, ret, ch);
	else
		return UI_IGNORED;
	return UI_HANDLED | UI_REDRAW;
}

static int rating_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct rating *s = state;
	bool ask = s->level == 1 || s->level == 2;

	if (ret == OK && ch == KEY_ESC) {
		app_pop(app);
		return UI_HANDLED;
	}
	if (s->done)
		return UI_IGNORED;
	if ((ret == OK && (ch == '\r' || ch == '\n')) ||
	    (ret == KEY_CODE_YES && (ch == KEY_ENTER || ch == KEY_F(2)))) {
		if (s->level == 0)
			app_message(app, true, "%s", msg(MSG_RATE_PICK));
		else
			rating_submit(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	/* The digits choose a level unless the comment line is being typed. */
	if (ret == OK && ch >= '1' && ch <= '5' &&
	    !(ask && s->selected == N_REASONS)) {
		s->level = (int)(ch - '0');
		app_message(app, false, "%s",
			    msg(s->level <= 2 ? MSG_RATE_HINT_REASONS
					      : MSG_RATE_HINT_CONFIRM));
		return UI_HANDLED | UI_REDRAW;
	}
	return ask ? reasons_key(s, ret, ch) : UI_IGNORED;
}

static void rating_free(void **state)
{
	struct rating *s = *state;

	if (!s)
		return;
	case_ctx_release(&s->x);
	lineedit_release(&s->comment);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_rating = {
    .name = "rating",
    .title = MSG_RATE_TITLE,
    .help = MSG_HELP_RATING,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = rating_open,
    .layout = rating_layout,
    .draw = rating_draw,
    .key = rating_key,
    .free = rating_free,
    .keys_now = rating_keys_now,
};
