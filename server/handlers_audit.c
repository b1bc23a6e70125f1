/* handlers_audit.c - reading and checking the hash-chained audit trail
 * (R6): GET /v1/audit and GET /v1/audit/verify. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "audit.h"
#include "documents.h"
#include "case.h"

static const char *const entity_kinds[] = {
    "case:", "inquiry:", "user:", "item:", "calendar:"};

struct audit_page {
	const struct server_clock *clock;
	json_t *items;
	int count;
};

static int collect(void *ctx, const struct audit_record *rec,
		   struct wc_error *err)
{
	struct audit_page *page = ctx;
	json_t *j = audit_record_json(rec, page->clock);

	if (!j)
		return wc_error_set(err, "internal", NULL, "out of memory");
	json_array_append_new(page->items, j);
	page->count++;
	return 0;
}

/* "kind:id" with a known kind and a non-empty id. */
static bool entity_valid(const char *entity)
{
	for (size_t i = 0; i < sizeof(entity_kinds) / sizeof(entity_kinds[0]);
	     i++) {
		size_t n = strlen(entity_kinds[i]);

		if (strncmp(entity, entity_kinds[i], n) == 0 && entity[n] &&
		    strlen(entity) < 96)
			return true;
	}
	return false;
}

/* A case the caller may see (case_visible): its history is the case
 * view's timeline at the counter. */
static bool audit_case_visible(const struct api_request *req,
			       const char *entity)
{
	struct case_record rec;
	struct wc_error err;
	char *end = NULL;
	long long id;
	bool visible;

	if (strncmp(entity, "case:", 5) != 0)
		return false;
	errno = 0;
	id = strtoll(entity + 5, &end, 10);
	if (errno || end == entity + 5 || *end || id <= 0 ||
	    req->db->ops->case_get(req->db, id, &rec, &err) != 0)
		return false;
	visible = case_visible(req->session, &rec);
	case_record_release(&rec);
	return visible;
}

/* R6: reviewers and administrators read every entry; anyone else the
 * entries about themselves (entity=user:<me>) and those of a case they
 * may see (entity=case:ID). */
static bool audit_may_read(const struct api_request *req, const char *entity)
{
	const struct session_record *s = req->session;
	char self[80];

	if (api_role_bit(s->user.role) & (ROLE_REVIEWER | ROLE_ADMIN))
		return true;
	snprintf(self, sizeof(self), "user:%s", s->user.username);
	return entity &&
	       (strcmp(entity, self) == 0 || audit_case_visible(req, entity));
}

/* The id of the case or inquiry numbered no ("SL-…"/"SW-…"), 0 when
 * none; -1 on a store error. */
static int64_t number_lookup(struct store_conn *db, const char *no,
			     struct wc_error *err)
{
	int64_t id = 0;
	size_t n = 0;

	if (strncmp(no, "SL-", 3) == 0) {
		struct case_query q = {
		    .scope = CASE_SCOPE_ALL, .q = no, .limit = 20};
		struct case_record *recs = NULL;

		if (db->ops->case_list(db, &q, &recs, &n, err) < 0)
			return -1;
		for (size_t i = 0; i < n && !id; i++)
			if (strcmp(recs[i].no, no) == 0)
				id = recs[i].id;
		case_records_free(&recs, n);
	} else {
		struct inquiry_query q = {
		    .scope = SCOPE_ALL, .q = no, .limit = 20};
		struct inquiry_record *recs = NULL;

		if (db->ops->inquiry_list(db, &q, &recs, &n, err) < 0)
			return -1;
		for (size_t i = 0; i < n && !id; i++)
			if (strcmp(recs[i].no, no) == 0)
				id = recs[i].id;
		inquiry_records_free(&recs, n);
	}
	return id;
}

/* Issue 14.7: a case or inquiry by the number people know - "SL-…",
 * "SW-…", also as case:SL-… and inquiry:SW-… - into case:ID or
 * inquiry:ID in out. False after a 404 (no such number) or a 500. */
