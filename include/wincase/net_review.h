/* net_review.h - the reviewer's calls of API.md: the review queue
 * and decisions, the audit chain check, statistics, and the searches over
 * all cases and inquiries of the reviewer's department. Strings are owned
 * and sanitised (net/model rule: once, where they enter). */
#ifndef WINCASE_NET_REVIEW_H
#define WINCASE_NET_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/lifecycle.h"
#include "wincase/net.h"

/* Review item kinds are core's enum review_kind (lifecycle.h), in the
 * queue's order of display; REVIEW_KIND_COUNT: a kind this client does
 * not know. */

/* The decisions of POST /v1/review/{id}/decision. */
enum net_review_decision {
	DECISION_APPROVE,
	DECISION_RETURN,
	DECISION_WAIVE,
	DECISION_RECTIFIED,
	NET_REVIEW_DECISIONS
};
/* The API's word of a decision ("approve"). */
const char *net_review_decision_word(enum net_review_decision d);

/* One item of GET /v1/review/queue. */
struct net_review_item {
	char *id;
	enum review_kind kind;
	char *case_id;	  /* NULL for an inquiry item */
	char *inquiry_id; /* NULL for a case item */
	char *created_at;
	enum review_status status;
	char *summary;
	char *due_date; /* rectification deadline when the server has one */
	/* Issue 14: who works on it (NULL: nobody), and R5's steps 核实,
	 * 整改, 反馈 as saved (NULL: not yet), by enum net_review_step. */
	char *owner;
	char *steps[3];
	char *decision; /* the API's word once decided, else NULL */
	char *decided_by;
	/* Working minutes waited (-1: the server could not tell), and
	 * whether that is past the server's review_warn_hours. */
	long age_minutes;
	bool aged;
	/* The decision's comment and time once decided, and (GET
	 * /v1/review/returns only) the case's or inquiry's number; NULL when
	 * absent. */
	char *comment;
	char *decided_at;
	char *no;
};

/* R5's rectification steps, in their order. */
enum net_review_step {
	NET_STEP_VERIFY,
	NET_STEP_FIX,
	NET_STEP_FEEDBACK,
	NET_REVIEW_STEPS
};

struct net_review_list {
	size_t n;
	struct net_review_item *items;
};

/* The API's words of the kinds, by enum review_kind. */
extern const char *const net_review_kinds[REVIEW_KIND_COUNT];
/* Index of kind in net_review_kinds, or -1. */
int net_review_kind_index(const char *kind);

/* GET /v1/review/queue (every page), pending items only when
 * pending_only; sorted by kind (net_review_kinds order), then oldest
 * first. */
int net_review_queue(struct net_client *client, bool pending_only,
		     struct net_review_list *out, struct wc_error *err);
/* Which items GET /v1/review/queue lists (issue 14). */
enum net_review_view {
	NET_VIEW_PENDING,    /* every pending item */
	NET_VIEW_MINE,	     /* pending, taken by me */
	NET_VIEW_UNOWNED,    /* pending, nobody's */
	NET_VIEW_DONE,	     /* decided */
	NET_VIEW_MY_DECIDED, /* decided by me */
	NET_REVIEW_VIEWS
};
/* The queue of a view, every page, sorted as net_review_queue. */
int net_review_queue_view(struct net_client *client, enum net_review_view view,
			  struct net_review_list *out, struct wc_error *err);

/* Issue 14: POST /v1/review/{id}/take, /release, /assign {"to"} and
 * /steps {"step","text"}, each with its key. On 409 taken_by_other,
 * owner (may be NULL) gets the colleague's username (size bytes). */
int net_review_take(struct net_client *client, const char *id,
		    const char *idempotency_key, char *owner, size_t size,
		    struct wc_error *err);
int net_review_release(struct net_client *client, const char *id,
		       const char *idempotency_key, struct wc_error *err);
int net_review_assign(struct net_client *client, const char *id, const char *to,
		      const char *idempotency_key, struct wc_error *err);
int net_review_step(struct net_client *client, const char *id,
		    enum net_review_step step, const char *text,
		    const char *idempotency_key, char *owner, size_t size,
		    struct wc_error *err);

/* POST /v1/review/{id}/due {"due_date"} (issue 14.3: a rectification's
 * deadline, "YYYY-MM-DD"), as net_review_step; on 422 deadline_too_long
 * the latest date the server allows goes into owner. */
int net_review_set_due(struct net_client *client, const char *id,
		       const char *due_date, const char *idempotency_key,
		       char *owner, size_t size, struct wc_error *err);
