/* handlers_case_notice.c - the one-time notice (一次性告知, R2): every
 * missing or defective material at once, and "one time" enforced with
 * core's notice_once_violations. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "record_state.h"
#include "documents.h"
#include "wincase/validate.h"

/* R2: nothing may be noticed while a material is unchecked, since a
 * notice must list everything missing at once. */
bool case_refuse_pending(const struct case_ctx *ctx,
			 const struct checklist_eval *ev, struct api_reply *rep)
{
	size_t pending[CATALOG_MAX_MATERIALS], n = 0;

	if (ev->n_pending == 0)
		return false;
	for (size_t i = 0; i < ev->n_open; i++)
		if (ctx->states[ev->open[i]] == STATE_PENDING)
			pending[n++] = ev->open[i];
	api_error(rep, 422, "checklist_unchecked", "checklist",
		  "%zu material(s) not checked yet", n);
	api_error_details(rep, case_material_refs(ctx, pending, n));
	return true;
}

static json_t *document_vars(struct api_request *req,
			     const struct case_ctx *ctx, json_t *materials)
{
	const struct case_record *r = &ctx->rec;
	json_t *vars =
	    json_pack("{s:s, s:s, s:O}", "applicant_name", r->applicant_name,
		      "item_code", r->item_code, "materials", materials);
	char day[DATE_TEXT_SIZE];

	case_applicant_vars(vars, r);
	case_item_vars(vars, &ctx->item);
	date_format(clock_local_day(&req->app->clock, r->created_at), day);
	json_object_set_new(vars, "application_date", json_string(day));
	return vars;
}

/* R2: a once-rule override goes to the reviewer queue. */
static bool notice_review(struct api_request *req, struct api_reply *rep,
			  const struct case_ctx *ctx,
			  const struct notice_record *n, json_t *added)
{
	struct review_record rv = {0};
	struct wc_error err;
	char summary[1024], names[500];
	bool ok;

	review_summary_join(added, "name", names, sizeof(names));
	snprintf(summary, sizeof(summary),
		 "告知超范围：办件 %s 的告知书 %s 新列入此前未告知的材料：%s；"
		 "理由：%.300s",
		 ctx->rec.no, n->no, names, n->override_reason);
	case_review_init(&rv, ctx, REVIEW_KIND_ONCE_VIOLATION, req->now,
			 summary);
	ok = req->db->ops->review_add(req->db, &rv, &err) == 0;
	if (!ok)
		api_internal(rep, &err);
	return ok;
}

/* Render, sign and store the notice; the case remembers what it listed. */
static bool notice_issue(struct api_request *req, struct api_reply *rep,
			 struct case_ctx *ctx, const struct checklist_eval *ev,
			 struct notice_record *n)
{
	struct document_record doc = {0};
	struct wc_error err;
	json_t *items = case_notice_materials(ctx, ev), *vars;
	char day[9];
	bool ok = false;

	case_compact_day(req->app, req->now, day);
	if (req->db->ops->number_next(req->db, "GZ", day, n->no, sizeof(n->no),
				      &err) < 0) {
		api_internal(rep, &err);
		goto done;
	}
	vars = document_vars(req, ctx, items);
	ok = document_issue(req, rep, "notice", n->no, ctx->rec.id, vars,
			    &doc) == 0;
	json_decref(vars);
	if (!ok)
		goto done;
	n->case_id = ctx->rec.id;
	n->items = json_dumps(items, JSON_COMPACT);
	store_copy(n->issued_by, sizeof(n->issued_by),
		   req->session->user.username);
	store_copy(n->window, sizeof(n->window), req->session->window);
	n->issued_at = req->now;
	n->text = strdup(doc.text ? doc.text : "");
	n->signature = strdup(doc.signature);
	store_copy(n->verify_code, sizeof(n->verify_code), doc.verify_code);
	ok = req->db->ops->notice_create(req->db, n, day, &err) == 0;
	if (!ok)
		api_internal(rep, &err);
done:
	document_record_release(&doc);
	json_decref(items);
	return ok;
}

