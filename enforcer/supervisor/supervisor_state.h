/*
 * What every worker of one supervisor shares.  Everything but the caches
 * (which lock themselves) and the pool counters is read-only once the
 * workers run.
 */
#ifndef PSF_SUP_SUPERVISOR_STATE_H
#define PSF_SUP_SUPERVISOR_STATE_H

#include <stdatomic.h>
#include <stdint.h>
#include "portsaf.h"
#include "runtime.h"
#include "seen_set.h"
#include "target_identity.h"

/* Calls blocked at once beyond this wait in the kernel for a worker. */
#define PSF_SUP_WORKERS_MAX 64

struct psf_sup {
	int listener;
	uint32_t arch;                  /* the native AUDIT_ARCH_* */
	const struct psf_policy *policy;
	const struct psf_sinks *sinks;
	struct psf_sup_identities *ids;
	struct psf_sup_seen *binds;             /* TCP sockets bound to port 0 */
	struct psf_sup_seen *sent_to;           /* (socket, destination) checked */
	atomic_int idle;                /* workers waiting for a notification */
	atomic_int workers;
	/* Per worker: the watchdog's tick at which the connect or send it
	 * is making began, plus one; 0 when there is none. */
	atomic_uint blocked_since[PSF_SUP_WORKERS_MAX];
	atomic_uint tick;
};

#endif
