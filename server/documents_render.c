/* documents_render.c - the document templates: {{name}} placeholders and
 * one level of {{#list}}...{{/list}} sections. Pure: no I/O, no clock.
 * Values are untrusted text; they pass the sanitiser once, here, so that a
 * rendered document never carries a control character but newline. */
#include "documents.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"

#define NAME_MAX_BYTES 48
#define ABSENT_TEXT    "无"

enum tag_kind { TAG_END, TAG_VALUE, TAG_OPEN, TAG_CLOSE };

struct tag {
	enum tag_kind kind;
	const char *text; /* the literal text before the tag */
	size_t text_len;
	char name[NAME_MAX_BYTES];
	const char *next; /* just after the tag */
};

struct buffer {
	char *data;
	size_t len, cap;
	bool failed;
};

static void buffer_add(struct buffer *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->data, cap);
		if (!p) {
			b->failed = true;
			return;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* The next tag from p: the text before it, its kind and name. */
static int tag_next(const char *p, struct tag *t, struct wc_error *err)
{
	const char *open = strstr(p, "{{"), *s, *close;
	size_t n;

	memset(t, 0, sizeof(*t));
	t->text = p;
	if (!open) {
		t->text_len = strlen(p);
		t->kind = TAG_END;
		return 0;
	}
	t->text_len = (size_t)(open - p);
	s = open + 2;
	t->kind = *s == '#' ? TAG_OPEN : *s == '/' ? TAG_CLOSE : TAG_VALUE;
	if (t->kind != TAG_VALUE)
		s++;
	close = strstr(s, "}}");
	n = close ? (size_t)(close - s) : 0;
	if (!close || n == 0 || n >= sizeof(t->name))
		return wc_error_set(err, "internal", "template",
				    "bad placeholder near '%.20s'", open);
	for (size_t i = 0; i < n; i++)
		if (!name_char(s[i]))
			return wc_error_set(err, "internal", "template",
					    "bad placeholder name '%.*s'",
					    (int)n, s);
	memcpy(t->name, s, n);
	t->name[n] = '\0';
	t->next = close + 2;
	return 0;
}

static bool name_in(const char *name, const char *const *keys)
{
	for (; keys && *keys; keys++)
		if (strcmp(name, *keys) == 0)
			return true;
	return false;
}

int document_template_check(const char *tmpl, const char *const *keys,
			    const char *section,
			    const char *const *section_keys,
			    struct wc_error *err)
{
	const char *p = tmpl;
	bool inside = false;
	struct tag t;

	if (!text_is_clean(tmpl, TEXT_KEEP_NEWLINE))
		return wc_error_set(err, "internal", "template",
				    "control characters or invalid UTF-8");
	for (;;) {
		if (tag_next(p, &t, err) < 0)
			return -1;
		if (t.kind == TAG_END)
			break;
		p = t.next;
		if (t.kind == TAG_OPEN &&
		    (inside || !section || strcmp(t.name, section) != 0))
			return wc_error_set(err, "internal", "template",
					    "unexpected section {{#%s}}",
					    t.name);
		if (t.kind == TAG_CLOSE && (!inside || strcmp(t.name, section)))
			return wc_error_set(err, "internal", "template",
					    "unexpected {{/%s}}", t.name);
		if (t.kind == TAG_VALUE && !name_in(t.name, keys) &&
		    !(inside && (name_in(t.name, section_keys) ||
				 strcmp(t.name, "index") == 0)))
			return wc_error_set(err, "internal", "template",
					    "unknown placeholder {{%s}}",
					    t.name);
		if (t.kind == TAG_OPEN || t.kind == TAG_CLOSE)
			inside = t.kind == TAG_OPEN;
	}
	if (inside)
		return wc_error_set(err, "internal", "template",
				    "{{#%s}} is not closed", section);
	return 0;
}

/* One value: strings sanitised (newlines kept), integers in decimal. */
static int render_value(struct buffer *b, const char *name, const json_t *v,
			struct wc_error *err)
{
	char num[32];
	char *clean;

	if (!v || json_is_null(v)) {
		buffer_add(b, ABSENT_TEXT, strlen(ABSENT_TEXT));
		return 0;
	}
	if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
			 json_integer_value(v));
		buffer_add(b, num, strlen(num));
		return 0;
	}
	if (!json_is_string(v))
		return wc_error_set(err, "internal", name,
				    "template value %s is not text", name);
	clean = text_sanitize(json_string_value(v), TEXT_KEEP_NEWLINE);
	if (!clean)
		return wc_error_set(err, "internal", NULL, "out of memory");
	buffer_add(b, clean, strlen(clean));
	free(clean);
	return 0;
}

