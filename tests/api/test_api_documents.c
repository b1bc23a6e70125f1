/* test_api_documents.c - the server's signing key and
 * GET /v1/documents/verify against a real wincased: the key file is made
 * 0600 on first start and reused after a restart, a key others can read
 * stops the server, a verify code answers valid only while the stored text
 * still verifies against the stored signature (rows edited with the SQLite
 * C API while the server is stopped). Documents come from the case
 * endpoints (notice, tolerant acceptance) and, for the key and tampering
 * tests, are also signed here with the key file's seed (numbers 9xxx), the
 * way an outside auditor would check them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sodium.h>

#include "../support/cases.h"
#include "../support/http.h"
#include "../support/server.h"
#include "../support/test_db.h"

#define ISSUED_AT 1793581200 /* 2026-11-02T09:00:00+08:00 */
#define PASSWORD  "demo-password-1"
#define APPLICANT                                                              \
	"{\"name\":\"张三\",\"id_type\":\"resident_id\","                    \
	"\"id_no\":\"11010519491231002X\",\"phone\":\"13800138000\"}"

static struct test_server srv;

static int setup(void **state)
{
	(void)state;
	if (sodium_init() < 0)
		return -1;
	return test_server_start(&srv, true);
}

static int teardown(void **state)
{
	(void)state;
	return test_server_stop(&srv) == 0 ? 0 : -1;
}

static void key_path(char *out, size_t size)
{
	snprintf(out, size, "%s/wincased.key", srv.dir);
}

