/*
 * capget/capset as system calls: libcap is not a dependency, and glibc's
 * set*id broadcasting does not apply to capabilities, so capset(2) with
 * pid 0 changes the calling thread only.  Only the effective set moves;
 * the permitted set stays, so the supervisor can raise it back.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "target_caps.h"

static int caps_get(pid_t tid, struct __user_cap_data_struct *d)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, tid };

	return syscall(SYS_capget, &h, d) == 0 ? 0 : -errno;
}

static int caps_set(const struct __user_cap_data_struct *d)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };

	return syscall(SYS_capset, &h, d) == 0 ? 0 : -errno;
}

/* The sysctl of the supervisor's network namespace, read once; a target
 * in a namespace of its own with another setting is not followed. */
static unsigned unprivileged_start = 1024;
static pthread_once_t start_once = PTHREAD_ONCE_INIT;

static void read_start(void)
{
	FILE *f = fopen("/proc/sys/net/ipv4/ip_unprivileged_port_start", "re");
	unsigned v;

	if (f && fscanf(f, "%u", &v) == 1)
		unprivileged_start = v;
	if (f)
		fclose(f);
}

bool psf_sup_caps_matter_for_bind(uint16_t port)
{
	pthread_once(&start_once, read_start);
	return port != 0 && port < unprivileged_start;
}

/* The supervisor's own capabilities never change: read once. */
static struct __user_cap_data_struct own[_LINUX_CAPABILITY_U32S_3];
static int own_rc;
static pthread_once_t own_once = PTHREAD_ONCE_INIT;

static void read_own(void)
{
	own_rc = caps_get(0, own);
}

int psf_sup_caps_assume(pid_t tid, struct psf_sup_caps *c)
{
	struct __user_cap_data_struct target[_LINUX_CAPABILITY_U32S_3];
	struct __user_cap_data_struct lowered[_LINUX_CAPABILITY_U32S_3];
	bool same = true;
	int rc;

	c->lowered = false;
	pthread_once(&own_once, read_own);
	if (own_rc)
		return own_rc;
	memcpy(c->saved, own, sizeof own);
	if ((rc = caps_get(tid, target)))
		return rc == -ESRCH ? -ENOENT : rc;
	memcpy(lowered, c->saved, sizeof lowered);
	for (int i = 0; i < _LINUX_CAPABILITY_U32S_3; i++) {
		lowered[i].effective &= target[i].effective;
		same = same && lowered[i].effective == c->saved[i].effective;
	}
	if (same)
		return 0;
	if ((rc = caps_set(lowered)))
		return rc;
	c->lowered = true;
	return 0;
}

void psf_sup_caps_restore(struct psf_sup_caps *c)
{
	if (c->lowered)
		(void)caps_set(c->saved);
	c->lowered = false;
}
