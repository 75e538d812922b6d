/*
 * NETACCESS OUTBOUND (spec 6): connect(), and the first send of a socket
 * to each destination address and port (spec 6 Decision), remembered per
 * socket as the preload remembers it.
 */
#ifndef PSF_SUP_DEST_CHECK_H
#define PSF_SUP_DEST_CHECK_H

#include "sup_call.h"

/* Check op (PSF_OP_CONNECT or PSF_OP_SEND) from socket s to (addr, port)
 * unless s was already allowed to reach it.  0 to go ahead, else the
 * negative errno to answer with. */
int psf_sup_dest_check(struct psf_sup_call *c, struct psf_sup_socket *s,
		       enum psf_op op, const struct psf_ipaddr *addr,
		       uint16_t port);

#endif
