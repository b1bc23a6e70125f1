/* lineedit.c - a one-line UTF-8 editor measured in display columns.
 *
 * The text is always valid UTF-8 (only whole encoded characters go in), so
 * moving by one character is moving over continuation bytes. Columns come
 * from core's text_char_width, never from byte counts. */
#include <stdlib.h>
#include <string.h>

#include "wincase/forms.h"
#include "wincase/text.h"

#define CTRL(c) ((c)&0x1f)

int lineedit_init(struct line_editor *ed, size_t max_chars)
{
	memset(ed, 0, sizeof(*ed));
	ed->cap = 64;
	ed->text = calloc(ed->cap, 1);
	ed->max_chars = max_chars;
	return ed->text ? 0 : -1;
}

void lineedit_release(struct line_editor *ed)
{
	if (ed->text)
		memset(ed->text, 0, ed->cap); /* passwords do not linger */
	free(ed->text);
	memset(ed, 0, sizeof(*ed));
}

const char *lineedit_text(const struct line_editor *ed)
{
	return ed->text ? ed->text : "";
}

static size_t char_at(const struct line_editor *ed, size_t pos, wchar_t *cp)
{
	return text_decode(ed->text + pos, ed->len - pos, cp);
}

static size_t prev_boundary(const struct line_editor *ed, size_t pos)
{
	while (pos > 0) {
		pos--;
		if (((unsigned char)ed->text[pos] & 0xc0) != 0x80)
			break;
	}
	return pos;
}

static int char_cols(const struct line_editor *ed, wchar_t cp)
{
	return ed->masked ? 1 : text_char_width(cp);
}

/* Columns of text[from, to). */
static int span_cols(const struct line_editor *ed, size_t from, size_t to)
{
	int cols = 0;
	wchar_t cp;

	while (from < to) {
		from += char_at(ed, from, &cp);
		cols += char_cols(ed, cp);
	}
	return cols;
}

size_t lineedit_chars(const struct line_editor *ed)
{
	size_t n = 0;

	for (size_t i = 0; i < ed->len; i++)
		if (((unsigned char)ed->text[i] & 0xc0) != 0x80)
			n++;
	return n;
}

void lineedit_clear(struct line_editor *ed)
{
	memset(ed->text, 0, ed->cap);
	ed->len = 0;
	ed->cursor = 0;
	ed->scroll = 0;
}

static bool insertable(wchar_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return false;
	return wcwidth(cp) >= 1;
}

bool lineedit_insert(struct line_editor *ed, wchar_t cp)
{
	char enc[4];
	size_t n;

	if (!insertable(cp))
		return false;
	if (ed->max_chars && lineedit_chars(ed) >= ed->max_chars)
		return false;
	n = text_encode(cp, enc);
	if (ed->len + n + 1 > ed->cap) {
		size_t cap = ed->cap * 2;
		char *p = malloc(cap);

		if (!p)
			return false;
		memcpy(p, ed->text, ed->len + 1);
		memset(ed->text, 0, ed->cap);
		free(ed->text);
		ed->text = p;
		ed->cap = cap;
	}
	memmove(ed->text + ed->cursor + n, ed->text + ed->cursor,
		ed->len - ed->cursor + 1);
	memcpy(ed->text + ed->cursor, enc, n);
	ed->len += n;
	ed->cursor += n;
	return true;
}

int lineedit_set_text(struct line_editor *ed, const char *text)
{
	size_t len = text ? strlen(text) : 0, pos = 0, n;
	wchar_t cp;

	lineedit_clear(ed);
	while (pos < len) {
		n = text_decode(text + pos, len - pos, &cp);
		pos += n;
		if (cp == 0xfffd && n == 1)
			continue; /* invalid byte */
		if (!lineedit_insert(ed, cp) && insertable(cp) &&
		    !(ed->max_chars && lineedit_chars(ed) >= ed->max_chars))
			return -1;
	}
	return 0;
}

static void remove_span(struct line_editor *ed, size_t from, size_t to)
{
	memmove(ed->text + from, ed->text + to, ed->len - to + 1);
	ed->len -= to - from;
	memset(ed->text + ed->len, 0, to - from);
}

bool lineedit_backspace(struct line_editor *ed)
{
	size_t from;

	if (ed->cursor == 0)
		return false;
	from = prev_boundary(ed, ed->cursor);
	remove_span(ed, from, ed->cursor);
	ed->cursor = from;
	return true;
}

bool lineedit_delete(struct line_editor *ed)
{
	wchar_t cp;

	if (ed->cursor >= ed->len)
		return false;
	remove_span(ed, ed->cursor, ed->cursor + char_at(ed, ed->cursor, &cp));
	return true;
}

bool lineedit_left(struct line_editor *ed)
{
	if (ed->cursor == 0)
		return false;
	ed->cursor = prev_boundary(ed, ed->cursor);
	return true;
}

bool lineedit_right(struct line_editor *ed)
{
	wchar_t cp;

	if (ed->cursor >= ed->len)
		return false;
	ed->cursor += char_at(ed, ed->cursor, &cp);
	return true;
}

bool lineedit_home(struct line_editor *ed)
{
	if (ed->cursor == 0)
		return false;
	ed->cursor = 0;
	return true;
}

bool lineedit_end(struct line_editor *ed)
{
	if (ed->cursor == ed->len)
		return false;
	ed->cursor = ed->len;
	return true;
}

int lineedit_cursor_col(const struct line_editor *ed)
{
	return span_cols(ed, 0, ed->cursor);
}

int lineedit_width(const struct line_editor *ed)
{
	return span_cols(ed, 0, ed->len);
}

