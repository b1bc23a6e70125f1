/* draft_store.c - drafts (draft.h) kept in the clerk's encrypted local
 * store (localstore.h), one entry "draft-SCREEN" each. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wincase/draft.h"
#include "wincase/localstore.h"

#define DRAFT_PREFIX   "draft-"
#define DRAFT_LIST_MAX 64

static int entry_of(const char *screen, char *out, size_t size)
{
	if (!draft_name_ok(screen))
		return -1;
	snprintf(out, size, DRAFT_PREFIX "%s", screen);
	return 0;
}

int draft_save(struct localstore *store, const char *screen,
	       const struct form *form, const char *context)
{
	char name[LOCALSTORE_NAME_MAX];
	char *text;
	int ret;

	if (!store || entry_of(screen, name, sizeof(name)))
		return -1;
	text = draft_serialise(form, screen, context);
	if (!text)
		return -1;
	ret = localstore_put(store, name, text, strlen(text), true, NULL);
	free(text);
	return ret;
}

int draft_load(struct localstore *store, const char *screen, struct form *form,
	       struct draft_info *info)
{
	char name[LOCALSTORE_NAME_MAX];
	struct draft_info own;
	char *text;
	int ret = -1;

	if (!store || entry_of(screen, name, sizeof(name)) ||
	    localstore_get(store, name, &text, NULL, NULL))
		return -1;
	if (draft_parse_info(text, info ? info : &own) == 0 &&
	    (!form || draft_parse_into(text, form) == 0))
		ret = 0;
	free(text);
	return ret;
}

int draft_remove(struct localstore *store, const char *screen)
{
	char name[LOCALSTORE_NAME_MAX];

	if (!store || entry_of(screen, name, sizeof(name)))
		return -1;
	return localstore_remove(store, name);
}

static int newer_first(const void *a, const void *b)
{
	return strcmp(((const struct draft_info *)b)->saved,
		      ((const struct draft_info *)a)->saved);
}

size_t draft_list(struct localstore *store, struct draft_info *out, size_t max)
{
	char names[DRAFT_LIST_MAX][LOCALSTORE_NAME_MAX];
	size_t found, n = 0;

	if (!store)
		return 0;
	found = localstore_list(store, DRAFT_PREFIX, names, DRAFT_LIST_MAX);
	for (size_t i = 0; i < found && n < max; i++) {
		const char *screen = names[i] + strlen(DRAFT_PREFIX);

		if (draft_load(store, screen, NULL, &out[n]) == 0 &&
		    strcmp(out[n].screen, screen) == 0)
			n++;
	}
	qsort(out, n, sizeof(*out), newer_first);
	return n;
}

size_t draft_remove_plain(const char *dir)
{
	DIR *d = dir && *dir ? opendir(dir) : NULL;
	struct dirent *e;
	char path[4400];
	size_t n = 0, len;

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		len = strlen(e->d_name);
		if (strncmp(e->d_name, DRAFT_PREFIX, 6) != 0 || len < 11 ||
		    strcmp(e->d_name + len - 4, ".txt") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (unlink(path) == 0)
			n++;
	}
	closedir(d);
	return n;
}
