/* form.c - the form engine: fields as data, focus, editing, validation and
 * one error message per field. The words on screen come from the caller
 * (labels, choices, validators); nothing here is in any language. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/forms.h"
#include "wincase/text.h"

#define KEY_TAB '\t'

struct form *form_new(const struct field_def *defs, size_t n,
		      const char *required_msg)
{
	struct form *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->defs = defs;
	f->n = n;
	f->required_msg = required_msg;
	f->fields = calloc(n ? n : 1, sizeof(*f->fields));
	if (!f->fields) {
		free(f);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		if (lineedit_init(&f->fields[i].editor, defs[i].max_chars)) {
			form_free(&f);
			return NULL;
		}
		f->fields[i].editor.masked = defs[i].kind == FIELD_PASSWORD;
	}
	return f;
}

void form_free(struct form **form)
{
	struct form *f = *form;

	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++)
		lineedit_release(&f->fields[i].editor);
	free(f->fields);
	free(f);
	*form = NULL;
}

const char *form_value(const struct form *form, size_t index)
{
	return lineedit_text(&form->fields[index].editor);
}

size_t form_choice(const struct form *form, size_t index)
{
	return form->fields[index].choice;
}

int form_set_value(struct form *form, size_t index, const char *text)
{
	return lineedit_set_text(&form->fields[index].editor, text);
}

static size_t choice_count(const struct field_def *def)
{
	size_t n = 0;

	while (def->choices && def->choices[n])
		n++;
	return n;
}

void form_set_choice(struct form *form, size_t index, size_t choice)
{
	if (choice < choice_count(&form->defs[index]))
		form->fields[index].choice = choice;
}

int form_find(const struct form *form, const char *name)
{
	for (size_t i = 0; i < form->n; i++)
		if (form->defs[i].name && strcmp(form->defs[i].name, name) == 0)
			return (int)i;
	return -1;
}

void form_set_error(struct form *form, size_t index, const char *msg)
{
	snprintf(form->fields[index].error, sizeof(form->fields[index].error),
		 "%s", msg ? msg : "");
}

void form_focus(struct form *form, size_t index)
{
	if (index < form->n)
		form->focus = index;
}

bool form_validate_field(struct form *form, size_t index)
{
	const struct field_def *def = &form->defs[index];
	struct form_field *fld = &form->fields[index];
	bool empty = def->kind != FIELD_CHOICE && fld->editor.len == 0;

	fld->error[0] = '\0';
	if (empty && def->required) {
		form_set_error(form, index, form->required_msg);
		return false;
	}
	if (def->validate &&
	    def->validate(form, index, fld->error, sizeof(fld->error))) {
		if (!fld->error[0])
			form_set_error(form, index, form->required_msg);
		return false;
	}
	fld->error[0] = '\0';
	return true;
}

bool form_validate(struct form *form)
{
	bool ok = true;

	for (size_t i = form->n; i-- > 0;) {
		form->fields[i].touched = true;
		if (!form_validate_field(form, i)) {
			ok = false;
			form->focus = i;
		}
	}
	return ok;
}

/* Validators may look at other fields (the ID number at its type). */
static void revalidate_touched(struct form *form)
{
	for (size_t i = 0; i < form->n; i++)
		if (form->fields[i].touched)
			form_validate_field(form, i);
}

static int focus_move(struct form *form, int step)
{
	form->fields[form->focus].touched = true;
	form_validate_field(form, form->focus);
	form->focus = (form->focus + form->n + (size_t)(long)step) % form->n;
	return UI_HANDLED | UI_REDRAW;
}

static int choice_key(struct form *form, int ret, wint_t ch)
{
	struct form_field *fld = &form->fields[form->focus];
	size_t n = choice_count(&form->defs[form->focus]);

	if (n == 0)
		return UI_IGNORED;
	if (ret == KEY_CODE_YES && ch == KEY_LEFT)
		fld->choice = (fld->choice + n - 1) % n;
	else if ((ret == KEY_CODE_YES && ch == KEY_RIGHT) ||
		 (ret == OK && ch == ' '))
		fld->choice = (fld->choice + 1) % n;
	else if (ret == OK && ch >= '1' && ch <= '9' && (size_t)(ch - '1') < n)
		fld->choice = (size_t)(ch - '1');
	else
		return UI_IGNORED;
	return UI_HANDLED | UI_REDRAW | UI_CHANGED;
}

static int lookup_key(struct form *form, int ret, wint_t ch)
{
	struct form_field *fld = &form->fields[form->focus];

	if ((ret == KEY_CODE_YES && (ch == KEY_BACKSPACE || ch == KEY_DC)) ||
	    (ret == OK && (ch == 0x7f || ch == 0x08))) {
		lineedit_clear(&fld->editor);
		return UI_HANDLED | UI_REDRAW | UI_CHANGED;
	}
	return UI_IGNORED;
}

