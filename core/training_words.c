/* training_words.c - the Chinese words of a debrief's evidence (what a
 * check found, training.h): the states, resolutions and results of the
 * API as a trainee reads them on the counter screens. A word the tables
 * do not know is shown as "?" (never the wire code). */
#include "wincase/training.h"

#include <string.h>

#include "wincase/checklist.h"
#include "wincase/lifecycle.h"

static const char *const case_words[CASE_STATUS_COUNT] = {
    [CASE_CHECKING] = "材料核对中", [CASE_NOTIFIED] = "已一次性告知",
    [CASE_ACCEPTED] = "已受理",	    [CASE_ACCEPTED_TOLERANT] = "已容缺受理",
    [CASE_COMPLETED] = "已办结",    [CASE_DENIED] = "不予批准",
    [CASE_WITHDRAWN] = "已撤回",
};

static const char *const inquiry_words[INQUIRY_STATUS_COUNT] = {
    [INQUIRY_OPEN] = "办理中",
    [INQUIRY_HANDED_OFF] = "转办待接收",
    [INQUIRY_REFERRED] = "已转办",
    [INQUIRY_CLOSED] = "已办结",
};

static const char *const commitment_words[COMMITMENT_STATUS_COUNT] = {
    [COMMITMENT_OPEN] = "待补交",
    [COMMITMENT_FULFILLED] = "已履约",
    [COMMITMENT_BREACHED] = "已失信",
    [COMMITMENT_WAIVED] = "已豁免",
};

static const char *const resolution_words[INQUIRY_RESOLUTION_COUNT] = {
    [RESOLUTION_ANSWERED] = "已答复",
    [RESOLUTION_REFERRED] = "已转办",
    [RESOLUTION_CONVERTED] = "已转为办件",
    [RESOLUTION_NO_ACTION] = "无需办理",
};

static const char *const result_words[CASE_RESULT_COUNT] = {
    [RESULT_APPROVED] = "准予办理",
    [RESULT_DENIED] = "不予批准",
};

static const char *const state_words[] = {
    [STATE_PENDING] = "未核对", [STATE_PROVIDED] = "已提供",
    [STATE_MISSING] = "缺少",	[STATE_DEFECTIVE] = "有误",
    [STATE_SHARED] = "免提交",
};

const char *training_word(enum training_vocabulary v, const char *code)
{
	enum case_status c;
	enum inquiry_status q;
	enum commitment_status m;
	enum inquiry_resolution r;
	enum case_result x;
	enum material_state s;

	switch (v) {
	case TRAINING_WORD_CASE_STATUS:
		return case_status_parse(code, &c) ? case_words[c] : "?";
	case TRAINING_WORD_INQUIRY_STATUS:
		return inquiry_status_parse(code, &q) ? inquiry_words[q] : "?";
	case TRAINING_WORD_COMMITMENT_STATUS:
		return commitment_status_parse(code, &m) ? commitment_words[m]
							 : "?";
	case TRAINING_WORD_RESOLUTION:
		return inquiry_resolution_parse(code, &r) ? resolution_words[r]
							  : "?";
	case TRAINING_WORD_RESULT:
		return case_result_parse(code, &x) ? result_words[x] : "?";
	case TRAINING_WORD_MATERIAL_STATE:
		return material_state_parse(code, &s) &&
			       (size_t)s <
				   sizeof(state_words) / sizeof(*state_words)
			   ? state_words[s]
			   : "?";
	}
	return "?";
}

/* The checks of docs/training.md, by the act each is about. */
static const struct {
	const char *kind, *name;
} check_names[] = {
    {"inquiry_registered", "登记咨询"},
    {"inquiry_closed", "办结咨询"},
    {"handoff_acknowledged", "转办并被接收"},
    {"handoff_count", "一次转到位"},
    {"no_handoff", "不转办"},
    {"not_bounced", "未被推诿"},
    {"no_case", "不建办件"},
    {"case_created", "建立办件"},
    {"case_status", "办件状态"},
    {"material_state", "材料核对"},
    {"notice_lists", "告知书所列材料"},
    {"notice_count", "告知书份数"},
    {"no_once_violation", "不超范围告知"},
    {"no_tolerant_acceptance", "不容缺受理"},
    {"no_acceptance", "不受理"},
    {"commitment_status", "承诺书状态"},
    {"commitment_materials", "承诺补交材料"},
    {"case_result", "办理结果"},
    {"rating", "评价"},
    {"credit_breaches", "失信记录"},
};

const char *training_check_name(const char *kind)
{
	for (size_t i = 0;
	     kind && i < sizeof(check_names) / sizeof(*check_names); i++)
		if (strcmp(check_names[i].kind, kind) == 0)
			return check_names[i].name;
	return "?";
}
