/* documents_pdf.h - a signed notice or commitment as an A4 PDF for the
 * printer (documents_pdf.c), and the public page that checks its code
 * (verify_page.c). */
#ifndef WINCASED_DOCUMENTS_PDF_H
#define WINCASED_DOCUMENTS_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "documents.h"

struct document_pdf_options {
	const char *verify_url;	  /* what the QR code holds */
	const char *verify_base;  /* printed for typing: PUBLIC_URL/verify */
	const char *reprint_mark; /* "补打 ..." on every page, or NULL */
	bool training;		  /* 培训样张 across every page */
};

/* New buffer of *len bytes (free it): the PDF of doc, laid out from its
 * template and variables when they render to its signed text, else from
 * the text alone. NULL with err. */
unsigned char *document_pdf(const struct document_record *doc,
			    const struct document_pdf_options *opt, size_t *len,
			    struct wc_error *err);

/* At exit, once no PDF is being made: the font and cairo caches freed
 * (leak checkers see no leak then). */
void document_pdf_cleanup(void);

/* PUBLIC_URL/verify?code=CODE of this server into out: public_url when
 * set, else the listening address. */
void document_verify_url(const struct app *app, const char *code, char *out,
			 size_t size);

/* The name as the public page shows it: the first character, then one *
 * for each of the next (at most three): 张三 张*, 欧阳修 欧**. New string. */
char *document_name_masked(const char *name);

void handle_document_pdf(struct api_request *req, struct api_reply *rep);
void handle_verify_page(struct api_request *req, struct api_reply *rep);

#endif
