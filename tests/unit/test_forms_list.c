/* test_forms_list.c - the list widget without a terminal: rows as strings
 * at 80 and 60 columns with CJK, emoji and CJK Extension B text (gaps, the
 * ellipsis, never half a wide character), the selection's moves over rows
 * that cannot be chosen, paging and filtering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "wincase/list.h"
#include "wincase/text.h"

static int setup_locale(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	return 0;
}

enum { COL_NO, COL_NAME, COL_STATE, COL_COUNT };

static const struct column_def columns[COL_COUNT] = {
    [COL_NO] = {.min = 6, .max = 6, .weight = 0},
    [COL_NAME] = {.min = 10, .max = 0, .weight = 1},
    [COL_STATE] = {.min = 4, .max = 4, .weight = 0},
};

/* No code point is cut: the text decodes cleanly to its end. */
static void assert_whole_chars(const char *s)
{
	size_t len = strlen(s), n;
	wchar_t cp;

	for (size_t i = 0; i < len; i += n) {
		n = text_decode(s + i, len - i, &cp);
		assert_int_not_equal(cp, 0xfffd);
	}
}

static void test_cell_fits_and_pads(void **state)
{
	char out[128];

	(void)state;
	list_cell_text("张三", 6, out, sizeof(out));
	assert_string_equal(out, "张三  ");
	list_cell_text("", 3, out, sizeof(out));
	assert_string_equal(out, "   ");
	list_cell_text(NULL, 2, out, sizeof(out));
	assert_string_equal(out, "  ");
	list_cell_text("abc", 0, out, sizeof(out));
	assert_string_equal(out, "");
}

static void test_cell_ellipsis_wide(void **state)
{
	static const struct {
		const char *text;
		int width;
		const char *want;
	} cases[] = {
	    {"张三丰", 5, "张三…"},	  /* 4 columns of CJK, then … */
	    {"张三丰", 4, "张 …"},	  /* 三 would straddle: a blank */
	    {"营业执照abc", 6, "营业 …"}, /* ASCII after CJK */
	    {"abcdefgh", 5, "abcd…"},
	    {"😀😀😀", 5, "😀😀…"}, /* emoji, two columns each */
	    {"😀😀😀", 4, "😀 …"},
	    {"𠮷野家𠮷野家", 7, "𠮷野家…"}, /* Extension B, two columns */
	    {"𠮷野家", 2, " …"},
	    {"𠮷", 1, "…"},
	};
	char out[128];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		list_cell_text(cases[i].text, cases[i].width, out, sizeof(out));
		assert_string_equal(out, cases[i].want);
		assert_int_equal(text_width(out), cases[i].width);
		assert_whole_chars(out);
	}
}

