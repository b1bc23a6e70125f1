/* fuzz_draft.c - the draft file reader (forms/draft.c): any bytes as a
 * draft file's text, read as the client reads dir/draft-SCREEN.txt at
 * start; what it reads into a form is written and read back the same. */
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "wincase/draft.h"
#include "wincase/forms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const choices[] = {"甲", "乙", "丙", NULL};

static const struct field_def defs[] = {
    {.name = "applicant.name", .label = "姓名", .kind = FIELD_TEXT},
    {.name = "kind", .label = "类型", .kind = FIELD_CHOICE, .choices = choices},
    {.name = "password", .label = "密码", .kind = FIELD_PASSWORD},
    {.name = "topic", .label = "内容", .kind = FIELD_TEXT, .max_chars = 20},
    {.name = "item_code", .label = "事项", .kind = FIELD_LOOKUP},
};
#define N_DEFS (sizeof(defs) / sizeof(*defs))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form *a, *b;
	struct draft_info info;
	char *text, *again;

	if (!setlocale(LC_ALL, "C.UTF-8"))
		abort();
	text = malloc(size + 1);
	a = form_new(defs, N_DEFS, "required");
	b = form_new(defs, N_DEFS, "required");
	if (!text || !a || !b)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	(void)draft_parse_info(text, &info);
	if (draft_parse_into(text, a) == 0) {
		again = draft_serialise(a, "fuzz", info.context);
		if (!again || draft_parse_into(again, b) != 0)
			abort();
		for (size_t i = 0; i < N_DEFS; i++)
			if (strcmp(form_value(a, i), form_value(b, i)) != 0 ||
			    form_choice(a, i) != form_choice(b, i))
				abort();
		free(again);
	}
	form_free(&a);
	form_free(&b);
	free(text);
	return 0;
}
