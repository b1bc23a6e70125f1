/* screen_notice.c - the one-time notice (R2 一次性告知): a preview of what
 * the notice will list (every missing and defective material, with the
 * reason and how to obtain it), F2 issues it, then the server's signed text
 * with F6 print and F7 save. When the once-rule refuses (422
 * notice_once_violation) the new materials are shown and F2 issues it with
 * the override reason typed on the line below. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"

#include "common/case_util.h"

enum notice_phase { PHASE_PREVIEW, PHASE_OVERRIDE, PHASE_ISSUED };

struct notice {
	struct case_ctx x;
	enum notice_phase phase;
	char *preview;	  /* the text shown before issuing (owned) */
	char *violations; /* the new materials, one per line (owned) */
	struct net_notice issued;
	struct line_editor reason;
	char key[NET_IDEMPOTENCY_KEY_SIZE];
	char today[11];
	bool can_print;	     /* a print command is configured */
	bool news;	     /* something a new notice would list */
	struct key_list bar; /* the key bar of this phase */
	int first, text_y, text_rows, cols, input_y;
};

static const struct screen_key keys[] = {
    {"F2", MSG_KEY_ISSUE}, {"F6", MSG_KEY_PRINT}, {"F7", MSG_KEY_SAVE},
    {"Esc", MSG_KEY_BACK}, {"F10", MSG_KEY_QUIT},
};

/* Whether name is among the materials the notice n listed. */
static bool notice_lists(const struct net_notice *n, const char *name)
{
	for (size_t i = 0; name && i < n->n_items; i++)
		if (n->item_names[i] && strcmp(n->item_names[i], name) == 0)
			return true;
	return false;
}

/* A new notice is worth issuing while the state allows one and a material
 * is missing or defective that the last notice did not list, or the
 * checklist changed since (the case went back from notified). */
static bool notice_news(const struct notice *s)
{
	const struct net_case *c = &s->x.c;

	if (!case_allows(c->status, CASE_DO_NOTICE, NULL) ||
	    !case_ctx_has_open_defect(&s->x))
		return false;
	if (c->n_notices == 0 || c->status != CASE_NOTIFIED)
		return true;
	for (size_t i = 0; i < s->x.n; i++)
		if ((s->x.states[i] == STATE_MISSING ||
		     s->x.states[i] == STATE_DEFECTIVE) &&
		    !notice_lists(&c->notices[c->n_notices - 1],
				  case_ctx_material(&s->x, i)->name))
			return true;
	return false;
}

static const struct screen_key *notice_keys_now(void *state, size_t *n)
{
	struct notice *s = state;
	struct key_list *l;

	if (!s) {
		*n = sizeof(keys) / sizeof(*keys);
		return keys;
	}
	l = &s->bar;
	l->n = 0;
	key_list_add(l,
		     s->phase == PHASE_OVERRIDE ||
			 (s->phase == PHASE_PREVIEW && s->news),
		     "F2", MSG_KEY_ISSUE);
	key_list_add(l, s->phase == PHASE_ISSUED && s->can_print, "F6",
		     MSG_KEY_PRINT);
	key_list_add(l, s->phase == PHASE_ISSUED, "F7", MSG_KEY_SAVE);
	key_list_add(l, true, "Esc", MSG_KEY_BACK);
	key_list_add(l, true, "F10", MSG_KEY_QUIT);
	*n = l->n;
	return l->keys;
}

/* The preview: what the server will list, as the clerk should read it to
 * the applicant. The server's text is the one that is signed. */
static char *preview_build(struct notice *s, struct app *app)
{
	char *buf = NULL;
	size_t len = 0, k = 0;
	bool ok;

	ok = case_append(&buf, &len, msg(MSG_NOTICE_PREVIEW_HEAD),
			 s->x.c.applicant.name ? s->x.c.applicant.name : "",
			 s->x.item.name, s->x.sc ? s->x.sc->name : "");
	for (size_t i = 0; ok && i < s->x.n; i++) {
		const struct material *m = case_ctx_material(&s->x, i);
		int line = s->x.line_of[i];
		const char *note = line >= 0 ? s->x.c.lines[line].note : NULL;

		if (s->x.states[i] != STATE_MISSING &&
		    s->x.states[i] != STATE_DEFECTIVE)
			continue;
		ok = case_append(
		    &buf, &len, "%zu. %s（%s%s%s）\n   %s：%s\n", ++k, m->name,
		    case_state_text(material_state_name(s->x.states[i])),
		    note && *note ? "：" : "", note && *note ? note : "",
		    msg(MSG_CK_HOW), m->how_to_obtain ? m->how_to_obtain : "");
	}
	if (ok && k == 0)
		ok = case_append(&buf, &len, "%s\n", msg(MSG_NOTICE_NOTHING));
	if (ok)
		ok = case_append(&buf, &len, msg(MSG_NOTICE_PREVIEW_FOOT),
				 app->user.window ? app->user.window : "-",
				 app->user.display_name ? app->user.display_name
							: app->user.username,
				 s->today,
				 s->x.item.location ? s->x.item.location : "",
				 s->x.item.contact ? s->x.item.contact : "");
	if (!ok) {
		free(buf);
		return NULL;
	}
	return buf;
}

