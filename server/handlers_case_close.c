/* handlers_case_close.c - completion, withdrawal and the rating (好差评,
 * R5), and due dates that waited for a calendar (R4). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "case.h"
#include "record_state.h"
#include "wincase/review_words.h"
#include "wincase/validate.h"

static bool read_note(struct api_request *req, struct api_reply *rep,
		      bool required, const char **note)
{
	if (!api_get_string(req->body, "note", "note", required, rep, note))
		return false;
	if (*note && !**note && !required)
		*note = NULL;
	return !*note ||
	       api_check_text(*note, TEXT_MAX_CHARS, true, "note", rep);
}

void handle_case_complete(struct api_request *req, struct api_reply *rep)
{
	struct case_ctx ctx = {0};
	struct commitment_record c = {0};
	struct wc_error err;
	const char *word, *note;
	enum case_result result;
	enum case_status next;
	int rc;

	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "result", "result", true, rep, &word) ||
	    !read_note(req, rep, false, &note))
		return;
	if (!case_result_parse(word, &result)) {
		api_error(rep, 400, "bad_request", "result",
			  "result must be approved or denied");
		return;
	}
	if (!case_open(req, rep, true, &ctx))
		goto done;
	if (!case_allows(case_record_status(&ctx.rec),
			 case_result_action(result), &next)) {
		api_error(rep, 409, "invalid_state", NULL,
			  "only an accepted case can be completed, not a "
			  "%s one",
			  ctx.rec.status);
		goto done;
	}
	/* R3: approval waits for the promised materials: a commitment that
	 * still takes supplements is open. */
	rc =
	    req->db->ops->commitment_get_by_case(req->db, ctx.rec.id, &c, &err);
	if (rc < 0) {
		api_internal(rep, &err);
		goto done;
	}
	if (rc == 0 && result == RESULT_APPROVED &&
	    commitment_allows(commitment_record_status(&c),
			      COMMITMENT_DO_SUPPLEMENT, NULL)) {
		api_error(rep, 409, "commitment_open", NULL,
			  "commitment %s still waits for materials", c.no);
		goto done;
	}
	store_copy(ctx.rec.result, sizeof(ctx.rec.result),
		   case_result_word(result));
	case_record_set_status(&ctx.rec, next);
	ctx.rec.result_note = note ? strdup(note) : NULL;
	ctx.rec.completed_at = ctx.rec.closed_at = req->now;
	store_copy(ctx.rec.completed_by, sizeof(ctx.rec.completed_by),
		   req->session->user.username);
	case_save_and_reply(req, rep, &ctx, "case.complete", req->body, 200);
done:
	commitment_record_release(&c);
	case_ctx_release(&ctx);
}

/* A withdrawn case's open commitment is no longer enforced. */
void handle_case_withdraw(struct api_request *req, struct api_reply *rep)
{
	struct case_ctx ctx = {0};
	struct commitment_record c = {0};
	enum commitment_status released;
	enum case_status next;
	struct wc_error err;
	const char *note;
	int rc;

	if (!api_body_object(req, rep) || !read_note(req, rep, true, &note) ||
	    !case_open(req, rep, true, &ctx))
		goto done;
	if (!case_allows(case_record_status(&ctx.rec), CASE_DO_WITHDRAW,
			 &next)) {
		api_error(rep, 409, "invalid_state", NULL,
			  "a %s case cannot be withdrawn", ctx.rec.status);
		goto done;
	}
	rc =
	    req->db->ops->commitment_get_by_case(req->db, ctx.rec.id, &c, &err);
	if (rc < 0 || (rc == 0 &&
		       commitment_allows(commitment_record_status(&c),
					 COMMITMENT_DO_WITHDRAW, &released) &&
		       req->db->ops->commitment_set_status(
			   req->db, c.id, commitment_status_word(released),
			   req->now, &err) < 0)) {
		api_internal(rep, &err);
		goto done;
	}
	case_record_set_status(&ctx.rec, next);
	ctx.rec.withdraw_note = strdup(note);
	ctx.rec.closed_at = req->now;
	case_save_and_reply(req, rep, &ctx, "case.withdraw", req->body, 200);
done:
	commitment_record_release(&c);
	case_ctx_release(&ctx);
}

/* level 1-5, reasons (strings), comment. False after a reply. */
static bool rating_read(struct api_request *req, struct api_reply *rep,
			int *level, const json_t **reasons,
			const char **comment)
{
	const json_t *lv = json_object_get(req->body, "level"), *r;
	size_t i;

	if (!json_is_integer(lv)) {
		api_error(rep, 400, "bad_request", "level",
			  "level must be an integer 1-5");
		return false;
	}
	if (json_integer_value(lv) < 1 || json_integer_value(lv) > 5) {
		api_error(rep, 422, "invalid_field", "level",
			  "level must be 1 to 5");
		return false;
	}
	*level = (int)json_integer_value(lv);
	*reasons = json_object_get(req->body, "reasons");
	if (*reasons && json_is_null(*reasons))
		*reasons = NULL;
	if (*reasons &&
	    (!json_is_array(*reasons) || json_array_size(*reasons) > 20)) {
		api_error(rep, 400, "bad_request", "reasons",
			  "reasons must be an array of at most 20 texts");
		return false;
	}
	json_array_foreach(*reasons, i, r)
	{
		char field[32];

		snprintf(field, sizeof(field), "reasons[%zu]", i);
		if (!json_is_string(r)) {
			api_error(rep, 400, "bad_request", field,
				  "%s: not a string", field);
			return false;
		}
		if (!api_check_text(json_string_value(r), NAME_MAX_CHARS, false,
				    field, rep))
			return false;
	}
	/* R5: a rating of 1 or 2 says why. */
	if (*level <= 2 && (!*reasons || json_array_size(*reasons) == 0)) {
		api_error(rep, 422, "invalid_field", "reasons",
			  "a rating of %d needs reasons", *level);
		return false;
	}
	if (!api_get_string(req->body, "comment", "comment", false, rep,
			    comment))
		return false;
	if (*comment && !**comment)
		*comment = NULL;
	return !*comment ||
	       api_check_text(*comment, TEXT_MAX_CHARS, true, "comment", rep);
}

