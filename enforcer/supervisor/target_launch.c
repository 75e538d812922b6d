/*
 * The hand-over of the listener.  Once the filter is loaded the child must
 * not make a trapped call until the supervisor holds the listener (nobody
 * would answer it), and the listener must be gone from the child before
 * the target's code runs (a target holding it could answer its own
 * notifications).  So the child reports the descriptor number with
 * write(2), which is not trapped, the supervisor copies the descriptor out
 * of the child with pidfd_getfd(2), acknowledges, and the child closes its
 * copy and execs.  SCM_RIGHTS is not an option: sendmsg is trapped.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/pidfd.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kernel_compat.h"
#include "seccomp_filter.h"
#include "target_launch.h"

/* What the child tells the supervisor; small enough to be written whole. */
enum launch_stage { STAGE_LISTENER, STAGE_FILTER_FAILED, STAGE_EXEC_FAILED };
struct launch_msg {
	int stage;
	int value;              /* descriptor number or errno */
};

static void child_say(int fd, int stage, int value)
{
	struct launch_msg m = { stage, value };
	ssize_t n;

	do
		n = write(fd, &m, sizeof m);
	while (n < 0 && errno == EINTR);
}

/* As `portsaf run` runs COMMAND without --enforce (and as execvp): a file
 * the kernel cannot execute that has no "#!" line goes to the shell. */
static void exec_as_execvp(char **argv)
{
	int n = 0;

	execv(argv[0], argv);
	if (errno != ENOEXEC)
		return;
	while (argv[n])
		n++;
	{
		char *sh[n + 2];

		sh[0] = "sh";
		memcpy(sh + 1, argv, ((size_t)n + 1) * sizeof *sh);
		execv("/bin/sh", sh);
	}
	errno = ENOEXEC;
}

/* Between fork and exec: async-signal-safe calls only. */
static _Noreturn void child_run(char **argv, const struct sock_fprog *prog,
				const struct psf_sup_child_env *env,
				int up, int down)
{
	int listener;
	char ack;
	ssize_t n;

	/* The supervisor made itself non-dumpable, which fork passed on:
	 * the supervisor must still reach in here for the listener. */
	prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
	listener = psf_sup_filter_install(prog);
	if (listener < 0) {
		child_say(up, STAGE_FILTER_FAILED, -listener);
		_exit(125);
	}
	child_say(up, STAGE_LISTENER, listener);
	do
		n = read(down, &ack, 1);
	while (n < 0 && errno == EINTR);
	if (n != 1)
		_exit(125);
	close(listener);
	close(down);
	setrlimit(RLIMIT_NOFILE, &env->nofile);
	sigprocmask(SIG_SETMASK, &env->sigmask, NULL);
	exec_as_execvp(argv);
	child_say(up, STAGE_EXEC_FAILED, errno);
	_exit(errno == ENOENT || errno == ENOTDIR ? 127 : 126);
}

static int read_msg(int fd, struct launch_msg *m)
{
	ssize_t n;

	do
		n = read(fd, m, sizeof *m);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	return n == (ssize_t)sizeof *m ? 1 : 0;
}

/* The supervisor's copy of the child's listener, woken synchronously
 * where the kernel offers it (a latency gain only, so failure is fine). */
static int take_listener(int pidfd, int child_fd)
{
	int fd = pidfd_getfd(pidfd, child_fd, 0);

	if (fd < 0)
		return -errno;
	(void)ioctl(fd, SECCOMP_IOCTL_NOTIF_SET_FLAGS,
		    SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP);
	return fd;
}

static int receive_listener(struct psf_sup_child *c, int down)
{
	struct launch_msg m;
	int rc = read_msg(c->status_fd, &m);

	if (rc <= 0) {
		fprintf(stderr, "portsaf run: the supervised child died before exec\n");
		return rc < 0 ? rc : -ECHILD;
	}
	if (m.stage != STAGE_LISTENER) {
		fprintf(stderr, "portsaf run: cannot load the seccomp filter: %s\n",
			strerror(m.value));
		return -m.value;
	}
	c->listener = take_listener(c->pidfd, m.value);
	if (c->listener < 0) {
		fprintf(stderr, "portsaf run: cannot take the seccomp listener "
			"(pidfd_getfd): %s\n", strerror(-c->listener));
		return c->listener;
	}
	return write(down, "", 1) == 1 ? 0 : -errno;
}

static void reap_failed(struct psf_sup_child *c)
{
	if (c->listener >= 0)
		close(c->listener);
	close(c->status_fd);
	if (c->pidfd >= 0)
		close(c->pidfd);
	kill(c->pid, SIGKILL);
	waitpid(c->pid, NULL, 0);
}

int psf_sup_launch(char **argv, const struct sock_fprog *prog,
		   const struct psf_sup_child_env *env, struct psf_sup_child *c)
{
	int up[2], down[2], rc;

	if (pipe2(up, O_CLOEXEC) != 0)
		return -errno;
	if (pipe2(down, O_CLOEXEC) != 0) {
		rc = -errno;
		close(up[0]);
		close(up[1]);
		return rc;
	}
	c->listener = -1;
	c->pid = fork();
	if (c->pid == 0) {
		close(up[0]);
		close(down[1]);
		child_run(argv, prog, env, up[1], down[0]);
	}
	rc = c->pid < 0 ? -errno : 0;
	close(up[1]);
	close(down[0]);
	c->status_fd = up[0];
	if (rc == 0) {
		/* Our own unreaped child: its pid cannot be reused here. */
		c->pidfd = pidfd_open(c->pid, 0);
		rc = c->pidfd < 0 ? -errno : receive_listener(c, down[1]);
		if (rc < 0)
			reap_failed(c);
	} else {
		close(up[0]);
	}
	close(down[1]);
	return rc;
}

int psf_sup_launch_exec_result(struct psf_sup_child *c)
{
	struct launch_msg m;
	int rc = read_msg(c->status_fd, &m);

	close(c->status_fd);
	c->status_fd = -1;
	if (rc == 1 && m.stage == STAGE_EXEC_FAILED)
		return m.value;
	return 0;
}
