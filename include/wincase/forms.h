/* forms.h - the form engine of wincase on ncursesw, and the small pieces of
 * screen furniture every screen shares.
 *
 *  - line_editor: a UTF-8 line editor measured in display columns; a CJK
 *    character is never split, the view scrolls horizontally by columns.
 *    It is plain data and is tested without a terminal.
 *  - form: an array of field descriptions (STYLE.md 4); the engine handles
 *    focus, editing, choices and error messages for all of them.
 *  - frame, table and key bar layout: pure functions of the terminal size
 *    (the list widget built on the table layout is in list.h).
 *  - theme: colour roles mapped to a colour or a monochrome scheme.
 *
 * forms/ knows curses and core/, never the network. */
#ifndef WINCASE_FORMS_H
#define WINCASE_FORMS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

/* The Esc key as wget_wch reads it (curses has no name for it). */
#define KEY_ESC 27

/* ---- What a key handler did; the main loop acts on it (htop style). */
enum ui_result {
	UI_IGNORED = 0,
	UI_HANDLED = 1 << 0,
	UI_REDRAW = 1 << 1,
	UI_SUBMIT = 1 << 2,   /* the form asks to be sent */
	UI_ACTIVATE = 1 << 3, /* Enter on a lookup field */
	UI_CHANGED = 1 << 4,  /* a field's value changed */
};

/* ---- Line editor */

struct line_editor {
	char *text;    /* UTF-8, NUL-terminated, owned; never NULL after init */
	size_t len;    /* bytes */
	size_t cap;    /* bytes allocated */
	size_t cursor; /* byte offset, always at a character boundary */
	int scroll;    /* first visible display column */
	size_t max_chars;
	bool masked; /* password: every character shows as one '*' */
};

/* The visible part of the text in a box of a given width. */
struct line_view {
	size_t start; /* first visible byte */
	size_t end;   /* one past the last visible byte */
	int lead;     /* blank columns before start (a wide char cut off) */
	int cursor_x; /* cursor column inside the box */
};

/* Returns -1 when out of memory. max_chars 0 means no limit. */
int lineedit_init(struct line_editor *ed, size_t max_chars);
void lineedit_release(struct line_editor *ed);
/* Replaces the text (invalid UTF-8 and controls are dropped) and puts the
 * cursor at its end. -1 when out of memory. */
int lineedit_set_text(struct line_editor *ed, const char *text);
void lineedit_clear(struct line_editor *ed);
const char *lineedit_text(const struct line_editor *ed);
size_t lineedit_chars(const struct line_editor *ed);

/* Editing; each returns true when something changed. Insert refuses control
 * characters, zero-width characters and characters beyond max_chars. */
bool lineedit_insert(struct line_editor *ed, wchar_t cp);
bool lineedit_backspace(struct line_editor *ed);
bool lineedit_delete(struct line_editor *ed);
bool lineedit_left(struct line_editor *ed);
bool lineedit_right(struct line_editor *ed);
bool lineedit_home(struct line_editor *ed);
bool lineedit_end(struct line_editor *ed);

/* Display column of the cursor from the start of the text. */
int lineedit_cursor_col(const struct line_editor *ed);
/* Display width of the whole text. */
int lineedit_width(const struct line_editor *ed);
/* Scrolls so that the cursor is visible in width columns, fills *view. */
void lineedit_view(struct line_editor *ed, int width, struct line_view *view);
/* What one key did to a line editor. */
enum lineedit_outcome {
	LINEEDIT_NOT_MINE, /* not an editing or cursor key */
	LINEEDIT_NOTHING,  /* an editing key with nothing to do (at a bound) */
	LINEEDIT_MOVED,	   /* the cursor moved, the text is the same */
	LINEEDIT_EDITED,   /* the text changed */
};
/* One key from wget_wch (ret is OK or KEY_CODE_YES): editing and cursor
 * keys. */
enum lineedit_outcome lineedit_apply(struct line_editor *ed, int ret,
				     wint_t ch);
/* lineedit_apply as a key handler's result: UI_IGNORED, UI_HANDLED (nothing
 * to redraw), UI_HANDLED | UI_REDRAW, or that | UI_CHANGED. */
int lineedit_key(struct line_editor *ed, int ret, wint_t ch);
/* Draws the visible part at (y, x) in width columns, padded with spaces.
 * In a focused box (attr THEME_INPUT_FOCUS) the text itself is drawn in
 * THEME_INPUT_TEXT, plain: ncurses ends every update in A_NORMAL, so text
 * in reverse cost each typed key an SGR and an sgr0 around its character
 * (15 of 18 bytes for a CJK one); the room left shows the box. */
void lineedit_draw(struct line_editor *ed, WINDOW *win, int y, int x, int width,
		   attr_t attr);

/* ---- Form */

enum field_kind {
	FIELD_TEXT,
	FIELD_PASSWORD,
	FIELD_CHOICE, /* Left/Right/Space cycle through choices */
	FIELD_LOOKUP, /* read-only value chosen elsewhere: Enter activates */
};

struct form;

/* A validator returns 0 when the value is fine, or -1 with a message for the
 * clerk in msg (what is wrong and what to do). */
