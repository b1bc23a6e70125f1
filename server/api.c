/* api.c - replies and request helpers shared by the handlers. */
#include "api.h"

#include "audit.h"
#include "wincase/text.h"
#include "wincase/validate.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>
#include <sodium.h>

static json_t *error_body(const char *code, const char *field,
			  const char *message)
{
	json_t *e = json_pack("{s:s, s:s}", "code", code, "message", message);

	if (field && field[0])
		json_object_set_new(e, "field", json_string(field));
	return json_pack("{s:o}", "error", e);
}

/* Make s valid UTF-8 in place: a message quoting user text (a path
 * segment, a value) may hold bytes that are not UTF-8, or be cut inside a
 * character by the fixed buffer, and jansson refuses such a string, which
 * used to leave the answer without a body. Each invalid byte becomes '?';
 * a character cut at the end is dropped. */
static size_t utf8_expected_len(unsigned char lead)
{
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	return 0;
}

/* True if s[0..n) is a lead byte followed only by continuation bytes,
 * fewer than the lead byte announces: a character cut at the end. */
static bool utf8_cut_tail(const char *s, size_t n)
{
	size_t want = utf8_expected_len((unsigned char)s[0]);

	if (want == 0 || n >= want)
		return false;
	for (size_t k = 1; k < n; k++)
		if (((unsigned char)s[k] & 0xC0) != 0x80)
			return false;
	return true;
}

void api_utf8_clean(char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		wchar_t cp;
		size_t n = text_decode(s + i, len - i, &cp);

		if (cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80) {
			if (utf8_cut_tail(s + i, len - i)) {
				s[i] = '\0';
				return;
			}
			s[i] = '?';
		}
		i += n;
	}
}

void api_error(struct api_reply *rep, unsigned status, const char *code,
	       const char *field, const char *fmt, ...)
{
	char message[256], field_text[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	api_utf8_clean(message);
	if (field) {
		snprintf(field_text, sizeof(field_text), "%s", field);
		api_utf8_clean(field_text);
		field = field_text;
	}
	json_decref(rep->body);
	rep->status = status;
	rep->body = error_body(code, field, message);
	rep->etag[0] = rep->location[0] = '\0';
}

void api_error_from(struct api_reply *rep, unsigned status,
		    const struct wc_error *err)
{
	api_error(rep, status, err->code[0] ? err->code : "internal",
		  err->field, "%s", err->message);
}

static atomic_uint store_failures;

unsigned api_store_failures(void)
{
	return atomic_load_explicit(&store_failures, memory_order_relaxed);
}

void api_internal(struct api_reply *rep, const struct wc_error *err)
{
	atomic_fetch_add_explicit(&store_failures, 1, memory_order_relaxed);
	/* The database is down or failing over (PostgreSQL): nothing was
	 * written, and the client may try again. */
	if (err && strcmp(err->code, "store_unavailable") == 0) {
		fprintf(stderr, "wincased: %s\n", err->message);
		api_error(rep, 503, "store_unavailable", NULL,
			  "the case database cannot be reached now; nothing "
			  "was changed, try again shortly");
		return;
	}
	fprintf(stderr, "wincased: internal error: %s\n",
		err ? err->message : "unknown");
	api_error(rep, 500, "internal", NULL, "internal error");
}

void api_ok(struct api_reply *rep, unsigned status, json_t *body)
{
	json_decref(rep->body);
	rep->status = status;
	rep->body = body;
}

const char *api_query(const struct api_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->connection,
					   MHD_GET_ARGUMENT_KIND, name);
}

bool api_query_limit(const struct api_request *req, struct api_reply *rep,
		     int *limit)
{
	const char *text = api_query(req, "limit");
	char *end = NULL;
	long v;

	*limit = 50;
	if (!text)
		return true;
	v = strtol(text, &end, 10);
	if (end == text || *end || v < 1 || v > 200) {
		api_error(rep, 400, "bad_request", "limit",
			  "limit must be an integer from 1 to 200");
		return false;
	}
	*limit = (int)v;
	return true;
}