/* R2 once-rule: materials this notice would add that no earlier notice
 * listed (and that are not defects in a resubmitted material). */
static size_t notice_violations(const struct case_ctx *ctx, size_t *out)
{
	struct once_line lines[CATALOG_MAX_MATERIALS];
	bool earlier = false;

	for (size_t i = 0; i < ctx->rec.n_lines; i++) {
		lines[i].state = ctx->states[i];
		lines[i].listed_before = ctx->rec.lines[i].listed_before;
		lines[i].resubmitted = ctx->rec.lines[i].resubmitted;
		earlier = earlier || lines[i].listed_before;
	}
	return notice_once_violations(lines, ctx->rec.n_lines, earlier, out);
}

static bool notice_read_override(struct api_request *req, struct api_reply *rep,
				 const char **out)
{
	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "override_reason", "override_reason",
			    false, rep, out))
		return false;
	if (*out && !**out)
		*out = NULL;
	return !*out || api_check_text(*out, TEXT_MAX_CHARS, true,
				       "override_reason", rep);
}

void handle_case_notice(struct api_request *req, struct api_reply *rep)
{
	struct case_ctx ctx = {0};
	struct notice_record n = {0};
	struct checklist_eval ev;
	size_t added[CATALOG_MAX_MATERIALS], n_added;
	const char *override = NULL;
	json_t *details = NULL;
	enum case_status next;

	if (!notice_read_override(req, rep, &override) ||
	    !case_open(req, rep, true, &ctx))
		goto done;
	if (!case_allows(case_record_status(&ctx.rec), CASE_DO_NOTICE, &next)) {
		api_error(rep, 409, "invalid_state", NULL,
			  "no notice on a %s case", ctx.rec.status);
		goto done;
	}
	checklist_evaluate(&ctx.item, &ctx.scenario, ctx.states, NULL, &ev);
	if (case_refuse_pending(&ctx, &ev, rep))
		goto done;
	if (ev.n_notice == 0) {
		api_error(rep, 409, "nothing_missing", NULL,
			  "every material is provided or shared");
		goto done;
	}
	n_added = notice_violations(&ctx, added);
	details = case_material_refs(&ctx, added, n_added);
	if (n_added && !override) {
		api_error(rep, 422, "notice_once_violation", "override_reason",
			  "%zu material(s) were not on an earlier notice; "
			  "give override_reason to list them",
			  n_added);
		api_error_details(rep, details);
		details = NULL;
		goto done;
	}
	n.once_violation = n_added > 0;
	n.override_reason = override ? strdup(override) : NULL;
	if (!notice_issue(req, rep, &ctx, &ev, &n) ||
	    (n.once_violation && !notice_review(req, rep, &ctx, &n, details)))
		goto done;
	/* What this notice listed counts as listed from now on; nothing is
	 * resubmitted since it. */
	for (size_t i = 0; i < ctx.rec.n_lines; i++)
		ctx.rec.lines[i].resubmitted = false;
	for (size_t i = 0; i < ev.n_notice; i++)
		ctx.rec.lines[ev.notice[i]].listed_before = true;
	case_record_set_status(&ctx.rec, next);
	{
		json_t *data =
		    json_pack("{s:s, s:I, s:b, s:O}", "notice", n.no,
			      "notice_id", (json_int_t)n.id, "once_violation",
			      n.once_violation, "added", details);
		bool ok = case_save(req, rep, &ctx, "case.notice", data);

		json_decref(data);
		if (!ok)
			goto done;
	}
	api_ok(rep, 201, case_notice_json(req->app, &n));
	api_set_etag(rep, ctx.rec.version);
	snprintf(rep->location, sizeof(rep->location), "/v1/cases/%" PRId64,
		 ctx.rec.id);
done:
	json_decref(details);
	notice_record_release(&n);
	case_ctx_release(&ctx);
}