static int notice_open(struct app *app, const struct screen_arg *arg,
		       void **state)
{
	struct notice *s = calloc(1, sizeof(*s));
	struct wc_error err = {0};

	if (!s)
		return -1;
	if (lineedit_init(&s->reason, 500) ||
	    !case_ctx_load(&s->x, app, arg->case_id))
		goto fail;
	if (net_server_date(app->net, s->today, &err))
		snprintf(s->today, sizeof(s->today), "%s", "");
	s->preview = preview_build(s, app);
	if (!s->preview)
		goto fail;
	s->can_print = case_can_print(app);
	s->news = notice_news(s);
	net_idempotency_key_new(s->key);
	app_message(app, false, "%s", msg(MSG_NOTICE_PREVIEW_HINT));
	*state = s;
	return 0;
fail:
	lineedit_release(&s->reason);
	case_ctx_release(&s->x);
	free(s);
	return -1;
}

static void notice_layout(void *state, const struct frame_layout *frame)
{
	struct notice *s = state;

	s->cols = frame->cols;
	s->text_y = frame->body_y + 1;
	s->input_y = frame->body_y + frame->body_rows - 1;
	s->text_rows = s->input_y - s->text_y;
	if (s->text_rows < 1)
		s->text_rows = 1;
}

static const char *shown_text(const struct notice *s)
{
	if (s->phase == PHASE_ISSUED)
		return s->issued.text ? s->issued.text : "";
	if (s->phase == PHASE_OVERRIDE)
		return s->violations;
	return s->preview;
}

static void notice_draw(void *state, struct app *app, WINDOW *win)
{
	struct notice *s = state;
	char line[300];
	struct line_view v;
	int lx;

	case_header_draw(&s->x, app, win, app->frame.body_y);
	case_text_draw(win, s->text_y, 1, s->text_rows, s->cols - 2,
		       shown_text(s), s->first);
	if (s->phase == PHASE_OVERRIDE) {
		snprintf(line, sizeof(line), "%s：", msg(MSG_NOTICE_OVERRIDE));
		lx = text_width(line) + 1;
		table_draw_cell(win, s->input_y, 1, lx, line,
				theme_attr(THEME_LABEL) | A_BOLD);
		lineedit_draw(&s->reason, win, s->input_y, lx + 1,
			      s->cols - lx - 2, theme_attr(THEME_INPUT_FOCUS));
		lineedit_view(&s->reason, s->cols - lx - 2, &v);
		app->cursor_y = s->input_y;
		app->cursor_x = lx + 1 + v.cursor_x;
	} else if (s->phase == PHASE_ISSUED) {
		snprintf(line, sizeof(line), msg(MSG_NOTICE_ISSUED_LINE),
			 s->issued.no ? s->issued.no : "",
			 s->issued.verify_code ? s->issued.verify_code : "");
		table_draw_cell(win, s->input_y, 1, s->cols - 1, line,
				theme_attr(THEME_LABEL) | A_BOLD);
	}
}

/* The materials of a notice_once_violation (net/ read its details), by
 * name. */
