#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "notif_dispatch.h"
#include "notif_loop.h"

/* The watchdog's period. */
#define WATCH_TICK_NS (20 * 1000 * 1000)

struct worker_arg {
	struct psf_sup *sup;
	unsigned index;
};

/* The kernel's structures may be larger than this program's headers
 * know; buffers are sized for both. */
static size_t notif_size, resp_size;

static int learn_sizes(void)
{
	struct seccomp_notif_sizes sizes;

	if (syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) != 0)
		return -errno;
	notif_size = sizes.seccomp_notif > sizeof(struct seccomp_notif) ?
		     sizes.seccomp_notif : sizeof(struct seccomp_notif);
	resp_size = sizes.seccomp_notif_resp > sizeof(struct seccomp_notif_resp) ?
		    sizes.seccomp_notif_resp : sizeof(struct seccomp_notif_resp);
	return 0;
}

/* POLLHUP without POLLIN: no task uses the filter any more. */
static bool listener_orphaned(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, 0) == 1 && (p.revents & POLLHUP) &&
	       !(p.revents & POLLIN);
}

static void serve(struct psf_sup *sup, unsigned index,
		  struct seccomp_notif *req, struct seccomp_notif_resp *resp)
{
	struct psf_sup_scratch scratch = { .worker = index };
	int rc;

	psf_sup_pidfds_init(&scratch.pidfds);
	for (;;) {
		/* The kernel refuses a receive buffer that is not zeroed. */
		memset(req, 0, notif_size);
		atomic_fetch_add(&sup->idle, 1);
		rc = seccomp_notify_receive(sup->listener, req);
		atomic_fetch_sub(&sup->idle, 1);
		if (rc) {
			/* A caller killed before its notification was taken,
			 * or no caller left at all. */
			if (listener_orphaned(sup->listener))
				break;
			continue;
		}
		memset(resp, 0, resp_size);
		psf_sup_dispatch(sup, &scratch, req, resp);
		/* Fails only when the caller is gone meanwhile. */
		(void)seccomp_notify_respond(sup->listener, resp);
	}
	free(scratch.p);
	psf_sup_pidfds_clear(&scratch.pidfds);
}

static void *worker(void *arg)
{
	struct worker_arg a = *(struct worker_arg *)arg;
	struct seccomp_notif *req = calloc(1, notif_size);
	struct seccomp_notif_resp *resp = calloc(1, resp_size);

	free(arg);
	if (req && resp)
		serve(a.sup, a.index, req, resp);
	free(req);
	free(resp);
	return NULL;
}

static int start_thread(void *(*fn)(void *), void *arg)
{
	pthread_attr_t attr;
	pthread_t t;
	int rc;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	rc = pthread_create(&t, &attr, fn, arg);
	pthread_attr_destroy(&attr);
	return -rc;
}

/* A worker with the next free index; its slot is never given back. */
static int add_worker(struct psf_sup *sup)
{
	unsigned index = (unsigned)atomic_fetch_add(&sup->workers, 1);
	struct worker_arg *a;
	int rc;

	if (index >= PSF_SUP_WORKERS_MAX) {
		atomic_fetch_sub(&sup->workers, 1);
		return -EAGAIN;
	}
	a = malloc(sizeof *a);
	if (!a)
		return -ENOMEM;
	a->sup = sup;
	a->index = index;
	rc = start_thread(worker, a);
	if (rc)
		free(a);
	return rc;
}

/* Has a worker been blocked since before the last tick? */
static bool long_blocked(struct psf_sup *sup, unsigned tick)
{
	int n = atomic_load(&sup->workers);

	for (int w = 0; w < n && w < PSF_SUP_WORKERS_MAX; w++) {
		unsigned since = atomic_load(&sup->blocked_since[w]);

		if (since && tick - (since - 1) >= 2)
			return true;
	}
	return false;
}

static void *watchdog(void *arg)
{
	struct psf_sup *sup = arg;
	const struct timespec period = { 0, WATCH_TICK_NS };

	while (!listener_orphaned(sup->listener)) {
		unsigned tick;

		nanosleep(&period, NULL);
		tick = atomic_fetch_add(&sup->tick, 1) + 1;
		if (atomic_load(&sup->idle) == 0 && long_blocked(sup, tick))
			(void)add_worker(sup);
	}
	return NULL;
}

int psf_sup_workers_start(struct psf_sup *sup)
{
	int rc = learn_sizes();

	/* libseccomp 2.5 answers notifications only once it has probed the
	 * kernel's support, which loading a filter of its own would do. */
	if (!rc && seccomp_api_get() < 5)
		rc = -EOPNOTSUPP;
	if (!rc)
		rc = add_worker(sup);
	if (!rc)
		rc = start_thread(watchdog, sup);
	return rc;
}

void psf_sup_blocking_begin(struct psf_sup *sup, unsigned w)
{
	atomic_store(&sup->blocked_since[w], atomic_load(&sup->tick) + 1);
}

void psf_sup_blocking_end(struct psf_sup *sup, unsigned w)
{
	atomic_store(&sup->blocked_since[w], 0);
}
