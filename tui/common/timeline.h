/* timeline.h - one event of the audit trail as a line a clerk reads: the
 * time, who, the event's Chinese name and a short summary of its data
 * ("2026-11-02 09:30  clerk1  容缺受理  补交期限 5 个工作日"). Unknown
 * actions show a generic word with the code; never the raw data. */
#ifndef WINCASE_TUI_TIMELINE_H
#define WINCASE_TUI_TIMELINE_H

#include <stddef.h>

#include "common/case_util.h"

/* x (may be NULL) names the materials of the case. */
void timeline_line(const struct net_audit_entry *e, const struct case_ctx *x,
		   char *out, size_t size);

/* The same in parts, for a table: the event's Chinese name and the summary
 * of its data ("" when it has none worth showing). */
void timeline_parts(const struct net_audit_entry *e, const struct case_ctx *x,
		    char *name, size_t name_size, char *summary,
		    size_t summary_size);
/* Who did it, as a person reads it: the scheduler is 系统. */
const char *timeline_who(const char *actor);

#endif
