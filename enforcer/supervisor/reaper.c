/*
 * Waiting for the targets.  Signals come through a signalfd so that the
 * supervisor never runs a handler while its workers answer notifications.
 */
#include <errno.h>
#include <stdbool.h>
#include <sys/pidfd.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>
#include "reaper.h"

/* Signals a service manager or a user sends to stop or poke the program;
 * the supervisor stands in for it and passes them on. */
static const int passed_on[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGWINCH,
};

int psf_sup_reaper_init(sigset_t *old)
{
	sigset_t set;
	int fd;

	if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
		return -errno;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	/* A send by the supervisor on a target's socket never raises
	 * SIGPIPE here (MSG_NOSIGNAL), but a signal left pending must not
	 * kill the supervisor either. */
	sigaddset(&set, SIGPIPE);
	for (size_t i = 0; i < sizeof passed_on / sizeof *passed_on; i++)
		sigaddset(&set, passed_on[i]);
	if (sigprocmask(SIG_BLOCK, &set, old) != 0)
		return -errno;
	sigdelset(&set, SIGPIPE);
	fd = signalfd(-1, &set, SFD_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

static int exit_status(int status)
{
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* Reap whatever has exited; false once no child is left. */
static bool reap_exited(pid_t first, int *first_status, bool *first_done)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (pid == first) {
			*first_status = exit_status(status);
			*first_done = true;
		}
	}
	return !(pid < 0 && errno == ECHILD);
}

/* kill(2) and sigqueue(3) from another process say SI_USER / SI_QUEUE; a
 * terminal's ^C says SI_KERNEL and has reached the target already. */
static void pass_on(const struct signalfd_siginfo *si, int first_pidfd,
		    bool first_done)
{
	if (first_done || si->ssi_signo == SIGCHLD)
		return;
	if (si->ssi_code != SI_USER && si->ssi_code != SI_QUEUE)
		return;
	(void)pidfd_send_signal(first_pidfd, (int)si->ssi_signo, NULL, 0);
}

int psf_sup_reap_all(int sigfd, pid_t first, int first_pidfd)
{
	struct signalfd_siginfo si;
	int first_status = 125;
	bool first_done = false;

	while (reap_exited(first, &first_status, &first_done)) {
		ssize_t n = read(sigfd, &si, sizeof si);

		if (n == (ssize_t)sizeof si)
			pass_on(&si, first_pidfd, first_done);
		else if (n < 0 && errno != EINTR)
			break;
	}
	return first_status;
}
