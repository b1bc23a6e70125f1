/* export_cmd.c - the export commands a restricted (SSH ForceCommand)
 * account honours from SSH_ORIGINAL_COMMAND (export.h): a short
 * whitelist, parsed without a shell. The command is split at blanks; a
 * word may hold only letters, digits and "-_.:@" (no quotes, no paths, no
 * redirection), every option is known, every value checked, or nothing
 * runs. The reviewer signs in with their own account; the CSV goes to
 * standard output, which ssh brings to the reviewer's computer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "wincase/date.h"
#include "wincase/net_review.h"

#include "review/export.h"

#define MAX_WORDS   16
#define MAX_COMMAND 400
#define WORD_CHARS                                                             \
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"                 \
	"0123456789-_.:@"

enum export_what { EX_STATS, EX_QUEUE, EX_AUDIT, EX_HELP, EX_WHATS };

static const char *const what_words[EX_WHATS + 1] = {"stats", "queue", "audit",
						     "help", NULL};

/* A command as parsed: which export and its values (into the words). */
struct export_args {
	enum export_what what;
	const char *from, *to, *by;
	enum net_review_view view;
	int kind; /* -1: every kind */
	const char *target;
	const char *user;
};

static const char *const group_words[] = {"window", "clerk", "item", NULL};
static const char *const view_words[NET_REVIEW_VIEWS + 1] = {
    "pending", "mine", "unowned", "done", "decided", NULL};

/* Index of word in the NULL-terminated words, or -1. */
static int word_index(const char *const *words, const char *word)
{
	for (int i = 0; words[i]; i++)
		if (strcmp(words[i], word) == 0)
			return i;
	return -1;
}

/* Splits copy (modified) into words; -1 for a character outside
 * WORD_CHARS or too many words. */
static int words_split(char *copy, char **words, int *n)
{
	char *save = NULL;

	*n = 0;
	for (char *w = strtok_r(copy, " \t", &save); w;
	     w = strtok_r(NULL, " \t", &save)) {
		if (*n == MAX_WORDS || strspn(w, WORD_CHARS) != strlen(w))
			return -1;
		words[(*n)++] = w;
	}
	return *n >= 2 ? 0 : -1;
}

/* An audit target: SL-/SW- numbers, case:ID, inquiry:ID, user:NAME. */
static bool target_valid(const char *t)
{
	static const char *const prefixes[] = {"SL-", "SW-",
					       "case:", "inquiry:", "user:"};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++) {
		size_t n = strlen(prefixes[i]);

		if (strncmp(t, prefixes[i], n) == 0 && t[n] && strlen(t) < 80)
			return true;
	}
	return false;
}

static bool date_valid(const char *s)
{
	wc_day d;

	return s && date_parse(s, &d);
}

/* One option and its value; false for an unknown one or a bad value. */
static bool option_take(struct export_args *a, const char *name,
			const char *value)
{
	if (!value)
		return false;
	if (strcmp(name, "--user") == 0)
		a->user = value;
	else if (a->what == EX_STATS && strcmp(name, "--from") == 0)
		a->from = value;
	else if (a->what == EX_STATS && strcmp(name, "--to") == 0)
		a->to = value;
	else if (a->what == EX_STATS && strcmp(name, "--by") == 0)
		a->by = value;
	else if (a->what == EX_QUEUE && strcmp(name, "--view") == 0) {
		int v = word_index(view_words, value);

		if (v < 0)
			return false;
		a->view = (enum net_review_view)v;
	} else if (a->what == EX_QUEUE && strcmp(name, "--kind") == 0) {
		a->kind = net_review_kind_index(value);
		return a->kind >= 0;
	} else
		return false;
	return true;
}

/* The words after "export": the export, then options (and the audit's
 * target). False when anything is not as export.h lists it. */
static bool args_parse_words(char **w, int n, struct export_args *a)
{
	int what = word_index(what_words, w[1]);

	memset(a, 0, sizeof(*a));
	a->kind = -1;
	a->by = "window";
	if (strcmp(w[0], "export") != 0 || what < 0)
		return false;
	a->what = (enum export_what)what;
	for (int i = 2; i < n; i++) {
		if (w[i][0] != '-' && a->what == EX_AUDIT && !a->target) {
			a->target = w[i];
			continue;
		}
		if (!option_take(a, w[i], i + 1 < n ? w[i + 1] : NULL))
			return false;
		i++;
	}
	switch (a->what) {
	case EX_STATS:
		return date_valid(a->from) && date_valid(a->to) &&
		       word_index(group_words, a->by) >= 0;
	case EX_AUDIT:
		return a->target && target_valid(a->target);
	default:
		return true;
	}
}

static void usage(FILE *err)
{
	fprintf(err, "%s\n", msg(MSG_EX_USAGE));
}

/* One line of in without its line end into out; false at the end. With
 * a terminal, prompt on err and (for a password) turn echo off. */
