/*
 * What portsaf remembers about each descriptor: whether it is an IPv4 or
 * IPv6 TCP/UDP socket (learned from socket(), else asked of the kernel
 * once), the port it was explicitly bound to (only portsaf can tell a
 * bind to N from a bind to 0 that got N), a generation that names the
 * socket across dup(), and the last destination it was allowed to reach.
 *
 * A fixed table indexed by descriptor, allocated once, read and written
 * with atomics only: safe from any thread and from signal handlers.
 */
#ifndef PSF_PRELOAD_FDSTATE_H
#define PSF_PRELOAD_FDSTATE_H

#include <stdbool.h>
#include <stdint.h>
#include "portsaf.h"

struct psf_sock {
	int family;             /* AF_INET, AF_INET6; 0 = not a TCP/UDP socket */
	enum psf_proto proto;
	/* portsaf saw the socket created, so every bind on it went through
	 * the wrapper: no explicit port recorded means none was bound. */
	bool origin_known;
	uint16_t explicit_port; /* explicitly bound nonzero port, 0 = none */
	uint32_t gen;
};

/* Allocate the table; false when it cannot be (every descriptor then
 * counts as unknown and is asked of the kernel). */
bool psf_fd_table_init(void);

/* A socket was just created with these socket() arguments. */
void psf_fd_created(int fd, int domain, int type, int protocol);
/* What fd is; false when the kernel says it is no socket at all (the real
 * call will fail as it should). */
bool psf_fd_lookup(int fd, struct psf_sock *s);
/* Ask the kernel again, ignoring what was remembered (before a denial,
 * where acting on stale knowledge would hide the kernel's own error). */
bool psf_fd_refresh(int fd, struct psf_sock *s);

void psf_fd_set_explicit(int fd, uint16_t port);
/* Was the socket on fd, bound to port, bound explicitly (spec 2.3)? */
bool psf_fd_explicitly_bound(int fd, const struct psf_sock *s, uint16_t port);

/* dup(), dup2(), dup3(), F_DUPFD: to names the same socket as from. */
void psf_fd_copy(int from, int to);
void psf_fd_forget(int fd);
void psf_fd_forget_range(unsigned int first, unsigned int last);

uint64_t psf_fd_last_dest(int fd);
void psf_fd_set_last_dest(int fd, uint64_t key);

#endif