/* R5: 核实 -> 整改 -> 反馈 starts as a review item. */
static bool rating_rectification(struct api_request *req, struct api_reply *rep,
				 const struct case_ctx *ctx)
{
	struct review_record rv = {0};
	struct wc_error err;
	json_t *reasons = json_loads(ctx->rec.rating_reasons, 0, NULL);
	char summary[1024], words[800];
	bool pending;

	review_summary_join(reasons, NULL, words, sizeof(words));
	json_decref(reasons);
	snprintf(summary, sizeof(summary),
		 "差评：办件 %s 评价为%s（%d 级），原因：%s", ctx->rec.no,
		 review_words_rating(ctx->rec.rating_level),
		 ctx->rec.rating_level, words);
	case_review_init(&rv, ctx, REVIEW_KIND_RECTIFICATION, req->now,
			 summary);
	if (case_due_date(req->app, clock_local_day(&req->app->clock, req->now),
			  req->app->cfg.rectification_days, rv.due_date,
			  &pending, &err) < 0 ||
	    req->db->ops->review_add(req->db, &rv, &err) < 0) {
		api_internal(rep, &err);
		return false;
	}
	return true;
}

/* R5: once (一事一评), after completion. */
void handle_case_rating(struct api_request *req, struct api_reply *rep)
{
	struct case_ctx ctx = {0};
	const json_t *reasons;
	const char *comment;
	int level;

	if (!api_body_object(req, rep) ||
	    !rating_read(req, rep, &level, &reasons, &comment) ||
	    !case_open(req, rep, true, &ctx))
		goto done;
	if (ctx.rec.rating_level) {
		api_error(rep, 409, "already_rated", NULL,
			  "case %s was rated already", ctx.rec.no);
		goto done;
	}
	/* The rating leaves the state as it is. */
	if (!case_allows(case_record_status(&ctx.rec), CASE_DO_RATE, NULL)) {
		api_error(rep, 409, "invalid_state", NULL,
			  "a %s case cannot be rated yet", ctx.rec.status);
		goto done;
	}
	ctx.rec.rating_level = level;
	ctx.rec.rating_reasons =
	    reasons ? json_dumps(reasons, JSON_COMPACT) : strdup("[]");
	ctx.rec.rating_comment = comment ? strdup(comment) : NULL;
	ctx.rec.rated_at = req->now;
	if (level <= 2 && !rating_rectification(req, rep, &ctx))
		goto done;
	case_save_and_reply(req, rep, &ctx, "case.rating", req->body, 200);
done:
	case_ctx_release(&ctx);
}

/* One case whose due date waited: compute it, and its commitment's. */
static int resolve_one(struct app *app, struct store_conn *db, int64_t now,
		       const char *actor, struct case_record *r,
		       struct wc_error *err)
{
	struct item it;
	struct commitment_record c = {0};
	wc_day accepted = clock_local_day(&app->clock, r->accepted_at);
	char entity[48];
	bool pending;
	json_t *data;
	int rc;

	int64_t id = r->id;
	int days;

	if (case_item_of(app, r, &it, err) != 0)
		return 0; /* the item left the catalog: nothing to count by */
	days = it.promised_days;
	item_release(&it);
	if (case_due_date(app, accepted, days, r->due_date, &pending, err) < 0)
		return -1;
	if (pending)
		return 0;
	case_record_release(r);
	rc = db->ops->case_get(db, id, r, err); /* with its lines */
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (case_due_date(app, accepted, days, r->due_date, &pending, err) < 0)
		return -1;
	r->due_pending = false;
	r->version++;
	rc = db->ops->commitment_get_by_case(db, r->id, &c, err);
	if (rc < 0)
		return -1;
	if (rc == 0 && !c.due_date[0]) {
		if (case_due_date(app, accepted, c.deadline_days, c.due_date,
				  &pending, err) < 0 ||
		    (!pending && db->ops->commitment_set_due(
				     db, c.id, c.due_date, err) < 0))
			rc = -1;
	}
	commitment_record_release(&c);
	if (rc < 0 || db->ops->case_update(db, r, err) != 0)
		return -1;
	snprintf(entity, sizeof(entity), "case:%" PRId64, r->id);
	data = json_pack("{s:s}", "due_date", r->due_date);
	rc = audit_append(db, now, actor, "case.due_resolved", entity, data,
			  err);
	json_decref(data);
	return rc;
}

int cases_resolve_pending_due(struct app *app, struct store_conn *db,
			      int64_t now, const char *actor,
			      struct wc_error *err)
{
	struct case_record *recs = NULL;
	size_t n = 0;
	int rc = 0;

	if (db->ops->case_list_due_pending(db, &recs, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = resolve_one(app, db, now, actor, &recs[i], err);
	case_records_free(&recs, n);
	return rc < 0 ? -1 : 0;
}
