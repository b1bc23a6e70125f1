/* test_forms_layout.c - layout as a pure function of the terminal size
 * (frame, table columns, key bar, form) and the form engine's focus,
 * choices and validation, all without a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "wincase/forms.h"

static int setup_locale(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	return 0;
}

static void test_frame(void **state)
{
	static const struct {
		int rows, cols;
		int body_rows, keybar_y, message_y;
		bool too_small;
	} cases[] = {
	    {24, 80, 20, 23, 22, false}, {40, 120, 36, 39, 38, false},
	    {25, 81, 21, 24, 23, false}, {10, 40, 6, 9, 8, false},
	    {9, 80, 5, 8, 7, true},	 {24, 39, 20, 23, 22, true},
	    {2, 10, 0, 1, 0, true},
	};
	struct frame_layout f;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		frame_layout(cases[i].rows, cases[i].cols, &f);
		assert_int_equal(f.status_y, 0);
		assert_int_equal(f.body_y, 2);
		assert_int_equal(f.body_rows, cases[i].body_rows);
		assert_int_equal(f.keybar_y, cases[i].keybar_y);
		assert_int_equal(f.message_y, cases[i].message_y);
		assert_int_equal(f.too_small, cases[i].too_small);
		if (!f.too_small)
			assert_int_equal(f.body_y + f.body_rows, f.message_y);
	}
}

static const struct column_def home_columns[] = {
    {.min = 16, .max = 18, .weight = 0},
    {.min = 8, .max = 20, .weight = 1},
    {.min = 10, .max = 0, .weight = 4},
    {.min = 10, .max = 12, .weight = 0},
};

static void test_table_columns(void **state)
{
	int w[4], total;

	(void)state;
	for (int cols = 0; cols <= 200; cols++) {
		table_layout(home_columns, 4, cols, w);
		total = 0;
		for (int i = 0; i < 4; i++) {
			if (w[i] == 0)
				continue;
			assert_true(w[i] >= home_columns[i].min);
			if (home_columns[i].max)
				assert_true(w[i] <= home_columns[i].max);
			total += w[i] + (total ? 1 : 0);
		}
		assert_true(total <= cols);
		/* a column is only dropped when the ones before it fill up */
		for (int i = 1; i < 4; i++)
			if (w[i] > 0)
				assert_true(w[i - 1] > 0);
		/* when everything fits, the row is filled */
		if (cols >= 16 + 8 + 10 + 10 + 3)
			assert_int_equal(total, cols);
	}
	table_layout(home_columns, 4, 78, w);
	assert_int_equal(w[0], 16);
	assert_int_equal(w[3], 10);
	assert_int_equal(w[0] + w[1] + w[2] + w[3] + 3, 78);
	table_layout(home_columns, 4, 40, w);
	assert_int_equal(w[3], 0); /* status dropped */
	table_layout(home_columns, 4, 10, w);
	assert_int_equal(w[0], 0);
}

static void test_keybar_fit(void **state)
{
	static const struct keybar_entry keys[] = {
	    {"F1", "帮助"},  {"F2", "提交"},  {"F3", "选事项"},
	    {"Esc", "返回"}, {"F10", "退出"},
	};

	(void)state;
	/* "F1帮助 " is 7 columns, "F3选事项 " 9, "Esc返回 " 8, "F10退出 " 8 */
	assert_int_equal(keybar_fit(keys, 5, 80), 5);
	assert_int_equal(keybar_fit(keys, 5, 39), 5);
	assert_int_equal(keybar_fit(keys, 5, 38), 4);
	assert_int_equal(keybar_fit(keys, 5, 14), 2);
	assert_int_equal(keybar_fit(keys, 5, 6), 0);
}

static int digits_only(const struct form *form, size_t index, char *msg,
		       size_t size)
{
	const char *v = form_value(form, index);

	for (; *v; v++)
		if (*v < '0' || *v > '9') {
			snprintf(msg, size, "digits only");
			return -1;
		}
	return 0;
}

static const char *const kinds[] = {"一", "二", "三", NULL};

static const struct field_def fields[] = {
    {.name = "applicant.name",
     .label = "申请人姓名",
     .kind = FIELD_TEXT,
     .width = 20,
     .max_chars = 100,
     .required = true},
    {.name = "kind",
     .label = "类型",
     .kind = FIELD_CHOICE,
     .width = 10,
     .choices = kinds},
    {.name = "applicant.id_no",
     .label = "证件号码",
     .kind = FIELD_TEXT,
     .width = 100,
     .max_chars = 40,
     .validate = digits_only},
    {.name = "item_code", .label = "事项", .kind = FIELD_LOOKUP, .width = 30},
    {.name = "p", .label = "密码", .kind = FIELD_PASSWORD, .width = 10},
    {.name = "a", .label = "甲", .kind = FIELD_TEXT},
    {.name = "topic",
     .label = "咨询内容",
     .kind = FIELD_TEXT,
     .required = true},
};
#define N_FIELDS (sizeof(fields) / sizeof(*fields))

