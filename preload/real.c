/*
 * Reaching libc underneath the wrappers.  dlsym(RTLD_NEXT) finds the
 * definition after libportsaf.so; until it has run (or while it runs, if
 * something inside dlsym calls a wrapped function) the raw system call
 * stands in, so initialisation can never recurse into itself.
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "real.h"

struct psf_real psf_real;
__thread int psf_depth __attribute__((tls_model("initial-exec")));

#define RESOLVE(name) \
	__atomic_store_n(&psf_real.name, \
			 (__typeof__(psf_real.name))dlsym(RTLD_NEXT, #name), \
			 __ATOMIC_RELEASE)

void psf_real_resolve(void)
{
	psf_depth++;
	RESOLVE(socket);
	RESOLVE(bind);
	RESOLVE(listen);
	RESOLVE(connect);
	RESOLVE(sendto);
	RESOLVE(sendmsg);
	RESOLVE(sendmmsg);
	RESOLVE(close);
	RESOLVE(close_range);
	RESOLVE(closefrom);
	RESOLVE(dup);
	RESOLVE(dup2);
	RESOLVE(dup3);
	RESOLVE(fcntl);
	RESOLVE(fcntl64);
	psf_depth--;
}

#define REAL(name) __atomic_load_n(&psf_real.name, __ATOMIC_ACQUIRE)

int psf_call_socket(int domain, int type, int protocol)
{
	__typeof__(psf_real.socket) f = REAL(socket);

	return f ? f(domain, type, protocol)
		 : (int)syscall(SYS_socket, domain, type, protocol);
}

int psf_call_bind(int fd, const struct sockaddr *sa, socklen_t len)
{
	__typeof__(psf_real.bind) f = REAL(bind);

	return f ? f(fd, sa, len) : (int)syscall(SYS_bind, fd, sa, len);
}

int psf_call_listen(int fd, int backlog)
{
	__typeof__(psf_real.listen) f = REAL(listen);

	return f ? f(fd, backlog) : (int)syscall(SYS_listen, fd, backlog);
}

int psf_call_connect(int fd, const struct sockaddr *sa, socklen_t len)
{
	__typeof__(psf_real.connect) f = REAL(connect);

	return f ? f(fd, sa, len) : (int)syscall(SYS_connect, fd, sa, len);
}

ssize_t psf_call_sendto(int fd, const void *buf, size_t n, int flags,
			const struct sockaddr *sa, socklen_t len)
{
	__typeof__(psf_real.sendto) f = REAL(sendto);

	return f ? f(fd, buf, n, flags, sa, len)
		 : syscall(SYS_sendto, fd, buf, n, flags, sa, len);
}

ssize_t psf_call_sendmsg(int fd, const struct msghdr *msg, int flags)
{
	__typeof__(psf_real.sendmsg) f = REAL(sendmsg);

	return f ? f(fd, msg, flags) : syscall(SYS_sendmsg, fd, msg, flags);
}

int psf_call_sendmmsg(int fd, struct mmsghdr *v, unsigned int n, int flags)
{
	__typeof__(psf_real.sendmmsg) f = REAL(sendmmsg);

	return f ? f(fd, v, n, flags)
		 : (int)syscall(SYS_sendmmsg, fd, v, n, flags);
}

int psf_call_close(int fd)
{
	__typeof__(psf_real.close) f = REAL(close);

	return f ? f(fd) : (int)syscall(SYS_close, fd);
}

int psf_call_close_range(unsigned int first, unsigned int last, int flags)
{
	__typeof__(psf_real.close_range) f = REAL(close_range);

	return f ? f(first, last, flags)
		 : (int)syscall(SYS_close_range, first, last, flags);
}

int psf_call_dup(int fd)
{
	__typeof__(psf_real.dup) f = REAL(dup);

	return f ? f(fd) : (int)syscall(SYS_dup, fd);
}

int psf_call_dup2(int fd, int fd2)
{
	__typeof__(psf_real.dup2) f = REAL(dup2);

	if (f)
		return f(fd, fd2);
	if (fd == fd2)  /* dup3 refuses what dup2 accepts: check fd instead */
		return syscall(SYS_fcntl, fd, F_GETFD) < 0 ? -1 : fd;
	return (int)syscall(SYS_dup3, fd, fd2, 0);
}

int psf_call_dup3(int fd, int fd2, int flags)
{
	__typeof__(psf_real.dup3) f = REAL(dup3);

	return f ? f(fd, fd2, flags) : (int)syscall(SYS_dup3, fd, fd2, flags);
}

int psf_call_fcntl(int fd, int cmd, void *arg)
{
	__typeof__(psf_real.fcntl) f = REAL(fcntl);

	return f ? f(fd, cmd, arg) : (int)syscall(SYS_fcntl, fd, cmd, arg);
}

int psf_call_fcntl64(int fd, int cmd, void *arg)
{
	__typeof__(psf_real.fcntl64) f = REAL(fcntl64);

	return f ? f(fd, cmd, arg) : psf_call_fcntl(fd, cmd, arg);
}
