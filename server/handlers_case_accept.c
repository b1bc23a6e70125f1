/* handlers_case_accept.c - acceptance, normal or tolerant (容缺受理, R3),
 * with the commitment (承诺书) and its supplements (补交); due dates from
 * the calendar (R4). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "documents.h"
#include "record_state.h"
#include "wincase/validate.h"

/* The longest promise a request may ask for; the item's own limit
 * (commitment_max_days) is checked by the R3 rules. */
#define DEADLINE_DAYS_MAX 1000

struct accept_request {
	enum accept_mode mode;
	bool tolerant; /* mode is ACCEPT_TOLERANT */
	const char *confirmation;
	int deadline_days; /* 0: the item's default */
};

static bool accept_read(struct api_request *req, struct api_reply *rep,
			struct accept_request *a)
{
	const char *mode;
	const json_t *c, *days;

	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "mode", "mode", true, rep, &mode))
		return false;
	if (!accept_mode_parse(mode, &a->mode)) {
		api_error(rep, 400, "bad_request", "mode",
			  "mode must be normal or tolerant");
		return false;
	}
	a->tolerant = a->mode == ACCEPT_TOLERANT;
	if (!a->tolerant)
		return true;
	if (!api_get_object(req->body, "commitment", "commitment", true, rep,
			    &c) ||
	    !api_get_string(c, "applicant_confirmation",
			    "commitment.applicant_confirmation", true, rep,
			    &a->confirmation) ||
	    !api_check_text(a->confirmation, NAME_MAX_CHARS, false,
			    "commitment.applicant_confirmation", rep))
		return false;
	days = json_object_get(c, "deadline_days");
	if (days && !json_is_null(days)) {
		if (!json_is_integer(days)) {
			api_error(rep, 400, "bad_request",
				  "commitment.deadline_days",
				  "deadline_days must be an integer");
			return false;
		}
		if (json_integer_value(days) < 1 ||
		    json_integer_value(days) > DEADLINE_DAYS_MAX) {
			api_error(rep, 422, "invalid_field",
				  "commitment.deadline_days",
				  "deadline_days must be 1 to %d",
				  DEADLINE_DAYS_MAX);
			return false;
		}
		a->deadline_days = (int)json_integer_value(days);
	}
	return true;
}

/* R3: every reason at once, each with its material where it has one. */
static json_t *refusal_details(const struct case_ctx *ctx,
			       const struct checklist_eval *ev,
			       const struct tolerant_request *tr,
			       bool unidentified)
{
	json_t *details = json_array();

	for (size_t i = 0; i < ev->n_refusals; i++) {
		const struct refusal *f = &ev->refusals[i];
		json_t *d = json_pack("{s:s}", "reason",
				      tolerant_reason_name(f->reason));

		if (f->material >= 0) {
			const struct material *m =
			    &ctx->item.materials[f->material];

			json_object_set_new(d, "material_id",
					    json_string(m->id));
			json_object_set_new(d, "name", json_string(m->name));
		}
		if (f->reason == REASON_CREDIT_BLOCKED) {
			json_object_set_new(d, "breaches",
					    json_integer(tr->credit_breaches));
			json_object_set_new(d, "threshold",
					    json_integer(tr->credit_threshold));
		}
		if (f->reason == REASON_DEADLINE_TOO_LONG)
			json_object_set_new(
			    d, "max_days",
			    json_integer(ctx->item.commitment_max_days));
		json_array_append_new(details, d);
	}
	/* Credit is kept per identifier: without one it cannot be checked. */
	if (unidentified)
		json_array_append_new(
		    details,
		    json_pack("{s:s}", "reason", "applicant_unidentified"));
	return details;
}

/* R3 eligibility from core, with the credit record from the store. */
static bool accept_tolerant_check(struct api_request *req,
				  struct api_reply *rep, struct case_ctx *ctx,
				  const struct accept_request *a,
				  struct checklist_eval *ev)
{
	const struct case_record *r = &ctx->rec;
	struct tolerant_request tr = {
	    .credit_threshold = req->app->cfg.credit_threshold,
	    .deadline_days = a->deadline_days,
	    .applicant_name = r->applicant_name,
	    .confirmation = a->confirmation,
	};
	bool unidentified = !r->applicant_id_no[0];
	struct wc_error err;

	if (!unidentified &&
	    req->db->ops->credit_breaches(req->db, r->applicant_id_type,
					  r->applicant_id_no,
					  req->now - CREDIT_WINDOW_SECONDS,
					  &tr.credit_breaches, &err) < 0) {
		api_internal(rep, &err);
		return false;
	}
	checklist_evaluate(&ctx->item, &ctx->scenario, ctx->states, &tr, ev);
	if (ev->tolerant_allowed && !unidentified)
		return true;
	api_error(rep, 422, "not_tolerable", NULL,
		  "tolerant acceptance refused for %zu reason(s)",
		  ev->n_refusals + unidentified);
	api_error_details(rep, refusal_details(ctx, ev, &tr, unidentified));
	return false;
}

