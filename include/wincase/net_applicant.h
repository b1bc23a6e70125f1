/* net_applicant.h - a returning applicant (issue 13.11): what the server
 * knows of an ID number, GET /v1/applicants/lookup. */
#ifndef WINCASE_NET_APPLICANT_H
#define WINCASE_NET_APPLICANT_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/net.h"

struct net_applicant_lookup {
	bool known;
	char *name, *phone; /* NULL when not known (phone: when none) */
	struct net_case_list open_cases;
	struct net_credit credit;
};

int net_applicant_lookup(struct net_client *client, const char *id_type,
			 const char *id_no, struct net_applicant_lookup *out,
			 struct wc_error *err);
void net_applicant_lookup_release(struct net_applicant_lookup *a);

#endif
