/* The identity options `run` and `explain` share (cli_identity.h). */
#include <stdio.h>
#include <stdlib.h>
#include "cli_identity.h"
#include "portsaf.h"

/* The option as the user wrote it, and where the runtime reads it. */
static const struct {
	const char *opt, *env;
} names[PSF_CLI_NNAMES] = {
	[PSF_CLI_JOB] = { "--job", "PORTSAF_JOBNAME" },
	[PSF_CLI_USER] = { "--user", "PORTSAF_USER" },
	[PSF_CLI_GROUP] = { "--group", "PORTSAF_GROUP" },
	[PSF_CLI_PROGRAM] = { "--program", "PORTSAF_PROGRAM" },
};

bool psf_cli_identity_option(struct psf_cli_identity *id, int c,
			     const char *arg)
{
	if (c < PSF_CLI_IDENTITY_VAL ||
	    c >= PSF_CLI_IDENTITY_VAL + PSF_CLI_NNAMES)
		return false;
	id->names[c - PSF_CLI_IDENTITY_VAL] = arg;
	return true;
}

/* A z/OS name must survive folding (spec 7), or it names nobody. */
int psf_cli_identity_check(const struct psf_cli_identity *id, const char *cmd)
{
	char folded[PSF_NAME_LEN + 1];

	for (int i = 0; i < PSF_CLI_NNAMES; i++) {
		if (!id->names[i])
			continue;
		psf_fold_name(folded, id->names[i]);
		if (!folded[0]) {
			fprintf(stderr, "portsaf %s: %s '%s' is not a z/OS name "
				"(A-Z 0-9 $ @ #)\n", cmd, names[i].opt,
				id->names[i]);
			return -1;
		}
	}
	return 0;
}

int psf_cli_identity_export(const struct psf_cli_identity *id)
{
	for (int i = 0; i < PSF_CLI_NNAMES; i++)
		if (id->names[i] && setenv(names[i].env, id->names[i], 1))
			return -1;
	return 0;
}
