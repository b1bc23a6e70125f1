/* config.c - defaults, the INI file (inih) and the listen address. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "store/store.h"

#ifndef WINCASE_STATE_DIR
#define WINCASE_STATE_DIR "/var/lib/wincase"
#endif

#ifndef WINCASE_SHARE_DIR
#define WINCASE_SHARE_DIR "/usr/local/share/wincase"
#endif

void config_set_defaults(struct server_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	snprintf(cfg->listen_host, sizeof(cfg->listen_host), "127.0.0.1");
	cfg->listen_port = 8730;
	snprintf(cfg->db_path, sizeof(cfg->db_path), "wincased.db");
	snprintf(cfg->conf_dir, sizeof(cfg->conf_dir), "%s", WINCASE_SHARE_DIR);
	cfg->timezone_offset_minutes = 8 * 60;
	cfg->threads = 4;
	cfg->session_hours = 12;
	cfg->credit_threshold = 0;
	cfg->login_max_failures = 5;
	cfg->login_window_seconds = 300;
	cfg->login_address_max_failures = 10;
	cfg->login_delay_max_seconds = 900;
	cfg->login_hash_concurrency = 2;
	cfg->verify_max_misses = 20;
	cfg->http_header_seconds = 30;
	cfg->http_body_seconds = 60;
	cfg->http_connection_limit = 512;
	cfg->http_connections_per_address = 64;
	cfg->pwhash_cost = PWHASH_INTERACTIVE;
	workhours_default(&cfg->working_hours);
	cfg->rectification_days = 5;
	cfg->rectification_max_days = 15;
	cfg->review_warn_hours = 8;
	cfg->audit_checkpoint_entries = 100;
	cfg->audit_checkpoint_seconds = 300;
}

void config_finish(struct server_config *cfg)
{
	const char *db = cfg->db_path;

	if (store_url_is_postgresql(db)) {
		/* No database file to keep the key and checkpoints next to:
		 * the state folder unless data_dir names one (every instance
		 * on one database needs the same signing key). */
		if (!cfg->data_dir[0])
			snprintf(cfg->data_dir, sizeof(cfg->data_dir), "%s",
				 WINCASE_STATE_DIR);
		if (!cfg->audit_checkpoint_file[0])
			snprintf(cfg->audit_checkpoint_file,
				 sizeof(cfg->audit_checkpoint_file),
				 "%.580s/audit.checkpoints", cfg->data_dir);
		return;
	}
	if (strncmp(db, "sqlite:", 7) == 0)
		db += 7;
	if (!cfg->audit_checkpoint_file[0])
		snprintf(cfg->audit_checkpoint_file,
			 sizeof(cfg->audit_checkpoint_file),
			 "%.580s.checkpoints", db);
	/* The default deadline is always one a reviewer may set. */
	if (cfg->rectification_max_days < cfg->rectification_days)
		cfg->rectification_max_days = cfg->rectification_days;
}

static bool parse_int(const char *text, int min, int max, int *out)
{
	char *end = NULL;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < min || v > max)
		return false;
	*out = (int)v;
	return true;
}

int config_parse_offset(const char *text, int *minutes)
{
	int h, m, sign;

	if (strcmp(text, "Z") == 0) {
		*minutes = 0;
		return 0;
	}
	if (strlen(text) != 6 || (text[0] != '+' && text[0] != '-') ||
	    text[3] != ':')
		return -1;
	for (int i = 1; i < 6; i++)
		if (i != 3 && (text[i] < '0' || text[i] > '9'))
			return -1;
	sign = text[0] == '-' ? -1 : 1;
	h = (text[1] - '0') * 10 + (text[2] - '0');
	m = (text[4] - '0') * 10 + (text[5] - '0');
	if (h > 14 || m > 59)
		return -1;
	*minutes = sign * (h * 60 + m);
	return 0;
}

int config_parse_listen(struct server_config *cfg, const char *text,
			struct wc_error *err)
{
	const char *colon = strrchr(text, ':');
	size_t host_len;
	int port;

	if (!colon || colon == text)
		return wc_error_set(err, "invalid_field", "listen",
				    "listen address must be HOST:PORT");
	host_len = (size_t)(colon - text);
	if (host_len >= sizeof(cfg->listen_host) ||
	    !parse_int(colon + 1, 0, 65535, &port))
		return wc_error_set(err, "invalid_field", "listen",
				    "bad listen address '%s'", text);
	memcpy(cfg->listen_host, text, host_len);
	cfg->listen_host[host_len] = '\0';
	cfg->listen_port = port;
	return 0;
}

int config_parse_public_url(struct server_config *cfg, const char *text)
{
	size_t n = strlen(text), scheme;

	if (strncmp(text, "https://", 8) == 0)
		scheme = 8;
	else if (strncmp(text, "http://", 7) == 0)
		scheme = 7;
	else
		return -1;
	while (n > scheme && text[n - 1] == '/')
		n--;
	if (n == scheme || n >= sizeof(cfg->public_url) || text[scheme] == '/')
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)text[i] <= ' ' ||
		    (unsigned char)text[i] >= 0x7f ||
		    strchr("\"'<>`?#\\", text[i]))
			return -1;
	memcpy(cfg->public_url, text, n);
	cfg->public_url[n] = '\0';
	return 0;
}

static bool set_path(char *dst, size_t size, const char *value)
{
	if (strlen(value) >= size)
		return false;
	snprintf(dst, size, "%s", value);
	return true;
}

