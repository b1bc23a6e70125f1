/* documents.c - issuing and checking signed notices (R2) and commitments
 * (R3): the key and templates loaded at start, the variables completed from
 * the catalog and the session, the verify code, the stored row, the audit
 * entry. See documents.h for the scheme. */
#include "documents.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "documents_pdf.h"
#include "wincase/catalog.h"
#include "wincase/checklist.h"
#include "wincase/date.h"

#define TEMPLATE_MAX_BYTES (64 * 1024)
#define CODE_ATTEMPTS	   16

struct documents {
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char *sk; /* sodium_malloc'd secret key */
	char *templates[2];
};

#define COMMON_KEYS                                                            \
	"no", "verify_code", "issued_date", "applicant_name",                  \
	    "applicant_id_type", "applicant_id_no", "applicant_phone",         \
	    "item_code", "item_name", "legal_basis", "location", "contact",    \
	    "clerk", "window"

static const char *const notice_keys[] = {COMMON_KEYS, "application_date",
					  NULL};
static const char *const commitment_keys[] = {COMMON_KEYS, "deadline_days",
					      "deadline_date",
					      "applicant_confirmation", NULL};
static const char *const material_keys[] = {"name", "state", "reason",
					    "how_to_obtain", NULL};

static const struct document_kind {
	const char *name;
	const char *file;
	const char *const *keys;
} kinds[2] = {
    {"notice", "notice.txt", notice_keys},
    {"commitment", "commitment.txt", commitment_keys},
};

static int kind_index(const char *kind)
{
	for (int i = 0; i < 2; i++)
		if (kind && strcmp(kind, kinds[i].name) == 0)
			return i;
	return -1;
}

void document_record_release(struct document_record *rec)
{
	free(rec->text);
	free(rec->data);
	free(rec->template_text);
	rec->text = rec->data = rec->template_text = NULL;
}

static char *read_template(const char *path, struct wc_error *err)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	size_t n;

	if (!f) {
		wc_error_set(err, "internal", "conf_dir",
			     "cannot open document template %s", path);
		return NULL;
	}
	text = malloc(TEMPLATE_MAX_BYTES + 1);
	n = text ? fread(text, 1, TEMPLATE_MAX_BYTES + 1, f) : 0;
	fclose(f);
	if (!text || n > TEMPLATE_MAX_BYTES || memchr(text, '\0', n)) {
		wc_error_set(err, "internal", "conf_dir",
			     "document template %s is too large or binary",
			     path);
		free(text);
		return NULL;
	}
	text[n] = '\0';
	return text;
}

static int load_templates(struct documents *docs, const char *conf_dir,
			  struct wc_error *err)
{
	char path[700];

	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/templates/%s", conf_dir,
			 kinds[i].file);
		docs->templates[i] = read_template(path, err);
		if (!docs->templates[i])
			return -1;
		if (!strstr(docs->templates[i], "{{no}}") ||
		    !strstr(docs->templates[i], "{{verify_code}}"))
			return wc_error_set(err, "internal", "conf_dir",
					    "document template %s must print "
					    "{{no}} and {{verify_code}}",
					    path);
		if (document_template_check(docs->templates[i], kinds[i].keys,
					    "materials", material_keys,
					    err) < 0) {
			char why[sizeof(err->message)];

			snprintf(why, sizeof(why), "%s", err->message);
			return wc_error_set(err, "internal", "conf_dir",
					    "document template %s: %s", path,
					    why);
		}
	}
	return 0;
}

int documents_init(struct app *app, struct wc_error *err)
{
	struct documents *docs = calloc(1, sizeof(*docs));
	unsigned char seed[crypto_sign_SEEDBYTES];
	char dir[512];
	bool created;

	if (!docs)
		return wc_error_set(err, "internal", NULL, "out of memory");
	app->documents = docs;
	/* The templates first: a bad conf_dir stops the server before it
	 * creates a signing key. */
	if (load_templates(docs, app->cfg.conf_dir, err) < 0)
		return -1;
	document_data_dir(&app->cfg, dir, sizeof(dir));
	docs->sk = sodium_malloc(crypto_sign_SECRETKEYBYTES);
	if (!docs->sk)
		return wc_error_set(err, "internal", NULL, "out of memory");
	if (document_key_open(dir, seed, &created, err) < 0)
		return -1;
	crypto_sign_seed_keypair(docs->pk, docs->sk, seed);
	sodium_memzero(seed, sizeof(seed));
	if (created)
		fprintf(stderr, "wincased: created signing key %s/%s\n", dir,
			DOCUMENT_KEY_FILE);
	return 0;
}

