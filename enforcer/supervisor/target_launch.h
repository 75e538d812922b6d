/*
 * Starting the first target: fork, load the filter in the child, hand its
 * listener to the supervisor, exec (issue 5 item 1).
 */
#ifndef PSF_SUP_TARGET_LAUNCH_H
#define PSF_SUP_TARGET_LAUNCH_H

#include <linux/filter.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>

struct psf_sup_child {
	pid_t pid;
	int pidfd;
	int listener;           /* the supervisor's copy of the listener */
	int status_fd;          /* closed by exec; carries exec's errno */
};

/* What the child restores before exec: the supervisor changes both. */
struct psf_sup_child_env {
	sigset_t sigmask;
	struct rlimit nofile;
};

/* Fork argv[0] (a path); the child loads prog and waits until the
 * supervisor holds its listener.  0, or a negative errno with a message
 * on stderr (the child is then reaped). */
int psf_sup_launch(char **argv, const struct sock_fprog *prog,
		   const struct psf_sup_child_env *env, struct psf_sup_child *c);

/* Once notifications are served (the child's execve is one): 0 when the
 * exec succeeded, else exec's errno. */
int psf_sup_launch_exec_result(struct psf_sup_child *c);

#endif
