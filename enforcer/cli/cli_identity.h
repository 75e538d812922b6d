/* The identity options of `run` and `explain` (--job, --user, --group,
 * --program).  Spec 7: `explain` resolves them exactly as a process under
 * `run` would, so both commands read them here and hand them on in the
 * same environment variables. */
#ifndef PSF_CLI_IDENTITY_H
#define PSF_CLI_IDENTITY_H

#include <getopt.h>
#include <stdbool.h>

enum psf_cli_name {
	PSF_CLI_JOB, PSF_CLI_USER, PSF_CLI_GROUP, PSF_CLI_PROGRAM,
	PSF_CLI_NNAMES
};

/* What getopt_long returns for them: above every option character, so
 * that no command's own options can collide. */
#define PSF_CLI_IDENTITY_VAL 0x100

/* The four entries, for a command's table of long options. */
#define PSF_CLI_IDENTITY_OPTIONS \
	{ "job", required_argument, NULL, PSF_CLI_IDENTITY_VAL + PSF_CLI_JOB }, \
	{ "user", required_argument, NULL, PSF_CLI_IDENTITY_VAL + PSF_CLI_USER }, \
	{ "group", required_argument, NULL, PSF_CLI_IDENTITY_VAL + PSF_CLI_GROUP }, \
	{ "program", required_argument, NULL, \
	  PSF_CLI_IDENTITY_VAL + PSF_CLI_PROGRAM }

struct psf_cli_identity {
	const char *names[PSF_CLI_NNAMES];      /* as given; NULL: not given */
};

/* Keeps arg when getopt_long's answer c is one of the four options;
 * false when it is another. */
bool psf_cli_identity_option(struct psf_cli_identity *id, int c,
			     const char *arg);

/* -1, with a message on stderr naming `portsaf cmd`, when a name given
 * folds to nothing: it could name nobody on z/OS. */
int psf_cli_identity_check(const struct psf_cli_identity *id, const char *cmd);

/* Sets PORTSAF_JOBNAME, PORTSAF_USER, PORTSAF_GROUP and PORTSAF_PROGRAM
 * for the names given, where the runtime looks first.  -1 when setenv
 * fails. */
int psf_cli_identity_export(const struct psf_cli_identity *id);

#endif
