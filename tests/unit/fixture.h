/* Policies for unit tests, built from PROFILE and RACF text in memory. */
#ifndef PSF_TEST_FIXTURE_H
#define PSF_TEST_FIXTURE_H

#include "policy.h"

struct fx_opts {
	bool check, no_warning;
	bool no_profile_deny, udp_eph, tcp_eph;
};

/* NULL when the texts have errors; the diagnostics are in d. */
struct psf_policy *fx_policy(const char *profile, const char *racf,
			     const struct fx_opts *o, struct psf_diags *d);
/* "JOB USER GROUP PROGRAM" plus flags "superuser", "apf", "ftp". */
void fx_identity(struct psf_identity *id, const char *names, const char *flags);

#endif
