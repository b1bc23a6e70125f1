/* fuzz_utf8.c - the UTF-8 codec: core/text.c's text_decode and
 * text_encode (a sequence decodes to what encodes back to the same
 * bytes), core/validate.c's checks of text and identifiers, and the
 * server's api_utf8_clean (what it leaves is valid UTF-8, as jansson and
 * validate_text need). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "wincase/text.h"
#include "wincase/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void codec(const char *s, size_t size)
{
	size_t at = 0;
	char enc[4];

	while (at < size) {
		wchar_t cp;
		size_t n = text_decode(s + at, size - at, &cp), m;

		if (n < 1 || n > 4 || n > size - at)
			abort();
		if (cp != 0xFFFD || n == 3) {
			m = text_encode(cp, enc);
			if (m != n || memcmp(enc, s + at, n) != 0)
				abort();
		}
		at += n;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *orig = malloc(size + 1);
	enum validate_result v;

	if (!s || !orig)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	memcpy(orig, s, size + 1);
	codec(s, size);
	v = validate_text(s, TEXT_MAX_CHARS, true);
	for (int t = ID_RESIDENT; t <= ID_OTHER; t++)
		(void)validate_id((enum id_type)t, s, 2026);
	(void)validate_phone(s);
	(void)validate_resident_id_check(s);
	(void)validate_uscc_check(s);
	api_utf8_clean(s);
	if (validate_text(s, (size_t)-1, true) == VALID_ENCODING)
		abort();
	if (v == VALID_OK && strcmp(s, orig) != 0)
		abort(); /* valid text is left alone */
	free(orig);
	free(s);
	return 0;
}
