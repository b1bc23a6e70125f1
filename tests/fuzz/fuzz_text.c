/* fuzz_text.c - the terminal text sanitiser (core/text.c): whatever the
 * bytes, text_sanitize's answer is clean (no C0/C1 control, no bidi
 * override, valid UTF-8), sanitising it again changes nothing, and
 * text_is_clean says exactly whether a string needs a change. The width
 * functions never cut a character. */
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/text.h"
#include "wincase/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const char *s, unsigned flags)
{
	char *out = text_sanitize(s, flags), *twice;
	size_t cut;
	int cols;

	if (!out)
		abort();
	if (text_is_clean(s, flags) != (strcmp(out, s) == 0))
		abort();
	if (!text_is_clean(out, flags) ||
	    validate_text(out, (size_t)-1, flags & TEXT_KEEP_NEWLINE) !=
		VALID_OK)
		abort();
	twice = text_sanitize(out, flags);
	if (!twice || strcmp(twice, out) != 0)
		abort();
	for (int max = 0; max < 12; max += 5) {
		cut = text_cut(out, max, &cols);
		if (cut > strlen(out) || cols > max || cols < 0)
			abort();
	}
	(void)text_width(out);
	(void)text_chars(out);
	free(twice);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!setlocale(LC_ALL, "C.UTF-8") || !s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	check(s, 0);
	check(s, TEXT_KEEP_NEWLINE);
	free(s);
	return 0;
}
