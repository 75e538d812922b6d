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
#include "usermem.h"

/* As bind(): decided on a copy, which the kernel is given; an address
 * the kernel refuses unread, or that cannot be read, goes to the kernel
 * as passed. */
static int checked_connect(int fd, const struct sockaddr *sa, socklen_t len)
{
	struct psf_sock s;
	struct psf_endpoint e;
	struct sockaddr_storage copy;
	const struct sockaddr *c = (const struct sockaddr *)&copy;
	int err;

	if (psf_depth)
		return psf_call_connect(fd, sa, len);
	psf_core_init();
	if (!psf_fd_lookup(fd, &s) || !s.family || !sa || len == 0 ||
	    len > sizeof copy || !psf_copy_in(&copy, sa, len))
		return psf_call_connect(fd, sa, len);
	if (!psf_sa_read(fd, &s, PSF_ADDR_CONNECT, c, len, &e))
		return psf_call_connect(fd, c, len);
	err = psf_dest_check(fd, &s, PSF_OP_CONNECT, &e);
	if (err) {
		errno = err;
		return -1;
	}
	return psf_call_connect(fd, c, len);
}

PSF_EXPORT int connect(int fd, const struct sockaddr *sa, socklen_t len)
{
	return checked_connect(fd, sa, len);
}

PSF_EXPORT int __connect(int fd, const struct sockaddr *sa, socklen_t len)
{
	return checked_connect(fd, sa, len);
}
