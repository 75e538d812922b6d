/*
 * `portsaf run --enforce` (issue 5): load the policy and the audit sinks as
 * the preload would, start the command under the seccomp filter, answer
 * its trapped calls until the last supervised process has exited, and
 * exit with the first child's status.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>
#include "../cli/cli.h"
#include "exe_inspect.h"
#include "notif_loop.h"
#include "reaper.h"
#include "runtime.h"
#include "seccomp_filter.h"
#include "supervisor.h"
#include "supervisor_state.h"
#include "target_launch.h"

/* Entries of the per-socket memories (see seen_set.h). */
#define BIND_SLOTS 4096
#define DEST_SLOTS 16384

/* The policy `portsaf run` chose: it exports PORTSAF_CONFIG (an absolute
 * path, or "" for the discovery policy) and PORTSAF_NO_WARNING.  Its
 * warnings were printed by `portsaf run` already; only a failure is. */
static int load_policy(struct psf_policy **policy)
{
	struct psf_load_opts opts = { 0 };
	struct psf_diags diags = { 0 };
	const char *nw = getenv("PORTSAF_NO_WARNING");
	char *path = NULL;
	int rc;

	opts.no_warning = nw && !strcmp(nw, "1");
	rc = psf_config_find(NULL, &path, &diags);
	if (!rc)
		rc = psf_policy_load(path, &opts, policy, &diags);
	if (rc)
		psf_diags_print(&diags, STDERR_FILENO);
	psf_diags_free(&diags);
	free(path);
	return rc;
}

/* A sink that cannot be opened is reported and the run goes on without
 * it, as in the preload. */
static void open_sinks(struct psf_sinks *sinks, const struct psf_policy *p)
{
	struct psf_diags diags = { 0 };

	if (psf_sinks_open(sinks, psf_policy_config(p), &diags) != 0)
		psf_diags_print(&diags, STDERR_FILENO);
	psf_diags_free(&diags);
}

/* The supervisor keeps a pidfd per cached process, more than the usual
 * soft limit of 1024 descriptors; the child gets the old limit back. */
static void raise_nofile(struct rlimit *old)
{
	struct rlimit raised;

	if (getrlimit(RLIMIT_NOFILE, old) != 0)
		old->rlim_cur = old->rlim_max = RLIM_INFINITY;
	raised = *old;
	raised.rlim_cur = old->rlim_max;
	(void)setrlimit(RLIMIT_NOFILE, &raised);
}

static int init_state(struct psf_sup *sup, const struct psf_policy *p,
		      const struct psf_sinks *sinks, int listener)
{
	memset(sup, 0, sizeof *sup);
	sup->listener = listener;
	sup->arch = seccomp_arch_native();
	sup->policy = p;
	sup->sinks = sinks;
	sup->ids = psf_sup_identities_new(p);
	sup->binds = psf_sup_seen_new(BIND_SLOTS);
	sup->sent_to = psf_sup_seen_new(DEST_SLOTS);
	if (!sup->ids || !sup->binds || !sup->sent_to)
		return -ENOMEM;
	return psf_sup_workers_start(sup);
}

static int exec_failed(const char *path, int err)
{
	fprintf(stderr, "portsaf run: %s: %s\n", path, strerror(err));
	return err == ENOENT || err == ENOTDIR ? PSF_EXIT_NOTFOUND :
						 PSF_EXIT_NOEXEC;
}

/* From a running child to its exit status. */
static int supervise_child(struct psf_sup_child *child, int sigfd,
			   const struct psf_policy *p, const char *path)
{
	static struct psf_sinks sinks;
	static struct psf_sup sup;
	int rc, err;

	open_sinks(&sinks, p);
	rc = init_state(&sup, p, &sinks, child->listener);
	if (rc) {
		fprintf(stderr, "portsaf run: cannot start the supervisor: %s\n",
			strerror(-rc));
		kill(child->pid, SIGKILL);
		psf_sup_reap_all(sigfd, child->pid, child->pidfd);
		return PSF_EXIT_USAGE;
	}
	err = psf_sup_launch_exec_result(child);
	rc = psf_sup_reap_all(sigfd, child->pid, child->pidfd);
	if (err)
		return exec_failed(path, err);
	return rc;
}

int psf_supervise(char **argv)
{
	struct psf_sup_child_env env;
	struct psf_sup_child child;
	struct psf_policy *policy = NULL;
	struct sock_fprog prog;
	int sigfd, rc;

	if (psf_sup_exe_foreign(argv[0])) {
		fprintf(stderr, "portsaf run: %s: programs of another ABI (32-bit) "
			"cannot be supervised\n", argv[0]);
		return PSF_EXIT_NOEXEC;
	}
	if (load_policy(&policy) != 0)
		return PSF_EXIT_USAGE;
	/* A target of the same user must not reach into the supervisor
	 * (ptrace, /proc/PID/mem, pidfd_getfd of the listener): only a
	 * process with CAP_SYS_PTRACE may touch a non-dumpable one. */
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	rc = psf_sup_filter_build(&prog, psf_policy_checks_listen(policy));
	if (rc) {
		fprintf(stderr, "portsaf run: cannot build the seccomp filter: %s\n",
			strerror(-rc));
		return PSF_EXIT_USAGE;
	}
	sigfd = psf_sup_reaper_init(&env.sigmask);
	if (sigfd < 0) {
		fprintf(stderr, "portsaf run: %s\n", strerror(-sigfd));
		return PSF_EXIT_USAGE;
	}
	raise_nofile(&env.nofile);
	rc = psf_sup_launch(argv, &prog, &env, &child);
	free(prog.filter);
	if (rc)
		return PSF_EXIT_USAGE;
	return supervise_child(&child, sigfd, policy, argv[0]);
}
