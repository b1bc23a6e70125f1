/* audit_checkpoint_verify.c - the audit chain checked against every signed
 * checkpoint there is: the store's rows and the lines of the checkpoint
 * files (the configured one, and copies kept elsewhere). A checkpoint
 * whose signature fails counts as bad and is not compared. */
#include "audit.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cp_list {
	struct audit_checkpoint *v;
	size_t n, cap;
	const unsigned char *pk;
	int64_t bad;
	bool from_file;
	size_t stored; /* the first n_stored came from the store */
};

static int cp_push(struct cp_list *l, const struct audit_checkpoint *cp,
		   struct wc_error *err)
{
	if (l->pk && !audit_checkpoint_valid(cp, l->pk)) {
		l->bad++;
		return 0;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		void *p = realloc(l->v, cap * sizeof(*l->v));

		if (!p)
			return wc_error_set(err, "internal", NULL,
					    "out of memory");
		l->v = p;
		l->cap = cap;
	}
	l->v[l->n++] = *cp;
	return 0;
}

static int collect_stored(void *ctx, const struct audit_checkpoint *cp,
			  struct wc_error *err)
{
	return cp_push(ctx, cp, err);
}

/* One line of a checkpoint file into cp; false when it is not one. */
static bool parse_line(const char *line, struct audit_checkpoint *cp)
{
	json_t *o = json_loads(line, 0, NULL);
	const char *hash, *reason, *sig;
	bool ok;

	memset(cp, 0, sizeof(*cp));
	hash = json_string_value(json_object_get(o, "hash"));
	reason = json_string_value(json_object_get(o, "reason"));
	sig = json_string_value(json_object_get(o, "signature"));
	ok = o && hash && reason && sig && strlen(hash) < sizeof(cp->hash) &&
	     strlen(reason) < sizeof(cp->reason) &&
	     strlen(sig) < sizeof(cp->signature) &&
	     json_is_integer(json_object_get(o, "seq")) &&
	     json_is_integer(json_object_get(o, "entries")) &&
	     json_is_integer(json_object_get(o, "at_unix"));
	if (ok) {
		cp->seq = json_integer_value(json_object_get(o, "seq"));
		cp->entries = json_integer_value(json_object_get(o, "entries"));
		cp->at = json_integer_value(json_object_get(o, "at_unix"));
		store_copy(cp->hash, sizeof(cp->hash), hash);
		store_copy(cp->reason, sizeof(cp->reason), reason);
		store_copy(cp->signature, sizeof(cp->signature), sig);
	}
	json_decref(o);
	return ok;
}

static int load_file(const char *path, struct cp_list *l, struct wc_error *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0;

	if (!f)
		return errno == ENOENT
			   ? 0
			   : wc_error_set(err, "internal", "checkpoints",
					  "cannot open %s: %s", path,
					  strerror(errno));
	while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
		struct audit_checkpoint cp;

		if (n <= 1)
			continue;
		if (!parse_line(line, &cp)) {
			l->bad++;
			continue;
		}
		rc = cp_push(l, &cp, err);
	}
	free(line);
	fclose(f);
	return rc;
}

static int cp_compare(const void *a, const void *b)
{
	const struct audit_checkpoint *x = a, *y = b;

	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* File checkpoints that no stored one matches: rows deleted from the
 * store's table (or a file of another store). */
static int64_t count_unstored(const struct cp_list *l)
{
	int64_t n = 0;

	for (size_t i = l->stored; i < l->n; i++) {
		bool found = false;

		for (size_t k = 0; k < l->stored && !found; k++)
			found = l->v[k].seq == l->v[i].seq &&
				strcmp(l->v[k].hash, l->v[i].hash) == 0;
		n += !found;
	}
	return n;
}

int audit_check(struct store_conn *db, const unsigned char *pk,
		const char *const *files, struct audit_report *out,
		struct wc_error *err)
{
	struct cp_list l = {.pk = pk};
	int rc;

	rc =
	    db->ops->audit_checkpoint_visit(db, false, collect_stored, &l, err);
	l.stored = l.n;
	for (size_t i = 0; rc == 0 && files && files[i]; i++)
		if (files[i][0])
			rc = load_file(files[i], &l, err);
	if (rc == 0) {
		int64_t unstored = count_unstored(&l);

		if (l.n) /* l.v is NULL when there are none */
			qsort(l.v, l.n, sizeof(*l.v), cp_compare);
		rc = audit_verify_against(db, l.v, l.n, out, err);
		out->checkpoints = (int64_t)l.n;
		out->bad_checkpoints = l.bad;
		out->unstored = unstored;
		out->signatures_checked = pk != NULL;
		out->have_newest = l.n > 0;
		if (l.n)
			out->newest = l.v[l.n - 1];
		out->ok = out->ok && !l.bad;
	}
	free(l.v);
	return rc;
}

/* The first line is what it always was ("ok N entries", "broken at seq
 * N"); what the checkpoints show follows, one finding a line. A broken
 * chain is reported alone: later findings follow from the break. */
void audit_report_text(const struct audit_report *r, char *out, size_t size)
{
	size_t used = 0;

#define ADD(...)                                                               \
	do {                                                                   \
		if (used < size)                                               \
			used += (size_t)snprintf(out + used, size - used,      \
						 __VA_ARGS__);                 \
	} while (0)
	out[0] = '\0';
	if (r->broken_at) {
		ADD("broken at seq %" PRId64, r->broken_at);
		return;
	}
	if (r->rewritten_from)
		ADD("the chain was rewritten from seq %" PRId64 "\n",
		    r->rewritten_from);
	if (r->missing_after)
		ADD("entries after seq %" PRId64 " are missing (a signed "
		    "checkpoint covers seq %" PRId64 ")\n",
		    r->missing_after, r->missing_from_cp);
	if (r->bad_checkpoints)
		ADD("%" PRId64 " checkpoints have a bad signature\n",
		    r->bad_checkpoints);
	if (!used)
		ADD("ok %" PRId64 " entries\n", r->entries);
	if (r->unstored)
		ADD("%" PRId64 " checkpoints of the file are no longer in "
		    "the store\n",
		    r->unstored);
	if (used > 0 && used < size && out[used - 1] == '\n')
		out[used - 1] = '\0';
#undef ADD
}
