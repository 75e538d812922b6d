/*
 * The edges shared by libportsaf.so and the seccomp supervisor: finding the
 * configuration, resolving a process to a z/OS identity (spec 7), and the
 * audit sinks (SMF file, messages, trace) that carry a decision's events out.
 *
 * Everything here that runs per call (psf_sinks_wanted, psf_sinks_emit) is
 * async-signal-safe: no stdio, no allocation, no locks; one write() per
 * record.
 */
#ifndef PSF_RUNTIME_H
#define PSF_RUNTIME_H

#include <sys/types.h>
#include "portsaf.h"

/* Configuration search (interface.md): cli_path, else $PORTSAF_CONFIG,
 * else ./portsaf.conf, else /etc/portsaf.conf.  Returns 0 with *path
 * (malloc'd, absolute) or *path = NULL for the built-in discovery policy;
 * a file named by -c or PORTSAF_CONFIG that does not exist is -ENOENT with
 * a diagnostic.  PORTSAF_CONFIG set to the empty string selects the
 * discovery policy (what `portsaf run` exports when it chose it). */
int psf_config_find(const char *cli_path, char **path, struct psf_diags *d);

/* The `on_error` setting of a configuration file whose policy could not be
 * loaded: true for "allow".  Anything unreadable means "deny", the
 * default. */
bool psf_config_on_error_allow(const char *path);

/* Resolve the identity of process pid (0 = this process) per spec 7:
 * environment (PORTSAF_JOBNAME, ...), then the first matching `identities`
 * rule, then defaults from /proc/PID/exe and the credentials.  environ_buf
 * may supply the process environment ("K=V\0K=V\0..."), else it is read
 * from /proc (or from environ for pid 0). */
void psf_identity_resolve(struct psf_identity *id, const struct psf_policy *p,
			  pid_t pid, const char *environ_buf, size_t environ_len);

/* Process start time of pid (0 = this process), Unix time in 1/100 s, from
 * /proc/PID/stat; 0 when unknown.  Async-signal-safe (a forked child calls
 * it to refresh its identity). */
int64_t psf_process_start_centis(pid_t pid);

struct psf_sinks {
	int smf_fd;                     /* -1 = none */
	int msg_fd;                     /* stderr, a file, or -1 */
	int syslog_fd;                  /* AF_UNIX datagram to /dev/log, or -1 */
	int trace_fd;                   /* -1 = none */
	char smfid[5];
	int32_t utc_offset;             /* fixed when opened */
};

/* Open the sinks the configuration names (cfg NULL: the defaults; env
 * PORTSAF_SMF and PORTSAF_MESSAGES override).  Descriptors are
 * O_APPEND|O_CLOEXEC and moved to high numbers, out of the way of
 * programs that expect open() to return low ones.  Returns 0, or the first
 * negative errno with a diagnostic per sink that could not be opened (that
 * sink stays -1, the others work). */
int psf_sinks_open(struct psf_sinks *s, const struct psf_config *cfg,
		   struct psf_diags *d);
void psf_sinks_close(struct psf_sinks *s);
/* Is fd one of the sinks' descriptors?  (The preload keeps them alive
 * when the application closes every descriptor.)  fd 2 for "stderr" is
 * the application's own and never counts. */
bool psf_sinks_owns_fd(const struct psf_sinks *s, int fd);
/* A sink descriptor must move (the application dup2()s onto it): duplicate
 * it to a new descriptor, point the sink there and return the new one; or
 * -1, and that sink is off.  The old descriptor is left open for the
 * caller to replace. */
int psf_sinks_move_fd(struct psf_sinks *s, int fd);

/* Would psf_sinks_emit write anything for this decision?  Lets the caller
 * skip work (getsockname for the assigned port) when nothing is written. */
bool psf_sinks_wanted(const struct psf_sinks *s, const struct psf_decision *d);

/* Write what RACF would write for this decision, and the trace line.
 * port is the port to show in the log string: for an allowed bind to port
 * 0 the port the kernel assigned (spec 8).  Async-signal-safe. */
void psf_sinks_emit(const struct psf_sinks *s, const struct psf_identity *id,
		    const struct psf_request *r, const struct psf_decision *d,
		    uint16_t port);

#endif
