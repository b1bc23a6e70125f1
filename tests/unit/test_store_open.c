/* test_store_open.c - store_open's choice of back end (store.c), the
 * name the log shows, and a PostgreSQL database that cannot be reached at
 * start. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "store/store.h"

static void test_which_back_end(void **state)
{
	static const struct {
		const char *url;
		bool pg;
	} cases[] = {
	    {"/var/lib/wincase/wincase.db", false},
	    {"wincased.db", false},
	    {"sqlite:/tmp/a=b.db", false},
	    {"postgresql://wincase@db1:5432/wincase", true},
	    {"postgres://db1/wincase", true},
	    {"postgresql://wincase@db1:5432,db2:5432/wincase"
	     "?target_session_attrs=read-write",
	     true},
	    {"host=/run/postgresql dbname=wincase", true},
	    {"dbname=wincase", true},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		print_message("# %s\n", cases[i].url);
		assert_int_equal(store_url_is_postgresql(cases[i].url),
				 cases[i].pg);
	}
}

/* The log never shows a password. */
static void test_display_name(void **state)
{
	char out[300];

	(void)state;
	store_display_name("postgresql://wc:s3cret@db1:5433/hall", out,
			   sizeof(out));
	assert_null(strstr(out, "s3cret"));
	assert_non_null(strstr(out, "host=db1"));
	assert_non_null(strstr(out, "port=5433"));
	assert_non_null(strstr(out, "dbname=hall"));
	store_display_name("host=db1 password='x y' dbname=hall", out,
			   sizeof(out));
	assert_null(strstr(out, "x y"));
	store_display_name("/var/lib/wincase/wincase.db", out, sizeof(out));
	assert_string_equal(out, "/var/lib/wincase/wincase.db");
}

/* Nothing listens there: a clear store_unavailable, no store. */
static void test_unreachable_at_start(void **state)
{
	struct store *st = NULL;
	struct wc_error err = {0};

	(void)state;
	assert_int_equal(store_open("postgresql://nobody@127.0.0.1:1/none"
				    "?connect_timeout=2",
				    &st, &err),
			 -1);
	assert_null(st);
	assert_string_equal(err.code, "store_unavailable");
	assert_non_null(strstr(err.message, "cannot be reached"));
}

/* A PostgreSQL store keeps its key and checkpoints in the state folder
 * unless data_dir names one. */
static void test_data_dir_default(void **state)
{
	struct server_config cfg;

	(void)state;
	config_set_defaults(&cfg);
	snprintf(cfg.db_path, sizeof(cfg.db_path), "dbname=hall");
	cfg.data_dir[0] = '\0';
	cfg.audit_checkpoint_file[0] = '\0';
	config_finish(&cfg);
	assert_true(cfg.data_dir[0] == '/');
	assert_non_null(strstr(cfg.audit_checkpoint_file, cfg.data_dir));
	assert_null(strstr(cfg.audit_checkpoint_file, "dbname"));
}

/* Every operation of store.h is there in both back ends: an operation
 * added to one and forgotten in the other would be a NULL call on that
 * store's routes. store_ops is its name and then function pointers only,
 * read here slot by slot. */
static bool optional(size_t off)
{
	/* One server owns a SQLite file: no claim, no shared clock. */
	return off == offsetof(struct store_ops, scheduler_claim) ||
	       off == offsetof(struct store_ops, clock_get) ||
	       off == offsetof(struct store_ops, clock_put);
}

static size_t ops_missing(const struct store_ops *ops, const char *which,
			  bool all)
{
	const unsigned char *p = (const unsigned char *)ops;
	size_t slot = sizeof(int (*)(void)), missing = 0;

	for (size_t off = sizeof(const char *); off + slot <= sizeof(*ops);
	     off += slot) {
		int (*fn)(void);

		memcpy(&fn, p + off, slot);
		if (!fn && (all || !optional(off))) {
			print_message("# %s: no operation in slot %zu\n", which,
				      off / slot);
			missing++;
		}
	}
	return missing;
}

static void test_every_operation(void **state)
{
	(void)state;
	assert_int_equal(ops_missing(&store_sqlite_ops, "sqlite", false), 0);
	assert_int_equal(ops_missing(&store_pg_ops, "postgres", true), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_which_back_end),
	    cmocka_unit_test(test_display_name),
	    cmocka_unit_test(test_unreachable_at_start),
	    cmocka_unit_test(test_data_dir_default),
	    cmocka_unit_test(test_every_operation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
