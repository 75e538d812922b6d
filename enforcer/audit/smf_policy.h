/*
 * The policy `portsaf smf report` proposes (issue 4): the TCPIP PROFILE
 * statements and RACF commands that let exactly the observed calls run
 * without warnings, in the syntax of spec sections 2-6 so that they can be
 * pasted into SYS1.TCPPARMS(PROFILE) and a RACF batch job, or loaded by
 * portsaf itself.
 *
 *   * every port a job bound or listened on explicitly is reserved to that
 *     job with SAF: PORT n TCP JOB SAF res, or PORTRANGE first count when
 *     a job's ports are contiguous and no other job uses them (a PORTRANGE
 *     must not overlap another entry, spec 3);
 *   * res is the job name made a valid SAF name (spec 2); each gets a
 *     SERVAUTH profile UACC(NONE) AUDIT(FAILURES(READ)) and a PERMIT per
 *     user that used it, WHEN(PROGRAM(x)) when the log string names the
 *     program (spec 5.4), with the SETROPTS WHEN(PROGRAM) that needs;
 *   * ports the stack assigned (EPH(YES)) are never reserved: a protocol
 *     that was used gets PORT UNRSV proto * SAF UNRSVproto with an empty
 *     access list, so other explicit ports stay closed (the rollout's
 *     goal, spec 9) while stack-assigned ports stay unchecked (spec 2.3);
 *   * outbound calls (connect, send) get NETACCESS with DEFAULT 0 WORLD
 *     and a PERMIT per user (and program) on its EZB.NETACCESS profile.
 *
 * Profiles are discrete (EZB.PORTACCESS.sysname.tcpname.res) when the
 * records name one stack, generic (EZB.PORTACCESS.*.*.res) when several.
 */
#ifndef PSF_SMF_POLICY_H
#define PSF_SMF_POLICY_H

#include <stdio.h>
#include "portsaf.h"

struct psf_report;

struct psf_proposal {
	char sysname[PSF_NAME_LEN + 1];         /* the most used stack */
	char tcpname[PSF_NAME_LEN + 1];
	char smfid[5];                          /* "" = derive from sysname */
	bool generic;                           /* several stacks */
	char **tcpip;                           /* PROFILE statements */
	size_t ntcpip, captcpip;
	char **racf;                            /* RACF commands */
	size_t nracf, capracf;
};

int psf_report_propose(const struct psf_report *r, struct psf_proposal *p);
void psf_proposal_free(struct psf_proposal *p);

/* The three files of --policy-dir, comments included. */
void psf_proposal_write_tcpip(const struct psf_proposal *p, FILE *out);
void psf_proposal_write_racf(const struct psf_proposal *p, FILE *out);
void psf_proposal_write_conf(const struct psf_proposal *p, FILE *out);

#define PSF_POLICY_CONF "portsaf.conf"
#define PSF_POLICY_TCPIP "tcpip.profile"
#define PSF_POLICY_RACF "servauth.racf"

#endif
