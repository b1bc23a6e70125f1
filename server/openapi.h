/* openapi.h - docs/openapi.yaml as bytes, generated at build time into
 * $(BUILD)/gen/openapi_yaml.c (Makefile); not NUL-terminated. */
#ifndef WINCASED_OPENAPI_H
#define WINCASED_OPENAPI_H

#include <stddef.h>

extern const unsigned char wincased_openapi_yaml[];
extern const size_t wincased_openapi_yaml_len;

#endif
