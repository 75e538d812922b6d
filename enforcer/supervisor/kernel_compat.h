/*
 * Kernel interfaces newer than the installed UAPI headers (Debian 12 ships
 * 6.1 headers; the supervisor uses what 6.6-6.13 added when the running
 * kernel has it).  Values are the kernel's ABI and never change; each is
 * defined only where the headers lack it.
 */
#ifndef PSF_SUP_KERNEL_COMPAT_H
#define PSF_SUP_KERNEL_COMPAT_H

#include <fcntl.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <linux/seccomp.h>

/* Linux 5.19: a notifying task waits killably once the supervisor has
 * received its notification, so non-fatal signals (Go's preemption
 * signal) no longer abort a call that the supervisor is carrying out. */
#ifndef SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV
#define SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV (1UL << 5)
#endif

/* Linux 6.6: wake the supervisor synchronously (the target's CPU switches
 * straight to it), which cuts the round trip of every notification. */
#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, uint64_t)
#endif
#ifndef SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP (1UL << 0)
#endif

/* Linux 6.9: a pidfd for one thread, so that pidfd_getfd reads the fd
 * table of the thread that made the call (a thread may have unshared it). */
#ifndef PIDFD_THREAD
#define PIDFD_THREAD O_EXCL
#endif

/* Linux 6.13: PIDFD_GET_INFO answers thread group and credentials in one
 * ioctl, and fails with ESRCH once the task is gone. */
struct psf_pidfd_info {
	uint64_t mask;
	uint64_t cgroupid;
	uint32_t pid, tgid, ppid;
	uint32_t ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
	int32_t exit_code;
};
#define PSF_PIDFD_INFO_PID   (1UL << 0)
#define PSF_PIDFD_INFO_CREDS (1UL << 1)
#define PSF_PIDFD_GET_INFO _IOWR(0xFF, 11, struct psf_pidfd_info)

#endif
