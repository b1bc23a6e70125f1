/* documents_pdf.c - a signed document as an A4 PDF (cairo + pango), laid
 * out from the blocks of the same template that made its signed text
 * (document_blocks) and the variables it was rendered with: the title in a
 * heading face (Hei), the applicant's fields, the materials as a ruled table
 * whose header repeats on every page, the verify code with its QR code
 * (libqrencode), signature lines, 第 N 页 共 M 页 when it runs over a page.
 * Pango breaks lines by the Unicode rules with the zh-CN language set (no
 * closing punctuation at a line start); every layout has a width and a
 * line that does not fit the page goes on the next, so nothing overflows a
 * cell or the page. A document kept without its template (issued before
 * they were stored) is laid out from its signed text alone. */
#include "documents_pdf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "wincase/text.h"

/* A4 in points, margins after GB/T 9704 (top 37 mm, left 28 mm). */
#define PAGE_W	  595.276
#define PAGE_H	  841.890
#define MM	  (72.0 / 25.4)
#define MARGIN_L  (28 * MM)
#define MARGIN_R  (26 * MM)
#define MARGIN_T  (30 * MM)
#define MARGIN_B  (28 * MM)
#define CONTENT_W (PAGE_W - MARGIN_L - MARGIN_R)
#define BOTTOM	  (PAGE_H - MARGIN_B)
#define CELL_PAD  4.0
#define QR_SIZE	  (30 * MM)
#define QR_GAP	  (6 * MM)
#define BLOCK_GAP 9.0

/* The body in a Ming (Song) face, headings and labels in a Hei face: AR PL
 * UMing and WenQuanYi Zen Hei (Debian fonts-arphic-uming and
 * fonts-wqy-zenhei, both TrueType: cairo 1.16 leaks a little with every
 * embedded CFF font, such as Noto CJK's). */
#define BODY_FONT     "AR PL UMing CN 12"
#define TABLE_FONT    "AR PL UMing CN 10.5"
#define HEAD_FONT     "WenQuanYi Zen Hei Bold 10.5"
#define LABEL_FONT    "WenQuanYi Zen Hei 12"
#define TITLE_FONT    "WenQuanYi Zen Hei Bold 22"
#define SMALL_FONT    "WenQuanYi Zen Hei 9"
#define MARK_FONT     "WenQuanYi Zen Hei Bold 64"
#define TRAINING_MARK "培训样张"
#define VERIFY_HINT   "扫描右侧二维码，或打开核验网址输入验证码，即可核验真伪。"

#define TABLE_COLS 4
static const char *const table_titles[TABLE_COLS] = {"序号", "材料名称", "问题",
						     "获取方式"};
static const double table_share[TABLE_COLS] = {0.09, 0.29, 0.31, 0.31};
static const double whole_width[1] = {1};

struct pdf {
	cairo_t *cr;
	/* This document's own font map and context: nothing shared between
	 * the worker threads, all of it freed after. */
	PangoFontMap *fonts;
	PangoContext *pango;
	const struct document_pdf_options *opt;
	const json_t *vars; /* NULL: the stored text alone */
	char title[128];
	double y;
	int page, pages; /* pages: from the first pass, 0 in it */
	bool in_table;	 /* a new page repeats the table header */
	bool failed;
};

struct cell {
	PangoLayout *layout;
	double x, w;
	int next; /* the first line not drawn yet */
	int lines;
	double shift; /* down, to line up the first baselines */
};

struct buffer {
	unsigned char *data;
	size_t len, cap;
	bool failed;
};

