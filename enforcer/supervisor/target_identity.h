/*
 * The z/OS identity of each supervised process (spec 7), resolved from
 * the target itself (/proc/PID/exe, its environment, its credentials) at
 * its first checked call and cached per process.
 */
#ifndef PSF_SUP_TARGET_IDENTITY_H
#define PSF_SUP_TARGET_IDENTITY_H

#include "portsaf.h"
#include "target_caller.h"

struct psf_sup_identities;

struct psf_sup_identities *psf_sup_identities_new(const struct psf_policy *p);
void psf_sup_identities_free(struct psf_sup_identities *ids);

/* The subject of the caller's process.  Resolved again after an exec and
 * when the effective uid or gid changed.  0, or -ENOENT when the caller
 * is gone, or the errno of a resource the supervisor ran out of. */
int psf_sup_identity_get(struct psf_sup_identities *ids, int listener,
			 const struct seccomp_notif *req,
			 const struct psf_sup_caller *who,
			 struct psf_subject *out);

/* The process is calling execve: resolve it again at its next call. */
void psf_sup_identity_exec(struct psf_sup_identities *ids, pid_t tgid);

#endif
