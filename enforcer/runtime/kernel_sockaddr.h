/*
 * The address of a bind, connect or send, read exactly as the Linux kernel
 * reads it for that kind of socket.  One reading for both edges, the
 * LD_PRELOAD wrappers and the seccomp supervisor: the decision is made on
 * what the kernel will act on, a sockaddr the kernel accepts in an unusual
 * form (AF_UNSPEC on a bind to 0.0.0.0, an AF_INET destination on an
 * AF_INET6 UDP socket) is decided too, and one the kernel refuses (short,
 * wrong family, port 0 on a send) gets the kernel's errno, never a policy
 * decision.
 *
 * The caller passes its own copy of the address (the preload copies the
 * program's memory with psf_copy_in, the supervisor the target's), which
 * is read freely.  Async-signal-safe: no locks, no allocation, no stdio;
 * errno is left alone.
 */
#ifndef PSF_KERNEL_SOCKADDR_H
#define PSF_KERNEL_SOCKADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "portsaf.h"

enum psf_addr_use {
	PSF_ADDR_BIND,          /* local address of bind(2) */
	PSF_ADDR_CONNECT,       /* connect(2), or a TCP Fast Open send */
	PSF_ADDR_SEND,          /* destination of a UDP sendto/sendmsg */
};

/* The socket, as far as the kernel's reading depends on it. */
struct psf_addr_sock {
	int domain;             /* AF_INET or AF_INET6 */
	enum psf_proto proto;   /* PSF_TCP or PSF_UDP */
	/* A descriptor of the socket, asked for IPV6_V6ONLY only where the
	 * answer depends on it (an AF_INET address for an AF_INET6 UDP
	 * socket); -1 reads as dual-stack, the default. */
	int fd;
};

struct psf_endpoint {
	struct psf_ipaddr addr;         /* IPv4-mapped IPv6 as IPv4 (spec 6) */
	uint16_t port;                  /* host byte order */
};

/* sa/len as the kernel receives them (sa NULL: the call names no
 * address, as a send may).  1 with *e when the kernel will use an IP
 * address; 0 when it will use none (AF_UNSPEC dissolving an association,
 * an AF_UNSPEC UDP destination on AF_INET6, a send without an address); a
 * negative errno, the kernel's own, when it refuses the address. */
int psf_kernel_sockaddr(const struct psf_addr_sock *s, enum psf_addr_use use,
			const void *sa, size_t len, struct psf_endpoint *e);

/* BIND ipaddr (spec 2.2): put a into the bind address sa (len bytes, one
 * psf_kernel_sockaddr accepted for a bind on a socket of this domain), as
 * an IPv4-mapped address on an AF_INET6 socket; an AF_UNSPEC bind becomes
 * AF_INET.  False, sa untouched, when the socket cannot take it (an IPv6
 * address for an AF_INET socket) or sa is too short. */
bool psf_sockaddr_set_ip(void *sa, size_t len, int domain,
			 const struct psf_ipaddr *a);

#endif
