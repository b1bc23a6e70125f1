/* training_ui.c - the training session of the client: the private server,
 * the scenarios, the running one (hints, time, side panel), the simulated
 * colleague, time travel and the debrief's scoring (training_ui.h). */
#define _GNU_SOURCE
#include "training/training_ui.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wincase/draft.h"
#include "wincase/text.h"

#include "common/case_util.h"
#include "common/offline_ui.h"
#include "common/print.h"
#include "review/review.h"
#include "common/safe.h"
#include "training/training.h"

#define MAX_SCENARIOS 64
/* The side panel stands beside the screens only when they keep the 80
 * columns they are made for; on a narrower terminal it is a page over
 * the whole body that the next key closes (issue 14.11). */
#define PANEL_BODY_MIN	  80
#define COLLEAGUE_POLL_MS 1000
#define SCENARIO_MAX	  (1024 * 1024) /* a scenario file is a few KB */
/* The fake clock of a new training server: a Monday in the loaded
 * calendar, so that every session sees the same working days. */
#define TRAINING_CLOCK "2026-11-02T09:00:00+08:00"

static struct {
	bool active;
	bool atexit_set;
	struct training_options opt; /* how the servers are started */
	struct training_server ts;
	struct training_scenario *sc[MAX_SCENARIOS];
	size_t n;
	int current; /* index into sc, -1 none */
	size_t hints_used;
	long long started_ms;
	struct net_training_floor floor; /* what earlier attempts made */
	int panel; /* 0 hidden, 1 brief and what they say, 2 materials */
	bool travelled;
	struct item item; /* the scenario's item, for material names */
	bool have_item;
	struct net_client *colleague;
	bool colleague_failed;
	long long colleague_next_ms;
	struct training_debrief last; /* the last debrief */
	bool have_last;
	bool last_stored; /* last is a stored one the trainer opened */
	char *shared;	  /* [training] results_dir, NULL: none */
} T = {.current = -1};

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool training_ui_active(void)
{
	return T.active;
}

size_t training_ui_count(void)
{
	return T.n;
}

const struct training_scenario *training_ui_scenario(size_t i)
{
	return i < T.n ? T.sc[i] : NULL;
}

const struct training_scenario *training_ui_current(void)
{
	return T.current >= 0 ? T.sc[T.current] : NULL;
}

const struct training_debrief *training_ui_last_result(void)
{
	return T.have_last ? &T.last : NULL;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A new scenario from the file at path, or NULL. */
static struct training_scenario *scenario_read(const char *path)
{
	struct wc_error err = {0};
	struct training_scenario *sc = NULL;
	FILE *f = fopen(path, "r");
	char *text = malloc(SCENARIO_MAX);
	size_t len = 0;

	if (f && text) {
		len = fread(text, 1, SCENARIO_MAX, f);
		if (len < SCENARIO_MAX && !ferror(f))
			sc = training_scenario_load_text(text, len, &err);
	}
	if (f)
		fclose(f);
	free(text);
	return sc;
}

/* Every *.json of dir, in name order; a scenario that does not load is
 * left out (the server refuses to start with it anyway). */
static void scenarios_load(const char *dir)
{
	char *names[MAX_SCENARIOS], path[TRAINING_PATH_MAX + 300];
	size_t n = 0, len;
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((e = readdir(d)) && n < MAX_SCENARIOS) {
		len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir,
			 names[i] ? names[i] : "");
		if (names[i] && (T.sc[T.n] = scenario_read(path)))
			T.n++;
		free(names[i]);
	}
}

static void scenario_end(void)
{
	T.current = -1;
	T.hints_used = 0;
	T.panel = 0;
	T.travelled = false;
	if (T.have_item)
		item_release(&T.item);
	T.have_item = false;
	net_client_free(&T.colleague);
	T.colleague_failed = false;
}

void training_ui_stop(void)
{
	if (!T.active)
		return;
	scenario_end();
	training_server_stop(&T.ts);
	for (size_t i = 0; i < T.n; i++)
		training_scenario_free(&T.sc[i]);
	T.n = 0;
	T.have_last = false;
	free(T.shared);
	T.shared = NULL;
	print_set_mark(NULL);
	T.active = false;
}

