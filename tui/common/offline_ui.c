/* offline_ui.c - the local store at login, the offline login, the probe
 * and the replay from the loop, the status line (offline_ui.h). */
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "wincase/draft.h"
#include "wincase/localstore.h"
#include "wincase/net_offline.h"

#include "app.h"
#include "common/offline_ui.h"
#include "training/training_ui.h"

bool offline_ui_key_waiting(void *user, long elapsed_ms)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};

	(void)user;
	return elapsed_ms >= OFFLINE_UI_KEY_WAIT_MS && poll(&p, 1, 0) == 1 &&
	       (p.revents & POLLIN);
}

static void journal_attach(struct app *app)
{
	struct journal_open_report rep;
	struct wc_error err = {0};

	if (training_ui_active()) /* training never journals (DESIGN.md 3) */
		return;
	if (net_offline_attach(app->net, app->store, app->user.window,
			       msg(MSG_OFF_PENDING_NO), &rep, &err)) {
		app_message_after(app, "%s", msg(MSG_OFF_STORE_FAILED));
		return;
	}
	if (rep.refused)
		app_message_after(app, "%s", msg(MSG_OFF_REFUSED));
	else if (rep.torn_tail)
		app_message_after(app, "%s", msg(MSG_OFF_TORN));
}

static int store_open(struct app *app, const char *username,
		      const char *password, enum localstore_mode mode,
		      struct wc_error *err)
{
	bool moved = false;

	offline_ui_close(app);
	if (!app->data_dir[0])
		return wc_error_set(err, "local_store", NULL, "no data folder");
	if (localstore_open(app->data_dir, net_client_url(app->net), username,
			    password, mode, &app->store, &moved, err))
		return -1;
	/* Drafts of older versions lay in plain text for every clerk. */
	draft_remove_plain(app->data_dir);
	if (moved)
		app_message_after(app, "%s", msg(MSG_OFF_MOVED_ASIDE));
	return 0;
}

void offline_ui_online_login(struct app *app, const char *username,
			     const char *password)
{
	struct wc_error err = {0};

	app->offline_login = false;
	if (store_open(app, username, password, LOCALSTORE_CREATE, &err)) {
		app_message_after(app, "%s", msg(MSG_OFF_STORE_FAILED));
		return;
	}
	net_session_save(app->net, app->store, &err);
	journal_attach(app);
}

int offline_ui_offline_login(struct app *app, const char *username,
			     const char *password)
{
	struct wc_error err = {0};

	if (training_ui_active())
		return -1;
	if (store_open(app, username, password, LOCALSTORE_EXISTING, &err)) {
		if (net_error_of(&err) == NET_ERR_BAD_CREDENTIALS)
			app_message_error(app, &err);
		else
			app_message(app, true, "%s", msg(MSG_OFF_NO_LOCAL));
		return -1;
	}
	if (net_session_restore(app->net, app->store, &app->user,
				app->offline_until, sizeof(app->offline_until),
				&err)) {
		app_message(app, true, "%s",
			    strcmp(err.code, "session_expired") == 0
				? msg(MSG_OFF_EXPIRED)
				: msg(MSG_OFF_NO_LOCAL));
		offline_ui_close(app);
		return -1;
	}
	app->offline_login = true;
	journal_attach(app);
	return 0;
}

void offline_ui_close(struct app *app)
{
	if (app->net)
		net_offline_detach(app->net);
	localstore_close(&app->store);
	app->offline_login = false;
}

static void replay(struct app *app)
{
	struct wc_error err = {0};
	size_t sent = 0, stopped_before = net_offline_stopped(app->net);

	app->syncing = true;
	app_mark(app, APP_WORK_DRAW);
	app_work_now(app); /* 同步中 on the status line while it runs */
	net_offline_replay(app->net, &sent, &err);
	app->syncing = false;
	app_mark(app, APP_WORK_DRAW);
	if (net_offline_stopped(app->net) > stopped_before)
		app_message(app, true, msg(MSG_OFF_STOPPED),
			    net_offline_stopped(app->net));
	else if (sent > 0)
		app_message(app, false, msg(MSG_OFF_SYNCED), sent);
	if (sent > 0) {
		char keep[sizeof(app->message)];

		memcpy(keep, app->message, sizeof(keep));
		app_reload_home(app);
		memcpy(app->message, keep, sizeof(keep));
	}
}

/* Changes in the journal that a replay would send now. */
static size_t replay_waiting(const struct app *app)
{
	if (!app->logged_in || !net_offline_attached(app->net))
		return 0;
	return net_offline_pending(app->net) - net_offline_stopped(app->net);
}

/* Issue 16: an online link is not probed (every call tells its state, and
 * an idle client then never wakes) unless changes wait for a replay; an
 * unknown or offline one is, on net's backoff. */
long offline_ui_due_ms(const struct app *app)
{
	if (!app->net || (net_client_online(app->net) && !replay_waiting(app)))
		return -1;
	return net_client_probe_due_ms(app->net);
}

void offline_ui_tick(struct app *app)
{
	struct wc_error err = {0};
	enum net_link before;

	if (offline_ui_due_ms(app) != 0)
		return;
	before = net_client_link(app->net);
	net_client_probe(app->net, &err);
	if (net_client_link(app->net) != before)
		app_mark(app, APP_WORK_DRAW);
	if (net_client_online(app->net) && replay_waiting(app) > 0)
		replay(app);
}

/* 离线 · 待同步 N, and the age of the cached lists and catalog shown
 * meanwhile (资料 12-02 14:39). */
static void offline_words(const struct app *app, size_t n, char *out,
			  size_t size)
{
	time_t at = net_offline_cache_time(app->net);
	char when[32] = "", age[64] = "";
	struct tm tm;
	int len = snprintf(out, size, msg(MSG_OFF_OFFLINE_N), n);

	if (len < 0 || (size_t)len >= size || at <= 0 ||
	    !localtime_r(&at, &tm) ||
	    !strftime(when, sizeof(when), "%m-%d %H:%M", &tm))
		return;
	snprintf(age, sizeof(age), msg(MSG_OFF_CACHE_AGE), when);
	snprintf(out + len, size - (size_t)len, " · %s", age);
}

void offline_ui_status(const struct app *app, char *out, size_t size,
		       bool *alert)
{
	enum net_link link =
	    app->net ? net_client_link(app->net) : NET_LINK_UNKNOWN;
	size_t n = app->net ? net_offline_pending(app->net) : 0;
	char head[64] = "";
	int len;

	if (app->offline_login && app->logged_in)
		snprintf(head, sizeof(head), "%s · ", msg(MSG_OFF_LOGIN_TAG));
	len = snprintf(out, size, "%s", head);
	if (len < 0 || (size_t)len >= size)
		return;
	*alert = link != NET_LINK_ONLINE || n > 0 || app->offline_login;
	if (app->syncing)
		snprintf(out + len, size - (size_t)len, "%s",
			 msg(MSG_OFF_SYNCING));
	else if (link == NET_LINK_UNKNOWN)
		snprintf(out + len, size - (size_t)len, "%s",
			 msg(MSG_OFF_CONNECTING));
	else if (link == NET_LINK_OFFLINE)
		offline_words(app, n, out + len, size - (size_t)len);
	else if (n > 0)
		snprintf(out + len, size - (size_t)len, msg(MSG_OFF_ONLINE_N),
			 n);
	else
		snprintf(out + len, size - (size_t)len, "%s",
			 msg(MSG_STATUS_ONLINE));
}
