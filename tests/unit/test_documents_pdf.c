/* test_documents_pdf.c - the print layout of documents (issue 17): how a
 * template is cut into blocks (the shipped templates and small ones), the
 * PDF made from the template and variables or, when they no longer render
 * the signed text, from the text alone, the name the public page shows,
 * the public_url setting, and the 培训样张 and 补打 marks on every page
 * of a long document (read back with pdftotext), and Chinese line
 * breaking in the table cells (no line starts with closing punctuation). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../server/config.h"
#include "../../server/documents_pdf.h"

static char *conf_file(const char *name)
{
	const char *conf = getenv("WINCASE_CONF");
	char path[512];
	static char buf[2][16384];
	static int k;
	char *b = buf[k++ % 2];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/templates/%s", conf ? conf : "conf",
		 name);
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(b, 1, sizeof(buf[0]) - 1, f);
	fclose(f);
	b[n] = '\0';
	return b;
}

static void assert_kinds(const char *tmpl, const char *section,
			 const enum document_block_kind *want, size_t n_want)
{
	struct document_block *b;
	struct wc_error err = {0};
	size_t n;

	assert_int_equal(document_blocks(tmpl, section, &b, &n, &err), 0);
	assert_int_equal(n, n_want);
	for (size_t i = 0; i < n; i++)
		if (b[i].kind != want[i])
			fail_msg("block %zu [%s]: kind %d, want %d", i,
				 b[i].source, b[i].kind, want[i]);
	document_blocks_free(&b, &n);
	assert_null(b);
}

static void test_blocks_of_shipped_templates(void **state)
{
	static const enum document_block_kind notice[] = {
	    BLOCK_TITLE,  BLOCK_FIELDS,	   BLOCK_FIELDS,    BLOCK_PARAGRAPH,
	    BLOCK_TABLE,  BLOCK_FIELDS,	   BLOCK_PARAGRAPH, BLOCK_FIELDS,
	    BLOCK_VERIFY, BLOCK_SIGNATURES};
	static const enum document_block_kind commitment[] = {
	    BLOCK_TITLE,  BLOCK_FIELDS,	   BLOCK_FIELDS,    BLOCK_PARAGRAPH,
	    BLOCK_TABLE,  BLOCK_PARAGRAPH, BLOCK_FIELDS,    BLOCK_FIELDS,
	    BLOCK_FIELDS, BLOCK_VERIFY,	   BLOCK_SIGNATURES};

	(void)state;
	assert_kinds(conf_file("notice.txt"), "materials", notice,
		     sizeof(notice) / sizeof(notice[0]));
	assert_kinds(conf_file("commitment.txt"), "materials", commitment,
		     sizeof(commitment) / sizeof(commitment[0]));
}

static void test_blocks_small(void **state)
{
	static const struct {
		const char *tmpl;
		size_t n;
		enum document_block_kind kinds[4];
	} cases[] = {
	    {"    标题\n\n编号：{{no}}\n", 2, {BLOCK_TITLE, BLOCK_FIELDS}},
	    /* A sentence with a colon is no field. */
	    {"经审查，现告知如下：\n", 1, {BLOCK_PARAGRAPH}},
	    {"甲：1    乙：2\n丙：3", 1, {BLOCK_FIELDS}},
	    {"甲：1\n一、第一条\n", 1, {BLOCK_PARAGRAPH}},
	    {"签名：____\n", 1, {BLOCK_SIGNATURES}},
	    {"码：{{verify_code}}\n核验：____", 1, {BLOCK_VERIFY}},
	    /* Blank lines of spaces separate too; none at the ends. */
	    {"\n\n  \n一\n \t\n二\n\n", 2, {BLOCK_PARAGRAPH, BLOCK_PARAGRAPH}},
	    {"", 0, {BLOCK_TITLE}},
	    /* The section is a block of its own, wherever it stands. */
	    {"前：1\n{{#materials}}{{name}}\n{{/materials}}后：2\n",
	     3,
	     {BLOCK_FIELDS, BLOCK_TABLE, BLOCK_FIELDS}},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_kinds(cases[i].tmpl, "materials", cases[i].kinds,
			     cases[i].n);
	/* Without a section name the list is plain text. */
	{
		static const enum document_block_kind one[] = {BLOCK_PARAGRAPH};

		assert_kinds("{{#materials}}x{{/materials}}", NULL, one, 1);
	}
}

static struct document_pdf_options options = {
    .verify_url = "https://example.gov.cn/verify?code=ABCD-EFGH-JK",
    .verify_base = "https://example.gov.cn/verify",
};

