/* pg_pair.c - two instances on one database (pg_pair.h). */
#include "pg_pair.h"
#include "command.h"
#include "server_pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool pg_pair_wanted(void)
{
	return test_pg_wanted();
}

int pg_pair_start(struct pg_pair *p)
{
	const char *second[] = {"--db", NULL, "--data-dir", NULL, NULL};

	memset(p, 0, sizeof(*p));
	if (test_server_start(&p->srv[0], true) < 0)
		return -1;
	/* The same database and key folder (the later options win); no
	 * seed, the first made it. */
	second[1] = p->srv[0].pg_conninfo;
	second[3] = p->srv[0].dir;
	if (test_server_start_args(&p->srv[1], true, second) < 0) {
		test_server_stop(&p->srv[0]);
		return -1;
	}
	return 0;
}

int pg_pair_stop(struct pg_pair *p)
{
	int a = test_server_stop(&p->srv[1]);
	int b = test_server_stop(&p->srv[0]);

	return a == 0 && b == 0 ? 0 : -1;
}

int pg_cluster_command(const char *verb)
{
	char *argv[] = {getenv("WINCASE_PG_CLUSTER"), (char *)verb,
			getenv("WINCASE_TEST_PG_DIR"), NULL};
	char out[2048];
	int rc;

	if (!argv[0] || !argv[2]) {
		fprintf(stderr, "pg_cluster_command: WINCASE_PG_CLUSTER and "
				"WINCASE_TEST_PG_DIR are not set\n");
		return -1;
	}
	rc = test_run_command(argv, NULL, out, sizeof(out));
	if (rc != 0)
		fprintf(stderr, "pg_cluster.sh %s: %d %s\n", verb, rc, out);
	return rc == 0 ? 0 : -1;
}
