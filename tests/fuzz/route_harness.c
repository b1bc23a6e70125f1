/* route_harness.c - see route_harness.h. */
#include "route_harness.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>
#include <sodium.h>

#include "case.h"
#include "documents.h"
#include "inquiry.h"

#define NOW	      1793581200 /* 2026-11-02T09:00:00+08:00 */
#define LINE_MAX_WORD 128
#define FOOD	      "000131104000"
#define APPLICANT                                                              \
	"{\"name\":\"张三\",\"id_type\":\"resident_id\","                    \
	"\"id_no\":\"11010519491231002X\",\"phone\":\"13800138000\"}"
#define CASE_BODY                                                              \
	"{\"item_code\":\"" FOOD "\",\"scenario_id\":\"canteen\","             \
	"\"applicant\":" APPLICANT "}"
#define ALL_PROVIDED(last)                                                     \
	"{\"items\":[{\"material_id\":\"application_form\",\"state\":"         \
	"\"provided\"},{\"material_id\":\"business_licence\",\"state\":"       \
	"\"provided\"},{\"material_id\":\"legal_rep_id\",\"state\":"           \
	"\"provided\"},{\"material_id\":\"premises_proof\",\"state\":"         \
	"\"provided\"},{\"material_id\":\"layout_flow\",\"state\":"            \
	"\"provided\"},{\"material_id\":\"safety_manager_proof\",\"state\":"   \
	"\"provided\"},{\"material_id\":\"safety_rules\",\"state\":\"" last    \
	"\"}]}"

/* The fake connection the handlers look headers up on: libmicrohttpd's
 * two lookups are interposed below (the executable's definitions win over
 * the shared library's), so no daemon runs. */
struct fake_connection {
	const char *if_match;
};

const char *MHD_lookup_connection_value(struct MHD_Connection *connection,
					enum MHD_ValueKind kind,
					const char *key)
{
	const struct fake_connection *fc =
	    (const struct fake_connection *)(void *)connection;

	if (fc && kind == MHD_HEADER_KIND &&
	    strcmp(key, MHD_HTTP_HEADER_IF_MATCH) == 0)
		return fc->if_match;
	return NULL;
}

const union MHD_ConnectionInfo *
MHD_get_connection_info(struct MHD_Connection *connection,
			enum MHD_ConnectionInfoType info_type, ...)
{
	(void)connection;
	(void)info_type;
	return NULL;
}

