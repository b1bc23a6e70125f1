/* test_documents_render.c - the document template renderer and the verify
 * codes (server/documents.h, the pure parts): placeholders, the materials
 * section, hostile values, template errors, the shipped Chinese templates,
 * and codes a person can type. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../server/documents.h"

static const char *const top_keys[] = {"no", "applicant_name", "days", NULL};
static const char *const section_keys[] = {"name", "state", "reason", NULL};

static char *render(const char *tmpl, const char *vars_json)
{
	json_t *vars = json_loads(vars_json, 0, NULL);
	struct wc_error err = {0};
	char *out;

	assert_non_null(vars);
	out = document_render(tmpl, vars, &err);
	json_decref(vars);
	return out;
}

static void test_render_table(void **state)
{
	static const struct {
		const char *tmpl, *vars, *want;
	} cases[] = {
	    {"编号：{{no}}\n", "{\"no\":\"GZ-20261102-0001\"}",
	     "编号：GZ-20261102-0001\n"},
	    {"{{days}}个工作日", "{\"days\":3}", "3个工作日"},
	    {"电话：{{phone}}", "{}", "电话：无"},
	    {"电话：{{phone}}", "{\"phone\":null}", "电话：无"},
	    {"no tags", "{}", "no tags"},
	    {"", "{}", ""},
	    {"{{#m}}{{index}}.{{name}}({{state}})\n{{/m}}end",
	     "{\"m\":[{\"name\":\"营业执照\",\"state\":\"缺少\"},"
	     "{\"name\":\"租赁合同\",\"state\":\"有误\"}]}",
	     "1.营业执照(缺少)\n2.租赁合同(有误)\nend"},
	    /* Inside a section a name falls back to the top level. */
	    {"{{#m}}{{name}}@{{no}};{{/m}}",
	     "{\"no\":\"N1\",\"m\":[{\"name\":\"a\"},{\"name\":\"b\"}]}",
	     "a@N1;b@N1;"},
	    {"[{{#m}}x{{/m}}]", "{\"m\":[]}", "[]"},
	    {"[{{#m}}x{{/m}}]", "{}", "[]"},
	    /* Values are never parsed as template text. */
	    {"{{a}}", "{\"a\":\"{{b}}\",\"b\":\"no\"}", "{{b}}"},
	    /* Hostile values: escapes, CR, tab, bidi override, NUL-free
	     * control characters all become visible text; newlines stay. */
	    {"{{a}}", "{\"a\":\"x\\u001b[2Jy\"}", "x^[[2Jy"},
	    {"{{a}}", "{\"a\":\"line1\\r\\nline2\\tz\"}", "line1^M\nline2 z"},
	    {"{{a}}", "{\"a\":\"\\u202eevil\"}", "<U+202E>evil"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = render(cases[i].tmpl, cases[i].vars);

		if (!out || strcmp(out, cases[i].want) != 0)
			fail_msg("case %zu: got '%s', want '%s'", i,
				 out ? out : "(null)", cases[i].want);
		free(out);
	}
}

