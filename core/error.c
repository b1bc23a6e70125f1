/* error.c - the error value shared by every module (STYLE.md 9). */
#include "wincase/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int wc_error_set(struct wc_error *err, const char *code, const char *field,
		 const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	snprintf(err->code, sizeof(err->code), "%s", code ? code : "internal");
	snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -1;
}

void wc_error_clear(struct wc_error *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}
