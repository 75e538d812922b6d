/*
 * Socket addresses as the Linux kernel reads them (net/ipv4/af_inet.c,
 * net/ipv6/af_inet6.c, udp.c, datagram.c), see sockaddr.h.
 */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include "sockaddr.h"

/* The kernel's minimum for an IPv6 address (SIN6_LEN_RFC2133). */
#define SIN6_MIN_LEN 24

static void from_v4(const struct sockaddr_in *in, struct psf_endpoint *e)
{
	memset(&e->addr, 0, sizeof e->addr);
	e->addr.family = 4;
	memcpy(e->addr.b, &in->sin_addr, 4);
	e->port = ntohs(in->sin_port);
}

static void from_v6(const struct sockaddr_in6 *in, struct psf_endpoint *e)
{
	memset(&e->addr, 0, sizeof e->addr);
	if (IN6_IS_ADDR_V4MAPPED(&in->sin6_addr)) {
		e->addr.family = 4;     /* spec 6: matched as IPv4 */
		memcpy(e->addr.b, in->sin6_addr.s6_addr + 12, 4);
	} else {
		e->addr.family = 6;
		memcpy(e->addr.b, in->sin6_addr.s6_addr, 16);
	}
	e->port = ntohs(in->sin6_port);
}

static sa_family_t family_of(const struct sockaddr *sa, socklen_t len)
{
	if (!sa || len < (socklen_t)sizeof(sa_family_t))
		return (sa_family_t)-1;
	return sa->sa_family;
}

/* __inet_bind: AF_INET, or AF_UNSPEC with INADDR_ANY for old programs. */
static bool local_v4(const struct sockaddr *sa, socklen_t len,
		     struct psf_endpoint *e)
{
	const struct sockaddr_in *in = (const struct sockaddr_in *)sa;

	if (!sa || len < (socklen_t)sizeof *in)
		return false;
	if (in->sin_family != AF_INET &&
	    (in->sin_family != AF_UNSPEC || in->sin_addr.s_addr != htonl(INADDR_ANY)))
		return false;
	from_v4(in, e);
	return true;
}

bool psf_sa_local(const struct psf_sock *s, const struct sockaddr *sa,
		  socklen_t len, struct psf_endpoint *e)
{
	if (s->family == AF_INET)
		return local_v4(sa, len, e);
	if (!sa || len < SIN6_MIN_LEN || sa->sa_family != AF_INET6)
		return false;
	from_v6((const struct sockaddr_in6 *)sa, e);
	return true;
}

static bool peer_v4(const struct sockaddr *sa, socklen_t len,
		    struct psf_endpoint *e)
{
	if (len < (socklen_t)sizeof(struct sockaddr_in) ||
	    sa->sa_family != AF_INET)
		return false;
	from_v4((const struct sockaddr_in *)sa, e);
	return true;
}

bool psf_sa_peer(const struct psf_sock *s, const struct sockaddr *sa,
		 socklen_t len, struct psf_endpoint *e)
{
	sa_family_t f = family_of(sa, len);

	if (f == (sa_family_t)-1 || f == AF_UNSPEC)     /* disconnect */
		return false;
	if (s->family == AF_INET)
		return peer_v4(sa, len, e);
	/* A UDP IPv6 socket connects to IPv4 addresses as well. */
	if (f == AF_INET && s->proto == PSF_UDP)
		return peer_v4(sa, len, e);
	if (len < SIN6_MIN_LEN || f != AF_INET6)
		return false;
	from_v6((const struct sockaddr_in6 *)sa, e);
	return true;
}

/* udp_sendmsg: AF_UNSPEC is read as AF_INET; port 0 is refused. */
static bool dest_v4(const struct sockaddr *sa, socklen_t len,
		    struct psf_endpoint *e)
{
	if (len < (socklen_t)sizeof(struct sockaddr_in) ||
	    (sa->sa_family != AF_INET && sa->sa_family != AF_UNSPEC))
		return false;
	from_v4((const struct sockaddr_in *)sa, e);
	return e->port != 0;
}

/* udpv6_sendmsg: AF_INET goes the IPv4 way, AF_UNSPEC means "no
 * address" (the connected peer, checked at connect). */
bool psf_sa_dest(const struct psf_sock *s, const struct sockaddr *sa,
		 socklen_t len, struct psf_endpoint *e)
{
	sa_family_t f = family_of(sa, len);

	if (f == (sa_family_t)-1 || len > (socklen_t)sizeof(struct sockaddr_storage))
		return false;
	if (s->family == AF_INET)
		return dest_v4(sa, len, e);
	if (f == AF_INET)
		return dest_v4(sa, len, e);
	if (f != AF_INET6 || len < SIN6_MIN_LEN)
		return false;
	from_v6((const struct sockaddr_in6 *)sa, e);
	return e->port != 0;
}

bool psf_sa_bound(int fd, struct psf_endpoint *e)
{
	struct sockaddr_storage ss;
	socklen_t l = sizeof ss;
	int saved = errno;
	bool ok = getsockname(fd, (struct sockaddr *)&ss, &l) == 0;

	errno = saved;
	if (!ok)
		return false;
	if (ss.ss_family == AF_INET)
		from_v4((const struct sockaddr_in *)&ss, e);
	else if (ss.ss_family == AF_INET6)
		from_v6((const struct sockaddr_in6 *)&ss, e);
	else
		return false;
	return true;
}

bool psf_sa_rewrite(const struct psf_sock *s, const struct sockaddr *sa,
		    socklen_t len, const struct psf_ipaddr *a,
		    struct sockaddr_storage *out)
{
	memset(out, 0, sizeof *out);
	memcpy(out, sa, len < sizeof *out ? len : sizeof *out);
	if (s->family == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *)out;

		if (a->family != 4)
			return false;
		in->sin_family = AF_INET;
		memcpy(&in->sin_addr, a->b, 4);
		return true;
	}
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)out;

	if (a->family == 4) {   /* IPv4 on a dual-stack socket: mapped */
		memset(in6->sin6_addr.s6_addr, 0, 10);
		memset(in6->sin6_addr.s6_addr + 10, 0xff, 2);
		memcpy(in6->sin6_addr.s6_addr + 12, a->b, 4);
	} else
		memcpy(in6->sin6_addr.s6_addr, a->b, 16);
	return true;
}

static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

uint64_t psf_dest_key(uint32_t gen, const struct psf_endpoint *e)
{
	uint64_t hi, lo, k;

	memcpy(&hi, e->addr.b, 8);
	memcpy(&lo, e->addr.b + 8, 8);
	k = mix(mix((uint64_t)gen << 32 | (uint64_t)e->port << 8 |
		    e->addr.family) ^ hi) ^ lo;
	k = mix(k);
	return k ? k : 1;
}
