/* form_util.h - what the screens that are a form share: drawing the form
 * with its help line, a server refusal on the field it names, and the
 * applicant's fields of the inquiry and case forms (their validators from
 * core/, the identifier types, upper-case identifiers). */
#ifndef WINCASE_TUI_FORM_UTIL_H
#define WINCASE_TUI_FORM_UTIL_H

#include "wincase/net_applicant.h"
#include "wincase/validate.h"

#include "app.h"

/* Draws form at (top, left), the cursor at its focused field, and that
 * field's help on the hint line above the message line. */
void form_screen_draw(struct form *form, struct app *app, WINDOW *win, int top,
		      int left, const struct form_layout *lay);

/* A refusal of the server on the message line; when it names a field of
 * form, the field shows it and takes the focus. */
void form_server_refusal(struct form *form, struct app *app,
			 const struct wc_error *err);

/* The head of a list that filters as typed (items, handoff targets): the
 * search field at (y, x) with its label and the cursor in it, and under
 * it count_fmt with n ("%zu") or none when n is 0. */
void search_head_draw(struct app *app, WINDOW *win, struct line_editor *query,
		      int y, int x, int cols, size_t n, const char *count_fmt,
		      const char *none);

/* ---- A returning applicant (issue 13.11), on a form with the
 * applicant's fields: once "applicant.id_no" holds a valid number, the
 * server is asked what it knows; a known applicant's name and phone fill
 * the empty fields for the clerk to confirm, and the open cases and the
 * credit are drawn under the form (three rows above the hint line). */
struct returning {
	char looked_up[64];
	struct net_applicant_lookup who;
};

void returning_check(struct returning *r, struct form *form, struct app *app);
void returning_draw(const struct returning *r, struct app *app, WINDOW *win);
void returning_release(struct returning *r);

/* ---- The applicant's fields: "applicant.name", "applicant.id_type" (a
 * choice over applicant_id_types), "applicant.id_no", "applicant.phone". */

#define APPLICANT_ID_TYPES 4
extern const enum id_type applicant_id_types[APPLICANT_ID_TYPES];

/* labels[0..3] = the types' words, labels[4] = NULL. */
void applicant_id_type_labels(const char *labels[APPLICANT_ID_TYPES + 1]);
/* The type chosen in the form's "applicant.id_type" field. */
enum id_type applicant_id_type(const struct form *form);

/* Validators (field_validator): a name is required text; the identifier
 * and the phone are optional, checked by core/ when given. */
int applicant_name_check(const struct form *form, size_t index, char *out,
			 size_t size);
int applicant_id_no_check(const struct form *form, size_t index, char *out,
			  size_t size);
int applicant_phone_check(const struct form *form, size_t index, char *out,
			  size_t size);

/* Identifiers are upper case; a lower-case x is what people type: ch in
 * upper case when the focus is on "applicant.id_no" of a type other than
 * ID_OTHER, else ch. ret is OK or KEY_CODE_YES as from wget_wch. */
wint_t applicant_id_key_upper(const struct form *form, int ret, wint_t ch);

#endif