static void test_form_layout(void **state)
{
	struct form *f = form_new(fields, N_FIELDS, "required");
	struct form_layout lay;

	(void)state;
	assert_non_null(f);
	form_layout(f, 19, 78, &lay);
	assert_int_equal(lay.label_cols, 13); /* 申请人姓名 10 + 3 */
	assert_int_equal(lay.input_x, 13);
	assert_int_equal(lay.input_max, 78 - 13 - 1);
	assert_int_equal(lay.first, 0);
	assert_int_equal(lay.count, N_FIELDS);
	/* too few rows: a window of fields that holds the focus */
	form_layout(f, 6, 78, &lay);
	assert_int_equal(lay.count, 3);
	assert_int_equal(lay.first, 0);
	form_focus(f, 5);
	form_layout(f, 6, 78, &lay);
	assert_int_equal(lay.first, 3);
	assert_true(f->focus >= lay.first && f->focus < lay.first + lay.count);
	/* narrow: labels never take more than half */
	form_layout(f, 19, 20, &lay);
	assert_true(lay.label_cols <= 10);
	assert_true(lay.input_max >= 1);
	form_free(&f);
	assert_null(f);
}

static void test_form_focus_and_keys(void **state)
{
	struct form *f = form_new(fields, N_FIELDS, "required");
	int r;

	(void)state;
	assert_int_equal(f->focus, 0);
	form_key(f, OK, L'张');
	r = form_key(f, OK, '\t');
	assert_true(r & UI_REDRAW);
	assert_int_equal(f->focus, 1);
	/* choices: right, space, left, digit */
	form_key(f, KEY_CODE_YES, KEY_RIGHT);
	assert_int_equal(form_choice(f, 1), 1);
	form_key(f, OK, ' ');
	assert_int_equal(form_choice(f, 1), 2);
	form_key(f, OK, ' ');
	assert_int_equal(form_choice(f, 1), 0);
	form_key(f, KEY_CODE_YES, KEY_LEFT);
	assert_int_equal(form_choice(f, 1), 2);
	form_key(f, OK, '2');
	assert_int_equal(form_choice(f, 1), 1);
	form_key(f, KEY_CODE_YES, KEY_DOWN);
	/* the validator speaks as soon as a bad character is typed */
	form_key(f, OK, '1');
	assert_string_equal(f->fields[2].error, "");
	form_key(f, OK, 'x');
	assert_string_equal(f->fields[2].error, "digits only");
	form_key(f, KEY_CODE_YES, KEY_BACKSPACE);
	assert_string_equal(f->fields[2].error, "");
	/* Enter moves on, on a lookup it activates */
	r = form_key(f, OK, '\r');
	assert_int_equal(f->focus, 3);
	r = form_key(f, OK, '\r');
	assert_true(r & UI_ACTIVATE);
	assert_int_equal(f->focus, 3);
	form_set_value(f, 3, "000131104000 食品经营许可");
	r = form_key(f, KEY_CODE_YES, KEY_BACKSPACE); /* clears a lookup */
	assert_true(r & UI_CHANGED);
	assert_string_equal(form_value(f, 3), "");
	/* Shift-Tab and Up go back, wrapping at the top */
	form_key(f, KEY_CODE_YES, KEY_BTAB);
	assert_int_equal(f->focus, 2);
	form_focus(f, 0);
	form_key(f, KEY_CODE_YES, KEY_UP);
	assert_int_equal(f->focus, N_FIELDS - 1);
	/* Enter on the last field asks to submit */
	r = form_key(f, KEY_CODE_YES, KEY_ENTER);
	assert_true(r & UI_SUBMIT);
	form_free(&f);
}

static void test_form_validate(void **state)
{
	struct form *f = form_new(fields, N_FIELDS, "required");

	(void)state;
	assert_false(form_validate(f));
	assert_int_equal(f->focus, 0); /* the first bad field */
	assert_string_equal(f->fields[0].error, "required");
	assert_string_equal(f->fields[6].error, "required");
	assert_string_equal(f->fields[2].error, ""); /* optional, empty */
	form_set_value(f, 0, "张三");
	form_set_value(f, 2, "12a");
	form_set_value(f, 6, "咨询");
	assert_false(form_validate(f));
	assert_int_equal(f->focus, 2);
	assert_string_equal(f->fields[2].error, "digits only");
	form_set_value(f, 2, "12");
	assert_true(form_validate(f));
	assert_int_equal(form_find(f, "applicant.id_no"), 2);
	assert_int_equal(form_find(f, "nope"), -1);
	form_set_error(f, 2, "服务器不接受");
	assert_string_equal(f->fields[2].error, "服务器不接受");
	assert_true(f->fields[4].editor.masked);
	form_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_frame),
	    cmocka_unit_test(test_table_columns),
	    cmocka_unit_test(test_keybar_fit),
	    cmocka_unit_test(test_form_layout),
	    cmocka_unit_test(test_form_focus_and_keys),
	    cmocka_unit_test(test_form_validate),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