static bool line_read(FILE *in, FILE *err, const char *prompt, bool secret,
		      char *out, size_t size)
{
	struct termios was, quiet;
	bool tty = isatty(fileno(in)), hidden = false;
	bool ok;

	if (tty) {
		fputs(prompt, err);
		fflush(err);
		if (secret && tcgetattr(fileno(in), &was) == 0) {
			quiet = was;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			hidden = tcsetattr(fileno(in), TCSAFLUSH, &quiet) == 0;
		}
	}
	ok = fgets(out, (int)size, in) != NULL;
	if (hidden) {
		tcsetattr(fileno(in), TCSAFLUSH, &was);
		fputc('\n', err);
	}
	if (ok)
		out[strcspn(out, "\r\n")] = '\0';
	return ok && out[0];
}

/* Signs in as the reviewer; false after a message on err. */
static bool export_login(struct net_client *net, const struct export_args *a,
			 FILE *in, FILE *err)
{
	char user[128], password[1100], text[320];
	struct net_user me = {0};
	struct wc_error e = {0};
	bool ok;

	if (a->user)
		snprintf(user, sizeof(user), "%s", a->user);
	else if (!line_read(in, err, msg(MSG_EX_PROMPT_USER), false, user,
			    sizeof(user))) {
		fprintf(err, "%s\n", msg(MSG_EX_NO_LOGIN));
		return false;
	}
	if (!line_read(in, err, msg(MSG_EX_PROMPT_PASSWORD), true, password,
		       sizeof(password))) {
		fprintf(err, "%s\n", msg(MSG_EX_NO_LOGIN));
		return false;
	}
	ok = net_login(net, user, password, NULL, &me, &e) == 0;
	sodium_memzero(password, sizeof(password));
	if (!ok) {
		msg_for_error(&e, text, sizeof(text));
		fprintf(err, "wincase: %s\n", text);
		return false;
	}
	ok = me.role == NET_ROLE_REVIEWER || me.role == NET_ROLE_ADMIN;
	if (!ok)
		fprintf(err, "%s\n", msg(MSG_RV_NOT_REVIEWER));
	net_user_release(&me);
	return ok;
}

/* Fetches what a asks for and writes it to out; -1 with e set, -2 on a
 * write error. */
static int export_fetch_write(struct net_client *net,
			      const struct export_args *a, FILE *out,
			      struct wc_error *e)
{
	int rc = -1;

	if (a->what == EX_STATS) {
		struct net_stats st = {0};

		if (net_stats_get(net, a->from, a->to, a->by, &st, e) == 0)
			rc = export_stats_csv(out, &st) ? -2 : 0;
		net_stats_release(&st);
	} else if (a->what == EX_QUEUE) {
		struct net_review_list l = {0};
		size_t kept = 0;

		if (net_review_queue_view(net, a->view, &l, e) == 0) {
			for (size_t i = 0; i < l.n; i++) {
				if (a->kind >= 0 &&
				    (int)l.items[i].kind != a->kind) {
					net_review_item_release(&l.items[i]);
					continue;
				}
				l.items[kept++] = l.items[i];
			}
			l.n = kept;
			rc = export_queue_csv(out, &l) ? -2 : 0;
		}
		net_review_list_release(&l);
	} else {
		struct net_audit_list l = {0};

		if (net_audit_list(net, a->target, &l, e) == 0)
			rc = export_audit_csv(out, &l) ? -2 : 0;
		net_audit_list_release(&l);
	}
	return rc;
}

static enum export_status export_run(const struct config *cfg,
				     const struct export_args *a, FILE *in,
				     FILE *out, FILE *err)
{
	struct net_options opt;
	struct wc_error e = {0};
	struct net_client *net;
	enum export_status status = EXPORT_FAILED;
	char text[320];
	int rc;

	config_net_options(cfg, &opt);
	net = net_client_new(&opt, &e);
	if (!net) {
		msg_for_error(&e, text, sizeof(text));
		fprintf(err, "wincase: %s\n", text);
		return EXPORT_FAILED;
	}
	if (export_login(net, a, in, err)) {
		rc = export_fetch_write(net, a, out, &e);
		if (rc == 0 && fflush(out) == 0 && !ferror(out)) {
			status = EXPORT_OK;
		} else if (rc == -1) {
			msg_for_error(&e, text, sizeof(text));
			fprintf(err, "wincase: %s\n", text);
		} else {
			fprintf(err, "%s\n", msg(MSG_EX_WRITE_FAILED));
		}
		net_logout(net, &e);
	}
	net_client_free(&net);
	return status;
}

enum export_status export_command(const struct config *cfg, const char *command,
				  FILE *in, FILE *out, FILE *err)
{
	char copy[MAX_COMMAND + 1], *words[MAX_WORDS];
	struct export_args a;
	int n;

	if (strlen(command) > MAX_COMMAND) {
		fprintf(err, "%s\n", msg(MSG_EX_REFUSED));
		usage(err);
		return EXPORT_REFUSED;
	}
	snprintf(copy, sizeof(copy), "%s", command);
	if (words_split(copy, words, &n) || !args_parse_words(words, n, &a)) {
		fprintf(err, "%s\n", msg(MSG_EX_REFUSED));
		usage(err);
		return EXPORT_REFUSED;
	}
	if (a.what == EX_HELP) {
		usage(out);
		return EXPORT_OK;
	}
	return export_run(cfg, &a, in, out, err);
}
