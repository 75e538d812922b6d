/*
 * NETACCESS OUTBOUND (spec 6): connect(), and the first send of a socket
 * to each destination.  Shared by the connect and send wrappers.
 */
#ifndef PSF_PRELOAD_DEST_CHECK_H
#define PSF_PRELOAD_DEST_CHECK_H

#include "fdstate.h"
#include "sockaddr.h"

/* Check op (CONNECT or SEND) from fd to e unless this socket was already
 * allowed to reach e.  Returns 0 to go ahead, or the errno to fail with. */
int psf_dest_check(int fd, const struct psf_sock *s, enum psf_op op,
		   const struct psf_endpoint *e);

#endif
