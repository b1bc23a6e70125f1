/* store.c - choosing the back end, and helpers shared by every one. */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

bool store_url_is_postgresql(const char *url)
{
	if (strncmp(url, "sqlite:", 7) == 0)
		return false;
	return strncmp(url, "postgresql://", 13) == 0 ||
	       strncmp(url, "postgres://", 11) == 0 || strchr(url, '=') != NULL;
}

int store_open(const char *url, struct store **out, struct wc_error *err)
{
	/* "sqlite:" names a file, even one with '=' in its name. */
	if (strncmp(url, "sqlite:", 7) == 0)
		url += 7;
	else if (store_url_is_postgresql(url))
		return store_pg_ops.open(url, out, err);
	if (!url[0])
		return wc_error_set(err, "invalid_field", "db",
				    "no database file named");
	return store_sqlite_ops.open(url, out, err);
}

bool store_search_indexed(const char *q)
{
	size_t chars = 0;

	if (!q)
		return false;
	/* UTF-8 characters: every byte but continuation bytes starts one. */
	for (const unsigned char *p = (const unsigned char *)q; *p; p++)
		if ((*p & 0xC0) != 0x80 && ++chars >= 3)
			return true;
	return false;
}

void store_display_name(const char *url, char *out, size_t size)
{
	PQconninfoOption *opts;
	size_t used = 0;

	snprintf(out, size, "%s", url);
	if (!store_url_is_postgresql(url) ||
	    !(opts = PQconninfoParse(url, NULL)))
		return;
	out[0] = '\0';
	for (PQconninfoOption *o = opts; o->keyword && used < size; o++) {
		int n;

		if (!o->val || !o->val[0] ||
		    strcmp(o->keyword, "password") == 0)
			continue;
		n = snprintf(out + used, size - used, "%s%s=%s",
			     used ? " " : "", o->keyword, o->val);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	PQconninfoFree(opts);
}

void store_copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

void idempotency_record_release(struct idempotency_record *rec)
{
	free(rec->body);
	rec->body = NULL;
}

void inquiry_record_release(struct inquiry_record *rec)
{
	char **owned[] = {&rec->topic,		 &rec->item_code,
			  &rec->applicant_name,	 &rec->applicant_id_type,
			  &rec->applicant_id_no, &rec->applicant_phone,
			  &rec->resolution,	 &rec->note};

	for (size_t i = 0; i < sizeof(owned) / sizeof(owned[0]); i++) {
		free(*owned[i]);
		*owned[i] = NULL;
	}
}

void inquiry_records_free(struct inquiry_record **recs, size_t n)
{
	if (!*recs)
		return;
	for (size_t i = 0; i < n; i++)
		inquiry_record_release(&(*recs)[i]);
	free(*recs);
	*recs = NULL;
}

void audit_record_release(struct audit_record *rec)
{
	free(rec->data);
	rec->data = NULL;
}

void store_release_inquiry(void *rec)
{
	inquiry_record_release(rec);
}

void store_release_handoff(void *rec)
{
	struct handoff_record *h = rec;

	free(h->reason);
	h->reason = NULL;
}

void store_release_case(void *rec)
{
	case_record_release(rec);
}

void store_release_case_line(void *line)
{
	struct case_line *l = line;

	free(l->note);
	l->note = NULL;
}

void store_release_notice(void *rec)
{
	notice_record_release(rec);
}

void store_release_commitment(void *rec)
{
	commitment_record_release(rec);
}

void store_release_review(void *rec)
{
	review_record_release(rec);
}