/* Render from p up to the end, or (within a section) up to its close tag;
 * *end gets the position after the close tag. */
static int render_span(struct buffer *b, const char *p, const json_t *vars,
		       const json_t *scope, size_t index, const char **end,
		       struct wc_error *err);

static int render_section(struct buffer *b, const struct tag *t,
			  const json_t *vars, const char **end,
			  struct wc_error *err)
{
	const json_t *list = json_object_get(vars, t->name), *elem;
	size_t i;

	if (list && !json_is_array(list))
		return wc_error_set(err, "internal", t->name,
				    "template section %s is not a list",
				    t->name);
	/* An empty list still has to find the close tag. */
	if (json_array_size(list) == 0) {
		struct buffer skip = {0};
		int rc = render_span(&skip, t->next, vars, vars, 0, end, err);

		free(skip.data);
		return rc;
	}
	json_array_foreach(list, i, elem)
	{
		if (!json_is_object(elem))
			return wc_error_set(err, "internal", t->name,
					    "%s[%zu] is not an object", t->name,
					    i);
		if (render_span(b, t->next, vars, elem, i + 1, end, err) < 0)
			return -1;
	}
	return 0;
}

static int render_span(struct buffer *b, const char *p, const json_t *vars,
		       const json_t *scope, size_t index, const char **end,
		       struct wc_error *err)
{
	struct tag t;
	char num[32];

	for (;;) {
		if (tag_next(p, &t, err) < 0)
			return -1;
		buffer_add(b, t.text, t.text_len);
		if (t.kind == TAG_END) {
			if (scope)
				return wc_error_set(err, "internal", "template",
						    "a section is not closed");
			*end = t.text + t.text_len;
			return 0;
		}
		if (t.kind == TAG_CLOSE) {
			if (!scope)
				return wc_error_set(err, "internal", "template",
						    "unexpected {{/%s}}",
						    t.name);
			*end = t.next;
			return 0;
		}
		if (t.kind == TAG_OPEN) {
			if (scope)
				return wc_error_set(err, "internal", "template",
						    "nested section {{#%s}}",
						    t.name);
			if (render_section(b, &t, vars, &p, err) < 0)
				return -1;
			continue;
		}
		p = t.next;
		if (scope && strcmp(t.name, "index") == 0) {
			snprintf(num, sizeof(num), "%zu", index);
			buffer_add(b, num, strlen(num));
		} else if (render_value(b, t.name,
					scope && json_object_get(scope, t.name)
					    ? json_object_get(scope, t.name)
					    : json_object_get(vars, t.name),
					err) < 0)
			return -1;
	}
}

char *document_render(const char *tmpl, const json_t *vars,
		      struct wc_error *err)
{
	struct buffer b = {0};
	const char *end;

	buffer_add(&b, "", 0);
	if (render_span(&b, tmpl, vars, NULL, 0, &end, err) < 0) {
		free(b.data);
		return NULL;
	}
	if (b.failed) {
		free(b.data);
		wc_error_set(err, "internal", NULL, "out of memory");
		return NULL;
	}
	return b.data;
}

/* Layout blocks (documents.h): the template cut into paragraphs at blank
 * lines, the materials section a block of its own, each classified by what
 * its template text says. */

#define FIELD_LABEL_MAX_CHARS 16
#define TITLE_INDENT	      2

