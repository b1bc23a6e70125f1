/* test_validate.c - identifiers and text fields (validate.h): every way a
 * resident ID, a USCC, a passport number or a phone number can be wrong,
 * and the text rules of API.md's conventions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "wincase/validate.h"

struct id_case {
	const char *text;
	int max_birth_year;
	enum validate_result want;
};

static void test_resident_id_table(void **state)
{
	static const struct id_case cases[] = {
	    /* GB 11643's own example and valid variants. */
	    {"11010519491231002X", 0, VALID_OK},
	    {"11010519491231002X", 2026, VALID_OK},
	    {"440308199901011234", 0, VALID_OK},
	    {"110105200002290013", 0, VALID_OK}, /* 2000 is a leap year */
	    /* Empty and length. */
	    {"", 0, VALID_EMPTY},
	    {"11010519491231002", 0, VALID_LENGTH},
	    {"11010519491231002X1", 0, VALID_LENGTH},
	    {"110105194912310", 0, VALID_LENGTH},
	    /* Character set: lower-case x, letters, spaces, full-width. */
	    {"11010519491231002x", 0, VALID_CHARSET},
	    {"1101051949123100AX", 0, VALID_CHARSET},
	    {"X10105194912310021", 0, VALID_CHARSET},
	    {"110105 9491231002X", 0, VALID_CHARSET},
	    {"11010519491231002Y", 0, VALID_CHARSET},
	    {"\xef\xbc\x91\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90"
	     "\xef\xbc\x95",
	     0, VALID_CHARSET}, /* "１１０１０５", 18 bytes */
	    /* Birth date: month 13, day 32, Feb 30, 1900-02-29 (1900 is
	     * not a leap year), month 00, after the bound. */
	    {"110105194913310021", 0, VALID_BIRTH_DATE},
	    {"110105194912320025", 0, VALID_BIRTH_DATE},
	    {"110105194902300020", 0, VALID_BIRTH_DATE},
	    {"110105190002290017", 0, VALID_BIRTH_DATE},
	    {"110105194900100025", 0, VALID_BIRTH_DATE},
	    {"11010520300101001X", 2026, VALID_BIRTH_DATE},
	    {"11010500000101001X", 0, VALID_BIRTH_DATE},
	    /* Wrong check character: each neighbour of the right one. */
	    {"110105194912310021", 0, VALID_CHECK},
	    {"110105194912310020", 0, VALID_CHECK},
	    {"440308199901011233", 0, VALID_CHECK},
	    {"44030819990101123X", 0, VALID_CHECK},
	    {"110105200002290012", 0, VALID_CHECK},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum validate_result got = validate_resident_id(
		    cases[i].text, cases[i].max_birth_year);

		if (got != cases[i].want)
			fail_msg(
			    "resident id %s (max %d): got %d (%s), want %d",
			    cases[i].text, cases[i].max_birth_year, got,
			    validate_result_text(got), cases[i].want);
	}
	assert_int_equal(validate_resident_id(NULL, 0), VALID_EMPTY);
}

static void test_resident_id_check(void **state)
{
	(void)state;
	assert_int_equal(validate_resident_id_check("11010519491231002"), 'X');
	assert_int_equal(validate_resident_id_check("44030819990101123"), '4');
	assert_int_equal(validate_resident_id_check("1101051949123100"), '\0');
	assert_int_equal(validate_resident_id_check("1101051949123100A"), '\0');
	assert_int_equal(validate_resident_id_check(NULL), '\0');
	/* Every check value 0-10 appears for some 17 digits, and the
	 * computed character always validates. */
	{
		char id[19] = "11010519800101000";
		bool seen[11] = {false};

		for (int seq = 0; seq < 300; seq++) {
			char c;

			id[14] = (char)('0' + seq / 100);
			id[15] = (char)('0' + seq / 10 % 10);
			id[16] = (char)('0' + seq % 10);
			c = validate_resident_id_check(id);
			id[17] = c;
			id[18] = '\0';
			assert_int_equal(validate_resident_id(id, 0), VALID_OK);
			seen[c == 'X' ? 10 : c - '0'] = true;
		}
		for (int v = 0; v < 11; v++)
			assert_true(seen[v]);
	}
}

