/* review_words.c - the Chinese words of the review vocabulary (kinds,
 * statuses, decisions, rating levels), one table each. */
#include "wincase/review_words.h"

static const char *const kind_words[REVIEW_KIND_COUNT] = {
    [REVIEW_KIND_TOLERANT_ACCEPTANCE] = "容缺受理",
    [REVIEW_KIND_ONCE_VIOLATION] = "告知超范围",
    [REVIEW_KIND_BREACH] = "承诺失信",
    [REVIEW_KIND_OVERDUE] = "超期办件",
    [REVIEW_KIND_BOUNCED] = "推诿咨询",
    [REVIEW_KIND_RECTIFICATION] = "差评整改",
};

static const char *const status_words[REVIEW_STATUS_COUNT] = {
    [REVIEW_PENDING] = "待审",
    [REVIEW_DONE] = "已审",
};

static const char *const decision_words[REVIEW_DECISION_COUNT] = {
    [REVIEW_DECISION_APPROVE] = "同意",
    [REVIEW_DECISION_RETURN] = "退回",
    [REVIEW_DECISION_WAIVE] = "免除承诺",
    [REVIEW_DECISION_RECTIFIED] = "已整改",
};

/* R5: the rating scale, level 1 first. */
static const char *const rating_words[5] = {
    "非常不满意", "不满意", "基本满意", "满意", "非常满意",
};

const char *review_words_kind(enum review_kind k)
{
	return (unsigned)k < REVIEW_KIND_COUNT ? kind_words[k] : "?";
}

const char *review_words_status(enum review_status s)
{
	return (unsigned)s < REVIEW_STATUS_COUNT ? status_words[s] : "?";
}

const char *review_words_decision(enum review_decision d)
{
	return (unsigned)d < REVIEW_DECISION_COUNT ? decision_words[d] : "?";
}

const char *review_words_rating(int level)
{
	return level >= 1 && level <= 5 ? rating_words[level - 1] : "?";
}
