/* From a notification to the handler of its system call. */
#ifndef PSF_SUP_NOTIF_DISPATCH_H
#define PSF_SUP_NOTIF_DISPATCH_H

#include "sup_call.h"

/* Handle req and fill resp (always: the caller must get an answer). */
void psf_sup_dispatch(struct psf_sup *sup, struct psf_sup_scratch *scratch,
		      const struct seccomp_notif *req,
		      struct seccomp_notif_resp *resp);

#endif
