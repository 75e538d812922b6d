/*
 * The outbound check with its memory (see dest_check.h).  The last
 * destination of each descriptor is kept beside its state, so a socket
 * that talks to one peer (every TCP socket, most UDP clients) never looks
 * further; UDP sockets that talk to many peers also use the shared set.
 */
#include "check.h"
#include "dest_check.h"
#include "destcache.h"

static bool already_allowed(int fd, const struct psf_sock *s, uint64_t key)
{
	if (psf_fd_last_dest(fd) == key)
		return true;
	return s->proto == PSF_UDP && psf_destcache_has(key);
}

static void remember(int fd, const struct psf_sock *s, uint64_t key)
{
	psf_fd_set_last_dest(fd, key);
	if (s->proto == PSF_UDP)
		psf_destcache_add(key);
}

int psf_dest_check(int fd, const struct psf_sock *s, enum psf_op op,
		   const struct psf_endpoint *e)
{
	struct psf_request r = { .op = op, .proto = s->proto, .port = e->port,
				 .addr = e->addr };
	struct psf_decision d;
	uint64_t key = psf_dest_key(s->gen, e);

	if (already_allowed(fd, s, key))
		return 0;
	if (!psf_check(&r, &d)) {
		if (!psf_still_same(fd, s))
			return 0;
		psf_record(&r, &d, e->port);
		return d.err;
	}
	/* Recorded before the call: a blocking connect may take long, and
	 * the record is the check, made now. */
	psf_record(&r, &d, e->port);
	remember(fd, s, key);
	return 0;
}
