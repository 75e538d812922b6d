/*
 * Which address the kernel will use, read exactly as the kernel reads it
 * for this kind of socket.  The supervisor performs the call with the
 * same bytes it decided on, so a sockaddr the kernel would accept in an
 * unusual form (AF_UNSPEC on a bind to 0.0.0.0, an AF_INET destination on
 * an AF_INET6 UDP socket) must be decided too, never waved through.
 */
#ifndef PSF_SUP_KERNEL_SOCKADDR_H
#define PSF_SUP_KERNEL_SOCKADDR_H

#include <stddef.h>
#include "target_socket.h"

enum psf_sup_addr_use {
	PSF_SUP_ADDR_BIND,      /* local address of bind(2) */
	PSF_SUP_ADDR_CONNECT,   /* connect(2), or a TCP Fast Open send */
	PSF_SUP_ADDR_SEND,      /* destination of a UDP sendto/sendmsg */
};

/* sa/len as the kernel received them (sa NULL: no address given).
 * 1 with *addr and *port when the kernel will use an IP address; 0 when
 * it will use none (AF_UNSPEC to dissolve an association, no
 * destination); a negative errno when the kernel refuses the address. */
int psf_sup_kernel_sockaddr(const struct psf_sup_socket *s,
			    enum psf_sup_addr_use use, const void *sa,
			    size_t len, struct psf_ipaddr *addr,
			    uint16_t *port);

/* BIND ipaddr (spec 2.2): put a into the bind address sa, as an
 * IPv4-mapped address on an AF_INET6 socket.  False when the socket
 * cannot take it (an IPv6 address for an AF_INET socket). */
bool psf_sup_sockaddr_set_ip(void *sa, size_t len, int domain,
			     const struct psf_ipaddr *a);

#endif
