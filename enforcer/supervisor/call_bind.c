/*
 * bind(2): PORT, PORTRANGE, UNRSV, RESTRICTLOWPORTS (spec 2.2-2.4, 4) and
 * NETACCESS INBOUND (spec 6), decided on the supervisor's copy of the
 * address and carried out on the supervisor's duplicate of the socket.
 */
#include <unistd.h>
#include "bound_ports.h"
#include "ipaddr.h"
#include "kernel_sockaddr.h"
#include "socket_calls.h"
#include "target_caps.h"
#include "target_mem.h"

static int checked_bind(struct psf_sup_call *c, struct psf_sup_socket *s,
			struct sockaddr_storage *ss, size_t len)
{
	const struct psf_addr_sock k = { s->domain, s->proto, s->fd };
	struct psf_request r = { .op = PSF_OP_BIND, .proto = s->proto };
	struct psf_decision d;
	struct psf_subject subj;
	struct psf_endpoint e;
	uint16_t port;
	int rc = psf_kernel_sockaddr(&k, PSF_ADDR_BIND, ss, len, &e);

	if (rc < 0)
		return rc;
	r.addr = e.addr;
	r.port = e.port;
	if ((rc = psf_sup_decide(c, &r, &d, &subj)))
		return rc;
	if (d.verdict == PSF_DENY) {
		psf_sup_record(c, &subj, &r, &d, r.port);
		return -d.err;
	}
	/* BIND ipaddr (spec 2.2, Decision): only a wildcard bind moves. */
	if (d.rewrite)
		d.rewrite = psf_ipaddr_is_any(&r.addr) &&
			    psf_sockaddr_set_ip(ss, len, s->domain, &d.bind_addr);
	rc = psf_sup_do_bind(c, s, ss, len, psf_sup_caps_matter_for_bind(r.port));
	/* Only a checked listen asks whether the port was the stack's
	 * (spec 2.3): under a policy that checks none, the memory would
	 * never be read, and keeping it costs an SO_COOKIE per bind. */
	if (rc == 0 && s->proto == PSF_TCP && r.port == 0 &&
	    psf_policy_checks_listen(c->sup->policy))
		psf_sup_bound_to_zero(c->sup, s);
	port = psf_sup_shown_port(c, s, &r, &d, rc);
	/* Spec 4: z/OS never hands out a reserved port; the trace notes
	 * the kernel doing so, as the preload's does. */
	if (r.port == 0 && port)
		d.assigned_reserved = psf_policy_port_reserved(c->sup->policy,
							       s->proto, port);
	psf_sup_record(c, &subj, &r, &d, port);
	return rc;
}

static int on_ip_socket(struct psf_sup_call *c, struct psf_sup_socket *s)
{
	struct sockaddr_storage ss;
	int len = (int)c->req->data.args[2];
	int rc = psf_sup_copy_sockaddr(c, c->req->data.args[1], len, &ss);

	if (!rc)
		rc = psf_sup_mem_confirm(c->sup->listener, c->req);
	if (rc)
		return rc;
	if (!s->checked)
		return psf_sup_do_bind(c, s, &ss, (size_t)len, true);
	return checked_bind(c, s, &ss, (size_t)len);
}

void psf_sup_on_bind(struct psf_sup_call *c)
{
	psf_sup_on_socket_call(c, on_ip_socket);
}
