/* draft.c - form values saved to the data folder as they are typed and
 * read back after a crash, a closed terminal or a lost connection. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "wincase/draft.h"
#include "wincase/forms.h"
#include "wincase/text.h"

#define DRAFT_MAGIC  "wincase-draft 1"
#define SUMMARY_COLS 60

/* A growing string; on failure data becomes NULL and stays so. */
struct buf {
	char *data;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	char *p;

	if (!b->data && b->cap)
		return; /* failed before */
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->data, cap);
		if (!p) {
			free(b->data);
			b->data = NULL;
			b->cap = 1;
			return;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Backslash escapes so that a value is one line. */
static void buf_escaped(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\':
			buf_str(b, "\\\\");
			break;
		case '\n':
			buf_str(b, "\\n");
			break;
		case '\t':
			buf_str(b, "\\t");
			break;
		case '\r':
			buf_str(b, "\\r");
			break;
		default:
			buf_add(b, s, 1);
		}
	}
}

/* Undoes buf_escaped in place over [s, end). Returns the new length. */
static size_t unescape(char *s, size_t len)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len) {
			i++;
			s[o++] = s[i] == 'n'   ? '\n'
				 : s[i] == 't' ? '\t'
				 : s[i] == 'r' ? '\r'
					       : s[i];
		} else {
			s[o++] = s[i];
		}
	}
	s[o] = '\0';
	return o;
}

bool draft_name_ok(const char *screen)
{
	size_t n = 0;

	if (!screen || !*screen)
		return false;
	for (; screen[n]; n++)
		if (!((screen[n] >= 'a' && screen[n] <= 'z') ||
		      (screen[n] >= '0' && screen[n] <= '9') ||
		      screen[n] == '_'))
			return false;
	return n < DRAFT_NAME_MAX;
}

char *draft_serialise(const struct form *form, const char *screen,
		      const char *context)
{
	struct buf b = {0};
	char line[64];
	time_t now = time(NULL);
	struct tm tm;

	buf_str(&b, DRAFT_MAGIC "\nscreen ");
	buf_str(&b, screen);
	buf_str(&b, "\ncontext ");
	buf_escaped(&b, context ? context : "");
	if (localtime_r(&now, &tm) &&
	    strftime(line, sizeof(line), "\nsaved %Y-%m-%d %H:%M", &tm))
		buf_str(&b, line);
	buf_str(&b, "\n");
	for (size_t i = 0; i < form->n; i++) {
		const struct field_def *def = &form->defs[i];

		if (!def->name || def->kind == FIELD_PASSWORD)
			continue; /* passwords never reach the disk */
		if (def->kind == FIELD_CHOICE) {
			snprintf(line, sizeof(line), " %zu\n",
				 form_choice(form, i));
			buf_str(&b, "choice ");
			buf_str(&b, def->name);
			buf_str(&b, line);
			continue;
		}
		buf_str(&b, "text ");
		buf_str(&b, def->name);
		buf_str(&b, " ");
		buf_escaped(&b, form_value(form, i));
		buf_str(&b, "\n");
	}
	return b.data;
}

/* Calls each(key, name, value) for every line "key name value" (the
 * header's "key value" lines have name NULL). Works on a copy. */
static int lines_each(const char *text,
		      void (*each)(const char *key, const char *name,
				   char *value, void *user),
		      void *user)
{
	char *copy, *line, *next, *sp;
	size_t len;

	if (!text || strncmp(text, DRAFT_MAGIC "\n", strlen(DRAFT_MAGIC) + 1))
		return -1;
	copy = strdup(text + strlen(DRAFT_MAGIC) + 1);
	if (!copy)
		return -1;
	for (line = copy; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		sp = strchr(line, ' ');
		if (!sp)
			continue;
		*sp++ = '\0';
		if (strcmp(line, "text") == 0 || strcmp(line, "choice") == 0) {
			char *name = sp;

			sp = strchr(name, ' ');
			if (!sp)
				continue;
			*sp++ = '\0';
			len = unescape(sp, strlen(sp));
			(void)len;
			each(line, name, sp, user);
		} else {
			unescape(sp, strlen(sp));
			each(line, NULL, sp, user);
		}
	}
	free(copy);
	return 0;
}

