/* screen_review_text.c - what the reviewer screens share: the target item,
 * kind words, short times, the text view and a growing text buffer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/net_review.h"
#include "wincase/text.h"

#include "review/review.h"

bool review_role(const struct app *app)
{
	return app->user.role == NET_ROLE_REVIEWER ||
	       app->user.role == NET_ROLE_ADMIN;
}

const char *review_kind_text(enum review_kind kind)
{
	static const enum msg_id words[REVIEW_KIND_COUNT] = {
	    MSG_RV_KIND_TOLERANT, MSG_RV_KIND_ONCE,    MSG_RV_KIND_BREACH,
	    MSG_RV_KIND_OVERDUE,  MSG_RV_KIND_BOUNCED, MSG_RV_KIND_RECTIFY,
	};
	return (unsigned)kind < REVIEW_KIND_COUNT ? msg(words[kind]) : "?";
}

void review_short_time(const char *t, char *out, size_t size)
{
	/* YYYY-MM-DDTHH:MM... */
	if (t && strlen(t) >= 16 && t[10] == 'T')
		snprintf(out, size, "%.5s %.5s", t + 5, t + 11);
	else
		snprintf(out, size, "%s", t ? t : "");
}

/* "case:12" -> "办件#12", "user:clerk1" -> "用户 clerk1" ... */
void review_entity_words(const char *e, char *out, size_t size)
{
	static const struct {
		const char *prefix;
		enum msg_id word;
		const char *sep;
	} kinds[] = {
	    {"case:", MSG_RV_CASE, "#"},
	    {"inquiry:", MSG_RV_INQUIRY, "#"},
	    {"user:", MSG_EX_USER, " "},
	    {"item:", MSG_RV_ITEM, " "},
	    {"calendar:", MSG_EX_CALENDAR, " "},
	    {"review:", MSG_EX_COL_ITEM, "#"},
	};

	for (size_t i = 0; e && i < sizeof(kinds) / sizeof(*kinds); i++) {
		size_t n = strlen(kinds[i].prefix);

		if (strncmp(e, kinds[i].prefix, n) == 0) {
			snprintf(out, size, "%s%s%s", msg(kinds[i].word),
				 kinds[i].sep, e + n);
			return;
		}
	}
	snprintf(out, size, "%s", e ? e : "");
}

void textbuf_add(struct textbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->failed)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (b->len + (size_t)n + 1 > b->cap) {
		size_t cap = (b->len + (size_t)n + 1) * 2;
		char *p = realloc(b->s, cap);

		if (!p) {
			b->failed = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void textbuf_release(struct textbuf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

/* Splits the text into display lines of at most cols columns. */
static int textview_wrap(struct textview *tv)
{
	size_t cap = 16, at = 0, len = tv->text ? strlen(tv->text) : 0;
	int width = tv->cols > 2 ? tv->cols - 2 : 1;

	free(tv->starts);
	free(tv->lens);
	tv->n = 0;
	tv->starts = malloc(cap * sizeof(size_t));
	tv->lens = malloc(cap * sizeof(size_t));
	if (!tv->starts || !tv->lens)
		return -1;
	while (at < len) {
		const char *line = tv->text + at;
		size_t end = strcspn(line, "\n"), take;
		char saved = line[end];

		/* text_cut works on a NUL-terminated string. */
		tv->text[at + end] = '\0';
		take = text_cut(line, width, NULL);
		tv->text[at + end] = saved;
		if (take == 0 && end > 0)
			take = end; /* cannot happen with width >= 2 */
		if (tv->n == cap) {
			size_t *s, *l;

			cap *= 2;
			s = realloc(tv->starts, cap * sizeof(size_t));
			if (s)
				tv->starts = s;
			l = realloc(tv->lens, cap * sizeof(size_t));
			if (l)
				tv->lens = l;
			if (!s || !l)
				return -1;
		}
		tv->starts[tv->n] = at;
		tv->lens[tv->n++] = take;
		at += take;
		if (take == end && at < len)
			at++; /* the newline */
	}
	if (tv->first >= tv->n)
		tv->first = tv->n ? tv->n - 1 : 0;
	return 0;
}

int textview_set(struct textview *tv, const char *text)
{
	char *copy = strdup(text ? text : "");

	if (!copy)
		return -1;
	free(tv->text);
	tv->text = copy;
	tv->first = 0;
	return textview_wrap(tv);
}

void textview_layout(struct textview *tv, int top, int rows, int cols)
{
	tv->top = top;
	tv->rows = rows < 1 ? 1 : rows;
	if (cols != tv->cols) {
		tv->cols = cols;
		textview_wrap(tv);
	}
}

void textview_draw(struct textview *tv, WINDOW *win)
{
	char line[1024];

	for (int r = 0; r < tv->rows; r++) {
		size_t i = tv->first + (size_t)r;
		size_t n = 0;

		if (i < tv->n) {
			n = tv->lens[i] < sizeof(line) - 1 ? tv->lens[i]
							   : sizeof(line) - 1;
			memcpy(line, tv->text + tv->starts[i], n);
		}
		line[n] = '\0';
		table_draw_cell(win, tv->top + r, 1, tv->cols - 1, line,
				theme_attr(THEME_NORMAL));
	}
}

int textview_key(struct textview *tv, int ret, wint_t ch)
{
	size_t page = tv->rows > 1 ? (size_t)tv->rows - 1 : 1;
	size_t last = tv->n > (size_t)tv->rows ? tv->n - (size_t)tv->rows : 0;

	if (ret != KEY_CODE_YES)
		return UI_IGNORED;
	switch (ch) {
	case KEY_UP:
		if (tv->first > 0)
			tv->first--;
		break;
	case KEY_DOWN:
		if (tv->first < last)
			tv->first++;
		break;
	case KEY_PPAGE:
		tv->first = tv->first > page ? tv->first - page : 0;
		break;
	case KEY_NPAGE:
		tv->first = tv->first + page < last ? tv->first + page : last;
		break;
	case KEY_HOME:
		tv->first = 0;
		break;
	case KEY_END:
		tv->first = last;
		break;
	default:
		return UI_IGNORED;
	}
	return UI_HANDLED | UI_REDRAW;
}

void textview_release(struct textview *tv)
{
	free(tv->text);
	free(tv->starts);
	free(tv->lens);
	memset(tv, 0, sizeof(*tv));
}
