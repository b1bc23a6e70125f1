/* review.h - the reviewer console's screens and what they share:
 * the item being looked at, the words for the kinds, a scrolling text view.
 * Only reviewers (and administrators) reach them: the login screen sends
 * them here, a clerk never; the server refuses clerks anyway. */
#ifndef WINCASE_TUI_REVIEW_H
#define WINCASE_TUI_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/net_review.h"

#include "app.h"

extern const struct screen_ops screen_review;	     /* the queue */
extern const struct screen_ops screen_review_item;   /* one item, read */
extern const struct screen_ops screen_review_decide; /* the decision */
extern const struct screen_ops screen_search;
extern const struct screen_ops screen_audit;
extern const struct screen_ops screen_stats;

/* What the item and decision screens work on: the queue hands its row to
 * the item screen as screen_arg.data, the item screen its copy to the
 * decision screen; search opens the item screen on screen_arg.case_id or
 * .inquiry_id alone (item_id "": a case or inquiry without a review item).
 * The decision goes back down as screen_result.decided. */
struct review_target {
	char item_id[32];
	enum review_kind kind; /* REVIEW_KIND_COUNT: none */
	char case_id[32];
	char inquiry_id[32];
	char created_at[40];
	char due_date[16];
	char summary[600];
	/* issue 14: pending or done, who works on it ("" nobody), and the
	 * decision's Chinese word once decided ("" before). */
	enum review_status status;
	char owner[64];
	char decided[64];
};

/* The counts per kind on the program's status line (app->status_note),
 * "待审 3：容缺1 推诿2", kinds with none left out: set when the queue is
 * loaded, one less of the kind as soon as a decision is made (the queue
 * reloads when the reviewer is back), cleared when the queue closes. No
 * timer redraws them (slow links). */
void review_status_decided(struct app *app, enum review_kind kind);

/* True for the roles that see the reviewer console. */
bool review_role(const struct app *app);
/* The word for a kind (REVIEW_KIND_BREACH -> 承诺失信); "?" when
 * unknown. */
const char *review_kind_text(enum review_kind kind);
/* An audit entity in words: "case:12" -> "办件#12", "user:clerk1" ->
 * "用户 clerk1" (others as they are). */
void review_entity_words(const char *entity, char *out, size_t size);
/* "2026-11-02T09:30:00+08:00" -> "11-02 09:30" into out. */
void review_short_time(const char *rfc3339, char *out, size_t size);

/* A read-only text of many lines, wrapped at the screen's width (a CJK
 * character is never cut), scrolled with the arrow and page keys. */
struct textview {
	char *text; /* owned */
	size_t *starts, *lens;
	size_t n, first;
	int top, rows, cols;
};

/* Takes a copy of text. -1 when out of memory. */
int textview_set(struct textview *tv, const char *text);
void textview_layout(struct textview *tv, int top, int rows, int cols);
void textview_draw(struct textview *tv, WINDOW *win);
/* Up, Down, PgUp, PgDn, Home, End: UI_HANDLED | UI_REDRAW or UI_IGNORED. */
int textview_key(struct textview *tv, int ret, wint_t ch);
void textview_release(struct textview *tv);

/* A growing text (for building a textview): printf-appends; on out of
 * memory the text stays as it was and buf->failed is set. */
struct textbuf {
	char *s;
	size_t len, cap;
	bool failed;
};
void textbuf_add(struct textbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void textbuf_release(struct textbuf *b);

#endif
