/*
 * libportsaf.so's two lazy initialisations, each once per process:
 *
 *   core    the real libc functions and the descriptor table: cheap, done
 *           by the first wrapped call of any kind;
 *   policy  the engine (libportsaf-engine.so, engine_link.h), then
 *           configuration, identity (spec 7), subject and audit sinks:
 *           done by the first call that needs a decision, so programs
 *           that never bind, listen, connect or send over IP pay nothing.
 *
 * Both are thread-safe (pthread_once) and safe when another library's
 * constructor makes the first call.  After them the wrappers take no lock
 * and allocate nothing.
 */
#ifndef PSF_PRELOAD_INIT_H
#define PSF_PRELOAD_INIT_H

#include "portsaf.h"
#include "runtime.h"

struct psf_rt {
	struct psf_policy *policy;      /* NULL: it could not be loaded */
	bool on_error_allow;            /* what then decides (interface.md) */
	struct psf_subject subject;
	struct psf_sinks sinks;
	bool sinks_open;
};

extern struct psf_rt psf_rt;

void psf_core_init(void);
void psf_policy_init(void);

/* Is fd one of portsaf's own (the audit sinks), to be kept alive? */
bool psf_fd_is_ours(int fd);
/* The application is about to dup2() onto fd: move ours out of the way. */
void psf_fd_make_room(int fd);
/* portsaf's own descriptors, ascending; returns how many (at most 4). */
int psf_our_fds(int fds[4]);

#endif
