/* test_documents_issue.c - document_issue and document_verify against a
 * temporary SQLite store with the real migrations, the shipped templates
 * and the demo catalog: a notice and a commitment are rendered, signed,
 * stored and audited; a changed row no longer verifies; the signing key is
 * created 0600, reused, and refused when others can read it or it is
 * malformed. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "../../server/audit.h"
#include "../../server/documents.h"
#include "wincase/catalog.h"

#define NOW 1793581200 /* 2026-11-02T09:00:00+08:00 */

struct fixture {
	char dir[256];
	char db_path[300];
	struct app app;
	struct store_conn *db;
	struct session_record session;
	struct api_request req;
};

static const char notice_vars[] =
    "{\"applicant_name\":\"张三\",\"applicant_id_type\":\"resident_id\","
    "\"applicant_id_no\":\"11010519491231002X\","
    "\"applicant_phone\":\"13800138000\",\"item_code\":\"000131104000\","
    "\"application_date\":\"2026-11-02\",\"materials\":["
    "{\"name\":\"营业执照\",\"state\":\"missing\",\"reason\":\"未携带\","
    "\"how_to_obtain\":\"申请人自备\"},"
    "{\"name\":\"经营场所使用证明\",\"state\":\"defective\","
    "\"reason\":\"租赁合同已过期\",\"how_to_obtain\":\"提供有效租赁合同\"},"
    "{\"name\":\"主要设备设施清单\",\"state\":\"missing\","
    "\"reason\":\"未提交\\u001b[31m\",\"how_to_obtain\":\"自行编制\"}]}";

static const char commitment_vars[] =
    "{\"applicant_name\":\"张三\",\"item_code\":\"000131104000\","
    "\"deadline_days\":3,\"deadline_date\":\"2026-11-05\","
    "\"applicant_confirmation\":\"张三\",\"materials\":["
    "{\"name\":\"食品安全管理制度\",\"state\":\"missing\","
    "\"reason\":\"未携带\",\"how_to_obtain\":\"自行制定\"}]}";

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = calloc(1, 1 << 20);
	size_t n;

	if (!f || !buf)
		return NULL;
	n = fread(buf, 1, (1 << 20) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	const char *conf = getenv("WINCASE_CONF");
	struct wc_error err = {0};
	char path[600], *text;

	if (!fx || sodium_init() < 0)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/wincase-docs-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->db_path, sizeof(fx->db_path), "%s/wincased.db", fx->dir);
	config_set_defaults(&fx->app.cfg);
	snprintf(fx->app.cfg.db_path, sizeof(fx->app.cfg.db_path), "%s",
		 fx->db_path);
	snprintf(fx->app.cfg.conf_dir, sizeof(fx->app.cfg.conf_dir), "%s",
		 conf && *conf ? conf : "conf");
	clock_init(&fx->app.clock, true, NOW, 480);
	pthread_rwlock_init(&fx->app.reference_lock, NULL);
	snprintf(path, sizeof(path), "%s/catalog/demo.json",
		 fx->app.cfg.conf_dir);
	text = read_text(path);
	fx->app.catalog =
	    text ? catalog_load_text(text, strlen(text), &err) : NULL;
	free(text);
	if (!fx->app.catalog ||
	    store_sqlite_ops.open(fx->db_path, &fx->app.store, &err) < 0)
		return -1;
	fx->db = fx->app.store->ops->connect(fx->app.store, &err);
	if (!fx->db || documents_init(&fx->app, &err) < 0) {
		fprintf(stderr, "setup: %s\n", err.message);
		return -1;
	}
	store_copy(fx->session.user.username, 64, "clerk1");
	store_copy(fx->session.user.display_name, 128, "王小明");
	store_copy(fx->session.user.role, 16, "clerk");
	store_copy(fx->session.window, 32, "1");
	fx->req.app = &fx->app;
	fx->req.db = fx->db;
	fx->req.session = &fx->session;
	fx->req.now = NOW;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	documents_release(&fx->app);
	fx->app.store->ops->close(&fx->app.store);
	catalog_free(&fx->app.catalog);
	pthread_rwlock_destroy(&fx->app.reference_lock);
	clock_destroy(&fx->app.clock);
	nftw(fx->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(fx);
	return 0;
}

