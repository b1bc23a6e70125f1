/* test_print_mark.c - the training mark on documents (tui/print.c, issue
 * 6): without a mark the text is unchanged; with 培训样张 set, a line of it
 * opens the document, follows every PRINT_MARK_EVERY lines and closes it,
 * whatever the text's last line; the saved file carries it too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The module under test lives in tui/, outside the libraries. */
#include "../../tui/common/print.c"

#define MARK "==== 培训样张 ==== 培训样张 ==== 培训样张 ====\n"

static size_t count(const char *text, const char *what)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static void test_no_mark(void **state)
{
	char *out;

	(void)state;
	print_set_mark(NULL);
	out = print_marked("告知书\n第二行");
	assert_string_equal(out, "告知书\n第二行");
	free(out);
}

static void test_mark_across(void **state)
{
	char text[400] = "", *out;

	(void)state;
	for (int i = 1; i <= 20; i++)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "line %d\n", i);
	print_set_mark("培训样张");
	out = print_marked(text);
	assert_non_null(out);
	/* top, after lines 8 and 16, bottom */
	assert_int_equal(count(out, MARK), 4);
	assert_memory_equal(out, MARK, strlen(MARK));
	assert_non_null(strstr(out, "line 8\n" MARK "line 9\n"));
	assert_non_null(strstr(out, "line 16\n" MARK "line 17\n"));
	assert_string_equal(out + strlen(out) - strlen(MARK), MARK);
	assert_non_null(strstr(out, "line 20\n" MARK));
	free(out);
	/* a last line without a newline is ended before the closing mark */
	out = print_marked("承诺书");
	assert_string_equal(out, MARK "承诺书\n" MARK);
	free(out);
	out = print_marked("");
	assert_string_equal(out, MARK MARK);
	free(out);
	/* exactly 8 lines: no mark twice in a row at the end */
	out = print_marked("1\n2\n3\n4\n5\n6\n7\n8\n");
	assert_int_equal(count(out, MARK), 2);
	free(out);
	print_set_mark(NULL);
}

static void test_saved_marked(void **state)
{
	char dir[] = "/tmp/wincase-mark-XXXXXX", path[200], buf[512];
	struct wc_error err = {0};
	FILE *f;
	size_t n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	print_set_mark("培训样张");
	assert_int_equal(print_save(dir, "GZ-1.txt", "一次性告知书\n", path,
				    sizeof(path), &err),
			 0);
	print_set_mark(NULL);
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	assert_string_equal(buf, MARK "一次性告知书\n" MARK);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_no_mark),
	    cmocka_unit_test(test_mark_across),
	    cmocka_unit_test(test_saved_marked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
