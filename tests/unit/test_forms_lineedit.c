/* test_forms_lineedit.c - the UTF-8 line editor of forms.h: inserting and
 * deleting CJK characters, cursor columns, and the horizontal view that
 * never cuts a character in half. No terminal is needed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "wincase/forms.h"
#include "wincase/text.h"

static int setup_locale(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	return 0;
}

static void type(struct line_editor *ed, const wchar_t *s)
{
	for (; *s; s++)
		assert_true(lineedit_insert(ed, *s));
}

static void test_insert_cjk(void **state)
{
	struct line_editor ed;

	(void)state;
	assert_int_equal(lineedit_init(&ed, 0), 0);
	type(&ed, L"张三");
	assert_string_equal(lineedit_text(&ed), "张三");
	assert_int_equal(ed.len, 6);
	assert_int_equal(lineedit_chars(&ed), 2);
	assert_int_equal(lineedit_width(&ed), 4);
	assert_int_equal(lineedit_cursor_col(&ed), 4);
	/* insert in the middle */
	assert_true(lineedit_left(&ed));
	assert_int_equal(ed.cursor, 3);
	assert_int_equal(lineedit_cursor_col(&ed), 2);
	type(&ed, L"A");
	assert_string_equal(lineedit_text(&ed), "张A三");
	assert_int_equal(lineedit_cursor_col(&ed), 3);
	lineedit_release(&ed);
}

static void test_delete_cjk(void **state)
{
	struct line_editor ed;

	(void)state;
	assert_int_equal(lineedit_init(&ed, 0), 0);
	type(&ed, L"欧阳娜娜x");
	assert_true(lineedit_backspace(&ed));
	assert_string_equal(lineedit_text(&ed), "欧阳娜娜");
	assert_true(lineedit_backspace(&ed)); /* a whole CJK character */
	assert_string_equal(lineedit_text(&ed), "欧阳娜");
	assert_true(lineedit_home(&ed));
	assert_false(lineedit_backspace(&ed));
	assert_false(lineedit_left(&ed));
	assert_true(lineedit_delete(&ed));
	assert_string_equal(lineedit_text(&ed), "阳娜");
	assert_int_equal(ed.cursor, 0);
	assert_true(lineedit_right(&ed));
	assert_int_equal(ed.cursor, 3);
	assert_true(lineedit_end(&ed));
	assert_false(lineedit_delete(&ed));
	assert_false(lineedit_right(&ed));
	assert_int_equal(lineedit_cursor_col(&ed), 4);
	lineedit_clear(&ed);
	assert_string_equal(lineedit_text(&ed), "");
	assert_int_equal(lineedit_cursor_col(&ed), 0);
	lineedit_release(&ed);
}

static void test_refused(void **state)
{
	struct line_editor ed;

	(void)state;
	assert_int_equal(lineedit_init(&ed, 3), 0);
	assert_false(lineedit_insert(&ed, L'\n'));
	assert_false(lineedit_insert(&ed, 0x1b));   /* ESC */
	assert_false(lineedit_insert(&ed, 0x7f));   /* DEL */
	assert_false(lineedit_insert(&ed, 0x9b));   /* C1 CSI */
	assert_false(lineedit_insert(&ed, 0x0301)); /* combining accent */
	type(&ed, L"一二三");
	assert_false(lineedit_insert(&ed, L'四')); /* max_chars */
	assert_string_equal(lineedit_text(&ed), "一二三");
	lineedit_release(&ed);
}

static void test_set_text_cleans(void **state)
{
	struct line_editor ed;

	(void)state;
	assert_int_equal(lineedit_init(&ed, 0), 0);
	assert_int_equal(lineedit_set_text(&ed, "a\x1b[31m\xff张\n"), 0);
	assert_string_equal(lineedit_text(&ed), "a[31m张");
	assert_int_equal(ed.cursor, ed.len);
	lineedit_release(&ed);
}

static bool at_boundary(const struct line_editor *ed, size_t pos)
{
	return pos == ed->len || ((unsigned char)ed->text[pos] & 0xc0) != 0x80;
}

/* For every box width and cursor position: the view starts and ends on
 * character boundaries, fits the box, and shows the cursor. */
static void check_views(const wchar_t *content, bool masked)
{
	struct line_editor ed;
	struct line_view v;
	int used;

	assert_int_equal(lineedit_init(&ed, 0), 0);
	ed.masked = masked;
	type(&ed, content);
	for (int width = 1; width <= 26; width++) {
		lineedit_end(&ed);
		for (;;) {
			lineedit_view(&ed, width, &v);
			assert_true(at_boundary(&ed, v.start));
			assert_true(at_boundary(&ed, v.end));
			assert_true(v.start <= ed.cursor);
			assert_true(ed.cursor <= v.end || ed.cursor == ed.len);
			assert_in_range(v.cursor_x, 0, width - 1);
			assert_in_range(v.lead, 0, 1);
			used = v.lead;
			for (size_t i = v.start; i < v.end;) {
				wchar_t cp;

				i += text_decode(ed.text + i, ed.len - i, &cp);
				used += masked ? 1 : text_char_width(cp);
			}
			assert_true(used <= width);
			if (!lineedit_left(&ed))
				break;
		}
	}
	lineedit_release(&ed);
}

