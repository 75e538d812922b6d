/* Loading the policy for a subcommand: configuration search, diagnostics on
 * stderr, the exit status when it fails. */
#ifndef PSF_CLI_POLICY_H
#define PSF_CLI_POLICY_H

#include "portsaf.h"

/* Find (cli_path, $PORTSAF_CONFIG, ./portsaf.conf, /etc/portsaf.conf,
 * else discovery) and load.  Diagnostics go to d; *shown is the path used
 * ("built-in discovery policy" for none). */
int psf_cli_load(const char *cli_path, const struct psf_load_opts *o,
		 struct psf_policy **p, struct psf_diags *d, char **shown);

#endif