static json_t *commitment_vars(const struct case_ctx *ctx, json_t *materials,
			       const struct commitment_record *c)
{
	const struct case_record *r = &ctx->rec;
	json_t *vars = json_pack(
	    "{s:s, s:s, s:O, s:i, s:s}", "applicant_name", r->applicant_name,
	    "item_code", r->item_code, "materials", materials, "deadline_days",
	    c->deadline_days, "applicant_confirmation", c->confirmation);

	case_applicant_vars(vars, r);
	case_item_vars(vars, &ctx->item);
	if (c->due_date[0])
		json_object_set_new(vars, "deadline_date",
				    json_string(c->due_date));
	return vars;
}

/* R3: the signed commitment and its review item. */
static bool commitment_issue(struct api_request *req, struct api_reply *rep,
			     struct case_ctx *ctx,
			     const struct checklist_eval *ev,
			     const struct accept_request *a, wc_day today)
{
	struct commitment_record c = {.case_id = ctx->rec.id};
	struct document_record doc = {0};
	struct review_record rv = {0};
	struct wc_error err;
	json_t *materials = case_notice_materials(ctx, ev), *vars;
	char day[9], summary[512];
	bool pending, ok = false;

	case_compact_day(req->app, req->now, day);
	c.deadline_days = ev->deadline_days;
	c.confirmation = strdup(a->confirmation);
	if (case_due_date(req->app, today, c.deadline_days, c.due_date,
			  &pending, &err) < 0)
		goto internal;
	if (req->db->ops->number_next(req->db, "CN", day, c.no, sizeof(c.no),
				      &err) < 0)
		goto internal;
	vars = commitment_vars(ctx, materials, &c);
	ok = document_issue(req, rep, "commitment", c.no, ctx->rec.id, vars,
			    &doc) == 0;
	json_decref(vars);
	if (!ok)
		goto done;
	ok = false;
	c.materials = json_dumps(materials, JSON_COMPACT);
	commitment_record_set_status(&c, COMMITMENT_OPEN);
	store_copy(c.applicant_name, sizeof(c.applicant_name),
		   ctx->rec.applicant_name);
	store_copy(c.applicant_id_type, sizeof(c.applicant_id_type),
		   ctx->rec.applicant_id_type);
	store_copy(c.applicant_id_no, sizeof(c.applicant_id_no),
		   ctx->rec.applicant_id_no);
	c.text = strdup(doc.text ? doc.text : "");
	c.signature = strdup(doc.signature);
	store_copy(c.verify_code, sizeof(c.verify_code), doc.verify_code);
	store_copy(c.created_by, sizeof(c.created_by),
		   req->session->user.username);
	store_copy(c.window, sizeof(c.window), req->session->window);
	store_copy(c.department, sizeof(c.department), ctx->rec.department);
	c.created_at = req->now;
	if (req->db->ops->commitment_create(req->db, &c, day, &err) < 0)
		goto internal;
	snprintf(summary, sizeof(summary),
		 "容缺受理：办件 %s，承诺书 %s，%zu 项材料须在 %d 个工作日内"
		 "补交（期限 %s）",
		 ctx->rec.no, c.no, ev->n_notice, c.deadline_days, c.due_date);
	case_review_init(&rv, ctx, REVIEW_KIND_TOLERANT_ACCEPTANCE, req->now,
			 summary);
	store_copy(rv.due_date, sizeof(rv.due_date), c.due_date);
	if (req->db->ops->review_add(req->db, &rv, &err) < 0)
		goto internal;
	ok = true;
	goto done;
internal:
	api_internal(rep, &err);
done:
	json_decref(materials);
	document_record_release(&doc);
	commitment_record_release(&c);
	return ok;
}

/* R4: due date = acceptance day plus the promised working days; pending
 * (not refused) when that year's calendar is not loaded yet. */
static bool accept_set_due(struct api_request *req, struct api_reply *rep,
			   struct case_ctx *ctx, wc_day today)
{
	struct wc_error err;
	bool pending;

	if (case_due_date(req->app, today, ctx->item.promised_days,
			  ctx->rec.due_date, &pending, &err) < 0) {
		api_internal(rep, &err);
		return false;
	}
	ctx->rec.due_pending = pending;
	return true;
}

static bool accept_normal_check(struct case_ctx *ctx, struct checklist_eval *ev,
				struct api_reply *rep)
{
	json_t *details;

	checklist_evaluate(&ctx->item, &ctx->scenario, ctx->states, NULL, ev);
	if (ev->normal_allowed)
		return true;
	details = case_material_refs(ctx, ev->open, ev->n_open);
	api_error(rep, 422, "checklist_incomplete", "checklist",
		  "%zu material(s) are not provided or shared", ev->n_open);
	api_error_details(rep, details);
	return false;
}

