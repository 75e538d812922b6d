/*
 * Fault-free reads of the program's memory (see usermem.h).
 *
 * The fast path: which memory is certainly mapped, without asking?
 *
 * Not "up to 64 KiB above the current frame".  Above a frame the stack
 * goes on only as far as the thread's outermost frames, its TLS (threads)
 * or its arguments and environment (main thread): often a few KiB.  What
 * lies beyond can be unmapped (above the main stack) or the guard page of
 * another thread's stack (glibc maps thread stacks back to back).  On
 * x86-64 with glibc 2.36, main()'s frame + 16 KiB was already unmapped,
 * and in a thread with a 64 KiB stack, frame + 8 KiB was the next
 * thread's guard page.
 *
 * What is certain is a thread's own stack from its top down to any of its
 * frames: one mapping, alive as long as the thread (the main thread's
 * stack never shrinks).  The top is known without a system call:
 *
 *   main thread    __libc_stack_end, the stack pointer the process
 *                  started with (exported by ld.so);
 *   other threads  the address of a TLS variable of this library: glibc
 *                  puts a thread's static TLS at the top of the block that
 *                  holds its stack, whether it mapped the block or the
 *                  program gave it (pthread_attr_setstack).
 *
 * That the current frame is on that stack (and not on a signal stack or a
 * coroutine's stack) cannot be seen for free, so a thread proves its
 * window once: process_vm_readv reads one byte of every page from the
 * current frame up to the top, and again only for the new pages when the
 * thread first runs deeper.  A stack that is not the thread's own is cut
 * off from that top by a guard page (glibc thread stacks) or by the gap
 * the kernel keeps free below the main stack, so the proof fails for it.
 * (Residual: a thread stack without a guard page, given by the program,
 * directly above another readable mapping that the thread once ran on and
 * that is unmapped later.)
 *
 * The window is kept per thread as (top, size): top is set once (size 0:
 * nothing proved yet) and size only ever grows over proved pages, so a
 * signal handler interrupting any step, or taking a step itself, never
 * sees a window wider than what was proved.
 *
 * The slow path: process_vm_readv on the own pid.  The pid lives in a
 * page marked MADV_WIPEONFORK, zeroed in the child of every kind of fork
 * (pthread_atfork handlers miss _Fork and raw clone), so a child never
 * reads its parent; without that flag (kernels before 4.14), getpid().
 * process_vm_readv reads as the kernel's get_user_pages does: memory that
 * copy_from_user can read but it cannot (PROT_WRITE-only mappings,
 * VM_IO/VM_PFNMAP device mappings) counts as unreadable, and the call then
 * goes to the kernel unchecked.
 *
 * A seccomp filter may kill the process for a system call it does not
 * allow (systemd's SystemCallFilter does, and its @system-service set
 * lacks process_vm_readv), so while one is in force when the slow path is
 * first needed (the Seccomp field of /proc/self/status), or once the call
 * has failed with ENOSYS or EPERM, process_vm_readv is not used: copies
 * are plain memcpy, as before this file existed, and a bad pointer then
 * crashes the program.  A filter the program installs itself after that
 * first use is not seen.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>
#include "real.h"
#include "usermem.h"

#define IE __attribute__((tls_model("initial-exec")))

#define STEP 4096u                      /* no Linux page is smaller */
#define WINDOW_MAX ((uintptr_t)8 << 20) /* the default stack size */
#define PROBES 64                       /* pages proved per system call */
#define MAX_MISSES 8                    /* failed proofs before a thread stops trying */

/* glibc's ld.so: the main thread's stack pointer at process start. */
extern void *__libc_stack_end __attribute__((weak));

static __thread uintptr_t win_top IE;   /* 0: no window yet */
static __thread uintptr_t win_size IE;  /* [win_top - win_size, win_top) proved */
static __thread unsigned win_misses IE;

/* &win_top in the main thread, whose TLS is not on its stack. */
static uintptr_t main_tls;

__attribute__((constructor)) static void note_main_thread(void)
{
	main_tls = (uintptr_t)&win_top;
}

