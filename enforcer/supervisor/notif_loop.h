/*
 * The workers that answer notifications.  Each one receives, handles and
 * answers one notification at a time.  A call the supervisor makes on the
 * target's behalf may block as long as it would have blocked the target
 * (a connect to a silent host).  A watchdog then adds a worker, once a
 * call has stayed blocked over one of its ticks while no worker was
 * receiving: adding one before every call that might block would cost
 * every later notification a wake-up (the kernel wakes every receiver),
 * and a loopback connect never blocks that long.
 */
#ifndef PSF_SUP_NOTIF_LOOP_H
#define PSF_SUP_NOTIF_LOOP_H

#include "supervisor_state.h"

/* Start the first worker and the watchdog.  0 or a negative errno. */
int psf_sup_workers_start(struct psf_sup *sup);

/* Worker w begins / ends a call that may block (connect, send); one that
 * does not simply ends before the next tick. */
void psf_sup_blocking_begin(struct psf_sup *sup, unsigned w);
void psf_sup_blocking_end(struct psf_sup *sup, unsigned w);

#endif
