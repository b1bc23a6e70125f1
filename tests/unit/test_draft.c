#define _GNU_SOURCE /* memmem */
/* test_draft.c - drafts: a form's values survive a round trip through the
 * text format and the file (atomic, mode 0600), passwords never written,
 * hostile values (newlines, backslashes, CJK) kept exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wincase/draft.h"
#include "wincase/localstore.h"
#include "wincase/forms.h"

static const char *const choices[] = {"甲", "乙", "丙", NULL};

static const struct field_def defs[] = {
    {.name = "applicant.name", .label = "姓名", .kind = FIELD_TEXT},
    {.name = "kind", .label = "类型", .kind = FIELD_CHOICE, .choices = choices},
    {.name = "password", .label = "密码", .kind = FIELD_PASSWORD},
    {.name = "topic", .label = "内容", .kind = FIELD_TEXT},
    {.name = "item_code", .label = "事项", .kind = FIELD_LOOKUP},
};
#define N_DEFS (sizeof(defs) / sizeof(*defs))

static int setup(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	return 0;
}

static struct form *filled(void)
{
	struct form *f = form_new(defs, N_DEFS, "required");

	assert_non_null(f);
	form_set_value(f, 0, "张三");
	form_set_choice(f, 1, 2);
	form_set_value(f, 2, "secret-password");
	form_set_value(f, 3, "a\\b\tc 食品\\n");
	form_set_value(f, 4, "G001 食品经营许可");
	return f;
}

static void test_round_trip(void **state)
{
	struct form *a = filled(), *b = form_new(defs, N_DEFS, "required");
	struct draft_info info;
	char *text;

	(void)state;
	text = draft_serialise(a, "inquiry", "case 7\nx");
	assert_non_null(text);
	assert_null(strstr(text, "secret-password"));
	assert_int_equal(draft_parse_info(text, &info), 0);
	assert_string_equal(info.screen, "inquiry");
	assert_string_equal(info.context, "case 7\nx");
	assert_non_null(strstr(info.summary, "张三"));
	assert_int_equal(draft_parse_into(text, b), 0);
	assert_string_equal(form_value(b, 0), "张三");
	assert_int_equal(form_choice(b, 1), 2);
	assert_string_equal(form_value(b, 2), "");
	assert_string_equal(form_value(b, 4), "G001 食品经营许可");
	/* the line editor turns a tab into nothing it accepts: compare with
	 * what the editor holds in a */
	assert_string_equal(form_value(b, 3), form_value(a, 3));
	free(text);
	form_free(&a);
	form_free(&b);
}

static void test_not_a_draft(void **state)
{
	static const char *const bad[] = {
	    "",
	    "wincase-draft 2\nscreen x\n",
	    "screen inquiry\n",
	    "wincase-draft 1\nscreen ../../etc\n",
	    "wincase-draft 1\n",
	};
	struct draft_info info;
	struct form *f = form_new(defs, N_DEFS, "required");

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_int_equal(draft_parse_info(bad[i], &info), -1);
	/* unknown fields and malformed lines are ignored */
	assert_int_equal(draft_parse_into("wincase-draft 1\nscreen a\n"
					  "text nosuch x\nchoice kind 99\n"
					  "text\nchoice kind\n"
					  "text password leaked\n",
					  f),
			 0);
	assert_int_equal(form_choice(f, 1), 0);
	assert_string_equal(form_value(f, 2), "");
	form_free(&f);
}

/* Found by fuzz_draft: zero-width characters (combining marks) take
 * bytes but no columns, and the summary overflowed its buffer. */
static void test_summary_zero_width(void **state)
{
	char text[1024] = "wincase-draft 1\nscreen inquiry\ntext topic ";
	struct draft_info info;
	size_t len;

	(void)state;
	for (int i = 0; i < 300; i++)
		strcat(text, "\xcc\x81"); /* U+0301 */
	strcat(text, "\n");
	assert_int_equal(draft_parse_info(text, &info), 0);
	len = strlen(info.summary);
	assert_true(len > 0 && len < sizeof(info.summary));
	assert_true(len % 2 == 0); /* whole characters only */
	assert_int_equal(strspn(info.summary, "\xcc\x81"), len);
}

static void test_names(void **state)
{
	(void)state;
	assert_true(draft_name_ok("inquiry_handoff"));
	assert_false(draft_name_ok(""));
	assert_false(draft_name_ok("../x"));
	assert_false(draft_name_ok("a/b"));
	assert_false(draft_name_ok("Inquiry"));
}

/* Issue 12: drafts in each clerk's encrypted store; another clerk on the
 * same computer account sees none, and a file copied over is refused. */
