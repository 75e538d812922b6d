/*
 * What the supervisor needs to know about an executable before running
 * it (psf_exe_is_static, declared in supervisor.h, lives here too).
 */
#ifndef PSF_SUP_EXE_INSPECT_H
#define PSF_SUP_EXE_INSPECT_H

#include <stdbool.h>

/* Is path an ELF file of another ABI than the supervisor's own (a 32-bit
 * program on a 64-bit system)?  The filter kills such a program at its
 * first system call, so it is refused before it starts. */
bool psf_sup_exe_foreign(const char *path);

#endif