static void test_uscc_table(void **state)
{
	static const struct id_case cases[] = {
	    /* GB 32100-2015's example, and registered companies. */
	    {"91350100M000100Y43", 0, VALID_OK},
	    {"914403001922038216", 0, VALID_OK},
	    {"9144030071526726XG", 0, VALID_OK},
	    {"91110108551385082Q", 0, VALID_OK},
	    {"", 0, VALID_EMPTY},
	    {"91350100M000100Y4", 0, VALID_LENGTH},
	    {"91350100M000100Y431", 0, VALID_LENGTH},
	    /* I, O, S, V, Z are not in the alphabet; nor lower case. */
	    {"91350100M000100Y4I", 0, VALID_CHARSET},
	    {"91350100O000100Y43", 0, VALID_CHARSET},
	    {"91350100S000100Y43", 0, VALID_CHARSET},
	    {"91350100V000100Y43", 0, VALID_CHARSET},
	    {"91350100Z000100Y43", 0, VALID_CHARSET},
	    {"91350100m000100y43", 0, VALID_CHARSET},
	    {"91350100M000100Y4-", 0, VALID_CHARSET},
	    /* Wrong check character; a swapped pair of characters. */
	    {"91350100M000100Y44", 0, VALID_CHECK},
	    {"91440300192203821A", 0, VALID_CHECK},
	    {"914403001922038217", 0, VALID_CHECK},
	    {"91350100M000010Y43", 0, VALID_CHECK},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum validate_result got = validate_uscc(cases[i].text);

		if (got != cases[i].want)
			fail_msg("uscc %s: got %d (%s), want %d", cases[i].text,
				 got, validate_result_text(got), cases[i].want);
	}
	assert_int_equal(validate_uscc_check("91350100M000100Y4"), '3');
	assert_int_equal(validate_uscc_check("91440300192203821"), '6');
	assert_int_equal(validate_uscc_check("9135010OM000100Y4"), '\0');
	assert_int_equal(validate_uscc_check("9135"), '\0');
}

/* The check character catches every single-character error and every swap
 * of two different neighbours: what the weights are chosen for. */
static void test_check_catches_typos(void **state)
{
	static const char *const residents[] = {"11010519491231002X",
						"440308199901011234"};
	static const char *const usccs[] = {"91350100M000100Y43",
					    "914403001922038216"};
	static const char digits[] = "0123456789";
	static const char uscc_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	char id[19];

	(void)state;
	for (size_t k = 0; k < 2; k++) {
		for (size_t pos = 0; pos < 18; pos++) {
			for (const char *c = digits; *c; c++) {
				memcpy(id, residents[k], 19);
				if (id[pos] == *c)
					continue;
				id[pos] = *c;
				assert_int_not_equal(
				    validate_resident_id(id, 0), VALID_OK);
			}
			for (const char *c = uscc_chars; *c; c++) {
				memcpy(id, usccs[k], 19);
				if (id[pos] == *c)
					continue;
				id[pos] = *c;
				assert_int_not_equal(validate_uscc(id),
						     VALID_OK);
			}
		}
		for (size_t pos = 0; pos + 1 < 18; pos++) {
			char t;

			memcpy(id, residents[k], 19);
			if (id[pos] != id[pos + 1]) {
				t = id[pos];
				id[pos] = id[pos + 1];
				id[pos + 1] = t;
				assert_int_not_equal(
				    validate_resident_id(id, 0), VALID_OK);
			}
			memcpy(id, usccs[k], 19);
			if (id[pos] != id[pos + 1]) {
				t = id[pos];
				id[pos] = id[pos + 1];
				id[pos + 1] = t;
				assert_int_not_equal(validate_uscc(id),
						     VALID_OK);
			}
		}
	}
}

