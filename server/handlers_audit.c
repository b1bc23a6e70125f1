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
	struct audit_page page = {.clock = &req->app->clock};
	struct wc_error err;
	char cursor[24];
	int64_t after;
	int limit;

	if (!api_query_limit(req, rep, &limit))
		return;
	if (entity && !entity_valid(entity)) {
		api_error(rep, 400, "bad_request", "entity",
			  "entity must be case:ID, inquiry:ID, user:NAME, "
			  "item:CODE or calendar:YEAR");
		return;
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
