/*
 * sendto(2) with a destination, sendmsg(2), sendmmsg(2).  A UDP datagram
 * to an address is an outbound operation (spec 6, Decision: checked at the
 * first send of a socket to each destination); on TCP the kernel ignores
 * the address except with MSG_FASTOPEN, which connects and is checked as
 * a connect - as in the preload.
 *
 * The supervisor sends its own copy of the message on its duplicate of
 * the socket: letting the kernel re-read the caller's memory would let a
 * thread swap the destination after the check.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "dest_check.h"
#include "kernel_sockaddr.h"
#include "socket_calls.h"
#include "target_mem.h"
#include "target_msg.h"

/* A socket that keeps message boundaries gets its message whole, up to
 * this size (the kernel refuses any UDP or raw IP datagram above 64 KiB;
 * SCTP messages may be larger). */
#define MESSAGE_MAX (16u << 20)
/* A stream goes in pieces of this size until one is sent short, which is
 * where the kernel's own send would have stopped too. */
#define STREAM_PIECE (1u << 20)
/* sendmmsg(2) handles at most UIO_MAXIOV messages per call. */
#ifndef UIO_MAXIOV
#define UIO_MAXIOV 1024
#endif

static int send_check(struct psf_sup_call *c, struct psf_sup_socket *s,
		      const struct psf_sup_msg *m, int flags)
{
	enum psf_addr_use use = PSF_ADDR_SEND;
	enum psf_op op = PSF_OP_SEND;
	struct psf_endpoint e;
	int rc;

	if (!s->checked || !m->has_name)
		return 0;
	if (s->proto == PSF_TCP) {
		if (!(flags & MSG_FASTOPEN))
			return 0;
		use = PSF_ADDR_CONNECT;
		op = PSF_OP_CONNECT;
	}
	const struct psf_addr_sock k = { s->domain, s->proto, s->fd };

	rc = psf_kernel_sockaddr(&k, use, &m->name, m->namelen, &e);
	if (rc == 1)
		rc = psf_sup_dest_check(c, s, op, &e.addr, e.port);
	return rc;
}

/* MSG_ZEROCOPY pins the pages until the data has left, after the call
 * returns: reusing the worker's buffer would change data in flight, so
 * such a send gets a mapping of its own, which munmap() never hands out
 * again while the kernel still holds its pages. */
