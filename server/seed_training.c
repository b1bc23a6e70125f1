/* seed_training.c - --training-seed DIR: what a private training server
 * needs besides the demo seed (docs/training.md): the trainee and trainer
 * accounts, the colleagues scenarios hand inquiries to, and each
 * scenario's hidden facts as real data. A breach on record is a past case
 * accepted tolerantly whose commitment the deadline scheduler breaches, so
 * GET /v1/applicants/credit shows it exactly as a real one. Running it
 * again adds nothing. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "case.h"
#include "record_state.h"
#include "scheduler.h"
#include "wincase/catalog.h"
#include "wincase/date.h"
#include "wincase/training.h"

#define SEED_FILE_MAX	    (1024 * 1024)
#define SECONDS_PER_DAY	    86400
#define HISTORY_USER	    "clerk8" /* made the past cases */
#define HISTORY_WINDOW	    "8"
#define TRAINING_DEPARTMENT "市场监督管理局"

static const struct user_record training_users[] = {
    {"trainee1", "学员一", "trainee", "9", TRAINING_DEPARTMENT, ""},
    {"trainee2", "学员二", "trainee", "9", TRAINING_DEPARTMENT, ""},
    {"trainer1", "培训教员", "reviewer", "", TRAINING_DEPARTMENT, ""},
    {HISTORY_USER, "历史经办人", "clerk", HISTORY_WINDOW, TRAINING_DEPARTMENT,
     ""},
};

static int add_user(struct app *app, struct store_conn *db,
		    struct user_record u, struct wc_error *err)
{
	struct user_record existing;
	int rc = db->ops->user_get(db, u.username, &existing, err);

	if (rc <= 0)
		return rc; /* there already (keeps its password) or failed */
	if (auth_hash_password(app, app->cfg.training_password, u.pwhash, err) <
	    0)
		return -1;
	return db->ops->user_add_if_missing(db, &u, clock_now(&app->clock),
					    err);
}

/* A colleague of a hidden fact: a clerk who acknowledges handoffs. */
static int add_colleague(struct app *app, struct store_conn *db,
			 const json_t *fact, struct wc_error *err)
{
	struct user_record u = {0};
	const char *name = json_string_value(json_object_get(fact, "username"));
	const char *display =
	    json_string_value(json_object_get(fact, "display_name"));
	const char *dept =
	    json_string_value(json_object_get(fact, "department"));

	store_copy(u.username, sizeof(u.username), name);
	store_copy(u.display_name, sizeof(u.display_name),
		   display ? display : name);
	store_copy(u.role, sizeof(u.role), "clerk");
	store_copy(u.window, sizeof(u.window),
		   json_string_value(json_object_get(fact, "window")));
	store_copy(u.department, sizeof(u.department), dept ? dept : "");
	return add_user(app, db, u, err);
}

/* The past case of a breach: accepted tolerantly at t, later denied; every
 * material provided but the one promised. */
static int history_case(struct app *app, struct store_conn *db,
			const struct training_scenario *sc,
			const struct item *it, const json_t *fact, int64_t t,
			struct case_record *rec, struct wc_error *err)
{
	const struct scenario *scen = item_find_scenario(
	    it, json_string_value(json_object_get(fact, "scenario_id")));
	const char *promised =
	    json_string_value(json_object_get(fact, "material"));
	char day[9];

