/*
 * The supervisor's duplicate of a target's socket and what kind of socket
 * it is.  The socket's own domain decides whether a call is checked, never
 * the family in the caller's sockaddr (which the caller controls).
 */
#ifndef PSF_SUP_TARGET_SOCKET_H
#define PSF_SUP_TARGET_SOCKET_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include "portsaf.h"

struct psf_sup_socket {
	int fd;                 /* the supervisor's duplicate */
	int domain, type;
	bool ip;                /* AF_INET or AF_INET6 */
	bool checked;           /* TCP or UDP: the protocols z/OS checks */
	enum psf_proto proto;   /* when checked */
	uint64_t cookie;        /* 0 until psf_sup_socket_cookie asks */
};

/* Classify fd: 0, or -ENOTSOCK for anything but a socket. */
int psf_sup_socket_classify(int fd, struct psf_sup_socket *s);

/* SO_COOKIE: a number no other socket will ever have (0 if unknown).
 * Asked of the kernel once per duplicate: sendmmsg checks each message's
 * destination against the same socket. */
uint64_t psf_sup_socket_cookie(struct psf_sup_socket *s);

/* The bound local address and port (port 0 when unbound). */
int psf_sup_socket_local(const struct psf_sup_socket *s,
			 struct psf_ipaddr *addr, uint16_t *port);

#endif
