/* documents.h - printable one-time notices (一次性告知书, R2) and
 * commitments (容缺受理承诺书, R3): rendered from the templates in
 * conf_dir/templates/, signed with the server's Ed25519 key, stored, and
 * checked by anyone holding the paper through a short verify code.
 *
 * Signing. The stored text is signed as it is (Ed25519 detached,
 * crypto_sign_detached over its exact UTF-8 bytes; the signature is kept in
 * standard base64). The verify code cannot be derived from the signature of
 * a text that contains it, so it comes from the signature of the same
 * document rendered with an empty code: BLAKE2b-256 of that signature (with
 * a retry counter as key after a collision), its first 50 bits in Crockford
 * base32 (0-9 A-Z without I L O U), written XXXX-XXXX-XX.
 *
 * The key. data_dir/wincased.key holds the 32-byte Ed25519 seed. It is
 * created on first start with mode 0600 (O_CREAT|O_EXCL); wincased refuses
 * to start when it is readable or writable by group or others, is not a
 * regular file, or is not 32 bytes. data_dir is the setting data_dir
 * (--data-dir), else the directory of the database file.
 *
 * Template variables (document_issue's vars; every value a string unless
 * said otherwise; a missing or null optional value prints as 无):
 *
 * both kinds
 *   applicant_name     required
 *   applicant_id_type  optional: resident_id, uscc, passport, other (printed
 *                      in Chinese) or any text
 *   applicant_id_no    optional
 *   applicant_phone    optional
 *   item_code          required; must be in the catalog
 *   item_name          optional: default the catalog's name
 *   legal_basis        optional: default the catalog item's legal_basis
 *   location, contact  optional: default the catalog item's
 *   clerk              optional: default the caller's display name
 *   window             optional: default the caller's session window
 *   materials          required non-empty array of objects
 *                      {"name","state","reason","how_to_obtain"}: state
 *                      "missing" prints 缺少, "defective" 有误; the other
 *                      members are strings (reason and how_to_obtain may be
 *                      empty or absent)
 * notice only
 *   application_date   required, YYYY-MM-DD (the case's creation date)
 * commitment only
 *   deadline_days      required integer: working days to supplement
 *   deadline_date      optional YYYY-MM-DD (absent: printed as 无, e.g.
 *                      while the calendar of that year is not loaded)
 *   applicant_confirmation  required: the name the applicant typed
 *
 * Set by document_issue (a caller's value is ignored): no, verify_code,
 * issued_date (the server-local date of issue, 2026年11月2日), and the
 * dates above are printed the same way. Inside {{#materials}} a template may
 * also use {{index}} (1, 2, ...). */
#ifndef WINCASED_DOCUMENTS_H
#define WINCASED_DOCUMENTS_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "api.h"

#define DOCUMENT_KEY_FILE  "wincased.key"
#define DOCUMENT_CODE_SIZE 16 /* "XXXX-XXXX-XX" and NUL, with room */

struct document_record {
	int64_t id;
	char kind[16]; /* notice, commitment */
	char no[24];   /* GZ-YYYYMMDD-NNNN, CN-YYYYMMDD-NNNN */
	int64_t case_id;
	int64_t issued_at;
	char *text;	     /* owned; document_record_release */
	char signature[128]; /* base64 Ed25519 signature of text */
	char verify_code[DOCUMENT_CODE_SIZE];
	/* What text was rendered from (owned; NULL in documents issued before
	 * they were kept): the completed variables as JSON and the template. */
	char *data;
	char *template_text;
};

void document_record_release(struct document_record *rec);

/* At start: the signing key from the data folder (created if absent) and
 * both templates from cfg.conf_dir/templates/. -1 with err (a message fit
 * for the administrator) when the key file is unsafe or malformed or a
 * template is missing or broken. */
int documents_init(struct app *app, struct wc_error *err);
void documents_release(struct app *app);
/* Only the signing key, for the command-line verbs (no templates): 0, 1
 * when data_dir has no key file (none is created), -1 with err. Release
 * with documents_release. */
int documents_open_key(struct app *app, struct wc_error *err);
/* Ed25519 detached signature of data with the server's key (the audit
 * checkpoints, audit.h), and the public key (32 bytes). */