static void stop_at_exit(void)
{
	training_ui_stop();
}

static int replace_string(char **dst, const char *value)
{
	char *copy = strdup(value);

	if (!copy)
		return -1;
	free(*dst);
	*dst = copy;
	return 0;
}

int training_ui_start(struct config *cfg, struct wc_error *err)
{
	char dir[TRAINING_PATH_MAX + 16];

	if (T.active)
		return 0;
	T.opt = (struct training_options){
	    .clock_start = TRAINING_CLOCK,
	    .log_path = getenv("WINCASE_TRAINING_LOG"),
	};
	if (training_server_start(&T.ts, &T.opt, err))
		return -1;
	T.active = true;
	if (!T.atexit_set && atexit(stop_at_exit) == 0)
		T.atexit_set = true;
	training_scenarios_dir(&T.opt, dir, sizeof(dir));
	scenarios_load(dir);
	/* Drafts an earlier version left in the training folder belong to a
	 * server long gone and are never offered (issue 14.11). */
	draft_remove_plain(T.ts.data_dir);
	if (cfg->training_results_dir && *cfg->training_results_dir &&
	    replace_string(&T.shared, cfg->training_results_dir)) {
		training_ui_stop();
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	/* The production URL is dropped: nothing can reach it from here. */
	if (replace_string(&cfg->server_url, T.ts.url) ||
	    replace_string(&cfg->data_dir, T.ts.data_dir)) {
		training_ui_stop();
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	print_set_mark(msg(MSG_TR_SAMPLE));
	return 0;
}

/* The client talks to the training server of T.ts from now on: a new
 * connection in app->net (the old one is freed). */
static int connect_server(struct app *app, struct wc_error *err)
{
	struct net_options opt = {0};
	struct net_client *net;

	if (replace_string(&app->cfg->server_url, T.ts.url))
		return wc_error_set(err, "internal", NULL, "out of memory");
	opt.base_url = app->cfg->server_url;
	opt.connect_timeout_ms = app->cfg->connect_timeout_ms;
	opt.timeout_ms = app->cfg->timeout_ms;
	net = net_client_new(&opt, err);
	if (!net)
		return -1;
	net_client_free(&app->net);
	app->net = net;
	return 0;
}

int training_ui_enter(struct app *app)
{
	struct wc_error err = {0};

	if (T.active || safe_restricted())
		return UI_HANDLED;
	app_busy(app, MSG_TR_STARTING);
	if (training_ui_start(app->cfg, &err)) {
		app_message(app, true, msg(MSG_TR_START_FAILED), err.message);
		return UI_HANDLED | UI_REDRAW;
	}
	if (connect_server(app, &err)) {
		training_ui_stop();
		app_message(app, true, msg(MSG_TR_START_FAILED), err.message);
		return UI_HANDLED | UI_REDRAW;
	}
	training_ui_attach(app);
	app_message(app, false, msg(MSG_TR_STARTED), TRAINING_PASSWORD_DEFAULT);
	return UI_HANDLED | UI_REDRAW;
}

/* The clerk's local store (drafts, localstore.h) of training belongs to
 * one training server: it lives in the server's store folder and goes with
 * it (issue 14.11), never in the training folder where a later server
 * could find it. */
void training_ui_attach(struct app *app)
{
	if (!T.active)
		return;
	if (snprintf(app->data_dir, sizeof(app->data_dir), "%s",
		     T.ts.store_dir) >= (int)sizeof(app->data_dir))
		app->data_dir[0] = '\0';
}

const struct screen_ops *training_ui_after_login(struct app *app)
{
	return review_role(app) ? &screen_training_progress
				: &screen_training_list;
}

const char *training_ui_rule_name(const char *rule)
{
	static const enum msg_id names[] = {
	    MSG_TR_RULE_R1, MSG_TR_RULE_R2, MSG_TR_RULE_R3,
	    MSG_TR_RULE_R4, MSG_TR_RULE_R5, MSG_TR_RULE_R6,
	};

	if (rule && rule[0] == 'R' && rule[1] >= '1' && rule[1] <= '6' &&
	    !rule[2])
		return msg(names[rule[1] - '1']);
	return "";
}

/* --- the running scenario --- */

static int relogin(struct app *app, struct wc_error *err);

/* Issue 14.8: an attempt runs on a server of its own - a fresh store,
 * the clock at TRAINING_CLOCK, the personas and their history as seeded -
 * so no attempt, of this scenario or another, changes what the next one
 * finds, and the same actions score the same every time. The trainee is
 * logged in on it again (the accounts are the seed's). */
static int attempt_server_fresh(struct app *app, struct wc_error *err)
{
	app_busy(app, MSG_TR_PREPARING);
	offline_ui_close(app); /* the old server's store goes with it */
	if (training_server_restart(&T.ts, &T.opt, err) ||
	    connect_server(app, err) || relogin(app, err))
		return -1;
	training_ui_attach(app);
	offline_ui_online_login(app, app->user.username,
				TRAINING_PASSWORD_DEFAULT);
	return 0;
}

int training_ui_begin(struct app *app, size_t i)
{
	const struct training_scenario *sc = training_ui_scenario(i);
	struct wc_error err = {0};

	if (!sc)
		return -1;
	scenario_end();
	if (attempt_server_fresh(app, &err) ||
	    net_training_floor_get(app->net, &T.floor, &err)) {
		app_message_error(app, &err);
		return -1;
	}
	T.current = (int)i;
	T.started_ms = now_ms();
	T.panel = 1;
	if (sc->item_code && sc->type == TRAINING_CASE &&
	    net_item_get(app->net, sc->item_code, &T.item, &err) == 0)
		T.have_item = true;
	app_message(app, false, msg(MSG_TR_BEGUN), sc->title);
	return 0;
}

void training_ui_abandon(void)
{
	scenario_end();
}

bool training_ui_hint(struct app *app)
{
	const struct training_scenario *sc = training_ui_current();

	if (!sc)
		return false;
	if (T.hints_used >= sc->n_hints) {
		app_message(app, false, "%s", msg(MSG_TR_NO_HINT));
		return false;
	}
	app_message(app, false, msg(MSG_TR_HINT), T.hints_used + 1,
		    sc->hints[T.hints_used].cost, sc->hints[T.hints_used].text);
	T.hints_used++; /* also listed on the panel's first page */
	return true;
}

void training_ui_panel_toggle(struct app *app)
{
	T.panel = (T.panel + 1) % 3;
	app_mark(app, APP_WORK_LAYOUT); /* beside: the screens get narrower */
}

static int panel_width(int cols)
{
	return cols >= PANEL_BODY_MIN + 48 ? 48 : 38;
}

static bool panel_beside(int cols)
{
	return cols - panel_width(cols) >= PANEL_BODY_MIN;
}

static bool panel_shown(const struct app *app)
{
	return T.current >= 0 && T.panel && app->logged_in &&
	       !app->frame.too_small;
}

int training_ui_panel_cols(const struct app *app)
{
	return panel_shown(app) && panel_beside(app->frame.cols)
		   ? panel_width(app->frame.cols)
		   : 0;
}

/* True while a scenario runs and the training menu is not open: the
 * training keys work. */
static bool training_keys_on(const struct app *app)
{
	return T.active && app->logged_in && T.current >= 0 && app->depth > 0 &&
	       app->stack[app->depth - 1].ops != &screen_training_menu;
}

static const struct screen_key bar_keys[] = {
    {"F1", MSG_KEY_TR_HINT},
    {"F11", MSG_KEY_TR_PANEL},
    {"F12", MSG_KEY_TR_MENU},
};

const struct screen_key *training_ui_bar_keys(const struct app *app, size_t *n)
{
	*n = training_keys_on(app) ? sizeof(bar_keys) / sizeof(*bar_keys) : 0;
	return bar_keys;
}

int training_ui_key(struct app *app, int ret, wint_t ch)
{
	if (!training_keys_on(app))
		return UI_IGNORED;
	if (ret == KEY_CODE_YES && ch == KEY_F(1)) {
		training_ui_hint(app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(11)) {
		training_ui_panel_toggle(app);
		return UI_HANDLED | UI_REDRAW;
	}
	if ((ret == KEY_CODE_YES && ch == KEY_F(12)) ||
	    (ret == OK && ch == 0x14)) { /* Ctrl-T */
		app_push(app, &screen_training_menu, NULL);
		return UI_HANDLED | UI_REDRAW;
	}
	/* The panel as a page: any other key (F10 and a resize aside) closes
	 * it and is not given to the screen the trainee could not see. */
	if (panel_shown(app) && !panel_beside(app->frame.cols) &&
	    !(ret == KEY_CODE_YES && (ch == KEY_F(10) || ch == KEY_RESIZE))) {
		T.panel = 0;
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_IGNORED;
}

/* --- wrapped lines, for the panel and the debrief --- */

void training_lines_add(struct training_lines *l, const char *text, int width,
			int indent)
{
	const char *p = text ? text : "";
	bool first = true;
	int cols;

	if (width <= indent + 2)
		return;
	do {
		size_t n = text_cut(p, first ? width : width - indent, &cols);

		if (l->n == l->cap) {
			size_t cap = l->cap ? l->cap * 2 : 32;
			void *more = realloc(l->text, cap * sizeof(*l->text));

			if (!more)
				return;
			l->text = more;
			l->cap = cap;
		}
		snprintf(l->text[l->n++], TRAINING_LINE_MAX, "%*s%.*s",
			 first ? 0 : indent, "", (int)n, p);
		if (n == 0)
			break;
		p += n;
		first = false;
	} while (*p);
}

void training_lines_free(struct training_lines *l)
{
	free(l->text);
	memset(l, 0, sizeof(*l));
}

static const char *material_name(const char *id)
{
	int k = T.have_item ? item_find_material(&T.item, id) : -1;

	return k >= 0 ? T.item.materials[k].name : id;
}

static void panel_materials(const struct training_scenario *sc,
			    struct training_lines *l, int width)
{
	char line[TRAINING_LINE_MAX], cond[200];

	snprintf(line, sizeof(line), msg(MSG_TR_PANEL_APPLICANT),
		 sc->applicant_name);
	training_lines_add(l, line, width, 2);
	snprintf(line, sizeof(line), msg(MSG_TR_PANEL_ID),
		 sc->applicant_id_no ? sc->applicant_id_no : "-");
	training_lines_add(l, line, width, 2);
	snprintf(line, sizeof(line), msg(MSG_TR_PANEL_PHONE),
		 sc->applicant_phone ? sc->applicant_phone : "-");
	training_lines_add(l, line, width, 2);
	if (sc->n_persona_materials == 0)
		return;
	training_lines_add(l, msg(MSG_TR_PANEL_MATERIALS), width, 2);
	for (size_t i = 0; i < sc->n_persona_materials; i++) {
		const struct training_material *m = &sc->persona_materials[i];

		switch (m->condition) {
		case STATE_MISSING:
			snprintf(cond, sizeof(cond), "%s",
				 msg(MSG_TR_COND_MISSING));
			break;
		case STATE_DEFECTIVE:
			snprintf(cond, sizeof(cond), msg(MSG_TR_COND_DEFECTIVE),
				 m->defect ? m->defect : "");
			break;
		case STATE_SHARED:
			snprintf(cond, sizeof(cond), "%s",
				 msg(MSG_TR_COND_SHARED));
			break;
		default:
			snprintf(cond, sizeof(cond), "%s",
				 msg(MSG_TR_COND_PROVIDED));
			break;
		}
		snprintf(line, sizeof(line), "%zu %s：%s", i + 1,
			 material_name(m->id), cond);
		training_lines_add(l, line, width, 2);
	}
}

static void panel_brief(const struct training_scenario *sc,
			struct training_lines *l, int width)
{
	char line[TRAINING_LINE_MAX];
	size_t i;

	training_lines_add(l, sc->title, width, 0);
	training_lines_add(l, sc->brief, width, 0);
	training_lines_add(l, msg(MSG_TR_PANEL_SAYS), width, 0);
	for (i = 0; i < sc->n_says; i++) {
		snprintf(line, sizeof(line), "“%s”", sc->says[i]);
		training_lines_add(l, line, width, 1);
	}
	if (sc->travel_days > 0) {
		snprintf(
		    line, sizeof(line), msg(MSG_TR_PANEL_TRAVEL),
		    sc->has_travel_after
			? case_status_text(case_status_word(sc->travel_after))
			: "",
		    sc->travel_days);
		training_lines_add(l, line, width, 0);
	}
	if (T.hints_used)
		training_lines_add(l, msg(MSG_TR_PANEL_HINTS), width, 0);
	for (i = 0; i < T.hints_used; i++) {
		snprintf(line, sizeof(line), "%zu %s", i + 1,
			 sc->hints[i].text);
		training_lines_add(l, line, width, 2);
	}
}

void training_ui_draw(struct app *app, WINDOW *win)
{
	const struct training_scenario *sc = training_ui_current();
	const struct frame_layout *f = &app->frame;
	struct training_lines l = {0};
	char head[120];
	bool beside = panel_beside(f->cols);
	int pw = beside ? panel_width(f->cols) : f->cols, x = f->cols - pw;

	if (!sc || !panel_shown(app) ||
	    (!beside && !training_keys_on(app))) /* the menu is a page too */
		return;
	if (T.panel == 1)
		panel_brief(sc, &l, pw - 2);
	else
		panel_materials(sc, &l, pw - 2);
	snprintf(head, sizeof(head), msg(MSG_TR_PANEL_BRIEF), T.panel);
	table_draw_cell(win, f->body_y, x, pw, head, theme_attr(THEME_TITLE));
	for (int r = 1; r < f->body_rows; r++) {
		const char *text = (size_t)(r - 1) < l.n ? l.text[r - 1] : "";

		if (r == f->body_rows - 1)
			text = msg(beside ? MSG_TR_PANEL_KEYS
					  : MSG_TR_PANEL_KEYS_PAGE);
		table_draw_cell(win, f->body_y + r, x, 1, "",
				theme_attr(THEME_SELECTED));
		table_draw_cell(win, f->body_y + r, x + 1, pw - 1, text,
				theme_attr(r == f->body_rows - 1
					       ? THEME_HINT
					       : THEME_NORMAL));
	}
	training_lines_free(&l);
	if (app->cursor_x >= x)
		app->cursor_y = app->cursor_x = -1;
}

/* --- the colleague, time travel, the debrief --- */

long training_ui_due_ms(const struct app *app)
{
	long long left = T.colleague_next_ms - now_ms();

	if (!training_ui_current() || !app->logged_in || T.colleague_failed)
		return -1;
	return left > 0 ? (long)left : 0;
}

void training_ui_tick(struct app *app)
{
	const struct training_scenario *sc = training_ui_current();
	struct wc_error err = {0};
	int n;

	if (training_ui_due_ms(app) != 0)
		return;
	T.colleague_next_ms = now_ms() + COLLEAGUE_POLL_MS;
	n = net_training_colleague_ack(T.ts.url, TRAINING_PASSWORD_DEFAULT,
				       &T.colleague, sc, &err);
	if (n < 0 && !T.colleague)
		T.colleague_failed = true; /* cannot log in: stop trying */
	if (n > 0)
		app_message(app, false, msg(MSG_TR_COLLEAGUE_ACK),
			    sc->colleague.display_name
				? sc->colleague.display_name
				: "");
}

/* Log the trainee in again: sessions expire by the moved clock, and a
 * new server knows none. */
static int relogin(struct app *app, struct wc_error *err)
{
	struct net_user u = {0};
	char name[64], window[32];

	snprintf(name, sizeof(name), "%s",
		 app->user.username ? app->user.username : "");
	snprintf(window, sizeof(window), "%s",
		 app->user.window ? app->user.window : "");
	if (net_login(app->net, name, TRAINING_PASSWORD_DEFAULT, window, &u,
		      err))
		return -1;
	net_user_release(&app->user);
	app->user = u;
	return 0;
}

void training_ui_travel(struct app *app)
{
	const struct training_scenario *sc = training_ui_current();
	int days = sc ? sc->travel_days : 0;
	struct wc_error err = {0};
	enum case_status status;
	bool found;
	char day[11];

	if (days <= 0) {
		app_message(app, false, "%s", msg(MSG_TR_TRAVEL_NONE));
		return;
	}
	if (T.travelled) {
		app_message(app, false, "%s", msg(MSG_TR_TRAVEL_ONCE));
		return;
	}
	app_busy(app, MSG_BUSY_SAVING);
	if (net_training_case_status(app->net, sc, &found, &status, &err)) {
		app_message_error(app, &err);
		return;
	}
	if (sc->has_travel_after && (!found || status != sc->travel_after)) {
		app_message(
		    app, true, msg(MSG_TR_TRAVEL_NOT_YET),
		    case_status_text(case_status_word(sc->travel_after)));
		return;
	}
	if (net_training_clock_advance(app->net, days, day, &err)) {
		app_message_error(app, &err);
		return;
	}
	T.travelled = true;
	relogin(app, &err);
	app_message(app, false, msg(MSG_TR_TRAVEL_DONE), days, day);
}

static struct net_training_folders folders(void)
{
	return (struct net_training_folders){.local = T.ts.data_dir,
					     .shared = T.shared};
}

/* The debrief into the results: the shared folder when there is one,
 * else (or when it fails, said on the message line) this PC's file. */
static void results_save(struct app *app, const struct training_scenario *sc)
{
	struct net_training_folders f = folders();
	struct wc_error err = {0};

	if (net_training_results_save(&f, app->user.username, sc,
				      &T.last.result, T.hints_used, NULL, &err))
		app_message(app, true, msg(MSG_TR_DEBRIEF_UNSAVED),
			    err.message);
	else if (err.code[0])
		app_message(app, true, msg(MSG_TR_SAVED_LOCALLY), err.message);
	else
		app_message(app, false, "%s", msg(MSG_TR_DEBRIEF_SAVED));
}

const struct training_debrief *training_ui_finish(struct app *app)
{
	const struct training_scenario *sc = training_ui_current();
	struct wc_error err = {0};
	int seconds = (int)((now_ms() - T.started_ms) / 1000);

	if (!sc)
		return NULL;
	app_busy(app, MSG_BUSY_LOADING);
	T.have_last = false;
	if (net_training_evaluate(app->net, app->user.username, sc, &T.floor,
				  T.hints_used, seconds, &T.last.result,
				  &err)) {
		app_message(app, true, msg(MSG_TR_GATHER_FAILED), err.message);
		return NULL;
	}
	T.last.sc = sc; /* the scenarios stay loaded for the session */
	T.have_last = true;
	T.last_stored = false;
	results_save(app, sc);
	scenario_end();
	return &T.last;
}

int training_ui_class(struct net_training_class *out)
{
	struct net_training_folders f = folders();
	struct wc_error err = {0};

	if (!T.active) {
		memset(out, 0, sizeof(*out));
		return -1;
	}
	return net_training_class_load(
	    &f, (const struct training_scenario *const *)T.sc, T.n, out, &err);
}

bool training_ui_results_shared(void)
{
	return T.shared != NULL;
}

const struct training_debrief *
training_ui_stored_debrief(struct app *app, const char *trainee, size_t i)
{
	struct net_training_folders f = folders();
	const struct training_scenario *sc = training_ui_scenario(i);
	struct wc_error err = {0};

	if (!sc || T.current >= 0)
		return NULL;
	T.have_last = false;
	if (net_training_debrief_load(&f, trainee, sc, &T.last.result, &err)) {
		app_message(app, true, "%s", msg(MSG_TR_NO_ATTEMPT));
		return NULL;
	}
	T.last.sc = sc;
	snprintf(T.last.trainee, sizeof(T.last.trainee), "%s", trainee);
	T.have_last = T.last_stored = true;
	return &T.last;
}

bool training_ui_debrief_stored(void)
{
	return T.have_last && T.last_stored;
}