static void assert_pdf(const struct document_record *doc)
{
	struct wc_error err = {0};
	size_t len = 0;
	unsigned char *pdf = document_pdf(doc, &options, &len, &err);

	assert_non_null(pdf);
	assert_true(len > 1000);
	assert_memory_equal(pdf, "%PDF-", 5);
	free(pdf);
}

static void test_pdf_from_template_and_from_text(void **state)
{
	const char *tmpl =
	    "    告知书\n\n编号：{{no}}\n申请人：{{applicant_name}}"
	    "\n\n{{#materials}}{{index}}. {{name}}\n{{/materials}}"
	    "\n验证码：{{verify_code}}\n\n签收：____\n";
	const char *data = "{\"no\":\"GZ-1\",\"applicant_name\":\"张三\","
			   "\"verify_code\":\"ABCD-EFGH-JK\",\"materials\":"
			   "[{\"name\":\"营业执照\",\"state\":\"缺少\"}]}";
	json_t *vars = json_loads(data, 0, NULL);
	struct wc_error err = {0};
	struct document_record doc = {.no = "GZ-1"};

	(void)state;
	doc.text = document_render(tmpl, vars, &err);
	doc.template_text = (char *)tmpl;
	doc.data = (char *)data;
	assert_pdf(&doc);
	/* Issued before the variables were kept, or a row whose text no
	 * longer matches them: laid out from the text alone. */
	doc.data = NULL;
	assert_pdf(&doc);
	doc.data = (char *)data;
	doc.text[10] = '#';
	assert_pdf(&doc);
	doc.data = (char *)"not json";
	assert_pdf(&doc);
	/* 补打 and 培训样张 on every page. */
	options.reprint_mark = "补打 11-02 09:00";
	options.training = true;
	assert_pdf(&doc);
	options.reprint_mark = NULL;
	options.training = false;
	free(doc.text);
	json_decref(vars);
}

/* pdftotext of page `page` of the PDF in path, squeezed of blanks and
 * newlines; "" past the last page. */
static void page_text(const char *path, int page, char *out, size_t size)
{
	char cmd[600];
	size_t n = 0;
	int c;
	FILE *p;

	snprintf(cmd, sizeof(cmd),
		 "pdftotext -raw -f %d -l %d '%s' - 2>/dev/null", page, page,
		 path);
	p = popen(cmd, "r");
	assert_non_null(p);
	while ((c = fgetc(p)) != EOF)
		if (c != ' ' && c != '\n' && c != '\f' && n + 1 < size)
			out[n++] = (char)c;
	out[n] = '\0';
	pclose(p);
}

/* A notice listing the materials (a JSON array's text) as a PDF file at
 * path (a mkstemp template, filled in), laid out with `options`. */
static void materials_pdf(const char *materials, char *path)
{
	const char *tmpl = "    告知书\n\n编号：{{no}}\n"
			   "{{#materials}}{{index}}. {{name}}\n{{/materials}}"
			   "\n验证码：{{verify_code}}\n";
	char data[16384];
	size_t len = 0;
	struct wc_error err = {0};
	struct document_record doc = {.no = "GZ-2"};
	json_t *vars;
	unsigned char *pdf;
	int fd;

	snprintf(data, sizeof(data),
		 "{\"no\":\"GZ-2\",\"verify_code\":\"ABCD-EFGH-JK\","
		 "\"materials\":%s}",
		 materials);
	vars = json_loads(data, 0, NULL);
	assert_non_null(vars);
	doc.text = document_render(tmpl, vars, &err);
	doc.template_text = (char *)tmpl;
	doc.data = data;
	pdf = document_pdf(&doc, &options, &len, &err);
	assert_non_null(pdf);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, pdf, len), (ssize_t)len);
	close(fd);
	free(pdf);
	free(doc.text);
	json_decref(vars);
}

/* A training reprint of a list long enough for several pages carries
 * 培训样张 and 补打 on every page, read back from the PDF itself. */
static void test_marks_on_every_page(void **state)
{
	char list[4096] = "[", path[] = "/tmp/test-pdf-XXXXXX", text[16384];
	size_t o = 1;
	int pages = 0;

	(void)state;
	for (int k = 1; k <= 60; k++)
		o += (size_t)snprintf(list + o, sizeof(list) - o,
				      "%s{\"index\":%d,\"name\":\"材料%d\","
				      "\"state\":\"缺少\"}",
				      k > 1 ? "," : "", k, k);
	assert_true(o + 2 < sizeof(list)); /* nothing cut */
	snprintf(list + o, sizeof(list) - o, "]");
	options.reprint_mark = "补打 11-02 09:00";
	options.training = true;
	materials_pdf(list, path);
	options.reprint_mark = NULL;
	options.training = false;
	for (int page = 1;; page++) {
		page_text(path, page, text, sizeof(text));
		if (!*text)
			break;
		pages++;
		if (!strstr(text, "培训样张") || !strstr(text, "补打"))
			fail_msg("page %d lacks a mark: %.200s", page, text);
	}
	unlink(path);
	assert_true(pages >= 2);
}

