/* case_json.c - opening a case for a request (R6 scope, If-Match), its
 * catalog item, API.md's case JSON, and due dates from the calendar (R4). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "case.h"
#include "record_state.h"
#include "wincase/calendar.h"
#include "wincase/validate.h"

void case_ctx_release(struct case_ctx *ctx)
{
	case_record_release(&ctx->rec);
	if (ctx->have_item)
		item_release(&ctx->item);
	ctx->have_item = false;
}

int case_item_copy(struct app *app, const char *code, struct item *out,
		   struct wc_error *err)
{
	const struct item *it;
	json_t *copy = NULL;
	int rc;

	pthread_rwlock_rdlock(&app->reference_lock);
	it = app->catalog ? catalog_find(app->catalog, code) : NULL;
	if (it)
		copy = item_to_json(it, true);
	pthread_rwlock_unlock(&app->reference_lock);
	if (!it)
		return STORE_NOT_FOUND;
	if (!copy)
		return wc_error_set(err, "internal", NULL, "out of memory");
	rc = item_from_json(copy, out, err);
	json_decref(copy);
	return rc < 0 ? -1 : 0;
}

int case_item_of(struct app *app, const struct case_record *r, struct item *out,
		 struct wc_error *err)
{
	json_t *j;
	json_error_t jerr;
	int rc;

	if (!r->item_json)
		return case_item_copy(app, r->item_code, out, err);
	j = json_loads(r->item_json, 0, &jerr);
	if (!j)
		return wc_error_set(err, "internal", NULL,
				    "case %" PRId64 ": item snapshot: %s",
				    r->id, jerr.text);
	rc = item_from_json(j, out, err);
	json_decref(j);
	return rc < 0 ? -1 : 0;
}

char *case_item_snapshot(const struct item *it)
{
	json_t *j = item_to_json(it, true);
	char *text = j ? json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS) : NULL;

	json_decref(j);
	return text;
}

bool case_visible(const struct session_record *s, const struct case_record *rec)
{
	int role = api_role_bit(s->user.role);

	if (role & ROLE_ADMIN)
		return true;
	if (role & ROLE_REVIEWER)
		return strcmp(rec->department, s->user.department) == 0;
	return strcmp(rec->window, s->window) == 0;
}

bool case_ctx_prepare(struct case_ctx *ctx, struct wc_error *err)
{
	const struct case_record *r = &ctx->rec;

	if (r->n_lines > CATALOG_MAX_MATERIALS)
		return wc_error_set(err, "internal", NULL,
				    "case %" PRId64 " has too many lines",
				    r->id) == 0;
	for (size_t i = 0; i < r->n_lines; i++) {
		int at =
		    item_find_material(&ctx->item, r->lines[i].material_id);

		if (at < 0 ||
		    !material_state_parse(r->lines[i].state, &ctx->states[i])) {
			wc_error_set(err, "catalog_changed", NULL,
				     "item %s no longer has material %s",
				     ctx->item.code, r->lines[i].material_id);
			return false;
		}
		ctx->material_index[i] = (size_t)at;
	}
	ctx->scenario.id = ctx->rec.scenario_id;
	ctx->scenario.name = ctx->rec.scenario_id;
	ctx->scenario.n_materials = r->n_lines;
	ctx->scenario.materials = ctx->material_index;
	return true;
}

/* Load the case and its item; 404 and 403 replies. */
static bool case_load(struct api_request *req, struct api_reply *rep,
		      struct case_ctx *ctx)
{
	struct wc_error err;
	int64_t id;
	int rc;

	if (!api_parse_id(req->params[0], &id)) {
		api_error(rep, 404, "not_found", NULL, "no such case");
		return false;
	}
	rc = req->db->ops->case_get(req->db, id, &ctx->rec, &err);
	if (rc == STORE_NOT_FOUND) {
		api_error(rep, 404, "not_found", NULL, "no such case");
		return false;
	}
	if (rc < 0) {
		api_internal(rep, &err);
		return false;
	}
	if (!case_visible(req->session, &ctx->rec)) {
		api_error(rep, 403, "forbidden", NULL,
			  "this case belongs to another window or "
			  "department");
		return false;
	}
	rc = case_item_of(req->app, &ctx->rec, &ctx->item, &err);
	if (rc == STORE_NOT_FOUND)
		wc_error_set(&err, "catalog_changed", NULL,
			     "the catalog no longer has item %s",
			     ctx->rec.item_code);
	if (rc != 0 || !(ctx->have_item = true) ||
	    !case_ctx_prepare(ctx, &err)) {
		api_error_from(rep, 409, &err);
		return false;
	}
	return true;
}