enum { VM_UNKNOWN, VM_USABLE, VM_UNUSABLE };
static int vm_state;
static pid_t *pid_slot;                 /* MADV_WIPEONFORK */

static bool in_window(const void *src, size_t len)
{
	uintptr_t s = (uintptr_t)src, top, size;

	top = __atomic_load_n(&win_top, __ATOMIC_RELAXED);
	__atomic_signal_fence(__ATOMIC_ACQUIRE);
	size = __atomic_load_n(&win_size, __ATOMIC_RELAXED);
	return s < top && top - s <= size && len <= top - s;
}

/* Is a seccomp filter in force: 1 yes (or no /proc to say), 0 no, -1
 * not known for now (out of descriptors, interrupted). */
static int seccomp_filtered(void)
{
	static const char key[] = "\nSeccomp:";
	char buf[256];
	size_t m = 0;
	ssize_t n;
	int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return errno == EMFILE || errno == ENFILE || errno == EINTR ||
		       errno == ENOMEM ? -1 : 1;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < n; i++) {
			char c = buf[i];

			if (m < sizeof key - 1)
				m = c == key[m] ? m + 1 : c == '\n';
			else if (c != ' ' && c != '\t') {
				rc = c != '0';
				goto out;
			}
		}
	rc = n < 0 ? -1 : 0;    /* no such field: a kernel without seccomp */
out:
	psf_call_close(fd);
	return rc;
}