static void test_view_cjk(void **state)
{
	(void)state;
	check_views(L"一二三四五六七八九十", false);
	check_views(L"a张b三cd李四efg王五", false);
	check_views(L"11010519491231002X", false);
	check_views(L"密码密码abc", true);
}

static void test_view_scrolls_by_columns(void **state)
{
	struct line_editor ed;
	struct line_view v;

	(void)state;
	assert_int_equal(lineedit_init(&ed, 0), 0);
	type(&ed, L"一二三四五六"); /* 12 columns */
	lineedit_view(&ed, 7, &v);
	/* cursor at the end needs one column: 6 columns of text show */
	assert_int_equal(v.cursor_x, 6);
	assert_string_equal(ed.text + v.start, "四五六");
	assert_int_equal(ed.scroll, 6);
	/* to the start: the view follows, the tail is cut whole */
	lineedit_home(&ed);
	lineedit_view(&ed, 7, &v);
	assert_int_equal(v.start, 0);
	assert_int_equal(v.cursor_x, 0);
	assert_int_equal(v.end, 9); /* 一二三 = 6 columns; 四 does not fit */
	/* an odd scroll column cuts no character: a blank lead instead */
	ed.scroll = 1;
	lineedit_right(&ed);
	lineedit_view(&ed, 7, &v);
	assert_int_equal(ed.scroll, 1);
	assert_int_equal(v.lead, 1);
	assert_int_equal(v.start, 3);
	assert_int_equal(v.cursor_x, 1);
	lineedit_release(&ed);
}

static void test_keys(void **state)
{
	struct line_editor ed;
	int r;

	(void)state;
	assert_int_equal(lineedit_init(&ed, 0), 0);
	r = lineedit_key(&ed, OK, L'张');
	assert_true(r & UI_CHANGED);
	lineedit_key(&ed, OK, L'三');
	r = lineedit_key(&ed, KEY_CODE_YES, KEY_LEFT);
	assert_true(r & UI_HANDLED);
	assert_false(r & UI_CHANGED);
	assert_int_equal(lineedit_cursor_col(&ed), 2);
	r = lineedit_key(&ed, KEY_CODE_YES, KEY_BACKSPACE);
	assert_true(r & UI_CHANGED);
	assert_string_equal(lineedit_text(&ed), "三");
	lineedit_key(&ed, KEY_CODE_YES, KEY_END);
	lineedit_key(&ed, OK, 0x7f); /* DEL as backspace */
	assert_string_equal(lineedit_text(&ed), "");
	assert_int_equal(lineedit_key(&ed, KEY_CODE_YES, KEY_F(5)), UI_IGNORED);
	assert_int_equal(lineedit_key(&ed, OK, '\t'), UI_IGNORED);
	lineedit_key(&ed, OK, 'a');
	lineedit_key(&ed, OK, 'b');
	lineedit_key(&ed, OK, 0x01); /* Ctrl-A: home */
	assert_int_equal(ed.cursor, 0);
	r = lineedit_key(&ed, OK, 0x15); /* Ctrl-U: clear */
	assert_true(r & UI_CHANGED);
	assert_string_equal(lineedit_text(&ed), "");
	lineedit_release(&ed);
}

/* The line editor's outcome as an enum, and what the loop gets of it: a
 * key with nothing to do asks for no redraw. */
static void test_apply_outcomes(void **state)
{
	struct line_editor ed;

	(void)state;
	assert_int_equal(lineedit_init(&ed, 2), 0);
	assert_int_equal(lineedit_apply(&ed, OK, L'𠮷'), LINEEDIT_EDITED);
	assert_int_equal(lineedit_apply(&ed, KEY_CODE_YES, KEY_RIGHT),
			 LINEEDIT_NOTHING);
	assert_int_equal(lineedit_apply(&ed, KEY_CODE_YES, KEY_LEFT),
			 LINEEDIT_MOVED);
	assert_int_equal(lineedit_apply(&ed, KEY_CODE_YES, KEY_F(2)),
			 LINEEDIT_NOT_MINE);
	assert_int_equal(lineedit_apply(&ed, OK, KEY_ESC), LINEEDIT_NOT_MINE);
	assert_int_equal(lineedit_apply(&ed, OK, L'a'), LINEEDIT_EDITED);
	assert_int_equal(lineedit_apply(&ed, OK, L'b'), LINEEDIT_NOTHING);
	assert_int_equal(lineedit_key(&ed, KEY_CODE_YES, KEY_HOME),
			 UI_HANDLED | UI_REDRAW);
	assert_int_equal(lineedit_key(&ed, KEY_CODE_YES, KEY_HOME), UI_HANDLED);
	assert_int_equal(lineedit_key(&ed, KEY_CODE_YES, KEY_DC),
			 UI_HANDLED | UI_REDRAW | UI_CHANGED);
	lineedit_release(&ed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_insert_cjk),
	    cmocka_unit_test(test_delete_cjk),
	    cmocka_unit_test(test_refused),
	    cmocka_unit_test(test_set_text_cleans),
	    cmocka_unit_test(test_view_cjk),
	    cmocka_unit_test(test_view_scrolls_by_columns),
	    cmocka_unit_test(test_keys),
	    cmocka_unit_test(test_apply_outcomes),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