static void test_file(void **state)
{
	char tmpl[] = "/tmp/wincase-draft-test.XXXXXX", dir[4200], path[4300];
	char given[4200], cmd[9000];
	struct form *a = filled(), *b = form_new(defs, N_DEFS, "required");
	struct draft_info list[4], info;
	struct localstore *one = NULL, *two = NULL;
	struct wc_error err = {0};
	struct stat st;
	char *raw = NULL;
	size_t len;

	(void)state;
	assert_non_null(mkdtemp(tmpl));
	snprintf(given, sizeof(given), "%s/data/sub", tmpl);
	assert_int_equal(draft_dir(given, dir, sizeof(dir)), 0);
	assert_string_equal(dir, given);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(localstore_open(dir, "http://127.0.0.1:1", "clerk1",
					 "pw-of-clerk1", LOCALSTORE_CREATE,
					 &one, NULL, &err),
			 0);
	assert_int_equal(localstore_open(dir, "http://127.0.0.1:1", "clerk2",
					 "pw-of-clerk2", LOCALSTORE_CREATE,
					 &two, NULL, &err),
			 0);
	assert_string_not_equal(localstore_dir(one), localstore_dir(two));
	assert_int_equal(draft_list(one, list, 4), 0);
	assert_int_equal(draft_save(one, "inquiry", a, "42"), 0);
	assert_int_equal(draft_save(one, "inquiry", a, "42"), 0); /* replace */
	snprintf(path, sizeof(path), "%s/draft-inquiry.wce",
		 localstore_dir(one));
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(localstore_dir(one), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	/* encrypted: the applicant's name is not in the file */
	{
		FILE *f = fopen(path, "rb");
		char buf[4096];

		assert_non_null(f);
		len = fread(buf, 1, sizeof(buf) - 1, f);
		fclose(f);
		buf[len] = '\0';
		assert_null(memmem(buf, len, "张三", strlen("张三")));
	}
	assert_int_equal(draft_save(one, "../evil", a, NULL), -1);
	assert_int_equal(draft_list(one, list, 4), 1);
	assert_string_equal(list[0].screen, "inquiry");
	assert_string_equal(list[0].context, "42");
	/* the other clerk sees nothing, and a copied file does not open */
	assert_int_equal(draft_list(two, list, 4), 0);
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s/'", path, localstore_dir(two));
	assert_int_equal(system(cmd), 0);
	assert_int_equal(draft_load(two, "inquiry", b, &info), -1);
	assert_int_equal(draft_list(two, list, 4), 0);
	assert_int_equal(localstore_get(two, "draft-inquiry", &raw, &len, &err),
			 -1);
	assert_string_equal(err.code, "refused");
	assert_null(raw);
	/* the same clerk again, offline: the verifier takes the password */
	localstore_close(&one);
	assert_int_equal(localstore_open(dir, "http://127.0.0.1:1", "clerk1",
					 "wrong-password", LOCALSTORE_EXISTING,
					 &one, NULL, &err),
			 -1);
	assert_string_equal(err.code, "bad_credentials");
	assert_int_equal(localstore_open(dir, "http://127.0.0.1:1", "clerk3",
					 "x", LOCALSTORE_EXISTING, &one, NULL,
					 &err),
			 -1);
	assert_string_equal(err.code, "no_local_login");
	assert_int_equal(localstore_open(dir, "http://127.0.0.1:1", "clerk1",
					 "pw-of-clerk1", LOCALSTORE_EXISTING,
					 &one, NULL, &err),
			 0);
	assert_int_equal(draft_load(one, "inquiry", b, &info), 0);
	assert_string_equal(form_value(b, 0), "张三");
	assert_int_equal(draft_remove(one, "inquiry"), 0);
	assert_int_equal(draft_remove(one, "inquiry"), 0);
	assert_int_equal(draft_load(one, "inquiry", b, &info), -1);
	assert_int_equal(draft_list(one, list, 4), 0);
	localstore_close(&one);
	localstore_close(&two);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpl);
	assert_int_equal(system(cmd), 0);
	form_free(&a);
	form_free(&b);
}

static void test_home_expansion(void **state)
{
	char tmpl[] = "/tmp/wincase-home-test.XXXXXX", out[4200], want[4200];
	char *old = getenv("HOME") ? strdup(getenv("HOME")) : NULL;

	(void)state;
	assert_non_null(mkdtemp(tmpl));
	setenv("HOME", tmpl, 1);
	assert_int_equal(draft_dir("~/wc", out, sizeof(out)), 0);
	snprintf(want, sizeof(want), "%s/wc", tmpl);
	assert_string_equal(out, want);
	rmdir(out);
	rmdir(tmpl);
	if (old)
		setenv("HOME", old, 1);
	free(old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_not_a_draft),
	    cmocka_unit_test(test_summary_zero_width),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_file),
	    cmocka_unit_test(test_home_expansion),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
