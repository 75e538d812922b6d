/*
 * The calling thread's memory.  A read names the thread by its id, which
 * the kernel could give to another task once the caller is gone; the
 * notification is still pending only while the caller lives, so
 * psf_sup_mem_confirm() after the reads proves that every one of them read
 * the caller (issue 5 item 2).  Nothing read is trusted after that except
 * the supervisor's own copy: the target may rewrite its memory at will.
 */
#ifndef PSF_SUP_TARGET_MEM_H
#define PSF_SUP_TARGET_MEM_H

#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

/* Copy len bytes at addr into buf: 0, or -EFAULT when any of it is not
 * readable (the kernel's answer to a bad pointer), or -ENOENT when the
 * caller is gone. */
int psf_sup_mem_read(const struct seccomp_notif *req, uint64_t addr,
		     void *buf, size_t len);

/* Gather the cnt remote segments (n bytes in all) into buf, in one copy. */
int psf_sup_mem_gather(const struct seccomp_notif *req,
		       const struct iovec *remote, size_t cnt, void *buf,
		       size_t n);

/* Store len bytes at addr (the results sendmmsg(2) writes back). */
int psf_sup_mem_write(const struct seccomp_notif *req, uint64_t addr,
		      const void *buf, size_t len);

/* Is the notification still pending?  0 or -ENOENT. */
int psf_sup_mem_confirm(int listener, const struct seccomp_notif *req);

#endif
