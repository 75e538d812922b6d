/*
 * Lazy initialisation of libportsaf.so (see init.h), modelled on
 * libfaketime and proxychains-ng: pthread_once in every wrapper, and the
 * psf_depth guard set while portsaf runs its own code, so that libconfig,
 * NSS modules and the syslog socket reach libc untouched.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "destcache.h"
#include "engine_link.h"
#include "fdstate.h"
#include "init.h"
#include "real.h"

struct psf_rt psf_rt = {
	.sinks = { .smf_fd = -1, .msg_fd = -1, .syslog_fd = -1, .trace_fd = -1 },
};

static pthread_once_t core_once = PTHREAD_ONCE_INIT;
static pthread_once_t policy_once = PTHREAD_ONCE_INIT;

/* A forked child is a new process: its records carry its own pid and
 * start time (the rest of the identity is the parent's, as the executable
 * is).  Only async-signal-safe calls: the parent may have had threads. */
static void after_fork_child(void)
{
	struct psf_identity *id = &psf_rt.subject.id;

	if (!__atomic_load_n(&psf_rt.policy, __ATOMIC_ACQUIRE))
		return;
	psf_depth++;
	id->pid = (int32_t)getpid();
	id->start_centis = psf_eng->process_start_centis(0);
	psf_depth--;
}

static void core_init(void)
{
	psf_depth++;
	psf_real_resolve();
	psf_fd_table_init();
	pthread_atfork(NULL, NULL, after_fork_child);
	psf_depth--;
}

void psf_core_init(void)
{
	pthread_once(&core_once, core_init);
}

/* One message on stderr, in one write (interface.md: "one message on
 * stderr names the cause (file, line)"). */
static void report(const char *what, const struct psf_diags *d,
		   const char *consequence)
{
	char msg[1024];
	const struct psf_diag *g = d->n ? &d->v[0] : NULL;
	int n;

	if (!g)
		return;
	if (g->line > 0)
		n = snprintf(msg, sizeof msg, "portsaf: %s: %s:%d: %s%s\n", what,
			     g->file, g->line, g->text, consequence);
	else
		n = snprintf(msg, sizeof msg, "portsaf: %s: %s: %s%s\n", what,
			     g->file, g->text, consequence);
	if (n > 0)
		(void)!write(STDERR_FILENO, msg,
			     (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
}

static bool env_flag(const char *name)
{
	const char *v = getenv(name);

	return v && v[0] && strcmp(v, "0") != 0;
}

static struct psf_policy *load_policy(void)
{
	struct psf_load_opts opts = { .no_warning = env_flag("PORTSAF_NO_WARNING") };
	const struct psf_engine *e = psf_engine_load();
	struct psf_diags d = { 0 };
	struct psf_policy *p = NULL;
	char *path = NULL;

	/* Without the engine no configuration is read: on_error is the
	 * default, "deny" (interface.md); psf_engine_load said why. */
	if (!e)
		return NULL;
	if (e->config_find(NULL, &path, &d) == 0 &&
	    e->policy_load(path, &opts, &p, &d) == 0) {
		/* Warnings were `portsaf run`'s (or `portsaf check`'s) to show;
		 * every process of the run would repeat them. */
		e->diags_free(&d);
		free(path);
		return p;
	}
	psf_rt.on_error_allow = e->config_on_error_allow(path);
	report("cannot load the policy", &d, psf_rt.on_error_allow ?
	       " (on_error = \"allow\": calls are allowed unchecked)" :
	       " (on_error = \"deny\": checked calls fail with EACCES)");
	e->diags_free(&d);
	free(path);
	return NULL;
}

static void open_sinks(const struct psf_policy *p)
{
	struct psf_diags d = { 0 };

	if (psf_eng->sinks_open(&psf_rt.sinks, psf_eng->policy_config(p),
				&d) != 0)
		report("audit output", &d, " (that output is off)");
	psf_eng->diags_free(&d);
	__atomic_store_n(&psf_rt.sinks_open, true, __ATOMIC_RELEASE);
}

static void policy_init(void)
{
	struct psf_identity id;
	struct psf_policy *p;
	int saved = errno;

	psf_depth++;
	p = load_policy();
	if (p) {
		psf_eng->identity_resolve(&id, p, 0, NULL, 0);
		psf_eng->subject_init(&psf_rt.subject, p, &id);
		open_sinks(p);
		psf_destcache_init();
		__atomic_store_n(&psf_rt.policy, p, __ATOMIC_RELEASE);
	}
	psf_depth--;
	errno = saved;
}

void psf_policy_init(void)
{
	psf_core_init();
	pthread_once(&policy_once, policy_init);
}

/* The sinks are opened after the engine is loaded: before, there is
 * nothing of portsaf's to protect. */
bool psf_fd_is_ours(int fd)
{
	return __atomic_load_n(&psf_rt.sinks_open, __ATOMIC_ACQUIRE) &&
	       psf_eng->sinks_owns_fd(&psf_rt.sinks, fd);
}

void psf_fd_make_room(int fd)
{
	if (!psf_fd_is_ours(fd))
		return;
	psf_depth++;
	(void)psf_eng->sinks_move_fd(&psf_rt.sinks, fd);
	psf_depth--;
}

int psf_our_fds(int fds[4])
{
	const struct psf_sinks *k = &psf_rt.sinks;
	int cand[4], n = 0;

	if (!__atomic_load_n(&psf_rt.sinks_open, __ATOMIC_ACQUIRE))
		return 0;
	cand[0] = __atomic_load_n(&k->smf_fd, __ATOMIC_ACQUIRE);
	cand[1] = __atomic_load_n(&k->msg_fd, __ATOMIC_ACQUIRE);
	cand[2] = __atomic_load_n(&k->syslog_fd, __ATOMIC_ACQUIRE);
	cand[3] = __atomic_load_n(&k->trace_fd, __ATOMIC_ACQUIRE);
	for (int i = 0; i < 4; i++) {
		int j = n;

		if (cand[i] <= STDERR_FILENO)   /* stderr is the program's */
			continue;
		while (j > 0 && fds[j - 1] > cand[i]) {
			fds[j] = fds[j - 1];
			j--;
		}
		fds[j] = cand[i];
		n++;
	}
	return n;
}
