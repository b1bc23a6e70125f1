/* verify_page.c - GET /verify?code=: the page the QR code on a printed
 * notice or commitment opens, for anyone with a phone and no login. It
 * says in Chinese whether the document is genuine and shows what the paper
 * shows anyway (kind, number, date, window) with the applicant's name
 * masked (张*), nothing else. Throttled per address exactly as
 * GET /v1/documents/verify. Self-contained: no script, no external
 * resource, and a Content-Security-Policy that allows none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "documents_pdf.h"
#include "throttle.h"
#include "wincase/date.h"
#include "wincase/text.h"

#define CODE_MAX_BYTES 64
#define MASK_MAX_STARS 3

#define PAGE_CSP                                                               \
	"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "  \
	"base-uri 'none'; frame-ancestors 'none'"

static const char page_head[] =
    "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, "
    "initial-scale=1\">\n<title>政务服务文书核验</title>\n<style>\n"
    "body{margin:0;font-family:\"Noto Sans CJK SC\",\"WenQuanYi Zen "
    "Hei\",\"PingFang SC\","
    "\"Microsoft YaHei\",sans-serif;background:#f3f4f6;color:#111;"
    "line-height:1.6}\n"
    "header{background:#b91c1c;color:#fff;padding:14px 18px}\n"
    "header h1{margin:0;font-size:1.3rem}\n"
    "main{max-width:34rem;margin:0 auto;padding:18px}\n"
    ".result{background:#fff;border-radius:8px;padding:16px 18px;"
    "border-left:8px solid #6b7280;margin-bottom:18px}\n"
    ".genuine{border-left-color:#15803d}.bad{border-left-color:#b91c1c}\n"
    ".verdict{font-size:1.35rem;font-weight:bold;margin:0 0 8px}\n"
    ".genuine .verdict{color:#15803d}.bad .verdict{color:#b91c1c}\n"
    "dl{display:grid;grid-template-columns:auto 1fr;gap:4px 14px;"
    "margin:10px 0}\n"
    "dt{color:#4b5563}dd{margin:0;font-weight:bold;word-break:break-all}\n"
    "form{background:#fff;border-radius:8px;padding:16px 18px}\n"
    "label{display:block;margin-bottom:6px}\n"
    "input{font-size:1.1rem;padding:8px;width:60%;max-width:16rem;"
    "border:1px solid #6b7280;border-radius:4px}\n"
    "button{font-size:1.1rem;padding:8px 16px;margin-left:6px;"
    "background:#b91c1c;color:#fff;border:0;border-radius:4px}\n"
    "footer{color:#4b5563;font-size:.85rem;text-align:center;padding:12px}\n"
    "</style>\n</head>\n<body>\n<header><h1>政务服务文书核验</h1></header>\n"
    "<main>\n";

static void html_escaped(FILE *f, const char *s)
{
	static const char *const entities[256] = {
	    ['&'] = "&amp;",  ['<'] = "&lt;",	['>'] = "&gt;",
	    ['"'] = "&quot;", ['\''] = "&#39;",
	};
	char *clean = text_sanitize(s ? s : "", 0);

	for (const char *p = clean ? clean : ""; *p; p++) {
		const char *e = entities[(unsigned char)*p];

		if (e)
			fputs(e, f);
		else
			fputc(*p, f);
	}
	free(clean);
}

char *document_name_masked(const char *name)
{
	size_t first = 0, chars = text_chars(name ? name : "");
	size_t stars = chars > 1 ? chars - 1 : 1;
	char *out;

	if (name && name[0]) {
		first = 1;
		while (name[first] &&
		       ((unsigned char)name[first] & 0xC0) == 0x80)
			first++;
	}
	if (stars > MASK_MAX_STARS)
		stars = MASK_MAX_STARS;
	out = malloc(first + stars + 1);
	if (!out)
		return NULL;
	memcpy(out, name ? name : "", first);
	memset(out + first, '*', stars);
	out[first + stars] = '\0';
	return out;
}

static void row(FILE *f, const char *term, const char *value)
{
	if (!value || !value[0])
		return;
	fprintf(f, "<dt>%s</dt><dd>", term);
	html_escaped(f, value);
	fputs("</dd>\n", f);
}

/* The details of a genuine document: what its paper shows, the name
 * masked; window and name only when the document kept its variables. */
static void genuine_details(FILE *f, struct app *app,
			    const struct document_record *doc)
{
	json_t *vars = doc->data ? json_loads(doc->data, 0, NULL) : NULL;
	const char *name =
	    json_string_value(json_object_get(vars, "applicant_name"));
	char *masked = name ? document_name_masked(name) : NULL;
	char date[DATE_TEXT_SIZE + 16];
	int y, m, d;

	date_to_ymd(clock_local_day(&app->clock, doc->issued_at), &y, &m, &d);
	snprintf(date, sizeof(date), "%04d年%d月%d日", y, m, d);
	fputs("<dl>\n", f);
	row(f, "文书类型",
	    strcmp(doc->kind, "notice") == 0 ? "一次性告知书"
					     : "容缺受理承诺书");
	row(f, "文书编号", doc->no);
	row(f, "出具日期", date);
	row(f, "受理窗口", json_string_value(json_object_get(vars, "window")));
	row(f, "事项名称",
	    json_string_value(json_object_get(vars, "item_name")));
	row(f, "申请人", masked);
	row(f, "验证码", doc->verify_code);
	fputs("</dl>\n<p>请核对纸质文书上的编号、日期与上面所列一致。</p>\n",
	      f);
	free(masked);
	json_decref(vars);
}