bool api_body_object(struct api_request *req, struct api_reply *rep)
{
	if (json_is_object(req->body))
		return true;
	api_error(rep, 400, "bad_request", NULL,
		  req->body ? "the body must be a JSON object"
			    : "a JSON body is required");
	return false;
}

/* obj[key] when it has type (named by must_be in the error), or NULL when
 * absent and optional. */
static bool api_get_member(const json_t *obj, const char *key,
			   const char *field, bool required, json_type type,
			   const char *must_be, struct api_reply *rep,
			   const json_t **out)
{
	const json_t *v = json_object_get(obj, key);

	*out = NULL;
	if (!v || json_is_null(v)) {
		if (!required)
			return true;
		api_error(rep, 400, "bad_request", field, "%s is required",
			  field);
		return false;
	}
	if (json_typeof(v) != type) {
		api_error(rep, 400, "bad_request", field, "%s must be %s",
			  field, must_be);
		return false;
	}
	*out = v;
	return true;
}

bool api_get_string(const json_t *obj, const char *key, const char *field,
		    bool required, struct api_reply *rep, const char **out)
{
	const json_t *v;

	*out = NULL;
	if (!api_get_member(obj, key, field, required, JSON_STRING, "a string",
			    rep, &v))
		return false;
	if (v)
		*out = json_string_value(v);
	return true;
}

bool api_get_object(const json_t *obj, const char *key, const char *field,
		    bool required, struct api_reply *rep, const json_t **out)
{
	return api_get_member(obj, key, field, required, JSON_OBJECT,
			      "an object", rep, out);
}

bool api_get_optional_text(const json_t *obj, const char *key,
			   const char *field, struct api_reply *rep,
			   const char **out)
{
	if (!api_get_string(obj, key, field, false, rep, out))
		return false;
	if (*out && !**out)
		*out = NULL;
	return true;
}

bool api_check_text(const char *text, size_t max, bool newline,
		    const char *field, struct api_reply *rep)
{
	enum validate_result v = validate_text(text, max, newline);

	if (v == VALID_OK && !*text)
		v = VALID_EMPTY;
	if (v == VALID_OK)
		return true;
	api_error(rep, 422, "invalid_field", field, "%s: %s", field,
		  validate_result_text(v));
	return false;
}

/* Issue 13.8: a name, by core's rule (no emoji, no symbols). */
static bool api_check_name(const char *name, const char *field,
			   struct api_reply *rep)
{
	enum validate_result v = validate_name(name, NAME_MAX_CHARS);

	if (v == VALID_OK && !*name)
		v = VALID_EMPTY;
	if (v == VALID_OK)
		return true;
	api_error(rep, 422, "invalid_field", field, "%s: %s", field,
		  v == VALID_CHARSET ? "only Chinese characters, letters, "
				       "digits, spaces and · ( ) - . ' "
				       "may appear in a name"
				     : validate_result_text(v));
	return false;
}

/* id_type and id_no of an applicant (both or neither). */
static bool api_check_applicant_id(struct api_request *req,
				   struct api_reply *rep, size_t id_no_size,
				   const struct api_applicant *a)
{
	enum id_type type = ID_OTHER;
	enum validate_result v;
	int year, month, day;

	if (a->id_type && !id_type_parse(a->id_type, &type)) {
		api_error(rep, 400, "bad_request", "applicant.id_type",
			  "unknown id_type '%.40s'", a->id_type);
		return false;
	}
	if (!a->id_type != !a->id_no) {
		api_error(rep, 400, "bad_request",
			  a->id_type ? "applicant.id_no" : "applicant.id_type",
			  "id_type and id_no go together");
		return false;
	}
	if (!a->id_no)
		return true;
	date_to_ymd(clock_local_day(&req->app->clock, req->now), &year, &month,
		    &day);
	v = validate_id(type, a->id_no, year);
	if (v == VALID_OK && id_no_size && strlen(a->id_no) >= id_no_size)
		v = VALID_TOO_LONG;
	if (v != VALID_OK) {
		api_error(rep, 422, "invalid_field", "applicant.id_no",
			  "applicant.id_no: %s", validate_result_text(v));
		return false;
	}
	return true;
}

