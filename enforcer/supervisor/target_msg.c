#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "target_mem.h"
#include "target_msg.h"

/* The kernel's limit on segments (include/linux/uio.h). */
#ifndef UIO_MAXIOV
#define UIO_MAXIOV 1024
#endif
/* Control data is copied into kernel memory bounded by optmem_max; more
 * than this is refused with ENOBUFS without reading it. */
#define CONTROL_MAX (1u << 20)

static int load_name(const struct seccomp_notif *req, const struct msghdr *um,
		     struct psf_sup_msg *m)
{
	int len = (int)um->msg_namelen;

	if (!um->msg_name)
		return 0;
	if (len < 0)
		return -EINVAL;
	if ((size_t)len > sizeof m->name)
		len = sizeof m->name;
	if (len == 0)
		return 0;
	m->has_name = true;
	m->namelen = (size_t)len;
	return psf_sup_mem_read(req, (uint64_t)(uintptr_t)um->msg_name,
				&m->name, m->namelen);
}

static int load_iov(const struct seccomp_notif *req, const struct msghdr *um,
		    struct psf_sup_msg *m)
{
	int rc;

	if (um->msg_iovlen > UIO_MAXIOV)
		return -EMSGSIZE;
	m->iovcnt = um->msg_iovlen;
	if (m->iovcnt == 0)
		return 0;
	m->iov = calloc(m->iovcnt, sizeof *m->iov);
	if (!m->iov)
		return -ENOMEM;
	rc = psf_sup_mem_read(req, (uint64_t)(uintptr_t)um->msg_iov, m->iov,
			      m->iovcnt * sizeof *m->iov);
	for (size_t i = 0; !rc && i < m->iovcnt; i++) {
		if (m->iov[i].iov_len > SSIZE_MAX)
			return -EINVAL;
		if (m->iov[i].iov_len > SSIZE_MAX - m->total)
			m->iov[i].iov_len = SSIZE_MAX - m->total;
		m->total += m->iov[i].iov_len;
	}
	return rc;
}

static int load_control(const struct seccomp_notif *req,
			const struct msghdr *um, struct psf_sup_msg *m)
{
	if (um->msg_controllen == 0)
		return 0;
	if (um->msg_controllen > INT_MAX || um->msg_controllen > CONTROL_MAX)
		return -ENOBUFS;
	m->controllen = um->msg_controllen;
	m->control = malloc(m->controllen);
	if (!m->control)
		return -ENOMEM;
	return psf_sup_mem_read(req, (uint64_t)(uintptr_t)um->msg_control,
				m->control, m->controllen);
}

int psf_sup_msg_load(const struct seccomp_notif *req, const struct msghdr *um,
		     struct psf_sup_msg *m)
{
	int rc;

	memset(m, 0, sizeof *m);
	if ((rc = load_name(req, um, m)) || (rc = load_iov(req, um, m)))
		return rc;
	return load_control(req, um, m);
}

void psf_sup_msg_free(struct psf_sup_msg *m)
{
	free(m->iov);
	free(m->control);
	m->iov = NULL;
	m->control = NULL;
}

/* The part [off, off+n) of the segments, as remote iovecs in out. */
static size_t slice(const struct psf_sup_msg *m, size_t off, size_t n,
		    struct iovec *out)
{
	size_t k = 0;

	for (size_t i = 0; i < m->iovcnt && n; i++) {
		size_t len = m->iov[i].iov_len;

		if (off >= len) {
			off -= len;
			continue;
		}
		out[k].iov_base = (char *)m->iov[i].iov_base + off;
		out[k].iov_len = len - off < n ? len - off : n;
		n -= out[k].iov_len;
		off = 0;
		k++;
	}
	return k;
}

int psf_sup_msg_data(const struct seccomp_notif *req,
		     const struct psf_sup_msg *m, size_t off, void *buf,
		     size_t n)
{
	struct iovec *remote;
	int rc;

	if (n == 0)
		return 0;
	remote = calloc(m->iovcnt, sizeof *remote);
	if (!remote)
		return -ENOMEM;
	rc = psf_sup_mem_gather(req, remote, slice(m, off, n, remote), buf, n);
	free(remote);
	return rc;
}
