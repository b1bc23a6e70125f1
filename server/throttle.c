/* throttle.c - login and verify-code throttling per client address and
 * per account, and the bound on concurrent password hashes (throttle.h). */
#include "throttle.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <microhttpd.h>

#define DELAY_BASE_SECONDS 1
#define HASH_BUSY_SECONDS  1

/* Password hashes running now, in this process (the bound protects this
 * host's memory and cores; argon2id takes 64 MiB each). */
static atomic_int hashes_running;

void throttle_client_address(const struct api_request *req, char out[64])
{
	const union MHD_ConnectionInfo *info =
	    req->connection
		? MHD_get_connection_info(req->connection,
					  MHD_CONNECTION_INFO_CLIENT_ADDRESS)
		: NULL;
	const struct sockaddr *sa = info ? info->client_addr : NULL;

	snprintf(out, 64, "?");
	if (sa && sa->sa_family == AF_INET) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
			  out, 64);
	} else if (sa && sa->sa_family == AF_INET6) {
		struct in6_addr a =
		    ((const struct sockaddr_in6 *)sa)->sin6_addr;

		if (IN6_IS_ADDR_V4MAPPED(&a)) {
			inet_ntop(AF_INET, &a.s6_addr[12], out, 64);
			return;
		}
		/* One host usually has a whole /64: count it as one. */
		memset(a.s6_addr + 8, 0, 8);
		inet_ntop(AF_INET6, &a, out, 64);
		strncat(out, "/64", 63 - strlen(out));
	}
}

static struct throttle_rule rule_address(const struct server_config *cfg)
{
	return (struct throttle_rule){
	    cfg->login_address_max_failures, DELAY_BASE_SECONDS,
	    cfg->login_delay_max_seconds, cfg->login_window_seconds};
}

static struct throttle_rule rule_account(const struct server_config *cfg)
{
	return (struct throttle_rule){
	    cfg->login_max_failures, DELAY_BASE_SECONDS,
	    cfg->login_delay_max_seconds, cfg->login_window_seconds};
}

static struct throttle_rule rule_verify(const struct server_config *cfg)
{
	return (struct throttle_rule){
	    cfg->verify_max_misses, DELAY_BASE_SECONDS,
	    cfg->login_delay_max_seconds, cfg->login_window_seconds};
}

static void refuse(struct api_reply *rep, int64_t retry_after,
		   const char *message)
{
	api_error(rep, 429, "rate_limited", NULL, "%s", message);
	rep->retry_after = retry_after > 0 ? retry_after : 1;
}

/* A hash slot, or false when max already run. */
static bool slot_take(int max)
{
	if (atomic_fetch_add(&hashes_running, 1) < max)
		return true;
	atomic_fetch_sub(&hashes_running, 1);
	return false;
}

static void slot_give(void)
{
	atomic_fetch_sub(&hashes_running, 1);
}

/* Both counts in one write transaction: one commit (and fsync) for the
 * attempt instead of one per statement. 0 counted, 1 refused (rep set),
 * -1 with err. */
static int login_count(struct api_request *req, struct api_reply *rep,
		       struct login_attempt *a, struct wc_error *err)
{
	const struct server_config *cfg = &req->app->cfg;
	struct throttle_rule by_addr = rule_address(cfg),
			     by_user = rule_account(cfg);
	struct store_conn *db = req->db;
	int64_t wait = 0;
	int count = 0;

	if (db->ops->throttle_hit(db, a->addr_key, &by_addr, req->now, false,
				  &count, &wait, err) < 0)
		return -1;
	if (wait) {
		refuse(rep, wait,
		       "too many failed logins from this address; "
		       "try again later");
		return 1;
	}
	/* count 1: this address had no failure in the run, so the account's
	 * delay (perhaps an attacker's doing) does not stop it. */
	if (db->ops->throttle_hit(db, a->user_key, &by_user, req->now,
				  count == 1, &count, &wait, err) < 0)
		return -1;
	if (wait) {
		/* Not this address's guess: give its attempt back. */
		if (db->ops->throttle_undo(db, a->addr_key, &by_addr, err) < 0)
			return -1;
		refuse(rep, wait,
		       "too many failed logins for this user; try "
		       "again later");
		return 1;
	}
	return 0;
}

bool throttle_login_begin(struct api_request *req, struct api_reply *rep,
			  const char *username, struct login_attempt *a)
{
	struct store_conn *db = req->db;
	char addr[64];
	struct wc_error err;
	int rc;

	memset(a, 0, sizeof(*a));
	/* The hash bound first: a refused attempt costs nothing else. */
	if (!slot_take(req->app->cfg.login_hash_concurrency)) {
		refuse(rep, HASH_BUSY_SECONDS,
		       "the server is busy checking passwords; try again");
		return false;
	}
	a->slot = true;
	throttle_client_address(req, addr);
	snprintf(a->addr_key, sizeof(a->addr_key), "login:addr:%s", addr);
	snprintf(a->user_key, sizeof(a->user_key), "login:user:%s", username);
	rc = db->ops->begin(db, &err);
	if (rc == 0)
		rc = login_count(req, rep, a, &err);
	if (rc >= 0 && db->ops->commit(db, &err) < 0)
		rc = -1;
	if (rc < 0) {
		db->ops->rollback(db);
		api_internal(rep, &err);
	}
	if (rc != 0) {
		slot_give();
		a->slot = false;
	}
	return rc == 0;
}

void throttle_login_end(struct api_request *req, struct login_attempt *a,
			bool right)
{
	struct throttle_rule by_addr = rule_address(&req->app->cfg);
	struct store_conn *db = req->db;
	struct wc_error err;

	if (a->slot)
		slot_give();
	a->slot = false;
	if (!right)
		return;
	if (db->ops->begin(db, &err) < 0 ||
	    db->ops->throttle_undo(db, a->addr_key, &by_addr, &err) < 0 ||
	    db->ops->throttle_clear(db, a->user_key, &err) < 0 ||
	    db->ops->commit(db, &err) < 0) {
		db->ops->rollback(db);
		fprintf(stderr, "wincased: throttle: %s\n", err.message);
	}
}

bool throttle_verify_begin(struct api_request *req, struct api_reply *rep,
			   char key[96])
{
	struct throttle_rule rule = rule_verify(&req->app->cfg);
	struct store_conn *db = req->db;
	char addr[64];
	int64_t wait = 0;
	int count = 0;
	struct wc_error err;

	throttle_client_address(req, addr);
	snprintf(key, 96, "verify:addr:%s", addr);
	if (db->ops->throttle_hit(db, key, &rule, req->now, false, &count,
				  &wait, &err) < 0) {
		api_internal(rep, &err);
		return false;
	}
	if (wait) {
		refuse(rep, wait,
		       "too many unknown codes from this address; "
		       "try again later");
		return false;
	}
	return true;
}

void throttle_verify_found(struct api_request *req, const char *key)
{
	struct throttle_rule rule = rule_verify(&req->app->cfg);
	struct wc_error err;

	if (req->db->ops->throttle_undo(req->db, key, &rule, &err) < 0)
		fprintf(stderr, "wincased: throttle: %s\n", err.message);
}