bool api_read_applicant(struct api_request *req, struct api_reply *rep,
			size_t id_no_size, struct api_applicant *out)
{
	const json_t *a;
	enum validate_result v;

	if (!api_get_object(req->body, "applicant", "applicant", true, rep,
			    &a) ||
	    !api_get_string(a, "name", "applicant.name", true, rep,
			    &out->name) ||
	    !api_get_optional_text(a, "id_type", "applicant.id_type", rep,
				   &out->id_type) ||
	    !api_get_optional_text(a, "id_no", "applicant.id_no", rep,
				   &out->id_no) ||
	    !api_get_optional_text(a, "phone", "applicant.phone", rep,
				   &out->phone) ||
	    !api_check_name(out->name, "applicant.name", rep) ||
	    !api_check_applicant_id(req, rep, id_no_size, out))
		return false;
	if (out->phone && (v = validate_phone(out->phone)) != VALID_OK) {
		api_error(rep, 422, "invalid_field", "applicant.phone",
			  "applicant.phone: %s", validate_result_text(v));
		return false;
	}
	return true;
}

bool api_parse_id(const char *text, int64_t *out)
{
	char *end = NULL;
	long long v;

	if (!text || *text < '1' || *text > '9')
		return false;
	errno = 0;
	v = strtoll(text, &end, 10);
	if (errno || *end || v <= 0)
		return false;
	*out = v;
	return true;
}

bool api_is_one_of(const char *value, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(value, names[i]) == 0)
			return true;
	return false;
}

void api_error_details(struct api_reply *rep, json_t *details)
{
	json_t *e = json_object_get(rep->body, "error");

	if (e && details)
		json_object_set_new(e, "details", details);
	else
		json_decref(details);
}

bool api_check_if_match(const struct api_request *req, struct api_reply *rep,
			int version, const json_t *current)
{
	const char *h = MHD_lookup_connection_value(
	    req->connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_MATCH);
	char quoted[32], bare[32];

	if (!h || !*h) {
		api_error(rep, 428, "precondition_required", "If-Match",
			  "send If-Match with the version you changed");
		return false;
	}
	snprintf(quoted, sizeof(quoted), "\"%d\"", version);
	snprintf(bare, sizeof(bare), "%d", version);
	if (strcmp(h, quoted) == 0 || strcmp(h, bare) == 0)
		return true;
	api_error(rep, 412, "version_conflict", "If-Match",
		  "the object is at version %d", version);
	api_error_details(rep, json_pack("[O]", (json_t *)current));
	return false;
}

void api_set_etag(struct api_reply *rep, int version)
{
	snprintf(rep->etag, sizeof(rep->etag), "\"%d\"", version);
}

json_t *api_list(json_t *items, const char *next_cursor)
{
	return json_pack("{s:o, s:o}", "items", items, "next_cursor",
			 next_cursor ? json_string(next_cursor) : json_null());
}

size_t api_page_shown(size_t n, int asked)
{
	return n < (size_t)asked ? n : n - 1;
}

json_t *api_list_next(json_t *items, int64_t last_id)
{
	char cursor[24];

	snprintf(cursor, sizeof(cursor), "%" PRId64, last_id);
	return api_list(items, last_id ? cursor : NULL);
}

int api_role_bit(const char *role)
{
	static const struct {
		const char *name;
		int bit;
	} roles[] = {{"clerk", ROLE_CLERK},
		     {"reviewer", ROLE_REVIEWER},
		     {"admin", ROLE_ADMIN},
		     {"trainee", ROLE_TRAINEE}};

	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(role, roles[i].name) == 0)
			return roles[i].bit;
	return 0;
}

json_t *api_user_json(const struct user_record *user, const char *window)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s}", "username",
			 user->username, "display_name", user->display_name,
			 "role", user->role, "window", window, "department",
			 user->department);
}

void api_token_hash(const char *token, char out[65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
			   strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

bool api_audit(struct api_request *req, struct api_reply *rep,
	       const char *actor, const char *action, const char *entity,
	       const json_t *data)
{
	struct wc_error err;

	if (!actor)
		actor = req->session ? req->session->user.username : "-";
	if (audit_append(req->db, req->now, actor, action, entity, data, &err) <
	    0) {
		api_internal(rep, &err);
		return false;
	}
	return true;
}
