/* The report's sections in order, whatever the format (smf_report_format.h). */
#include <errno.h>
#include <stdlib.h>
#include "smf_report_format.h"

int psf_report_write(const struct psf_report *r, FILE *out,
		     const struct psf_report_format *f)
{
	struct psf_report_row *rows;
	struct psf_proposal p;
	long n;
	int rc;

	f->summary(r, out);
	if ((n = psf_report_usage_rows(r, &rows)) < 0)
		return (int)n;
	f->usage(rows, n, out);
	free(rows);
	if ((n = psf_report_warning_rows(r, &rows)) < 0)
		return (int)n;
	f->warnings(r, rows, n, out);
	free(rows);
	if ((rc = psf_report_propose(r, &p)))
		return rc;
	f->policy(&p, out);
	psf_proposal_free(&p);
	return ferror(out) ? -EIO : 0;
}
