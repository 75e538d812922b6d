/* Loading the policy for check, explain and run. */
#include <stdlib.h>
#include <string.h>
#include "cli_policy.h"
#include "runtime.h"

int psf_cli_load(const char *cli_path, const struct psf_load_opts *o,
		 struct psf_policy **p, struct psf_diags *d, char **shown)
{
	char *path = NULL;
	int rc = psf_config_find(cli_path, &path, d);

	*p = NULL;
	*shown = NULL;
	if (rc)
		return rc;
	*shown = strdup(path ? path : "built-in discovery policy");
	rc = psf_policy_load(path, o, p, d);
	free(path);
	return rc;
}