/* GET /v1/review/{id}: the item as it now is (release *out). */
int net_review_get(struct net_client *client, const char *id,
		   struct net_review_item *out, struct wc_error *err);

/* GET /v1/review/returns (issue 14.7): what review returned about the
 * session's window in the last week, newest first. */
int net_review_returns(struct net_client *client, struct net_review_list *out,
		       struct wc_error *err);

/* POST /v1/review/{id}/decision with the key. */
int net_review_decide(struct net_client *client, const char *id,
		      enum net_review_decision decision, const char *comment,
		      const char *idempotency_key, struct wc_error *err);
int net_review_item_from_json(const json_t *obj, struct net_review_item *out,
			      struct wc_error *err);
void net_review_item_release(struct net_review_item *item);
void net_review_list_release(struct net_review_list *list);

/* GET /v1/audit/verify in full: the chain checked against the server's
 * signed checkpoints, and when the head was last signed. */
struct net_audit_check {
	bool ok;
	long entries;
	long broken_at;		/* 0, or the first entry that breaks it */
	long missing_after;	/* 0, or: entries after this seq are gone */
	long rewritten_from;	/* 0, or: rewritten from this seq on */
	long checkpoint_seq;	/* 0: no checkpoint yet */
	char checkpoint_at[40]; /* RFC 3339, "" when none */
};
int net_audit_check(struct net_client *client, struct net_audit_check *out,
		    struct wc_error *err);

/* ---- Statistics: GET /v1/stats?from=&to=&group_by= */

enum net_stats_column {
	STAT_INQUIRIES,
	STAT_BOUNCED,
	STAT_CASES,
	STAT_NOTICES,
	STAT_ONCE_VIOLATIONS,
	STAT_ACCEPTED,
	STAT_TOLERANT,
	STAT_FULFILLED,
	STAT_BREACHED,
	STAT_OVERDUE,
	STAT_DEEMED,
	STAT_COMPLETED,
	STAT_COLUMNS
};
/* The API names of the columns ("inquiries", ...). */
extern const char *const net_stats_names[STAT_COLUMNS];

struct net_stats_row {
	char *key;
	long value[STAT_COLUMNS];
	long ratings[5];     /* ratings[0] is level 1 */
	double satisfaction; /* 0..1, from the server or computed */
	bool has_satisfaction;
};

struct net_stats {
	size_t n;
	struct net_stats_row *rows;
};

/* group_by "window", "clerk" or "item"; from and to "YYYY-MM-DD". */
int net_stats_get(struct net_client *client, const char *from, const char *to,
		  const char *group_by, struct net_stats *out,
		  struct wc_error *err);
int net_stats_row_from_json(const json_t *obj, struct net_stats_row *out,
			    struct wc_error *err);
void net_stats_release(struct net_stats *stats);

/* ---- Search: every case / inquiry the reviewer may see (scope=all). */

/* One row of a search: a case or an inquiry. */
struct net_found {
	bool is_case;
	char *id;
	char *no;
	char *status; /* the API's word, for the filter */
	/* The same decoded, the one of is_case (the other's _COUNT). */
	enum case_status case_status;
	enum inquiry_status inquiry_status;
	char *item_code;
	char *applicant;
	char *window;
	char *clerk; /* created_by or first_responder */
	char *created_at;
};

struct net_found_list {
	size_t n;
	struct net_found *items;
};

/* What to look for; NULL or "" members match anything. The server filters
 * by q and status where API.md lets it, the rest is filtered here. */
struct net_search {
	bool cases, inquiries;
	const char *q; /* number or applicant name, substring */
	const char *item_code;
	const char *window;
	const char *clerk;
	const char *status;
	const char *from, *to; /* "YYYY-MM-DD", created_at's date, inclusive */
};

int net_search(struct net_client *client, const struct net_search *s,
	       struct net_found_list *out, struct wc_error *err);
/* The counter's search (issue 13.3): the cases and the inquiries of the
 * session's window in every state, completed and closed ones too, whose
 * number, applicant name, ID number or phone contains q (the server
 * matches). Cases first, each newest first; every page. */
int net_counter_find(struct net_client *client, const char *q,
		     struct net_found_list *out, struct wc_error *err);
/* True when f matches s (the client side of the filter; exposed for
 * tests). */
bool net_search_matches(const struct net_search *s, const struct net_found *f);
int net_found_from_json(const json_t *obj, bool is_case, struct net_found *out,
			struct wc_error *err);
void net_found_list_release(struct net_found_list *list);

#endif
