/* fuzz_template.c - document templates (server/documents_render.c): the
 * bytes up to the first NUL are a template, checked with the notice's
 * names as documents.c checks conf_dir/templates/ and rendered; the bytes
 * after it, when they are a JSON object, are the variables (else a fixed
 * notice's). A rendered document is valid UTF-8 without controls but
 * newline (documents are printed and shown in the terminal). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "documents.h"
#include "wincase/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const keys[] = {"no",
				   "verify_code",
				   "issued_date",
				   "applicant_name",
				   "applicant_id_type",
				   "applicant_id_no",
				   "applicant_phone",
				   "item_code",
				   "item_name",
				   "legal_basis",
				   "location",
				   "contact",
				   "clerk",
				   "window",
				   "application_date",
				   NULL};
static const char *const material_keys[] = {"name", "state", "reason",
					    "how_to_obtain", NULL};

static const char notice_vars[] =
    "{\"no\":\"GZ-20261102-0001\",\"applicant_name\":\"张三\","
    "\"item_code\":\"000131104000\",\"deadline_days\":3,"
    "\"materials\":[{\"name\":\"营业执照\",\"state\":\"missing\","
    "\"reason\":\"未携带\\u001b[31m\"},{\"name\":\"\\u202e清单\"}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t tlen = nul ? (size_t)(nul - data) : size;
	char *tmpl = malloc(tlen + 1);
	json_t *vars = NULL;
	struct wc_error err;
	char *out;

	if (!tmpl)
		return 0;
	memcpy(tmpl, data, tlen);
	tmpl[tlen] = '\0';
	if (nul)
		vars =
		    json_loadb((const char *)nul + 1, size - tlen - 1, 0, NULL);
	if (!json_is_object(vars)) {
		json_decref(vars);
		vars = json_loads(notice_vars, 0, NULL);
	}
	(void)document_template_check(tmpl, keys, "materials", material_keys,
				      &err);
	out = document_render(tmpl, vars, &err);
	if (out && validate_text(out, (size_t)-1, true) != VALID_OK &&
	    validate_text(tmpl, (size_t)-1, true) == VALID_OK)
		abort(); /* only the template's own bytes may be unclean */
	free(out);
	json_decref(vars);
	free(tmpl);
	return 0;
}