static char *violations_build(struct notice *s,
			      const struct net_refusals *violations)
{
	char *buf = NULL;
	size_t len = 0;
	bool ok = case_append(&buf, &len, "%s\n\n", msg(MSG_NOTICE_ONCE_HEAD));

	for (size_t i = 0; ok && i < violations->n; i++) {
		const char *id = violations->items[i].material_id;

		if (id)
			ok = case_append(&buf, &len, "  · %s\n",
					 case_ctx_material_name(&s->x, id));
	}
	if (ok)
		ok = case_append(&buf, &len, "\n%s\n",
				 msg(MSG_NOTICE_ONCE_FOOT));
	if (!ok) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void notice_refused(struct notice *s, struct app *app,
			   const struct wc_error *err,
			   const struct net_refusals *violations)
{
	if (!net_error_unsent(err))
		net_idempotency_key_new(s->key);
	if (net_error_of(err) == NET_ERR_NOTICE_ONCE_VIOLATION) {
		free(s->violations);
		s->violations = violations_build(s, violations);
		if (s->violations) {
			s->phase = PHASE_OVERRIDE;
			s->first = 0;
		}
		app_message(app, true, "%s", msg(MSG_NOTICE_ONCE_REFUSED));
		return;
	}
	case_refusal(&s->x, app, err);
}

static void notice_issue(struct notice *s, struct app *app)
{
	const char *reason = NULL;
	struct wc_error err = {0};
	struct net_refusals violations = {0};

	if (s->phase == PHASE_ISSUED)
		return;
	if (s->phase == PHASE_OVERRIDE) {
		reason = lineedit_text(&s->reason);
		if (lineedit_chars(&s->reason) == 0) {
			app_message(app, true, "%s",
				    msg(MSG_NOTICE_OVERRIDE_EMPTY));
			return;
		}
	}
	app_busy(app, MSG_BUSY_SAVING);
	if (net_case_notice(app->net, &s->x.c, reason, s->key, &s->issued,
			    &violations, &err)) {
		notice_refused(s, app, &err, &violations);
		net_refusals_release(&violations);
		return;
	}
	s->phase = PHASE_ISSUED;
	s->first = 0;
	app_message(app, false, msg(MSG_NOTICE_ISSUED),
		    s->issued.no ? s->issued.no : "");
}

static void notice_output(struct notice *s, struct app *app, bool print)
{
	const char *no = s->issued.no ? s->issued.no : "notice";

	if (s->phase != PHASE_ISSUED) {
		app_message(app, true, "%s", msg(MSG_NOTICE_ISSUE_FIRST));
		return;
	}
	/* The server's PDF (the text when it has none); F7 saves both. */
	if (print)
		case_print_document(app, no, false, s->issued.text);
	else
		case_save_document(app, no, s->issued.text);
}

static int notice_key(void *state, struct app *app, int ret, wint_t ch)
{
	struct notice *s = state;
	int lines = case_text_lines(shown_text(s), s->cols - 2);

	if (ret == OK && ch == KEY_ESC) {
		if (s->phase != PHASE_ISSUED)
			app_message_clear(app);
		app_pop(app);
		return UI_HANDLED;
	}
	if (ret == KEY_CODE_YES && ch == KEY_F(2)) {
		/* Not offered after a notice when nothing new is open; before
		 * the first one the server says what is missing. */
		if (s->phase == PHASE_PREVIEW && !s->news &&
		    s->x.c.n_notices > 0)
			return UI_IGNORED;
		notice_issue(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ret == KEY_CODE_YES && (ch == KEY_F(6) || ch == KEY_F(7))) {
		notice_output(s, app, ch == KEY_F(6));
		return UI_HANDLED | UI_REDRAW;
	}
	if (s->phase == PHASE_OVERRIDE && ret == OK &&
	    (ch == '\r' || ch == '\n')) {
		notice_issue(s, app);
		return UI_HANDLED | UI_REDRAW;
	}
	if (s->phase == PHASE_OVERRIDE &&
	    (ret == OK || ch == KEY_LEFT || ch == KEY_RIGHT ||
	     ch == KEY_BACKSPACE || ch == KEY_DC))
		return lineedit_key(&s->reason, ret, ch);
	if (ret == KEY_CODE_YES)
		return case_text_key(&s->first, lines, s->text_rows, ch);
	return UI_IGNORED;
}

static void notice_free(void **state)
{
	struct notice *s = *state;

	if (!s)
		return;
	case_ctx_release(&s->x);
	net_notice_release(&s->issued);
	lineedit_release(&s->reason);
	free(s->preview);
	free(s->violations);
	free(s);
	*state = NULL;
}

const struct screen_ops screen_notice = {
    .name = "notice",
    .title = MSG_NOTICE_TITLE,
    .help = MSG_HELP_NOTICE,
    .keys = keys,
    .n_keys = sizeof(keys) / sizeof(*keys),
    .open = notice_open,
    .layout = notice_layout,
    .draw = notice_draw,
    .key = notice_key,
    .free = notice_free,
    .keys_now = notice_keys_now,
};