static bool set_pwhash_cost(struct server_config *cfg, const char *value)
{
	if (strcmp(value, "min") == 0)
		cfg->pwhash_cost = PWHASH_MIN;
	else if (strcmp(value, "interactive") == 0)
		cfg->pwhash_cost = PWHASH_INTERACTIVE;
	else if (strcmp(value, "moderate") == 0)
		cfg->pwhash_cost = PWHASH_MODERATE;
	else
		return false;
	return true;
}

/* One key; false if the key is unknown or its value is bad. */
static bool config_set_key(struct server_config *cfg, const char *name,
			   const char *value)
{
	struct wc_error err;

	if (strcmp(name, "listen") == 0)
		return config_parse_listen(cfg, value, &err) == 0;
	if (strcmp(name, "db") == 0)
		return set_path(cfg->db_path, sizeof(cfg->db_path), value);
	if (strcmp(name, "conf_dir") == 0)
		return set_path(cfg->conf_dir, sizeof(cfg->conf_dir), value);
	if (strcmp(name, "data_dir") == 0)
		return set_path(cfg->data_dir, sizeof(cfg->data_dir), value);
	if (strcmp(name, "log_file") == 0)
		return set_path(cfg->log_file, sizeof(cfg->log_file), value);
	if (strcmp(name, "timezone_offset") == 0)
		return config_parse_offset(value,
					   &cfg->timezone_offset_minutes) == 0;
	if (strcmp(name, "threads") == 0)
		return parse_int(value, 1, 64, &cfg->threads);
	if (strcmp(name, "session_hours") == 0)
		return parse_int(value, 1, 24 * 30, &cfg->session_hours);
	if (strcmp(name, "credit_threshold") == 0)
		return parse_int(value, 0, 1000, &cfg->credit_threshold);
	if (strcmp(name, "login_max_failures") == 0)
		return parse_int(value, 1, 1000, &cfg->login_max_failures);
	if (strcmp(name, "login_window_seconds") == 0)
		return parse_int(value, 1, 86400, &cfg->login_window_seconds);
	if (strcmp(name, "login_address_max_failures") == 0)
		return parse_int(value, 1, 10000,
				 &cfg->login_address_max_failures);
	if (strcmp(name, "login_delay_max_seconds") == 0)
		return parse_int(value, 1, 86400,
				 &cfg->login_delay_max_seconds);
	if (strcmp(name, "login_hash_concurrency") == 0)
		return parse_int(value, 1, 64, &cfg->login_hash_concurrency);
	if (strcmp(name, "verify_max_misses") == 0)
		return parse_int(value, 1, 100000, &cfg->verify_max_misses);
	if (strcmp(name, "http_header_seconds") == 0)
		return parse_int(value, 1, 3600, &cfg->http_header_seconds);
	if (strcmp(name, "http_body_seconds") == 0)
		return parse_int(value, 1, 3600, &cfg->http_body_seconds);
	if (strcmp(name, "http_connection_limit") == 0)
		return parse_int(value, 8, 100000, &cfg->http_connection_limit);
	if (strcmp(name, "http_connections_per_address") == 0)
		return parse_int(value, 1, 100000,
				 &cfg->http_connections_per_address);
	if (strcmp(name, "pwhash_cost") == 0)
		return set_pwhash_cost(cfg, value);
	if (strcmp(name, "working_hours") == 0)
		return workhours_parse(value, &cfg->working_hours, &err) == 0;
	if (strcmp(name, "rectification_days") == 0)
		return parse_int(value, 1, 60, &cfg->rectification_days);
	if (strcmp(name, "rectification_max_days") == 0)
		return parse_int(value, 1, 120, &cfg->rectification_max_days);
	if (strcmp(name, "review_warn_hours") == 0)
		return parse_int(value, 1, 1000, &cfg->review_warn_hours);
	if (strcmp(name, "tls_cert") == 0)
		return set_path(cfg->tls_cert, sizeof(cfg->tls_cert), value);
	if (strcmp(name, "tls_key") == 0)
		return set_path(cfg->tls_key, sizeof(cfg->tls_key), value);
	if (strcmp(name, "audit_checkpoint_file") == 0)
		return set_path(cfg->audit_checkpoint_file,
				sizeof(cfg->audit_checkpoint_file), value);
	if (strcmp(name, "audit_checkpoint_entries") == 0)
		return parse_int(value, 1, 100000,
				 &cfg->audit_checkpoint_entries);
	if (strcmp(name, "public_url") == 0)
		return config_parse_public_url(cfg, value) == 0;
	if (strcmp(name, "audit_checkpoint_seconds") == 0)
		return parse_int(value, 1, 86400,
				 &cfg->audit_checkpoint_seconds);
	return false;
}

struct ini_state {
	struct server_config *cfg;
	int bad_line;
	char bad_key[64];
};

static int config_ini_handler(void *user, const char *section, const char *name,
			      const char *value)
{
	struct ini_state *st = user;

	if ((section[0] && strcmp(section, "wincased") != 0) ||
	    !config_set_key(st->cfg, name, value)) {
		if (!st->bad_key[0])
			snprintf(st->bad_key, sizeof(st->bad_key), "%s", name);
		return 0;
	}
	return 1;
}

int config_load_file(struct server_config *cfg, const char *path,
		     struct wc_error *err)
{
	struct ini_state st = {.cfg = cfg};
	int rc = ini_parse(path, config_ini_handler, &st);

	if (rc == -1)
		return wc_error_set(err, "invalid_field", "config",
				    "cannot open %s", path);
	if (rc != 0)
		return wc_error_set(err, "invalid_field", "config",
				    "%s:%d: bad or unknown setting '%s'", path,
				    rc, st.bad_key);
	return 0;
}
