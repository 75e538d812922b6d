/* The subcommands of `portsaf` (interface.md "The command").  Each takes
 * argv with argv[0] = the subcommand's name and returns the exit status. */
#ifndef PSF_CLI_H
#define PSF_CLI_H

int psf_cmd_run(int argc, char **argv);
int psf_cmd_check(int argc, char **argv);
int psf_cmd_explain(int argc, char **argv);
int psf_cmd_smf(int argc, char **argv);         /* smf print | smf report */

/* portsaf's own failures (interface.md) */
#define PSF_EXIT_USAGE 125
#define PSF_EXIT_NOEXEC 126
#define PSF_EXIT_NOTFOUND 127

#endif
