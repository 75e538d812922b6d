/*
 * Who made a trapped call: the calling thread (a pidfd, so that its fd
 * table can be reached with pidfd_getfd), its process and credentials.
 */
#ifndef PSF_SUP_TARGET_CALLER_H
#define PSF_SUP_TARGET_CALLER_H

#include <linux/seccomp.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct psf_sup_caller {
	pid_t tid, tgid;
	uint32_t euid, egid;
	int pidfd;              /* the calling thread */
	bool cached;            /* pidfd belongs to the worker's cache */
	/* The pidfs inode of a cached thread pidfd: names the thread for the
	 * life of the system (Linux 6.9+); 0 when not cached. */
	uint64_t ino;
};

/* One worker's thread pidfds, by thread id.  Opening a pidfd is the
 * dearest step of a notification; a cached one is reused while the thread
 * it names lives (a thread id is never shared by two live tasks). */
#define PSF_SUP_PIDFD_SLOTS 64
struct psf_sup_pidfds {
	struct {
		pid_t tid;      /* 0 = empty */
		int fd;
		uint64_t ino;
	} slot[PSF_SUP_PIDFD_SLOTS];
};

void psf_sup_pidfds_init(struct psf_sup_pidfds *cache);
void psf_sup_pidfds_clear(struct psf_sup_pidfds *cache);

/* 0, or -ENOENT when the caller is gone before it could be identified,
 * or the errno of a resource the supervisor ran out of (EMFILE). */
int psf_sup_caller_open(int listener, const struct seccomp_notif *req,
			struct psf_sup_pidfds *cache, struct psf_sup_caller *c);
void psf_sup_caller_close(struct psf_sup_caller *c);

/* A duplicate of the caller's descriptor fd (the same open socket, not a
 * copy of the number: swapping the number afterwards changes nothing for
 * the supervisor).  The descriptor or a negative errno (-EBADF). */
int psf_sup_caller_take_fd(const struct psf_sup_caller *c, int fd);

/* Send sig to the calling thread (SIGPIPE after a send the supervisor
 * made on its behalf). */
void psf_sup_caller_signal(const struct psf_sup_caller *c, int sig);

#endif
