/* seed.c - --seed-demo: the demo catalog, the calendars and the demo users
 * (demo password only). Running it again changes nothing but reloads the
 * catalog and calendars from conf_dir. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "wincase/calendar.h"
#include "wincase/catalog.h"

#define SEED_FILE_MAX (8 * 1024 * 1024)
#define DEMO_PASSWORD "demo-password-1"

static const struct user_record demo_users[] = {
    {"clerk1", "王小明", "clerk", "1", "市场监督管理局", ""},
    {"clerk2", "李娜", "clerk", "2", "住房和城乡建设局", ""},
    {"reviewer1", "赵敏", "reviewer", "", "市场监督管理局", ""},
    {"admin1", "管理员", "admin", "", "", ""},
};

/* The windows each demo clerk may sit at (the first is the
 * default). Window 3 is a second 市场监督管理局 counter, window 7 a second
 * 住房和城乡建设局 one. */
static const char *const demo_windows[] = {"1,3", "2,7", "", ""};

/* New NUL-terminated copy of a file, or NULL with errno set. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n;

	if (!f)
		return NULL;
	buf = malloc(SEED_FILE_MAX + 1);
	if (!buf)
		goto done;
	n = fread(buf, 1, SEED_FILE_MAX + 1, f);
	if (n > SEED_FILE_MAX || ferror(f)) {
		free(buf);
		buf = NULL;
		errno = EFBIG;
		goto done;
	}
	buf[n] = '\0';
	*len = n;
done:
	fclose(f);
	return buf;
}

static int seed_catalog(struct app *app, struct store_conn *db,
			struct wc_error *err)
{
	char path[1024];
	struct catalog *cat = NULL;
	size_t len = 0;
	char *text;
	int rc = 0;

	snprintf(path, sizeof(path), "%s/catalog/demo.json", app->cfg.conf_dir);
	text = read_file(path, &len);
	if (!text) {
		fprintf(stderr, "wincased: no demo catalog: %s: %s\n", path,
			strerror(errno));
		return 0;
	}
	cat = catalog_load_text(text, len, err);
	if (!cat) {
		rc = -1;
		goto done;
	}
	for (size_t i = 0; i < cat->n_items && rc == 0; i++) {
		json_t *j = item_to_json(&cat->items[i], true);
		char *dump = json_dumps(j, JSON_COMPACT);

		rc = dump ? db->ops->catalog_item_put(
				db, cat->items[i].code, dump,
				clock_now(&app->clock), err)
			  : wc_error_set(err, "internal", NULL, "no memory");
		free(dump);
		json_decref(j);
	}
done:
	if (rc < 0)
		fprintf(stderr, "wincased: %s: %s %s\n", path, err->field,
			err->message);
	catalog_free(&cat);
	free(text);
	return rc;
}

static int seed_calendar_file(struct app *app, struct store_conn *db,
			      const char *path, struct wc_error *err)
{
	struct calendar *cal = calendar_new();
	json_t *year_json = NULL;
	char *text = NULL, *dump = NULL;
	size_t len = 0;
	int year, rc = -1;

	if (!cal) {
		wc_error_set(err, "internal", NULL, "out of memory");
		goto done;
	}
	text = read_file(path, &len);
	if (!text) {
		wc_error_set(err, "internal", NULL, "%s", strerror(errno));
		goto done;
	}
	if (calendar_load_year_text(cal, text, len, err) < 0 ||
	    calendar_years(cal, &year, 1) != 1)
		goto done;
	year_json = calendar_year_to_json(cal, year);
	dump = year_json ? json_dumps(year_json, JSON_COMPACT) : NULL;
	if (!dump) {
		wc_error_set(err, "internal", NULL, "out of memory");
		goto done;
	}
	rc = db->ops->calendar_year_put(db, year, dump, clock_now(&app->clock),
					err);
done:
	if (rc < 0)
		fprintf(stderr, "wincased: %s: %s\n", path, err->message);
	free(dump);
	json_decref(year_json);
	free(text);
	calendar_free(&cal);
	return rc;
}

static int seed_calendars(struct app *app, struct store_conn *db,
			  struct wc_error *err)
{
	char dir_path[1024], path[1400];
	struct dirent *e;
	DIR *dir;
	int rc = 0;

	snprintf(dir_path, sizeof(dir_path), "%s/calendar", app->cfg.conf_dir);
	dir = opendir(dir_path);
	if (!dir) {
		fprintf(stderr, "wincased: no calendars: %s: %s\n", dir_path,
			strerror(errno));
		return 0;
	}
	while (rc == 0 && (e = readdir(dir))) {
		size_t n = strlen(e->d_name);

		if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir_path, e->d_name);
		rc = seed_calendar_file(app, db, path, err);
	}
	closedir(dir);
	return rc;
}

static int seed_users(struct app *app, struct store_conn *db,
		      struct wc_error *err)
{
	for (size_t i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]);
	     i++) {
		struct user_record u = demo_users[i], existing;
		int rc = db->ops->user_get(db, u.username, &existing, err);

		if (rc < 0)
			return -1;
		if (rc == 0)
			continue; /* seeding again keeps the password */
		if (auth_hash_password(app, DEMO_PASSWORD, u.pwhash, err) < 0 ||
		    db->ops->user_add_if_missing(db, &u, clock_now(&app->clock),
						 err) < 0 ||
		    (demo_windows[i][0] &&
		     db->ops->user_windows_set(db, u.username, demo_windows[i],
					       u.window, err) != 0))
			return -1;
	}
	return 0;
}

int seed_demo(struct app *app, struct store_conn *db, struct wc_error *err)
{
	if (db->ops->begin(db, err) < 0)
		return -1;
	if (seed_catalog(app, db, err) < 0 ||
	    seed_calendars(app, db, err) < 0 || seed_users(app, db, err) < 0) {
		db->ops->rollback(db);
		return -1;
	}
	return db->ops->commit(db, err);
}
