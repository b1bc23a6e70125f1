/* test_api_pdf.c - the printed document and its verify page (issue 17)
 * against a real wincased, read back with the tools a person would use:
 * pdftotext finds every field of the signed text in the PDF, pdffonts shows
 * the fonts embedded, a notice of 25 materials runs over pages with the
 * table header again, a name of 100 characters stays inside the page
 * (pdftotext -bbox), zbarimg reads the QR code as the verify URL (of a
 * commitment too), and
 * headless Chromium shows the verify page's words for a genuine, a forged
 * and a malformed code. The PDFs (page by page as PNG, pdftoppm) and the
 * screenshots stay in the test log folder ($WINCASE_TEST_LOGS/pdf). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "../support/cases.h"
#include "../support/command.h"
#include "../support/http.h"
#include "../support/logins.h"
#include "../support/prism.h"
#include "../support/server.h"

#define FOOD "000131104000"
#define BIG  "000131104999"
#define APPLICANT                                                              \
	"{\"name\":\"张三\",\"id_type\":\"resident_id\","                    \
	"\"id_no\":\"11010519491231002X\",\"phone\":\"13800138000\"}"
#define THREE_OPEN                                                                      \
	"application_form=provided,business_licence=missing,"                           \
	"legal_rep_id=provided,premises_proof=defective:租赁合同已过期，需提" \
	"供在有效期内的租赁合同,layout_flow=provided,"                       \
	"safety_manager_proof=missing,safety_rules=provided"
#define ONE_TOLERABLE                                                          \
	"application_form=provided,business_licence=provided,"                 \
	"legal_rep_id=provided,premises_proof=provided,layout_flow=provided,"  \
	"safety_manager_proof=provided,safety_rules=missing"
#define EXTRA_MATERIALS 20
#define OUT_SIZE	(512 * 1024)
/* The content area of documents_pdf.c (A4, 28 mm left, 26 mm right). */
#define PAGE_LEFT  79.0
#define PAGE_RIGHT 522.5
#define PAGE_FOOT  812.0

static struct test_server srv;
static char *clerk1, *clerk2, *admin;
static char logdir[512];
static char out[OUT_SIZE];

static const struct test_login logins[] = {
    {"clerk1", &clerk1}, {"clerk2", &clerk2}, {"admin1", &admin}, {NULL, NULL}};

static int setup(void **state)
{
	const char *logs = getenv("WINCASE_TEST_LOGS");

	(void)state;
	snprintf(logdir, sizeof(logdir), "%s/pdf",
		 logs && *logs ? logs : "build/test-logs");
	mkdir(logs && *logs ? logs : "build/test-logs", 0755);
	mkdir(logdir, 0755);
	return test_server_start_login(&srv, logins);
}

static int teardown(void **state)
{
	(void)state;
	return test_server_stop_logout(&srv, logins);
}

/* Run a tool from /usr/bin (poppler-utils, zbar-tools, chromium) unless
 * argv[0] is a path; its output and errors in out. The exit status. */
static int tool(const char *const *argv)
{
	const char *args[16];
	char path[128];
	size_t n = 0;

	snprintf(path, sizeof(path), "%s%s",
		 strchr(argv[0], '/') ? "" : "/usr/bin/", argv[0]);
	args[n++] = path;
	while (argv[n] && n + 1 < sizeof(args) / sizeof(args[0])) {
		args[n] = argv[n];
		n++;
	}
	args[n] = NULL;
	return test_run_command((char *const *)args, NULL, out, sizeof(out));
}

static void file_write(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* s without blanks and newlines (pdftotext breaks lines where the PDF
 * does; new string). */
static char *squeezed(const char *s)
{
	char *o = malloc(strlen(s) + 1), *p = o;

	assert_non_null(o);
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\r' && *s != '\t' &&
		    *s != '\f')
			*p++ = *s;
	*p = '\0';
	return o;
}

/* A case of clerk1 on item/scenario with the checklist states; its notice's
 * number, verify code and text (new string). */