bool case_open(struct api_request *req, struct api_reply *rep, bool change,
	       struct case_ctx *ctx)
{
	struct wc_error err;
	json_t *current;
	bool ok;

	if (!case_load(req, rep, ctx))
		return false;
	if (!change)
		return true;
	current = case_to_json(req, ctx, &err);
	if (!current) {
		api_internal(rep, &err);
		return false;
	}
	ok = api_check_if_match(req, rep, ctx->rec.version, current);
	json_decref(current);
	return ok;
}

int case_find_line(const struct case_record *rec, const char *material_id)
{
	for (size_t i = 0; i < rec->n_lines; i++)
		if (strcmp(rec->lines[i].material_id, material_id) == 0)
			return (int)i;
	return -1;
}

json_t *case_line_json(const struct case_ctx *ctx, size_t i)
{
	const struct case_line *l = &ctx->rec.lines[i];
	const struct material *m = &ctx->item.materials[ctx->material_index[i]];
	json_t *obj;

	obj = json_pack("{s:s, s:s, s:s, s:b, s:s}", "material_id",
			l->material_id, "name", m->name, "role",
			material_role_name(m->role), "tolerable", m->tolerable,
			"state", l->state);
	if (l->note)
		json_object_set_new(obj, "note", json_string(l->note));
	return obj;
}

static void set_text(json_t *obj, const char *key, const char *value)
{
	if (value && *value)
		json_object_set_new(obj, key, json_string(value));
}

static void set_time(const struct app *app, json_t *obj, const char *key,
		     int64_t t)
{
	char text[CLOCK_TEXT_SIZE];

	if (!t)
		return;
	clock_format(&app->clock, t, text);
	json_object_set_new(obj, key, json_string(text));
}

/* Parse stored JSON text, or null. */
static json_t *stored_json(const char *text)
{
	json_t *v = text ? json_loads(text, 0, NULL) : NULL;

	return v ? v : json_null();
}

json_t *case_notice_json(const struct app *app, const struct notice_record *n)
{
	json_t *obj = json_pack(
	    "{s:I, s:s, s:I, s:o, s:s, s:s, s:s, s:s, s:s, s:b}", "id",
	    (json_int_t)n->id, "no", n->no, "case_id", (json_int_t)n->case_id,
	    "items", stored_json(n->items), "issued_by", n->issued_by, "window",
	    n->window, "text", n->text ? n->text : "", "signature",
	    n->signature ? n->signature : "", "verify_code", n->verify_code,
	    "once_violation", n->once_violation);

	set_time(app, obj, "issued_at", n->issued_at);
	set_text(obj, "override_reason", n->override_reason);
	return obj;
}

/* R3: the commitment with, per material, whether it is supplied now. */
static json_t *commitment_json(const struct case_ctx *ctx,
			       const struct app *app,
			       const struct commitment_record *c)
{
	json_t *materials = stored_json(c->materials), *m, *obj;
	size_t i;

	json_array_foreach(materials, i, m)
	{
		const char *id =
		    json_string_value(json_object_get(m, "material_id"));
		int at = id ? case_find_line(&ctx->rec, id) : -1;
		bool done = at >= 0 && (ctx->states[at] == STATE_PROVIDED ||
					ctx->states[at] == STATE_SHARED);

		json_object_set_new(m, "supplied", json_boolean(done));
	}
	obj = json_pack(
	    "{s:I, s:s, s:o, s:i, s:o, s:s, s:s, s:s, s:s, s:s}", "id",
	    (json_int_t)c->id, "no", c->no, "materials", materials,
	    "deadline_days", c->deadline_days, "due_date",
	    c->due_date[0] ? json_string(c->due_date) : json_null(), "status",
	    c->status, "text", c->text ? c->text : "", "signature",
	    c->signature ? c->signature : "", "verify_code", c->verify_code,
	    "applicant_confirmation", c->confirmation ? c->confirmation : "");
	set_time(app, obj, "created_at", c->created_at);
	set_time(app, obj, "closed_at", c->closed_at);
	return obj;
}

static json_t *applicant_json(const struct case_record *r)
{
	json_t *a = json_pack("{s:s}", "name", r->applicant_name);

	set_text(a, "id_type", r->applicant_id_type);
	set_text(a, "id_no", r->applicant_id_no);
	set_text(a, "phone", r->applicant_phone);
	return a;
}

