/* The validation report of `portsaf check` (spec 9 and 10). */
#ifndef PSF_LINT_H
#define PSF_LINT_H

#include "policy.h"

enum psf_finding_kind {
	PSF_FIND_NOSAF,         /* reserved without SAF (the CKNSERVE report) */
	PSF_FIND_UDP_EPHEMERAL, /* UDP * SAF inside the ephemeral pool */
	PSF_FIND_NO_PROFILE,    /* SAF name or zone no profile covers */
	PSF_FIND_UNDEFINED_ID,  /* PERMIT of an id never defined */
	PSF_FIND_WARNING,       /* profile in WARNING */
	PSF_FIND_UNREACHABLE,   /* profile no resource of the policy uses */
	PSF_FIND_WHEN_INACTIVE, /* WHEN(PROGRAM) entries, SETROPTS WHEN off */
	PSF_FIND_IN_POOL,       /* note: reservation inside the ephemeral pool */
};

struct psf_finding {
	enum psf_finding_kind kind;
	const char *file;
	int line;
	char text[320];
	/* PSF_FIND_NOSAF and PSF_FIND_IN_POOL: the reservation */
	const struct psf_port_entry *entry;
};

struct psf_findings {
	struct psf_finding *v;
	size_t n, cap;
};

/* Informational notes do not make `check` exit 1. */
bool psf_finding_is_note(enum psf_finding_kind k);
const char *psf_finding_name(enum psf_finding_kind k);
void psf_lint(const struct psf_policy *p, struct psf_findings *f);
void psf_findings_free(struct psf_findings *f);

#endif