static void notice_issue(const char *item, const char *scenario,
			 const char *applicant, const char *states, char no[32],
			 char code[32], char **text)
{
	struct test_case c;
	struct http_reply r;

	assert_int_equal(
	    tc_create(srv.url, clerk1, item, scenario, applicant, &c, &r), 201);
	http_reply_release(&r);
	assert_int_equal(tc_checklist(srv.url, clerk1, &c, states, &r), 200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/notices", "{}", &r), 201);
	snprintf(no, 32, "%s", tj_str(r.json, "no"));
	snprintf(code, 32, "%s", tj_str(r.json, "verify_code"));
	*text = strdup(tj_str(r.json, "text"));
	http_reply_release(&r);
}

/* GET the PDF of no as token into logdir/name.pdf; its path in path. */
static void pdf_fetch(const char *no, const char *query, const char *token,
		      const char *name, char *path, size_t size)
{
	struct http_reply r;
	char url[128];

	snprintf(url, sizeof(url), "/v1/documents/%s.pdf%s", no,
		 query ? query : "");
	assert_int_equal(http_get(srv.url, url, token, &r), 0);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.content_type, "application/pdf");
	assert_true(r.content_length > 1000);
	assert_memory_equal(r.body, "%PDF-", 5);
	snprintf(path, size, "%s/%s.pdf", logdir, name);
	file_write(path, r.body, (size_t)r.content_length);
	http_reply_release(&r);
}

/* pdftotext -raw of pages first..last (0: all), squeezed (new string). */
static char *pdf_text(const char *path, int first, int last)
{
	char f[16], l[16];
	const char *all[] = {"pdftotext", "-raw", path, "-", NULL};
	const char *some[] = {"pdftotext", "-raw", "-f", f,   "-l",
			      l,	   path,   "-",	 NULL};

	snprintf(f, sizeof(f), "%d", first);
	snprintf(l, sizeof(l), "%d", last);
	assert_int_equal(tool(first ? some : all), 0);
	return squeezed(out);
}

static int pdf_pages(const char *path)
{
	const char *argv[] = {"pdfinfo", path, NULL};
	const char *p;

	assert_int_equal(tool(argv), 0);
	p = strstr(out, "Pages:");
	assert_non_null(p);
	return atoi(p + 6);
}

/* Every "label：value" of the signed text (pairs apart by four spaces)
 * has its value in the PDF's text. */
static void assert_fields_in(const char *text, const char *pdf)
{
	char *copy = strdup(text), *save = NULL, *line;
	int checked = 0;

	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *piece = line, *gap;

		do {
			char *colon, *value;

			gap = strstr(piece, "    ");
			if (gap)
				*gap = '\0';
			colon = strstr(piece, "：");
			value = colon ? squeezed(colon + 3) : NULL;
			if (value && value[0]) {
				if (!strstr(pdf, value))
					fail_msg("the PDF lacks '%s'", value);
				checked++;
			}
			free(value);
			piece = gap ? gap + 4 : NULL;
		} while (piece);
	}
	free(copy);
	assert_true(checked >= 15);
}

/* pdftoppm into logdir/name-N.png, then zbarimg over them: the QR's text
 * into qr. */
static void pdf_raster_qr(const char *path, const char *name, char *qr,
			  size_t size)
{
	char prefix[600], glob[700], cmd[800];
	const char *ppm[] = {"pdftoppm", "-r",	 "150", "-png",
			     path,	 prefix, NULL};
	const char *sh[] = {"/bin/sh", "-c", cmd, NULL};
	char *nl;

	snprintf(prefix, sizeof(prefix), "%s/%s", logdir, name);
	assert_int_equal(tool(ppm), 0);
	snprintf(glob, sizeof(glob), "%s-*.png", prefix);
	/* zbarimg exits 4 when an image (a page without the code) has
	 * none. */
	snprintf(cmd, sizeof(cmd), "zbarimg -q --raw %s 2>/dev/null; true",
		 glob);
	assert_int_equal(tool(sh), 0);
	nl = strchr(out, '\n');
	if (nl)
		*nl = '\0';
	snprintf(qr, size, "%.*s", (int)(size - 1), out);
}