/* Issue in a transaction, as a write route does; returns the status. */
static unsigned issue(struct fixture *fx, const char *kind, const char *no,
		      const char *vars_json, struct document_record *out)
{
	struct api_reply rep = {0};
	json_t *vars = json_loads(vars_json, 0, NULL);
	struct wc_error err;
	unsigned status;
	int rc;

	assert_non_null(vars);
	assert_int_equal(fx->db->ops->begin(fx->db, &err), 0);
	rc = document_issue(&fx->req, &rep, kind, no, 7, vars, out);
	if (rc == 0) {
		assert_int_equal(fx->db->ops->commit(fx->db, &err), 0);
		status = 200;
	} else {
		fx->db->ops->rollback(fx->db);
		status = rep.status;
		assert_int_equal(status, 500);
	}
	json_decref(rep.body);
	json_decref(vars);
	return status;
}

static bool verify(struct fixture *fx, const char *code)
{
	struct document_record rec;
	struct wc_error err;
	bool valid = true;
	int rc = document_verify(&fx->app, fx->db, code, &valid, &rec, &err);

	assert_true(rc == 0 || rc == STORE_NOT_FOUND);
	document_record_release(&rec);
	return rc == 0 && valid;
}

static void test_notice(void **state)
{
	static const char *const lines[] = {
	    "一次性告知书",
	    "编号：GZ-20261102-0001",
	    "申请人：张三",
	    "居民身份证",
	    "11010519491231002X",
	    "13800138000",
	    "食品经营许可（新办）",
	    "000131104000",
	    "2026年11月2日",
	    "1. 营业执照（缺少）",
	    "   原因：未携带",
	    "   获取方式：申请人自备",
	    "2. 经营场所使用证明（有误）",
	    "   原因：租赁合同已过期",
	    "3. 主要设备设施清单（缺少）",
	    "未提交^[[31m",
	    "第三十二条",
	    "《中华人民共和国食品安全法》第三十五条",
	    "受理窗口：1",
	    "经办人：王小明",
	    "0523-86881234",
	    "申请人签收：________ 日期：________",
	};
	struct fixture *fx = *state;
	struct document_record doc;
	char want[64];

	assert_int_equal(
	    issue(fx, "notice", "GZ-20261102-0001", notice_vars, &doc), 200);
	if (getenv("DOCUMENTS_PRINT")) /* to look at it */
		fputs(doc.text, stderr);
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		if (!strstr(doc.text, lines[i]))
			fail_msg("notice lacks '%s':\n%s", lines[i], doc.text);
	snprintf(want, sizeof(want), "验证码：%s", doc.verify_code);
	assert_non_null(strstr(doc.text, want));
	assert_null(strchr(doc.text, '\x1b'));
	assert_null(strchr(doc.text, '\r'));
	assert_true(doc.id > 0);
	assert_string_equal(doc.kind, "notice");
	assert_int_equal(doc.issued_at, NOW);
	assert_int_equal(strlen(doc.signature), 88);
	assert_true(verify(fx, doc.verify_code));
	document_record_release(&doc);
}

static void test_commitment(void **state)
{
	static const char *const lines[] = {
	    "容缺受理承诺书",
	    "编号：CN-20261102-0001",
	    "1. 食品安全管理制度（缺少）",
	    "在3个工作日内，即2026年11月5日前",
	    "逾期未补交的，按承诺条款处理并记入信用记录",
	    "申请人确认（申请人输入的姓名）：张三",
	    "经办人：王小明",
	    "申请人签名：________",
	};
	struct fixture *fx = *state;
	struct document_record doc;

	assert_int_equal(
	    issue(fx, "commitment", "CN-20261102-0001", commitment_vars, &doc),
	    200);
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		if (!strstr(doc.text, lines[i]))
			fail_msg("commitment lacks '%s':\n%s", lines[i],
				 doc.text);
	assert_non_null(strstr(doc.text, doc.verify_code));
	assert_true(verify(fx, doc.verify_code));
	document_record_release(&doc);
}

