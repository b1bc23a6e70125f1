/* main.c - wincase [--server URL] [--config FILE]: the window clerk's
 * client. Checks the locale, reads wincase.conf, runs the screens. */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "common/safe.h"
#include "training/training_ui.h"

#include "wincase/version.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: wincase [--server URL] [--config FILE]\n"
		"  --server URL   the case store, e.g. https://10.0.0.5:8730\n"
		"  --config FILE  settings (default: "
		"$XDG_CONFIG_HOME/wincase/wincase.conf,\n"
		"                 ~/.config/wincase/wincase.conf, "
		"/etc/wincase/wincase.conf)\n"
		"  --restricted   for an SSH ForceCommand account: no print\n"
		"                 command, no settings from the home folder\n"
		"  --training     training mode: a private server on this\n"
		"                 computer with practice scenarios; the\n"
		"                 configured server is never contacted\n"
		"  --version      print the version\n");
}

/* The screens measure Chinese text with wcwidth: only UTF-8 works. */
static bool locale_is_utf8(void)
{
	const char *codeset;

	if (!setlocale(LC_ALL, ""))
		return false;
	codeset = nl_langinfo(CODESET);
	return codeset &&
	       (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

static void on_signal(int sig)
{
	app_signalled = sig;
}

struct args {
	const char *server;
	const char *config;
	bool restricted;
	bool training;
};

/* 0 to run, 1 when done (help, version), 2 on a usage error. */
static int args_parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
	    {"server", required_argument, NULL, 's'},
	    {"config", required_argument, NULL, 'c'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {"restricted", no_argument, NULL, 'r'},
	    {"training", no_argument, NULL, 't'},
	    {NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "s:c:hV", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			a->server = optarg;
			break;
		case 'c':
			a->config = optarg;
			break;
		case 'h':
			usage(stdout);
			return 1;
		case 'r':
			a->restricted = true;
			break;
		case 't':
			a->training = true;
			break;
		case 'V':
			printf("wincase %s\n", WINCASE_VERSION);
			return 1;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return 2;
	}
	return 0;
}

static int config_setup(struct config *cfg, const struct args *a)
{
	struct wc_error err = {0};
	char path[4096];
	const char *file = a->config;

	if (config_init(cfg))
		return -1;
	/* Restricted: never a file the (SSH) user could have written. */
	if (!file && a->restricted) {
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
	if (a->server) {
		free(cfg->server_url);
		cfg->server_url = strdup(a->server);
		if (!cfg->server_url)
			return -1;
	}
	return 0;
}

/* wincase --training, from the main thread (the private
 * server's parent-death signal follows the thread that forked it). */
static int training_start(struct config *cfg)
{
	struct wc_error err = {0};

	if (training_ui_start(cfg, &err) == 0)
		return 0;
	fprintf(stderr,
		"wincase: 培训服务器启动失败 / the training server did not "
		"start: %s\n",
		err.message);
	return -1;
}

int main(int argc, char **argv)
{
	struct args a = {0};
	struct config cfg;
	int rc;

	rc = args_parse(argc, argv, &a);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (!locale_is_utf8()) {
		fprintf(
		    stderr,
		    "wincase: 当前语言环境不是 UTF-8，无法正确显示中文。\n"
		    "         请先执行 export LC_ALL=C.UTF-8（或 "
		    "zh_CN.UTF-8）再启动。\n"
		    "wincase: the locale is not UTF-8; Chinese text cannot "
		    "be shown.\n"
		    "         Run `export LC_ALL=C.UTF-8` (or zh_CN.UTF-8) and "
		    "start again.\n");
		return 3;
	}
	if (config_setup(&cfg, &a)) {
		config_release(&cfg);
		return 2;
	}
	safe_setup(&cfg, a.restricted);
	safe_signals_install(on_signal);
	msg_set_ascii(safe_console_lacks_cjk());
	if (a.training && training_start(&cfg)) {
		config_release(&cfg);
		return 2;
	}
	rc = app_run(&cfg);
	/* The private server ends with the client, whatever ended
	 * the loop (F10, SIGHUP, SIGTERM); a crash or kill -9 is covered by
	 * the server's parent-death signal. */
	training_ui_stop();
	config_release(&cfg);
	return rc;
}
