/*
 * One output format of `portsaf smf report` (internal to smf_report_*.c).
 * Both formats write the same sections in the same order from the same
 * rows; psf_report_write gathers each section and stops at the first
 * failure, so that a format only lays out what it is given.
 */
#ifndef PSF_SMF_REPORT_FORMAT_H
#define PSF_SMF_REPORT_FORMAT_H

#include <stdio.h>
#include "report_table.h"
#include "smf_policy.h"

struct psf_report_format {
	void (*summary)(const struct psf_report *r, FILE *out);
	void (*usage)(const struct psf_report_row *rows, long n, FILE *out);
	void (*warnings)(const struct psf_report *r,
			 const struct psf_report_row *rows, long n, FILE *out);
	void (*policy)(const struct psf_proposal *p, FILE *out);
};

/* Summary, observed usage, warnings by profile, proposed policy.  0, or
 * -errno: -ENOMEM when a section cannot be gathered (what came before it
 * is written), -EIO when out failed. */
int psf_report_write(const struct psf_report *r, FILE *out,
		     const struct psf_report_format *f);

#endif
