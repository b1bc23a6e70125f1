/* form_util.c - what the form screens share (see form_util.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "wincase/text.h"

#include "common/case_util.h"
#include "common/form_util.h"

void form_screen_draw(struct form *form, struct app *app, WINDOW *win, int top,
		      int left, const struct form_layout *lay)
{
	form_draw(form, win, top, left, lay, &app->cursor_y, &app->cursor_x);
	table_draw_cell(win, app->frame.message_y - 1, 0, app->frame.cols,
			form->defs[form->focus].help, theme_attr(THEME_HINT));
}

void form_server_refusal(struct form *form, struct app *app,
			 const struct wc_error *err)
{
	int index = err->field[0] ? form_find(form, err->field) : -1;
	char text[256];

	app_message_error(app, err);
	if (index < 0)
		return;
	msg_for_error(err, text, sizeof(text));
	form_set_error(form, (size_t)index, text);
	form_focus(form, (size_t)index);
}

const enum id_type applicant_id_types[APPLICANT_ID_TYPES] = {
    ID_RESIDENT, ID_USCC, ID_PASSPORT, ID_OTHER};

void applicant_id_type_labels(const char *labels[APPLICANT_ID_TYPES + 1])
{
	static const enum msg_id words[APPLICANT_ID_TYPES] = {
	    MSG_ID_RESIDENT, MSG_ID_USCC, MSG_ID_PASSPORT, MSG_ID_OTHER};

	for (int i = 0; i < APPLICANT_ID_TYPES; i++)
		labels[i] = msg(words[i]);
	labels[APPLICANT_ID_TYPES] = NULL;
}

enum id_type applicant_id_type(const struct form *form)
{
	int index = form_find(form, "applicant.id_type");
	size_t choice = index < 0 ? 0 : form_choice(form, (size_t)index);

	return applicant_id_types[choice < APPLICANT_ID_TYPES ? choice : 0];
}

int applicant_name_check(const struct form *form, size_t index, char *out,
			 size_t size)
{
	enum validate_result r =
	    validate_name(form_value(form, index), NAME_MAX_CHARS);

	if (r == VALID_CHARSET)
		snprintf(out, size, "%s", msg(MSG_NAME_CHARSET));
	else
		msg_for_text(msg(MSG_INQ_NAME), r, NAME_MAX_CHARS, out, size);
	return r == VALID_OK ? 0 : -1;
}

/* No one is born after this year. */
static int max_birth_year(void)
{
	time_t now = time(NULL);
	struct tm tm;

	return localtime_r(&now, &tm) ? tm.tm_year + 1900 : 0;
}

int applicant_id_no_check(const struct form *form, size_t index, char *out,
			  size_t size)
{
	const char *value = form_value(form, index);
	enum id_type type = applicant_id_type(form);
	enum validate_result r;

	if (!*value)
		return 0; /* the identifier is optional */
	r = validate_id(type, value, max_birth_year());
	if (r == VALID_OK)
		return 0;
	msg_for_id(type, r, text_chars(value), out, size);
	return -1;
}

int applicant_phone_check(const struct form *form, size_t index, char *out,
			  size_t size)
{
	const char *value = form_value(form, index);
	enum validate_result r;

	if (!*value)
		return 0;
	r = validate_phone(value);
	msg_for_phone(r, out, size);
	return r == VALID_OK ? 0 : -1;
}

wint_t applicant_id_key_upper(const struct form *form, int ret, wint_t ch)
{
	int id_no = form_find(form, "applicant.id_no");

	if (ret == OK && id_no >= 0 && form->focus == (size_t)id_no &&
	    ch < 128 && islower((int)ch) && applicant_id_type(form) != ID_OTHER)
		return (wint_t)toupper((int)ch);
	return ch;
}

void search_head_draw(struct app *app, WINDOW *win, struct line_editor *query,
		      int y, int x, int cols, size_t n, const char *count_fmt,
		      const char *none)
{
	int width = cols - x - 2 > 40 ? 40 : cols - x - 2;
	char line[200];
	struct line_view v;

	snprintf(line, sizeof(line), "%s：", msg(MSG_ITEMS_SEARCH));
	table_draw_cell(win, y, 2, x - 2, line,
			theme_attr(THEME_LABEL) | A_BOLD);
	lineedit_draw(query, win, y, x, width, theme_attr(THEME_INPUT_FOCUS));
	lineedit_view(query, width, &v);
	app->cursor_y = y;
	app->cursor_x = x + v.cursor_x;
	if (n == 0)
		snprintf(line, sizeof(line), "%s", none);
	else
		snprintf(line, sizeof(line), count_fmt, n);
	table_draw_cell(win, y + 1, 2, cols - 2, line,
			theme_attr(n ? THEME_HINT : THEME_ERROR));
}

void returning_check(struct returning *r, struct form *form, struct app *app)
{
	int name = form_find(form, "applicant.name");
	int id_no = form_find(form, "applicant.id_no");
	int phone = form_find(form, "applicant.phone");
	struct wc_error err = {0};
	const char *no;
	char why[256];

	if (name < 0 || id_no < 0 || phone < 0)
		return;
	no = form_value(form, (size_t)id_no);
	if (!*no || strcmp(no, r->looked_up) == 0 ||
	    applicant_id_no_check(form, (size_t)id_no, why, sizeof(why)) != 0)
		return;
	snprintf(r->looked_up, sizeof(r->looked_up), "%s", no);
	net_applicant_lookup_release(&r->who);
	if (net_applicant_lookup(app->net,
				 id_type_name(applicant_id_type(form)), no,
				 &r->who, &err) != 0 ||
	    !r->who.known)
		return; /* a new applicant, or no answer: the clerk types */
	if (!*form_value(form, (size_t)name) && r->who.name)
		form_set_value(form, (size_t)name, r->who.name);
	if (!*form_value(form, (size_t)phone) && r->who.phone)
		form_set_value(form, (size_t)phone, r->who.phone);
	app_message(app, false, msg(MSG_RA_FOUND),
		    r->who.name ? r->who.name : "");
}

void returning_draw(const struct returning *r, struct app *app, WINDOW *win)
{
	const struct net_applicant_lookup *w = &r->who;
	int y = app->frame.message_y - 4, cols = app->frame.cols - 2;
	char line[512];

	if (!w->known)
		return;
	snprintf(line, sizeof(line), msg(MSG_RA_CASES), w->open_cases.n);
	for (size_t i = 0; i < w->open_cases.n && i < 4; i++) {
		size_t len = strlen(line);

		snprintf(line + len, sizeof(line) - len, "%s%s %s",
			 i ? "，" : "", w->open_cases.items[i].no,
			 case_status_label(w->open_cases.items[i].status));
	}
	table_draw_cell(win, y, 2, cols, line, theme_attr(THEME_LABEL));
	snprintf(line, sizeof(line), msg(MSG_RA_CREDIT), w->credit.commitments,
		 w->credit.fulfilled, w->credit.breached,
		 msg(w->credit.eligible ? MSG_ACC_CREDIT_OK
					: MSG_ACC_CREDIT_BLOCKED));
	table_draw_cell(
	    win, y + 1, 2, cols, line,
	    theme_attr(w->credit.eligible ? THEME_LABEL : THEME_ERROR));
}

void returning_release(struct returning *r)
{
	net_applicant_lookup_release(&r->who);
	r->looked_up[0] = '\0';
}
