#include <errno.h>
#include <sys/syscall.h>
#include "notif_dispatch.h"

static void on_exec(struct psf_sup_call *c)
{
	psf_sup_identity_exec(c->sup->ids, c->who.tgid);
	/* Nothing is decided about exec itself. */
	psf_sup_pass_through(c);
}

static void on_call(struct psf_sup_call *c)
{
	switch (c->req->data.nr) {
	case SYS_bind:          psf_sup_on_bind(c); break;
	case SYS_listen:        psf_sup_on_listen(c); break;
	case SYS_connect:       psf_sup_on_connect(c); break;
	case SYS_sendto:        psf_sup_on_sendto(c); break;
	case SYS_sendmsg:       psf_sup_on_sendmsg(c); break;
	case SYS_sendmmsg:      psf_sup_on_sendmmsg(c); break;
	case SYS_execve:
	case SYS_execveat:      on_exec(c); break;
	default:                psf_sup_answer(c, -ENOSYS); break;
	}
}

void psf_sup_dispatch(struct psf_sup *sup, struct psf_sup_scratch *scratch,
		      const struct seccomp_notif *req,
		      struct seccomp_notif_resp *resp)
{
	struct psf_sup_call c = { .sup = sup, .req = req, .resp = resp,
				  .scratch = scratch };
	int rc;

	/* The filter kills any other ABI; answer rather than misread one. */
	if (req->data.arch != sup->arch) {
		psf_sup_answer(&c, -ENOSYS);
		return;
	}
	rc = psf_sup_caller_open(sup->listener, req, &scratch->pidfds, &c.who);
	if (rc) {
		/* Nobody reads the answer to a caller that is gone. */
		psf_sup_answer(&c, rc);
		return;
	}
	on_call(&c);
	psf_sup_caller_close(&c.who);
}
