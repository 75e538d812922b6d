/*
 * The calls the supervisor makes on a target's socket on its behalf, with
 * the supervisor's own copy of every argument (issue 5 item 2): what the
 * target does to its memory or its descriptor table after the check can
 * no longer change what is done.  Each returns the result or a negative
 * errno, as the system call would have returned it to the caller; with
 * as_caller, it runs with the calling thread's effective capabilities
 * (see target_caps.h for when that matters).
 */
#ifndef PSF_SUP_SOCKET_CALLS_H
#define PSF_SUP_SOCKET_CALLS_H

#include <sys/socket.h>
#include "sup_call.h"

int psf_sup_do_bind(struct psf_sup_call *c, const struct psf_sup_socket *s,
		    const void *sa, size_t len, bool as_caller);
int psf_sup_do_listen(struct psf_sup_call *c, const struct psf_sup_socket *s,
		      int backlog);
int psf_sup_do_connect(struct psf_sup_call *c, const struct psf_sup_socket *s,
		       const void *sa, size_t len);
/* flags as the caller gave them; SIGPIPE is raised in the caller, not in
 * the supervisor, when the kernel would have raised it. */
int64_t psf_sup_do_sendmsg(struct psf_sup_call *c,
			   const struct psf_sup_socket *s,
			   const struct msghdr *m, int flags);

#endif
