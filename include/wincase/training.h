/* training.h - training scenarios (conf/training/NAME.json, docs/training.md)
 * and their scoring: a scenario's expected outcome is a list of checks on
 * the server state a trainee left behind (cases and inquiries as wincased
 * returns them, and the applicant's credit answer). Pure: no I/O. */
#ifndef WINCASE_TRAINING_H
#define WINCASE_TRAINING_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "wincase/checklist.h"
#include "wincase/error.h"
#include "wincase/lifecycle.h"

struct catalog;

#define TRAINING_MAX_CHECKS    32
#define TRAINING_MAX_HINTS     8
#define TRAINING_MAX_SAYS      16
#define TRAINING_MAX_MATERIALS 32
#define TRAINING_MAX_RULES     6

/* What the trainee is asked to handle. */
enum training_kind { TRAINING_INQUIRY, TRAINING_CASE };

struct training_hint {
	const char *text; /* borrowed from the scenario's JSON */
	int cost;	  /* points taken off when the hint is shown */
};

struct training_check {
	const char *kind; /* "notice_lists", ...: a kind training.c knows */
	int points;
	const char *rule;    /* "R1" .. "R5" */
	const char *explain; /* one Chinese sentence */
	const json_t *args;  /* the check's whole object (borrowed) */
};

/* One material the persona brings, as the scenario describes it. */
struct training_material {
	const char *id;
	enum material_state
	    condition;	    /* provided, missing, defective, shared */
	const char *defect; /* what is wrong; NULL unless defective */
};

/* The simulated colleague (hidden fact "colleague") a handoff goes to. */
struct training_colleague {
	const char *username;
	const char *window;
	const char *department;	  /* NULL when not given */
	const char *display_name; /* NULL when not given */
	bool acknowledges;	  /* acknowledges the trainee's handoffs */
};

/* One loaded scenario. Every string points into root, which it owns. The
 * JSON members (materials, hidden_facts, checks' args) are what the
 * evaluation and the server's seed read; the typed members are the same
 * facts for the client, which reads no JSON. */
struct training_scenario {
	json_t *root;
	const char *id, *title, *kind; /* kind: "inquiry" or "case" */
	enum training_kind type;       /* kind as an enum */
	const char *brief;
	const char *applicant_name, *applicant_id_type, *applicant_id_no;
	const char *applicant_phone;
	const json_t *applicant_says; /* array of strings */
	const char *item_code, *scenario_id;
	const json_t *materials;    /* [{"id","condition","defect"?,"note"?}] */
	const json_t *hidden_facts; /* [{"kind",...}] */
	size_t n_hints;
	struct training_hint hints[TRAINING_MAX_HINTS];
	size_t n_checks;
	struct training_check checks[TRAINING_MAX_CHECKS];
	int max_points; /* sum of every check's points */
	/* Typed: */
	size_t n_says;
	const char *says[TRAINING_MAX_SAYS]; /* applicant.says */
	size_t n_persona_materials;
	struct training_material persona_materials[TRAINING_MAX_MATERIALS];
	size_t n_rules;
	const char *rules[TRAINING_MAX_RULES]; /* "R1".."R6", for the list */
	bool has_colleague;
	struct training_colleague colleague; /* the first colleague fact */
	/* time_travel: the trainee may move the clock travel_days working
	 * days ahead (0: not in this scenario), once the persona's newest
	 * case is in travel_after when has_travel_after. */
	int travel_days;
	bool has_travel_after;
	enum case_status travel_after;
};

/* A new scenario from JSON text, or NULL with err naming the field
 * ("checks[3].check": unknown check kind "x"; "applicant.id_no": ...).
 * Free with training_scenario_free. */
struct training_scenario *
training_scenario_load_text(const char *text, size_t len, struct wc_error *err);
/* The same from a parsed object (borrowed; the scenario takes its own
 * reference). */
struct training_scenario *training_scenario_from_json(json_t *root,
						      struct wc_error *err);
void training_scenario_free(struct training_scenario **sc);

/* The scenario's item, scenario and materials exist in cat, and every
 * material of the scenario is listed once; -1 with err otherwise. */
int training_scenario_check_catalog(const struct training_scenario *sc,
				    const struct catalog *cat,
				    struct wc_error *err);

/* One check's outcome. */
struct training_check_result {
	const struct training_check *check; /* borrowed from the scenario */
	bool passed;
	int points; /* earned: check->points when passed, else 0 */
	/* What the state showed, for the debrief, in Chinese words
	 * (材料名称, 3号窗口, 已受理; never an API code); "" when nothing
	 * to say. */
	char found[256];
};

struct training_result {
	size_t n;
	struct training_check_result results[TRAINING_MAX_CHECKS];
	int earned;	/* sum of passed checks' points */
	int max_points; /* sum of every check's points */
	int hint_cost;	/* sum of the costs of the hints used */
	int score;	/* earned - hint_cost, never below 0 */
	int seconds;	/* time taken, as passed in */
};

/* Evaluate every check of sc against state:
 *   {"user"?: "trainee1", "cases": [case...], "inquiries": [inquiry...],
 *    "credit"?: {credit answer of the persona}}
 * Cases and inquiries are those of the persona (applicant id_no equal, or
 * no id_no and the same name), created by "user" when it is given.
 * hints_used: the first hints_used hints were shown. -1 with err when the
 * state is not of that shape. */
int training_evaluate(const struct training_scenario *sc, const json_t *state,
		      size_t hints_used, int seconds,
		      struct training_result *out, struct wc_error *err);

/* The Chinese word of an API code for the debrief ("accepted" as a case
 * status: "已受理"); "?" for a code the vocabulary does not know. Static
 * strings. */
enum training_vocabulary {
	TRAINING_WORD_CASE_STATUS,
	TRAINING_WORD_INQUIRY_STATUS,
	TRAINING_WORD_COMMITMENT_STATUS,
	TRAINING_WORD_RESOLUTION,
	TRAINING_WORD_RESULT,
	TRAINING_WORD_MATERIAL_STATE,
};
const char *training_word(enum training_vocabulary v, const char *code);
/* A check kind's Chinese name ("handoff_count": "一次转到位"), for the
 * trainer's lists of lost checks; "?" for an unknown kind. */
const char *training_check_name(const char *kind);

/* New reference: {"scenario","title","score","max_points","earned","hint_cost",
 * "seconds","checks":[{"check","rule","points","earned","passed",
 * "explain","found"}]}. */
json_t *training_result_to_json(const struct training_scenario *sc,
				const struct training_result *res);

#endif