void documents_sign(const struct documents *docs, const void *data, size_t len,
		    unsigned char sig[64]);
const unsigned char *documents_public_key(const struct documents *docs);
/* SIGHUP: read the templates from conf_dir again; on an error the old
 * ones stay (and err says why). */
int documents_templates_reload(struct app *app, struct wc_error *err);

/* Render, sign, store (in req's write transaction) and audit
 * ("document.issue" on case:ID) one document of kind "notice" or
 * "commitment" numbered no. Fills out (release it). Returns 0, or -1 after
 * setting an error reply on rep. */
int document_issue(struct api_request *req, struct api_reply *rep,
		   const char *kind, const char *no, int64_t case_id,
		   const json_t *vars, struct document_record *out);

/* The stored document for a code as a person typed it (any case, dashes
 * and spaces optional, O read as 0, I and L as 1). *valid is true only if
 * it exists and its signature still verifies over its text with this
 * server's key and the text carries the code; out is filled when found
 * (release it). */
int document_verify(struct app *app, struct store_conn *db, const char *code,
		    bool *valid, struct document_record *out,
		    struct wc_error *err);

/* The data folder: cfg.data_dir, else the database file's directory. */
void document_data_dir(const struct server_config *cfg, char *out, size_t size);
/* Read dir/wincased.key, creating it (0600) when absent (*created true).
 * -1 with err when it is unsafe (group/other bits set, not a regular
 * file, a symbolic link) or not a 32-byte seed. */
int document_key_open(const char *dir, unsigned char seed[32], bool *created,
		      struct wc_error *err);

/* Pure parts, exposed for tests. */

/* The canonical form XXXX-XXXX-XX of a typed code; false if it cannot be
 * one. */
bool document_code_normalize(const char *typed, char out[DOCUMENT_CODE_SIZE]);
/* The code for a signature, attempt 0, 1, ... after collisions. */
void document_code_derive(const unsigned char sig[64], unsigned attempt,
			  char out[DOCUMENT_CODE_SIZE]);

/* Check a template: {{name}}, {{#section}}...{{/section}} (one level),
 * names from keys (NULL-terminated) or, inside the section, from
 * section_keys; no control characters but newline. */
int document_template_check(const char *tmpl, const char *const *keys,
			    const char *section,
			    const char *const *section_keys,
			    struct wc_error *err);
/* New string: tmpl with every {{name}} replaced by vars' value (strings
 * sanitised, keeping newlines; integers in decimal; missing or null 无),
 * every {{#name}}...{{/name}} repeated for each object of the array
 * vars[name] (names resolved in the object first, {{index}} counting from
 * 1). NULL with err on a syntax error or a value of another type. */
char *document_render(const char *tmpl, const json_t *vars,
		      struct wc_error *err);

/* The layout of a template for print (documents_pdf.c): the same template
 * that makes the text, cut at blank lines into blocks, the {{#section}}
 * body a block of its own (BLOCK_TABLE, one row per element). A block with
 * {{verify_code}} is BLOCK_VERIFY (the QR code goes beside it), one with
 * "____" BLOCK_SIGNATURES, one indented line BLOCK_TITLE, lines that all
 * read "label：value" (a short label, several pairs on a line apart by
 * four spaces) BLOCK_FIELDS, anything else BLOCK_PARAGRAPH (one per line).
 * Pure; the text a template renders is not changed by any of this. */
enum document_block_kind {
	BLOCK_TITLE,
	BLOCK_FIELDS,
	BLOCK_PARAGRAPH,
	BLOCK_TABLE,
	BLOCK_VERIFY,
	BLOCK_SIGNATURES,
};
struct document_block {
	enum document_block_kind kind;
	char *source; /* owned: the block's template text */
};
/* Fills *out with *n blocks (document_blocks_free them); section may be
 * NULL (no table: a stored text laid out as it is). */
int document_blocks(const char *tmpl, const char *section,
		    struct document_block **out, size_t *n,
		    struct wc_error *err);
void document_blocks_free(struct document_block **blocks, size_t *n);

#endif
