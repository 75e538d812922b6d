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
#include "usermem.h"

/* The kernel's cap on one sendmmsg() (UIO_MAXIOV). */
#define SENDMMSG_MAX 1024
/* sendmmsg() entries read at a time (with one system call at most for
 * their headers and one for their addresses). */
#define CHUNK PSF_COPY_MAX

/* Does a send on fd with these flags carry an address portsaf checks? */
static bool send_checked(int fd, int flags, struct psf_sock *s)
{
	if (!psf_fd_lookup(fd, s) || !s->family)
		return false;
	return s->proto == PSF_UDP || (flags & MSG_FASTOPEN);
}

/* 0 to go ahead, else the errno to fail with; sa is portsaf's copy. */
static int addr_check(int fd, const struct psf_sock *s,
		      const struct sockaddr *sa, socklen_t len)
{
	bool tcp = s->proto == PSF_TCP;    /* MSG_FASTOPEN: a connect */
	struct psf_endpoint e;

	if (!psf_sa_read(fd, s, tcp ? PSF_ADDR_CONNECT : PSF_ADDR_SEND, sa, len,
			 &e))
		return 0;
	return psf_dest_check(fd, s, tcp ? PSF_OP_CONNECT : PSF_OP_SEND, &e);
}

/* How many bytes of a message's address the kernel reads: none without
 * one, at most a sockaddr_storage; -1 when it refuses the message
 * (msg_namelen negative as the kernel's int). */
static long name_len(const struct msghdr *m)
{
	if (!m->msg_name || m->msg_namelen == 0)
		return 0;
	if ((int)m->msg_namelen < 0)
		return -1;
	return m->msg_namelen < sizeof(struct sockaddr_storage) ?
	       (long)m->msg_namelen : (long)sizeof(struct sockaddr_storage);
}

/* The address is decided on a copy, and the copy is what the kernel is
 * given (see bind()); one the kernel refuses unread (longer than
 * sockaddr_storage) or that cannot be read goes to the kernel as passed. */
PSF_EXPORT ssize_t sendto(int fd, const void *buf, size_t n, int flags,
			  const struct sockaddr *sa, socklen_t len)
{
	struct psf_sock s;
	struct sockaddr_storage copy;
	const struct sockaddr *c = (const struct sockaddr *)&copy;
	int err;

	if (psf_depth)
		return psf_call_sendto(fd, buf, n, flags, sa, len);
	psf_core_init();
	if (!sa || len == 0 || len > sizeof copy ||
	    !send_checked(fd, flags, &s) || !psf_copy_in(&copy, sa, len))
		return psf_call_sendto(fd, buf, n, flags, sa, len);
	err = addr_check(fd, &s, c, len);
	if (err) {
		errno = err;
		return -1;
	}
	return psf_call_sendto(fd, buf, n, flags, c, len);
}

/* The kernel is given portsaf's copy of the msghdr, whose msg_name points
 * to portsaf's copy of the address: the same bytes the kernel would read
 * (sendmsg writes nothing back into a msghdr).  A msghdr or address that
 * cannot be read goes to the kernel as passed. */
PSF_EXPORT ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	struct psf_sock s;
	struct msghdr m;
	struct sockaddr_storage name;
	long len;
	int err;

	if (psf_depth)
		return psf_call_sendmsg(fd, msg, flags);
	psf_core_init();
	if (!msg || !send_checked(fd, flags, &s) ||
	    !psf_copy_in(&m, msg, sizeof m))
		return psf_call_sendmsg(fd, msg, flags);
	len = name_len(&m);
	if (len > 0) {
		if (!psf_copy_in(&name, m.msg_name, (size_t)len))
			return psf_call_sendmsg(fd, msg, flags);
		m.msg_name = &name;
		err = addr_check(fd, &s, (const struct sockaddr *)&name,
				 (socklen_t)len);
		if (err) {
			errno = err;
			return -1;
		}
	}
	return psf_call_sendmsg(fd, &m, flags);
}

/* v[0..m) of a sendmmsg() vector: how many come before the first one
 * denied (*err set) or one the kernel stops at without sending it (a
 * header or address that cannot be read, a negative msg_namelen). */
static unsigned check_chunk(int fd, const struct psf_sock *s,
			    const struct mmsghdr *v, unsigned m, int *err)
{
	struct mmsghdr h[CHUNK];
	struct sockaddr_storage names[CHUNK];
	struct psf_copy c[CHUNK];
	socklen_t nl[CHUNK];
	unsigned at[CHUNK], k, nc = 0;
	size_t got;
	long len;

	/* The kernel reads msg_hdr, not msg_len: entry by entry when the
	 * whole run cannot be read. */
	if (!psf_copy_in(h, v, m * sizeof *v))
		for (k = 0; k < m; k++)
			if (!psf_copy_in(&h[k].msg_hdr, &v[k].msg_hdr,
					 sizeof h[k].msg_hdr)) {
				m = k;
				break;
			}
	for (k = 0; k < m; k++) {
		len = name_len(&h[k].msg_hdr);
		if (len < 0) {
			m = k;
			break;
		}
		nl[k] = (socklen_t)len;
		if (len) {
			c[nc] = (struct psf_copy){ &names[k],
						   h[k].msg_hdr.msg_name,
						   (size_t)len };
			at[nc++] = k;
		}
	}
	got = psf_copy_in_n(c, nc);
	if (got < nc)
		m = at[got];
	for (k = 0; k < m; k++) {
		if (!nl[k])
			continue;
		*err = addr_check(fd, s, (const struct sockaddr *)&names[k],
				  nl[k]);
		if (*err)
			return k;
	}
	return m;
}

/* Messages go out in order until the first denied one: the kernel's own
 * partial-success rule, so the caller retries from there and gets the
 * denial as an error.  The kernel writes each msg_len back into the
 * vector, so it is given the program's vector, not a copy.  At an entry
 * it would stop at unsent (unreadable), it is given the vector up to and
 * including that entry, and answers for it itself. */
PSF_EXPORT int sendmmsg(int fd, struct mmsghdr *vec, unsigned int vlen,
			int flags)
{
	unsigned int i = 0, m, ok, n = vlen < SENDMMSG_MAX ? vlen : SENDMMSG_MAX;
	struct psf_sock s;
	int err = 0;

	if (psf_depth)
		return psf_call_sendmmsg(fd, vec, vlen, flags);
	psf_core_init();
	if (!vec || n == 0 || !send_checked(fd, flags, &s))
		return psf_call_sendmmsg(fd, vec, vlen, flags);
	while (i < n) {
		m = n - i < CHUNK ? n - i : CHUNK;
		ok = check_chunk(fd, &s, vec + i, m, &err);
		i += ok;
		if (err)
			break;
		if (ok < m)
			return psf_call_sendmmsg(fd, vec, i + 1, flags);
	}
	if (!err)
		return psf_call_sendmmsg(fd, vec, vlen, flags);
	if (i == 0) {
		errno = err;
		return -1;
	}
	return psf_call_sendmmsg(fd, vec, i, flags);
}