static void code_form(FILE *f, const char *typed)
{
	fputs("<form method=\"get\" action=\"verify\">\n"
	      "<label for=\"code\">输入文书上的验证码（形如 "
	      "XXXX-XXXX-XX）</label>\n<input id=\"code\" name=\"code\" "
	      "maxlength=\"20\" autocomplete=\"off\" value=\"",
	      f);
	html_escaped(f, typed ? typed : "");
	fputs("\"><button type=\"submit\">核验</button>\n</form>\n", f);
}

enum outcome { NO_CODE, MALFORMED, UNKNOWN, TAMPERED, GENUINE, THROTTLED };

static void verdict(FILE *f, enum outcome o, bool training)
{
	static const struct {
		const char *cls, *title, *text;
	} words[] = {
	    [NO_CODE] = {"", "请输入验证码",
			 "扫描文书上的二维码，或输入文书上的验证码。"},
	    [MALFORMED] = {"bad", "验证码格式不正确",
			   "验证码为 10 位字母和数字，形如 XXXX-XXXX-XX，"
			   "请对照纸质文书重新输入。"},
	    [UNKNOWN] = {"bad", "核验未通过：查无此文书",
			 "没有与该验证码对应的文书。该文书可能不是本机关出具"
			 "的，或验证码输入有误。"},
	    [TAMPERED] = {"bad", "核验未通过：文书记录已被改动",
			  "该验证码对应的文书记录与签发时不一致，不能作为有效"
			  "文书，请到窗口咨询。"},
	    [GENUINE] = {"genuine", "核验通过：文书真实有效",
			 "该文书由本服务大厅出具，签发后未被改动。"},
	    [THROTTLED] = {"bad", "请求过于频繁",
			   "本地址核验次数过多，请稍后再试。"},
	};

	fprintf(f,
		"<section class=\"result %s\" role=\"status\">\n"
		"<p class=\"verdict\">%s</p>\n<p>%s</p>\n",
		words[o].cls, words[o].title, words[o].text);
	if (training && o == GENUINE)
		fputs("<p>（培训环境出具的样张，不具法律效力。）</p>\n", f);
}

/* Which outcome a typed code has; doc filled when found.
 * -1 after a 500 reply. */
static int outcome_of(struct api_request *req, struct api_reply *rep,
		      const char *code, char key[96],
		      struct document_record *doc, enum outcome *o)
{
	char canon[DOCUMENT_CODE_SIZE];
	struct wc_error err;
	bool valid = false;
	int rc;

	if (!code || !code[0]) {
		*o = NO_CODE;
		return 0;
	}
	if (!throttle_verify_begin(req, rep, key)) {
		*o = THROTTLED;
		return 0;
	}
	if (strlen(code) > CODE_MAX_BYTES ||
	    !document_code_normalize(code, canon)) {
		*o = MALFORMED;
		return 0;
	}
	rc = document_verify(req->app, req->db, canon, &valid, doc, &err);
	if (rc < 0) {
		api_internal(rep, &err);
		return -1;
	}
	*o = rc == STORE_NOT_FOUND ? UNKNOWN : valid ? GENUINE : TAMPERED;
	if (*o == GENUINE)
		throttle_verify_found(req, key);
	return 0;
}

void handle_verify_page(struct api_request *req, struct api_reply *rep)
{
	static const unsigned status[] = {
	    [NO_CODE] = 200,  [MALFORMED] = 400, [UNKNOWN] = 404,
	    [TAMPERED] = 409, [GENUINE] = 200,	 [THROTTLED] = 429};
	const char *code = api_query(req, "code");
	struct document_record doc = {0};
	bool training = req->app->cfg.training_seed_dir[0] != '\0';
	char *html = NULL, key[96];
	size_t len = 0;
	enum outcome o;
	FILE *f;

	if (outcome_of(req, rep, code, key, &doc, &o) < 0)
		return;
	f = open_memstream(&html, &len);
	if (!f) {
		document_record_release(&doc);
		api_error(rep, 500, "internal", NULL, "out of memory");
		return;
	}
	fputs(page_head, f);
	verdict(f, o, training);
	if (o == GENUINE)
		genuine_details(f, req->app, &doc);
	fputs("</section>\n", f);
	code_form(f, o == GENUINE || o == THROTTLED ? "" : code);
	fputs("</main>\n<footer>本页面只显示纸质文书上已有的信息，申请人姓名已"
	      "部分隐去。</footer>\n</body>\n</html>\n",
	      f);
	fclose(f);
	document_record_release(&doc);
	rep->status = status[o];
	rep->raw_body = html;
	rep->raw_len = len;
	rep->raw_type = "text/html; charset=utf-8";
	rep->raw_owned = true;
	rep->raw_on_error = true;
	rep->csp = PAGE_CSP;
}