static void test_notice_pdf_has_every_field(void **state)
{
	char no[32], code[32], path[600], want[200], qr[300], *text, *pdf;
	const char *fonts[] = {"pdffonts", path, NULL};

	(void)state;
	notice_issue(FOOD, "canteen", APPLICANT, THREE_OPEN, no, code, &text);
	pdf_fetch(no, NULL, clerk1, "notice", path, sizeof(path));
	pdf = pdf_text(path, 0, 0);
	assert_fields_in(text, pdf);
	for (const char *const *w =
		 (const char *const[]){"一次性告知书", "序号", "材料名称",
				       "问题", "获取方式", "营业执照",
				       "缺少：未提交", "申请人签收", NULL};
	     *w; w++)
		if (!strstr(pdf, *w))
			fail_msg("the PDF lacks '%s'", *w);
	assert_null(strstr(pdf, "补打"));
	/* Every font embedded, the Ming face and the heading face among
	 * them. */
	assert_int_equal(tool(fonts), 0);
	assert_non_null(strstr(out, "UMing"));
	assert_non_null(strstr(out, "WenQuanYiZenHei"));
	for (char *l = strstr(out, "\n---"), *nl;
	     l && (l = strchr(l + 1, '\n')); l = nl) {
		nl = strchr(l + 1, '\n');
		if (!nl)
			break;
		*nl = '\0';
		if (strlen(l + 1) > 40 && !strstr(l + 1, " yes yes yes "))
			fail_msg("a font is not embedded: %s", l + 1);
		*nl = '\n';
	}
	/* The QR code is this server's verify page of this code (srv.url
	 * may be the OpenAPI check's proxy in front of it). */
	pdf_raster_qr(path, "notice", qr, sizeof(qr));
	snprintf(want, sizeof(want), "/verify?code=%s", code);
	assert_true(strncmp(qr, "http://127.0.0.1:", 17) == 0);
	assert_true(strlen(qr) > strlen(want) &&
		    strcmp(qr + strlen(qr) - strlen(want), want) == 0);
	free(pdf);
	free(text);
}

/* A commitment (R3) prints like a notice: every field, its QR code. */
static void test_commitment_pdf(void **state)
{
	char no[32], path[600], want[64], qr[300], *text, *pdf;
	struct test_case c;
	struct http_reply r;
	const json_t *cm;

	(void)state;
	assert_int_equal(
	    tc_create(srv.url, clerk1, FOOD, "canteen", APPLICANT, &c, &r),
	    201);
	http_reply_release(&r);
	assert_int_equal(tc_checklist(srv.url, clerk1, &c, ONE_TOLERABLE, &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/accept",
				   "{\"mode\":\"tolerant\",\"commitment\":"
				   "{\"applicant_confirmation\":\"张三\"}}",
				   &r),
			 200);
	cm = json_object_get(r.json, "commitment");
	snprintf(no, sizeof(no), "%s", tj_str(cm, "no"));
	snprintf(want, sizeof(want), "/verify?code=%s",
		 tj_str(cm, "verify_code"));
	text = strdup(tj_str(cm, "text"));
	http_reply_release(&r);
	assert_true(strncmp(no, "CN-", 3) == 0);
	pdf_fetch(no, NULL, clerk1, "commitment", path, sizeof(path));
	pdf = pdf_text(path, 0, 0);
	assert_fields_in(text, pdf);
	assert_non_null(strstr(pdf, "容缺受理承诺书"));
	assert_non_null(strstr(pdf, "序号材料名称问题获取方式"));
	assert_non_null(strstr(pdf, "申请人签名"));
	pdf_raster_qr(path, "commitment", qr, sizeof(qr));
	assert_true(strlen(qr) > strlen(want) &&
		    strcmp(qr + strlen(qr) - strlen(want), want) == 0);
	/* Its verify page names the kind. */
	assert_int_equal(http_get(srv.url, want, NULL, &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "容缺受理承诺书"));
	assert_non_null(strstr(r.body, no));
	http_reply_release(&r);
	free(pdf);
	free(text);
}

/* A copy of the food item with EXTRA_MATERIALS more secondary materials
 * and a scenario of all of them, as item BIG. */