void handle_case_accept(struct api_request *req, struct api_reply *rep)
{
	struct accept_request a = {0};
	struct case_ctx ctx = {0};
	struct checklist_eval ev;
	enum case_status next;
	wc_day today = clock_local_day(&req->app->clock, req->now);

	if (!accept_read(req, rep, &a) || !case_open(req, rep, true, &ctx))
		goto done;
	if (!case_allows(case_record_status(&ctx.rec),
			 accept_mode_action(a.mode), &next)) {
		api_error(rep, 409, "invalid_state", NULL,
			  "a %s case cannot be accepted", ctx.rec.status);
		goto done;
	}
	if (!a.tolerant && !accept_normal_check(&ctx, &ev, rep))
		goto done;
	if (a.tolerant) {
		checklist_evaluate(&ctx.item, &ctx.scenario, ctx.states, NULL,
				   &ev);
		if (case_refuse_pending(&ctx, &ev, rep) ||
		    !accept_tolerant_check(req, rep, &ctx, &a, &ev) ||
		    !commitment_issue(req, rep, &ctx, &ev, &a, today))
			goto done;
	}
	ctx.rec.accepted_at = req->now;
	store_copy(ctx.rec.accepted_by, sizeof(ctx.rec.accepted_by),
		   req->session->user.username);
	case_record_set_status(&ctx.rec, next);
	if (accept_set_due(req, rep, &ctx, today))
		case_save_and_reply(req, rep, &ctx, "case.accept", req->body,
				    200);
done:
	case_ctx_release(&ctx);
}

/* R3: is every material of the commitment in now? */
static bool commitment_complete(const struct case_ctx *ctx,
				const struct commitment_record *c)
{
	json_t *materials = json_loads(c->materials, 0, NULL), *m;
	bool all = true;
	size_t i;

	json_array_foreach(materials, i, m)
	{
		const char *id =
		    json_string_value(json_object_get(m, "material_id"));
		int at = id ? case_find_line(&ctx->rec, id) : -1;

		all = all && at >= 0 &&
		      (ctx->states[at] == STATE_PROVIDED ||
		       ctx->states[at] == STATE_SHARED);
	}
	json_decref(materials);
	return all;
}

static bool commitment_lists(const struct commitment_record *c,
			     const char *material_id)
{
	json_t *materials = json_loads(c->materials, 0, NULL), *m;
	bool found = false;
	size_t i;

	json_array_foreach(materials, i, m)
	{
		const char *id =
		    json_string_value(json_object_get(m, "material_id"));

		found = found || (id && strcmp(id, material_id) == 0);
	}
	json_decref(materials);
	return found;
}

/* R3: a supplement is recorded per material; the commitment is fulfilled
 * when none is left open. */
void handle_case_supplement(struct api_request *req, struct api_reply *rep)
{
	struct case_ctx ctx = {0};
	struct commitment_record c = {0};
	enum commitment_status done_status; /* once the last material is in */
	struct wc_error err;
	const char *material_id;
	int rc, at;

	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "material_id", "material_id", true, rep,
			    &material_id) ||
	    !case_open(req, rep, true, &ctx))
		goto done;
	rc =
	    req->db->ops->commitment_get_by_case(req->db, ctx.rec.id, &c, &err);
	if (rc < 0) {
		api_internal(rep, &err);
		goto done;
	}
	if (rc == STORE_NOT_FOUND ||
	    !commitment_allows(commitment_record_status(&c),
			       COMMITMENT_DO_SUPPLEMENT, &done_status) ||
	    !case_allows(case_record_status(&ctx.rec), CASE_DO_SUPPLEMENT,
			 NULL)) {
		api_error(rep, 409, "no_open_commitment", NULL,
			  "this case has no open commitment");
		goto done;
	}
	at = case_find_line(&ctx.rec, material_id);
	if (at < 0 || !commitment_lists(&c, material_id)) {
		api_error(rep, 422, "invalid_field", "material_id",
			  "material '%.64s' is not in the commitment",
			  material_id);
		goto done;
	}
	if (ctx.states[at] == STATE_PROVIDED ||
	    ctx.states[at] == STATE_SHARED) {
		api_error(rep, 409, "already_supplied", "material_id",
			  "material '%.64s' is already in", material_id);
		goto done;
	}
	store_copy(ctx.rec.lines[at].state, sizeof(ctx.rec.lines[at].state),
		   material_state_name(STATE_PROVIDED));
	free(ctx.rec.lines[at].note);
	ctx.rec.lines[at].note = NULL;
	ctx.states[at] = STATE_PROVIDED;
	if (req->db->ops->supplement_add(req->db, ctx.rec.id, c.id, material_id,
					 req->session->user.username, req->now,
					 &err) < 0 ||
	    (commitment_complete(&ctx, &c) &&
	     req->db->ops->commitment_set_status(
		 req->db, c.id, commitment_status_word(done_status), req->now,
		 &err) < 0)) {
		api_internal(rep, &err);
		goto done;
	}
	case_save_and_reply(req, rep, &ctx, "case.supplement", req->body, 200);
done:
	commitment_record_release(&c);
	case_ctx_release(&ctx);
}
