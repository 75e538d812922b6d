/*
 * listen(2): UNRSV TCP WHENLISTEN (spec 2.3), and under
 * emulate.tcp_ephemeral_saf the listen on a stack-assigned port.  The
 * port is read from the supervisor's duplicate of the socket, and the
 * listen is made on that duplicate: the descriptor number the caller
 * passed may name another socket by the time the kernel would look.
 */
#include <unistd.h>
#include "bound_ports.h"
#include "socket_calls.h"

/* A second listen() only changes the backlog: z/OS checks a socket
 * becoming a listener, once.  (Like a policy that checks no listen at
 * all, it is neither decided nor traced, as in the preload.) */
static bool already_listening(const struct psf_sup_socket *s)
{
	int on = 0;
	socklen_t l = sizeof on;

	return getsockopt(s->fd, SOL_SOCKET, SO_ACCEPTCONN, &on, &l) == 0 && on;
}

static int checked_listen(struct psf_sup_call *c, struct psf_sup_socket *s,
			  int backlog)
{
	struct psf_request r = { .op = PSF_OP_LISTEN, .proto = PSF_TCP };
	struct psf_decision d;
	struct psf_subject subj;
	int rc;

	if (psf_sup_socket_local(s, &r.addr, &r.port) != 0)
		return psf_sup_do_listen(c, s, backlog);
	r.stack_assigned = !psf_sup_bound_explicitly(c->sup, s, r.port);
	if ((rc = psf_sup_decide(c, &r, &d, &subj)))
		return rc;
	if (d.verdict == PSF_DENY) {
		psf_sup_record(c, &subj, &r, &d, r.port);
		return -d.err;
	}
	rc = psf_sup_do_listen(c, s, backlog);
	psf_sup_record(c, &subj, &r, &d, psf_sup_shown_port(c, s, &r, &d, rc));
	return rc;
}

void psf_sup_on_listen(struct psf_sup_call *c)
{
	struct psf_sup_socket s;
	int backlog = (int)c->req->data.args[1];
	int rc = psf_sup_take_socket(c, 0, &s);

	if (rc) {
		psf_sup_answer(c, rc);
		return;
	}
	/* A policy that checks no listen has the filter leave listen to the
	 * kernel (seccomp_filter.c); the test stays for a filter that does
	 * not. */
	if (!s.ip)
		psf_sup_pass_through(c);
	else if (!s.checked || s.proto != PSF_TCP ||
		 !psf_policy_checks_listen(c->sup->policy) ||
		 already_listening(&s))
		psf_sup_answer(c, psf_sup_do_listen(c, &s, backlog));
	else
		psf_sup_answer(c, checked_listen(c, &s, backlog));
	close(s.fd);
}
