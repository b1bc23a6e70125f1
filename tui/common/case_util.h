/* case_util.h - what the case screens share: the case with its catalog
 * item and scenario, the Chinese words of states, the header line, server
 * refusals (a 412 reloads and says so) and scrolling document text. */
#ifndef WINCASE_TUI_CASE_UTIL_H
#define WINCASE_TUI_CASE_UTIL_H

#include "wincase/checklist.h"
#include "wincase/lifecycle.h"
#include "wincase/net_case.h"

#include "app.h"

struct case_ctx {
	struct net_case c;
	struct item item;
	bool loaded;
	const struct scenario *sc; /* NULL when the item lacks it */
	/* Per scenario material: its state, and the case line (-1: none). */
	enum material_state states[CATALOG_MAX_MATERIALS];
	int line_of[CATALOG_MAX_MATERIALS];
	size_t n; /* scenario materials, at most CATALOG_MAX_MATERIALS */
};

/* Reads the case case_id (it may be x->c.id: a reload) and its item;
 * false with the message set. */
bool case_ctx_load(struct case_ctx *x, struct app *app, const char *case_id);
void case_ctx_release(struct case_ctx *x);
/* Recomputes states from x->c after the case changed. */
void case_ctx_sync(struct case_ctx *x);
/* The material of scenario position i. */
const struct material *case_ctx_material(const struct case_ctx *x, size_t i);
/* The name of a material id (the catalog's, else the id itself). */
const char *case_ctx_material_name(const struct case_ctx *x, const char *id);

/* The Chinese words of states and statuses; "?" for an unknown value. */
const char *case_state_label(enum material_state state);
const char *case_status_label(enum case_status status);
const char *commitment_status_label(enum commitment_status status);
const char *inquiry_status_label(enum inquiry_status status);
/* The same from an API word (a case's or a commitment's status); the word
 * itself when unknown. */
const char *case_state_text(const char *state);
const char *case_status_text(const char *status);

/* A key bar built for the state, for a screen's keys_now: only the keys
 * that work now (lifecycle.h's table, the role, the mode). */
struct key_list {
	struct screen_key keys[16];
	size_t n;
};
/* Appends key with its label when `when` (and there is room). */
void key_list_add(struct key_list *l, bool when, const char *key,
		  enum msg_id label);
/* True when a print command is configured (restricted mode clears it
 * unless restricted_print is set, safe.h). */
bool case_can_print(const struct app *app);
/* True when a material of the case is missing or defective: something a
 * notice would list. */
bool case_ctx_has_open_defect(const struct case_ctx *x);

/* One line at y: number, applicant, item name, status. */
void case_header_draw(const struct case_ctx *x, struct app *app, WINDOW *win,
		      int y);

/* A refusal of the server on the message line; on version_conflict the
 * case is read again and the message says so. */
void case_refusal(struct case_ctx *x, struct app *app,
		  const struct wc_error *err);

/* Multi-line text (a document) scrolled by first line, in rows x cols. */
void case_text_draw(WINDOW *win, int y, int x, int rows, int cols,
		    const char *text, int first);
int case_text_lines(const char *text, int cols);
/* Up/Down/PgUp/PgDn/Home/End on a scrolled text; UI_IGNORED otherwise. */
int case_text_key(int *first, int lines, int rows, wint_t ch);

/* Prints text with the configured command, or saves it as name in the data
 * folder; the outcome on the message line. */
void case_print(struct app *app, const char *text);
void case_save(struct app *app, const char *name, const char *text);
/* An issued document numbered no: the server's PDF to the print command
 * (补打 on every page when reprint), its text when the server has no PDF
 * for it; saved as NO.txt and, when the server makes one, NO.pdf beside
 * it. Messages as case_print and case_save. */
void case_print_document(struct app *app, const char *no, bool reprint,
			 const char *text);
void case_save_document(struct app *app, const char *no, const char *text);

/* Appends a formatted text to *buf (len bytes so far, grown with realloc);
 * false when out of memory. */
/* A server time as the clerk reads it (date.h date_time_short: "12-02
 * 14:39", the year added when not this one). */
#include "wincase/date.h"
void case_time_text(const char *at, char out[DATE_TIME_SHORT_SIZE]);

bool case_append(char **buf, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
