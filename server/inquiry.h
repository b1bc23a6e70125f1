/* inquiry.h - private to handlers_inquiry*.c (and the case create path,
 * which links an inquiry only if the caller may read it): an inquiry with its
 * handoffs as the handlers see it, and the checks they share (R1, R6). */
#ifndef WINCASED_INQUIRY_H
#define WINCASED_INQUIRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "api.h"

struct inquiry_view {
	struct inquiry_record rec;
	struct handoff_record *handoffs; /* oldest first */
	size_t n_handoffs;
};

/* Load the inquiry named by id_text with its handoffs, and check that the
 * caller may read it (R6). False after setting 404, 403 or 500; release
 * *out either way. */
bool inquiry_view_load(struct api_request *req, struct api_reply *rep,
		       const char *id_text, struct inquiry_view *out);
void inquiry_view_release(struct inquiry_view *v);
/* R6: may the caller read it? (reviewers and admins: all; others: their
 * window's, their own, and those handed to their window or department) */
bool inquiry_visible(const struct api_request *req,
		     const struct inquiry_view *v);

/* New reference: API.md's inquiry object, handoffs included. */
json_t *inquiry_view_json(const struct app *app, const struct inquiry_view *v);

/* R1: true if the handoff is to the caller's window or department. */
bool handoff_targets_caller(const struct handoff_record *h,
			    const struct session_record *s);

#endif
