/*
 * The supervisor makes bind, listen, connect and sends on the target's
 * behalf, and the kernel checks capabilities against the task that makes
 * the call: a bind below ip_unprivileged_port_start needs
 * CAP_NET_BIND_SERVICE, some control messages CAP_NET_RAW or
 * CAP_NET_ADMIN.  So the worker thread takes on the caller's effective
 * capabilities for the call (capabilities are per thread), and the target
 * gets exactly the answer it would have had without portsaf.
 */
#ifndef PSF_SUP_TARGET_CAPS_H
#define PSF_SUP_TARGET_CAPS_H

#include <linux/capability.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct psf_sup_caps {
	bool lowered;
	struct __user_cap_data_struct saved[_LINUX_CAPABILITY_U32S_3];
};

/* For TCP and UDP the kernel asks for capabilities on these paths only
 * at a bind below ip_unprivileged_port_start and for some control
 * messages (SO_MARK, SO_PRIORITY above 6, IPv6 hop-by-hop and
 * destination options); other protocols are not known that well.  Taking
 * on the caller's set costs a system call, so it is done only there. */
bool psf_sup_caps_matter_for_bind(uint16_t port);

/* Lower this thread's effective set to what it shares with thread tid.
 * 0, or a negative errno (the call is then not made). */
int psf_sup_caps_assume(pid_t tid, struct psf_sup_caps *c);
void psf_sup_caps_restore(struct psf_sup_caps *c);

#endif