static bool line_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

static bool span_has(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return true;
	return false;
}

/* "label：..." with a short label that is not a sentence. */
static bool line_is_field(const char *s, size_t n)
{
	const char *colon = NULL;
	size_t chars = 0;

	for (size_t i = 0; i + 3 <= n; i++)
		if (memcmp(s + i, "：", 3) == 0) {
			colon = s + i;
			break;
		}
	if (!colon || colon == s)
		return false;
	for (const char *p = s; p < colon; p++) {
		if ((*p & 0xC0) != 0x80)
			chars++;
		if (p + 3 <= colon &&
		    (memcmp(p, "，", 3) == 0 || memcmp(p, "。", 3) == 0))
			return false;
	}
	return chars <= FIELD_LABEL_MAX_CHARS;
}

static enum document_block_kind block_classify(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t lines = 0, fields = 0;

	if (span_has(s, n, "{{verify_code}}"))
		return BLOCK_VERIFY;
	if (span_has(s, n, "____"))
		return BLOCK_SIGNATURES;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		lines++;
		fields += line_is_field(p, len);
		p += len + (nl != NULL);
	}
	if (lines == 1 && n > TITLE_INDENT && line_blank(s, TITLE_INDENT))
		return BLOCK_TITLE;
	return fields == lines ? BLOCK_FIELDS : BLOCK_PARAGRAPH;
}

static int blocks_add(struct document_block **out, size_t *n,
		      enum document_block_kind kind, const char *s, size_t len)
{
	struct document_block *grown;
	char *copy = malloc(len + 1);

	grown = copy ? realloc(*out, (*n + 1) * sizeof(**out)) : NULL;
	if (!grown) {
		free(copy);
		return -1;
	}
	memcpy(copy, s, len);
	copy[len] = '\0';
	*out = grown;
	grown[*n].kind = kind;
	grown[*n].source = copy;
	(*n)++;
	return 0;
}

/* The blank-line separated blocks of s[0..len). */
static int blocks_split(const char *s, size_t len, struct document_block **out,
			size_t *n)
{
	const char *p = s, *end = s + len, *start = NULL, *last = NULL;

	while (p <= end) {
		const char *nl =
		    p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		bool blank = line_blank(p, l);

		if (!blank && !start)
			start = p;
		if (!blank)
			last = p + l;
		if ((blank || !nl) && start) {
			if (blocks_add(
				out, n,
				block_classify(start, (size_t)(last - start)),
				start, (size_t)(last - start)) < 0)
				return -1;
			start = NULL;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

int document_blocks(const char *tmpl, const char *section,
		    struct document_block **out, size_t *n,
		    struct wc_error *err)
{
	char open[NAME_MAX_BYTES + 8], close[NAME_MAX_BYTES + 8];
	const char *o = NULL, *c = NULL;
	size_t len = strlen(tmpl);
	int rc;

	*out = NULL;
	*n = 0;
	if (section) {
		snprintf(open, sizeof(open), "{{#%s}}", section);
		snprintf(close, sizeof(close), "{{/%s}}", section);
		o = strstr(tmpl, open);
		c = o ? strstr(o, close) : NULL;
	}
	if (!c) {
		rc = blocks_split(tmpl, len, out, n);
	} else {
		const char *body = o + strlen(open), *after = c + strlen(close);

		rc = blocks_split(tmpl, (size_t)(o - tmpl), out, n);
		if (rc == 0)
			rc = blocks_add(out, n, BLOCK_TABLE, body,
					(size_t)(c - body));
		if (rc == 0)
			rc = blocks_split(after, len - (size_t)(after - tmpl),
					  out, n);
	}
	if (rc < 0) {
		document_blocks_free(out, n);
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	return 0;
}

void document_blocks_free(struct document_block **blocks, size_t *n)
{
	for (size_t i = 0; *blocks && i < *n; i++)
		free((*blocks)[i].source);
	free(*blocks);
	*blocks = NULL;
	*n = 0;
}
