/*
 * Socket addresses as the Linux kernel reads them (kernel_sockaddr.c),
 * seen from the wrappers; see sockaddr.h.
 */
#include <errno.h>
#include <string.h>
#include "ipaddr.h"
#include "sockaddr.h"

bool psf_sa_read(int fd, const struct psf_sock *s, enum psf_addr_use use,
		 const struct sockaddr *sa, socklen_t len,
		 struct psf_endpoint *e)
{
	const struct psf_addr_sock k = { s->family, s->proto, fd };

	return psf_kernel_sockaddr(&k, use, sa, len, e) == 1;
}

bool psf_sa_bound(int fd, struct psf_endpoint *e)
{
	struct sockaddr_storage ss;
	socklen_t l = sizeof ss;
	int saved = errno;
	bool ok = getsockname(fd, (struct sockaddr *)&ss, &l) == 0 &&
		  psf_ipaddr_from_sockaddr((const struct sockaddr *)&ss, l,
					   &e->addr, &e->port) == 0;

	errno = saved;
	return ok;
}

bool psf_sa_rewrite(const struct psf_sock *s, const struct sockaddr *sa,
		    socklen_t len, const struct psf_ipaddr *a,
		    struct sockaddr_storage *out)
{
	memset(out, 0, sizeof *out);
	memcpy(out, sa, len < sizeof *out ? len : sizeof *out);
	return psf_sockaddr_set_ip(out, len, s->family, a);
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
