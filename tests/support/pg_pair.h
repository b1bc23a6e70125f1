/* pg_pair.h - two wincased instances on one PostgreSQL database for the
 * tests of tests/pg (issue 10): the first on a fresh database of the
 * WINCASE_TEST_DB cluster with the demo seed, the second on the same
 * database and signing key, both with the fake clock (shared through the
 * database). */
#ifndef WINCASE_TEST_PG_PAIR_H
#define WINCASE_TEST_PG_PAIR_H

#include <stdbool.h>

#include "server.h"

struct pg_pair {
	struct test_server srv[2];
};

/* True when WINCASE_TEST_DB names a cluster (else the tests skip). */
bool pg_pair_wanted(void);
/* 0, or -1 with a message on stderr (nothing left running). */
int pg_pair_start(struct pg_pair *p);
/* Stop both, drop the database; 0 when both stopped cleanly. */
int pg_pair_stop(struct pg_pair *p);

/* Stop or start the whole test cluster ($WINCASE_PG_CLUSTER on
 * $WINCASE_TEST_PG_DIR, set by tests/support/pg_pass.sh): 0, or -1. */
int pg_cluster_command(const char *verb);

#endif