static cairo_status_t buffer_write(void *closure, const unsigned char *data,
				   unsigned int n)
{
	struct buffer *b = closure;

	if (!b) /* the first pass only counts pages */
		return CAIRO_STATUS_SUCCESS;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64 * 1024;
		unsigned char *p;

		while (cap < b->len + n)
			cap *= 2;
		p = realloc(b->data, cap);
		if (!p) {
			b->failed = true;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, n);
	b->len += n;
	return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *layout_new(struct pdf *p, const char *font,
			       const char *text, double width)
{
	PangoLayout *l = pango_layout_new(p->pango);
	PangoFontDescription *fd = pango_font_description_from_string(font);

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

/* The line's top, bottom and baseline within its layout, in points. */
static void line_range(PangoLayout *l, int line, double *top, double *bottom,
		       double *baseline, double *x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle logical;
	int y0 = 0, y1 = 0;

	for (int i = 0; i < line && pango_layout_iter_next_line(it); i++)
		;
	pango_layout_iter_get_line_yrange(it, &y0, &y1);
	pango_layout_iter_get_line_extents(it, NULL, &logical);
	*top = (double)y0 / PANGO_SCALE;
	*bottom = (double)y1 / PANGO_SCALE;
	*baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
	*x = (double)logical.x / PANGO_SCALE;
	pango_layout_iter_free(it);
}

static double layout_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void text_at(struct pdf *p, const char *font, const char *text, double x,
		    double y, double width, PangoAlignment align)
{
	PangoLayout *l = layout_new(p, font, text, width);

	pango_layout_set_alignment(l, align);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

/* 培训样张 across the page, light enough to read the text through. */
static void page_training_mark(struct pdf *p)
{
	cairo_save(p->cr);
	cairo_set_source_rgba(p->cr, 0.75, 0.1, 0.1, 0.18);
	for (int i = 0; i < 3; i++) {
		cairo_save(p->cr);
		cairo_translate(p->cr, PAGE_W / 2, PAGE_H * (0.2 + 0.3 * i));
		cairo_rotate(p->cr, -M_PI / 7);
		text_at(p, MARK_FONT, TRAINING_MARK, -PAGE_W / 2, -40, PAGE_W,
			PANGO_ALIGN_CENTER);
		cairo_restore(p->cr);
	}
	cairo_restore(p->cr);
}

static void page_decorate(struct pdf *p)
{
	if (p->opt->training)
		page_training_mark(p);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	if (p->opt->reprint_mark) {
		/* 补打: a boxed mark at the top right of every page. */
		PangoLayout *l = layout_new(p, LABEL_FONT, p->opt->reprint_mark,
					    CONTENT_W / 2);
		int w, h;

		pango_layout_get_pixel_size(l, &w, &h);
		cairo_move_to(p->cr, PAGE_W - MARGIN_R - w, MARGIN_T - h - 18);
		pango_cairo_show_layout(p->cr, l);
		cairo_set_line_width(p->cr, 1.2);
		cairo_rectangle(p->cr, PAGE_W - MARGIN_R - w - 4,
				MARGIN_T - h - 21, w + 8, h + 6);
		cairo_stroke(p->cr);
		g_object_unref(l);
	}
	if (p->page > 1) {
		char cont[200];

		snprintf(cont, sizeof(cont), "%s（续）", p->title);
		text_at(p, SMALL_FONT, cont, MARGIN_L, MARGIN_T - 30,
			CONTENT_W / 2, PANGO_ALIGN_LEFT);
	}
	if (p->pages > 1) {
		char footer[64];

		snprintf(footer, sizeof(footer), "第 %d 页 共 %d 页", p->page,
			 p->pages);
		text_at(p, SMALL_FONT, footer, MARGIN_L, PAGE_H - 18 * MM,
			CONTENT_W, PANGO_ALIGN_CENTER);
	}
}

static void table_header(struct pdf *p);

static void page_new(struct pdf *p)
{
	if (p->page > 0)
		cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN_T;
	page_decorate(p);
	if (p->in_table)
		table_header(p);
}

/* The lines of c from c->next that fit in avail below y, drawn; their
 * height (shift included: the first slice of an unruled row lines the
 * cells up on their first baseline). */
static double cell_slice(struct pdf *p, struct cell *c, double y, double pad,
			 double avail)
{
	double top0, bot, base, x, t, h = 0;

	if (c->next >= c->lines)
		return 0;
	line_range(c->layout, c->next, &top0, &bot, &base, &x);
	while (c->next < c->lines) {
		line_range(c->layout, c->next, &t, &bot, &base, &x);
		if (bot - top0 + c->shift > avail)
			break;
		cairo_move_to(p->cr, c->x + pad + x,
			      y + pad + base - top0 + c->shift);
		pango_cairo_show_layout_line(
		    p->cr, pango_layout_get_line_readonly(c->layout, c->next));
		h = bot - top0 + c->shift;
		c->next++;
	}
	c->shift = 0;
	return h;
}

static void row_rules(struct pdf *p, const struct cell *cells, int n, double h)
{
	double x0 = cells[0].x, x1 = cells[n - 1].x + cells[n - 1].w;

	cairo_set_line_width(p->cr, 0.6);
	cairo_rectangle(p->cr, x0, p->y, x1 - x0, h);
	for (int i = 1; i < n; i++) {
		cairo_move_to(p->cr, cells[i].x, p->y);
		cairo_line_to(p->cr, cells[i].x, p->y + h);
	}
	cairo_stroke(p->cr);
}

/* A row of cells, drawn a line at a time so that a row taller than what is
 * left of the page goes on over the next page (the header again when in
 * the table). ruled: borders and padding. */
static void row_draw(struct pdf *p, struct cell *cells, int n, bool ruled)
{
	double pad = ruled ? CELL_PAD : 0, full = 0, base0 = 0;

	for (int i = 0; i < n; i++) {
		double t, b, x;

		cells[i].lines = pango_layout_get_line_count(cells[i].layout);
		cells[i].next = 0;
		line_range(cells[i].layout, 0, &t, &b, &cells[i].shift, &x);
		if (cells[i].shift > base0)
			base0 = cells[i].shift;
	}
	for (int i = 0; i < n; i++) {
		cells[i].shift = ruled ? 0 : base0 - cells[i].shift;
		if (layout_height(cells[i].layout) + cells[i].shift > full)
			full = layout_height(cells[i].layout) + cells[i].shift;
	}
	/* A row that fits a fresh page is not split. */
	if (p->y + full + 2 * pad > BOTTOM &&
	    full + 2 * pad <= BOTTOM - MARGIN_T - 60)
		page_new(p);
	for (;;) {
		double avail = BOTTOM - p->y - 2 * pad, slice = 0;
		bool left = false;

		for (int i = 0; i < n; i++) {
			double h = cell_slice(p, &cells[i], p->y, pad, avail);

			if (h > slice)
				slice = h;
			left = left || cells[i].next < cells[i].lines;
		}
		if (ruled && slice > 0)
			row_rules(p, cells, n, slice + 2 * pad);
		if (slice > 0)
			p->y += slice + 2 * pad;
		if (!left)
			return;
		page_new(p);
	}
}

static void cells_free(struct cell *cells, int n)
{
	for (int i = 0; i < n; i++)
		if (cells[i].layout)
			g_object_unref(cells[i].layout);
}

/* One cell per text, across the content width by share. */
static void row_texts(struct pdf *p, const char *const *texts,
		      const double *share, int n, const char *font, bool ruled)
{
	struct cell cells[8] = {0};
	double x = MARGIN_L, pad = ruled ? CELL_PAD : 0;

	for (int i = 0; i < n && i < 8; i++) {
		cells[i].x = x;
		cells[i].w = CONTENT_W * share[i];
		cells[i].layout =
		    layout_new(p, font, texts[i], cells[i].w - 2 * pad);
		x += cells[i].w;
	}
	row_draw(p, cells, n, ruled);
	cells_free(cells, n);
}

static void table_header(struct pdf *p)
{
	double y = p->y;

	p->in_table = false; /* the header itself never repeats */
	row_texts(p, table_titles, table_share, TABLE_COLS, HEAD_FONT, true);
	p->in_table = true;
	/* A light shade under the header row. */
	cairo_save(p->cr);
	cairo_set_operator(p->cr, CAIRO_OPERATOR_MULTIPLY);
	cairo_set_source_rgb(p->cr, 0.9, 0.9, 0.9);
	cairo_rectangle(p->cr, MARGIN_L, y, CONTENT_W, p->y - y);
	cairo_fill(p->cr);
	cairo_restore(p->cr);
}

/* A value of the variables, sanitised; "" when absent (new string). */
static char *value_text(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);

	if (json_is_integer(v)) {
		char num[32];

		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
			 json_integer_value(v));
		return strdup(num);
	}
	return text_sanitize(json_is_string(v) ? json_string_value(v) : "",
			     TEXT_KEEP_NEWLINE);
}

/* One material: its number, name, state with reason, how to obtain. */
static void table_row(struct pdf *p, const json_t *m, size_t number)
{
	char *name = value_text(m, "name"), *state = value_text(m, "state"),
	     *reason = value_text(m, "reason"),
	     *how = value_text(m, "how_to_obtain"), *problem = NULL;
	size_t len =
	    (state ? strlen(state) : 0) + (reason ? strlen(reason) : 0) + 8;

	if (name && state && reason && how)
		problem = malloc(len);
	if (problem) {
		char index[24];
		const char *texts[TABLE_COLS] = {index, name, problem,
						 how[0] ? how : "无"};

		snprintf(index, sizeof(index), "%zu", number);
		snprintf(problem, len, "%s%s%s", state, reason[0] ? "：" : "",
			 reason);
		row_texts(p, texts, table_share, TABLE_COLS, TABLE_FONT, true);
	} else {
		p->failed = true;
	}
	free(name);
	free(state);
	free(reason);
	free(how);
	free(problem);
}

/* The materials table: 序号 / 材料名称 / 问题 (state and reason) /
 * 获取方式, one row per material of the document. */
static void block_table(struct pdf *p)
{
	const json_t *list = json_object_get(p->vars, "materials"), *m;
	size_t i;

	if (p->y + 60 > BOTTOM)
		page_new(p);
	table_header(p);
	json_array_foreach(list, i, m)
	{
		table_row(p, m, i + 1);
	}
	p->in_table = false;
}

/* A piece of a template rendered with the variables (new string); the
 * stored text alone is already rendered. */
static char *piece_render(struct pdf *p, const char *src, size_t n)
{
	struct wc_error err;
	char *piece = strndup(src, n), *out;

	if (!piece || !p->vars)
		return piece;
	out = document_render(piece, p->vars, &err);
	free(piece);
	if (!out)
		p->failed = true;
	return out;
}

static void block_paragraphs(struct pdf *p, const char *src)
{
	for (const char *s = src; *s;) {
		size_t n = strcspn(s, "\n");
		char *text = piece_render(p, s, n), *spaced;
		const char *one[1];

		if (text) {
			/* A first-line indent of two characters. */
			spaced = malloc(strlen(text) + 8);
			if (spaced) {
				snprintf(spaced, strlen(text) + 8, "　　%s",
					 text);
				one[0] = spaced;
				row_texts(p, one, whole_width, 1, BODY_FONT,
					  false);
				p->y += 3;
			}
			free(spaced);
		}
		free(text);
		s += n + (s[n] == '\n');
	}
}

#define FIELD_PAIRS 3

static int pixel_width(PangoLayout *l)
{
	int w, h;

	pango_layout_get_pixel_size(l, &w, &h);
	return w;
}

/* The label and value cells of "label：value" at pieces[i]. */
static bool field_cells(struct pdf *p, const char *piece, size_t len,
			struct cell *label, struct cell *value)
{
	const char *colon = strstr(piece, "：");
	size_t label_len =
	    colon && colon < piece + len ? (size_t)(colon - piece) + 3 : 0;
	char *l = piece_render(p, piece, label_len),
	     *v = piece_render(p, piece + label_len, len - label_len);

	if (l && v) {
		label->layout = layout_new(p, LABEL_FONT, l, -1);
		value->layout = layout_new(p, BODY_FONT, v, -1);
		pango_layout_set_width(label->layout, -1);
		pango_layout_set_width(value->layout, -1);
	}
	free(l);
	free(v);
	return label->layout && value->layout;
}

/* One line of "label：value" pairs apart by four spaces: label and value
 * cells; each pair gets its natural width and a share of what is left
 * (an equal share when they do not fit), a label at most 45% of it. */
static void fields_line(struct pdf *p, const char *s, size_t n)
{
	struct cell cells[2 * FIELD_PAIRS] = {0};
	double x = MARGIN_L, natural[FIELD_PAIRS], sum = 0;
	int nc = 0, count = 0;

	for (const char *q = s, *end = s + n; q < end && count < FIELD_PAIRS;) {
		const char *gap = strstr(q, "    ");

		if (!gap || gap >= end || count == FIELD_PAIRS - 1)
			gap = end;
		if (!field_cells(p, q, (size_t)(gap - q), &cells[nc],
				 &cells[nc + 1])) {
			p->failed = true;
			break;
		}
		natural[count] = pixel_width(cells[nc].layout) +
				 pixel_width(cells[nc + 1].layout) + 12;
		sum += natural[count++];
		nc += 2;
		for (q = gap; q < end && *q == ' ';)
			q++;
	}
	for (int i = 0; i < count; i++) {
		struct cell *l = &cells[2 * i], *v = &cells[2 * i + 1];
		double pair = sum <= CONTENT_W
				  ? natural[i] + (CONTENT_W - sum) / count
				  : CONTENT_W / count,
		       lw = pixel_width(l->layout);

		/* A long label wraps only when the value needs the room. */
		if (lw > pair * 0.45 && lw + pixel_width(v->layout) + 12 > pair)
			lw = pair * 0.45;
		l->x = x;
		l->w = lw;
		pango_layout_set_width(l->layout,
				       (int)((lw + 1) * PANGO_SCALE));
		v->x = x + lw;
		v->w = pair - lw - 6;
		pango_layout_set_width(v->layout, (int)(v->w * PANGO_SCALE));
		x += pair;
	}
	if (nc && !p->failed)
		row_draw(p, cells, nc, false);
	cells_free(cells, nc);
	p->y += 4;
}

static void block_fields(struct pdf *p, const char *src)
{
	for (const char *s = src; *s;) {
		size_t n = strcspn(s, "\n");

		fields_line(p, s, n);
		s += n + (s[n] == '\n');
	}
}

static void block_title(struct pdf *p, const char *src)
{
	char *text = piece_render(p, src, strlen(src));
	const char *t = text;
	struct cell c = {.x = MARGIN_L, .w = CONTENT_W};

	if (!text)
		return;
	while (*t == ' ' || *t == '\t')
		t++;
	if (!p->title[0])
		snprintf(p->title, sizeof(p->title), "%s", t);
	c.layout = layout_new(p, TITLE_FONT, t, c.w);
	pango_layout_set_alignment(c.layout, PANGO_ALIGN_CENTER);
	pango_layout_set_spacing(c.layout, 4 * PANGO_SCALE);
	row_draw(p, &c, 1, false);
	g_object_unref(c.layout);
	p->y += 10;
	free(text);
}

/* The QR code of url, size points wide, at x, y. */
static void qr_draw(struct pdf *p, const char *url, double x, double y,
		    double size)
{
	QRcode *qr = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	double m;

	if (!qr) {
		p->failed = true;
		return;
	}
	/* Four modules of quiet zone on each side. */
	m = size / (qr->width + 8);
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	for (int r = 0; r < qr->width; r++)
		for (int c = 0; c < qr->width; c++)
			if (qr->data[r * qr->width + c] & 1)
				cairo_rectangle(p->cr, x + (c + 4) * m,
						y + (r + 4) * m, m, m);
	cairo_fill(p->cr);
	cairo_restore(p->cr);
	QRcode_free(qr);
}

/* The verify code's lines on the left, the QR code of the verify page on
 * the right, kept together on one page. */
static void block_verify(struct pdf *p, const char *src)
{
	char *text = piece_render(p, src, strlen(src)), *all;
	struct cell c = {0};
	double top, need;
	size_t len;

	if (!text)
		return;
	len = strlen(text) + strlen(p->opt->verify_base) + sizeof(VERIFY_HINT) +
	      32;
	all = malloc(len);
	if (!all) {
		free(text);
		p->failed = true;
		return;
	}
	snprintf(all, len, "%s\n核验网址：%s\n" VERIFY_HINT, text,
		 p->opt->verify_base);
	c.x = MARGIN_L;
	c.w = CONTENT_W - QR_SIZE - QR_GAP;
	c.layout = layout_new(p, BODY_FONT, all, c.w);
	need = layout_height(c.layout);
	if (need < QR_SIZE + 14)
		need = QR_SIZE + 14;
	if (p->y + need > BOTTOM)
		page_new(p);
	top = p->y;
	qr_draw(p, p->opt->verify_url, PAGE_W - MARGIN_R - QR_SIZE, top,
		QR_SIZE);
	text_at(p, SMALL_FONT, "扫码核验真伪", PAGE_W - MARGIN_R - QR_SIZE,
		top + QR_SIZE, QR_SIZE, PANGO_ALIGN_CENTER);
	row_draw(p, &c, 1, false);
	if (p->y < top + need)
		p->y = top + need;
	g_object_unref(c.layout);
	free(all);
	free(text);
}

static void block_signatures(struct pdf *p, const char *src)
{
	p->y += 14;
	for (const char *s = src; *s;) {
		size_t n = strcspn(s, "\n");

		fields_line(p, s, n);
		p->y += 16;
		s += n + (s[n] == '\n');
	}
}

static void block_table_of(struct pdf *p, const char *src)
{
	(void)src; /* the rows come from the variables' materials */
	block_table(p);
}

static void (*const block_drawers[])(struct pdf *, const char *) = {
    [BLOCK_TITLE] = block_title,	  [BLOCK_FIELDS] = block_fields,
    [BLOCK_PARAGRAPH] = block_paragraphs, [BLOCK_TABLE] = block_table_of,
    [BLOCK_VERIFY] = block_verify,	  [BLOCK_SIGNATURES] = block_signatures,
};

static void blocks_draw(struct pdf *p, const struct document_block *b, size_t n)
{
	for (size_t i = 0; i < n && !p->failed; i++) {
		block_drawers[b[i].kind](p, b[i].source);
		p->y += BLOCK_GAP;
	}
}

/* One pass over the blocks onto a PDF stream (out NULL: only counting the
 * pages). */
static int pdf_pass(struct pdf *p, const struct document_block *b, size_t n,
		    struct buffer *out)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(
	    buffer_write, out, PAGE_W, PAGE_H);
	int rc = 0;

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
				       "wincased");
	p->cr = cairo_create(s);
	p->pango = pango_font_map_create_context(p->fonts);
	pango_cairo_update_context(p->cr, p->pango);
	/* Line breaking and glyph choice for Simplified Chinese. */
	pango_context_set_language(p->pango,
				   pango_language_from_string("zh-cn"));
	p->page = 0;
	p->in_table = false;
	p->failed = false;
	p->title[0] = '\0';
	page_new(p);
	blocks_draw(p, b, n);
	if (p->title[0])
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
					       p->title);
	if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS)
		p->failed = true;
	g_object_unref(p->pango);
	cairo_destroy(p->cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS || p->failed)
		rc = -1;
	cairo_surface_destroy(s);
	return rc;
}