/* The signature covers the exact text; the code names one document. */
static void test_signature_and_codes(void **state)
{
	struct fixture *fx = *state;
	struct document_record a, b;
	unsigned char sig[64], pk[32], sk[64], seed[32];
	size_t len;
	bool created;
	struct wc_error err;
	char typed[DOCUMENT_CODE_SIZE];

	assert_int_equal(
	    issue(fx, "notice", "GZ-20261102-0002", notice_vars, &a), 200);
	assert_int_equal(
	    issue(fx, "notice", "GZ-20261102-0003", notice_vars, &b), 200);
	assert_string_not_equal(a.verify_code, b.verify_code);
	/* Verify as an outsider would with the key file's public key. */
	assert_int_equal(document_key_open(fx->dir, seed, &created, &err), 0);
	assert_false(created);
	crypto_sign_seed_keypair(pk, sk, seed);
	assert_int_equal(sodium_base642bin(
			     sig, sizeof(sig), a.signature, strlen(a.signature),
			     NULL, &len, NULL, sodium_base64_VARIANT_ORIGINAL),
			 0);
	assert_int_equal(len, 64);
	assert_int_equal(
	    crypto_sign_verify_detached(sig, (const unsigned char *)a.text,
					strlen(a.text), pk),
	    0);
	/* Typed in lower case without dashes. */
	{
		size_t o = 0;

		for (const char *p = a.verify_code; *p; p++)
			if (*p != '-')
				typed[o++] = (char)tolower((unsigned char)*p);
		typed[o] = '\0';
	}
	assert_true(verify(fx, typed));
	assert_false(verify(fx, "0000-0000-00"));
	assert_false(verify(fx, "not a code"));
	document_record_release(&a);
	document_record_release(&b);
}

/* Bad variables are a 500 and store nothing. */
static void test_refusals(void **state)
{
	static const char *const bad[] = {
	    "{\"item_code\":\"000131104000\",\"application_date\":"
	    "\"2026-11-02\",\"materials\":[{\"name\":\"x\"}]}",
	    "{\"applicant_name\":\"张三\",\"item_code\":\"nope\","
	    "\"application_date\":\"2026-11-02\",\"materials\":[{\"name\":"
	    "\"x\"}]}",
	    "{\"applicant_name\":\"张三\",\"item_code\":\"000131104000\","
	    "\"application_date\":\"2026-11-02\",\"materials\":[]}",
	    "{\"applicant_name\":\"张三\",\"item_code\":\"000131104000\","
	    "\"application_date\":\"2026-13-02\",\"materials\":[{\"name\":"
	    "\"x\"}]}",
	    "{\"applicant_name\":\"张三\",\"item_code\":\"000131104000\","
	    "\"application_date\":\"2026-11-02\",\"materials\":[{\"name\":"
	    "\"x\"}],\"applicant_phone\":{}}",
	};
	struct fixture *fx = *state;
	struct document_record doc;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(
		    issue(fx, "notice", "GZ-20261102-0099", bad[i], &doc), 500);
	assert_int_equal(
	    issue(fx, "memo", "GZ-20261102-0099", notice_vars, &doc), 500);
	assert_int_equal(
	    issue(fx, "commitment", "CN-20261102-0099", notice_vars, &doc),
	    500);
	/* A number is used once. */
	assert_int_equal(
	    issue(fx, "notice", "GZ-20261102-0001", notice_vars, &doc), 500);
}

static void sql(struct fixture *fx, const char *stmt)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(fx->db_path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	assert_int_equal(sqlite3_exec(db, stmt, NULL, NULL, NULL), SQLITE_OK);
	assert_true(sqlite3_changes(db) > 0);
	sqlite3_close(db);
}

/* A changed text or signature no longer verifies. */
static void test_tampered(void **state)
{
	struct fixture *fx = *state;
	struct document_record a, b;
	char stmt[256];

	assert_int_equal(
	    issue(fx, "notice", "GZ-20261102-0010", notice_vars, &a), 200);
	assert_int_equal(
	    issue(fx, "notice", "GZ-20261102-0011", notice_vars, &b), 200);
	snprintf(stmt, sizeof(stmt),
		 "UPDATE documents SET text = replace(text, '营业执照',"
		 " '营业执照副本') WHERE verify_code = '%s'",
		 a.verify_code);
	sql(fx, stmt);
	snprintf(
	    stmt, sizeof(stmt),
	    "UPDATE documents SET signature = (SELECT signature FROM"
	    " documents WHERE verify_code = '%s') WHERE verify_code = '%s'",
	    a.verify_code, b.verify_code);
	sql(fx, stmt);
	assert_false(verify(fx, a.verify_code));
	assert_false(verify(fx, b.verify_code));
	document_record_release(&a);
	document_record_release(&b);
}

