/*
 * Mirrors of the kernel's checks (net/ipv4/af_inet.c, udp.c, tcp_ipv4.c,
 * datagram.c; net/ipv6/af_inet6.c, udp.c, tcp_ipv6.c, datagram.c as of
 * Linux 6.x), see kernel_sockaddr.h.  The errors matter less than the
 * successes: wherever the kernel goes on with an address, so must the
 * decision.
 */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include "ipaddr.h"
#include "kernel_sockaddr.h"

/* Linux accepts sockaddr_in6 without sin6_scope_id (RFC 2133 length). */
#define SIN6_LEN_RFC2133 24

static sa_family_t family_of(const void *sa)
{
	sa_family_t f;

	memcpy(&f, sa, sizeof f);
	return f;
}

/* ipv6_only_sock(): IPV6_V6ONLY on the AF_INET6 socket s->fd. */
static bool v6only(const struct psf_addr_sock *s)
{
	int v = 0, saved = errno;
	socklen_t l = sizeof v;
	bool on = s->fd >= 0 &&
		  getsockopt(s->fd, IPPROTO_IPV6, IPV6_V6ONLY, &v, &l) == 0 && v;

	errno = saved;
	return on;
}

static int endpoint(const void *sa, size_t len, struct psf_endpoint *e)
{
	return psf_ipaddr_from_sockaddr(sa, (socklen_t)len, &e->addr,
					&e->port) == 0 ? 1 : -EINVAL;
}

/* An AF_INET sockaddr; unspec_ok: AF_UNSPEC is read as AF_INET. */
static int as_v4(const void *sa, size_t len, bool unspec_ok,
		 struct psf_endpoint *e)
{
	struct sockaddr_in in;

	if (len < sizeof in)
		return -EINVAL;
	memcpy(&in, sa, sizeof in);
	if (in.sin_family != AF_INET && !(unspec_ok && in.sin_family == AF_UNSPEC))
		return -EAFNOSUPPORT;
	in.sin_family = AF_INET;
	return endpoint(&in, sizeof in, e);
}

static int as_v6(const void *sa, size_t len, struct psf_endpoint *e)
{
	if (len < SIN6_LEN_RFC2133)
		return -EINVAL;
	if (family_of(sa) != AF_INET6)
		return -EAFNOSUPPORT;
	return endpoint(sa, len, e);
}

/* inet_bind / inet6_bind: AF_UNSPEC passes for INADDR_ANY only
 * (__inet_bind, for old programs). */
static int bind_addr(const struct psf_addr_sock *s, const void *sa,
		     size_t len, struct psf_endpoint *e)
{
	struct sockaddr_in in;

	if (s->domain == AF_INET6)
		return as_v6(sa, len, e);
	if (len >= sizeof in) {
		memcpy(&in, sa, sizeof in);
		if (in.sin_family == AF_UNSPEC && in.sin_addr.s_addr != htonl(INADDR_ANY))
			return -EAFNOSUPPORT;
	}
	return as_v4(sa, len, true, e);
}

/* inet_stream_connect / inet_dgram_connect: AF_UNSPEC dissolves the
 * association; an AF_INET6 UDP socket that is not v6-only also takes an
 * AF_INET address (__ip6_datagram_connect); tcp_v6_connect does not. */
static int connect_addr(const struct psf_addr_sock *s, const void *sa,
			size_t len, struct psf_endpoint *e)
{
	if (len < sizeof(sa_family_t))
		return -EINVAL;
	if (family_of(sa) == AF_UNSPEC)
		return 0;
	if (s->domain == AF_INET)
		return as_v4(sa, len, false, e);
	if (s->proto == PSF_UDP && family_of(sa) == AF_INET)
		return v6only(s) ? -EAFNOSUPPORT : as_v4(sa, len, false, e);
	return as_v6(sa, len, e);
}

/* udp_sendmsg reads AF_UNSPEC as AF_INET; udpv6_sendmsg sends an AF_INET
 * destination over IPv4 (ENETUNREACH when v6-only) and ignores an
 * AF_UNSPEC one (the connected peer, checked at connect). */
static int send_addr(const struct psf_addr_sock *s, const void *sa,
		     size_t len, struct psf_endpoint *e)
{
	if (s->domain == AF_INET)
		return as_v4(sa, len, true, e);
	if (len < sizeof(sa_family_t))
		return -EINVAL;
	switch (family_of(sa)) {
	case AF_INET6:
		return as_v6(sa, len, e);
	case AF_INET:
		return v6only(s) ? -ENETUNREACH : as_v4(sa, len, false, e);
	case AF_UNSPEC:
		return 0;
	default:
		return -EINVAL;
	}
}

int psf_kernel_sockaddr(const struct psf_addr_sock *s, enum psf_addr_use use,
			const void *sa, size_t len, struct psf_endpoint *e)
{
	int rc;

	/* No address: a send goes to the connected peer; a bind or connect
	 * reads a length of 0, too short for any family. */
	if (!sa)
		return use == PSF_ADDR_SEND ? 0 : -EINVAL;
	/* move_addr_to_kernel: refused unread (a msghdr's is cut to this). */
	if (len > sizeof(struct sockaddr_storage))
		return -EINVAL;
	switch (use) {
	case PSF_ADDR_BIND:
		return bind_addr(s, sa, len, e);
	case PSF_ADDR_CONNECT:
		return connect_addr(s, sa, len, e);
	case PSF_ADDR_SEND:
		/* Both UDP send paths refuse destination port 0. */
		rc = send_addr(s, sa, len, e);
		return rc == 1 && e->port == 0 ? -EINVAL : rc;
	}
	return -EINVAL;
}

bool psf_sockaddr_set_ip(void *sa, size_t len, int domain,
			 const struct psf_ipaddr *a)
{
	if (domain == AF_INET && a->family == 4 && len >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in in;

		memcpy(&in, sa, sizeof in);
		in.sin_family = AF_INET;
		memcpy(&in.sin_addr, a->b, 4);
		memcpy(sa, &in, sizeof in);
		return true;
	}
	if (domain == AF_INET6 && len >= SIN6_LEN_RFC2133) {
		struct sockaddr_in6 in6;
		size_t n = len < sizeof in6 ? len : sizeof in6;

		memset(&in6, 0, sizeof in6);
		memcpy(&in6, sa, n);
		if (a->family == 6) {
			memcpy(in6.sin6_addr.s6_addr, a->b, 16);
		} else {        /* IPv4 on a dual-stack socket: mapped */
			memset(in6.sin6_addr.s6_addr, 0, 10);
			memset(in6.sin6_addr.s6_addr + 10, 0xff, 2);
			memcpy(in6.sin6_addr.s6_addr + 12, a->b, 4);
		}
		memcpy(sa, &in6, n);
		return true;
	}
	return false;
}
