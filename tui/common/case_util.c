/* case_util.c - the pieces every case screen uses. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wincase/text.h"

#include "common/case_util.h"
#include "common/print.h"

void case_ctx_release(struct case_ctx *x)
{
	net_case_release(&x->c);
	if (x->loaded)
		item_release(&x->item);
	memset(x, 0, sizeof(*x));
}

void case_ctx_sync(struct case_ctx *x)
{
	x->sc = item_find_scenario(&x->item,
				   x->c.scenario_id ? x->c.scenario_id : "");
	x->n = x->sc ? x->sc->n_materials : 0;
	if (x->n > CATALOG_MAX_MATERIALS)
		x->n = CATALOG_MAX_MATERIALS;
	for (size_t i = 0; i < x->n; i++) {
		const struct material *m = case_ctx_material(x, i);

		x->states[i] = STATE_PENDING;
		x->line_of[i] = -1;
		for (size_t l = 0; l < x->c.n_lines; l++) {
			const struct net_case_line *line = &x->c.lines[l];

			if (!line->material_id ||
			    strcmp(line->material_id, m->id) != 0)
				continue;
			x->line_of[i] = (int)l;
			x->states[i] = line->state;
		}
	}
}

const struct material *case_ctx_material(const struct case_ctx *x, size_t i)
{
	return &x->item.materials[x->sc->materials[i]];
}

const char *case_ctx_material_name(const struct case_ctx *x, const char *id)
{
	int at = id && x->loaded ? item_find_material(&x->item, id) : -1;

	if (at >= 0)
		return x->item.materials[at].name;
	for (size_t l = 0; id && l < x->c.n_lines; l++)
		if (x->c.lines[l].material_id && x->c.lines[l].name &&
		    strcmp(x->c.lines[l].material_id, id) == 0)
			return x->c.lines[l].name;
	return id ? id : "";
}

bool case_ctx_load(struct case_ctx *x, struct app *app, const char *case_id)
{
	struct wc_error err = {0};
	struct net_case c = {0};
	struct item it;
	char id[32];

	snprintf(id, sizeof(id), "%s", case_id ? case_id : ""); /* may be x's */
	app_busy(app, MSG_BUSY_LOADING);
	if (net_case_get(app->net, id, &c, &err)) {
		app_message_error(app, &err);
		return false;
	}
	if (net_item_get(app->net, c.item_code, &it, &err)) {
		net_case_release(&c);
		app_message_error(app, &err);
		return false;
	}
	case_ctx_release(x);
	x->c = c;
	x->item = it;
	x->loaded = true;
	case_ctx_sync(x);
	app_message_clear(app);
	return true;
}

const char *case_state_label(enum material_state state)
{
	static const enum msg_id ids[] = {[STATE_PENDING] = MSG_STATE_PENDING,
					  [STATE_PROVIDED] = MSG_STATE_PROVIDED,
					  [STATE_MISSING] = MSG_STATE_MISSING,
					  [STATE_DEFECTIVE] =
					      MSG_STATE_DEFECTIVE,
					  [STATE_SHARED] = MSG_STATE_SHARED};

	return (unsigned)state < sizeof(ids) / sizeof(*ids) ? msg(ids[state])
							    : "?";
}

const char *case_status_label(enum case_status status)
{
	static const enum msg_id ids[CASE_STATUS_COUNT] = {
	    [CASE_CHECKING] = MSG_CASE_CHECKING,
	    [CASE_NOTIFIED] = MSG_CASE_NOTIFIED,
	    [CASE_ACCEPTED] = MSG_CASE_ACCEPTED,
	    [CASE_ACCEPTED_TOLERANT] = MSG_CASE_TOLERANT,
	    [CASE_COMPLETED] = MSG_CASE_COMPLETED,
	    [CASE_DENIED] = MSG_CASE_DENIED,
	    [CASE_WITHDRAWN] = MSG_CASE_WITHDRAWN};

	return (unsigned)status < CASE_STATUS_COUNT ? msg(ids[status]) : "?";
}

const char *commitment_status_label(enum commitment_status status)
{
	static const enum msg_id ids[COMMITMENT_STATUS_COUNT] = {
	    [COMMITMENT_OPEN] = MSG_COMMIT_OPEN,
	    [COMMITMENT_FULFILLED] = MSG_COMMIT_FULFILLED,
	    [COMMITMENT_BREACHED] = MSG_COMMIT_BREACHED,
	    [COMMITMENT_WAIVED] = MSG_COMMIT_WAIVED};

	return (unsigned)status < COMMITMENT_STATUS_COUNT ? msg(ids[status])
							  : "?";
}

