/*
 * bind() and listen(): the PORT, PORTRANGE, UNRSV and RESTRICTLOWPORTS
 * checks (spec 2.2-2.4, 4) and NETACCESS INBOUND (spec 6), at the moment
 * z/OS makes them:
 *
 *   bind    reserved ports, low ports, UNRSV for UDP and TCP WHENBIND,
 *           port 0 only under the emulate switches (the engine knows);
 *   listen  UNRSV TCP WHENLISTEN, for a socket explicitly bound to a
 *           nonzero port; a socket bound to 0 or not bound is
 *           stack-assigned (psf_request.stack_assigned).
 */
#include <errno.h>
#include <netinet/in.h>
#include "check.h"
#include "engine_link.h"
#include "exports.h"
#include "init.h"
#include "ipaddr.h"
#include "real.h"
#include "sockaddr.h"
#include "usermem.h"

/* The port the kernel assigned to a bind to port 0, for the log string
 * (spec 8); asked only when a record is written. */
static uint16_t bound_port(int fd, uint16_t requested)
{
	struct psf_endpoint b;

	if (requested == 0 && psf_sa_bound(fd, &b))
		return b.port;
	return requested;
}

/* A denied call has no effect on the socket (interface.md): the real
 * call is never made.  The log string shows the port asked for, PORT(0)
 * for a denied bind to port 0 (spec 8). */
static int deny(const struct psf_request *r, const struct psf_decision *d)
{
	psf_record(r, d, r->port);
	errno = d->err;
	return -1;
}

static int checked_bind(int fd, const struct psf_sock *s,
			const struct sockaddr *sa, socklen_t len,
			const struct psf_endpoint *e)
{
	struct psf_request r = { .op = PSF_OP_BIND, .proto = s->proto,
				 .port = e->port, .addr = e->addr };
	struct psf_decision d;
	struct sockaddr_storage rewritten;
	int rc, saved;

	if (!psf_check(&r, &d)) {
		if (!psf_still_same(fd, s))
			return psf_call_bind(fd, sa, len);
		return deny(&r, &d);
	}
	/* BIND ipaddr (spec 2.2, Decision): only a wildcard bind is
	 * rewritten; a bind to a specific address is left alone. */
	if (d.rewrite) {
		d.rewrite = psf_ipaddr_is_any(&e->addr) &&
			    psf_sa_rewrite(s, sa, len, &d.bind_addr, &rewritten);
		if (d.rewrite)
			sa = (const struct sockaddr *)&rewritten;
	}
	rc = psf_call_bind(fd, sa, len);
	saved = errno;
	if (rc == 0 && e->port != 0)
		psf_fd_set_explicit(fd, e->port);
	if (psf_record_wanted(&d)) {
		uint16_t port = rc == 0 ? bound_port(fd, e->port) : e->port;

		if (e->port == 0 && port)
			psf_note_assigned(&d, s->proto, port);
		psf_record(&r, &d, port);
	}
	errno = saved;
	return rc;
}

/* The address is decided on a copy, and the copy is what the kernel is
 * given: what was decided is what is bound, whatever another thread does
 * to the program's buffer meanwhile.  An address the kernel refuses before
 * reading it (longer than sockaddr_storage, or none), or one that cannot
 * be read, goes to the kernel as the program passed it, for the kernel's
 * own EINVAL or EFAULT. */
PSF_EXPORT int bind(int fd, const struct sockaddr *sa, socklen_t len)
{
	struct psf_sock s;
	struct psf_endpoint e;
	struct sockaddr_storage copy;
	const struct sockaddr *c = (const struct sockaddr *)&copy;

	if (psf_depth)
		return psf_call_bind(fd, sa, len);
	psf_core_init();
	if (!psf_fd_lookup(fd, &s) || !s.family || !sa || len == 0 ||
	    len > sizeof copy || !psf_copy_in(&copy, sa, len))
		return psf_call_bind(fd, sa, len);
	if (!psf_sa_read(fd, &s, PSF_ADDR_BIND, c, len, &e))
		return psf_call_bind(fd, c, len);
	return checked_bind(fd, &s, c, len, &e);
}

/* Most policies never check a listen (no UNRSV TCP, or WHENBIND): then
 * listen() costs no system call of portsaf's.  A policy that failed to
 * load leaves the call to on_error. */
static bool listen_checked(void)
{
	const struct psf_policy *p;

	psf_policy_init();
	p = __atomic_load_n(&psf_rt.policy, __ATOMIC_ACQUIRE);
	return !p || psf_eng->policy_checks_listen(p);
}

/* A second listen() only changes the backlog: z/OS checks the socket
 * becoming a listener, once. */
static bool already_listening(int fd)
{
	int on = 0, saved = errno;
	socklen_t l = sizeof on;
	bool yes = getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &on, &l) == 0 && on;

	errno = saved;
	return yes;
}

static int checked_listen(int fd, int backlog, const struct psf_sock *s,
			  const struct psf_endpoint *e)
{
	struct psf_request r = {
		.op = PSF_OP_LISTEN, .proto = PSF_TCP, .port = e->port,
		.addr = e->addr,
		.stack_assigned = !psf_fd_explicitly_bound(fd, s, e->port),
	};
	struct psf_decision d;
	int rc, saved;

	if (!psf_check(&r, &d)) {
		if (!psf_still_same(fd, s))
			return psf_call_listen(fd, backlog);
		return deny(&r, &d);
	}
	rc = psf_call_listen(fd, backlog);
	saved = errno;
	/* A listen on an unbound socket binds it: the log string shows the
	 * port the kernel chose (spec 8). */
	if (psf_record_wanted(&d))
		psf_record(&r, &d, rc == 0 ? bound_port(fd, e->port) : e->port);
	errno = saved;
	return rc;
}

PSF_EXPORT int listen(int fd, int backlog)
{
	struct psf_sock s;
	struct psf_endpoint e;

	if (psf_depth)
		return psf_call_listen(fd, backlog);
	psf_core_init();
	if (!psf_fd_lookup(fd, &s) || !s.family || s.proto != PSF_TCP ||
	    !listen_checked() || already_listening(fd) || !psf_sa_bound(fd, &e))
		return psf_call_listen(fd, backlog);
	return checked_listen(fd, backlog, &s, &e);
}
