/* api_documents_pdf.c - GET /v1/documents/{no}.pdf: the A4 PDF of an issued
 * notice or commitment, as the server lays it out for the printer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net_case.h"

#define PDF_MAGIC "%PDF-"

int net_document_pdf(struct net_client *client, const char *no, bool reprint,
		     char **pdf, size_t *len, struct wc_error *err)
{
	char path[256];

	*pdf = NULL;
	*len = 0;
	if (net_path_build(path, sizeof(path), "/v1/documents/", no,
			   reprint ? ".pdf?reprint=true" : ".pdf"))
		return wc_error_set(err, "not_found", NULL, "bad number");
	if (net_get_bytes(client, path, pdf, len, err))
		return -1;
	/* Whatever a proxy or an old server answers, only a PDF is printed
	 * as one. */
	if (*len < strlen(PDF_MAGIC) ||
	    memcmp(*pdf, PDF_MAGIC, strlen(PDF_MAGIC)) != 0) {
		free(*pdf);
		*pdf = NULL;
		*len = 0;
		return wc_error_set(err, "bad_response", NULL, "not a PDF");
	}
	return 0;
}