static void make_pid_slot(void)
{
	pid_t *p = mmap(NULL, STEP, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *none = NULL;

	if (p == MAP_FAILED)
		return;
	if (madvise(p, STEP, MADV_WIPEONFORK) != 0) {
		munmap(p, STEP);
		return;
	}
	*p = getpid();
	if (!__atomic_compare_exchange_n(&pid_slot, &none, p, false,
					 __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		munmap(p, STEP);
}

static bool vm_usable(void)
{
	int s = __atomic_load_n(&vm_state, __ATOMIC_ACQUIRE), want;

	if (s != VM_UNKNOWN)
		return s == VM_USABLE;
	switch (seccomp_filtered()) {
	case 0:
		want = VM_USABLE;
		break;
	case 1:
		want = VM_UNUSABLE;
		break;
	default:
		return false;   /* this time */
	}
	if (want == VM_USABLE)
		make_pid_slot();
	if (__atomic_compare_exchange_n(&vm_state, &s, want, false,
					__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		s = want;
	return s == VM_USABLE;
}

static pid_t self_pid(void)
{
	pid_t *slot = __atomic_load_n(&pid_slot, __ATOMIC_ACQUIRE), pid;

	if (!slot)
		return getpid();
	pid = __atomic_load_n(slot, __ATOMIC_RELAXED);
	if (pid == 0) {         /* a forked child */
		pid = getpid();
		__atomic_store_n(slot, pid, __ATOMIC_RELAXED);
	}
	return pid;
}

/* 1 all total bytes read, 0 some byte is unreadable, -1 process_vm_readv
 * cannot be used. */
static int vm_read(const struct iovec *l, unsigned long nl,
		   const struct iovec *r, unsigned long nr, size_t total)
{
	pid_t pid = self_pid();
	ssize_t n = process_vm_readv(pid, l, nl, r, nr, 0);

	if (n == (ssize_t)total)
		return 1;
	if (n >= 0 || errno == EFAULT)
		return 0;
	/* The pid of a parent that shares this memory (CLONE_VM) and is
	 * gone, or that this process may not read: read by our own. */
	if ((errno == ESRCH || errno == EPERM) && getpid() != pid) {
		n = process_vm_readv(getpid(), l, nl, r, nr, 0);
		if (n == (ssize_t)total)
			return 1;
		if (n >= 0 || errno == EFAULT)
			return 0;
	}
	if (errno == ENOSYS || errno == EPERM)
		__atomic_store_n(&vm_state, VM_UNUSABLE, __ATOMIC_RELEASE);
	return -1;
}

/* Can every page of [lo, end) be read?  lo is page-aligned. */
static bool probe(uintptr_t lo, uintptr_t end)
{
	struct iovec r[PROBES], l;
	char sink[PROBES];
	unsigned long k;

	l.iov_base = sink;
	while (lo < end) {
		for (k = 0; k < PROBES && lo < end; k++, lo += STEP)
			r[k] = (struct iovec){ (void *)lo, 1 };
		l.iov_len = k;
		if (vm_read(&l, 1, r, k, k) != 1)
			return false;
	}
	return true;
}

/* The top of the stack fp may be on, or 0. */
static uintptr_t stack_top(uintptr_t fp)
{
	uintptr_t tls = (uintptr_t)&win_top;
	uintptr_t end = &__libc_stack_end ? (uintptr_t)__libc_stack_end : 0;

	if (main_tls && tls != main_tls && fp < tls && tls - fp <= WINDOW_MAX)
		return tls;
	if (fp < end && end - fp <= WINDOW_MAX)
		return end;
	return 0;
}

/* Prove the thread's window down to fp's page. */
static void widen(uintptr_t fp)
{
	uintptr_t lo = fp & ~(uintptr_t)(STEP - 1), top = stack_top(fp);
	uintptr_t cur = __atomic_load_n(&win_top, __ATOMIC_RELAXED), end;

	if (!top || win_misses >= MAX_MISSES)
		return;
	if (!cur && !__atomic_compare_exchange_n(&win_top, &cur, top, false,
						 __ATOMIC_RELAXED,
						 __ATOMIC_RELAXED))
		return;         /* a signal handler just set it */
	if (cur && cur != top)
		return;
	end = top - __atomic_load_n(&win_size, __ATOMIC_RELAXED);
	if (lo >= end)
		return;
	if (!probe(lo, end)) {
		win_misses++;
		return;
	}
	__atomic_signal_fence(__ATOMIC_RELEASE);
	if (top - lo > __atomic_load_n(&win_size, __ATOMIC_RELAXED))
		__atomic_store_n(&win_size, top - lo, __ATOMIC_RELAXED);
}

static __attribute__((noinline)) bool copy_slow(void *dst, const void *src,
						 size_t len)
{
	uintptr_t fp = (uintptr_t)__builtin_frame_address(0);
	struct iovec l = { dst, len }, r = { (void *)src, len };
	int saved = errno, rc;

	if (!vm_usable()) {
		rc = -1;
	} else {
		/* Above this frame: perhaps on this thread's stack, deeper
		 * than the window reaches yet. */
		if ((uintptr_t)src >= fp) {
			widen(fp);
			if (in_window(src, len)) {
				memcpy(dst, src, len);
				errno = saved;
				return true;
			}
		}
		rc = vm_read(&l, 1, &r, 1, len);
	}
	if (rc < 0)
		memcpy(dst, src, len);
	errno = saved;
	return rc != 0;
}

bool psf_copy_in(void *dst, const void *src, size_t len)
{
	if (len == 0)
		return true;
	if (in_window(src, len)) {
		memcpy(dst, src, len);
		return true;
	}
	return copy_slow(dst, src, len);
}

size_t psf_copy_in_n(const struct psf_copy *c, size_t n)
{
	struct iovec l[PSF_COPY_MAX], r[PSF_COPY_MAX];
	unsigned long k = 0;
	size_t i, total = 0;
	int saved = errno, rc = 0;

	if (n > PSF_COPY_MAX)
		goto one_by_one;
	for (i = 0; i < n; i++) {
		if (c[i].len == 0)
			continue;
		if (in_window(c[i].src, c[i].len)) {
			memcpy(c[i].dst, c[i].src, c[i].len);
			continue;
		}
		l[k] = (struct iovec){ c[i].dst, c[i].len };
		r[k] = (struct iovec){ (void *)c[i].src, c[i].len };
		total += c[i].len;
		k++;
	}
	if (k > 1 && vm_usable())
		rc = vm_read(l, k, r, k, total);
	errno = saved;
	if (k == 0 || rc == 1)
		return n;
one_by_one:
	/* Which is the first that cannot be read? */
	for (i = 0; i < n; i++)
		if (!psf_copy_in(c[i].dst, c[i].src, c[i].len))
			return i;
	return n;
}