/* Created 0600; reused on the next start (old documents still verify);
 * refused when group/other may read it, when malformed, when a link. */
static void test_key_file(void **state)
{
	struct fixture *fx = *state;
	struct document_record doc;
	struct wc_error err = {0};
	char key[400], other[400];
	struct stat st;
	int fd;

	snprintf(key, sizeof(key), "%s/%s", fx->dir, DOCUMENT_KEY_FILE);
	assert_int_equal(stat(key, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, 32);
	assert_int_equal(
	    issue(fx, "notice", "GZ-20261102-0020", notice_vars, &doc), 200);
	documents_release(&fx->app);
	assert_int_equal(documents_init(&fx->app, &err), 0);
	assert_true(verify(fx, doc.verify_code));
	documents_release(&fx->app);

	assert_int_equal(chmod(key, 0644), 0);
	assert_int_equal(documents_init(&fx->app, &err), -1);
	assert_non_null(strstr(err.message, "chmod 600"));
	assert_non_null(strstr(err.message, "0644"));
	documents_release(&fx->app);
	assert_int_equal(chmod(key, 0640), 0);
	assert_int_equal(documents_init(&fx->app, &err), -1);
	documents_release(&fx->app);
	assert_int_equal(chmod(key, 0600), 0);

	snprintf(other, sizeof(other), "%s/key.saved", fx->dir);
	assert_int_equal(rename(key, other), 0);
	fd = open(key, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "short", 5), 5);
	close(fd);
	assert_int_equal(documents_init(&fx->app, &err), -1);
	assert_non_null(strstr(err.message, "malformed"));
	documents_release(&fx->app);
	assert_int_equal(unlink(key), 0);
	assert_int_equal(symlink(other, key), 0);
	assert_int_equal(documents_init(&fx->app, &err), -1);
	documents_release(&fx->app);
	assert_int_equal(unlink(key), 0);

	assert_int_equal(rename(other, key), 0);
	assert_int_equal(documents_init(&fx->app, &err), 0);
	assert_true(verify(fx, doc.verify_code));
	document_record_release(&doc);
}

/* An explicit data_dir holds the key instead of the database folder. */
static void test_data_dir(void **state)
{
	struct fixture *fx = *state;
	struct server_config cfg;
	char dir[512], sub[300], key[400];
	struct stat st;
	unsigned char seed[32];
	bool created;
	struct wc_error err;

	config_set_defaults(&cfg);
	document_data_dir(&cfg, dir, sizeof(dir));
	assert_string_equal(dir, ".");
	snprintf(cfg.db_path, sizeof(cfg.db_path), "/var/lib/wincase/x.db");
	document_data_dir(&cfg, dir, sizeof(dir));
	assert_string_equal(dir, "/var/lib/wincase");
	snprintf(cfg.data_dir, sizeof(cfg.data_dir), "/srv/keys");
	document_data_dir(&cfg, dir, sizeof(dir));
	assert_string_equal(dir, "/srv/keys");

	snprintf(sub, sizeof(sub), "%s/keys", fx->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	umask(0);
	assert_int_equal(document_key_open(sub, seed, &created, &err), 0);
	umask(022);
	assert_true(created);
	snprintf(key, sizeof(key), "%s/%s", sub, DOCUMENT_KEY_FILE);
	assert_int_equal(stat(key, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	snprintf(key, sizeof(key), "%s/%s.new", sub, DOCUMENT_KEY_FILE);
	assert_int_equal(stat(key, &st), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_notice),
	    cmocka_unit_test(test_commitment),
	    cmocka_unit_test(test_signature_and_codes),
	    cmocka_unit_test(test_refusals),
	    cmocka_unit_test(test_tampered),
	    cmocka_unit_test(test_key_file),
	    cmocka_unit_test(test_data_dir),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
