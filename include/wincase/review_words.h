/* review_words.h - the Chinese words of the review vocabulary, as data:
 * review item kinds, statuses, decisions and rating levels. The server
 * writes queue summaries with them and the reviewer console shows them,
 * so that neither shows an API word to a person (the counter's code->word
 * table is a separate one). */
#ifndef WINCASE_REVIEW_WORDS_H
#define WINCASE_REVIEW_WORDS_H

#include "wincase/lifecycle.h"

/* "容缺受理", "承诺失信", ...; "?" for an out-of-range kind. */
const char *review_words_kind(enum review_kind k);
/* "待审", "已审"; "?" out of range. */
const char *review_words_status(enum review_status s);
/* "同意", "退回", "免除承诺", "已整改"; "?" out of range. */
const char *review_words_decision(enum review_decision d);
/* R5: 1 "非常不满意" .. 5 "非常满意"; "?" for any other level. */
const char *review_words_rating(int level);

#endif