/* GET /v1/documents/verify?code=... without a token; returns the body. */
static json_t *verify(const char *code_query)
{
	struct http_reply r;
	char path[256];
	json_t *body;

	snprintf(path, sizeof(path), "/v1/documents/verify?code=%s",
		 code_query);
	assert_int_equal(http_get(srv.url, path, NULL, &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(r.json);
	body = json_incref(r.json);
	http_reply_release(&r);
	return body;
}

static bool is_valid(const char *code_query)
{
	json_t *b = verify(code_query);
	bool v = json_is_true(json_object_get(b, "valid"));

	json_decref(b);
	return v;
}

static void read_seed(unsigned char seed[32])
{
	char key[300];
	FILE *f;

	key_path(key, sizeof(key));
	f = fopen(key, "rb");
	assert_non_null(f);
	assert_int_equal(fread(seed, 1, 32, f), 32);
	fclose(f);
}

/* An outsider's check: the signature is over the exact text, with the
 * public key of the key file. */
static void assert_signed(const json_t *doc)
{
	unsigned char seed[32], pk[32], sk[64], sig[64];
	const char *text = tj_str(doc, "text"),
		   *sig64 = tj_str(doc, "signature");
	size_t len = 0;

	read_seed(seed);
	crypto_sign_seed_keypair(pk, sk, seed);
	assert_int_equal(sodium_base642bin(sig, sizeof(sig), sig64,
					   strlen(sig64), NULL, &len, NULL,
					   sodium_base64_VARIANT_ORIGINAL),
			 0);
	assert_int_equal(len, sizeof(sig));
	assert_int_equal(
	    crypto_sign_verify_detached(sig, (const unsigned char *)text,
					strlen(text), pk),
	    0);
}

static void assert_lines(const char *text, const char *const *lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strstr(text, lines[i]))
			fail_msg("document lacks '%s':\n%s", lines[i], text);
}

/* Sign text with the server's key file and store it as a document. */
static void insert_signed(const char *kind, const char *no, const char *code,
			  const char *text)
{
	unsigned char seed[32], pk[32], sk[64], sig[64];
	char sig64[128], at[24];
	const char *params[] = {kind, no, at, text, sig64, code};

	read_seed(seed);
	crypto_sign_seed_keypair(pk, sk, seed);
	crypto_sign_detached(sig, NULL, (const unsigned char *)text,
			     strlen(text), sk);
	sodium_bin2base64(sig64, sizeof(sig64), sig, sizeof(sig),
			  sodium_base64_VARIANT_ORIGINAL);
	snprintf(at, sizeof(at), "%lld", (long long)ISSUED_AT);
	assert_int_equal(
	    test_db_exec(&srv,
			 "INSERT INTO documents (kind, no, case_id,"
			 " issued_at, text, signature, verify_code)"
			 " VALUES ($1, $2, 1, $3, $4, $5, $6)",
			 6, params, NULL),
	    0);
}

static void exec_sql(const char *sql)
{
	long long changes = 0;

	assert_int_equal(test_db_exec(&srv, sql, 0, NULL, &changes), 0);
	assert_int_equal(changes, 1);
}

/* The key is made on first start: a 32-byte seed, mode 0600. */
static void test_key_created(void **state)
{
	char key[300];
	struct stat st;

	(void)state;
	key_path(key, sizeof(key));
	assert_int_equal(stat(key, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, 32);
}

/* Unknown and malformed codes are 200 {"valid":false}; no code is 400;
 * no token is needed. */
static void test_verify_unknown(void **state)
{
	static const char *const codes[] = {
	    "0000-0000-00",
	    "ZZZZZZZZZZ",
	    "abc",
	    "%E5%BC%A0",
	    "U000-0000-00",
	    "0000-0000-000",
	    "000000000000000000000000000000000000000000000000"
	    "000000000000000000000000",
	};
	struct http_reply r;
	json_t *b;

	(void)state;
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		b = verify(codes[i]);
		assert_true(json_is_false(json_object_get(b, "valid")));
		assert_int_equal(json_object_size(b), 1);
		json_decref(b);
	}
	assert_int_equal(http_get(srv.url, "/v1/documents/verify", NULL, &r),
			 0);
	assert_int_equal(r.status, 400);
	assert_string_equal(http_error_code(&r), "bad_request");
	assert_string_equal(http_error_field(&r), "code");
	http_reply_release(&r);
	assert_int_equal(
	    http_get(srv.url, "/v1/documents/verify?code=", NULL, &r), 0);
	assert_int_equal(r.status, 400);
	http_reply_release(&r);
}

/* R2/R3 through the case endpoints: the notice lists every missing and
 * defective material with the number and its verify code, the commitment
 * its deadline; both are signed with the key file's key and verify; the
 * notice stops verifying once its row is altered, the commitment not. */
static void test_issued_through_cases(void **state)
{
	static const char *const notice_lines[] = {
	    "一次性告知书",
	    "申请人：张三",
	    "居民身份证",
	    "食品经营许可（新办）",
	    "1. 营业执照（缺少）",
	    "2. 主要设备设施清单（缺少）",
	    "3. 食品安全管理制度文本（有误）",
	    "   原因：版本已过期",
	    "行政许可法》第三十二条",
	    "经办人：王小明",
	    "申请人签收：________ 日期：________",
	};
	static const char *const commitment_lines[] = {
	    "容缺受理承诺书",
	    "主要设备设施清单（缺少）",
	    "食品安全管理制度文本（有误）",
	    "在3个工作日内",
	    "逾期未补交的，按承诺条款处理并记入信用记录",
	    "申请人确认（申请人输入的姓名）：张三",
	};
	char *clerk = http_login(srv.url, "clerk1", PASSWORD);
	struct test_case c;
	struct http_reply r;
	char line[128], notice_code[32], commitment_code[32], sql[256];
	const json_t *doc;
	json_t *b;

	(void)state;
	assert_non_null(clerk);
	assert_int_equal(tc_create(srv.url, clerk, "000131104000", "food_sales",
				   APPLICANT, &c, &r),
			 201);
	http_reply_release(&r);
	assert_int_equal(
	    tc_checklist(srv.url, clerk, &c,
			 "application_form=provided,business_licence=missing,"
			 "legal_rep_id=provided,premises_proof=provided,"
			 "layout_flow=provided,safety_manager_proof=provided,"
			 "equipment_list=missing,"
			 "safety_rules=defective:版本已过期",
			 &r),
	    200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(srv.url, clerk, &c, "POST", "/notices", "{}", &r), 201);
	doc = r.json;
	assert_lines(tj_str(doc, "text"), notice_lines,
		     sizeof(notice_lines) / sizeof(notice_lines[0]));
	snprintf(line, sizeof(line), "编号：%s", tj_str(doc, "no"));
	assert_non_null(strstr(tj_str(doc, "text"), line));
	snprintf(line, sizeof(line), "验证码：%s", tj_str(doc, "verify_code"));
	assert_non_null(strstr(tj_str(doc, "text"), line));
	assert_signed(doc);
	snprintf(notice_code, sizeof(notice_code), "%s",
		 tj_str(doc, "verify_code"));
	b = verify(notice_code);
	assert_true(json_is_true(json_object_get(b, "valid")));
	assert_string_equal(tj_str(b, "kind"), "notice");
	assert_string_equal(tj_str(b, "no"), tj_str(doc, "no"));
	json_decref(b);
	http_reply_release(&r);

	assert_int_equal(
	    tc_checklist(srv.url, clerk, &c, "business_licence=provided", &r),
	    200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(
		srv.url, clerk, &c, "POST", "/accept",
		"{\"mode\":\"tolerant\",\"commitment\":{"
		"\"deadline_days\":3,\"applicant_confirmation\":\"张三\"}}",
		&r),
	    200);
	doc = json_object_get(r.json, "commitment");
	assert_lines(tj_str(doc, "text"), commitment_lines,
		     sizeof(commitment_lines) / sizeof(commitment_lines[0]));
	snprintf(line, sizeof(line), "编号：%s", tj_str(doc, "no"));
	assert_non_null(strstr(tj_str(doc, "text"), line));
	assert_non_null(
	    strstr(tj_str(doc, "text"), tj_str(doc, "verify_code")));
	assert_signed(doc);
	snprintf(commitment_code, sizeof(commitment_code), "%s",
		 tj_str(doc, "verify_code"));
	assert_string_not_equal(notice_code, commitment_code);
	b = verify(commitment_code);
	assert_true(json_is_true(json_object_get(b, "valid")));
	assert_string_equal(tj_str(b, "kind"), "commitment");
	json_decref(b);
	http_reply_release(&r);
	free(clerk);

	assert_int_equal(test_server_stop_keep(&srv), 0);
	snprintf(sql, sizeof(sql),
		 "UPDATE documents SET text = replace(text, '版本已过期',"
		 " '无误') WHERE verify_code = '%s'",
		 notice_code);
	exec_sql(sql);
	assert_int_equal(test_server_restart(&srv), 0);
	assert_false(is_valid(notice_code));
	assert_true(is_valid(commitment_code));
}

static const char notice_text[] =
    "一次性告知书\n编号：GZ-20261102-9001\n1. 营业执照（缺少）\n"
    "验证码：7K3M-Q9XA-2B\n申请人签收：________ 日期：________\n";
static const char commitment_text[] =
    "容缺受理承诺书\n编号：CN-20261102-9001\n验证码：H8PZ-4RWT-0C\n";

/* Documents signed with the key file verify after a restart (the key is
 * reused, not replaced); codes match in any case, with or without dashes,
 * with O for 0. */
static void test_verify_valid_after_restart(void **state)
{
	json_t *b;

	(void)state;
	assert_int_equal(test_server_stop_keep(&srv), 0);
	insert_signed("notice", "GZ-20261102-9001", "7K3M-Q9XA-2B",
		      notice_text);
	insert_signed("commitment", "CN-20261102-9001", "H8PZ-4RWT-0C",
		      commitment_text);
	assert_int_equal(test_server_restart(&srv), 0);
	test_key_created(state);
	b = verify("7K3M-Q9XA-2B");
	assert_true(json_is_true(json_object_get(b, "valid")));
	assert_string_equal(tj_str(b, "kind"), "notice");
	assert_string_equal(tj_str(b, "no"), "GZ-20261102-9001");
	assert_string_equal(tj_str(b, "issued_at"),
			    "2026-11-02T09:00:00+08:00");
	/* Nothing about the applicant or the case. */
	assert_int_equal(json_object_size(b), 4);
	json_decref(b);
	assert_true(is_valid("7k3mq9xa2b"));
	assert_true(is_valid("7k3m-q9xa-2b"));
	b = verify("h8pz4rwtOc");
	assert_true(json_is_true(json_object_get(b, "valid")));
	assert_string_equal(tj_str(b, "kind"), "commitment");
	assert_string_equal(tj_str(b, "no"), "CN-20261102-9001");
	json_decref(b);
}

/* A text changed in the database no longer verifies; a signature moved
 * from another document does not either. */
static void test_verify_tampered(void **state)
{
	(void)state;
	assert_true(is_valid("7K3M-Q9XA-2B"));
	assert_int_equal(test_server_stop_keep(&srv), 0);
	exec_sql("UPDATE documents SET text = replace(text, '营业执照',"
		 " '营业执照副本') WHERE verify_code = '7K3M-Q9XA-2B'");
	exec_sql("UPDATE documents SET signature = (SELECT signature FROM"
		 " documents WHERE verify_code = '7K3M-Q9XA-2B')"
		 " WHERE verify_code = 'H8PZ-4RWT-0C'");
	assert_int_equal(test_server_restart(&srv), 0);
	assert_false(is_valid("7K3M-Q9XA-2B"));
	assert_false(is_valid("H8PZ-4RWT-0C"));
}

/* A key that group or others can read stops the server at start; after
 * chmod 600 it starts again with the same key. */
static void test_refuses_readable_key(void **state)
{
	char key[300];

	(void)state;
	key_path(key, sizeof(key));
	assert_int_equal(test_server_stop_keep(&srv), 0);
	insert_signed("notice", "GZ-20261102-9002", "AAAA-BBBB-CC",
		      "编号：GZ-20261102-9002\n验证码：AAAA-BBBB-CC\n");
	assert_int_equal(chmod(key, 0644), 0);
	assert_int_equal(test_server_restart(&srv), -1);
	assert_int_equal(chmod(key, 0604), 0);
	assert_int_equal(test_server_restart(&srv), -1);
	assert_int_equal(chmod(key, 0600), 0);
	assert_int_equal(test_server_restart(&srv), 0);
	assert_true(is_valid("AAAA-BBBB-CC"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_key_created),
	    cmocka_unit_test(test_verify_unknown),
	    cmocka_unit_test(test_issued_through_cases),
	    cmocka_unit_test(test_verify_valid_after_restart),
	    cmocka_unit_test(test_verify_tampered),
	    cmocka_unit_test(test_refuses_readable_key),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