/* The variables when the template renders them to exactly the signed
 * text (anything else: the text alone is the document). New reference. */
static json_t *vars_matching(const struct document_record *doc)
{
	struct wc_error err;
	json_t *vars;
	char *again;

	if (!doc->data || !doc->template_text)
		return NULL;
	vars = json_loads(doc->data, 0, NULL);
	again = vars ? document_render(doc->template_text, vars, &err) : NULL;
	if (!again || strcmp(again, doc->text) != 0) {
		json_decref(vars);
		vars = NULL;
	}
	free(again);
	return vars;
}

unsigned char *document_pdf(const struct document_record *doc,
			    const struct document_pdf_options *opt, size_t *len,
			    struct wc_error *err)
{
	struct pdf p = {.opt = opt};
	struct buffer out = {0};
	struct document_block *blocks = NULL;
	size_t n = 0;
	json_t *vars = vars_matching(doc);
	/* The text alone passes the sanitiser: a row altered in the database
	 * may hold anything. */
	char *text = vars ? NULL : text_sanitize(doc->text, TEXT_KEEP_NEWLINE);
	int rc = vars || text ? 0 : -1;

	p.vars = vars;
	p.fonts = pango_cairo_font_map_new();
	if (rc == 0)
		rc = document_blocks(vars ? doc->template_text : text,
				     vars ? "materials" : NULL, &blocks, &n,
				     err);
	if (rc == 0 && (rc = pdf_pass(&p, blocks, n, NULL)) == 0) {
		p.pages = p.page;
		rc = pdf_pass(&p, blocks, n, &out);
	}
	document_blocks_free(&blocks, &n);
	g_object_unref(p.fonts);
	json_decref(vars);
	free(text);
	if (rc < 0 || out.failed) {
		free(out.data);
		wc_error_set(err, "internal", NULL,
			     "the PDF of %s could not be made", doc->no);
		return NULL;
	}
	*len = out.len;
	return out.data;
}

void document_pdf_cleanup(void)
{
	cairo_debug_reset_static_data();
	FcFini();
}
