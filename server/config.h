/* config.h - wincased's settings: defaults, then the INI file, then the
 * command line (each later source overrides the earlier). */
#ifndef WINCASED_CONFIG_H
#define WINCASED_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "wincase/error.h"
#include "wincase/workhours.h"

enum pwhash_cost { PWHASH_MIN, PWHASH_INTERACTIVE, PWHASH_MODERATE };

struct server_config {
	char listen_host[64];
	int listen_port;
	char db_path[512];
	char conf_dir[512];
	char data_dir[512];	     /* "": the database file's directory */
	char log_file[512];	     /* "": stderr (log.h) */
	int timezone_offset_minutes; /* east of UTC; +08:00 is 480 */
	int threads;
	int session_hours;
	int credit_threshold;	  /* R3: breaches in 365 days still allowed */
	int login_max_failures;	  /* failures allowed in the window */
	int login_window_seconds; /* the window failures are counted in */
	/* Throttling (docs/api.md): failures one client address may have
	 * before its delays start, the longest delay, password hashes run
	 * at once, unknown codes per address for GET /v1/documents/verify. */
	int login_address_max_failures;
	int login_delay_max_seconds;
	int login_hash_concurrency;
	int verify_max_misses;
	/* Slow clients (http_limits.h): seconds for a request's headers and
	 * for its body, connections in all and per client address. */
	int http_header_seconds;
	int http_body_seconds;
	int http_connection_limit;
	int http_connections_per_address;
	enum pwhash_cost pwhash_cost;
	bool seed_demo;
	bool fake_clock;
	bool fake_clock_start_set;	/* --fake-clock=TIME was given */
	int64_t fake_clock_start;	/* unix seconds */
	struct workhours working_hours; /* R1: one working hour to ack */
	int rectification_days;		/* R5: working days to rectify */
	/* Issue 14: the latest deadline a reviewer may set, in working days
	 * after the item (at least rectification_days), and the working
	 * hours after which a waiting review item is shown as aged. */
	int rectification_max_days;
	int review_warn_hours;
	/* Training (docs/training.md): --training-seed DIR seeds the trainee,
	 * trainer and scenario data and lets the trainee move the fake clock;
	 * --ephemeral removes the store's files and folder on stop. */
	char training_seed_dir[512]; /* "": not a training server */
	char training_password[128];
	bool ephemeral;
	/* HTTPS with this certificate (chain, PEM) and key;
	 * "": plain HTTP. Reread on SIGHUP. */
	char tls_cert[512];
	char tls_key[512];
	/* Audit checkpoints (docs/audit.md): the append-only file outside
	 * the database ("": DB_PATH.checkpoints, see config_finish), and how
	 * often one is made at least. */
	char audit_checkpoint_file[600];
	int audit_checkpoint_entries;
	int audit_checkpoint_seconds;
	/* The address the public reaches this server at (a gateway's), as
	 * http(s)://HOST[:PORT][/PATH] without a trailing slash: printed
	 * documents' QR codes open PUBLIC_URL/verify. "": this server's own
	 * listening address. */
	char public_url[256];
};

void config_set_defaults(struct server_config *cfg);
/* Read an INI file (keys in no section or in [wincased]); unknown keys and
 * bad values are errors naming the line. */
int config_load_file(struct server_config *cfg, const char *path,
		     struct wc_error *err);
/* Settings that depend on others, once all are read: the checkpoint
 * file beside the database unless one was named. */
void config_finish(struct server_config *cfg);
/* "HOST:PORT" into listen_host/listen_port; port 0 picks a free port. */
int config_parse_listen(struct server_config *cfg, const char *text,
			struct wc_error *err);
/* An absolute http:// or https:// URL with a host and no characters
 * that need escaping in HTML or a URL (quotes, <, >, blanks, ?, #), a
 * trailing slash dropped; -1 otherwise. */
int config_parse_public_url(struct server_config *cfg, const char *text);
/* "+08:00", "-05:30", "Z" into minutes east of UTC. */
int config_parse_offset(const char *text, int *minutes);

#endif