static void test_passport_and_other(void **state)
{
	static const struct {
		enum id_type type;
		const char *text;
		enum validate_result want;
	} cases[] = {
	    {ID_PASSPORT, "E12345678", VALID_OK},
	    {ID_PASSPORT, "G1234", VALID_OK},
	    {ID_PASSPORT, "A1234567890123456789", VALID_OK},
	    {ID_PASSPORT, "E1234", VALID_OK},
	    {ID_PASSPORT, "E123", VALID_LENGTH},
	    {ID_PASSPORT, "A12345678901234567890", VALID_LENGTH},
	    {ID_PASSPORT, "e12345678", VALID_CHARSET},
	    {ID_PASSPORT, "E 12345678", VALID_CHARSET},
	    {ID_PASSPORT, "", VALID_EMPTY},
	    {ID_OTHER, "港澳通行证 C12345678", VALID_OK},
	    {ID_OTHER, "", VALID_EMPTY},
	    {ID_OTHER, "abc\x1b[31m", VALID_CONTROL},
	    {ID_OTHER, "0123456789012345678901234567890123456789", VALID_OK},
	    {ID_OTHER, "01234567890123456789012345678901234567890",
	     VALID_TOO_LONG},
	    {ID_RESIDENT, "11010519491231002X", VALID_OK},
	    {ID_RESIDENT, "11010519491231002x", VALID_CHARSET},
	    {ID_USCC, "91350100M000100Y43", VALID_OK},
	    {ID_USCC, "11010519491231002X", VALID_CHECK},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum validate_result got =
		    validate_id(cases[i].type, cases[i].text, 0);

		if (got != cases[i].want)
			fail_msg("%s %s: got %d, want %d",
				 id_type_name(cases[i].type), cases[i].text,
				 got, cases[i].want);
	}
}

static void test_id_type_names(void **state)
{
	static const char *const names[] = {"resident_id", "uscc", "passport",
					    "other"};
	enum id_type t;

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		assert_true(id_type_parse(names[i], &t));
		assert_int_equal(t, (enum id_type)i);
		assert_string_equal(id_type_name(t), names[i]);
	}
	assert_false(id_type_parse("Resident_ID", &t));
	assert_false(id_type_parse("", &t));
	assert_false(id_type_parse(NULL, &t));
}

static void test_phone_table(void **state)
{
	static const struct {
		const char *text;
		enum validate_result want;
	} cases[] = {
	    {"13800138000", VALID_OK},
	    {"19912345678", VALID_OK},
	    {"15012345678", VALID_OK},
	    {"010-12345678", VALID_CHARSET}, /* local part starts 1 */
	    {"010-62345678", VALID_OK},
	    {"01062345678", VALID_OK},
	    {"0576-8888888", VALID_OK},
	    {"0576-88888888", VALID_OK},
	    {"05768888888", VALID_OK},
	    {"021-5555555", VALID_OK},
	    {"", VALID_EMPTY},
	    {"1380013800", VALID_LENGTH},
	    {"138001380001", VALID_LENGTH},
	    {"12800138000", VALID_CHARSET},
	    {"10800138000", VALID_CHARSET},
	    {"1380013800a", VALID_CHARSET},
	    {"+8613800138000", VALID_CHARSET},
	    {"138 0013 8000", VALID_CHARSET},
	    {"62345678", VALID_CHARSET},      /* no area code */
	    {"010-02345678", VALID_CHARSET},  /* local part starts 0 */
	    {"0576--8888888", VALID_CHARSET}, /* two dashes */
	    {"0576-888888", VALID_LENGTH},    /* 6-digit local part */
	    {"0576-888888888", VALID_LENGTH}, /* 9-digit local part */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum validate_result got = validate_phone(cases[i].text);

		if (got != cases[i].want)
			fail_msg("phone %s: got %d (%s), want %d",
				 cases[i].text, got, validate_result_text(got),
				 cases[i].want);
	}
	assert_int_equal(validate_phone(NULL), VALID_EMPTY);
}

