/* scheduler.h - the deadline scheduler (R1, R3, R4, R5): breached
 * commitments, overdue and deemed cases, handoffs bounced by time, due
 * dates of rectification items. It runs every minute on the real clock,
 * and synchronously at each fake-clock change (PUT /v1/admin/clock); with
 * --fake-clock the background thread is not started, so tests control
 * time. Every change is audited with the actor "scheduler"; a run that
 * finds nothing new changes nothing (idempotent). */
#ifndef WINCASED_SCHEDULER_H
#define WINCASED_SCHEDULER_H

#include <stdint.h>

#include <jansson.h>

#include "app.h"
#include "wincase/date.h"

#define SCHEDULER_ACTOR "scheduler"

/* What one run changed. */
struct scheduler_counts {
	int breached;	   /* R3: commitments breached */
	int overdue;	   /* R4: overdue review items added */
	int deemed;	   /* R4: major-project cases deemed done */
	int bounced;	   /* R1: inquiries bounced by time */
	int rectification; /* R5: rectification items given a due date */
};

/* One run at time now, inside the caller's write transaction on db (the
 * caller commits, or rolls back on -1). */
int scheduler_run(struct app *app, struct store_conn *db, int64_t now,
		  struct scheduler_counts *out, struct wc_error *err);

/* New reference: {"breached","overdue","deemed","bounced","rectification"}. */
json_t *scheduler_counts_json(const struct scheduler_counts *counts);

/* R5: the due date of a rectification item made at created_at: the
 * configured rectification_days working days later. -1 with
 * "calendar_missing" while that year has no calendar. */
int scheduler_rectification_due(struct app *app, int64_t created_at,
				char out[DATE_TEXT_SIZE], struct wc_error *err);

/* R1: the time (unix seconds) at which one working hour has passed since
 * a handoff made at created_at; -1 with "calendar_missing" when a needed
 * year is not loaded. Minute precision, rounded up. */
int scheduler_ack_deadline(struct app *app, int64_t created_at,
			   int64_t *deadline, struct wc_error *err);

struct scheduler;

/* Start the every-minute thread (real clock only: with a fake clock *out
 * is NULL and nothing runs). */
int scheduler_start(struct app *app, struct scheduler **out,
		    struct wc_error *err);
/* Stop and join the thread; before the store is closed. */
void scheduler_stop(struct scheduler **sched);

#endif