int form_key(struct form *form, int ret, wint_t ch)
{
	const struct field_def *def;
	int r;

	if (form->n == 0)
		return UI_IGNORED;
	def = &form->defs[form->focus];
	if ((ret == OK && ch == KEY_TAB) ||
	    (ret == KEY_CODE_YES && ch == KEY_DOWN))
		return focus_move(form, 1);
	if (ret == KEY_CODE_YES && (ch == KEY_BTAB || ch == KEY_UP))
		return focus_move(form, -1);
	if ((ret == OK && (ch == '\n' || ch == '\r')) ||
	    (ret == KEY_CODE_YES && ch == KEY_ENTER)) {
		if (def->kind == FIELD_LOOKUP)
			return UI_HANDLED | UI_ACTIVATE;
		if (form->focus + 1 == form->n) {
			form->fields[form->focus].touched = true;
			return UI_HANDLED | UI_REDRAW | UI_SUBMIT;
		}
		return focus_move(form, 1);
	}
	if (def->kind == FIELD_CHOICE)
		r = choice_key(form, ret, ch);
	else if (def->kind == FIELD_LOOKUP)
		r = lookup_key(form, ret, ch);
	else
		r = lineedit_key(&form->fields[form->focus].editor, ret, ch);
	if (r & UI_CHANGED) {
		form->fields[form->focus].touched = true;
		revalidate_touched(form);
	}
	return r;
}

void form_layout(const struct form *form, int rows, int cols,
		 struct form_layout *out)
{
	int label = 0, w;
	size_t count;

	for (size_t i = 0; i < form->n; i++) {
		w = text_width(form->defs[i].label);
		if (w > label)
			label = w;
	}
	out->label_cols = label + 3; /* label, required mark, blank */
	if (out->label_cols > cols / 2)
		out->label_cols = cols / 2;
	out->input_x = out->label_cols;
	out->input_max = cols - out->input_x - 1;
	if (out->input_max < 1)
		out->input_max = 1;
	out->rows_per_field = 2; /* the field, then its error message */
	count = rows > 0 ? (size_t)(rows / out->rows_per_field) : 0;
	if (count == 0)
		count = 1;
	if (count > form->n)
		count = form->n;
	out->count = count;
	out->first = form->focus < count ? 0 : form->focus - count + 1;
}

static int field_width(const struct field_def *def,
		       const struct form_layout *lay)
{
	int w = def->width > 0 ? def->width : lay->input_max;

	return w < lay->input_max ? w : lay->input_max;
}

static void choice_draw(const struct form *form, size_t i, WINDOW *win, int y,
			int x, int width, attr_t attr)
{
	const struct field_def *def = &form->defs[i];
	const char *label = "";
	char buf[256];

	if (choice_count(def) > 0)
		label = def->choices[form->fields[i].choice];
	snprintf(buf, sizeof(buf), "< %s >", label);
	table_draw_cell(win, y, x, width, buf, attr);
}

static void field_draw(struct form *form, size_t i, WINDOW *win, int y,
		       int left, const struct form_layout *lay, int *cur_x)
{
	const struct field_def *def = &form->defs[i];
	struct form_field *fld = &form->fields[i];
	bool focused = i == form->focus;
	attr_t in = theme_attr(focused ? THEME_INPUT_FOCUS : THEME_INPUT);
	int x = left + lay->input_x, width = field_width(def, lay);
	struct line_view v;
	char label[300];

	snprintf(label, sizeof(label), "%s%s", def->label,
		 def->required ? "*" : "");
	table_draw_cell(win, y, left, lay->label_cols - 1, label,
			theme_attr(THEME_LABEL) | (focused ? A_BOLD : 0));
	*cur_x = -1;
	switch (def->kind) {
	case FIELD_CHOICE:
		choice_draw(form, i, win, y, x, width, in);
		*cur_x = x;
		break;
	case FIELD_LOOKUP:
		table_draw_cell(win, y, x, width, lineedit_text(&fld->editor),
				in);
		*cur_x = x;
		break;
	default:
		lineedit_draw(&fld->editor, win, y, x, width, in);
		lineedit_view(&fld->editor, width, &v);
		*cur_x = x + v.cursor_x;
		break;
	}
	if (fld->error[0] && lay->rows_per_field > 1) {
		snprintf(label, sizeof(label), "! %s", fld->error);
		table_draw_cell(win, y + 1, x, lay->input_max, label,
				theme_attr(THEME_ERROR));
	}
}

void form_draw(struct form *form, WINDOW *win, int top, int left,
	       const struct form_layout *lay, int *cur_y, int *cur_x)
{
	int y = top, x;

	*cur_y = *cur_x = -1;
	for (size_t i = lay->first; i < lay->first + lay->count && i < form->n;
	     i++) {
		field_draw(form, i, win, y, left, lay, &x);
		if (i == form->focus) {
			*cur_y = y;
			*cur_x = x;
		}
		y += lay->rows_per_field;
	}
}
