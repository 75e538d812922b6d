/* The libconfig configuration file (interface.md "Configuration"). */
#ifndef PSF_CONFIG_H
#define PSF_CONFIG_H

#include "portsaf.h"

/* Defaults of interface.md; file = NULL. */
void psf_config_defaults(struct psf_config *c);
/* Read and validate path into c (defaults first).  Every problem is a
 * diagnostic naming the file and line; returns the number of errors. */
int psf_config_read(struct psf_config *c, const char *path,
		    struct psf_diags *d);
void psf_config_free(struct psf_config *c);

#endif
