/*
 * IP addresses as the engine sees them (struct psf_ipaddr, portsaf.h).
 * IPv4-mapped IPv6 (::ffff:a.b.c.d) is always stored as IPv4, so that a
 * NETACCESS zone written for IPv4 also covers a dual-stack socket's peer
 * (spec 6).
 *
 * Everything here is pure: no allocation, no locale, no global state.
 * Except psf_ipaddr_parse (which may use inet_pton), the functions are
 * async-signal-safe, because the LD_PRELOAD wrappers and the seccomp
 * supervisor call them on the hot path.
 */
#ifndef PSF_IPADDR_H
#define PSF_IPADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include "portsaf.h"

/* Room for any text psf_ipaddr_format writes, NUL included (an IPv6
 * address without compressible zeros is 39 characters). */
#define PSF_IPADDR_TEXT_MAX 40

/* IPv4 dotted decimal, or IPv6 in any RFC 4291 text form (compressed,
 * embedded IPv4).  No prefix, no zone index.  0, or -EINVAL. */
int psf_ipaddr_parse(const char *s, struct psf_ipaddr *out);

/* Is a inside net/prefix?  Different families never match; a prefix longer
 * than the family's width counts as the full width. */
bool psf_ipaddr_in_prefix(const struct psf_ipaddr *a,
			  const struct psf_ipaddr *net, unsigned prefix);

/* Clear every bit after the first prefix bits. */
void psf_ipaddr_mask(struct psf_ipaddr *a, unsigned prefix);

/* The prefix length a contiguous mask stands for, or -1 when its one bits
 * are not contiguous from the left or it has no family. */
int psf_ipaddr_mask_to_prefix(const struct psf_ipaddr *mask);

/* 0.0.0.0 or :: (INADDR_ANY / in6addr_any). */
bool psf_ipaddr_is_any(const struct psf_ipaddr *a);

/* Address and port (host byte order) of an AF_INET or AF_INET6 sockaddr
 * as passed to bind()/connect()/sendto().  -EAFNOSUPPORT for any other
 * family, -EINVAL when len is too short for the family (the lengths the
 * kernel itself accepts).  port may be NULL. */
int psf_ipaddr_from_sockaddr(const struct sockaddr *sa, socklen_t len,
			     struct psf_ipaddr *out, uint16_t *port);

/* Text form: dotted IPv4, or RFC 5952 IPv6 (lower case, longest run of
 * zero groups compressed).  Writes at most size bytes, always
 * NUL-terminated when size > 0; returns the length of the full text. */
size_t psf_ipaddr_format(const struct psf_ipaddr *a, char *buf, size_t size);

#endif
