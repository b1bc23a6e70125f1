/* pg_pair.h - two wincased instances on one PostgreSQL database for the
 * tests of tests/pg (issue 10): the first on a fresh database of the
 * WINCASE_TEST_DB cluster with the demo seed, the second on the same
 * database and signing key, both with the fake clock (shared through the
 * database). */
#ifndef WINCASE_TEST_PG_PAIR_H
#define WINCASE_TEST_PG_PAIR_H

#include <stdbool.h>

#include <jansson.h>

#include "server.h"

/* A resident ID with a right check digit (GB 11643). */
#define PG_VALID_ID "11010519491231002X"

struct pg_pair {
	struct test_server srv[2];
};

/* True when WINCASE_TEST_DB names a cluster (else the tests skip). */
bool pg_pair_wanted(void);
/* Without WINCASE_TEST_DB: print the TAP plan of n tests, each skipped,
 * and return true (main then returns 0). Else false. */
bool pg_skip_all(int n);
/* 0, or -1 with a message on stderr (nothing left running). */
int pg_pair_start(struct pg_pair *p);
/* Stop both, drop the database; 0 when both stopped cleanly. */
int pg_pair_stop(struct pg_pair *p);

/* Stop or start the whole test cluster ($WINCASE_PG_CLUSTER on
 * $WINCASE_TEST_PG_DIR, set by tests/support/pg_pass.sh): 0, or -1. */
int pg_cluster_command(const char *verb);

/* method path on url; the answer's JSON (new) with its ETag as "_etag"
 * when the status is want, else NULL with the answer on stderr. */
json_t *pg_call(const char *url, const char *token, const char *method,
		const char *path, const char *body, const char *if_match,
		long want);
/* The checklist body for the case answer kase: every material provided
 * but the first tolerable one, missing (R2 a notice to issue, R3 a
 * tolerant acceptance). A new string. */
char *pg_checklist_body(const json_t *kase);
/* Through url as token: a food_sales case for VALID_ID, its checklist, a
 * notice (*notice, new) and a tolerant acceptance with 5 days; the
 * accepted case (new), or NULL. */
json_t *pg_case_tolerant(const char *url, const char *token, json_t **notice);

#endif