int documents_templates_reload(struct app *app, struct wc_error *err)
{
	struct documents fresh = {0};
	char *old[2];

	if (load_templates(&fresh, app->cfg.conf_dir, err) < 0) {
		free(fresh.templates[0]);
		free(fresh.templates[1]);
		return -1;
	}
	/* Renders copy a template under the read lock (template_copy). */
	pthread_rwlock_wrlock(&app->reference_lock);
	for (int i = 0; i < 2; i++) {
		old[i] = app->documents->templates[i];
		app->documents->templates[i] = fresh.templates[i];
	}
	pthread_rwlock_unlock(&app->reference_lock);
	free(old[0]);
	free(old[1]);
	return 0;
}

/* A copy of a template, so that a reload (SIGHUP) may replace it while
 * a document is rendered. Free it. */
static char *template_copy(struct app *app, int kind, struct wc_error *err)
{
	char *copy;

	pthread_rwlock_rdlock(&app->reference_lock);
	copy = strdup(app->documents->templates[kind]);
	pthread_rwlock_unlock(&app->reference_lock);
	if (!copy)
		wc_error_set(err, "internal", NULL, "out of memory");
	return copy;
}

int documents_open_key(struct app *app, struct wc_error *err)
{
	struct documents *docs;
	unsigned char seed[crypto_sign_SEEDBYTES];
	char dir[512], path[600];
	bool created;

	document_data_dir(&app->cfg, dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/%s", dir, DOCUMENT_KEY_FILE);
	if (access(path, F_OK) != 0)
		return 1;
	docs = calloc(1, sizeof(*docs));
	if (!docs)
		return wc_error_set(err, "internal", NULL, "out of memory");
	app->documents = docs;
	docs->sk = sodium_malloc(crypto_sign_SECRETKEYBYTES);
	if (!docs->sk)
		return wc_error_set(err, "internal", NULL, "out of memory");
	if (document_key_open(dir, seed, &created, err) < 0)
		return -1;
	crypto_sign_seed_keypair(docs->pk, docs->sk, seed);
	sodium_memzero(seed, sizeof(seed));
	return 0;
}

void documents_sign(const struct documents *docs, const void *data, size_t len,
		    unsigned char sig[64])
{
	crypto_sign_detached(sig, NULL, data, len, docs->sk);
}

const unsigned char *documents_public_key(const struct documents *docs)
{
	return docs->pk;
}

void documents_release(struct app *app)
{
	struct documents *docs = app->documents;

	if (!docs)
		return;
	sodium_free(docs->sk);
	free(docs->templates[0]);
	free(docs->templates[1]);
	free(docs);
	app->documents = NULL;
	document_pdf_cleanup(); /* the PDFs' font caches, at exit */
}

/* Crockford base32 without I L O U: nothing a person can misread. */
static const char code_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void document_code_derive(const unsigned char sig[64], unsigned attempt,
			  char out[DOCUMENT_CODE_SIZE])
{
	crypto_generichash_state st;
	unsigned char h[32], a = (unsigned char)attempt;
	uint64_t bits = 0;
	size_t o = 0;

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, sig, 64);
	if (attempt)
		crypto_generichash_update(&st, &a, 1);
	crypto_generichash_final(&st, h, sizeof(h));
	for (int i = 0; i < 7; i++)
		bits = bits << 8 | h[i];
	bits >>= 6; /* the first 50 bits */
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 8)
			out[o++] = '-';
		out[o++] = code_alphabet[(bits >> (45 - 5 * i)) & 31];
	}
	out[o] = '\0';
}

bool document_code_normalize(const char *typed, char out[DOCUMENT_CODE_SIZE])
{
	char raw[10];
	size_t n = 0, o = 0;

	for (const char *p = typed; *p; p++) {
		char c = *p;

		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c == 'O')
			c = '0';
		else if (c == 'I' || c == 'L')
			c = '1';
		if (c == '\0' || !strchr(code_alphabet, c) || n == sizeof(raw))
			return false;
		raw[n++] = c;
	}
	if (n != sizeof(raw))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (i == 4 || i == 8)
			out[o++] = '-';
		out[o++] = raw[i];
	}
	out[o] = '\0';
	return true;
}

int document_verify(struct app *app, struct store_conn *db, const char *code,
		    bool *valid, struct document_record *out,
		    struct wc_error *err)
{
	const struct documents *docs = app->documents;
	unsigned char sig[crypto_sign_BYTES];
	char canon[DOCUMENT_CODE_SIZE];
	size_t sig_len = 0;
	int rc;

