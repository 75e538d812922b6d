/*
 * The seccomp filter every supervised process runs under (issue 5 item 1):
 * built with libseccomp in the supervisor, loaded by the child itself just
 * before exec.
 */
#ifndef PSF_SUP_SECCOMP_FILTER_H
#define PSF_SUP_SECCOMP_FILTER_H

#include <stdbool.h>
#include <linux/filter.h>

/* Build the BPF program: bind, connect, sendmsg, sendmmsg, sendto with a
 * destination, execve, execveat and (with trap_listen) listen go to the
 * supervisor; io_uring and a seccomp listener of the target's own are
 * refused with EPERM; another ABI than the native one kills the process.
 * 0, or a negative errno (-ENOSYS on an architecture whose socket calls go
 * through socketcall(2), which the supervisor does not decode).  Free
 * prog->filter with free(). */
int psf_sup_filter_build(struct sock_fprog *prog, bool trap_listen);

/* In the child, after fork: set no_new_privs and load prog with a new
 * listener, waiting killably once a notification is received where the
 * kernel can.  Returns the listener descriptor (close-on-exec) or a
 * negative errno.  Async-signal-safe. */
int psf_sup_filter_install(const struct sock_fprog *prog);

#endif