/* The bytes of the whole characters of value[0, cut) that fit in room:
 * zero-width characters (combining marks) take bytes but no columns, so
 * a cut by columns alone can be longer than the summary. */
static size_t summary_fit(const char *value, size_t cut, size_t room)
{
	size_t at = 0, n;
	wchar_t cp;

	while (at < cut && (n = text_decode(value + at, cut - at, &cp)) > 0 &&
	       n <= room - at)
		at += n;
	return at;
}

static void summary_add(struct draft_info *info, const char *value)
{
	size_t len = strlen(info->summary), cut;
	int cols = text_width(info->summary);

	if (!*value || cols >= SUMMARY_COLS)
		return;
	if (len && len + 3 < sizeof(info->summary)) {
		strcat(info->summary, "，");
		len = strlen(info->summary);
		cols += 2;
	}
	cut = text_cut(value, SUMMARY_COLS - cols, NULL);
	if (cut > sizeof(info->summary) - len - 1)
		cut = summary_fit(value, cut, sizeof(info->summary) - len - 1);
	memcpy(info->summary + len, value, cut);
	info->summary[len + cut] = '\0';
	for (char *p = info->summary + len; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
}

static void info_line(const char *key, const char *name, char *value,
		      void *user)
{
	struct draft_info *info = user;

	if (!name && strcmp(key, "screen") == 0)
		snprintf(info->screen, sizeof(info->screen), "%s", value);
	else if (!name && strcmp(key, "context") == 0)
		snprintf(info->context, sizeof(info->context), "%s", value);
	else if (!name && strcmp(key, "saved") == 0)
		snprintf(info->saved, sizeof(info->saved), "%s", value);
	else if (name && strcmp(key, "text") == 0)
		summary_add(info, value);
}

int draft_parse_info(const char *text, struct draft_info *info)
{
	memset(info, 0, sizeof(*info));
	if (lines_each(text, info_line, info))
		return -1;
	return draft_name_ok(info->screen) ? 0 : -1;
}

static void form_line(const char *key, const char *name, char *value,
		      void *user)
{
	struct form *form = user;
	int i = name ? form_find(form, name) : -1;

	if (i < 0 || form->defs[i].kind == FIELD_PASSWORD)
		return;
	if (strcmp(key, "choice") == 0 && form->defs[i].kind == FIELD_CHOICE) {
		form_set_choice(form, (size_t)i, strtoul(value, NULL, 10));
	} else if (strcmp(key, "text") == 0 &&
		   form->defs[i].kind != FIELD_CHOICE) {
		form_set_value(form, (size_t)i, value);
		form->fields[i].touched = *value != '\0';
	}
}

int draft_parse_into(const char *text, struct form *form)
{
	if (lines_each(text, form_line, form))
		return -1;
	for (size_t i = 0; i < form->n; i++)
		if (form->fields[i].touched)
			form_validate_field(form, i);
	return 0;
}

int draft_dir(const char *data_dir, char *out, size_t size)
{
	const char *home = getenv("HOME");
	int n;

	if (!data_dir || !*data_dir)
		data_dir = "~/.local/share/wincase";
	if (data_dir[0] == '~' && (data_dir[1] == '/' || !data_dir[1]))
		n = snprintf(out, size, "%s%s", home ? home : "", data_dir + 1);
	else
		n = snprintf(out, size, "%s", data_dir);
	if (n < 0 || (size_t)n >= size || !out[0])
		return -1;
	/* mkdir -p, each missing level private to the user */
	for (char *p = out + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(out, 0700) && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(out, 0700) && errno != EEXIST)
		return -1;
	return 0;
}
