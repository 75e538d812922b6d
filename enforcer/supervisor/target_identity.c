/*
 * A fixed table of processes, indexed by process id.  An entry is trusted
 * only while the process it was made for lives: it keeps that process's
 * pidfd, which becomes readable when the process has exited, so a later
 * process that gets the same id is never taken for it.
 *
 * Exec is trapped only to mark the entry stale (the call itself goes on
 * unchanged): the next checked call resolves the new program's identity.
 * While one thread's exec is in flight, a sibling thread's call still
 * resolves the old program, and that entry would then outlive the exec.
 * Identity (job name, user) is not a security boundary (spec 7: every name
 * can be set in the environment), so this window costs fidelity only, in
 * programs that exec from one thread while another binds.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/pidfd.h>
#include <unistd.h>
#include "runtime.h"
#include "target_identity.h"
#include "target_mem.h"

/* Processes that stay cached at once; another one that maps to a used
 * slot replaces it (and is resolved again when it comes back). */
#define IDENTITY_SLOTS 1024

struct entry {
	pid_t tgid;             /* 0 = empty */
	int pidfd;
	uint32_t euid, egid;
	bool stale;
	/* A thread of this process that was alive when the entry was last
	 * found valid (its pidfs inode, 0 = none): while that thread still
	 * lives, so does the process, and no poll is needed. */
	uint64_t witness;
	struct psf_subject subject;
};

struct psf_sup_identities {
	const struct psf_policy *policy;
	pthread_mutex_t lock;
	struct entry slot[IDENTITY_SLOTS];
};

struct psf_sup_identities *psf_sup_identities_new(const struct psf_policy *p)
{
	struct psf_sup_identities *ids = calloc(1, sizeof *ids);

	if (!ids)
		return NULL;
	ids->policy = p;
	pthread_mutex_init(&ids->lock, NULL);
	for (size_t i = 0; i < IDENTITY_SLOTS; i++)
		ids->slot[i].pidfd = -1;
	return ids;
}

static void entry_clear(struct entry *e)
{
	if (e->pidfd >= 0)
		close(e->pidfd);
	e->pidfd = -1;
	e->tgid = 0;
}

void psf_sup_identities_free(struct psf_sup_identities *ids)
{
	if (!ids)
		return;
	for (size_t i = 0; i < IDENTITY_SLOTS; i++)
		entry_clear(&ids->slot[i]);
	pthread_mutex_destroy(&ids->lock);
	free(ids);
}

static struct entry *slot_of(struct psf_sup_identities *ids, pid_t tgid)
{
	return &ids->slot[(unsigned)tgid % IDENTITY_SLOTS];
}

static bool process_exited(int pidfd)
{
	struct pollfd p = { .fd = pidfd, .events = POLLIN };

	return poll(&p, 1, 0) != 0;
}

/* The caller's pidfd came from a worker's cache, so its thread has lived
 * since the pidfd was opened: if it is the witness, the process has lived
 * since the entry was checked. */
static bool entry_fits(struct entry *e, const struct psf_sup_caller *who)
{
	if (e->tgid != who->tgid || e->stale || e->euid != who->euid ||
	    e->egid != who->egid)
		return false;
	if (who->ino && who->ino == e->witness)
		return true;
	if (process_exited(e->pidfd))
		return false;
	e->witness = who->ino;
	return true;
}

/* Resolution reads /proc/TGID by number: the pidfd opened first and the
 * confirmation afterwards make sure that both were the caller's. */
static int entry_fill(struct psf_sup_identities *ids, struct entry *e,
		      int listener, const struct seccomp_notif *req,
		      const struct psf_sup_caller *who)
{
	struct psf_identity id;

	entry_clear(e);
	e->pidfd = pidfd_open(who->tgid, 0);
	if (e->pidfd < 0)
		return errno == ESRCH ? -ENOENT : -errno;
	psf_identity_resolve(&id, ids->policy, who->tgid, NULL, 0);
	if (psf_sup_mem_confirm(listener, req) != 0) {
		entry_clear(e);
		return -ENOENT;
	}
	psf_subject_init(&e->subject, ids->policy, &id);
	e->tgid = who->tgid;
	e->euid = who->euid;
	e->egid = who->egid;
	e->stale = false;
	e->witness = who->ino;
	return 0;
}

int psf_sup_identity_get(struct psf_sup_identities *ids, int listener,
			 const struct seccomp_notif *req,
			 const struct psf_sup_caller *who,
			 struct psf_subject *out)
{
	struct entry *e;
	int rc = 0;

	/* Held while resolving: NSS enumeration (getpwent) is not safe to
	 * run from two threads at once. */
	pthread_mutex_lock(&ids->lock);
	e = slot_of(ids, who->tgid);
	if (!entry_fits(e, who))
		rc = entry_fill(ids, e, listener, req, who);
	if (!rc)
		*out = e->subject;
	pthread_mutex_unlock(&ids->lock);
	return rc;
}

void psf_sup_identity_exec(struct psf_sup_identities *ids, pid_t tgid)
{
	struct entry *e;

	pthread_mutex_lock(&ids->lock);
	e = slot_of(ids, tgid);
	if (e->tgid == tgid)
		e->stale = true;
	pthread_mutex_unlock(&ids->lock);
}
