/* config.c - wincase.conf: [server] url, timeout, connect_timeout;
 * [client] window, data_dir, print_command, colour; where the file and the
 * data folder are (XDG base directories). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ini.h>

#include "common/config.h"
#include "wincase/net.h"

static int replace(char **slot, const char *value)
{
	char *copy = strdup(value);

	if (!copy)
		return -1;
	free(*slot);
	*slot = copy;
	return 0;
}

int config_init(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->timeout_ms = 10000;
	cfg->connect_timeout_ms = 3000;
	cfg->low_speed_limit = 10;
	cfg->low_speed_time_ms = 5000;
	cfg->colour = COLOUR_AUTO;
	cfg->idle_logout_seconds = -1;
	cfg->queue_check_seconds = 30;
	if (replace(&cfg->server_url, "http://127.0.0.1:8730") ||
	    replace(&cfg->print_command, "lp"))
		return -1;
	return 0;
}

void config_release(struct config *cfg)
{
	free(cfg->server_url);
	free(cfg->window);
	free(cfg->data_dir);
	free(cfg->print_command);
	free(cfg->training_results_dir);
	free(cfg->ca_file);
	free(cfg->pinned_public_key);
	memset(cfg, 0, sizeof(*cfg));
}

static bool seconds_parse(const char *value, long *ms)
{
	char *end;
	double s;

	errno = 0;
	s = strtod(value, &end);
	if (errno || end == value || *end || s <= 0 || s > 600)
		return false;
	*ms = (long)(s * 1000);
	return true;
}

/* Bytes a second, 0 (off) to 1 MB. */
static bool bytes_parse(const char *value, long *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (errno || end == value || *end || n < 0 || n > 1000000)
		return false;
	*out = n;
	return true;
}

static bool colour_parse(const char *value, enum colour_mode *out)
{
	static const char *const names[] = {"auto", "always", "never"};

	for (int i = 0; i < 3; i++)
		if (strcmp(value, names[i]) == 0) {
			*out = (enum colour_mode)i;
			return true;
		}
	return false;
}

static bool yes_no_parse(const char *value, bool *out)
{
	if (strcmp(value, "yes") == 0 || strcmp(value, "true") == 0)
		*out = true;
	else if (strcmp(value, "no") == 0 || strcmp(value, "false") == 0)
		*out = false;
	else
		return false;
	return true;
}

/* [client] restricted, restricted_print, idle_logout_seconds (safe.h),
 * queue_check_seconds. */
static bool safety_parse(struct config *c, const char *name, const char *value)
{
	char *end;
	long n;

	if (strcmp(name, "restricted") == 0)
		return yes_no_parse(value, &c->restricted);
	if (strcmp(name, "restricted_print") == 0)
		return yes_no_parse(value, &c->restricted_print);
	if (strcmp(name, "idle_logout_seconds") != 0 &&
	    strcmp(name, "queue_check_seconds") != 0)
		return false;
	errno = 0;
	n = strtol(value, &end, 10);
	if (errno || end == value || *end || n < 0 || n > 86400)
		return false;
	if (strcmp(name, "queue_check_seconds") == 0)
		c->queue_check_seconds = n;
	else
		c->idle_logout_seconds = n;
	return true;
}

struct load {
	struct config *cfg;
	char bad[128];
};

/* inih handler: 1 to go on, 0 for an error (inih reports the line). */
static int on_value(void *user, const char *section, const char *name,
		    const char *value)
{
	struct load *l = user;
	struct config *c = l->cfg;
	bool ok = true;

	if (strcmp(section, "server") == 0 && strcmp(name, "url") == 0)
		ok = replace(&c->server_url, value) == 0;
	else if (strcmp(section, "server") == 0 && strcmp(name, "timeout") == 0)
		ok = seconds_parse(value, &c->timeout_ms);
	else if (strcmp(section, "server") == 0 &&
		 strcmp(name, "connect_timeout") == 0)
		ok = seconds_parse(value, &c->connect_timeout_ms);
	else if (strcmp(section, "server") == 0 &&
		 strcmp(name, "low_speed_limit") == 0)
		ok = bytes_parse(value, &c->low_speed_limit);
	else if (strcmp(section, "server") == 0 &&
		 strcmp(name, "low_speed_time") == 0)
		ok = seconds_parse(value, &c->low_speed_time_ms);
	else if (strcmp(section, "server") == 0 && strcmp(name, "ca_file") == 0)
		ok = replace(&c->ca_file, value) == 0;
	else if (strcmp(section, "server") == 0 &&
		 strcmp(name, "pinned_public_key") == 0)
		ok = replace(&c->pinned_public_key, value) == 0;
	else if (strcmp(section, "server") == 0 &&
		 strcmp(name, "allow_plain_http") == 0)
		ok = yes_no_parse(value, &c->allow_plain_http);
	else if (strcmp(section, "client") == 0 && strcmp(name, "window") == 0)
		ok = replace(&c->window, value) == 0;
	else if (strcmp(section, "client") == 0 &&
		 strcmp(name, "data_dir") == 0)
		ok = replace(&c->data_dir, value) == 0;
	else if (strcmp(section, "client") == 0 &&
		 strcmp(name, "print_command") == 0)
		ok = replace(&c->print_command, value) == 0;
	else if (strcmp(section, "client") == 0 && strcmp(name, "colour") == 0)
		ok = colour_parse(value, &c->colour);
	else if (strcmp(section, "client") == 0)
		ok = safety_parse(c, name, value);
	else if (strcmp(section, "training") == 0 &&
		 strcmp(name, "results_dir") == 0)
		ok = replace(&c->training_results_dir, value) == 0;
	else
		ok = false;
	if (!ok && !l->bad[0])
		snprintf(l->bad, sizeof(l->bad), "[%s] %s", section, name);
	return ok ? 1 : 0;
}

