/* validate.c - identifiers and text fields as API.md's conventions define
 * them: GB 11643 resident IDs, GB 32100 unified social credit codes,
 * passports, phone numbers and free text. */
#include <string.h>

#include "wincase/date.h"
#include "wincase/text.h"
#include "wincase/validate.h"

#define OTHER_ID_MAX_CHARS 40
#define BIRTH_YEAR_MIN	   1800

static const char *const id_type_names[] = {
    [ID_RESIDENT] = "resident_id",
    [ID_USCC] = "uscc",
    [ID_PASSPORT] = "passport",
    [ID_OTHER] = "other",
};

bool id_type_parse(const char *name, enum id_type *out)
{
	for (size_t i = 0;
	     name && i < sizeof(id_type_names) / sizeof(*id_type_names); i++) {
		if (strcmp(name, id_type_names[i]) == 0) {
			*out = (enum id_type)i;
			return true;
		}
	}
	return false;
}

const char *id_type_name(enum id_type type)
{
	if ((unsigned)type >= sizeof(id_type_names) / sizeof(*id_type_names))
		return "other";
	return id_type_names[type];
}

static bool validate_all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int validate_number(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

char validate_resident_id_check(const char *first17)
{
	static const int weights[17] = {7, 9, 10, 5,  8, 4, 2, 1, 6,
					3, 7, 9,  10, 5, 8, 4, 2};
	int sum = 0;

	if (!first17 || strnlen(first17, 18) < 17 ||
	    !validate_all_digits(first17, 17))
		return '\0';
	for (int i = 0; i < 17; i++)
		sum += (first17[i] - '0') * weights[i];
	return "10X98765432"[sum % 11];
}

enum validate_result validate_resident_id(const char *text, int max_birth_year)
{
	int year, month, day;

	if (!text || !*text)
		return VALID_EMPTY;
	if (strlen(text) != 18)
		return VALID_LENGTH;
	/* Only an upper-case X: the standard says so, and a stored lower-case
	 * x would not match the same person's other records. */
	if (!validate_all_digits(text, 17) ||
	    !((text[17] >= '0' && text[17] <= '9') || text[17] == 'X'))
		return VALID_CHARSET;
	year = validate_number(text + 6, 4);
	month = validate_number(text + 10, 2);
	day = validate_number(text + 12, 2);
	if (year < BIRTH_YEAR_MIN || !date_is_valid_ymd(year, month, day) ||
	    (max_birth_year > 0 && year > max_birth_year))
		return VALID_BIRTH_DATE;
	if (validate_resident_id_check(text) != text[17])
		return VALID_CHECK;
	return VALID_OK;
}

/* GB 32100 alphabet: digits and capitals without I O S V Z. */
static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int uscc_value(char c)
{
	const char *p;

	if (c == '\0')
		return -1;
	p = strchr(uscc_alphabet, c);
	return p ? (int)(p - uscc_alphabet) : -1;
}

char validate_uscc_check(const char *first17)
{
	int sum = 0, weight = 1;

	if (!first17)
		return '\0';
	for (int i = 0; i < 17; i++) {
		int v = uscc_value(first17[i]);

		if (v < 0)
			return '\0';
		sum += v * weight;
		weight = weight * 3 % 31;
	}
	return uscc_alphabet[(31 - sum % 31) % 31];
}

enum validate_result validate_uscc(const char *text)
{
	if (!text || !*text)
		return VALID_EMPTY;
	if (strlen(text) != 18)
		return VALID_LENGTH;
	for (int i = 0; i < 18; i++)
		if (uscc_value(text[i]) < 0)
			return VALID_CHARSET;
	if (validate_uscc_check(text) != text[17])
		return VALID_CHECK;
	return VALID_OK;
}

enum validate_result validate_passport(const char *text)
{
	size_t len;

	if (!text || !*text)
		return VALID_EMPTY;
	len = strlen(text);
	for (size_t i = 0; i < len; i++)
		if (!((text[i] >= 'A' && text[i] <= 'Z') ||
		      (text[i] >= '0' && text[i] <= '9')))
			return VALID_CHARSET;
	if (len < 5 || len > 20)
		return VALID_LENGTH;
	return VALID_OK;
}

enum validate_result validate_id(enum id_type type, const char *text,
				 int max_birth_year)
{
	switch (type) {
	case ID_RESIDENT:
		return validate_resident_id(text, max_birth_year);
	case ID_USCC:
		return validate_uscc(text);
	case ID_PASSPORT:
		return validate_passport(text);
	case ID_OTHER:
	default:
		if (!text || !*text)
			return VALID_EMPTY;
		return validate_text(text, OTHER_ID_MAX_CHARS, false);
	}
}

/* Landline: area code 0 + 2-3 digits, an optional '-', then a local number
 * of 7-8 digits not starting with 0 or 1. With a dash the split is given;
 * without one, either area code length may fit. */
static enum validate_result validate_landline(const char *s, size_t len)
{
	const char *dash = strchr(s, '-');
	size_t area, local;

	if (dash) {
		area = (size_t)(dash - s);
		local = len - area - 1;
		if (area < 3 || area > 4 || local < 7 || local > 8)
			return VALID_LENGTH;
		return dash[1] >= '2' ? VALID_OK : VALID_CHARSET;
	}
	if (len < 10 || len > 12)
		return VALID_LENGTH;
	for (area = 3; area <= 4; area++) {
		local = len - area;
		if (local >= 7 && local <= 8 && s[area] >= '2')
			return VALID_OK;
	}
	return VALID_CHARSET;
}

enum validate_result validate_phone(const char *text)
{
	size_t len, dashes = 0;

	if (!text || !*text)
		return VALID_EMPTY;
	len = strlen(text);
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '-')
			dashes++;
		else if (text[i] < '0' || text[i] > '9')
			return VALID_CHARSET;
	}
	if (text[0] == '1' && dashes == 0) {
		if (len != 11)
			return VALID_LENGTH;
		return text[1] >= '3' ? VALID_OK : VALID_CHARSET;
	}
	/* Without an area code a number is ambiguous across cities. */
	if (text[0] != '0' || dashes > 1)
		return VALID_CHARSET;
	return validate_landline(text, len);
}

