/* routes.c - the route table of wincased. Order matters only where two
 * patterns could match the same path: the literal one comes first. */
#include "routes.h"
#include "case.h"
#include "documents_pdf.h"
#include "review.h"

#define W	     (ROUTE_WRITE | ROUTE_IDEMPOTENT)
#define CASE_COUNTER (ROLE_CLERK | ROLE_TRAINEE)

const struct route routes[] = {
    {"GET", "/v1/health", ROLE_ANY, ROUTE_PUBLIC, handle_health},
    {"GET", "/v1/openapi.yaml", ROLE_ANY, ROUTE_PUBLIC, handle_openapi_get},
    /* Not ROUTE_WRITE: the password hash runs outside the write lock, and
     * the handler writes the session with its audit entry in its own
     * transaction (handlers_session.c). */
    {"POST", "/v1/sessions", ROLE_ANY, ROUTE_PUBLIC, handle_session_create},
    {"DELETE", "/v1/sessions/current", ROLE_ANY, ROUTE_WRITE,
     handle_session_delete},
    {"GET", "/v1/me", ROLE_ANY, 0, handle_me},
    {"GET", "/v1/items", ROLE_ANY, 0, handle_items_list},
    {"GET", "/v1/items/{code}", ROLE_ANY, 0, handle_item_get},
    {"PUT", "/v1/items/{code}", ROLE_ADMIN, ROUTE_WRITE, handle_item_put},
    {"GET", "/v1/calendar/due", ROLE_ANY, 0, handle_calendar_due},
    {"GET", "/v1/calendar/{year}", ROLE_ANY, 0, handle_calendar_get},
    {"PUT", "/v1/calendar/{year}", ROLE_ADMIN, ROUTE_WRITE,
     handle_calendar_put},
    {"POST", "/v1/inquiries", ROLE_ANY, W, handle_inquiry_create},
    {"GET", "/v1/inquiries", ROLE_ANY, 0, handle_inquiries_list},
    {"GET", "/v1/inquiries/{id}", ROLE_ANY, 0, handle_inquiry_get},
    /* Cases (handlers_case*.c): counter work for clerks and trainees of
     * the case's window; completion and withdrawal also for reviewers of
     * its department (R6, checked per case in case_open). */
    {"POST", "/v1/cases", CASE_COUNTER, W, handle_case_create},
    {"GET", "/v1/cases", ROLE_ANY, 0, handle_cases_list},
    {"GET", "/v1/cases/{id}", ROLE_ANY, 0, handle_case_get},
    {"PUT", "/v1/cases/{id}/checklist", CASE_COUNTER, ROUTE_WRITE,
     handle_case_checklist},
    {"POST", "/v1/cases/{id}/notices", CASE_COUNTER, W, handle_case_notice},
    {"POST", "/v1/cases/{id}/accept", CASE_COUNTER, W, handle_case_accept},
    {"POST", "/v1/cases/{id}/supplements", CASE_COUNTER, W,
     handle_case_supplement},
    {"POST", "/v1/cases/{id}/complete", CASE_COUNTER | ROLE_REVIEWER, W,
     handle_case_complete},
    {"POST", "/v1/cases/{id}/withdraw", CASE_COUNTER | ROLE_REVIEWER, W,
     handle_case_withdraw},
    {"POST", "/v1/cases/{id}/rating", CASE_COUNTER, W, handle_case_rating},
    /* 补打: the case does not change, the reprint is audited. */
    {"POST", "/v1/cases/{id}/documents/{no}/reprint", CASE_COUNTER, W,
     handle_case_document_reprint},
    {"GET", "/v1/applicants/credit", ROLE_ANY, 0, handle_applicant_credit},
    {"GET", "/v1/review/queue", ROLE_REVIEWER | ROLE_ADMIN, 0,
     handle_review_queue},
    {"POST", "/v1/review/{item_id}/decision", ROLE_REVIEWER, W,
     handle_review_decision},
    /* Issue 14: a queue for a team (handlers_review_team.c). */
    {"POST", "/v1/review/{item_id}/take", ROLE_REVIEWER, W, handle_review_take},
    {"POST", "/v1/review/{item_id}/release", ROLE_REVIEWER | ROLE_ADMIN, W,
     handle_review_release},
    {"POST", "/v1/review/{item_id}/assign", ROLE_REVIEWER | ROLE_ADMIN, W,
     handle_review_assign},
    {"POST", "/v1/review/{item_id}/steps", ROLE_REVIEWER, W,
     handle_review_step},
    {"POST", "/v1/review/{item_id}/due", ROLE_REVIEWER, W, handle_review_due},
    {"GET", "/v1/review/returns", ROLE_ANY, 0, handle_review_returns},
    {"GET", "/v1/review/{item_id}", ROLE_REVIEWER | ROLE_ADMIN, 0,
     handle_review_get},
    {"GET", "/v1/stats", ROLE_REVIEWER | ROLE_ADMIN, 0, handle_stats},
    {"POST", "/v1/inquiries/{id}/handoffs", ROLE_ANY, W,
     handle_inquiry_handoff},
    {"POST", "/v1/inquiries/{id}/handoffs/{hid}/ack", ROLE_ANY, W,
     handle_inquiry_ack},
    {"POST", "/v1/inquiries/{id}/handoffs/{hid}/recall", ROLE_ANY, W,
     handle_inquiry_recall},
    {"GET", "/v1/handoff-targets", ROLE_ANY, 0, handle_handoff_targets},
    {"POST", "/v1/inquiries/{id}/close", ROLE_ANY, W, handle_inquiry_close},
    {"POST", "/v1/users", ROLE_ADMIN, W, handle_user_create},
    {"PUT", "/v1/users/{username}/windows", ROLE_ADMIN, W,
     handle_user_windows_put},
    {"GET", "/v1/audit", ROLE_ANY, 0, handle_audit_list},
    {"GET", "/v1/audit/verify", ROLE_REVIEWER | ROLE_ADMIN, 0,
     handle_audit_verify},
    {"GET", "/v1/documents/verify", ROLE_ANY, ROUTE_PUBLIC,
     handle_documents_verify},
    /* Issue 17: the printed PDF (its case's readers) and the public page
     * its QR code opens (documents_pdf.h). */
    {"GET", "/v1/documents/{no}.pdf", ROLE_ANY, 0, handle_document_pdf},
    {"GET", "/verify", ROLE_ANY, ROUTE_PUBLIC, handle_verify_page},
    /* The trainee too, on a training server only (handle_clock_put). */
    {"PUT", "/v1/admin/clock", ROLE_ADMIN | ROLE_TRAINEE,
     ROUTE_WRITE | ROUTE_FAKE_CLOCK, handle_clock_put},
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
