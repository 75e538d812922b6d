/* Deciding and recording (see check.h). */
#include <errno.h>
#include <string.h>
#include "check.h"
#include "engine_link.h"
#include "init.h"

bool psf_check(const struct psf_request *r, struct psf_decision *d)
{
	const struct psf_policy *p;

	psf_policy_init();
	p = __atomic_load_n(&psf_rt.policy, __ATOMIC_ACQUIRE);
	if (!p) {
		memset(d, 0, sizeof *d);
		d->rule = PSF_RULE_UNCHECKED;
		d->verdict = psf_rt.on_error_allow ? PSF_ALLOW : PSF_DENY;
		d->err = EACCES;
		return d->verdict != PSF_DENY;
	}
	psf_eng->decide(p, &psf_rt.subject, r, d, NULL);
	return d->verdict != PSF_DENY;
}

bool psf_record_wanted(const struct psf_decision *d)
{
	return __atomic_load_n(&psf_rt.policy, __ATOMIC_ACQUIRE) &&
	       psf_eng->sinks_wanted(&psf_rt.sinks, d);
}

void psf_record(const struct psf_request *r, const struct psf_decision *d,
		uint16_t port)
{
	if (psf_record_wanted(d))
		psf_eng->sinks_emit(&psf_rt.sinks, &psf_rt.subject.id, r, d,
				    port);
}

void psf_note_assigned(struct psf_decision *d, enum psf_proto proto,
		       uint16_t port)
{
	const struct psf_policy *p = __atomic_load_n(&psf_rt.policy,
						     __ATOMIC_ACQUIRE);

	d->assigned_reserved = p &&
			       psf_eng->policy_port_reserved(p, proto, port);
}

bool psf_still_same(int fd, const struct psf_sock *s)
{
	struct psf_sock now;

	return psf_fd_refresh(fd, &now) && now.family == s->family &&
	       now.proto == s->proto;
}
