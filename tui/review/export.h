/* export.h - the reviewer's CSV exports (RFC 4180, UTF-8 with BOM, as
 * common/csv.h writes them): statistics, the review queue and an audit
 * trail, with Chinese column titles and words. The statistics screen
 * writes its file with them; in restricted (SSH ForceCommand) mode the
 * export commands of SSH_ORIGINAL_COMMAND write them to standard output
 * (export_cmd.c), since scp and sftp are blocked there. */
#ifndef WINCASE_TUI_REVIEW_EXPORT_H
#define WINCASE_TUI_REVIEW_EXPORT_H

#include <stdio.h>

#include "wincase/net_review.h"

#include "common/config.h"
#include "common/messages.h"

/* The Chinese title of a statistics column. */
enum msg_id export_stat_word(enum net_stats_column c);

/* Each writes the BOM, a title row and one row per element; -1 on a
 * write error. */
int export_stats_csv(FILE *f, const struct net_stats *stats);
int export_queue_csv(FILE *f, const struct net_review_list *list);
int export_audit_csv(FILE *f, const struct net_audit_list *list);

/* Exit statuses of an export command (wincase(1)). */
enum export_status {
	EXPORT_OK = 0,
	EXPORT_FAILED = 1,  /* login refused, server refused or unreachable */
	EXPORT_REFUSED = 2, /* not one of the export commands, bad option */
};

/* Runs command (SSH_ORIGINAL_COMMAND): one of
 *     export stats --from DATE --to DATE [--by window|clerk|item]
 *     export queue [--view pending|mine|unowned|done|decided] [--kind K]
 *     export audit SL-...|SW-...|case:ID|inquiry:ID|user:NAME
 *     export help
 * each with [--user NAME]. The username (without --user) and the
 * password are read from in, a line each; prompted for on err, without
 * echo, when in is a terminal. The CSV goes to out, messages to err.
 * Anything else is refused (EXPORT_REFUSED) and nothing is run. */
enum export_status export_command(const struct config *cfg, const char *command,
				  FILE *in, FILE *out, FILE *err);

#endif