enum validate_result validate_text(const char *text, size_t max_chars,
				   bool allow_newline)
{
	size_t len, chars = 0;
	bool control = false;

	if (!text)
		return VALID_OK;
	len = strlen(text);
	for (size_t i = 0; i < len; chars++) {
		wchar_t cp;
		size_t n = text_decode(text + i, len - i, &cp);

		if (cp == 0xFFFD && n == 1)
			return VALID_ENCODING;
		/* C0 (newline aside), DEL and C1 are all control characters. */
		if ((cp < 0x20 && !(cp == '\n' && allow_newline)) ||
		    (cp >= 0x7F && cp <= 0x9F))
			control = true;
		i += n;
	}
	if (control)
		return VALID_CONTROL;
	if (chars > max_chars)
		return VALID_TOO_LONG;
	return VALID_OK;
}

/* Issue 13.8: the characters of a person's or a unit's name, as data:
 * Chinese characters of every CJK block (Extension B's 𠮷 included),
 * Latin letters (accented ones too), digits, the middle dot of
 * transcribed names, and the few marks unit names carry. Emoji, symbols
 * and other punctuation are refused. */
static const struct {
	wchar_t from, to;
} name_ranges[] = {
    {L' ', L' '},	{L'0', L'9'},	    {L'A', L'Z'},
    {L'a', L'z'},	{L'(', L')'},	    {L'-', L'.'},
    {L'\'', L'\''},	{0x00B7, 0x00B7}, /* · */
    {0x00C0, 0x00D6},	{0x00D8, 0x00F6},   {0x00F8, 0x024F},
    {0x2027, 0x2027},	{0x30FB, 0x30FB}, /* ‧ ・ */
    {0x3007, 0x3007},			  /* 〇 */
    {0x3400, 0x4DBF},	{0x4E00, 0x9FFF},   {0xF900, 0xFAFF},
    {0xFF08, 0xFF09}, /* （ ） */
    {0xFF10, 0xFF19},	{0xFF21, 0xFF3A},   {0xFF41, 0xFF5A},
    {0x20000, 0x2A6DF}, {0x2A700, 0x2EBEF}, {0x2F800, 0x2FA1F},
    {0x30000, 0x323AF},
};

static bool name_char_ok(wchar_t cp)
{
	for (size_t i = 0; i < sizeof(name_ranges) / sizeof(*name_ranges); i++)
		if (cp >= name_ranges[i].from && cp <= name_ranges[i].to)
			return true;
	return false;
}

enum validate_result validate_name(const char *text, size_t max_chars)
{
	enum validate_result r = validate_text(text, max_chars, false);
	size_t len;

	if (r != VALID_OK && r != VALID_TOO_LONG)
		return r;
	len = text ? strlen(text) : 0;
	for (size_t i = 0; i < len;) {
		wchar_t cp;

		i += text_decode(text + i, len - i, &cp);
		if (!name_char_ok(cp))
			return VALID_CHARSET;
	}
	return r;
}

const char *validate_result_text(enum validate_result result)
{
	switch (result) {
	case VALID_OK:
		return "valid";
	case VALID_EMPTY:
		return "required and empty";
	case VALID_LENGTH:
		return "wrong number of characters";
	case VALID_CHARSET:
		return "contains a character that cannot appear there";
	case VALID_BIRTH_DATE:
		return "no such birth date";
	case VALID_CHECK:
		return "check character does not match";
	case VALID_TOO_LONG:
		return "too long";
	case VALID_CONTROL:
		return "contains control characters";
	case VALID_ENCODING:
		return "not valid UTF-8";
	}
	return "invalid";
}
