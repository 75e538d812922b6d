/*
 * A pidfd names a task for good, unlike its id; opening it by id is racy
 * only until the notification is confirmed still pending afterwards.
 * Kernels before 6.9 have no thread pidfds and kernels before 6.13 no
 * PIDFD_GET_INFO: the process's pidfd and /proc stand in for them.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kernel_compat.h"
#include "target_caller.h"
#include "target_mem.h"

/* "Tgid:", "Uid:" and "Gid:" of /proc/TID/status. */
static int status_facts(struct psf_sup_caller *c)
{
	char path[48], buf[2048];
	unsigned long ruid, euid, rgid, egid, tgid;
	const char *p;
	ssize_t n;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)c->tid);
	f = fopen(path, "re");
	if (!f)
		return -ENOENT;
	n = (ssize_t)fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n > 0 ? n : 0] = '\0';
	if (!(p = strstr(buf, "\nTgid:")) || sscanf(p + 6, "%lu", &tgid) != 1 ||
	    !(p = strstr(buf, "\nUid:")) ||
	    sscanf(p + 5, "%lu %lu", &ruid, &euid) != 2 ||
	    !(p = strstr(buf, "\nGid:")) ||
	    sscanf(p + 5, "%lu %lu", &rgid, &egid) != 2)
		return -ENOENT;
	c->tgid = (pid_t)tgid;
	c->euid = (uint32_t)euid;
	c->egid = (uint32_t)egid;
	return 0;
}

static int pidfd_facts(struct psf_sup_caller *c)
{
	struct psf_pidfd_info info;

	memset(&info, 0, sizeof info);
	info.mask = PSF_PIDFD_INFO_PID | PSF_PIDFD_INFO_CREDS;
	if (ioctl(c->pidfd, PSF_PIDFD_GET_INFO, &info) != 0)
		return -errno;
	c->tgid = (pid_t)info.tgid;
	c->euid = info.euid;
	c->egid = info.egid;
	return 0;
}

/* Before 6.9: the process's pidfd, whose fd table the thread shares
 * unless it called unshare(CLONE_FILES). */
static int open_process_pidfd(struct psf_sup_caller *c)
{
	int rc = status_facts(c);

	if (rc)
		return rc;
	c->pidfd = pidfd_open(c->tgid, 0);
	return c->pidfd < 0 ? -ENOENT : 0;
}

void psf_sup_pidfds_init(struct psf_sup_pidfds *cache)
{
	for (size_t i = 0; i < PSF_SUP_PIDFD_SLOTS; i++) {
		cache->slot[i].tid = 0;
		cache->slot[i].fd = -1;
	}
}

void psf_sup_pidfds_clear(struct psf_sup_pidfds *cache)
{
	for (size_t i = 0; i < PSF_SUP_PIDFD_SLOTS; i++)
		if (cache->slot[i].fd >= 0)
			close(cache->slot[i].fd);
	psf_sup_pidfds_init(cache);
}

/* PIDFD_GET_INFO fails with ESRCH once the thread a pidfd names has been
 * released, and only then can its id go to another task: while it
 * succeeds, the cached pidfd names the caller. */
static bool from_cache(struct psf_sup_pidfds *cache, struct psf_sup_caller *c)
{
	unsigned i = (unsigned)c->tid % PSF_SUP_PIDFD_SLOTS;

	if (cache->slot[i].tid != c->tid)
		return false;
	c->pidfd = cache->slot[i].fd;
	if (pidfd_facts(c) == 0) {
		c->cached = true;
		c->ino = cache->slot[i].ino;
		return true;
	}
	close(cache->slot[i].fd);
	cache->slot[i].tid = 0;
	cache->slot[i].fd = -1;
	c->pidfd = -1;
	return false;
}

/* Only thread pidfds known to PIDFD_GET_INFO are kept: a process pidfd
 * (the fallback) would stay valid after the thread id had moved on. */
static void to_cache(struct psf_sup_pidfds *cache, struct psf_sup_caller *c)
{
	unsigned i = (unsigned)c->tid % PSF_SUP_PIDFD_SLOTS;
	struct stat st;

	if (fstat(c->pidfd, &st) != 0)
		return;
	if (cache->slot[i].fd >= 0)
		close(cache->slot[i].fd);
	cache->slot[i].tid = c->tid;
	cache->slot[i].fd = c->pidfd;
	cache->slot[i].ino = st.st_ino;
	c->cached = true;
	c->ino = st.st_ino;
}

int psf_sup_caller_open(int listener, const struct seccomp_notif *req,
			struct psf_sup_pidfds *cache, struct psf_sup_caller *c)
{
	bool thread_info = false;
	int rc = 0;

	c->tid = (pid_t)req->pid;
	c->cached = false;
	c->ino = 0;
	if (from_cache(cache, c))
		return 0;
	c->pidfd = pidfd_open(c->tid, PIDFD_THREAD);
	if (c->pidfd < 0) {
		/* Out of descriptors is the supervisor's trouble, not a
		 * caller that went away: say so to the caller. */
		if (errno != EINVAL)
			return errno == ESRCH ? -ENOENT : -errno;
		rc = open_process_pidfd(c);
	} else if ((rc = pidfd_facts(c)) == -ENOTTY || rc == -EINVAL) {
		rc = status_facts(c);
	} else {
		thread_info = rc == 0;
	}
	/* Every look-up above went by thread id: it named the caller only
	 * if the caller is still waiting now. */
	if (!rc)
		rc = psf_sup_mem_confirm(listener, req);
	if (rc) {
		psf_sup_caller_close(c);
		return -ENOENT;
	}
	if (thread_info)
		to_cache(cache, c);
	return 0;
}

void psf_sup_caller_close(struct psf_sup_caller *c)
{
	if (c->pidfd >= 0 && !c->cached)
		close(c->pidfd);
	c->pidfd = -1;
}

int psf_sup_caller_take_fd(const struct psf_sup_caller *c, int fd)
{
	int dup = pidfd_getfd(c->pidfd, fd, 0);

	return dup < 0 ? -errno : dup;
}

void psf_sup_caller_signal(const struct psf_sup_caller *c, int sig)
{
	(void)pidfd_send_signal(c->pidfd, sig, NULL, 0);
}
