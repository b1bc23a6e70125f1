/* journal_cli.c - wincase journal list|replay|export (journal_cli.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "wincase/localstore.h"
#include "wincase/net.h"
#include "wincase/net_offline.h"

#include "common/config.h"
#include "common/journal_cli.h"
#include "common/messages.h"

static void usage(FILE *out)
{
	fputs("usage: wincase journal list|replay|export --user NAME "
	      "[--server URL] [--config FILE]\n"
	      "  list    the changes not yet applied by the server, and those "
	      "it refused\n"
	      "  replay  log in to the server and send what waits, in order\n"
	      "  export  every change as one JSON object a line (to stdout)\n"
	      "The clerk's password is read from standard input.\n",
	      out);
}

static int password_read(char *out, size_t size)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	size_t n;

	if (tty) {
		fputs("密码 / password: ", stderr);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	if (!fgets(out, (int)size, stdin))
		out[0] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputc('\n', stderr);
	}
	n = strcspn(out, "\r\n");
	out[n] = '\0';
	return n > 0 ? 0 : -1;
}

static void state_words(const struct net_offline_item *it, char *out,
			size_t size)
{
	struct wc_error e = {0};
	char why[320];

	if (it->state == OFFLINE_PENDING) {
		snprintf(out, size, "%s", msg(MSG_JR_PENDING));
		return;
	}
	if (it->state != OFFLINE_STOPPED) {
		snprintf(out, size, "-");
		return;
	}
	snprintf(e.code, sizeof(e.code), "%s", it->code);
	msg_for_error(&e, why, sizeof(why));
	snprintf(out, size, "%s：%s",
		 msg(it->blocked ? MSG_JR_BLOCKED : MSG_JR_STOPPED), why);
}

static int list(struct net_client *net)
{
	struct net_offline_item *items = NULL;
	size_t n = net_offline_items(net, &items), shown = 0;
	char state[400];

	for (size_t i = 0; i < n; i++) {
		if (items[i].state != OFFLINE_PENDING &&
		    items[i].state != OFFLINE_STOPPED)
			continue;
		state_words(&items[i], state, sizeof(state));
		printf("%zu\t%.5s %.5s\t%s\t%s\t%s\n", ++shown,
		       items[i].client_time + 5, items[i].client_time + 11,
		       msg((enum msg_id)(MSG_JR_KIND_FIRST + items[i].kind)),
		       state, items[i].key);
	}
	if (!shown)
		printf("%s\n", msg(MSG_JR_EMPTY));
	free(items);
	return 0;
}

static int replay(struct net_client *net, const char *user,
		  const char *password)
{
	struct net_user u = {0};
	struct wc_error err = {0};
	char text[320];
	size_t sent = 0;
	int rc;

	if (net_login(net, user, password, NULL, &u, &err)) {
		msg_for_error(&err, text, sizeof(text));
		fprintf(stderr, "wincase: %s\n", text);
		return 1;
	}
	net_user_release(&u);
	rc = net_offline_replay(net, &sent, &err);
	printf(msg(MSG_OFF_SYNCED), sent);
	printf("\n");
	if (net_offline_stopped(net)) {
		printf(msg(MSG_OFF_STOPPED), net_offline_stopped(net));
		printf("\n");
	}
	if (rc) {
		msg_for_error(&err, text, sizeof(text));
		fprintf(stderr, "wincase: %s\n", text);
	}
	net_logout(net, &err);
	return rc ? 1 : 0;
}

struct cli {
	const char *verb, *user, *server, *config;
};

static int cli_parse(int argc, char **argv, struct cli *c)
{
	static const struct option opts[] = {
	    {"user", required_argument, NULL, 'u'},
	    {"server", required_argument, NULL, 's'},
	    {"config", required_argument, NULL, 'c'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	int o;

	memset(c, 0, sizeof(*c));
	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":u:s:c:h", opts, NULL)) != -1) {
		if (o == 'u')
			c->user = optarg;
		else if (o == 's')
			c->server = optarg;
		else if (o == 'c')
			c->config = optarg;
		else
			return -1;
	}
	if (optind != argc - 1 || !c->user)
		return -1;
	c->verb = argv[optind];
	if (strcmp(c->verb, "list") && strcmp(c->verb, "replay") &&
	    strcmp(c->verb, "export"))
		return -1;
	return 0;
}

static int open_all(const struct cli *c, struct config *cfg,
		    const char *password, struct net_client **net,
		    struct localstore **store)
{
	struct net_options opt = {.connect_timeout_ms = cfg->connect_timeout_ms,
				  .timeout_ms = cfg->timeout_ms,
				  .ca_file = cfg->ca_file,
				  .pinned_public_key = cfg->pinned_public_key,
				  .allow_plain_http = cfg->allow_plain_http,
				  .low_speed_limit = cfg->low_speed_limit,
				  .low_speed_time_ms = cfg->low_speed_time_ms};
	struct journal_open_report rep;
	struct wc_error err = {0};
	char dir[4096], text[320];

	opt.base_url = cfg->server_url;
	*net = net_client_new(&opt, &err);
	if (!*net)
		goto fail;
	/* the data folder as the client expands it */
	snprintf(dir, sizeof(dir), "%s", cfg->data_dir);
	if (dir[0] == '~' && getenv("HOME"))
		snprintf(dir, sizeof(dir), "%s%s", getenv("HOME"),
			 cfg->data_dir + 1);
	if (localstore_open(dir, cfg->server_url, c->user, password,
			    LOCALSTORE_EXISTING, store, NULL, &err))
		goto fail;
	if (net_offline_attach(*net, *store, "", msg(MSG_OFF_PENDING_NO), &rep,
			       &err))
		goto fail;
	if (rep.refused)
		fprintf(stderr, "wincase: %s (%s)\n", msg(MSG_OFF_REFUSED),
			rep.set_aside);
	else if (rep.torn_tail)
		fprintf(stderr, "wincase: %s\n", msg(MSG_OFF_TORN));
	return 0;
fail:
	if (net_error_of(&err) == NET_ERR_BAD_CREDENTIALS ||
	    strcmp(err.code, "no_local_login") == 0)
		snprintf(text, sizeof(text), "%s",
			 strcmp(err.code, "no_local_login") == 0
			     ? msg(MSG_OFF_NO_LOCAL)
			     : "密码不是本机最后一次联网登录时的密码");
	else
		msg_for_error(&err, text, sizeof(text));
	fprintf(stderr, "wincase: %s\n", text);
	return -1;
}

int journal_cli_main(int argc, char **argv)
{
	struct net_client *net = NULL;
	struct localstore *store = NULL;
	struct config cfg;
	struct cli c;
	char password[256];
	int rc = 1;

	if (cli_parse(argc, argv, &c)) {
		usage(stderr);
		return 2;
	}
	if (config_setup(&cfg, c.config, c.server, false)) {
		config_release(&cfg);
		return 2;
	}
	if (password_read(password, sizeof(password))) {
		fprintf(stderr, "wincase: no password on standard input\n");
		config_release(&cfg);
		return 2;
	}
	if (open_all(&c, &cfg, password, &net, &store) == 0) {
		if (strcmp(c.verb, "list") == 0)
			rc = list(net);
		else if (strcmp(c.verb, "export") == 0)
			rc = net_offline_export(net, stdout) ? 1 : 0;
		else
			rc = replay(net, c.user, password);
	}
	sodium_memzero(password, sizeof(password));
	net_client_free(&net);
	localstore_close(&store);
	config_release(&cfg);
	return rc;
}