static void big_item_put(void)
{
	struct http_reply r;
	json_t *item, *materials, *all, *scenarios;
	char *body, path[64];
	size_t i;
	json_t *m;

	assert_int_equal(http_get(srv.url, "/v1/items/" FOOD, admin, &r), 0);
	assert_int_equal(r.status, 200);
	item = json_deep_copy(r.json);
	http_reply_release(&r);
	materials = json_object_get(item, "materials");
	for (int k = 1; k <= EXTRA_MATERIALS; k++) {
		char id[32], name[160];

		snprintf(id, sizeof(id), "extra_%d", k);
		snprintf(name, sizeof(name),
			 "补充证明材料第%d号（加盖公章的复印件一份）", k);
		json_array_append_new(
		    materials,
		    json_pack("{s:s, s:s, s:s, s:s, s:i, s:b, s:s}", "id", id,
			      "name", name, "role", "secondary", "form", "copy",
			      "copies", 1, "tolerable", 1, "how_to_obtain",
			      "向原发证机关申请开具，或在政务服务网下载打印"));
	}
	all = json_array();
	json_array_foreach(materials, i, m)
	    json_array_append(all, json_object_get(m, "id"));
	scenarios = json_array();
	json_array_append_new(scenarios,
			      json_pack("{s:s, s:s, s:o}", "id", "big", "name",
					"全部材料", "materials", all));
	json_object_set_new(item, "scenarios", scenarios);
	json_object_set_new(item, "code", json_string(BIG));
	body = json_dumps(item, JSON_COMPACT);
	snprintf(path, sizeof(path), "/v1/items/%s", BIG);
	assert_int_equal(http_send_json(srv.url, "PUT", path, admin, body, &r),
			 0);
	assert_int_equal(r.status, 201);
	http_reply_release(&r);
	free(body);
	json_decref(item);
}

/* Every word of every page inside the content area (pdftotext -bbox). */
static void assert_inside_page(const char *path)
{
	const char *argv[] = {"pdftotext", "-bbox", path, "-", NULL};
	int words = 0;

	assert_int_equal(tool(argv), 0);
	for (const char *p = strstr(out, "<word "); p;
	     p = strstr(p + 1, "<word ")) {
		double x0, y0, x1, y1;

		assert_int_equal(sscanf(p,
					"<word xMin=\"%lf\" yMin=\"%lf\" "
					"xMax=\"%lf\" yMax=\"%lf\"",
					&x0, &y0, &x1, &y1),
				 4);
		if (x0 < PAGE_LEFT - 1 || x1 > PAGE_RIGHT + 1 || y1 > PAGE_FOOT)
			fail_msg("a word outside the page: %.120s", p);
		words++;
	}
	assert_true(words > 100);
}

static void test_long_notice_breaks_pages(void **state)
{
	char no[32], code[32], path[600], states[4096], applicant[1024],
	    name[400] = "", foot[64], *text, *pdf;
	size_t o = 0;
	int pages;

	(void)state;
	big_item_put();
	/* Five of the item's materials and all the extra ones are open. */
	o += (size_t)snprintf(states, sizeof(states), "%s",
			      "application_form=missing,business_licence="
			      "missing,legal_rep_id=provided,premises_proof="
			      "missing,layout_flow=missing,"
			      "safety_manager_proof=missing,safety_rules="
			      "provided,equipment_list=provided,"
			      "kitchen_waste_agreement=provided");
	for (int k = 1; k <= EXTRA_MATERIALS; k++)
		o += (size_t)snprintf(states + o, sizeof(states) - o,
				      ",extra_%d=missing", k);
	/* A name of 100 characters. */
	for (int k = 0; k < 50; k++)
		strcat(name, "欧阳");
	snprintf(applicant, sizeof(applicant),
		 "{\"name\":\"%s\",\"phone\":\"13800138000\"}", name);
	notice_issue(BIG, "big", applicant, states, no, code, &text);
	pdf_fetch(no, NULL, clerk1, "notice-25", path, sizeof(path));
	pages = pdf_pages(path);
	assert_true(pages >= 2);
	pdf = pdf_text(path, 0, 0);
	assert_fields_in(text, pdf);
	assert_non_null(strstr(pdf, name));
	free(pdf);
	/* The table goes on over page 2 with its header again. */
	pdf = pdf_text(path, 2, 2);
	assert_non_null(strstr(pdf, "序号材料名称问题获取方式"));
	snprintf(foot, sizeof(foot), "第2页共%d页", pages);
	assert_non_null(strstr(pdf, foot));
	assert_non_null(strstr(pdf, "一次性告知书（续）"));
	free(pdf);
	assert_inside_page(path);
	pdf_raster_qr(path, "notice-25", foot, sizeof(foot));
	free(text);
}

