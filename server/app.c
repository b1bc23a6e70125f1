/* app.c - the in-memory catalog and calendar, loaded from the store. */
#include "app.h"

#include <stdlib.h>
#include <string.h>

#include "wincase/calendar.h"
#include "wincase/catalog.h"

static int collect_item(void *ctx, const char *text, struct wc_error *err)
{
	json_error_t jerr;
	json_t *item = json_loads(text, 0, &jerr);

	if (!item)
		return wc_error_set(err, "internal", NULL,
				    "stored item is not JSON: %s", jerr.text);
	json_array_append_new(ctx, item);
	return 0;
}

static int load_year(void *ctx, const char *text, struct wc_error *err)
{
	return calendar_load_year_text(ctx, text, strlen(text), err);
}

int app_load_reference(struct app *app, struct store_conn *db,
		       struct wc_error *err)
{
	json_t *items = json_array(), *root = NULL;
	struct catalog *cat = NULL;
	struct calendar *cal = calendar_new();
	int rc = -1;

	if (!items || !cal) {
		wc_error_set(err, "internal", NULL, "out of memory");
		goto done;
	}
	if (db->ops->catalog_items_visit(db, collect_item, items, err) < 0 ||
	    db->ops->calendar_years_visit(db, load_year, cal, err) < 0)
		goto done;
	root = json_pack("{s:O}", "items", items);
	cat = root ? catalog_from_json(root, err) : NULL;
	if (!cat)
		goto done;
	pthread_rwlock_wrlock(&app->reference_lock);
	catalog_free(&app->catalog);
	calendar_free(&app->calendar);
	app->catalog = cat;
	app->calendar = cal;
	pthread_rwlock_unlock(&app->reference_lock);
	cat = NULL;
	cal = NULL;
	rc = 0;
done:
	json_decref(root);
	json_decref(items);
	catalog_free(&cat);
	calendar_free(&cal);
	return rc;
}

void app_release_reference(struct app *app)
{
	catalog_free(&app->catalog);
	calendar_free(&app->calendar);
}
