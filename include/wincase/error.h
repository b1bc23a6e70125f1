/* error.h - the error value that travels from a rule to the screen or the
 * JSON reply unchanged (STYLE.md 9). */
#ifndef WINCASE_ERROR_H
#define WINCASE_ERROR_H

struct wc_error {
	char code[48];	   /* snake_case, as in API.md: "invalid_field" */
	char field[96];	   /* "applicant.id_no", or "" */
	char message[256]; /* English, for logs and API clients */
};

/* Fill err (if not NULL) and return -1, so that callers can write
 * `return wc_error_set(err, ...)`. field may be NULL. */
int wc_error_set(struct wc_error *err, const char *code, const char *field,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

void wc_error_clear(struct wc_error *err);

#endif