static void test_render_errors(void **state)
{
	static const struct {
		const char *tmpl, *vars;
	} cases[] = {
	    {"{{a", "{}"},
	    {"{{}}", "{}"},
	    {"{{A}}", "{}"},
	    {"{{a b}}", "{}"},
	    {"{{#m}}x", "{\"m\":[{}]}"},
	    {"x{{/m}}", "{}"},
	    {"{{#m}}{{#n}}{{/n}}{{/m}}", "{\"m\":[{}]}"},
	    {"{{#m}}x{{/m}}", "{\"m\":\"text\"}"},
	    {"{{#m}}x{{/m}}", "{\"m\":[1]}"},
	    {"{{a}}", "{\"a\":[1]}"},
	    {"{{a}}", "{\"a\":true}"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = render(cases[i].tmpl, cases[i].vars);

		if (out)
			fail_msg("case %zu rendered '%s'", i, out);
	}
}

static void test_template_check(void **state)
{
	static const struct {
		const char *tmpl;
		int want;
	} cases[] = {
	    {"{{no}} {{applicant_name}}\n{{#materials}}{{index}}{{name}}"
	     "{{state}}{{/materials}}",
	     0},
	    {"{{unknown}}", -1},
	    {"{{name}}", -1},  /* a material key outside the section */
	    {"{{index}}", -1}, /* index only inside */
	    {"{{#other}}{{/other}}", -1},
	    {"{{#materials}}", -1},
	    {"{{/materials}}", -1},
	    {"{{#materials}}{{#materials}}{{/materials}}{{/materials}}", -1},
	    {"tab\there", -1},
	    {"cr\r\n", -1},
	    {"bad utf8 \xff", -1},
	    {"{{no", -1},
	};
	struct wc_error err;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = document_template_check(
		    cases[i].tmpl, top_keys, "materials", section_keys, &err);

		if (rc != cases[i].want)
			fail_msg("case %zu: got %d, want %d", i, rc,
				 cases[i].want);
	}
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = calloc(1, 65536);
	size_t n;

	assert_non_null(f);
	assert_non_null(buf);
	n = fread(buf, 1, 65535, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static const char *conf_dir(void)
{
	const char *c = getenv("WINCASE_CONF");

	return c && *c ? c : "conf";
}

/* The shipped notice prints every required element. */
static void test_shipped_notice(void **state)
{
	static const char *const must[] = {
	    "一次性告知书",
	    "{{no}}",
	    "{{applicant_name}}",
	    "{{applicant_id_no}}",
	    "{{applicant_phone}}",
	    "{{item_name}}",
	    "{{item_code}}",
	    "{{application_date}}",
	    "{{#materials}}",
	    "{{state}}",
	    "{{reason}}",
	    "{{how_to_obtain}}",
	    "行政许可法》第三十二条",
	    "{{legal_basis}}",
	    "{{window}}",
	    "{{clerk}}",
	    "{{issued_date}}",
	    "{{contact}}",
	    "{{verify_code}}",
	    "申请人签收：________ 日期：________",
	};
	char path[512], *tmpl;

	(void)state;
	snprintf(path, sizeof(path), "%s/templates/notice.txt", conf_dir());
	tmpl = read_file(path);
	for (size_t i = 0; i < sizeof(must) / sizeof(must[0]); i++)
		if (!strstr(tmpl, must[i]))
			fail_msg("notice.txt lacks %s", must[i]);
	free(tmpl);
}

static void test_shipped_commitment(void **state)
{
	static const char *const must[] = {
	    "容缺受理承诺书",
	    "{{no}}",
	    "{{applicant_name}}",
	    "{{item_name}}",
	    "{{#materials}}",
	    "{{deadline_days}}个工作日",
	    "{{deadline_date}}",
	    "逾期未补交的，按承诺条款处理并记入信用记录",
	    "{{applicant_confirmation}}",
	    "{{clerk}}",
	    "{{window}}",
	    "{{issued_date}}",
	    "{{verify_code}}",
	    "申请人签名：________",
	    "经办人签名：________",
	};
	char path[512], *tmpl;

	(void)state;
	snprintf(path, sizeof(path), "%s/templates/commitment.txt", conf_dir());
	tmpl = read_file(path);
	for (size_t i = 0; i < sizeof(must) / sizeof(must[0]); i++)
		if (!strstr(tmpl, must[i]))
			fail_msg("commitment.txt lacks %s", must[i]);
	free(tmpl);
}

static void test_code_normalize(void **state)
{
	static const struct {
		const char *typed, *want; /* want NULL: refused */
	} cases[] = {
	    {"ABCD-EFGH-JK", "ABCD-EFGH-JK"},
	    {"abcdefghjk", "ABCD-EFGH-JK"},
	    {"ab cd-ef gh jk", "ABCD-EFGH-JK"},
	    {"OOOO-IIII-LL", "0000-1111-11"},
	    {"0123456789", "0123-4567-89"},
	    {"ABCD-EFGH-J", NULL},   /* too short */
	    {"ABCD-EFGH-JKM", NULL}, /* too long */
	    {"ABCD-EFGH-JU", NULL},  /* U is not in the alphabet */
	    {"ABCD_EFGH_JK", NULL},
	    {"", NULL},
	    {"张三", NULL},
	};
	char out[DOCUMENT_CODE_SIZE];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool ok = document_code_normalize(cases[i].typed, out);

		if (ok != (cases[i].want != NULL) ||
		    (ok && strcmp(out, cases[i].want) != 0))
			fail_msg("case %zu '%s': ok %d out '%s'", i,
				 cases[i].typed, ok, ok ? out : "");
	}
}

/* Codes are XXXX-XXXX-XX of the unambiguous alphabet, read back as
 * themselves, differ between signatures and between attempts. */
static void test_code_derive(void **state)
{
	unsigned char sig[64];
	char a[DOCUMENT_CODE_SIZE], b[DOCUMENT_CODE_SIZE],
	    c[DOCUMENT_CODE_SIZE], n[DOCUMENT_CODE_SIZE];

	(void)state;
	for (int round = 0; round < 200; round++) {
		for (size_t i = 0; i < sizeof(sig); i++)
			sig[i] = (unsigned char)(i * 31 + round * 7);
		document_code_derive(sig, 0, a);
		assert_int_equal(strlen(a), 12);
		assert_int_equal(a[4], '-');
		assert_int_equal(a[9], '-');
		assert_null(strpbrk(a, "ILOU"));
		assert_true(document_code_normalize(a, n));
		assert_string_equal(a, n);
		document_code_derive(sig, 0, b);
		assert_string_equal(a, b);
		document_code_derive(sig, 1, c);
		assert_string_not_equal(a, c);
		sig[0] ^= 1;
		document_code_derive(sig, 0, b);
		assert_string_not_equal(a, b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_render_table),
	    cmocka_unit_test(test_render_errors),
	    cmocka_unit_test(test_template_check),
	    cmocka_unit_test(test_shipped_notice),
	    cmocka_unit_test(test_shipped_commitment),
	    cmocka_unit_test(test_code_normalize),
	    cmocka_unit_test(test_code_derive),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
