/* validate.h - identifiers and text fields as API.md's conventions define
 * them. Pure functions over NUL-terminated UTF-8 strings. */
#ifndef WINCASE_VALIDATE_H
#define WINCASE_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

enum id_type { ID_RESIDENT, ID_USCC, ID_PASSPORT, ID_OTHER };

/* Why a value is invalid. The client maps these to Chinese messages, the
 * server to English ones (validate_result_text). */
enum validate_result {
	VALID_OK = 0,
	VALID_EMPTY,	  /* required and empty */
	VALID_LENGTH,	  /* wrong number of characters */
	VALID_CHARSET,	  /* a character that cannot appear there */
	VALID_BIRTH_DATE, /* resident ID: no such birth date, or in the future
			   */
	VALID_CHECK,	  /* check digit / character does not match */
	VALID_TOO_LONG,	  /* text over its limit */
	VALID_CONTROL,	  /* a control character other than newline */
	VALID_ENCODING,	  /* not valid UTF-8 */
};

/* "resident_id", "uscc", "passport", "other" */
bool id_type_parse(const char *name, enum id_type *out);
const char *id_type_name(enum id_type type);

/* GB 11643: 17 digits, then the weighted ISO 7064 MOD 11-2 check character
 * (0-9 or X, upper case only); digits 7-14 a real date not after
 * max_birth_year-12-31 (pass 0 to skip that bound). */
enum validate_result validate_resident_id(const char *text, int max_birth_year);
/* The check character for 17 digits; '\0' if they are not 17 digits. */
char validate_resident_id_check(const char *first17);

/* GB 32100: 18 characters of 0-9 A-H J-N P-R T U W-Y; the check character
 * (position 18) by weights 3^i mod 31. Position 1-2 registration authority
 * and type are not checked beyond the alphabet. */
enum validate_result validate_uscc(const char *text);
char validate_uscc_check(const char *first17);

/* Passport: 5-20 of A-Z 0-9 (upper case). Other: 1-40 characters, no
 * control characters. */
enum validate_result validate_passport(const char *text);
enum validate_result validate_id(enum id_type type, const char *text,
				 int max_birth_year);

/* Mobile 1[3-9] + 9 digits, or a landline: area code 0 + 2-3 digits, an
 * optional '-', then 7-8 digits not starting with 0 or 1. */
enum validate_result validate_phone(const char *text);

/* Valid UTF-8, at most max_chars code points, no control characters except
 * '\n' when allow_newline. Empty is fine (callers check required fields). */
enum validate_result validate_text(const char *text, size_t max_chars,
				   bool allow_newline);

/* A person's or a unit's name (issue 13.8): validate_text's rules, and
 * only Chinese characters (every CJK block, Extension B included), Latin
 * letters, digits, spaces, the middle dot (·) and ( ) （ ） - . ' —
 * emoji and other symbols give VALID_CHARSET. */
enum validate_result validate_name(const char *text, size_t max_chars);

#define TEXT_MAX_CHARS 2000
#define NAME_MAX_CHARS 100

/* Short English description of a result, for API error messages. */
const char *validate_result_text(enum validate_result result);

#endif
