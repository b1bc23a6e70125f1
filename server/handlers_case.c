/* handlers_case.c - cases (R2): create from an item and scenario, list,
 * read, and the material checklist. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "inquiry.h"
#include "record_state.h"
#include "wincase/validate.h"

/* Applicant name, identifier and phone (API.md conventions). */
static bool case_read_applicant(struct api_request *req, struct api_reply *rep,
				struct case_record *r)
{
	struct api_applicant a;

	if (!api_read_applicant(req, rep, sizeof(r->applicant_id_no), &a))
		return false;
	store_copy(r->applicant_name, sizeof(r->applicant_name), a.name);
	store_copy(r->applicant_id_type, sizeof(r->applicant_id_type),
		   a.id_type);
	store_copy(r->applicant_id_no, sizeof(r->applicant_id_no), a.id_no);
	store_copy(r->applicant_phone, sizeof(r->applicant_phone), a.phone);
	return true;
}

/* inquiry_id and major_project, both optional. */
static bool case_read_links(struct api_request *req, struct api_reply *rep,
			    const struct item *it, struct case_record *r)
{
	const json_t *inq = json_object_get(req->body, "inquiry_id");
	const json_t *major = json_object_get(req->body, "major_project");
	struct inquiry_view v;
	struct wc_error err;
	int rc;

	if (major && !json_is_null(major) && !json_is_boolean(major)) {
		api_error(rep, 400, "bad_request", "major_project",
			  "major_project must be true or false");
		return false;
	}
	r->major_project = json_is_true(major);
	/* R4: only an item that can be a major project (亿元以上) may be one.
	 */
	if (r->major_project && !it->major_project) {
		api_error(rep, 422, "invalid_field", "major_project",
			  "item %s cannot be a major project", it->code);
		return false;
	}
	if (!inq || json_is_null(inq))
		return true;
	if (!json_is_integer(inq) || json_integer_value(inq) <= 0) {
		api_error(rep, 400, "bad_request", "inquiry_id",
			  "inquiry_id must be a positive integer");
		return false;
	}
	/* Only an inquiry the caller may read (as GET
	 * /v1/inquiries/{id} decides), and the same answer for one that does
	 * not exist, so that the answer tells no ids. */
	memset(&v, 0, sizeof(v));
	rc = req->db->ops->inquiry_get(req->db, json_integer_value(inq), &v.rec,
				       &err);
	if (rc == 0)
		rc = req->db->ops->inquiry_handoffs(
		    req->db, v.rec.id, &v.handoffs, &v.n_handoffs, &err);
	if (rc < 0) {
		inquiry_view_release(&v);
		api_internal(rep, &err);
		return false;
	}
	if (rc == STORE_NOT_FOUND || !inquiry_visible(req, &v)) {
		inquiry_view_release(&v);
		api_error(rep, 422, "invalid_field", "inquiry_id",
			  "no inquiry %" JSON_INTEGER_FORMAT " that you may "
			  "read",
			  json_integer_value(inq));
		return false;
	}
	inquiry_view_release(&v);
	r->inquiry_id = json_integer_value(inq);
	return true;
}

/* The item, the scenario and every material of it, pending. */
static bool case_read_item(struct api_request *req, struct api_reply *rep,
			   struct case_ctx *ctx)
{
	const char *code, *scenario_id;
	const struct scenario *sc;
	struct case_record *r = &ctx->rec;
	struct wc_error err;
	int rc;

