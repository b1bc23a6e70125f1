/* test_print.c - printing and saving documents (tui/print.c): the print
 * command split into an argv list (no shell: a ';' or '$(...)' is just an
 * argument), the text reaching the command's standard input, a failing or
 * missing command reported, and saved files written 0600 in the data
 * folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The module under test lives in tui/, outside the libraries. */
#include "../../tui/common/print.c"

static char dir[] = "/tmp/wincase-print-XXXXXX";

static void test_split(void **state)
{
	static const struct {
		const char *command;
		size_t n;
		const char *words[5];
	} cases[] = {
	    {"lp", 1, {"lp"}},
	    {"lp -d counter1", 3, {"lp", "-d", "counter1"}},
	    {"  lpr\t -P  hall  ", 3, {"lpr", "-P", "hall"}},
	    {"lp; rm -rf /", 4, {"lp;", "rm", "-rf", "/"}},
	    {"", 0, {NULL}},
	    {"   ", 0, {NULL}},
	    /* Issue 13.2: a printer name with spaces, still no shell. */
	    {"lp -d \"Front Desk\"", 3, {"lp", "-d", "Front Desk"}},
	    {"lp -d 'Front Desk' -n 2",
	     5,
	     {"lp", "-d", "Front Desk", "-n", "2"}},
	    {"lp -d\"Front Desk\"x", 2, {"lp", "-dFront Deskx"}},
	    {"lp -t \"say \\\"hi\\\"\"", 3, {"lp", "-t", "say \"hi\""}},
	    {"lp -t 'a\\b'", 3, {"lp", "-t", "a\\b"}},
	    {"lp \"\"", 2, {"lp", ""}},
	    {"lp $(rm -rf /) `x`", 5, {"lp", "$(rm", "-rf", "/)", "`x`"}},
	    {"lp -d \"Front Desk", 0, {NULL}},
	    {"lp -d 'Front", 0, {NULL}},
	};
	char buf[256], *argv[PRINT_MAX_ARGS];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		size_t n =
		    print_split(cases[i].command, buf, sizeof(buf), argv);

		assert_int_equal(n, cases[i].n);
		for (size_t w = 0; w < n; w++)
			assert_string_equal(argv[w], cases[i].words[w]);
		assert_null(argv[n]);
	}
}

static void test_split_limits(void **state)
{
	char buf[8], *argv[PRINT_MAX_ARGS], big[400];

	(void)state;
	assert_int_equal(
	    print_split("a-command-too-long", buf, sizeof(buf), argv), 0);
	memset(big, 0, sizeof(big));
	for (int i = 0; i < 40; i++)
		strcat(big, "w ");
	{
		char room[512];

		assert_int_equal(print_split(big, room, sizeof(room), argv),
				 PRINT_MAX_ARGS - 1);
		assert_null(argv[PRINT_MAX_ARGS - 1]);
	}
}

static void test_print_to_stdin(void **state)
{
	char command[300], path[200], got[200] = {0};
	const char *text = "一次性告知书\n编号：GZ-20261102-0001\n";
	struct wc_error err = {0};
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/printed.txt", dir);
	snprintf(command, sizeof(command), "tee %s", path);
	assert_int_equal(print_text(command, text, &err), 0);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_true(fread(got, 1, sizeof(got) - 1, f) > 0);
	fclose(f);
	assert_string_equal(got, text);
}

static void test_print_no_shell(void **state)
{
	char command[300], marker[200];
	struct wc_error err = {0};

	(void)state;
	/* Through a shell this would create the marker file. */
	snprintf(marker, sizeof(marker), "%s/shell-ran", dir);
	snprintf(command, sizeof(command), "true ; touch %s", marker);
	print_text(command, "x", &err);
	assert_int_not_equal(access(marker, F_OK), 0);
}