static void scroll_adjust(struct line_editor *ed, int width)
{
	int cur = lineedit_cursor_col(ed), total = lineedit_width(ed);
	int cw = 1;
	wchar_t cp;

	if (ed->cursor < ed->len) {
		char_at(ed, ed->cursor, &cp);
		cw = char_cols(ed, cp);
	}
	if (cw > width)
		cw = width; /* a box of one column still shows the cursor */
	if (total + 1 <= width) {
		ed->scroll = 0;
		return;
	}
	if (cur < ed->scroll)
		ed->scroll = cur;
	if (cur + cw > ed->scroll + width)
		ed->scroll = cur + cw - width;
	/* no blank tail while text is hidden on the left */
	if (ed->scroll > total + 1 - width)
		ed->scroll = total + 1 - width;
	if (ed->scroll < 0)
		ed->scroll = 0;
}

void lineedit_view(struct line_editor *ed, int width, struct line_view *view)
{
	size_t pos = 0, n;
	int col = 0, w;
	wchar_t cp;

	if (width < 1)
		width = 1;
	scroll_adjust(ed, width);
	/* the first character that starts at or after the scroll column */
	while (pos < ed->len) {
		n = char_at(ed, pos, &cp);
		if (col >= ed->scroll)
			break;
		col += char_cols(ed, cp);
		pos += n;
	}
	view->start = pos;
	view->lead = col - ed->scroll;
	while (pos < ed->len) {
		n = char_at(ed, pos, &cp);
		w = char_cols(ed, cp);
		if (col + w - ed->scroll > width)
			break;
		col += w;
		pos += n;
	}
	view->end = pos;
	view->cursor_x = lineedit_cursor_col(ed) - ed->scroll;
}

static enum lineedit_outcome moved(bool did)
{
	return did ? LINEEDIT_MOVED : LINEEDIT_NOTHING;
}

static enum lineedit_outcome edited(bool did)
{
	return did ? LINEEDIT_EDITED : LINEEDIT_NOTHING;
}

static enum lineedit_outcome key_code(struct line_editor *ed, wint_t ch)
{
	switch (ch) {
	case KEY_LEFT:
		return moved(lineedit_left(ed));
	case KEY_RIGHT:
		return moved(lineedit_right(ed));
	case KEY_HOME:
		return moved(lineedit_home(ed));
	case KEY_END:
		return moved(lineedit_end(ed));
	case KEY_BACKSPACE:
		return edited(lineedit_backspace(ed));
	case KEY_DC:
		return edited(lineedit_delete(ed));
	default:
		return LINEEDIT_NOT_MINE;
	}
}

static enum lineedit_outcome key_char(struct line_editor *ed, wint_t ch)
{
	switch (ch) {
	case CTRL('a'):
		return moved(lineedit_home(ed));
	case CTRL('e'):
		return moved(lineedit_end(ed));
	case CTRL('b'):
		return moved(lineedit_left(ed));
	case CTRL('f'):
		return moved(lineedit_right(ed));
	case CTRL('d'):
		return edited(lineedit_delete(ed));
	case CTRL('h'):
	case 0x7f:
		return edited(lineedit_backspace(ed));
	case CTRL('u'):
		if (ed->len == 0)
			return LINEEDIT_NOTHING;
		lineedit_clear(ed);
		return LINEEDIT_EDITED;
	default:
		if (!insertable((wchar_t)ch))
			return LINEEDIT_NOT_MINE;
		return edited(lineedit_insert(ed, (wchar_t)ch));
	}
}

enum lineedit_outcome lineedit_apply(struct line_editor *ed, int ret, wint_t ch)
{
	return ret == KEY_CODE_YES ? key_code(ed, ch) : key_char(ed, ch);
}

int lineedit_key(struct line_editor *ed, int ret, wint_t ch)
{
	switch (lineedit_apply(ed, ret, ch)) {
	case LINEEDIT_NOT_MINE:
		return UI_IGNORED;
	case LINEEDIT_NOTHING:
		return UI_HANDLED;
	case LINEEDIT_MOVED:
		return UI_HANDLED | UI_REDRAW;
	case LINEEDIT_EDITED:
	default:
		return UI_HANDLED | UI_REDRAW | UI_CHANGED;
	}
}

/* The text in text_attr, the room after it in room_attr. */
static void draw_split(struct line_editor *ed, WINDOW *win, int y, int x,
		       int width, attr_t text_attr, attr_t room_attr)
{
	struct line_view v;
	int col = 0;

	if (width < 1)
		return;
	lineedit_view(ed, width, &v);
	wattrset(win, text_attr);
	wmove(win, y, x);
	for (; col < v.lead; col++)
		waddch(win, ' ');
	if (ed->masked) {
		for (size_t i = v.start; i < v.end; i++)
			if (((unsigned char)ed->text[i] & 0xc0) != 0x80) {
				waddch(win, '*');
				col++;
			}
	} else {
		waddnstr(win, ed->text + v.start, (int)(v.end - v.start));
		col += span_cols(ed, v.start, v.end);
	}
	wattrset(win, room_attr);
	for (; col < width; col++)
		waddch(win, ' ');
	wattrset(win, A_NORMAL);
}

void lineedit_draw(struct line_editor *ed, WINDOW *win, int y, int x, int width,
		   attr_t attr)
{
	attr_t focus = theme_attr(THEME_INPUT_FOCUS);

	draw_split(ed, win, y, x, width,
		   attr == focus ? theme_attr(THEME_INPUT_TEXT) : attr, attr);
}