	if (!api_get_string(req->body, "item_code", "item_code", true, rep,
			    &code) ||
	    !api_get_string(req->body, "scenario_id", "scenario_id", true, rep,
			    &scenario_id))
		return false;
	rc = case_item_copy(req->app, code, &ctx->item, &err);
	if (rc < 0) {
		api_internal(rep, &err);
		return false;
	}
	if (rc == STORE_NOT_FOUND) {
		api_error(rep, 422, "invalid_field", "item_code",
			  "no catalog item '%.64s'", code);
		return false;
	}
	ctx->have_item = true;
	sc = item_find_scenario(&ctx->item, scenario_id);
	if (!sc) {
		api_error(rep, 422, "invalid_field", "scenario_id",
			  "item %s has no scenario '%.64s'", code, scenario_id);
		return false;
	}
	r->lines =
	    calloc(sc->n_materials ? sc->n_materials : 1, sizeof(*r->lines));
	if (!r->lines) {
		api_error(rep, 500, "internal", NULL, "out of memory");
		return false;
	}
	r->n_lines = sc->n_materials;
	for (size_t i = 0; i < sc->n_materials; i++) {
		store_copy(r->lines[i].material_id,
			   sizeof(r->lines[i].material_id),
			   ctx->item.materials[sc->materials[i]].id);
		store_copy(r->lines[i].state, sizeof(r->lines[i].state),
			   material_state_name(STATE_PENDING));
	}
	store_copy(r->item_code, sizeof(r->item_code), code);
	store_copy(r->scenario_id, sizeof(r->scenario_id), scenario_id);
	store_copy(r->department, sizeof(r->department), ctx->item.department);
	/* The case keeps this version of the item. */
	r->item_json = case_item_snapshot(&ctx->item);
	if (!r->item_json) {
		api_error(rep, 500, "internal", NULL, "out of memory");
		return false;
	}
	return true;
}

/* R2: a case starts with the scenario's checklist, every line pending. */
void handle_case_create(struct api_request *req, struct api_reply *rep)
{
	const struct session_record *s = req->session;
	struct case_ctx ctx = {.rec = {.version = 1}};
	struct wc_error err;
	char day[9];

	if (!api_body_object(req, rep) || !case_read_item(req, rep, &ctx) ||
	    !case_read_applicant(req, rep, &ctx.rec) ||
	    !case_read_links(req, rep, &ctx.item, &ctx.rec))
		goto done;
	case_record_set_status(&ctx.rec, CASE_CHECKING);
	store_copy(ctx.rec.created_by, sizeof(ctx.rec.created_by),
		   s->user.username);
	store_copy(ctx.rec.window, sizeof(ctx.rec.window), s->window);
	ctx.rec.created_at = req->now;
	case_compact_day(req->app, req->now, day);
	if (req->db->ops->case_create(req->db, &ctx.rec, day, &err) < 0 ||
	    !case_ctx_prepare(&ctx, &err)) {
		api_internal(rep, &err);
		goto done;
	}
	{
		char entity[48];

		snprintf(entity, sizeof(entity), "case:%" PRId64, ctx.rec.id);
		if (!api_audit(req, rep, NULL, "case.create", entity,
			       req->body) ||
		    !case_reply(req, rep, &ctx, 201))
			goto done;
	}
	snprintf(rep->location, sizeof(rep->location), "/v1/cases/%" PRId64,
		 ctx.rec.id);
done:
	case_ctx_release(&ctx);
}

void handle_case_get(struct api_request *req, struct api_reply *rep)
{
	struct case_ctx ctx = {0};

	if (case_open(req, rep, false, &ctx))
		case_reply(req, rep, &ctx, 200);
	case_ctx_release(&ctx);
}

