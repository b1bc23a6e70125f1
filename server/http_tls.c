/* http_tls.c - HTTPS for wincased: libmicrohttpd's GnuTLS
 * support with the certificate handed over by a callback, so that a new
 * certificate (SIGHUP, http_tls_reload) serves the next handshake without
 * a restart or a dropped connection. TLS 1.2 or newer only. */
#include "http_tls.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>

#define TLS_CHAIN_MAX 8
#define TLS_FILE_MAX  (1024 * 1024)

/* One loaded certificate chain and key. */
struct tls_creds {
	gnutls_pcert_st chain[TLS_CHAIN_MAX];
	unsigned int n_chain;
	gnutls_privkey_t key;
	struct tls_creds *older; /* kept until http_tls_release */
};

/* The callback of libmicrohttpd has no user pointer: one server per
 * process holds its credentials here. A handshake in progress may still
 * use an older set, so a reload keeps every set until the server stops
 * (a reload is rare: a renewed certificate). */
static pthread_mutex_t tls_lock = PTHREAD_MUTEX_INITIALIZER;
static struct tls_creds *tls_current;

const char http_tls_priorities[] = "NORMAL:-VERS-ALL:+VERS-TLS1.3:"
				   "+VERS-TLS1.2";

static void creds_free(struct tls_creds *c)
{
	for (unsigned int i = 0; i < c->n_chain; i++)
		gnutls_pcert_deinit(&c->chain[i]);
	if (c->key)
		gnutls_privkey_deinit(c->key);
	free(c);
}

/* The whole of a (small) file as a datum; gnutls_free-compatible free. */
static int read_datum(const char *path, gnutls_datum_t *out,
		      struct wc_error *err)
{
	FILE *f = fopen(path, "rb");
	long size;

	if (!f)
		return wc_error_set(err, "invalid_field", "tls", "%s: %s", path,
				    strerror(errno));
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    size > TLS_FILE_MAX || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return wc_error_set(err, "invalid_field", "tls",
				    "%s: not a readable file of at most 1 MiB",
				    path);
	}
	out->data = malloc((size_t)size + 1);
	out->size = (unsigned int)size;
	if (!out->data ||
	    fread(out->data, 1, (size_t)size, f) != (size_t)size) {
		fclose(f);
		free(out->data);
		out->data = NULL;
		return wc_error_set(err, "invalid_field", "tls",
				    "%s: cannot read", path);
	}
	out->data[size] = '\0';
	fclose(f);
	return 0;
}

/* Does the key belong to the first certificate? GnuTLS checks it when
 * both are set in one credentials structure. */
static int check_pair(const gnutls_datum_t *cert, const gnutls_datum_t *key,
		      struct wc_error *err)
{
	gnutls_certificate_credentials_t cred;
	int rc;

	if (gnutls_certificate_allocate_credentials(&cred) < 0)
		return wc_error_set(err, "internal", "tls", "out of memory");
	rc = gnutls_certificate_set_x509_key_mem2(cred, cert, key,
						  GNUTLS_X509_FMT_PEM, NULL, 0);
	gnutls_certificate_free_credentials(cred);
	if (rc < 0)
		return wc_error_set(err, "invalid_field", "tls",
				    "tls_cert and tls_key: %s",
				    gnutls_strerror(rc));
	return 0;
}

static struct tls_creds *creds_load(const char *cert_path, const char *key_path,
				    struct wc_error *err)
{
	gnutls_datum_t cert = {0}, key = {0};
	struct tls_creds *c = calloc(1, sizeof(*c));
	int rc = c ? 0 : wc_error_set(err, "internal", "tls", "out of memory");

	if (rc == 0 && (read_datum(cert_path, &cert, err) < 0 ||
			read_datum(key_path, &key, err) < 0 ||
			check_pair(&cert, &key, err) < 0))
		rc = -1;
	if (rc == 0) {
		c->n_chain = TLS_CHAIN_MAX;
		rc = gnutls_pcert_list_import_x509_raw(
		    c->chain, &c->n_chain, &cert, GNUTLS_X509_FMT_PEM, 0);
		if (rc < 0) {
			c->n_chain = 0;
			wc_error_set(err, "invalid_field", "tls_cert", "%s: %s",
				     cert_path, gnutls_strerror(rc));
		}
	}
	if (rc >= 0) {
		rc = gnutls_privkey_init(&c->key);
		if (rc >= 0)
			rc = gnutls_privkey_import_x509_raw(
			    c->key, &key, GNUTLS_X509_FMT_PEM, NULL, 0);
		if (rc < 0)
			wc_error_set(err, "invalid_field", "tls_key", "%s: %s",
				     key_path, gnutls_strerror(rc));
	}
	if (key.data)
		memset(key.data, 0, key.size); /* the private key */
	free(key.data);
	free(cert.data);
	if (rc < 0 && c) {
		creds_free(c);
		c = NULL;
	}
	return c;
}

/* gnutls_certificate_retrieve_function2: the current chain and key. */
static int tls_retrieve(gnutls_session_t session, const gnutls_datum_t *ca_dn,
			int n_dn, const gnutls_pk_algorithm_t *algos,
			int n_algos, gnutls_pcert_st **pcert,
			unsigned int *pcert_length, gnutls_privkey_t *pkey)
{
	int rc = -1;

	(void)session;
	(void)ca_dn;
	(void)n_dn;
	(void)algos;
	(void)n_algos;
	pthread_mutex_lock(&tls_lock);
	if (tls_current) {
		*pcert = tls_current->chain;
		*pcert_length = tls_current->n_chain;
		*pkey = tls_current->key;
		rc = 0;
	}
	pthread_mutex_unlock(&tls_lock);
	return rc;
}

void *http_tls_callback(void)
{
	gnutls_certificate_retrieve_function2 *cb = tls_retrieve;

	return (void *)cb;
}

bool http_tls_enabled(const struct app *app)
{
	return app->cfg.tls_cert[0] != '\0';
}

int http_tls_reload(struct app *app, struct wc_error *err)
{
	struct tls_creds *c;

	if (!http_tls_enabled(app))
		return 0;
	if (!app->cfg.tls_key[0])
		return wc_error_set(err, "invalid_field", "tls_key",
				    "tls_cert needs tls_key");
	c = creds_load(app->cfg.tls_cert, app->cfg.tls_key, err);
	if (!c)
		return -1; /* the certificate served so far stays */
	pthread_mutex_lock(&tls_lock);
	c->older = tls_current;
	tls_current = c;
	pthread_mutex_unlock(&tls_lock);
	return 0;
}

void http_tls_release(void)
{
	struct tls_creds *c;

	pthread_mutex_lock(&tls_lock);
	c = tls_current;
	tls_current = NULL;
	pthread_mutex_unlock(&tls_lock);
	while (c) {
		struct tls_creds *older = c->older;

		creds_free(c);
		c = older;
	}
}
