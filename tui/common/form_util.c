/* form_util.c - what the form screens share (see form_util.h). */
#include <ctype.h>
#include <time.h>

#include "wincase/text.h"

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
