/*
 * Reading the address of a bind, connect or send the way the kernel will
 * read it for that socket (kernel_sockaddr.h, the reading the supervisor
 * uses too), so that portsaf checks exactly what the kernel would act on,
 * and leaves everything the kernel would reject (short length, NULL,
 * wrong family, AF_UNSPEC disconnects) to the kernel, which then answers
 * with its own error.  The wrappers hand these functions portsaf's own
 * copy of the address (usermem.h), never the program's pointer: they read
 * it freely.
 */
#ifndef PSF_PRELOAD_SOCKADDR_H
#define PSF_PRELOAD_SOCKADDR_H

#include <stdbool.h>
#include <sys/socket.h>
#include "fdstate.h"
#include "kernel_sockaddr.h"

/* The address the kernel will use for this call on fd (s: what fd is):
 * bind's local address, connect's peer (also sendto()/sendmsg() with
 * MSG_FASTOPEN on TCP), a UDP datagram's destination.  False when the
 * kernel will use none or refuse the address: the call is then left to
 * the kernel.  errno is left alone. */
bool psf_sa_read(int fd, const struct psf_sock *s, enum psf_addr_use use,
		 const struct sockaddr *sa, socklen_t len,
		 struct psf_endpoint *e);

/* The address and port a socket is bound to (getsockname). */
bool psf_sa_bound(int fd, struct psf_endpoint *e);

/* BIND ipaddr (spec 2.2): the caller's wildcard address replaced by a.
 * False when a cannot be expressed in the socket's family. */
bool psf_sa_rewrite(const struct psf_sock *s, const struct sockaddr *sa,
		    socklen_t len, const struct psf_ipaddr *a,
		    struct sockaddr_storage *out);

/* A 64-bit name for (socket generation, destination), never 0. */
uint64_t psf_dest_key(uint32_t gen, const struct psf_endpoint *e);

#endif
