/* main.c - wincase [OPTION]...: the window clerk's client. Reads the
 * options (common/args.c), checks the locale, reads wincase.conf, runs the
 * screens. */
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "common/args.h"
#include "common/journal_cli.h"
#include "common/safe.h"
#include "review/export.h"
#include "training/training_ui.h"

#include "wincase/version.h"

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
	struct client_args a;
	struct config cfg;
	const char *command;
	int rc;

	/* wincase journal list|replay|export (support staff) */
	if (argc > 1 && strcmp(argv[1], "journal") == 0) {
		if (!locale_is_utf8())
			setlocale(LC_ALL, "C.UTF-8");
		return journal_cli_main(argc - 1, argv + 1);
	}
	if (args_parse(argc, argv, &a, stderr) < 0) {
		fputs("Try 'wincase --help'.\n", stderr);
		return CLIENT_EXIT_USAGE;
	}
	if (a.help) {
		args_usage(stdout);
		return CLIENT_EXIT_OK;
	}
	if (a.version) {
		printf("wincase %s\n", WINCASE_VERSION);
		return CLIENT_EXIT_OK;
	}
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
		return CLIENT_EXIT_LOCALE;
	}
	if (config_setup(&cfg, a.config, a.server, a.restricted)) {
		config_release(&cfg);
		return CLIENT_EXIT_USAGE;
	}
	safe_setup(&cfg, a.restricted);
	/* Issue 14.5: `ssh reviewer@host export ...` runs one export command
	 * of the whitelist (scp, sftp and any other command are refused). */
	command = a.restricted ? getenv("SSH_ORIGINAL_COMMAND") : NULL;
	if (command && command[0]) {
		rc = (int)export_command(&cfg, command, stdin, stdout, stderr);
		config_release(&cfg);
		return rc;
	}
	safe_signals_install(on_signal);
	msg_set_ascii(safe_console_lacks_cjk());
	if (a.training && training_start(&cfg)) {
		config_release(&cfg);
		return CLIENT_EXIT_USAGE;
	}
	rc = app_run(&cfg);
	/* The private server ends with the client, whatever ended
	 * the loop (F10, SIGHUP, SIGTERM); a crash or kill -9 is covered by
	 * the server's parent-death signal. */
	training_ui_stop();
	config_release(&cfg);
	return rc;
}