const char *inquiry_status_label(enum inquiry_status status)
{
	static const enum msg_id ids[INQUIRY_STATUS_COUNT] = {
	    [INQUIRY_OPEN] = MSG_STATUS_OPEN,
	    [INQUIRY_HANDED_OFF] = MSG_Q_WAIT_ACK,
	    [INQUIRY_REFERRED] = MSG_STATUS_REFERRED,
	    [INQUIRY_CLOSED] = MSG_STATUS_CLOSED};

	return (unsigned)status < INQUIRY_STATUS_COUNT ? msg(ids[status]) : "?";
}

const char *case_state_text(const char *state)
{
	enum material_state s;

	if (!material_state_parse(state, &s))
		return state ? state : "";
	return case_state_label(s);
}

const char *case_status_text(const char *status)
{
	enum case_status c;
	enum commitment_status m;

	if (case_status_parse(status, &c))
		return case_status_label(c);
	if (commitment_status_parse(status, &m))
		return commitment_status_label(m);
	return status ? status : "";
}

void key_list_add(struct key_list *l, bool when, const char *key,
		  enum msg_id label)
{
	if (!when || l->n >= sizeof(l->keys) / sizeof(*l->keys))
		return;
	l->keys[l->n].key = key;
	l->keys[l->n++].label = label;
}

bool case_can_print(const struct app *app)
{
	return app->cfg && app->cfg->print_command &&
	       app->cfg->print_command[0];
}

bool case_ctx_has_open_defect(const struct case_ctx *x)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->states[i] == STATE_MISSING ||
		    x->states[i] == STATE_DEFECTIVE)
			return true;
	return false;
}

void case_header_draw(const struct case_ctx *x, struct app *app, WINDOW *win,
		      int y)
{
	char line[600];

	/* The status before the names: long names are what gets cut. */
	snprintf(line, sizeof(line), " %s [%s] %s  %s%s%s",
		 x->c.no ? x->c.no : "", case_status_label(x->c.status),
		 x->c.applicant.name ? x->c.applicant.name : "",
		 x->item.name ? x->item.name : "", x->sc ? " / " : "",
		 x->sc ? x->sc->name : "");
	table_draw_cell(win, y, 0, app->frame.cols, line,
			theme_attr(THEME_HEADER));
}

void case_refusal(struct case_ctx *x, struct app *app,
		  const struct wc_error *err)
{
	if (net_error_of(err) == NET_ERR_VERSION_CONFLICT) {
		case_ctx_load(x, app, x->c.id);
		app_message(app, true, "%s", msg(MSG_CASE_RELOADED));
		return;
	}
	app_message_error(app, err);
}

void case_time_text(const char *at, char out[DATE_TIME_SHORT_SIZE])
{
	time_t now = time(NULL);
	struct tm tm;
	int year = localtime_r(&now, &tm) ? tm.tm_year + 1900 : 0;

	date_time_short(at, year, out);
}

/* Calls each(line, bytes, user) for every display line of text wrapped at
 * cols; returns how many. */
static int wrap_each(const char *text, int cols,
		     void (*each)(const char *s, size_t len, int n, void *user),
		     void *user)
{
	int n = 0;
	const char *p = text ? text : "";

	if (cols < 2)
		cols = 2;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t para = nl ? (size_t)(nl - p) : strlen(p);
		char buf[4096];
		size_t off = 0;

		if (para >= sizeof(buf))
			para = sizeof(buf) - 1;
		memcpy(buf, p, para);
		buf[para] = '\0';
		do {
			size_t cut = text_line_break(buf + off, cols, NULL);

			if (cut == 0 && buf[off])
				cut = strlen(buf + off); /* never loop */
			if (each)
				each(buf + off, cut, n, user);
			n++;
			off += cut;
		} while (buf[off]);
		if (!nl)
			break;
		p = nl + 1;
	}
	return n;
}

int case_text_lines(const char *text, int cols)
{
	return wrap_each(text, cols, NULL, NULL);
}

struct text_draw {
	WINDOW *win;
	int y, x, rows, cols, first;
};

