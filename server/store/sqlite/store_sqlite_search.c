/* store_sqlite_search.c - migration 12: trigram indexes (FTS5) over what
 * q= of GET /v1/cases and GET /v1/inquiries looks in (the number, the
 * applicant's name, ID number and phone), kept in step by triggers.
 *
 * The index only narrows: a trigram phrase matches every row that holds
 * the text (and, folding case, a few more), and the list queries keep
 * their exact conditions on the rows it gives, so the answer is the scan's
 * answer, row for row. A trigram needs three characters: shorter q scans.
 * The tables are contentless (content=''): they hold the index only, and a
 * change deletes the old values before it adds the new. */
#include "store/sqlite/store_sqlite.h"

/* The index of every row there is. */
#define SEARCH_FILL(table, name)                                               \
	"INSERT INTO " table "_search (rowid, s_no, s_name, s_id_no, s_phone)" \
	" SELECT id, no, " name ", applicant_id_no, applicant_phone"           \
	" FROM " table ";"

#define SEARCH_INDEX(table, name)                                              \
	"CREATE VIRTUAL TABLE " table "_search USING fts5(s_no, s_name,"       \
	" s_id_no, s_phone, content='', tokenize='trigram');" SEARCH_FILL(     \
	    table, name) "CREATE TRIGGER " table                               \
			 "_search_insert AFTER INSERT ON " table               \
			 " BEGIN INSERT INTO " table "_search"                 \
			 "  (rowid, s_no, s_name, s_id_no, s_phone) VALUES "   \
			 "(NEW.id, NEW.no,"                                    \
			 "  NEW." name                                         \
			 ", NEW.applicant_id_no, NEW.applicant_phone); END;"   \
			 "CREATE TRIGGER " table                               \
			 "_search_delete AFTER DELETE ON " table               \
			 " BEGIN INSERT INTO " table "_search"                 \
			 "  (" table                                           \
			 "_search, rowid, s_no, s_name, s_id_no, s_phone)"     \
			 "  VALUES ('delete', OLD.id, OLD.no, OLD." name ","   \
			 "  OLD.applicant_id_no, OLD.applicant_phone); END;"   \
			 "CREATE TRIGGER " table                               \
			 "_search_update AFTER UPDATE OF id, no, " name        \
			 ", applicant_id_no, applicant_phone ON " table        \
			 " WHEN OLD.id IS NOT NEW.id OR OLD.no IS NOT NEW.no"  \
			 "  OR OLD." name " IS NOT NEW." name                  \
			 "  OR OLD.applicant_id_no IS NOT NEW.applicant_id_no" \
			 "  OR OLD.applicant_phone IS NOT NEW.applicant_phone" \
			 " BEGIN INSERT INTO " table "_search"                 \
			 "  (" table                                           \
			 "_search, rowid, s_no, s_name, s_id_no, s_phone)"     \
			 "  VALUES ('delete', OLD.id, OLD.no, OLD." name ","   \
			 "  OLD.applicant_id_no, OLD.applicant_phone);"        \
			 "  INSERT INTO " table "_search"                      \
			 "  (rowid, s_no, s_name, s_id_no, s_phone) VALUES "   \
			 "(NEW.id, NEW.no,"                                    \
			 "  NEW." name                                         \
			 ", NEW.applicant_id_no, NEW.applicant_phone); END;"

const char sq_schema_search[] = SEARCH_INDEX("cases", "applicant_name")
    SEARCH_INDEX("inquiries", "applicant_name");

/* Emptied ('delete-all': they are contentless) and filled again. */
#define SEARCH_REBUILD(table, name)                                            \
	"INSERT INTO " table "_search (" table "_search)"                      \
	" VALUES ('delete-all');" SEARCH_FILL(table, name)

const char sq_search_rebuild[] = SEARCH_REBUILD("cases", "applicant_name")
    SEARCH_REBUILD("inquiries", "applicant_name");
