/*
 * sendto(), sendmsg(), sendmmsg(): a UDP datagram to an address is an
 * outbound operation (spec 6, Decision: checked on the first send of a
 * socket to each destination address and port).  On TCP the address is
 * ignored by the kernel, except with MSG_FASTOPEN, which connects: that
 * is checked as a connect.
 */
#include <errno.h>
#include "dest_check.h"
#include "exports.h"
#include "init.h"
#include "real.h"

/* The kernel's cap on one sendmmsg() (UIO_MAXIOV). */
#define SENDMMSG_MAX 1024

/* 0 to go ahead, else the errno to fail with. */
static int send_check(int fd, const struct sockaddr *sa, socklen_t len,
		      int flags)
{
	struct psf_sock s;
	struct psf_endpoint e;

	if (!sa || !psf_fd_lookup(fd, &s) || !s.family)
		return 0;
	if (s.proto == PSF_TCP)
		return (flags & MSG_FASTOPEN) && psf_sa_peer(&s, sa, len, &e) ?
		       psf_dest_check(fd, &s, PSF_OP_CONNECT, &e) : 0;
	if (!psf_sa_dest(&s, sa, len, &e))
		return 0;
	return psf_dest_check(fd, &s, PSF_OP_SEND, &e);
}

/* sendmsg() reads no address when msg_namelen is 0, and cuts a longer
 * one to the size of sockaddr_storage. */
static int msg_check(int fd, const struct msghdr *m, int flags)
{
	socklen_t len;

	if (!m || !m->msg_name || m->msg_namelen == 0)
		return 0;
	len = m->msg_namelen;
	if (len > sizeof(struct sockaddr_storage))
		len = sizeof(struct sockaddr_storage);
	return send_check(fd, m->msg_name, len, flags);
}

PSF_EXPORT ssize_t sendto(int fd, const void *buf, size_t n, int flags,
			  const struct sockaddr *sa, socklen_t len)
{
	int err;

	if (psf_depth)
		return psf_call_sendto(fd, buf, n, flags, sa, len);
	psf_core_init();
	err = send_check(fd, sa, len, flags);
	if (err) {
		errno = err;
		return -1;
	}
	return psf_call_sendto(fd, buf, n, flags, sa, len);
}

PSF_EXPORT ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	int err;

	if (psf_depth)
		return psf_call_sendmsg(fd, msg, flags);
	psf_core_init();
	err = msg_check(fd, msg, flags);
	if (err) {
		errno = err;
		return -1;
	}
	return psf_call_sendmsg(fd, msg, flags);
}

/* Messages go out in order until the first denied one: the kernel's own
 * partial-success rule, so the caller retries from there and gets the
 * denial as an error. */
PSF_EXPORT int sendmmsg(int fd, struct mmsghdr *vec, unsigned int vlen,
			int flags)
{
	unsigned int i, n = vlen < SENDMMSG_MAX ? vlen : SENDMMSG_MAX;
	int err = 0;

	if (psf_depth)
		return psf_call_sendmmsg(fd, vec, vlen, flags);
	psf_core_init();
	for (i = 0; vec && i < n; i++)
		if ((err = msg_check(fd, &vec[i].msg_hdr, flags)) != 0)
			break;
	if (!err)
		return psf_call_sendmmsg(fd, vec, vlen, flags);
	if (i == 0) {
		errno = err;
		return -1;
	}
	return psf_call_sendmmsg(fd, vec, i, flags);
}
