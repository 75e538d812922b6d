/* The seccomp supervisor (`portsaf run --enforce`).  cmd_run.c prepares the
 * environment (PORTSAF_CONFIG, PORTSAF_SMF, identity overrides, ...) exactly
 * as for the preload, then hands over here. */
#ifndef PSF_SUPERVISOR_H
#define PSF_SUPERVISOR_H

#include <stdbool.h>

/* Run argv[0] (already resolved to a path) under the supervisor; returns
 * the exit status `portsaf run` exits with (the command's, 128+signal, or
 * 125/126/127 for portsaf's own failures). */
int psf_supervise(char **argv);

/* Is the ELF file at path statically linked (no PT_INTERP)? */
bool psf_exe_is_static(const char *path);

#endif
