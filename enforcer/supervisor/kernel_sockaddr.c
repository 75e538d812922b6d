/*
 * Mirrors of the kernel's checks (net/ipv4/af_inet.c, udp.c, tcp_ipv4.c,
 * datagram.c; net/ipv6/af_inet6.c, udp.c, tcp_ipv6.c, datagram.c as of
 * Linux 6.x).  The errors matter less than the successes: wherever the
 * kernel goes on with an address, so must the decision.
 */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
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

/* An AF_INET sockaddr; unspec_ok: AF_UNSPEC is read as AF_INET. */
static int as_v4(const void *sa, size_t len, bool unspec_ok,
		 struct psf_ipaddr *addr, uint16_t *port)
{
	struct sockaddr_in in;

	if (len < sizeof in)
		return -EINVAL;
	memcpy(&in, sa, sizeof in);
	if (in.sin_family != AF_INET && !(unspec_ok && in.sin_family == AF_UNSPEC))
		return -EAFNOSUPPORT;
	in.sin_family = AF_INET;
	return psf_ipaddr_from_sockaddr((struct sockaddr *)&in, sizeof in,
					addr, port) == 0 ? 1 : -EINVAL;
}

static int as_v6(const void *sa, size_t len, struct psf_ipaddr *addr,
		 uint16_t *port)
{
	if (len < SIN6_LEN_RFC2133)
		return -EINVAL;
	if (family_of(sa) != AF_INET6)
		return -EAFNOSUPPORT;
	return psf_ipaddr_from_sockaddr(sa, (socklen_t)len, addr, port) == 0 ?
	       1 : -EINVAL;
}

/* inet_bind / inet6_bind: AF_UNSPEC passes for INADDR_ANY only. */
static int bind_addr(const struct psf_sup_socket *s, const void *sa,
		     size_t len, struct psf_ipaddr *addr, uint16_t *port)
{
	struct sockaddr_in in;

	if (s->domain == AF_INET6)
		return as_v6(sa, len, addr, port);
	if (len >= sizeof in) {
		memcpy(&in, sa, sizeof in);
		if (in.sin_family == AF_UNSPEC && in.sin_addr.s_addr != INADDR_ANY)
			return -EAFNOSUPPORT;
	}
	return as_v4(sa, len, true, addr, port);
}

/* inet_stream_connect / inet_dgram_connect: AF_UNSPEC dissolves the
 * association; an AF_INET6 UDP socket that is not v6-only also takes an
 * AF_INET address (__ip6_datagram_connect). */
static int connect_addr(const struct psf_sup_socket *s, const void *sa,
			size_t len, struct psf_ipaddr *addr, uint16_t *port)
{
	if (len < sizeof(sa_family_t))
		return -EINVAL;
	if (family_of(sa) == AF_UNSPEC)
		return 0;
	if (s->domain == AF_INET)
		return as_v4(sa, len, false, addr, port);
	if (s->proto == PSF_UDP && family_of(sa) == AF_INET)
		return psf_sup_socket_v6only(s) ? -EAFNOSUPPORT :
		       as_v4(sa, len, false, addr, port);
	return as_v6(sa, len, addr, port);
}

/* udp_sendmsg reads AF_UNSPEC as AF_INET; udpv6_sendmsg sends an AF_INET
 * destination over IPv4 and ignores an AF_UNSPEC one. */
static int send_addr(const struct psf_sup_socket *s, const void *sa,
		     size_t len, struct psf_ipaddr *addr, uint16_t *port)
{
	if (s->domain == AF_INET)
		return as_v4(sa, len, true, addr, port);
	if (len < sizeof(sa_family_t))
		return -EINVAL;
	switch (family_of(sa)) {
	case AF_INET6:
		return as_v6(sa, len, addr, port);
	case AF_INET:
		return psf_sup_socket_v6only(s) ? -ENETUNREACH :
		       as_v4(sa, len, false, addr, port);
	case AF_UNSPEC:
		return 0;
	default:
		return -EINVAL;
	}
}

int psf_sup_kernel_sockaddr(const struct psf_sup_socket *s,
			    enum psf_sup_addr_use use, const void *sa,
			    size_t len, struct psf_ipaddr *addr,
			    uint16_t *port)
{
	if (!sa)
		return use == PSF_SUP_ADDR_BIND ? -EINVAL : 0;
	switch (use) {
	case PSF_SUP_ADDR_BIND:
		return bind_addr(s, sa, len, addr, port);
	case PSF_SUP_ADDR_CONNECT:
		return connect_addr(s, sa, len, addr, port);
	case PSF_SUP_ADDR_SEND: {
		/* Both UDP send paths refuse destination port 0. */
		int rc = send_addr(s, sa, len, addr, port);

		return rc == 1 && *port == 0 ? -EINVAL : rc;
	}
	}
	return -EINVAL;
}

bool psf_sup_sockaddr_set_ip(void *sa, size_t len, int domain,
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
		} else {
			memset(in6.sin6_addr.s6_addr, 0, 10);
			memset(in6.sin6_addr.s6_addr + 10, 0xff, 2);
			memcpy(in6.sin6_addr.s6_addr + 12, a->b, 4);
		}
		memcpy(sa, &in6, n);
		return true;
	}
	return false;
}
