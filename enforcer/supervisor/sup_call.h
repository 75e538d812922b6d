/*
 * One trapped call being handled: the notification, the answer being
 * built, the caller, and the helpers every call handler shares.
 */
#ifndef PSF_SUP_SUP_CALL_H
#define PSF_SUP_SUP_CALL_H

#include <linux/seccomp.h>
#include "supervisor_state.h"
#include "target_caller.h"
#include "target_socket.h"

/* What a worker keeps between notifications: a reusable buffer for what
 * it copies out of the target, and its thread pidfds. */
struct psf_sup_scratch {
	unsigned worker;                /* index into blocked_since */
	uint8_t *p;
	size_t cap;
	struct psf_sup_pidfds pidfds;
};

struct psf_sup_call {
	struct psf_sup *sup;
	const struct seccomp_notif *req;
	struct seccomp_notif_resp *resp;
	struct psf_sup_caller who;
	struct psf_sup_scratch *scratch;
};

/* The handlers, one per trapped call; each leaves its answer in resp. */
void psf_sup_on_bind(struct psf_sup_call *c);
void psf_sup_on_listen(struct psf_sup_call *c);
void psf_sup_on_connect(struct psf_sup_call *c);
void psf_sup_on_sendto(struct psf_sup_call *c);
void psf_sup_on_sendmsg(struct psf_sup_call *c);
void psf_sup_on_sendmmsg(struct psf_sup_call *c);

/* Answer with a result (>= 0) or a negative errno. */
void psf_sup_answer(struct psf_sup_call *c, int64_t rc);
/* Let the kernel carry the call out itself: only for sockets that are not
 * IP sockets, whose calls portsaf never checks (the race this leaves is
 * explained where it is defined). */
void psf_sup_pass_through(struct psf_sup_call *c);

/* Duplicate the caller's descriptor fd (system call argument argno) and
 * classify it.  0, or a negative errno to answer with. */
int psf_sup_take_socket(struct psf_sup_call *c, unsigned argno,
			struct psf_sup_socket *s);

/* The common shape of a call on the socket in argument 0: a socket that
 * cannot be taken is answered with the error, a non-IP socket passes
 * through to the kernel, an IP socket is answered with on_ip's result. */
void psf_sup_on_socket_call(struct psf_sup_call *c,
			    int (*on_ip)(struct psf_sup_call *c,
					 struct psf_sup_socket *s));

/* move_addr_to_kernel(): copy a sockaddr of len bytes (len as the kernel
 * received it, an int) into ss.  0 or a negative errno. */
int psf_sup_copy_sockaddr(struct psf_sup_call *c, uint64_t uaddr, int len,
			  struct sockaddr_storage *ss);

/* Make sure the scratch buffer holds n bytes: 0 or -ENOMEM. */
int psf_sup_scratch_reserve(struct psf_sup_scratch *s, size_t n);

/* Decide r for the caller (spec 2-6).  0, or -ENOENT when the caller is
 * gone.  *subj receives the identity used, for psf_sup_record. */
int psf_sup_decide(struct psf_sup_call *c, const struct psf_request *r,
		   struct psf_decision *d, struct psf_subject *subj);

/* Records, messages and trace for a decision (spec 5.6, 8), exactly as
 * the preload writes them; port is the port the log string shows. */
void psf_sup_record(const struct psf_sup_call *c,
		    const struct psf_subject *subj, const struct psf_request *r,
		    const struct psf_decision *d, uint16_t port);

/* The port the log string shows after the call (spec 8): the one the
 * kernel assigned when an allowed bind or listen asked for none (rc is the
 * call's result); asked of the kernel only when something is written. */
uint16_t psf_sup_shown_port(const struct psf_sup_call *c,
			    const struct psf_sup_socket *s,
			    const struct psf_request *r,
			    const struct psf_decision *d, int rc);

#endif
