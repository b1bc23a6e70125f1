/* fields.c - reading and writing the fields of API.md's JSON, and paths,
 * once for every file of net/ (see private.h). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/text.h"

int net_oom(struct wc_error *err)
{
	return wc_error_set(err, "internal", NULL, "out of memory");
}

int net_text_get_flags(const json_t *obj, const char *key, unsigned flags,
		       char **out)
{
	const json_t *v = json_object_get(obj, key);
	char num[32];

	*out = NULL;
	if (json_is_string(v)) {
		*out = text_sanitize(json_string_value(v), flags);
		return *out ? 0 : -1;
	}
	if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
			 json_integer_value(v));
		*out = strdup(num);
		return *out ? 0 : -1;
	}
	return 0;
}

int net_text_get(const json_t *obj, const char *key, char **out)
{
	return net_text_get_flags(obj, key, 0, out);
}

int net_body_put(json_t *obj, const char *key, const char *value)
{
	if (!value || !*value)
		return 0;
	return json_object_set_new(obj, key, json_string(value));
}

json_t *net_applicant_body_new(const char *name, const char *id_type,
			       const char *id_no, const char *phone)
{
	json_t *applicant = json_object();

	if (!applicant || net_body_put(applicant, "name", name) ||
	    net_body_put(applicant, "id_type",
			 id_no && *id_no ? id_type : NULL) ||
	    net_body_put(applicant, "id_no", id_no) ||
	    net_body_put(applicant, "phone", phone)) {
		json_decref(applicant);
		return NULL;
	}
	return applicant;
}

char *net_url_escape(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s);
	char *out = malloc(n * 3 + 1), *o = out;

	if (!out)
		return NULL;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~') {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return out;
}

int net_path_build(char *out, size_t size, const char *prefix, const char *part,
		   const char *suffix)
{
	char *escaped = net_url_escape(part ? part : "");
	int n;

	if (!escaped)
		return -1;
	n = snprintf(out, size, "%s%s%s", prefix, escaped, suffix);
	free(escaped);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* obj[key] = an id: a number when it is all digits (ids are integers in
 * wincased), else the string; nothing when empty. */
int net_id_put(json_t *obj, const char *key, const char *id)
{
	if (!id || !*id)
		return 0;
	if (strspn(id, "0123456789") == strlen(id) && strlen(id) < 19)
		return json_object_set_new(obj, key,
					   json_integer(strtoll(id, NULL, 10)));
	return json_object_set_new(obj, key, json_string(id));
}
