/* config.h - wincase.conf (INI, read with inih). */
#ifndef WINCASE_TUI_CONFIG_H
#define WINCASE_TUI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/error.h"

enum colour_mode { COLOUR_AUTO, COLOUR_ALWAYS, COLOUR_NEVER };

struct config {
	char *server_url;
	long timeout_ms;
	long connect_timeout_ms;
	/* A stalled link: under low_speed_limit bytes a second for
	 * low_speed_time_ms ends a request (0: off). */
	long low_speed_limit;
	long low_speed_time_ms;
	/* CA file and pinned public key for https://
	 * (NULL: the system's CAs, no pin); plain http:// to a host that is
	 * not loopback only with allow_plain_http. */
	char *ca_file;
	char *pinned_public_key;
	bool allow_plain_http;
	char *window;
	char *data_dir;
	char *print_command;
	enum colour_mode colour;
	/* Safe as a ForceCommand (safe.h): restricted mode, the
	 * print command allowed in it, idle logout (-1 unset, 0 off). */
	bool restricted;
	bool restricted_print;
	long idle_logout_seconds;
	/* Issue 13.5: the work queue looks for new handoffs to this window
	 * every so many seconds (0: never). */
	long queue_check_seconds;
	/* [training] results_dir: the folder every counter PC's training
	 * results go to, for the trainer (NULL: this PC's only). */
	char *training_results_dir;
};

/* Defaults: server http://127.0.0.1:8730, 10 s, 3 s, lp, auto. -1 when out
 * of memory. */
int config_init(struct config *cfg);
void config_release(struct config *cfg);

/* Reads path into cfg. -1 with err ("config", line in the message) when the
 * file cannot be read or has an unknown key or a bad value. */
int config_load(struct config *cfg, const char *path, struct wc_error *err);

/* The first readable file of: $XDG_CONFIG_HOME/wincase/wincase.conf (or
 * ~/.config/wincase/wincase.conf), DIR/wincase/wincase.conf for each DIR
 * of $XDG_CONFIG_DIRS (default /etc/xdg), /etc/wincase/wincase.conf.
 * False when there is none. */
bool config_find(char *out, size_t size);

/* When [client] data_dir is unset: $XDG_DATA_HOME/wincase, else
 * ~/.local/share/wincase (drafts, exports, training results). -1 when out
 * of memory. */
int config_data_dir_default(struct config *cfg);

/* config_init, then file (NULL: config_find's, or in restricted mode only
 * /etc/wincase/wincase.conf), the default data folder, and server (NULL:
 * the file's) over [server] url. -1 after a message on stderr. */
int config_setup(struct config *cfg, const char *file, const char *server,
		 bool restricted);

struct net_options;
/* The connection settings of cfg for net_client_new (strings borrowed):
 * the screens' client and the export commands' are the same. */
void config_net_options(const struct config *cfg, struct net_options *opt);

#endif
