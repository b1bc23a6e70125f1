/* test_csv.c - the CSV writer and reader of the statistics export
 * (tui/csv.c): RFC 4180 quoting, CRLF, the UTF-8 BOM, formula guard, and
 * hostile cells written and read back unchanged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* tui/ is not a library: the test compiles the module itself. */
#include "../../tui/common/csv.c"

/* Writes cells as one record to a memory buffer; returns it (caller
 * frees). */
static char *record_text(const char *const *cells, size_t n, bool bom)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	if (bom)
		assert_int_equal(csv_begin(f), 0);
	assert_int_equal(csv_record(f, cells, n), 0);
	fclose(f);
	return buf;
}

static void test_quoting_table(void **state)
{
	static const struct {
		const char *cell;
		const char *want;
	} cases[] = {
	    {"plain", "plain\r\n"},
	    {"", "\r\n"},
	    {"a,b", "\"a,b\"\r\n"},
	    {"say \"hi\"", "\"say \"\"hi\"\"\"\r\n"},
	    {"two\nlines", "\"two\nlines\"\r\n"},
	    {"cr\rhere", "\"cr\rhere\"\r\n"},
	    {"窗口1", "窗口1\r\n"},
	    {"=1+1", "'=1+1\r\n"},
	    {"@SUM(A1)", "'@SUM(A1)\r\n"},
	    {"-2,3", "\"'-2,3\"\r\n"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const char *cells[1] = {cases[i].cell};
		char *got = record_text(cells, 1, false);

		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

static void test_bom_and_separators(void **state)
{
	const char *cells[] = {"键", NULL, "3"};
	char *got = record_text(cells, 3, true);

	(void)state;
	assert_memory_equal(got, "\xef\xbb\xbf", 3);
	assert_string_equal(got + 3, "键,,3\r\n");
	free(got);
}

static void test_cell_into_buffer(void **state)
{
	char buf[16] = "";

	(void)state;
	assert_true(csv_cell(buf, sizeof(buf), "a\"b"));
	assert_string_equal(buf, "\"a\"\"b\"");
	buf[0] = '\0';
	assert_false(csv_cell(buf, 4, "toolong"));
}

struct grid {
	char cells[8][8][64];
	size_t rows, cols;
};

static int grid_cell(const char *value, size_t row, size_t col, void *user)
{
	struct grid *g = user;

	if (row >= 8 || col >= 8)
		return -1;
	snprintf(g->cells[row][col], sizeof(g->cells[row][col]), "%s", value);
	if (row + 1 > g->rows)
		g->rows = row + 1;
	if (col + 1 > g->cols)
		g->cols = col + 1;
	return 0;
}

/* Hostile cells (quotes, commas, line ends, CJK, an escape) survive a
 * write and a read. */
static void test_round_trip(void **state)
{
	const char *row0[] = {"分组", "咨询", "满意率"};
	const char *row1[] = {"a,\"b\"\r\nc", "张三\x1b[31m", "0.75"};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct grid g = {0};

	(void)state;
	assert_int_equal(csv_begin(f), 0);
	assert_int_equal(csv_record(f, row0, 3), 0);
	assert_int_equal(csv_record(f, row1, 3), 0);
	fclose(f);
	assert_int_equal(csv_read(buf, len, grid_cell, &g), 2);
	assert_int_equal(g.cols, 3);
	assert_string_equal(g.cells[0][0], "分组");
	assert_string_equal(g.cells[0][2], "满意率");
	assert_string_equal(g.cells[1][0], "a,\"b\"\r\nc");
	assert_string_equal(g.cells[1][1], "张三\x1b[31m");
	assert_string_equal(g.cells[1][2], "0.75");
	free(buf);
}

static void test_read_errors(void **state)
{
	struct grid g = {0};

	(void)state;
	assert_int_equal(csv_read("\"open", 5, grid_cell, &g), -1);
	assert_int_equal(csv_read("", 0, grid_cell, &g), 0);
	assert_int_equal(csv_read("a,b", 3, grid_cell, &g), 1);
	assert_string_equal(g.cells[0][1], "b");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_quoting_table),
	    cmocka_unit_test(test_bom_and_separators),
	    cmocka_unit_test(test_cell_into_buffer),
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_read_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
