#include "dest_check.h"

int psf_sup_dest_check(struct psf_sup_call *c, struct psf_sup_socket *s,
		       enum psf_op op, const struct psf_ipaddr *addr,
		       uint16_t port)
{
	struct psf_request r = { .op = op, .proto = s->proto, .port = port,
				 .addr = *addr };
	struct psf_sup_seen_key k = { .cookie = psf_sup_socket_cookie(s),
				      .addr = *addr, .port = port };
	struct psf_decision d;
	struct psf_subject subj;
	int rc;

	if (k.cookie && psf_sup_seen_has(c->sup->sent_to, &k))
		return 0;
	if ((rc = psf_sup_decide(c, &r, &d, &subj)))
		return rc;
	/* Recorded before the call is made: a blocking connect may take
	 * long, and the record is the check, made now. */
	psf_sup_record(c, &subj, &r, &d, port);
	if (d.verdict == PSF_DENY)
		return -d.err;
	if (k.cookie)
		psf_sup_seen_add(c->sup->sent_to, &k);
	return 0;
}
