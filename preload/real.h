/*
 * The functions libportsaf.so wraps, as the next object in the lookup
 * order (libc) defines them, and the thread-local guard that lets
 * portsaf's own calls through untouched.
 */
#ifndef PSF_PRELOAD_REAL_H
#define PSF_PRELOAD_REAL_H

#include <sys/socket.h>
#include <sys/types.h>

struct psf_real {
	int (*socket)(int, int, int);
	int (*bind)(int, const struct sockaddr *, socklen_t);
	int (*listen)(int, int);
	int (*connect)(int, const struct sockaddr *, socklen_t);
	ssize_t (*sendto)(int, const void *, size_t, int,
			  const struct sockaddr *, socklen_t);
	ssize_t (*sendmsg)(int, const struct msghdr *, int);
	int (*sendmmsg)(int, struct mmsghdr *, unsigned int, int);
	int (*close)(int);
	int (*close_range)(unsigned int, unsigned int, int);
	void (*closefrom)(int);
	int (*dup)(int);
	int (*dup2)(int, int);
	int (*dup3)(int, int, int);
	int (*fcntl)(int, int, ...);
	int (*fcntl64)(int, int, ...);
};

extern struct psf_real psf_real;

/* Nonzero while portsaf itself is running in this thread (initialisation,
 * libconfig, NSS lookups, the syslog socket): wrapped calls then go
 * straight to libc, or to the kernel when libc's address is not known
 * yet (a dlsym that calls back into a wrapper). */
extern __thread int psf_depth __attribute__((tls_model("initial-exec")));

/* Look the real functions up; called once, from psf_core_init. */
void psf_real_resolve(void);

/* The real calls, falling back to the raw system call before
 * psf_real_resolve has run. */
int psf_call_socket(int domain, int type, int protocol);
int psf_call_bind(int fd, const struct sockaddr *sa, socklen_t len);
int psf_call_listen(int fd, int backlog);
int psf_call_connect(int fd, const struct sockaddr *sa, socklen_t len);
ssize_t psf_call_sendto(int fd, const void *buf, size_t n, int flags,
			const struct sockaddr *sa, socklen_t len);
ssize_t psf_call_sendmsg(int fd, const struct msghdr *msg, int flags);
int psf_call_sendmmsg(int fd, struct mmsghdr *v, unsigned int n, int flags);
int psf_call_close(int fd);
int psf_call_close_range(unsigned int first, unsigned int last, int flags);
int psf_call_dup(int fd);
int psf_call_dup2(int fd, int fd2);
int psf_call_dup3(int fd, int fd2, int flags);
int psf_call_fcntl(int fd, int cmd, void *arg);
int psf_call_fcntl64(int fd, int cmd, void *arg);

#endif
