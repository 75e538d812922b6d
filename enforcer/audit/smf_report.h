/*
 * `portsaf smf report` (issue 4, interface.md): the questions a security
 * engineer asks of the type 80 records of a rollout phase.
 *
 *   1. observed usage: per job, user and program, the operations,
 *      protocols, ports and addresses seen, with counts and first/last
 *      time;
 *   2. warnings by profile: the calls that fail once RALTER ... NOWARNING
 *      is issued;
 *   3. a proposed policy, ready to paste: the TCPIP PROFILE statements and
 *      RACF commands that let exactly the observed calls run without
 *      warnings (smf_policy.h).
 *
 * Records are aggregated as they stream by: memory grows with the number
 * of distinct (resource, profile, job, user, program, operation,
 * protocol, port, address) keys, never with the number of records.  Ports
 * the stack assigned (EPH(YES)) count as one key per job and address.
 */
#ifndef PSF_SMF_REPORT_H
#define PSF_SMF_REPORT_H

#include <stdio.h>
#include "smf_read.h"

struct psf_report;

struct psf_report *psf_report_new(void);
void psf_report_free(struct psf_report *r);
/* Aggregate one record; -ENOMEM when a table cannot grow. */
int psf_report_add(struct psf_report *r, const struct psf_smf80_rec *rec);
/* What the readers skipped, for the summary. */
void psf_report_set_input(struct psf_report *r, unsigned nfiles,
			  const struct psf_smf_stats *st);

/* The three sections as text, or as JSON lines (one object per usage row,
 * warning row and policy statement).  0, or -errno on a write error. */
int psf_report_write_text(const struct psf_report *r, FILE *out);
int psf_report_write_json(const struct psf_report *r, FILE *out);

/* The proposed policy as files in dir (which must exist): portsaf.conf
 * (interface.md's libconfig syntax, naming the two others), tcpip.profile
 * and servauth.racf, so that a discovery run's records become the policy
 * of the next run in one command.  0, or -errno with a message on diag. */
int psf_report_write_policy_dir(const struct psf_report *r, const char *dir, FILE *diag);

#endif
