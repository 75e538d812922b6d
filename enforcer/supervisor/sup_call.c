/*
 * Helpers shared by the call handlers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sup_call.h"
#include "target_mem.h"

void psf_sup_answer(struct psf_sup_call *c, int64_t rc)
{
	c->resp->id = c->req->id;
	c->resp->flags = 0;
	c->resp->val = rc < 0 ? -1 : rc;
	c->resp->error = rc < 0 ? (int32_t)rc : 0;
}

/* SECCOMP_USER_NOTIF_FLAG_CONTINUE makes the kernel look the descriptor
 * up again and re-read the caller's memory: nothing checked here holds
 * then.  That is harmless for a socket that is not an IP socket, whose
 * calls are never checked, but a thread sharing the descriptor table
 * could put an IP socket under the same number in between.  Performing
 * such calls here instead would change their meaning (AF_UNIX credentials
 * and paths are the caller's), so this one race stays; see the man page. */
void psf_sup_pass_through(struct psf_sup_call *c)
{
	c->resp->id = c->req->id;
	c->resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	c->resp->val = 0;
	c->resp->error = 0;
}

int psf_sup_take_socket(struct psf_sup_call *c, unsigned argno,
			struct psf_sup_socket *s)
{
	/* The kernel reads descriptor arguments as int. */
	int fd = psf_sup_caller_take_fd(&c->who, (int)c->req->data.args[argno]);
	int rc;

	if (fd < 0)
		return fd;
	rc = psf_sup_socket_classify(fd, s);
	if (rc) {
		close(fd);
		s->fd = -1;
	}
	return rc;
}

int psf_sup_copy_sockaddr(struct psf_sup_call *c, uint64_t uaddr, int len,
			  struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof *ss);
	if (len < 0 || (size_t)len > sizeof *ss)
		return -EINVAL;
	return psf_sup_mem_read(c->req, uaddr, ss, (size_t)len);
}

int psf_sup_scratch_reserve(struct psf_sup_scratch *s, size_t n)
{
	uint8_t *p;

	if (n <= s->cap)
		return 0;
	p = realloc(s->p, n);
	if (!p)
		return -ENOMEM;
	s->p = p;
	s->cap = n;
	return 0;
}

int psf_sup_decide(struct psf_sup_call *c, const struct psf_request *r,
		   struct psf_decision *d, struct psf_subject *subj)
{
	int rc = psf_sup_identity_get(c->sup->ids, c->sup->listener, c->req,
				      &c->who, subj);

	if (rc)
		return rc;
	psf_decide(c->sup->policy, subj, r, d, NULL);
	return 0;
}

void psf_sup_record(const struct psf_sup_call *c,
		    const struct psf_subject *subj, const struct psf_request *r,
		    const struct psf_decision *d, uint16_t port)
{
	if (psf_sinks_wanted(c->sup->sinks, d))
		psf_sinks_emit(c->sup->sinks, &subj->id, r, d, port);
}

uint16_t psf_sup_shown_port(const struct psf_sup_call *c,
			    const struct psf_sup_socket *s,
			    const struct psf_request *r,
			    const struct psf_decision *d, int rc)
{
	struct psf_ipaddr a;
	uint16_t port = r->port;

	if (rc == 0 && port == 0 && psf_sinks_wanted(c->sup->sinks, d))
		(void)psf_sup_socket_local(s, &a, &port);
	return port;
}

void psf_sup_on_socket_call(struct psf_sup_call *c,
			    int (*on_ip)(struct psf_sup_call *c,
					 struct psf_sup_socket *s))
{
	struct psf_sup_socket s;
	int rc = psf_sup_take_socket(c, 0, &s);

	if (rc) {
		psf_sup_answer(c, rc);
		return;
	}
	if (!s.ip)
		psf_sup_pass_through(c);
	else
		psf_sup_answer(c, on_ip(c, &s));
	close(s.fd);
}