static void *data_buffer(struct psf_sup_call *c, size_t n, int flags)
{
	void *p;

	if (flags & MSG_ZEROCOPY) {
		p = mmap(NULL, n ? n : 1, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		return p == MAP_FAILED ? NULL : p;
	}
	/* An empty datagram is a datagram: its buffer must exist too. */
	return psf_sup_scratch_reserve(c->scratch, n ? n : 1) ? NULL :
	       c->scratch->p;
}

static void data_release(void *p, size_t n, int flags)
{
	if (flags & MSG_ZEROCOPY)
		munmap(p, n ? n : 1);
}

/* One sendmsg of n bytes from offset off; the address and control data
 * go with the first piece only. */
static int64_t send_piece(struct psf_sup_call *c, const struct psf_sup_socket *s,
			  struct psf_sup_msg *m, size_t off, size_t n, int flags)
{
	void *buf = data_buffer(c, n, flags);
	struct iovec v = { buf, n };
	struct msghdr h = { .msg_iov = &v, .msg_iovlen = 1 };
	int64_t rc;

	if (!buf)
		return -ENOMEM;
	rc = psf_sup_msg_data(c->req, m, off, buf, n);
	/* The data was read from the caller's memory by its thread id. */
	if (!rc)
		rc = psf_sup_mem_confirm(c->sup->listener, c->req);
	if (!rc && off == 0) {
		h.msg_name = m->has_name ? &m->name : NULL;
		h.msg_namelen = (socklen_t)m->namelen;
		h.msg_control = m->control;
		h.msg_controllen = m->controllen;
	} else if (!rc) {
		flags &= ~MSG_FASTOPEN;
	}
	if (!rc)
		rc = psf_sup_do_sendmsg(c, s, &h, flags);
	data_release(buf, n, flags);
	return rc;
}

static int64_t send_data(struct psf_sup_call *c, const struct psf_sup_socket *s,
			 struct psf_sup_msg *m, int flags)
{
	size_t done = 0;
	int64_t rc;

	if (s->type != SOCK_STREAM) {
		if (m->total > MESSAGE_MAX)
			return -EMSGSIZE;
		return send_piece(c, s, m, 0, m->total, flags);
	}
	do {
		size_t n = m->total - done < STREAM_PIECE ? m->total - done :
			   STREAM_PIECE;

		rc = send_piece(c, s, m, done, n, flags);
		if (rc < 0)
			return done ? (int64_t)done : rc;
		done += (size_t)rc;
		if ((size_t)rc < n)
			break;
	} while (done < m->total);
	return (int64_t)done;
}

static int64_t send_one(struct psf_sup_call *c, struct psf_sup_socket *s,
			struct psf_sup_msg *m, int flags)
{
	int rc = psf_sup_mem_confirm(c->sup->listener, c->req);

	if (!rc)
		rc = send_check(c, s, m, flags);
	return rc ? rc : send_data(c, s, m, flags);
}

/* Take the socket of argument 0; false when the call was answered (an
 * error, or a socket that is not an IP socket, passed through). */
static bool ip_socket(struct psf_sup_call *c, struct psf_sup_socket *s)
{
	int rc = psf_sup_take_socket(c, 0, s);

	if (rc) {
		psf_sup_answer(c, rc);
		return false;
	}
	if (s->ip)
		return true;
	psf_sup_pass_through(c);
	close(s->fd);
	return false;
}

/* sendto(fd, buf, len, flags, addr, addrlen): addr is not NULL, the
 * filter lets sends without a destination through. */
void psf_sup_on_sendto(struct psf_sup_call *c)
{
	const __u64 *a = c->req->data.args;
	struct psf_sup_socket s;
	struct psf_sup_msg m = { .has_name = true, .iovcnt = 1, .total = a[2] };
	struct iovec seg = { (void *)(uintptr_t)a[1], a[2] };
	int64_t rc;

	if (!ip_socket(c, &s))
		return;
	m.iov = &seg;
	rc = psf_sup_copy_sockaddr(c, a[4], (int)a[5], &m.name);
	m.namelen = (size_t)(int)a[5];
	if (!rc)
		rc = send_one(c, &s, &m, (int)a[3]);
	psf_sup_answer(c, rc);
	close(s.fd);
}

void psf_sup_on_sendmsg(struct psf_sup_call *c)
{
	const __u64 *a = c->req->data.args;
	struct psf_sup_socket s;
	struct psf_sup_msg m = { 0 };
	struct msghdr um;
	int64_t rc;

	if (!ip_socket(c, &s))
		return;
	rc = psf_sup_mem_read(c->req, a[1], &um, sizeof um);
	if (!rc)
		rc = psf_sup_msg_load(c->req, &um, &m);
	if (!rc)
		rc = send_one(c, &s, &m, (int)a[2]);
	psf_sup_msg_free(&m);
	psf_sup_answer(c, rc);
	close(s.fd);
}

/* The kernel's partial-success rule: messages go in order; the count sent
 * is returned if any was, else the first message's error.  Each sent
 * message's length is stored in its msg_len, as the kernel does. */
static int64_t send_vector(struct psf_sup_call *c, struct psf_sup_socket *s,
			   const struct mmsghdr *v, unsigned n, int flags)
{
	const uint64_t base = c->req->data.args[1];
	unsigned sent = 0;
	int64_t rc = 0;

	while (sent < n) {
		struct psf_sup_msg m;
		unsigned len;

		rc = psf_sup_msg_load(c->req, &v[sent].msg_hdr, &m);
		if (!rc)
			rc = send_one(c, s, &m, flags);
		psf_sup_msg_free(&m);
		if (rc < 0)
			break;
		len = (unsigned)rc;
		rc = psf_sup_mem_write(c->req, base + sent * sizeof *v +
				       offsetof(struct mmsghdr, msg_len),
				       &len, sizeof len);
		if (rc < 0)
			break;
		sent++;
	}
	return sent ? (int64_t)sent : rc;
}

void psf_sup_on_sendmmsg(struct psf_sup_call *c)
{
	const __u64 *a = c->req->data.args;
	unsigned n = (unsigned)a[2] < UIO_MAXIOV ? (unsigned)a[2] : UIO_MAXIOV;
	struct psf_sup_socket s;
	struct mmsghdr *v = NULL;
	int64_t rc = 0;

	if (!ip_socket(c, &s))
		return;
	if (n && !(v = calloc(n, sizeof *v)))
		rc = -ENOMEM;
	if (!rc)
		rc = psf_sup_mem_read(c->req, a[1], v, n * sizeof *v);
	if (!rc)
		rc = send_vector(c, &s, v, n, (int)a[3]);
	free(v);
	psf_sup_answer(c, rc);
	close(s.fd);
}