static void test_text_table(void **state)
{
	static const struct {
		const char *text;
		size_t max;
		bool newline;
		enum validate_result want;
	} cases[] = {
	    {"", 10, false, VALID_OK},
	    {"张三", 2, false, VALID_OK},
	    {"张三丰", 2, false, VALID_TOO_LONG},
	    {"abc", 2, false, VALID_TOO_LONG},
	    {"第一行\n第二行", 100, true, VALID_OK},
	    {"第一行\n第二行", 100, false, VALID_CONTROL},
	    {"tab\there", 100, true, VALID_CONTROL},
	    {"cr\r", 100, true, VALID_CONTROL},
	    {"esc\x1b[2J", 100, true, VALID_CONTROL},
	    {"del\x7f", 100, true, VALID_CONTROL},
	    {"c1 \xc2\x9b"
	     "31m",
	     100, true, VALID_CONTROL},		       /* U+009B */
	    {"c1 \xc2\x85", 100, true, VALID_CONTROL}, /* U+0085 */
	    {"nbsp\xc2\xa0ok", 100, true, VALID_OK},   /* U+00A0 */
	    {"bad \xff", 100, true, VALID_ENCODING},
	    {"cut \xe5\xbc", 100, true, VALID_ENCODING},
	    {"overlong \xc0\xaf", 100, true, VALID_ENCODING},
	    {"surrogate \xed\xa0\x80", 100, true, VALID_ENCODING},
	    {"emoji \xf0\x9f\x98\x80", 7, true, VALID_OK},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum validate_result got = validate_text(
		    cases[i].text, cases[i].max, cases[i].newline);

		if (got != cases[i].want)
			fail_msg("text case %zu: got %d (%s), want %d", i, got,
				 validate_result_text(got), cases[i].want);
	}
	assert_int_equal(validate_text(NULL, 10, false), VALID_OK);
}

static void test_result_text(void **state)
{
	(void)state;
	for (int r = VALID_OK; r <= VALID_ENCODING; r++) {
		const char *t = validate_result_text((enum validate_result)r);

		assert_non_null(t);
		assert_true(strlen(t) > 0);
	}
	assert_string_equal(validate_result_text(VALID_CHECK),
			    "check character does not match");
}

/* Issue 13.8: names take every CJK block, Latin letters and the middle
 * dot; emoji and symbols are refused. */
static void test_name_table(void **state)
{
	static const struct {
		const char *text;
		enum validate_result want;
	} cases[] = {
	    {"张三", VALID_OK},
	    {"\xf0\xa0\xae\xb7\xe5\xa4\xa7\xe5\x90\x89", VALID_OK}, /* 𠮷大吉 */
	    {"阿卜杜拉·艾买提", VALID_OK},
	    {"Zoë O'Brien-Smith", VALID_OK},
	    {"杭州某某科技有限公司（滨江分公司）", VALID_OK},
	    {"李〇", VALID_OK},
	    {"", VALID_OK},
	    {"张三\xf0\x9f\x98\x80", VALID_CHARSET}, /* 😀 */
	    {"张★三", VALID_CHARSET},
	    {"张三#1", VALID_CHARSET},
	    {"王五\xe2\x9d\xa4\xef\xb8\x8f", VALID_CHARSET}, /* ❤️ */
	    {"张\a三", VALID_CONTROL},
	    {"\xff", VALID_ENCODING},
	};
	char long_name[400] = "";

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(validate_name(cases[i].text, NAME_MAX_CHARS),
				 cases[i].want);
	for (int i = 0; i < 101; i++)
		strcat(long_name, "张");
	assert_int_equal(validate_name(long_name, NAME_MAX_CHARS),
			 VALID_TOO_LONG);
	strcat(long_name, "\xf0\x9f\x98\x80");
	assert_int_equal(validate_name(long_name, NAME_MAX_CHARS),
			 VALID_CHARSET);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_resident_id_table),
	    cmocka_unit_test(test_resident_id_check),
	    cmocka_unit_test(test_uscc_table),
	    cmocka_unit_test(test_check_catches_typos),
	    cmocka_unit_test(test_passport_and_other),
	    cmocka_unit_test(test_id_type_names),
	    cmocka_unit_test(test_phone_table),
	    cmocka_unit_test(test_text_table),
	    cmocka_unit_test(test_result_text),
	    cmocka_unit_test(test_name_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
