/* prism.h - the OpenAPI check of the API tests (make test-openapi): with
 * WINCASE_TEST_PRISM=path-to-prism set, every wincased a test starts gets
 * Stoplight Prism's validating proxy (`prism proxy --errors`, on
 * docs/openapi.yaml) in front of it, and the test talks to the proxy.
 *
 * The tests send invalid requests on purpose (to see wincased refuse
 * them); the strict proxy refuses those itself, without forwarding. Such
 * a request goes again through a second, lenient proxy (no --errors),
 * which forwards it and reports in `sl-violations` whether wincased's
 * answer matches the description; wincased must refuse it (4xx). Bodies
 * that are not JSON go straight to wincased (Prism does not answer a
 * malformed JSON body). Every mismatch prints a TAP "not ok" line, so the
 * run fails; the counts are printed at exit. Without the variable nothing
 * changes. */
#ifndef WINCASE_TEST_PRISM_H
#define WINCASE_TEST_PRISM_H

#include <stdbool.h>

#include "http.h"
#include "server.h"

/* After wincased is up: start the proxies and point srv->url at the
 * strict one. 0 (also when disabled), or -1 with a message. */
int test_prism_start(struct test_server *srv);
/* Stop the proxies in front of srv, if any; srv->url is the server's own
 * again. */
void test_prism_stop(struct test_server *srv);

/* The server's own URL behind url when url is a strict proxy's, else
 * url (for what a test checks outside HTTP answers: headers Prism drops,
 * what a browser is pointed at). */
const char *test_prism_upstream(const char *url);

/* http_do through the proxies when base_url is a strict proxy's;
 * send(url, req, out) is one plain call. Returns send's result. */
typedef int (*test_prism_send_fn)(const char *url,
				  const struct http_request *req,
				  struct http_reply *out);
int test_prism_do(const char *base_url, const struct http_request *req,
		  struct http_reply *out, test_prism_send_fn send);

#endif
