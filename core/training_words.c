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
