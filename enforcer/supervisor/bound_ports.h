/*
 * Which TCP sockets were bound to port 0 (spec 2.3: UNRSV WHENLISTEN
 * applies at listen() to a socket explicitly bound to a nonzero port; a
 * port the stack assigned is not checked).  Only the bind call tells a
 * bind to N from a bind to 0 that got N, and every bind of a supervised
 * process passes through the supervisor, which notes the binds to 0 here.
 * A socket bound outside the supervised processes (inherited by the
 * command, received over a UNIX socket) counts as bound explicitly.
 */
#ifndef PSF_SUP_BOUND_PORTS_H
#define PSF_SUP_BOUND_PORTS_H

#include <stdbool.h>
#include "supervisor_state.h"
#include "target_socket.h"

/* A bind of s to port 0 succeeded. */
void psf_sup_bound_to_zero(struct psf_sup *sup, struct psf_sup_socket *s);

/* Was s, now bound to port, bound to it explicitly? */
bool psf_sup_bound_explicitly(struct psf_sup *sup,
			      struct psf_sup_socket *s, uint16_t port);

#endif
