/*
 * A message the target asked to send (sendto, sendmsg, one entry of
 * sendmmsg), copied out of its memory with the kernel's own limits, so
 * that the supervisor sends what it checked.
 */
#ifndef PSF_SUP_TARGET_MSG_H
#define PSF_SUP_TARGET_MSG_H

#include <linux/seccomp.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <sys/uio.h>

struct psf_sup_msg {
	bool has_name;                  /* the kernel will see an address */
	struct sockaddr_storage name;   /* the supervisor's copy */
	size_t namelen;
	struct iovec *iov;              /* the caller's segments (its addresses) */
	size_t iovcnt;
	size_t total;                   /* bytes in all segments */
	void *control;                  /* the supervisor's copy, or NULL */
	size_t controllen;
};

/* A struct msghdr already copied out of the target: copy its address,
 * segment list and control data as ___sys_sendmsg would (address cut to
 * sizeof(struct sockaddr_storage), at most UIO_MAXIOV segments).  0 or
 * the kernel's negative errno; release with psf_sup_msg_free either way. */
int psf_sup_msg_load(const struct seccomp_notif *req, const struct msghdr *um,
		     struct psf_sup_msg *m);
void psf_sup_msg_free(struct psf_sup_msg *m);

/* Copy n bytes of the message's data, starting off bytes in, to buf. */
int psf_sup_msg_data(const struct seccomp_notif *req,
		     const struct psf_sup_msg *m, size_t off, void *buf,
		     size_t n);

#endif