typedef int (*field_validator)(const struct form *form, size_t index, char *msg,
			       size_t msg_size);

struct field_def {
	const char *name;  /* API path of the value: "applicant.id_no" */
	const char *label; /* shown left of the field */
	enum field_kind kind;
	int width; /* input columns wanted (shrinks on small screens) */
	size_t max_chars;
	bool required;
	const char *const *choices; /* FIELD_CHOICE labels, NULL-terminated */
	field_validator validate;   /* NULL: only required is checked */
	const char *help;	    /* one line shown while focused */
};

struct form_field {
	struct line_editor editor; /* text, password and lookup values */
	size_t choice;		   /* FIELD_CHOICE: index into choices */
	char error[256];	   /* "" when none */
	bool touched;		   /* edited or left once */
};

struct form {
	const struct field_def *defs;
	size_t n;
	struct form_field *fields;
	size_t focus;
	const char *required_msg; /* message for an empty required field */
	void *user;		  /* for validators */
};

struct form_layout {
	int label_cols; /* width of the label column */
	int input_x;	/* column of the input boxes, from the form's left */
	int input_max;	/* most columns an input box may take */
	int rows_per_field;
	size_t first; /* first visible field */
	size_t count; /* visible fields */
};

/* New form over n field descriptions (borrowed, must outlive the form).
 * NULL when out of memory. Free with form_free. */
struct form *form_new(const struct field_def *defs, size_t n,
		      const char *required_msg);
void form_free(struct form **form);

const char *form_value(const struct form *form, size_t index);
size_t form_choice(const struct form *form, size_t index);
int form_set_value(struct form *form, size_t index, const char *text);
void form_set_choice(struct form *form, size_t index, size_t choice);
/* Index of the field with that name, or -1. */
int form_find(const struct form *form, const char *name);
void form_set_error(struct form *form, size_t index, const char *msg);
void form_focus(struct form *form, size_t index);

/* Runs the validator of one field (and the required check) and stores its
 * message; returns true when the field is fine. */
bool form_validate_field(struct form *form, size_t index);
/* Validates every field; focuses the first bad one. True when all fine. */
bool form_validate(struct form *form);

/* Keys: Tab/Down next field, Shift-Tab/Up previous, Enter next or
 * UI_SUBMIT on the last field, Enter on a lookup UI_ACTIVATE, the rest goes
 * to the focused field. */
int form_key(struct form *form, int ret, wint_t ch);

/* Layout in a box of rows x cols; pure function of the size, the labels and
 * the focus. */
void form_layout(const struct form *form, int rows, int cols,
		 struct form_layout *out);
/* Draws the form at (top, left); leaves *cur_y and *cur_x at the cursor of the
 * focused field (-1 when it has none). */
void form_draw(struct form *form, WINDOW *win, int top, int left,
	       const struct form_layout *lay, int *cur_y, int *cur_x);

/* ---- Frame: the rows every screen shares */

struct frame_layout {
	int rows, cols;
	int status_y;  /* status line: user, window, server */
	int title_y;   /* screen title */
	int body_y;    /* first row of the screen's body */
	int body_rows; /* rows of the body */
	int message_y; /* message line (errors, confirmations) */
	int keybar_y;  /* function-key bar */
	bool too_small;
};

#define FRAME_MIN_ROWS 10
#define FRAME_MIN_COLS 40

void frame_layout(int rows, int cols, struct frame_layout *out);

/* ---- Table columns */

struct column_def {
	const char *title;
	int min;    /* columns it needs */
	int max;    /* columns it may use; 0 = no bound */
	int weight; /* share of the spare columns */
};

/* widths[i] for each column so that they and one blank between them fit in
 * cols; columns that do not fit even at their minimum get 0. */
void table_layout(const struct column_def *defs, size_t n, int cols,
		  int *widths);
/* Draws text cut to width columns (never half a character), padded. */
void table_draw_cell(WINDOW *win, int y, int x, int width, const char *text,
		     attr_t attr);
/* Rows of columns: the list widget, list.h. */

/* ---- Function-key bar */

struct keybar_entry {
	const char *key;   /* "F1" */
	const char *label; /* "帮助" */
};

/* How many entries fit in cols. */
size_t keybar_fit(const struct keybar_entry *entries, size_t n, int cols);
void keybar_draw(WINDOW *win, int y, int cols,
		 const struct keybar_entry *entries, size_t n);

/* ---- Theme: colour roles */

enum theme_role {
	THEME_NORMAL,
	THEME_STATUS,
	THEME_STATUS_ALERT, /* offline */
	THEME_TITLE,
	THEME_KEYBAR,
	THEME_KEYBAR_KEY,
	THEME_LABEL,
	THEME_INPUT,
	THEME_INPUT_FOCUS,
	THEME_INPUT_TEXT, /* the text typed in the focused field */
	THEME_ERROR,
	THEME_SELECTED,
	THEME_HINT,
	THEME_HEADER,
	THEME_COUNT
};

/* After initscr: colours when colour is true and the terminal has them,
 * the monochrome scheme otherwise. */
void theme_init(bool colour);
attr_t theme_attr(enum theme_role role);

#endif