int config_load(struct config *cfg, const char *path, struct wc_error *err)
{
	struct load l = {.cfg = cfg};
	int rc = ini_parse(path, on_value, &l);

	if (rc == -1)
		return wc_error_set(err, "config", NULL, "%s: cannot read: %s",
				    path, strerror(errno));
	if (rc == -2)
		return wc_error_set(err, "config", NULL, "out of memory");
	if (rc > 0)
		return wc_error_set(err, "config", NULL,
				    "%s:%d: unknown setting or bad value %s",
				    path, rc, l.bad[0] ? l.bad : "(syntax)");
	return 0;
}

static bool readable(const char *path)
{
	return access(path, R_OK) == 0;
}

/* XDG base directories count only when absolute (the spec says to ignore
 * a relative one). */
static const char *xdg_env(const char *name)
{
	const char *v = getenv(name);

	return v && v[0] == '/' ? v : NULL;
}

#ifndef WINCASE_SYSCONF_DIR
#define WINCASE_SYSCONF_DIR "/etc/wincase"
#endif

/* Each folder of a ':' list (XDG_CONFIG_DIRS) + "/wincase/wincase.conf". */
static bool config_find_in_dirs(const char *dirs, char *out, size_t size)
{
	while (dirs && *dirs) {
		size_t len = strcspn(dirs, ":");
		int n = snprintf(out, size, "%.*s/wincase/wincase.conf",
				 (int)len, dirs);

		if (dirs[0] == '/' && n > 0 && (size_t)n < size &&
		    readable(out))
			return true;
		dirs += len + (dirs[len] == ':');
	}
	return false;
}

bool config_find(char *out, size_t size)
{
	const char *xdg = xdg_env("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	const char *dirs = getenv("XDG_CONFIG_DIRS");
	int n = -1;

	if (xdg)
		n = snprintf(out, size, "%s/wincase/wincase.conf", xdg);
	else if (home && *home)
		n = snprintf(out, size, "%s/.config/wincase/wincase.conf",
			     home);
	if (n > 0 && (size_t)n < size && readable(out))
		return true;
	if (config_find_in_dirs(dirs && *dirs ? dirs : "/etc/xdg", out, size))
		return true;
	n = snprintf(out, size, "%s", WINCASE_SYSCONF_DIR "/wincase.conf");
	return n > 0 && (size_t)n < size && readable(out);
}

int config_data_dir_default(struct config *cfg)
{
	const char *xdg = xdg_env("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char path[4096];
	int n;

	if (cfg->data_dir && cfg->data_dir[0])
		return 0;
	if (xdg)
		n = snprintf(path, sizeof(path), "%s/wincase", xdg);
	else
		n = snprintf(path, sizeof(path), "%s/.local/share/wincase",
			     home ? home : "");
	if (n < 0 || (size_t)n >= sizeof(path))
		return -1;
	return replace(&cfg->data_dir, path);
}

int config_setup(struct config *cfg, const char *file, const char *server,
		 bool restricted)
{
	struct wc_error err = {0};
	char path[4096];

	if (config_init(cfg))
		return -1;
	/* Restricted: never a file the (SSH) user could have written. */
	if (!file && restricted) {
		if (access("/etc/wincase/wincase.conf", R_OK) == 0)
			file = "/etc/wincase/wincase.conf";
	} else if (!file && config_find(path, sizeof(path))) {
		file = path;
	}
	if (file && config_load(cfg, file, &err)) {
		fprintf(stderr,
			"wincase: 配置文件有误 / bad configuration: %s\n",
			err.message);
		return -1;
	}
	if (config_data_dir_default(cfg))
		return -1;
	if (server) {
		free(cfg->server_url);
		cfg->server_url = strdup(server);
		if (!cfg->server_url)
			return -1;
	}
	return 0;
}

void config_net_options(const struct config *cfg, struct net_options *opt)
{
	*opt = (struct net_options){
	    .base_url = cfg->server_url,
	    .connect_timeout_ms = cfg->connect_timeout_ms,
	    .timeout_ms = cfg->timeout_ms,
	    .ca_file = cfg->ca_file,
	    .pinned_public_key = cfg->pinned_public_key,
	    .allow_plain_http = cfg->allow_plain_http,
	    .low_speed_limit = cfg->low_speed_limit,
	    .low_speed_time_ms = cfg->low_speed_time_ms,
	};
}