	if (!scen)
		scen = &it->scenarios[0];
	case_record_set_status(rec, CASE_DENIED);
	store_copy(rec->item_code, sizeof(rec->item_code), it->code);
	store_copy(rec->scenario_id, sizeof(rec->scenario_id), scen->id);
	store_copy(rec->applicant_name, sizeof(rec->applicant_name),
		   sc->applicant_name);
	store_copy(rec->applicant_id_type, sizeof(rec->applicant_id_type),
		   sc->applicant_id_type);
	store_copy(rec->applicant_id_no, sizeof(rec->applicant_id_no),
		   sc->applicant_id_no);
	store_copy(rec->applicant_phone, sizeof(rec->applicant_phone),
		   sc->applicant_phone);
	store_copy(rec->created_by, sizeof(rec->created_by), HISTORY_USER);
	store_copy(rec->accepted_by, sizeof(rec->accepted_by), HISTORY_USER);
	store_copy(rec->window, sizeof(rec->window), HISTORY_WINDOW);
	store_copy(rec->department, sizeof(rec->department), it->department);
	store_copy(rec->result, sizeof(rec->result),
		   case_result_word(RESULT_DENIED));
	rec->result_note =
	    strdup("承诺材料逾期未补齐，不予许可（培训历史数据）");
	rec->version = 1;
	rec->created_at = rec->accepted_at = t;
	rec->completed_at = rec->closed_at = t + 20 * SECONDS_PER_DAY;
	date_format(clock_local_day(&app->clock, t + 14 * SECONDS_PER_DAY),
		    rec->due_date);
	rec->lines = calloc(scen->n_materials, sizeof(*rec->lines));
	if (!rec->lines || !rec->result_note)
		return wc_error_set(err, "internal", NULL, "out of memory");
	rec->n_lines = scen->n_materials;
	for (size_t i = 0; i < scen->n_materials; i++) {
		const char *id = it->materials[scen->materials[i]].id;

		store_copy(rec->lines[i].material_id,
			   sizeof(rec->lines[i].material_id), id);
		store_copy(
		    rec->lines[i].state, sizeof(rec->lines[i].state),
		    material_state_name(promised && strcmp(id, promised) == 0
					    ? STATE_MISSING
					    : STATE_PROVIDED));
	}
	case_compact_day(app, t, day);
	return db->ops->case_create(db, rec, day, err);
}

/* Its commitment, open and past due: the scheduler will breach it. */
static int history_commitment(struct app *app, struct store_conn *db,
			      const struct case_record *rec,
			      const struct item *it, int64_t t,
			      struct wc_error *err)
{
	struct commitment_record c = {.case_id = rec->id, .deadline_days = 3};
	json_t *materials = json_array();
	char day[9];
	int rc;

	for (size_t i = 0; i < rec->n_lines; i++) {
		int at = item_find_material(it, rec->lines[i].material_id);
		enum material_state st = STATE_PENDING;

		if (material_state_parse(rec->lines[i].state, &st) &&
		    st == STATE_MISSING && at >= 0)
			json_array_append_new(
			    materials,
			    json_pack("{s:s, s:s, s:s}", "material_id",
				      rec->lines[i].material_id, "name",
				      it->materials[at].name, "state",
				      material_state_name(STATE_MISSING)));
	}
	c.materials = json_dumps(materials, JSON_COMPACT);
	json_decref(materials);
	commitment_record_set_status(&c, COMMITMENT_OPEN);
	date_format(clock_local_day(&app->clock, t + 5 * SECONDS_PER_DAY),
		    c.due_date);
	store_copy(c.applicant_name, sizeof(c.applicant_name),
		   rec->applicant_name);
	store_copy(c.applicant_id_type, sizeof(c.applicant_id_type),
		   rec->applicant_id_type);
	store_copy(c.applicant_id_no, sizeof(c.applicant_id_no),
		   rec->applicant_id_no);
	c.confirmation = strdup(rec->applicant_name);
	c.text = strdup("（培训历史数据：容缺受理承诺书）");
	c.signature = strdup("");
	store_copy(c.created_by, sizeof(c.created_by), HISTORY_USER);
	store_copy(c.window, sizeof(c.window), HISTORY_WINDOW);
	store_copy(c.department, sizeof(c.department), rec->department);
	c.created_at = t;
	case_compact_day(app, t, day);
	rc = c.materials && c.confirmation && c.text && c.signature
		 ? db->ops->commitment_create(db, &c, day, err)
		 : wc_error_set(err, "internal", NULL, "out of memory");
	commitment_record_release(&c);
	return rc;
}

/* R3: count breaches on record for the persona, days_ago days back. */
static int add_breaches(struct app *app, struct store_conn *db,
			const struct training_scenario *sc, const json_t *fact,
			struct wc_error *err)
{
	const char *code =
	    json_string_value(json_object_get(fact, "item_code"));
	int count = (int)json_integer_value(json_object_get(fact, "count"));
	int days_ago =
	    (int)json_integer_value(json_object_get(fact, "days_ago"));
	int64_t now = clock_now(&app->clock);
	const struct item *it;
	int have = 0;

