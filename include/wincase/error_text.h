/* error_text.h - Chinese words for every error code and every value of the
 * REST API (docs/api.md): what happened and what to do next. Both programs
 * ask it; the client never shows a wire word (issue 13.4). */
#ifndef WINCASE_ERROR_TEXT_H
#define WINCASE_ERROR_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct error_text {
	const char *code; /* "handoff_pending" */
	const char *what; /* 已有一笔转办等待对方接收 */
	const char *next; /* 可撤回后再转 */
};

/* The entry of code, or NULL when the table has none (NULL code too). */
const struct error_text *error_text_find(const char *code);

/* "what：next" for code into out; a general sentence that names no code
 * when code is unknown. Returns false in that case. */
bool error_text_format(const char *code, char *out, size_t size);

/* The Chinese word of a value of an enumerated member, by the member's
 * set name as docs/api.md's table "Values" names it ("case.status",
 * "result", "not_tolerable.reason"), or NULL. */
const char *value_text_find(const char *set, const char *value);

#endif