static void test_row_at_80_and_60(void **state)
{
	const char *cells[COL_COUNT] = {"No.123", "张三 营业执照办理", "待审"};
	struct list l;
	char row[1024];

	(void)state;
	list_init(&l, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	list_layout(&l, 2, 10, 80);
	/* 78 columns: 6 and 4 fixed, the name takes the rest (66) */
	assert_int_equal(l.widths[COL_NAME], 66);
	list_row_text(&l, cells, row, sizeof(row));
	assert_int_equal(text_width(row), 79); /* columns 1 to 79 */
	assert_memory_equal(row, "No.123 张三 营业执照办理",
			    strlen("No.123 张三 营业执照办理"));
	assert_non_null(strstr(row, " 待审 "));
	list_layout(&l, 2, 10, 60);
	assert_int_equal(l.widths[COL_NAME], 46);
	list_row_text(&l, cells, row, sizeof(row));
	assert_int_equal(text_width(row), 59);
	/* the gap after each column is blank */
	assert_int_equal(row[6], ' ');
	list_release(&l);
}

static void test_row_cut_cjk_emoji_ext_b(void **state)
{
	/* 29 wide characters: 58 columns, more than 46 allow */
	const char *name =
	    "𠮷野家😀张三丰营业执照𠮷😀办理申请材料齐全同意受理𠮷😀容缺";
	const char *cells[COL_COUNT] = {"号码超长的编号", name, "已办结了"};
	struct list l;
	char row[1024], want[256];
	int widths[] = {80, 60};

	(void)state;
	list_init(&l, columns, COL_COUNT, LIST_MARK_ARROW);
	for (size_t i = 0; i < 2; i++) {
		list_layout(&l, 0, 5, widths[i]);
		list_row_text(&l, cells, row, sizeof(row));
		assert_int_equal(text_width(row), widths[i] - 1);
		assert_whole_chars(row);
		/* the number: 3 wide characters in 6 columns, no ellipsis
		 * room for a fourth: "号码" + blank + … */
		assert_memory_equal(row, "号码 … ", strlen("号码 … "));
		snprintf(want, sizeof(want), "%s", " 已 … ");
		assert_non_null(strstr(row, want));
	}
	list_layout(&l, 0, 5, 60);
	list_row_text(&l, cells, row, sizeof(row));
	/* 46 columns: 22 wide characters (44) then a blank and … */
	assert_non_null(strstr(row, "材料齐全同 … "));
	list_layout(&l, 0, 5, 80); /* 66 columns: the whole name */
	list_row_text(&l, cells, row, sizeof(row));
	assert_non_null(strstr(row, "𠮷😀容缺 "));
	list_release(&l);
}

/* Rows 0 and 4 are titles (cannot be chosen), as on the work queue. */
static bool not_title(const void *ctx, size_t item)
{
	(void)ctx;
	return item != 0 && item != 4;
}

static void test_selection_skips_titles_and_pages(void **state)
{
	struct list l;
	size_t item;

	(void)state;
	list_init(&l, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	l.selectable = not_title;
	list_layout(&l, 2, 4, 80);
	list_set_count(&l, 12);
	list_select_first(&l);
	assert_true(list_current(&l, &item));
	assert_int_equal(item, 1);
	assert_int_equal(list_key(&l, KEY_CODE_YES, KEY_UP), UI_HANDLED);
	assert_int_equal(list_key(&l, KEY_CODE_YES, KEY_DOWN),
			 UI_HANDLED | UI_REDRAW);
	list_key(&l, KEY_CODE_YES, KEY_DOWN);
	list_key(&l, KEY_CODE_YES, KEY_DOWN); /* over the title at 4 */
	assert_int_equal(l.selected, 5);
	assert_int_equal(l.first, 2);
	list_key(&l, KEY_CODE_YES, KEY_NPAGE); /* 3 rows a page */
	assert_int_equal(l.selected, 8);
	assert_true(l.selected < l.first + 4);
	assert_int_equal(list_key(&l, KEY_CODE_YES, KEY_END),
			 UI_HANDLED | UI_REDRAW);
	assert_int_equal(l.selected, 11);
	assert_int_equal(l.first, 8);
	assert_int_equal(list_key(&l, KEY_CODE_YES, KEY_NPAGE), UI_HANDLED);
	list_key(&l, KEY_CODE_YES, KEY_PPAGE);
	assert_int_equal(l.selected, 8);
	list_key(&l, KEY_CODE_YES, KEY_HOME);
	assert_int_equal(l.selected, 1);
	/* the title above the selection stays in view */
	assert_int_equal(l.first, 0);
	assert_int_equal(list_key(&l, KEY_CODE_YES, KEY_F(2)), UI_IGNORED);
	assert_int_equal(list_key(&l, OK, 'j'), UI_IGNORED);
	list_set_count(&l, 3); /* shrinks under the selection */
	assert_int_equal(l.selected, 1);
	list_release(&l);
}

/* A selection made before the height is known (a screen loads in open,
 * lays out after) does not leave the list scrolled once it is. */
static void test_follow_after_layout(void **state)
{
	struct list l;

	(void)state;
	list_init(&l, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	l.selectable = not_title;
	list_set_count(&l, 10);
	list_select_item(&l, 5);
	assert_true(l.first > 0);
	list_layout(&l, 2, 20, 80);
	assert_int_equal(l.first, 0);
	assert_int_equal(l.selected, 5);
	list_layout(&l, 2, 3, 60); /* a smaller terminal: still in view */
	assert_true(l.selected >= l.first && l.selected < l.first + 3);
	list_release(&l);
}

static const char *const names[] = {"张三", "李四", "张三丰", "王五", "𠮷田"};

static bool name_has(const void *ctx, size_t item)
{
	return strstr(names[item], (const char *)ctx) != NULL;
}

static void test_filter(void **state)
{
	struct list l;
	size_t item;

	(void)state;
	list_init(&l, columns, COL_COUNT, LIST_MARK_HIGHLIGHT);
	list_layout(&l, 0, 10, 60);
	assert_int_equal(list_filter(&l, 5, name_has, "张"), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(list_item(&l, 1), 2);
	list_key(&l, KEY_CODE_YES, KEY_DOWN);
	assert_true(list_current(&l, &item));
	assert_int_equal(item, 2);
	/* typing more filters again from the first match */
	assert_int_equal(list_filter(&l, 5, name_has, "𠮷"), 0);
	assert_true(list_current(&l, &item));
	assert_int_equal(item, 4);
	assert_int_equal(list_filter(&l, 5, name_has, "赵"), 0);
	assert_false(list_current(&l, &item));
	assert_int_equal(list_key(&l, KEY_CODE_YES, KEY_DOWN), UI_HANDLED);
	assert_int_equal(list_filter(&l, 5, NULL, NULL), 0);
	assert_int_equal(l.n, 5);
	list_select_item(&l, 3);
	assert_int_equal(l.selected, 3);
	list_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cell_fits_and_pads),
	    cmocka_unit_test(test_cell_ellipsis_wide),
	    cmocka_unit_test(test_row_at_80_and_60),
	    cmocka_unit_test(test_row_cut_cjk_emoji_ext_b),
	    cmocka_unit_test(test_selection_skips_titles_and_pages),
	    cmocka_unit_test(test_follow_after_layout),
	    cmocka_unit_test(test_filter),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