static void test_pdf_reprint_mark_and_scope(void **state)
{
	char no[32], code[32], path[600], *text, *pdf;
	struct http_reply r;
	char url[96];

	(void)state;
	notice_issue(FOOD, "canteen", APPLICANT, THREE_OPEN, no, code, &text);
	pdf_fetch(no, "?reprint=true", clerk1, "notice-reprint", path,
		  sizeof(path));
	pdf = pdf_text(path, 0, 0);
	assert_non_null(strstr(pdf, "补打11-02"));
	assert_fields_in(text, pdf);
	free(pdf);
	free(text);
	/* Another window's clerk, no token, an unknown number, a bad flag. */
	snprintf(url, sizeof(url), "/v1/documents/%s.pdf", no);
	assert_int_equal(http_get(srv.url, url, clerk2, &r), 0);
	assert_int_equal(r.status, 403);
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, url, NULL, &r), 0);
	assert_int_equal(r.status, 401);
	http_reply_release(&r);
	assert_int_equal(
	    http_get(srv.url, "/v1/documents/GZ-20261102-9999.pdf", clerk1, &r),
	    0);
	assert_int_equal(r.status, 404);
	assert_string_equal(http_error_code(&r), "not_found");
	http_reply_release(&r);
	snprintf(url, sizeof(url), "/v1/documents/%s.pdf?reprint=maybe", no);
	assert_int_equal(http_get(srv.url, url, clerk1, &r), 0);
	assert_int_equal(r.status, 400);
	http_reply_release(&r);
	/* Without the suffix there is no such resource. */
	snprintf(url, sizeof(url), "/v1/documents/%s", no);
	assert_int_equal(http_get(srv.url, url, clerk1, &r), 0);
	assert_int_equal(r.status, 404);
	http_reply_release(&r);
}

/* The page has no script and no resource from anywhere: no src= at all,
 * no href= but to itself; a CSP forbids them anyway. */
static void assert_self_contained(const char *html)
{
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "href="));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "url("));
	assert_null(strstr(html, "@import"));
}

struct page_case {
	const char *name, *code;
	long status;
	const char *words;
};

/* GET /verify?code= over HTTP, then in headless Chromium: the words in
 * the page it shows, a screenshot kept in the log folder. */
static void verify_page_check(const struct page_case *pc)
{
	char path[128], url[300], shot[600], shot_arg[700], profile[600];
	struct http_reply r;
	const char *dom[] = {"chromium",
			     "--headless",
			     "--no-sandbox",
			     "--disable-gpu",
			     profile,
			     "--dump-dom",
			     url,
			     NULL};
	const char *png[] = {"chromium",
			     "--headless",
			     "--no-sandbox",
			     "--disable-gpu",
			     "--hide-scrollbars",
			     profile,
			     "--window-size=420,900",
			     shot_arg,
			     url,
			     NULL};
	struct stat st;

	snprintf(path, sizeof(path), "/verify?code=%s", pc->code);
	assert_int_equal(http_get(srv.url, path, NULL, &r), 0);
	assert_int_equal(r.status, pc->status);
	assert_non_null(strstr(r.content_type, "text/html"));
	assert_non_null(strstr(r.body, pc->words));
	assert_self_contained(r.body);
	http_reply_release(&r);
	snprintf(url, sizeof(url), "%s%s", srv.url, path);
	snprintf(profile, sizeof(profile), "--user-data-dir=%s/chromium",
		 srv.dir);
	assert_int_equal(tool(dom), 0);
	if (!strstr(out, pc->words))
		fail_msg("chromium shows no '%s' for %s", pc->words, pc->name);
	snprintf(shot, sizeof(shot), "%s/verify-%s.png", logdir, pc->name);
	snprintf(shot_arg, sizeof(shot_arg), "--screenshot=%s", shot);
	unlink(shot);
	assert_int_equal(tool(png), 0);
	assert_int_equal(stat(shot, &st), 0);
	assert_true(st.st_size > 5000);
}

