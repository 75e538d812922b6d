#include <errno.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "notif_loop.h"
#include "socket_calls.h"
#include "target_caps.h"

static int result(long rc)
{
	return rc < 0 ? -errno : (int)rc;
}

/* The calls are made as system calls, not through libc's wrappers: the
 * supervisor itself may run under an inherited libportsaf.so (a nested
 * `portsaf run`), which would decide and record them a second time. */

/* Every connect and send is reported to the watchdog as possibly
 * blocking, without asking whether the socket is O_NONBLOCK (an F_GETFL
 * per call): the mark is two stores, and it only counts once a call has
 * lasted a whole watchdog tick.  A call that does not block clears it
 * long before; one that is that slow anyway holds this worker just as a
 * blocking one would, and another worker is then welcome. */

/* Checked sockets (TCP, UDP) need the caller's capabilities only where
 * the caller says so; any other IP socket always gets them. */
static int assume(struct psf_sup_call *c, const struct psf_sup_socket *s,
		  bool as_caller, struct psf_sup_caps *caps)
{
	caps->lowered = false;
	if (s->checked && !as_caller)
		return 0;
	return psf_sup_caps_assume(c->who.tid, caps);
}

int psf_sup_do_bind(struct psf_sup_call *c, const struct psf_sup_socket *s,
		    const void *sa, size_t len, bool as_caller)
{
	struct psf_sup_caps caps;
	int rc = assume(c, s, as_caller, &caps);

	if (rc)
		return rc;
	rc = result(syscall(SYS_bind, s->fd, sa, (socklen_t)len));
	psf_sup_caps_restore(&caps);
	return rc;
}

int psf_sup_do_listen(struct psf_sup_call *c, const struct psf_sup_socket *s,
		      int backlog)
{
	struct psf_sup_caps caps;
	int rc = assume(c, s, false, &caps);

	if (rc)
		return rc;
	rc = result(syscall(SYS_listen, s->fd, backlog));
	psf_sup_caps_restore(&caps);
	return rc;
}

/* The socket is the target's: its O_NONBLOCK and SO_SNDTIMEO hold here
 * too, so a blocking connect blocks this worker as long as it would have
 * blocked the caller; the watchdog adds a worker meanwhile. */
int psf_sup_do_connect(struct psf_sup_call *c, const struct psf_sup_socket *s,
		       const void *sa, size_t len)
{
	struct psf_sup_caps caps;
	int rc = assume(c, s, false, &caps);

	if (rc)
		return rc;
	psf_sup_blocking_begin(c->sup, c->scratch->worker);
	rc = result(syscall(SYS_connect, s->fd, sa, (socklen_t)len));
	psf_sup_blocking_end(c->sup, c->scratch->worker);
	psf_sup_caps_restore(&caps);
	return rc;
}

int64_t psf_sup_do_sendmsg(struct psf_sup_call *c,
			   const struct psf_sup_socket *s,
			   const struct msghdr *m, int flags)
{
	struct psf_sup_caps caps;
	int64_t rc = assume(c, s, m->msg_controllen > 0, &caps);

	if (rc)
		return rc;
	psf_sup_blocking_begin(c->sup, c->scratch->worker);
	rc = syscall(SYS_sendmsg, s->fd, m, flags | MSG_NOSIGNAL);
	rc = rc < 0 ? -errno : rc;
	psf_sup_blocking_end(c->sup, c->scratch->worker);
	psf_sup_caps_restore(&caps);
	if (rc == -EPIPE && !(flags & MSG_NOSIGNAL))
		psf_sup_caller_signal(&c->who, SIGPIPE);
	return rc;
}