static bool entity_resolve(struct api_request *req, struct api_reply *rep,
			   const char *entity, char *out, size_t size)
{
	const char *no = entity;
	struct wc_error err = {0};
	int64_t id;

	snprintf(out, size, "%s", entity);
	if (strncmp(no, "case:", 5) == 0)
		no += 5;
	else if (strncmp(no, "inquiry:", 8) == 0)
		no += 8;
	if (strncmp(no, "SL-", 3) != 0 && strncmp(no, "SW-", 3) != 0)
		return true; /* an id, a user, an item, a year */
	if (no != entity && (no[1] == 'L') != (entity[0] == 'c')) {
		api_error(rep, 400, "bad_request", "entity",
			  "SL- numbers are cases, SW- numbers inquiries");
		return false;
	}
	id = number_lookup(req->db, no, &err);
	if (id < 0) {
		api_internal(rep, &err);
		return false;
	}
	if (id == 0) {
		api_error(rep, 404, "not_found", "entity",
			  "no case or inquiry "
			  "numbered %.40s",
			  no);
		return false;
	}
	snprintf(out, size, "%s:%lld", no[1] == 'L' ? "case" : "inquiry",
		 (long long)id);
	return true;
}

static bool parse_cursor(const char *text, int64_t *out)
{
	char *end = NULL;
	long long v;

	*out = 0;
	if (!text)
		return true;
	errno = 0;
	v = strtoll(text, &end, 10);
	if (errno || end == text || *end || v < 0)
		return false;
	*out = v;
	return true;
}

void handle_audit_list(struct api_request *req, struct api_reply *rep)
{
	const char *entity = api_query(req, "entity");
	char resolved[112];
	struct audit_page page = {.clock = &req->app->clock};
	struct wc_error err;
	char cursor[24];
	int64_t after;
	int limit;

	if (!api_query_limit(req, rep, &limit))
		return;
	if (entity && !entity_valid(entity) && strncmp(entity, "SL-", 3) != 0 &&
	    strncmp(entity, "SW-", 3) != 0) {
		api_error(rep, 400, "bad_request", "entity",
			  "entity must be case:ID, inquiry:ID, user:NAME, "
			  "item:CODE, calendar:YEAR or a number SL-/SW-");
		return;
	}
	if (entity) {
		if (strlen(entity) > 96 ||
		    !entity_resolve(req, rep, entity, resolved,
				    sizeof(resolved))) {
			if (strlen(entity) > 96)
				api_error(rep, 400, "bad_request", "entity",
					  "entity is too long");
			return;
		}
		entity = resolved;
	}
	if (!parse_cursor(api_query(req, "cursor"), &after)) {
		api_error(rep, 400, "bad_request", "cursor", "bad cursor");
		return;
	}
	if (!audit_may_read(req, entity)) {
		api_error(rep, 403, "forbidden", "entity",
			  "clerks read only their own entries (user:%s)",
			  req->session->user.username);
		return;
	}
	page.items = json_array();
	/* One more than asked tells whether a next page exists. */
	if (req->db->ops->audit_visit(req->db, entity, after, limit + 1,
				      collect, &page, &err) < 0) {
		json_decref(page.items);
		api_internal(rep, &err);
		return;
	}
	if (page.count > limit) {
		json_array_remove(page.items, (size_t)limit);
		snprintf(
		    cursor, sizeof(cursor), "%lld",
		    (long long)json_integer_value(json_object_get(
			json_array_get(page.items, (size_t)limit - 1), "seq")));
	}
	api_ok(rep, 200,
	       api_list(page.items, page.count > limit ? cursor : NULL));
}

/* The chain against every checkpoint (the store's and the checkpoint
 * file's); the newest says when the head was last signed. */
void handle_audit_verify(struct api_request *req, struct api_reply *rep)
{
	struct app *app = req->app;
	const char *files[] = {app->cfg.audit_checkpoint_file, NULL};
	struct audit_report r;
	struct wc_error err;
	char text[512];
	json_t *body;

	if (audit_check(req->db,
			app->documents ? documents_public_key(app->documents)
				       : NULL,
			files, &r, &err) < 0) {
		api_internal(rep, &err);
		return;
	}
	audit_report_text(&r, text, sizeof(text));
	body = json_pack("{s:b, s:I, s:I, s:s, s:I}", "ok", r.ok, "entries",
			 (json_int_t)r.entries, "last_seq",
			 (json_int_t)r.last_seq, "message", text,
			 "bad_checkpoints", (json_int_t)r.bad_checkpoints);
	if (r.broken_at)
		json_object_set_new(body, "broken_at",
				    json_integer(r.broken_at));
	if (r.missing_after)
		json_object_set_new(body, "missing_after",
				    json_integer(r.missing_after));
	if (r.rewritten_from)
		json_object_set_new(body, "rewritten_from",
				    json_integer(r.rewritten_from));
	json_object_set_new(body, "checkpoint",
			    r.have_newest
				? audit_checkpoint_json(&r.newest, &app->clock)
				: json_null());
	api_ok(rep, 200, body);
}