/* R4: working days from today to the due date, while the case is open. */
static void set_days_left(struct api_request *req, const struct case_record *r,
			  json_t *obj)
{
	wc_day due, today = clock_local_day(&req->app->clock, req->now);
	struct wc_error err;
	int left = 0, rc = -1;

	if (!r->due_date[0] || !date_parse(r->due_date, &due) ||
	    !case_is_accepted(case_record_status(r)))
		return;
	pthread_rwlock_rdlock(&req->app->reference_lock);
	if (req->app->calendar)
		rc = calendar_working_days_between(req->app->calendar, today,
						   due, &left, &err);
	pthread_rwlock_unlock(&req->app->reference_lock);
	if (rc == 0)
		json_object_set_new(obj, "working_days_left",
				    json_integer(left));
}

static json_t *case_base_json(struct api_request *req,
			      const struct case_ctx *ctx)
{
	const struct case_record *r = &ctx->rec;
	json_t *obj, *checklist = json_array();

	for (size_t i = 0; i < r->n_lines; i++)
		json_array_append_new(checklist, case_line_json(ctx, i));
	obj = json_pack(
	    "{s:I, s:s, s:i, s:s, s:s, s:s, s:s, s:o, s:b, s:s, "
	    "s:s, s:s, s:o, s:b, s:b, s:o}",
	    "id", (json_int_t)r->id, "no", r->no, "version", r->version,
	    "status", r->status, "item_code", r->item_code, "item_name",
	    ctx->item.name, "scenario_id", r->scenario_id, "applicant",
	    applicant_json(r), "major_project", r->major_project, "created_by",
	    r->created_by, "window", r->window, "department", r->department,
	    "due_date", r->due_date[0] ? json_string(r->due_date) : json_null(),
	    "due_pending", r->due_pending, "deemed", r->deemed, "checklist",
	    checklist);
	if (r->inquiry_id)
		json_object_set_new(obj, "inquiry_id",
				    json_integer((json_int_t)r->inquiry_id));
	set_time(req->app, obj, "created_at", r->created_at);
	set_time(req->app, obj, "accepted_at", r->accepted_at);
	set_text(obj, "accepted_by", r->accepted_by);
	set_days_left(req, r, obj);
	set_text(obj, "result", r->result);
	set_text(obj, "result_note", r->result_note);
	set_time(req->app, obj, "completed_at", r->completed_at);
	set_text(obj, "withdraw_note", r->withdraw_note);
	if (r->deemed_note)
		json_object_set_new(obj, "deemed_record",
				    stored_json(r->deemed_note));
	if (r->rating_level) {
		json_t *rating =
		    json_pack("{s:i, s:o}", "level", r->rating_level, "reasons",
			      stored_json(r->rating_reasons));

		set_text(rating, "comment", r->rating_comment);
		set_time(req->app, rating, "rated_at", r->rated_at);
		json_object_set_new(obj, "rating", rating);
	}
	return obj;
}

json_t *case_row_base(struct api_request *req, const struct case_ctx *ctx)
{
	json_t *obj = case_base_json(req, ctx);

	json_object_del(obj, "checklist");
	return obj;
}

json_t *case_to_json(struct api_request *req, const struct case_ctx *ctx,
		     struct wc_error *err)
{
	struct notice_record *notices = NULL;
	struct commitment_record c = {0};
	size_t n = 0;
	json_t *obj, *list;
	int rc;

	if (req->db->ops->notice_list(req->db, ctx->rec.id, &notices, &n, err) <
	    0)
		return NULL;
	rc =
	    req->db->ops->commitment_get_by_case(req->db, ctx->rec.id, &c, err);
	if (rc < 0) {
		notice_records_free(&notices, n);
		return NULL;
	}
	obj = case_base_json(req, ctx);
	list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list,
				      case_notice_json(req->app, &notices[i]));
	json_object_set_new(obj, "notices", list);
	if (rc == 0)
		json_object_set_new(obj, "commitment",
				    commitment_json(ctx, req->app, &c));
	notice_records_free(&notices, n);
	commitment_record_release(&c);
	return obj;
}

bool case_save(struct api_request *req, struct api_reply *rep,
	       struct case_ctx *ctx, const char *action, const json_t *data)
{
	struct wc_error err;
	char entity[48];

	ctx->rec.version++;
	if (req->db->ops->case_update(req->db, &ctx->rec, &err) != 0 ||
	    !case_ctx_prepare(ctx, &err)) {
		api_internal(rep, &err);
		return false;
	}
	snprintf(entity, sizeof(entity), "case:%" PRId64, ctx->rec.id);
	return api_audit(req, rep, NULL, action, entity, data);
}