	*valid = false;
	memset(out, 0, sizeof(*out));
	if (!document_code_normalize(code, canon))
		return STORE_NOT_FOUND;
	rc = db->ops->document_find_by_code(db, canon, out, err);
	if (rc != 0)
		return rc;
	/* Tampering with the row (text, signature or code) shows here. */
	*valid =
	    sodium_base642bin(sig, sizeof(sig), out->signature,
			      strlen(out->signature), NULL, &sig_len, NULL,
			      sodium_base64_VARIANT_ORIGINAL) == 0 &&
	    sig_len == sizeof(sig) &&
	    crypto_sign_verify_detached(sig, (const unsigned char *)out->text,
					strlen(out->text), docs->pk) == 0 &&
	    strstr(out->text, canon) != NULL;
	return 0;
}

static const char *id_type_text(const char *id_type)
{
	static const char *const names[][2] = {
	    {"resident_id", "居民身份证"},
	    {"uscc", "统一社会信用代码"},
	    {"passport", "护照"},
	    {"other", "其他证件"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(id_type, names[i][0]) == 0)
			return names[i][1];
	return id_type;
}

static const char *state_text(const char *state)
{
	static const char *const names[] = {
	    [STATE_PENDING] = "待核验", [STATE_PROVIDED] = "已提交",
	    [STATE_MISSING] = "缺少",	[STATE_DEFECTIVE] = "有误",
	    [STATE_SHARED] = "免提交",
	};
	enum material_state s;

	if (material_state_parse(state, &s) &&
	    (size_t)s < sizeof(names) / sizeof(names[0]) && names[s])
		return names[s];
	return state;
}

static void date_text(wc_day d, char out[32])
{
	int y, m, day;

	date_to_ymd(d, &y, &m, &day);
	snprintf(out, 32, "%04d年%d月%d日", y, m, day);
}

/* Set key to value unless the caller gave one. */
static void set_default(json_t *v, const char *key, const char *value)
{
	const json_t *cur = json_object_get(v, key);

	if ((!cur || json_is_null(cur)) && value && value[0])
		json_object_set_new(v, key, json_string(value));
}

static bool has_text(const json_t *v, const char *key)
{
	const char *s = json_string_value(json_object_get(v, key));

	return s && s[0];
}

/* A YYYY-MM-DD value printed the Chinese way; absent is fine unless
 * required. */
static int set_date(json_t *v, const char *key, bool required,
		    struct wc_error *err)
{
	const json_t *cur = json_object_get(v, key);
	char text[32];
	wc_day d;

	if (!required && (!cur || json_is_null(cur)))
		return 0;
	if (!json_is_string(cur) || !date_parse(json_string_value(cur), &d))
		return wc_error_set(err, "internal", key,
				    "document variable %s must be a date", key);
	date_text(d, text);
	json_object_set_new(v, key, json_string(text));
	return 0;
}

/* The catalog item's texts, under the reference lock. */
static int set_item(struct app *app, json_t *v, struct wc_error *err)
{
	const char *code = json_string_value(json_object_get(v, "item_code"));
	const struct item *it;
	int rc = 0;

	pthread_rwlock_rdlock(&app->reference_lock);
	it = code ? catalog_find(app->catalog, code) : NULL;
	if (!it) {
		rc = wc_error_set(err, "internal", "item_code",
				  "document item_code is not in the catalog");
	} else {
		set_default(v, "item_name", it->name);
		set_default(v, "legal_basis", it->legal_basis);
		set_default(v, "location", it->location);
		set_default(v, "contact", it->contact);
	}
	pthread_rwlock_unlock(&app->reference_lock);
	return rc;
}

/* R2/R3: a document lists at least one material, each with a name. */
static int set_materials(json_t *v, struct wc_error *err)
{
	json_t *list = json_object_get(v, "materials"), *m;
	size_t i;

	if (!json_is_array(list) || json_array_size(list) == 0)
		return wc_error_set(err, "internal", "materials",
				    "a document needs a list of materials");
	json_array_foreach(list, i, m)
	{
		const char *state;

		if (!json_is_object(m) || !has_text(m, "name"))
			return wc_error_set(err, "internal", "materials",
					    "materials[%zu] needs a name", i);
		state = json_string_value(json_object_get(m, "state"));
		if (state)
			json_object_set_new(m, "state",
					    json_string(state_text(state)));
	}
	return 0;
}

/* Check the caller's variables and complete them from the catalog, the
 * session and the clock (documents.h lists them). */
static int vars_complete(struct api_request *req, int kind, const char *no,
			 json_t *v, struct wc_error *err)
{
	const struct session_record *s = req->session;
	const char *id_type;
	char today[32];

	if (!has_text(v, "applicant_name"))
		return wc_error_set(err, "internal", "applicant_name",
				    "document needs applicant_name");
	if (set_item(req->app, v, err) < 0 || set_materials(v, err) < 0)
		return -1;
	id_type = json_string_value(json_object_get(v, "applicant_id_type"));
	if (id_type)
		json_object_set_new(v, "applicant_id_type",
				    json_string(id_type_text(id_type)));
	if (s) {
		set_default(v, "clerk", s->user.display_name);
		set_default(v, "window", s->window);
	}
	if (kind == 0 && set_date(v, "application_date", true, err) < 0)
		return -1;
	if (kind == 1) {
		if (!json_is_integer(json_object_get(v, "deadline_days")) ||
		    !has_text(v, "applicant_confirmation"))
			return wc_error_set(err, "internal", "deadline_days",
					    "a commitment needs deadline_days "
					    "and applicant_confirmation");
		if (set_date(v, "deadline_date", false, err) < 0)
			return -1;
	}
	date_text(clock_local_day(&req->app->clock, req->now), today);
	json_object_set_new(v, "issued_date", json_string(today));
	json_object_set_new(v, "no", json_string(no));
	json_object_set_new(v, "verify_code", json_string(""));
	return 0;
}

/* A code no stored document has (the table keeps it unique). */
static int pick_code(struct store_conn *db, const unsigned char sig[64],
		     char out[DOCUMENT_CODE_SIZE], struct wc_error *err)
{
	struct document_record other;

	for (unsigned attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
		int rc;

		document_code_derive(sig, attempt, out);
		rc = db->ops->document_find_by_code(db, out, &other, err);
		if (rc == STORE_NOT_FOUND)
			return 0;
		if (rc < 0)
			return -1;
		document_record_release(&other);
	}
	return wc_error_set(err, "internal", NULL, "no free verify code");
}

static void sign_text(const struct documents *docs, const char *text,
		      unsigned char sig[crypto_sign_BYTES])
{
	crypto_sign_detached(sig, NULL, (const unsigned char *)text,
			     strlen(text), docs->sk);
}

/* Render with an empty code, derive the code from that signature, render
 * again with it and sign the final text (documents.h). */
static int render_and_sign(struct api_request *req, int kind, json_t *v,
			   struct document_record *out, struct wc_error *err)
{
	const struct documents *docs = req->app->documents;
	unsigned char sig[crypto_sign_BYTES];
	char *tmpl = template_copy(req->app, kind, err);
	char *draft = tmpl ? document_render(tmpl, v, err) : NULL;

	if (!draft) {
		free(tmpl);
		return -1;
	}
	sign_text(docs, draft, sig);
	free(draft);
	if (pick_code(req->db, sig, out->verify_code, err) < 0) {
		free(tmpl);
		return -1;
	}
	json_object_set_new(v, "verify_code", json_string(out->verify_code));
	out->text = document_render(tmpl, v, err);
	/* Kept with the row: the PDF is laid out from them (documents.h). */
	out->template_text = tmpl;
	out->data = out->text ? json_dumps(v, JSON_COMPACT) : NULL;
	if (!out->text)
		return -1;
	if (!out->data)
		return wc_error_set(err, "internal", NULL, "out of memory");
	sign_text(docs, out->text, sig);
	sodium_bin2base64(out->signature, sizeof(out->signature), sig,
			  sizeof(sig), sodium_base64_VARIANT_ORIGINAL);
	return 0;
}

int document_issue(struct api_request *req, struct api_reply *rep,
		   const char *kind, const char *no, int64_t case_id,
		   const json_t *vars, struct document_record *out)
{
	struct wc_error err = {0};
	int k = kind_index(kind);
	json_t *v = NULL, *data = NULL;
	char entity[48];
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (k < 0 || !no || !no[0] || strlen(no) >= sizeof(out->no) ||
	    !json_is_object(vars) || !req->app->documents) {
		wc_error_set(&err, "internal", NULL,
			     "document_issue: bad kind, number or variables");
		goto fail;
	}
	v = json_deep_copy(vars);
	if (!v || vars_complete(req, k, no, v, &err) < 0 ||
	    render_and_sign(req, k, v, out, &err) < 0)
		goto fail;
	store_copy(out->kind, sizeof(out->kind), kinds[k].name);
	store_copy(out->no, sizeof(out->no), no);
	out->case_id = case_id;
	out->issued_at = req->now;
	if (req->db->ops->document_put(req->db, out, &err) < 0)
		goto fail;
	snprintf(entity, sizeof(entity), "case:%lld", (long long)case_id);
	data = json_pack("{s:I, s:s, s:s, s:s}", "document_id",
			 (json_int_t)out->id, "kind", out->kind, "no", out->no,
			 "verify_code", out->verify_code);
	if (!api_audit(req, rep, NULL, "document.issue", entity, data))
		goto release;
	rc = 0;
	goto done;
fail:
	api_internal(rep, &err);
release:
	document_record_release(out);
done:
	json_decref(data);
	json_decref(v);
	return rc;
}