static struct app app;
static struct store_conn *db;
static char dir[64];
static struct session_record callers[4];
/* FUZZ_VERBOSE=1: every answer on stderr (to see how deep seeds go). */
static int verbose;

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void harness_cleanup(void)
{
	db = NULL;
	if (app.store)
		app.store->ops->close(&app.store);
	app_release_reference(&app);
	documents_release(&app);
	if (dir[0])
		nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

static void die(const char *what, const struct wc_error *err)
{
	fprintf(stderr, "fuzz harness: %s: %s\n", what,
		err ? err->message : "failed");
	harness_cleanup();
	abort();
}

static void caller_set(enum fuzz_caller c, const char *name)
{
	struct wc_error err;

	if (db->ops->user_get(db, name, &callers[c].user, &err) != 0)
		die(name, &err);
	store_copy(callers[c].window, sizeof(callers[c].window),
		   callers[c].user.window);
	callers[c].expires_at = NOW + 12 * 3600;
}

/* One handler call; the reply's status. commit: keep what it wrote. */
static unsigned call(api_handler handler, enum fuzz_caller caller,
		     const char *const *params, const char *if_match,
		     json_t *body, int own_transaction, int commit)
{
	struct fake_connection fc = {.if_match = if_match};
	struct api_request req = {.app = &app,
				  .db = db,
				  .connection = (void *)&fc,
				  .method = "POST",
				  .path = "/v1/fuzz",
				  .body = body,
				  .session = &callers[caller],
				  .token_hash = "0",
				  .now = clock_now(&app.clock)};
	struct api_reply rep = {0};
	struct wc_error err;
	unsigned status;

	for (int i = 0; i < API_MAX_PARAMS; i++)
		req.params[i] = params && params[i] ? params[i] : "";
	if (!own_transaction && db->ops->begin(db, &err) < 0)
		die("begin", &err);
	handler(&req, &rep);
	status = rep.status;
	if (verbose) {
		char *text = rep.body ? json_dumps(rep.body, 0) : NULL;

		fprintf(stderr, "fuzz harness: %u %.300s\n", status,
			text ? text : "");
		free(text);
	}
	if (!own_transaction) {
		if (commit && status < 400) {
			if (db->ops->commit(db, &err) < 0)
				die("commit", &err);
		} else {
			db->ops->rollback(db);
		}
		if (rep.after_commit)
			rep.after_commit(&req, rep.after_commit_ctx,
					 commit && status < 400);
	}
	json_decref(rep.body);
	return status;
}

static void fixture(api_handler handler, enum fuzz_caller caller,
		    const char *id, const char *hid, const char *if_match,
		    const char *body_text, unsigned want)
{
	const char *params[API_MAX_PARAMS] = {id, hid, NULL, NULL};
	json_t *body = body_text ? json_loads(body_text, 0, NULL) : NULL;
	unsigned got;

	if (body_text && !body)
		die("fixture body", NULL);
	got = call(handler, caller, params, if_match, body, 0, 1);
	json_decref(body);
	if (got != want) {
		fprintf(stderr, "fuzz harness: fixture %s: %u, not %u\n",
			body_text ? body_text : "(no body)", got, want);
		die("fixture", NULL);
	}
}

/* Inquiry 1 open; inquiry 2 handed off to window 2 (handoff 1 waits);
 * case 1 checking; case 2 accepted tolerantly (open commitment, review
 * item 1); case 3 completed; case 4 notified. */
static void make_fixtures(void)
{
	static const char inquiry[] =
	    "{\"applicant\":" APPLICANT ",\"topic\":\"咨询食品经营许可\","
	    "\"item_code\":\"" FOOD "\"}";

	fixture(handle_inquiry_create, CALLER_CLERK1, NULL, NULL, NULL, inquiry,
		201);
	fixture(handle_inquiry_create, CALLER_CLERK1, NULL, NULL, NULL, inquiry,
		201);
	fixture(handle_inquiry_handoff, CALLER_CLERK1, "2", NULL, "1",
		"{\"to_window\":\"2\",\"reason\":\"住建事项\"}", 200);
	for (int i = 0; i < 4; i++)
		fixture(handle_case_create, CALLER_CLERK1, NULL, NULL, NULL,
			CASE_BODY, 201);
	fixture(handle_case_checklist, CALLER_CLERK1, "2", NULL, "1",
		ALL_PROVIDED("missing"), 200);
	fixture(handle_case_accept, CALLER_CLERK1, "2", NULL, "2",
		"{\"mode\":\"tolerant\",\"commitment\":{"
		"\"applicant_confirmation\":\"张三\",\"deadline_days\":3}}",
		200);
	fixture(handle_case_checklist, CALLER_CLERK1, "3", NULL, "1",
		ALL_PROVIDED("provided"), 200);
	fixture(handle_case_accept, CALLER_CLERK1, "3", NULL, "2",
		"{\"mode\":\"normal\"}", 200);
	fixture(handle_case_complete, CALLER_CLERK1, "3", NULL, "3",
		"{\"result\":\"approved\"}", 200);
	fixture(handle_case_checklist, CALLER_CLERK1, "4", NULL, "1",
		ALL_PROVIDED("missing"), 200);
	fixture(handle_case_notice, CALLER_CLERK1, "4", NULL, "2", "{}", 201);
}

void fuzz_harness_init(void)
{
	const char *conf = getenv("WINCASE_CONF");
	struct wc_error err = {0};
	char dummy[32];

	if (app.store)
		return;
	verbose = getenv("FUZZ_VERBOSE") != NULL;
	if (sodium_init() < 0)
		die("sodium_init", NULL);
	snprintf(dir, sizeof(dir), "/tmp/wincase-fuzz-XXXXXX");
	if (!mkdtemp(dir)) {
		dir[0] = '\0';
		die("mkdtemp", NULL);
	}
	atexit(harness_cleanup);
	config_set_defaults(&app.cfg);
	app.cfg.pwhash_cost = PWHASH_MIN;
	snprintf(app.cfg.db_path, sizeof(app.cfg.db_path), "%s/wincased.db",
		 dir);
	snprintf(app.cfg.data_dir, sizeof(app.cfg.data_dir), "%s", dir);
	snprintf(app.cfg.conf_dir, sizeof(app.cfg.conf_dir), "%s",
		 conf && *conf ? conf : "conf");
	config_finish(&app.cfg);
	clock_init(&app.clock, true, NOW, 480);
	pthread_rwlock_init(&app.reference_lock, NULL);
	if (documents_init(&app, &err) < 0 ||
	    store_open(app.cfg.db_path, &app.store, &err) < 0)
		die("start", &err);
	db = app.store->ops->connect(app.store, &err);
	randombytes_buf(dummy, sizeof(dummy) - 1);
	dummy[sizeof(dummy) - 1] = '\0';
	if (!db ||
	    auth_hash_password(&app, dummy, app.dummy_pwhash, &err) < 0 ||
	    seed_demo(&app, db, &err) < 0 ||
	    app_load_reference(&app, db, &err) < 0)
		die("start", &err);
	caller_set(CALLER_CLERK1, "clerk1");
	caller_set(CALLER_CLERK2, "clerk2");
	caller_set(CALLER_REVIEWER, "reviewer1");
	caller_set(CALLER_ADMIN, "admin1");
	make_fixtures();
}

/* The first line's words: n params, then If-Match. Returns the bytes of
 * the line (with its '\n'). */
static size_t read_line(const uint8_t *data, size_t size, int n,
			char words[][LINE_MAX_WORD], const char **params,
			const char **if_match)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t len = nl ? (size_t)(nl - data) : size, at = 0;
	int w = 0;

	while (at < len && w <= n) {
		size_t k = 0;

		while (at < len && data[at] == ' ')
			at++;
		while (at < len && data[at] != ' ') {
			if (k + 1 < LINE_MAX_WORD)
				words[w][k++] = (char)data[at];
			at++;
		}
		words[w][k] = '\0';
		if (w < n)
			params[w] = words[w];
		else if (k)
			*if_match = words[w];
		w++;
	}
	return nl ? len + 1 : len;
}

