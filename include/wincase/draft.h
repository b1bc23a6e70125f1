/* draft.h - what the clerk types survives (DESIGN.md 4): the values of an
 * open form are written to the clerk's encrypted local store
 * (localstore.h: entry "draft-SCREEN", temporary file + fsync + rename,
 * mode 0600) as they are typed and read back on the next login of the
 * same clerk on the same server; another clerk on the same computer
 * account never sees them. Generic over every form: fields are saved by
 * their name, so a screen gets drafts by handing its form over. Passwords
 * are never written. Serialising (forms/draft.c) is apart from storing
 * (net/draft_store.c).
 *
 * Text format (UTF-8 text, one record a line, values escaped with \\ \n
 * \t \r), encrypted as a whole:
 *     wincase-draft 1
 *     screen inquiry
 *     context 42
 *     saved 2026-11-02T09:30:00
 *     text applicant.name 张三
 *     choice applicant.id_type 0
 */
#ifndef WINCASE_DRAFT_H
#define WINCASE_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

struct form;

#define DRAFT_NAME_MAX 48

struct draft_info {
	char screen[DRAFT_NAME_MAX]; /* the screen's name: [a-z0-9_] */
	char context[128];	     /* what the form is about ("" or an id) */
	char summary[160];	     /* the first values typed, for a prompt */
	char saved[32];		     /* local time it was written */
};

/* New string (caller frees) holding the form's values; NULL when out of
 * memory. context may be NULL. */
char *draft_serialise(const struct form *form, const char *screen,
		      const char *context);
/* Reads the header of a draft text into info; -1 when it is not one. */
int draft_parse_info(const char *text, struct draft_info *info);
/* Sets the values of fields with the names of the draft; fields the draft
 * does not name are left alone, names the form lacks are ignored. -1 when
 * the text is not a draft. */
int draft_parse_into(const char *text, struct form *form);

/* The data folder with "~" expanded, created (mode 0700) when missing.
 * out must not overlap data_dir. -1 when it cannot be made. */
int draft_dir(const char *data_dir, char *out, size_t size);
/* True for a screen name usable in a file name. */
bool draft_name_ok(const char *screen);

struct localstore;

/* Writes the draft of screen into the clerk's store (NULL: nothing, -1). */
int draft_save(struct localstore *store, const char *screen,
	       const struct form *form, const char *context);
/* Reads the draft of screen into form (may be NULL) and info (may be
 * NULL). -1 when there is none, or it does not open with this clerk's key
 * (copied from another clerk: refused, never shown). */
int draft_load(struct localstore *store, const char *screen, struct form *form,
	       struct draft_info *info);
/* Removes the draft of screen; 0 also when there was none. */
int draft_remove(struct localstore *store, const char *screen);
/* The clerk's drafts, newest first; returns how many (at most max). */
size_t draft_list(struct localstore *store, struct draft_info *out, size_t max);
/* Removes the plain-text drafts (draft-*.txt) that versions before the
 * encrypted store kept in dir, shared by every clerk of the computer
 * account; returns how many. */
size_t draft_remove_plain(const char *dir);

#endif
