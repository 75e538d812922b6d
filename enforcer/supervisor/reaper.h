/*
 * The supervisor as the parent of every target (issue 5 item 3): it is a
 * child subreaper, so orphaned descendants come back to it; it runs until
 * the last one has exited and passes on the first child's status.
 */
#ifndef PSF_SUP_REAPER_H
#define PSF_SUP_REAPER_H

#include <signal.h>
#include <sys/types.h>

/* Become a subreaper and block SIGCHLD and the signals passed on to the
 * target, saving the previous mask in *old.  Returns a signalfd for them
 * or a negative errno. */
int psf_sup_reaper_init(sigset_t *old);

/* Reap descendants until none is left, passing signals sent to the
 * supervisor with kill(2) on to the first child (terminal signals reach
 * it through its process group already).  Returns the first child's exit
 * status, 128+signal if a signal ended it. */
int psf_sup_reap_all(int sigfd, pid_t first, int first_pidfd);

#endif