void fuzz_route_input(const struct fuzz_route *routes, size_t n,
		      const uint8_t *data, size_t size)
{
	char words[API_MAX_PARAMS + 1][LINE_MAX_WORD];
	const char *params[API_MAX_PARAMS] = {0};
	const char *if_match = NULL;
	const struct fuzz_route *r;
	json_t *body = NULL;
	json_error_t jerr;
	size_t used;
	int64_t now;

	fuzz_harness_init();
	if (size < 1)
		return;
	r = &routes[data[0] % n];
	data++;
	size--;
	for (int i = 0; i < r->n_params; i++)
		params[i] = "";
	used = read_line(data, size, r->n_params, words, params, &if_match);
	data += used;
	size -= used;
	if (size) {
		body = json_loadb((const char *)data, size,
				  JSON_REJECT_DUPLICATES, &jerr);
		if (!body)
			return; /* http.c's 400 */
	}
	now = clock_now(&app.clock);
	call(r->handler, r->caller, params, if_match, body, r->own_transaction,
	     0);
	/* PUT /v1/admin/clock sets the clock even though its transaction
	 * is rolled back; a login's throttle entries are committed, and a
	 * day later they no longer count. */
	clock_set(&app.clock, r->own_transaction ? now + 24 * 3600 : now);
	json_decref(body);
}