static void text_line_draw(const char *s, size_t len, int n, void *user)
{
	struct text_draw *d = user;
	char buf[4096];

	if (n < d->first || n >= d->first + d->rows)
		return;
	snprintf(buf, sizeof(buf), "%.*s", (int)len, s);
	table_draw_cell(d->win, d->y + n - d->first, d->x, d->cols, buf,
			theme_attr(THEME_NORMAL));
}

void case_text_draw(WINDOW *win, int y, int x, int rows, int cols,
		    const char *text, int first)
{
	struct text_draw d = {win, y, x, rows, cols, first};

	wrap_each(text, cols, text_line_draw, &d);
}

int case_text_key(int *first, int lines, int rows, wint_t ch)
{
	int last = lines > rows ? lines - rows : 0;

	switch (ch) {
	case KEY_UP:
		*first -= 1;
		break;
	case KEY_DOWN:
		*first += 1;
		break;
	case KEY_PPAGE:
		*first -= rows > 1 ? rows - 1 : 1;
		break;
	case KEY_NPAGE:
		*first += rows > 1 ? rows - 1 : 1;
		break;
	case KEY_HOME:
		*first = 0;
		break;
	case KEY_END:
		*first = last;
		break;
	default:
		return UI_IGNORED;
	}
	if (*first > last)
		*first = last;
	if (*first < 0)
		*first = 0;
	return UI_HANDLED | UI_REDRAW;
}

void case_print(struct app *app, const char *text)
{
	struct wc_error err = {0};

	app_busy(app, MSG_PRINTING);
	if (print_text(app->cfg->print_command, text, &err))
		app_message(app, true, msg(MSG_PRINT_FAILED),
			    app->cfg->print_command);
	else
		app_message(app, false, msg(MSG_PRINTED),
			    app->cfg->print_command);
}

void case_save(struct app *app, const char *name, const char *text)
{
	struct wc_error err = {0};
	char path[1400];

	if (print_save(app->cfg->data_dir, name, text, path, sizeof(path),
		       &err))
		app_message(app, true, msg(MSG_SAVE_FAILED),
			    app->cfg->data_dir);
	else
		app_message(app, false, msg(MSG_SAVED), path);
}

/* A server without PDF support (older than GET /v1/documents/{no}.pdf),
 * or one that cannot be reached, still gets its document printed: as
 * text. */
void case_print_document(struct app *app, const char *no, bool reprint,
			 const char *text)
{
	struct wc_error err = {0};
	char *pdf = NULL;
	size_t len = 0;

	app_busy(app, MSG_PRINTING);
	if (net_document_pdf(app->net, no, reprint, &pdf, &len, &err)) {
		case_print(app, text);
		return;
	}
	if (print_pdf(app->cfg->print_command, pdf, len, &err))
		app_message(app, true, msg(MSG_PRINT_FAILED),
			    app->cfg->print_command);
	else
		app_message(app, false, msg(MSG_PRINTED),
			    app->cfg->print_command);
	free(pdf);
}

void case_save_document(struct app *app, const char *no, const char *text)
{
	struct wc_error err = {0};
	char name[80], path[1400], pdf_path[1400];
	char *pdf = NULL;
	size_t len = 0;

	snprintf(name, sizeof(name), "%s.txt", no);
	if (print_save(app->cfg->data_dir, name, text, path, sizeof(path),
		       &err)) {
		app_message(app, true, msg(MSG_SAVE_FAILED), err.message);
		return;
	}
	/* The PDF beside the text, when the server makes one. */
	if (net_document_pdf(app->net, no, false, &pdf, &len, &err)) {
		app_message(app, false, msg(MSG_SAVED), path);
		return;
	}
	snprintf(name, sizeof(name), "%s.pdf", no);
	if (print_save_pdf(app->cfg->data_dir, name, pdf, len, pdf_path,
			   sizeof(pdf_path), &err)) {
		app_message(app, true, msg(MSG_SAVE_FAILED), err.message);
	} else {
		char both[1500];

		/* The PDF is in the same folder: its name is enough. */
		snprintf(both, sizeof(both), "%s、%s", path, name);
		app_message(app, false, msg(MSG_SAVED), both);
	}
	free(pdf);
}

bool case_append(char **buf, size_t *len, const char *fmt, ...)
{
	va_list ap;
	char *grown;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return false;
	grown = realloc(*buf, *len + (size_t)n + 1);
	if (!grown)
		return false;
	*buf = grown;
	va_start(ap, fmt);
	vsnprintf(*buf + *len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	*len += (size_t)n;
	return true;
}
