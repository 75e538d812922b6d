/*
 * connect() and glibc's exported alias __connect: NETACCESS OUTBOUND
 * against the destination (spec 6).  A repeated connect() to the same
 * peer (after EINPROGRESS) is not checked again.
 */
#include <errno.h>
#include "dest_check.h"
#include "exports.h"
#include "init.h"
#include "real.h"

static int checked_connect(int fd, const struct sockaddr *sa, socklen_t len)
{
	struct psf_sock s;
	struct psf_endpoint e;
	int err;

	if (psf_depth)
		return psf_call_connect(fd, sa, len);
	psf_core_init();
	if (!psf_fd_lookup(fd, &s) || !s.family || !psf_sa_peer(&s, sa, len, &e))
		return psf_call_connect(fd, sa, len);
	err = psf_dest_check(fd, &s, PSF_OP_CONNECT, &e);
	if (err) {
		errno = err;
		return -1;
	}
	return psf_call_connect(fd, sa, len);
}

PSF_EXPORT int connect(int fd, const struct sockaddr *sa, socklen_t len)
{
	return checked_connect(fd, sa, len);
}

PSF_EXPORT int __connect(int fd, const struct sockaddr *sa, socklen_t len)
{
	return checked_connect(fd, sa, len);
}
