/*
 * Reading what the program passes (a sockaddr, a msghdr, an mmsghdr
 * vector) without ever faulting: for a pointer the kernel would answer
 * EFAULT to, the wrapper must not crash but leave the call to the kernel,
 * which then gives its own answer (odd input gets the kernel's answer).
 *
 *   fast   no system call: the source lies in a stretch of the calling
 *          thread's own stack, between its top and a depth this thread
 *          has already proved mapped (see usermem.c);
 *   slow   process_vm_readv(2) on the own process, which returns EFAULT
 *          where a load would fault.  Heap and static memory always take
 *          this path, and a thread's stack the first time it is reached
 *          at a new depth.
 *
 * Where process_vm_readv cannot be used (the kernel lacks it, a seccomp
 * filter refuses it, or a filter is in force at all: it might kill
 * instead of refusing), the copy is a plain memcpy, as before: a bad
 * pointer then crashes the program inside portsaf.
 *
 * Async-signal-safe, lock-free, no allocation; errno is left alone.
 */
#ifndef PSF_PRELOAD_USERMEM_H
#define PSF_PRELOAD_USERMEM_H

#include <stdbool.h>
#include <stddef.h>

/* Copy len bytes from the program's src to dst; false when some byte of
 * [src, src+len) cannot be read (dst is then undefined). */
bool psf_copy_in(void *dst, const void *src, size_t len);

/* Several copies with at most one system call between them. */
#define PSF_COPY_MAX 16
struct psf_copy {
	void *dst;
	const void *src;
	size_t len;
};

/* c[0..n), n <= PSF_COPY_MAX, in order: how many were copied completely
 * before the first that could not be (n when all were). */
size_t psf_copy_in_n(const struct psf_copy *c, size_t n);

#endif