/* One line of a checklist update, checked; false after a reply. */
static bool checklist_read_line(struct case_ctx *ctx, const json_t *line,
				size_t i, struct api_reply *rep, int *at,
				enum material_state *state, const char **note,
				bool *resubmitted)
{
	const char *id, *st;
	const json_t *again;
	char field[48];

	snprintf(field, sizeof(field), "items[%zu]", i);
	if (!json_is_object(line)) {
		api_error(rep, 400, "bad_request", field, "%s: not an object",
			  field);
		return false;
	}
	snprintf(field, sizeof(field), "items[%zu].material_id", i);
	if (!api_get_string(line, "material_id", field, true, rep, &id))
		return false;
	if ((*at = case_find_line(&ctx->rec, id)) < 0) {
		api_error(rep, 422, "invalid_field", field,
			  "material '%.64s' is not in this case's checklist",
			  id);
		return false;
	}
	snprintf(field, sizeof(field), "items[%zu].state", i);
	if (!api_get_string(line, "state", field, true, rep, &st))
		return false;
	if (!material_state_parse(st, state)) {
		api_error(rep, 400, "bad_request", field,
			  "unknown state '%.20s'", st);
		return false;
	}
	snprintf(field, sizeof(field), "items[%zu].note", i);
	if (!api_get_optional_text(line, "note", field, rep, note) ||
	    (*note && !api_check_text(*note, TEXT_MAX_CHARS, true, field, rep)))
		return false;
	again = json_object_get(line, "resubmitted");
	if (again && !json_is_null(again) && !json_is_boolean(again)) {
		snprintf(field, sizeof(field), "items[%zu].resubmitted", i);
		api_error(rep, 400, "bad_request", field,
			  "%s must be true or false", field);
		return false;
	}
	*resubmitted = json_is_true(again);
	/* R2: a defect is named, so the notice can say what is wrong. */
	if (*state == STATE_DEFECTIVE && !*note) {
		api_error(rep, 422, "invalid_field", field,
			  "a defective material needs a note saying what is "
			  "wrong");
		return false;
	}
	return true;
}

/* R2: after a notice, a material handed in anew is "resubmitted": a defect
 * found in it may go on a later notice. A listed material whose state
 * changes to a submitted one is; any other only when the clerk says so
 * ("resubmitted": true), since finding new faults in what was accepted
 * before is exactly what the once-rule forbids. */
static void checklist_apply(struct case_ctx *ctx, int at,
			    enum material_state state, const char *note,
			    bool resubmitted, bool noticed)
{
	struct case_line *l = &ctx->rec.lines[at];
	bool submitted = state == STATE_PROVIDED || state == STATE_DEFECTIVE ||
			 state == STATE_SHARED;

	if (noticed && submitted &&
	    (resubmitted || (l->listed_before && ctx->states[at] != state)))
		l->resubmitted = true;
	store_copy(l->state, sizeof(l->state), material_state_name(state));
	ctx->states[at] = state;
	free(l->note);
	l->note = note ? strdup(note) : NULL;
}

void handle_case_checklist(struct api_request *req, struct api_reply *rep)
{
	struct case_ctx ctx = {0};
	const json_t *items, *line;
	enum material_state state;
	enum case_status next;
	const char *note;
	bool again, noticed = false;
	size_t i;
	int at;

	if (!api_body_object(req, rep))
		return;
	items = json_object_get(req->body, "items");
	if (!json_is_array(items)) {
		api_error(rep, 400, "bad_request", "items",
			  "items must be an array");
		return;
	}
	if (!case_open(req, rep, true, &ctx))
		goto done;
	if (!case_allows(case_record_status(&ctx.rec), CASE_DO_CHECKLIST,
			 &next)) {
		api_error(rep, 409, "invalid_state", NULL,
			  "the checklist of a %s case cannot change",
			  ctx.rec.status);
		goto done;
	}
	/* An empty change changes nothing: the case as it is, same version,
	 * no audit entry (a new version would make other clients' If-Match
	 * fail for nothing). */
	if (json_array_size(items) == 0) {
		case_reply(req, rep, &ctx, 200);
		goto done;
	}
	for (size_t k = 0; k < ctx.rec.n_lines; k++)
		noticed = noticed || ctx.rec.lines[k].listed_before;
	/* Check every line before changing any. */
	json_array_foreach(items, i, line)
	{
		if (!checklist_read_line(&ctx, line, i, rep, &at, &state, &note,
					 &again))
			goto done;
	}
	json_array_foreach(items, i, line)
	{
		checklist_read_line(&ctx, line, i, rep, &at, &state, &note,
				    &again);
		checklist_apply(&ctx, at, state, note, again, noticed);
	}
	/* notified <-> checking: a changed checklist is being checked again. */
	case_record_set_status(&ctx.rec, next);
	case_save_and_reply(req, rep, &ctx, "case.checklist", req->body, 200);
done:
	case_ctx_release(&ctx);
}