static void test_verify_page(void **state)
{
	char no[32], code[32], *text;
	struct http_reply r;
	struct page_case cases[] = {
	    {"genuine", code, 200, "核验通过：文书真实有效"},
	    {"forged", "7Q2M-WX4K-9P", 404, "核验未通过：查无此文书"},
	    {"malformed", "12345", 400, "验证码格式不正确"},
	    {"empty", "", 200, "请输入验证码"},
	};
	char path[128];

	(void)state;
	notice_issue(FOOD, "canteen", APPLICANT, THREE_OPEN, no, code, &text);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		verify_page_check(&cases[i]);
	/* What the paper shows, the name masked, nothing more. */
	snprintf(path, sizeof(path), "/verify?code=%s", code);
	assert_int_equal(http_get(srv.url, path, NULL, &r), 0);
	assert_non_null(strstr(r.body, no));
	assert_non_null(strstr(r.body, "一次性告知书"));
	assert_non_null(strstr(r.body, "2026年11月2日"));
	assert_non_null(strstr(r.body, "张*"));
	assert_null(strstr(r.body, "张三"));
	assert_null(strstr(r.body, "11010519491231002X"));
	assert_null(strstr(r.body, "13800138000"));
	http_reply_release(&r);
	free(text);
}

/* The CSP header, and the same throttle as the JSON verify call. */
static void test_verify_page_csp_and_throttle(void **state)
{
	struct http_request req = {.path = "/verify?code=7Q2M-WX4K-9P",
				   .source_addr = "127.0.0.9"};
	char cmd[300];
	const char *sh[] = {"/bin/sh", "-c", cmd, NULL};
	struct http_reply r;
	long last = 0;

	(void)state;
	/* The header as wincased sends it (a proxy may drop it). */
	snprintf(cmd, sizeof(cmd), "curl -s -D - -o /dev/null '%s/verify'",
		 test_prism_upstream(srv.url));
	assert_int_equal(tool(sh), 0);
	assert_non_null(strstr(out, "Content-Security-Policy: default-src "
				    "'none'"));
	for (int i = 0; i < 40 && last != 429; i++) {
		assert_int_equal(http_do(srv.url, &req, &r), 0);
		last = r.status;
		if (last == 429)
			assert_non_null(strstr(r.body, "请求过于频繁"));
		http_reply_release(&r);
	}
	assert_int_equal(last, 429);
}

/* public_url decides what the QR code opens; a bad one stops the start. */
static void test_public_url(void **state)
{
	struct test_server other;
	char *clerk, no[32], code[32], path[600], want[200], qr[300], *text;
	struct test_server keep = srv;
	char *keep_clerk = clerk1;

	(void)state;
	assert_int_not_equal(
	    test_server_start_config(&other, true, "public_url = ftp://x\n"),
	    0);
	assert_int_equal(
	    test_server_start_config(
		&other, true, "public_url = https://zwfw.example.gov.cn/wc/\n"),
	    0);
	clerk = http_login(other.url, "clerk1", TEST_PASSWORD);
	assert_non_null(clerk);
	srv = other;
	clerk1 = clerk;
	notice_issue(FOOD, "canteen", APPLICANT, THREE_OPEN, no, code, &text);
	pdf_fetch(no, NULL, clerk, "notice-public-url", path, sizeof(path));
	pdf_raster_qr(path, "notice-public-url", qr, sizeof(qr));
	snprintf(want, sizeof(want),
		 "https://zwfw.example.gov.cn/wc/verify?code=%s", code);
	assert_string_equal(qr, want);
	srv = keep;
	clerk1 = keep_clerk;
	free(clerk);
	free(text);
	test_server_stop(&other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_notice_pdf_has_every_field),
	    cmocka_unit_test(test_commitment_pdf),
	    cmocka_unit_test(test_long_notice_breaks_pages),
	    cmocka_unit_test(test_pdf_reprint_mark_and_scope),
	    cmocka_unit_test(test_verify_page),
	    cmocka_unit_test(test_verify_page_csp_and_throttle),
	    cmocka_unit_test(test_public_url),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
