/* handlers_openapi.c - GET /v1/openapi.yaml: the API's OpenAPI description
 * (docs/openapi.yaml), the exact bytes of the file, embedded at build time
 * by the Makefile ($(BUILD)/gen/openapi_yaml.c), so the description a
 * client fetches is the one this program was built and tested with. */
#include "api.h"
#include "openapi.h"

void handle_openapi_get(struct api_request *req, struct api_reply *rep)
{
	(void)req;
	rep->status = 200;
	rep->raw_body = (const char *)wincased_openapi_yaml;
	rep->raw_len = wincased_openapi_yaml_len;
	rep->raw_type = "application/yaml; charset=utf-8";
}
