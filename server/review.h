/* review.h - what the reviewer queue's handlers share
 * (handlers_review.c: the queue and decisions; handlers_review_team.c:
 * owners and rectification steps, issue 14). */
#ifndef WINCASED_REVIEW_H
#define WINCASED_REVIEW_H

#include "api.h"

/* New reference: a queue item as the API answers it. */
json_t *review_to_json(struct app *app, const struct review_record *r);
/* The owner and, for a rectification, its steps into o (borrowed). */
void review_team_json(struct app *app, const struct review_record *r,
		      json_t *o);
/* Load the item of the path's {item_id} in the caller's scope: 404, 403
 * forbidden. On true r is filled (release it). */
bool review_load(struct api_request *req, struct api_reply *rep,
		 struct review_record *r);
/* R6: did username handle the item's case or inquiry at the counter? */
int review_handled(struct store_conn *db, const struct review_record *r,
		   const char *username, bool *out, struct wc_error *err);
/* case:ID, inquiry:ID or review:ID: where the item's history is. */
void review_entity(const struct review_record *r, char *out, size_t size);
/* ?owner=me|none|NAME and ?decided_by=me|NAME into q; false after a 400. */
bool review_read_owner_query(struct api_request *req, struct api_reply *rep,
			     struct review_query *q);
/* 409 taken_by_other naming the owner. */
void review_taken_error(struct api_reply *rep, const struct review_record *r);

void handle_review_take(struct api_request *req, struct api_reply *rep);
void handle_review_release(struct api_request *req, struct api_reply *rep);
void handle_review_assign(struct api_request *req, struct api_reply *rep);
void handle_review_step(struct api_request *req, struct api_reply *rep);
void handle_review_due(struct api_request *req, struct api_reply *rep);
void handle_review_get(struct api_request *req, struct api_reply *rep);
void handle_review_returns(struct api_request *req, struct api_reply *rep);

#endif
