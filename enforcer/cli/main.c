/* portsaf: the command (interface.md "The command"). */
#include <stdio.h>
#include <string.h>
#include "cli.h"

#define PSF_VERSION "0.1.0"

static const char usage[] =
"usage: portsaf run     [-c FILE] [--job NAME] [--user ID] [--group GRP]\n"
"                       [--program PGM] [--enforce] [--no-warning]\n"
"                       -- COMMAND [ARG...]\n"
"       portsaf check   [-c FILE] [--format text|json]\n"
"       portsaf explain [-c FILE] [--job NAME] [--user ID] [--group GRP]\n"
"                       [--program PGM] [--no-warning]\n"
"                       bind|listen|connect|send tcp|udp PORT [ADDR]\n"
"       portsaf smf print  [--format text|json] FILE...\n"
"       portsaf smf report [--format text|json] [--policy-dir DIR] FILE...\n"
"       portsaf --version | --help | COMMAND --help\n"
"\n"
"z/OS TCP/IP port access control (PORT, PORTRANGE, UNRSV, RESTRICTLOWPORTS,\n"
"NETACCESS) and RACF SERVAUTH checks, applied to Linux programs.\n"
"\n"
"  run      run COMMAND with every bind, listen, connect and send decided\n"
"           as z/OS would; SMF type 80 records and ICH408I messages\n"
"  check    load and validate the policy; print the validation report\n"
"  explain  show how one request would be decided, step by step\n"
"  smf      decode SMF type 80 files, or report on them\n"
"\n"
"Configuration: -c FILE, else $PORTSAF_CONFIG, else ./portsaf.conf, else\n"
"/etc/portsaf.conf, else the built-in discovery policy.  See portsaf(1)\n"
"and portsaf.conf(5).\n";

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;

	if (!cmd) {
		fputs(usage, stderr);
		return PSF_EXIT_USAGE;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		fputs(usage, stdout);
		return 0;
	}
	if (!strcmp(cmd, "--version")) {
		puts("portsaf " PSF_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "run"))
		return psf_cmd_run(argc - 1, argv + 1);
	if (!strcmp(cmd, "check"))
		return psf_cmd_check(argc - 1, argv + 1);
	if (!strcmp(cmd, "explain"))
		return psf_cmd_explain(argc - 1, argv + 1);
	if (!strcmp(cmd, "smf"))
		return psf_cmd_smf(argc - 1, argv + 1);
	fprintf(stderr, "portsaf: unknown command '%s'\n%s", cmd, usage);
	return PSF_EXIT_USAGE;
}
