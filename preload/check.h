/*
 * Deciding a request for this process and carrying the decision out: the
 * glue between the wrappers, the engine (psf_decide) and the audit sinks.
 */
#ifndef PSF_PRELOAD_CHECK_H
#define PSF_PRELOAD_CHECK_H

#include <stdbool.h>
#include "fdstate.h"
#include "portsaf.h"

/* Decide r (loading the policy on first use); true when allowed.  Without
 * a policy, on_error decides every checked call (interface.md). */
bool psf_check(const struct psf_request *r, struct psf_decision *d);

/* Will psf_record write anything for d? */
bool psf_record_wanted(const struct psf_decision *d);
/* SMF record, ICH408I/ICH432I, trace line; port as the log string shows
 * it (spec 8).  errno is left as it was. */
void psf_record(const struct psf_request *r, const struct psf_decision *d,
		uint16_t port);

/* After an allowed bind to port 0: did the kernel hand out a port the
 * profile reserves?  (Spec 4: z/OS never would; the trace says so.) */
void psf_note_assigned(struct psf_decision *d, enum psf_proto proto,
		       uint16_t port);

/* A denial is about to be returned instead of the kernel's answer: is fd
 * still the socket the decision assumed?  (The descriptor may have been
 * closed and reused behind portsaf's back, by code inside libc.) */
bool psf_still_same(int fd, const struct psf_sock *s);

#endif