static void test_print_failures(void **state)
{
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(print_text("false", "x", &err), -1);
	assert_string_equal(err.code, "print_failed");
	assert_int_equal(print_text("no-such-printer-command-xyz", "x", &err),
			 -1);
	assert_string_equal(err.code, "print_failed");
	assert_int_equal(print_text("", "x", &err), -1);
}

static void test_save(void **state)
{
	char data[300], path[400], got[500] = {0};
	struct wc_error err = {0};
	struct stat st;
	FILE *f;

	(void)state;
	snprintf(data, sizeof(data), "%s/a/b", dir);
	assert_int_equal(print_save(data, "CN-20261102-0001.txt", "承诺书\n",
				    path, sizeof(path), &err),
			 0);
	assert_non_null(strstr(path, "/a/b/CN-20261102-0001.txt"));
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(data, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_true(fread(got, 1, sizeof(got) - 1, f) > 0);
	fclose(f);
	assert_string_equal(got, "承诺书\n");
	/* Written again: replaced whole, no temporary left behind. */
	assert_int_equal(print_save(data, "CN-20261102-0001.txt", "v2", path,
				    sizeof(path), &err),
			 0);
	snprintf(got, sizeof(got), "%s.tmp", path);
	assert_int_not_equal(access(got, F_OK), 0);
}

static void test_save_home(void **state)
{
	char path[400];
	struct wc_error err = {0};
	const char *old = getenv("HOME");
	char *keep = old ? strdup(old) : NULL;

	(void)state;
	setenv("HOME", dir, 1);
	assert_int_equal(
	    print_save("~/docs", "x.txt", "x", path, sizeof(path), &err), 0);
	assert_int_equal(strncmp(path, dir, strlen(dir)), 0);
	if (keep)
		setenv("HOME", keep, 1);
	free(keep);
	assert_int_equal(print_save("/proc/no/such/place", "x.txt", "x", path,
				    sizeof(path), &err),
			 -1);
	assert_string_equal(err.code, "save_failed");
}

/* The file at path holds exactly the len bytes of want. */
static void assert_file_bytes(const char *path, const char *want, size_t len)
{
	char got[100];
	FILE *f = fopen(path, "rb");
	size_t n;

	assert_non_null(f);
	n = fread(got, 1, sizeof(got), f);
	fclose(f);
	assert_int_equal(n, len);
	assert_memory_equal(got, want, n);
}

/* A PDF goes to the command and to the file byte for byte (NULs too),
 * never with the text mark put in it. */
static void test_pdf_bytes(void **state)
{
	static const char pdf[] = "%PDF-1.5\n\0\x01\xff binary\n%%EOF\n";
	char command[500], path[400], data[300];
	struct wc_error err = {0};

	(void)state;
	print_set_mark("培训样张");
	snprintf(path, sizeof(path), "%s/printed.pdf", dir);
	snprintf(command, sizeof(command), "tee %s", path);
	assert_int_equal(print_pdf(command, pdf, sizeof(pdf) - 1, &err), 0);
	assert_file_bytes(path, pdf, sizeof(pdf) - 1);
	assert_int_equal(print_pdf("false", pdf, sizeof(pdf) - 1, &err), -1);
	assert_string_equal(err.code, "print_failed");
	snprintf(data, sizeof(data), "%s/pdf", dir);
	assert_int_equal(print_save_pdf(data, "GZ-1.pdf", pdf, sizeof(pdf) - 1,
					path, sizeof(path), &err),
			 0);
	assert_file_bytes(path, pdf, sizeof(pdf) - 1);
	print_set_mark(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_split),
	    cmocka_unit_test(test_split_limits),
	    cmocka_unit_test(test_print_to_stdin),
	    cmocka_unit_test(test_print_no_shell),
	    cmocka_unit_test(test_print_failures),
	    cmocka_unit_test(test_save),
	    cmocka_unit_test(test_save_home),
	    cmocka_unit_test(test_pdf_bytes),
	};
	int rc;
	char cmd[300];

	if (!mkdtemp(dir))
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		rc = rc ? rc : 1;
	return rc;
}