	if (db->ops->credit_breaches(db, sc->applicant_id_type,
				     sc->applicant_id_no, 0, &have, err) < 0)
		return -1;
	it = catalog_find(app->catalog, code ? code : sc->item_code);
	if (!it || it->n_scenarios == 0)
		return wc_error_set(err, "invalid_field", "hidden_facts",
				    "%s: no item for the breach", sc->id);
	for (int k = have; k < count; k++) {
		struct case_record rec = {0};
		int64_t t =
		    now -
		    (int64_t)(days_ago > 0 ? days_ago : 60) * SECONDS_PER_DAY -
		    (int64_t)k * 30 * SECONDS_PER_DAY;
		struct scheduler_counts counts = {0};
		int rc = history_case(app, db, sc, it, fact, t, &rec, err);

		if (rc == 0)
			rc = history_commitment(app, db, &rec, it, t, err);
		/* The scheduler breaches it the day after its deadline. */
		if (rc == 0)
			rc = scheduler_run(app, db, t + 6 * SECONDS_PER_DAY,
					   &counts, err);
		case_record_release(&rec);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int seed_scenario(struct app *app, struct store_conn *db,
			 const struct training_scenario *sc,
			 struct wc_error *err)
{
	const json_t *fact;
	size_t i;

	if (training_scenario_check_catalog(sc, app->catalog, err) < 0)
		return -1;
	json_array_foreach(sc->hidden_facts, i, fact)
	{
		const char *kind =
		    json_string_value(json_object_get(fact, "kind"));
		int rc = 0;

		if (strcmp(kind, "colleague") == 0)
			rc = add_colleague(app, db, fact, err);
		else if (strcmp(kind, "breach_on_record") == 0)
			rc = add_breaches(app, db, sc, fact, err);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static char *read_small_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = f ? malloc(SEED_FILE_MAX + 1) : NULL;
	size_t n = 0;

	if (buf) {
		n = fread(buf, 1, SEED_FILE_MAX + 1, f);
		if (n > SEED_FILE_MAX || ferror(f)) {
			free(buf);
			buf = NULL;
		} else {
			buf[n] = '\0';
			*len = n;
		}
	}
	if (f)
		fclose(f);
	return buf;
}

static int seed_file(struct app *app, struct store_conn *db, const char *path,
		     struct wc_error *err)
{
	struct training_scenario *sc = NULL;
	size_t len = 0;
	char *text = read_small_file(path, &len);
	int rc = -1;

	if (!text) {
		wc_error_set(err, "invalid_field", NULL, "cannot read: %s",
			     strerror(errno));
		goto done;
	}
	sc = training_scenario_load_text(text, len, err);
	if (sc)
		rc = seed_scenario(app, db, sc, err);
done:
	if (rc < 0)
		fprintf(stderr, "wincased: %s: %s%s%s\n", path, err->field,
			err->field[0] ? ": " : "", err->message);
	training_scenario_free(&sc);
	free(text);
	return rc;
}

static int seed_dir(struct app *app, struct store_conn *db,
		    struct wc_error *err)
{
	const char *dir_path = app->cfg.training_seed_dir;
	char path[1200];
	struct dirent *e;
	int rc = 0, files = 0;
	DIR *dir = opendir(dir_path);

	if (!dir)
		return wc_error_set(err, "invalid_field", "training-seed",
				    "cannot open %s: %s", dir_path,
				    strerror(errno));
	while (rc == 0 && (e = readdir(dir))) {
		size_t n = strlen(e->d_name);

		if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir_path, e->d_name);
		rc = seed_file(app, db, path, err);
		files++;
	}
	closedir(dir);
	if (rc == 0 && files == 0)
		return wc_error_set(err, "invalid_field", "training-seed",
				    "no scenario (*.json) in %s", dir_path);
	return rc;
}

int seed_training(struct app *app, struct store_conn *db, struct wc_error *err)
{
	struct scheduler_counts counts = {0};

	if (db->ops->begin(db, err) < 0)
		return -1;
	for (size_t i = 0;
	     i < sizeof(training_users) / sizeof(training_users[0]); i++)
		if (add_user(app, db, training_users[i], err) < 0)
			goto fail;
	if (seed_dir(app, db, err) < 0)
		goto fail;
	/* Anything else due by now, as a real server would have done. */
	if (scheduler_run(app, db, clock_now(&app->clock), &counts, err) < 0)
		goto fail;
	if (db->ops->commit(db, err) < 0)
		goto fail;
	fprintf(stderr, "wincased: training seed from %s\n",
		app->cfg.training_seed_dir);
	return 0;
fail:
	db->ops->rollback(db);
	return -1;
}
