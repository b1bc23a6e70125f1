/* http_tls.h - HTTPS of wincased: the certificate and key of
 * the config (tls_cert, tls_key, PEM files) served through libmicrohttpd's
 * GnuTLS support, TLS 1.2 or newer, and replaced without a restart. */
#ifndef WINCASED_HTTP_TLS_H
#define WINCASED_HTTP_TLS_H

#include <stdbool.h>

#include "app.h"

/* The GnuTLS priority string given to MHD_OPTION_HTTPS_PRIORITIES. */
extern const char http_tls_priorities[];

/* Is HTTPS configured (tls_cert set)? */
bool http_tls_enabled(const struct app *app);
/* (Re)read tls_cert and tls_key; the next handshake uses them. On error
 * (unreadable, not PEM, key not of the certificate) nothing changes and
 * the certificate served so far stays. The SIGHUP hook: call it from the
 * signal loop (main.c), never from a signal handler. 0 without TLS. */
int http_tls_reload(struct app *app, struct wc_error *err);
/* For MHD_OPTION_HTTPS_CERT_CALLBACK (a gnutls_certificate_retrieve_
 * function2 *), as a pointer for struct MHD_OptionItem. */
void *http_tls_callback(void);
/* Free every certificate loaded; after the server stopped. */
void http_tls_release(void);

#endif
