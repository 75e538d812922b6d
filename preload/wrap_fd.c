/*
 * The descriptor calls portsaf follows, for two reasons:
 *
 *   state       socket() says what a new socket is; close() forgets it;
 *               dup(), dup2(), dup3() and fcntl(F_DUPFD*) give the copy the
 *               original's state (same socket, same explicit bind).  fork()
 *               needs nothing: the table is copied with the memory.  exec()
 *               starts afresh: a socket inherited across it is asked of
 *               the kernel.
 *   protection  portsaf's own descriptors (SMF file, messages file, syslog
 *               socket, trace) survive a program that closes every
 *               descriptor at start-up (close loops, close_range,
 *               closefrom), and move away when it dup2()s onto one.
 *
 * glibc also exports __close, __dup2 and __fcntl; they are covered.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <unistd.h>
#include <linux/close_range.h>
#include "exports.h"
#include "fdstate.h"
#include "init.h"
#include "real.h"

PSF_EXPORT int socket(int domain, int type, int protocol)
{
	int fd;

	if (psf_depth)
		return psf_call_socket(domain, type, protocol);
	psf_core_init();
	fd = psf_call_socket(domain, type, protocol);
	if (fd >= 0)
		psf_fd_created(fd, domain, type, protocol);
	return fd;
}

static int checked_close(int fd)
{
	if (psf_depth)
		return psf_call_close(fd);
	psf_core_init();
	/* The program closes what it believes is not its own: as far as it
	 * can tell the close worked. */
	if (psf_fd_is_ours(fd))
		return 0;
	psf_fd_forget(fd);
	return psf_call_close(fd);
}

PSF_EXPORT int close(int fd)
{
	return checked_close(fd);
}

PSF_EXPORT int __close(int fd)
{
	return checked_close(fd);
}

static void close_piece(unsigned int from, unsigned int to, int flags,
			int *err)
{
	if (psf_call_close_range(from, to, flags) != 0 && !*err)
		*err = errno;
}

/* close_range() over [first, last] without portsaf's descriptors: one
 * call per gap between them.  Returns 0, or -1 with the errno of the
 * first failure. */
static int close_around_ours(unsigned int first, unsigned int last, int flags)
{
	int ours[4], n = psf_our_fds(ours), err = 0;
	unsigned int from = first;

	for (int i = 0; i < n && from <= last; i++) {
		unsigned int o = (unsigned int)ours[i];

		if (o < from)
			continue;
		if (o > last)
			break;
		if (o > from)
			close_piece(from, o - 1, flags, &err);
		from = o + 1;
	}
	if (from <= last && from >= first)
		close_piece(from, last, flags, &err);
	if (err)
		errno = err;
	return err ? -1 : 0;
}

PSF_EXPORT int close_range(unsigned int first, unsigned int last, int flags)
{
	int rc;

	if (psf_depth || first > last || (flags & CLOSE_RANGE_CLOEXEC))
		return psf_call_close_range(first, last, flags);
	psf_core_init();
	rc = close_around_ours(first, last, flags);
	psf_fd_forget_range(first, last);
	return rc;
}

/* Kernels without close_range (before 5.9): close one by one up to the
 * last of ours, libc's closefrom for the rest. */
static void closefrom_fallback(int low)
{
	int ours[4], n = psf_our_fds(ours), top = n ? ours[n - 1] : low - 1;

	for (int fd = low; fd <= top; fd++)
		if (!psf_fd_is_ours(fd))
			(void)psf_call_close(fd);
	if (psf_real.closefrom)
		psf_real.closefrom(top + 1 > low ? top + 1 : low);
}

PSF_EXPORT void closefrom(int lowfd)
{
	unsigned int low = lowfd > 0 ? (unsigned)lowfd : 0;

	if (psf_depth) {
		if (psf_call_close_range(low, UINT_MAX, 0) != 0 && psf_real.closefrom)
			psf_real.closefrom(lowfd);
		return;
	}
	psf_core_init();
	if (close_around_ours(low, UINT_MAX, 0) != 0)
		closefrom_fallback((int)low);
	psf_fd_forget_range(low, UINT_MAX);
}

PSF_EXPORT int dup(int fd)
{
	int nfd;

	if (psf_depth)
		return psf_call_dup(fd);
	psf_core_init();
	nfd = psf_call_dup(fd);
	if (nfd >= 0)
		psf_fd_copy(fd, nfd);
	return nfd;
}

static int checked_dup3(int fd, int fd2, int flags, bool is_dup2)
{
	int rc;

	if (psf_depth)
		return is_dup2 ? psf_call_dup2(fd, fd2) : psf_call_dup3(fd, fd2, flags);
	psf_core_init();
	if (fd != fd2)
		psf_fd_make_room(fd2);
	rc = is_dup2 ? psf_call_dup2(fd, fd2) : psf_call_dup3(fd, fd2, flags);
	if (rc >= 0 && fd != fd2)
		psf_fd_copy(fd, fd2);
	return rc;
}

PSF_EXPORT int dup2(int fd, int fd2)
{
	return checked_dup3(fd, fd2, 0, true);
}

PSF_EXPORT int __dup2(int fd, int fd2)
{
	return checked_dup3(fd, fd2, 0, true);
}

PSF_EXPORT int dup3(int fd, int fd2, int flags)
{
	return checked_dup3(fd, fd2, flags, false);
}

static int after_fcntl(int fd, int cmd, int rc)
{
	if (rc >= 0 && (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC))
		psf_fd_copy(fd, rc);
	return rc;
}

static int checked_fcntl(int (*real)(int, int, void *), int fd, int cmd,
			 void *arg)
{
	if (psf_depth)
		return real(fd, cmd, arg);
	psf_core_init();
	return after_fcntl(fd, cmd, real(fd, cmd, arg));
}

/* The third argument is an int or a pointer depending on cmd; like glibc
 * itself, pass it on as a pointer-sized value. */
PSF_EXPORT int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, cmd);
	arg = va_arg(ap, void *);
	va_end(ap);
	return checked_fcntl(psf_call_fcntl, fd, cmd, arg);
}

/* glibc's internal name for the same call */
extern __typeof(fcntl) __fcntl __attribute__((alias("fcntl")));

PSF_EXPORT int fcntl64(int fd, int cmd, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, cmd);
	arg = va_arg(ap, void *);
	va_end(ap);
	return checked_fcntl(psf_call_fcntl64, fd, cmd, arg);
}