/* The first character of every line of the PDF (pdftotext -bbox-layout:
 * one <line> per line of text, its <word>s in order) that is one of
 * `closing`; 0 when none. */
static int line_start_in(const char *path, const char *closing)
{
	char cmd[600], buf[4096];
	bool line_open = false;
	FILE *p;
	int found = 0;

	snprintf(cmd, sizeof(cmd), "pdftotext -bbox-layout '%s' - 2>/dev/null",
		 path);
	p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(buf, sizeof(buf), p)) {
		const char *w;

		if (strstr(buf, "<line"))
			line_open = true;
		w = strstr(buf, "<word");
		if (!line_open || !w || !(w = strchr(w, '>')))
			continue;
		line_open = false;
		for (const char *c = closing; *c;) {
			size_t len = 1;

			while ((c[len] & 0xc0) == 0x80)
				len++;
			if (strncmp(w + 1, c, len) == 0)
				found++;
			c += len;
		}
	}
	pclose(p);
	return found;
}

/* Chinese line breaking in the PDF: material names full of closing
 * punctuation, wrapped in their table cell, never start a line with one. */
static void test_pdf_line_breaking(void **state)
{
	char list[12000] = "[", path[] = "/tmp/test-pdf-XXXXXX";
	size_t o = 1;

	(void)state;
	/* names of growing length, so that some punctuation falls at every
	 * position of a cell's line */
	for (int k = 1; k <= 24; k++) {
		o += (size_t)snprintf(list + o, sizeof(list) - o,
				      "%s{\"index\":%d,\"name\":\"",
				      k > 1 ? "," : "", k);
		for (int j = 0; j < 2 + k / 3; j++)
			o += (size_t)snprintf(
			    list + o, sizeof(list) - o,
			    "%.*s经营场所证明（复印件），盖章。", 3 * (k % 4),
			    "甲乙丙");
		o += (size_t)snprintf(list + o, sizeof(list) - o,
				      "\",\"state\":\"缺少\"}");
	}
	assert_true(o + 2 < sizeof(list)); /* nothing cut */
	snprintf(list + o, sizeof(list) - o, "]");
	materials_pdf(list, path);
	assert_int_equal(line_start_in(path, "）），。、；：！？》」"), 0);
	unlink(path);
}

static void test_name_masked(void **state)
{
	static const char *const cases[][2] = {
	    {"张三", "张*"},	       {"欧阳修", "欧**"}, {"张", "张*"},
	    {"爱新觉罗溥仪", "爱***"}, {"Li Lei", "L***"}, {"", "*"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *m = document_name_masked(cases[i][0]);

		assert_string_equal(m, cases[i][1]);
		free(m);
	}
}

static void test_public_url(void **state)
{
	static const struct {
		const char *in, *out; /* out NULL: refused */
	} cases[] = {
	    {"https://zwfw.example.gov.cn", "https://zwfw.example.gov.cn"},
	    {"https://zwfw.example.gov.cn/wc/",
	     "https://zwfw.example.gov.cn/wc"},
	    {"http://10.1.2.3:8730", "http://10.1.2.3:8730"},
	    {"ftp://example.org", NULL},
	    {"https://", NULL},
	    {"https:///path", NULL},
	    {"https://a.b/x?y=1", NULL},
	    {"https://a.b/\"><script>", NULL},
	    {"https://a b", NULL},
	    {"zwfw.example.gov.cn", NULL},
	};
	struct server_config cfg;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		config_set_defaults(&cfg);
		if (!cases[i].out) {
			assert_int_equal(
			    config_parse_public_url(&cfg, cases[i].in), -1);
			assert_string_equal(cfg.public_url, "");
			continue;
		}
		assert_int_equal(config_parse_public_url(&cfg, cases[i].in), 0);
		assert_string_equal(cfg.public_url, cases[i].out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_blocks_of_shipped_templates),
	    cmocka_unit_test(test_blocks_small),
	    cmocka_unit_test(test_pdf_from_template_and_from_text),
	    cmocka_unit_test(test_marks_on_every_page),
	    cmocka_unit_test(test_pdf_line_breaking),
	    cmocka_unit_test(test_name_masked),
	    cmocka_unit_test(test_public_url),
	};

	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	document_pdf_cleanup();
	return rc;
}