bool case_reply(struct api_request *req, struct api_reply *rep,
		const struct case_ctx *ctx, unsigned status)
{
	struct wc_error err;
	json_t *body = case_to_json(req, ctx, &err);

	if (!body) {
		api_internal(rep, &err);
		return false;
	}
	api_ok(rep, status, body);
	api_set_etag(rep, ctx->rec.version);
	return true;
}

bool case_save_and_reply(struct api_request *req, struct api_reply *rep,
			 struct case_ctx *ctx, const char *action,
			 const json_t *data, unsigned status)
{
	return case_save(req, rep, ctx, action, data) &&
	       case_reply(req, rep, ctx, status);
}

int case_due_date(struct app *app, wc_day from, int days, char out[11],
		  bool *pending, struct wc_error *err)
{
	wc_day due;
	int rc;

	out[0] = '\0';
	*pending = false;
	/* Checked here so that the calendar's only other failure is a year
	 * it does not have. */
	if (days < 0)
		return wc_error_set(err, "internal", "days",
				    "a due date %d working days ahead", days);
	pthread_rwlock_rdlock(&app->reference_lock);
	rc = app->calendar ? calendar_add_working_days(app->calendar, from,
						       days, &due, err)
			   : wc_error_set(err, "calendar_missing", NULL,
					  "no calendar is loaded");
	pthread_rwlock_unlock(&app->reference_lock);
	*pending = rc != 0;
	if (rc == 0)
		date_format(due, out);
	return 0;
}

void case_compact_day(const struct app *app, int64_t t, char out[9])
{
	char day[DATE_TEXT_SIZE];

	date_format(clock_local_day(&app->clock, t), day);
	snprintf(out, 9, "%.4s%.2s%.2s", day, day + 5, day + 8);
}

json_t *case_material_refs(const struct case_ctx *ctx, const size_t *positions,
			   size_t n)
{
	json_t *refs = json_array();

	for (size_t i = 0; i < n; i++) {
		size_t at = positions[i];

		json_array_append_new(
		    refs,
		    json_pack("{s:s, s:s, s:s}", "material_id",
			      ctx->rec.lines[at].material_id, "name",
			      ctx->item.materials[ctx->material_index[at]].name,
			      "state", ctx->rec.lines[at].state));
	}
	return refs;
}

json_t *case_notice_materials(const struct case_ctx *ctx,
			      const struct checklist_eval *ev)
{
	json_t *items = json_array();

	for (size_t i = 0; i < ev->n_notice; i++) {
		size_t at = ev->notice[i];
		const struct case_line *l = &ctx->rec.lines[at];
		const struct material *m =
		    &ctx->item.materials[ctx->material_index[at]];
		const char *reason =
		    l->note ? l->note
			    : (ctx->states[at] == STATE_MISSING ? "未提交"
								: "材料有误");

		json_array_append_new(
		    items,
		    json_pack("{s:s, s:s, s:s, s:s, s:s}", "material_id",
			      l->material_id, "name", m->name, "state",
			      l->state, "reason", reason, "how_to_obtain",
			      m->how_to_obtain ? m->how_to_obtain : ""));
	}
	return items;
}

void case_applicant_vars(json_t *vars, const struct case_record *r)
{
	if (r->applicant_id_type[0])
		json_object_set_new(vars, "applicant_id_type",
				    json_string(r->applicant_id_type));
	if (r->applicant_id_no[0])
		json_object_set_new(vars, "applicant_id_no",
				    json_string(r->applicant_id_no));
	if (r->applicant_phone[0])
		json_object_set_new(vars, "applicant_phone",
				    json_string(r->applicant_phone));
}

void case_item_vars(json_t *vars, const struct item *it)
{
	const char *const pairs[][2] = {{"item_name", it->name},
					{"legal_basis", it->legal_basis},
					{"location", it->location},
					{"contact", it->contact}};

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (pairs[i][1] && pairs[i][1][0])
			json_object_set_new(vars, pairs[i][0],
					    json_string(pairs[i][1]));
}

void case_review_init(struct review_record *rv, const struct case_ctx *ctx,
		      enum review_kind kind, int64_t now, char *summary)
{
	review_record_set_kind(rv, kind);
	rv->case_id = ctx->rec.id;
	store_copy(rv->department, sizeof(rv->department), ctx->rec.department);
	store_copy(rv->window, sizeof(rv->window), ctx->rec.window);
	rv->created_at = now;
	rv->summary = summary;
}
