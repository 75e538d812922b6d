/*
 * The proposed policy as the three files of --policy-dir: the TCPIP
 * PROFILE and the RACF commands in their native syntax (spec section 1),
 * and a portsaf.conf (interface.md) that names them, so that
 * `portsaf run -c DIR/portsaf.conf` reruns the program under it.
 */
#include <errno.h>
#include <string.h>
#include "smf_policy.h"
#include "smf_report.h"

void psf_proposal_write_tcpip(const struct psf_proposal *p, FILE *out)
{
	fputs("; TCPIP PROFILE statements proposed by portsaf smf report\n", out);
	for (size_t i = 0; i < p->ntcpip; i++)
		fprintf(out, "%s\n", p->tcpip[i]);
}

void psf_proposal_write_racf(const struct psf_proposal *p, FILE *out)
{
	fputs("/* RACF commands proposed by portsaf smf report */\n", out);
	for (size_t i = 0; i < p->nracf; i++)
		fprintf(out, "%s\n", p->racf[i]);
}

void psf_proposal_write_conf(const struct psf_proposal *p, FILE *out)
{
	fputs("# portsaf.conf proposed by portsaf smf report\n", out);
	fprintf(out, "sysname = \"%s\";\n", p->sysname);
	fprintf(out, "tcpname = \"%s\";\n", p->tcpname);
	if (p->smfid[0])
		fprintf(out, "smfid = \"%s\";\n", p->smfid);
	fprintf(out, "profile = \"%s\";\n", PSF_POLICY_TCPIP);
	fprintf(out, "racf = \"%s\";\n", PSF_POLICY_RACF);
}

static int write_file(const struct psf_proposal *p, const char *dir,
		      const char *name,
		      void (*emit)(const struct psf_proposal *, FILE *),
		      FILE *diag)
{
	char path[4096];
	FILE *f;
	int rc = 0;

	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) {
		fprintf(diag, "portsaf smf: %s/%s: %s\n", dir, name, strerror(ENAMETOOLONG));
		return -ENAMETOOLONG;
	}
	f = fopen(path, "we");
	if (!f) {
		rc = -errno;
		fprintf(diag, "portsaf smf: %s: %s\n", path, strerror(errno));
		return rc;
	}
	emit(p, f);
	if (ferror(f))
		rc = -EIO;
	if (fclose(f) != 0 && !rc)
		rc = -errno;
	if (rc)
		fprintf(diag, "portsaf smf: %s: %s\n", path, strerror(-rc));
	return rc;
}

int psf_report_write_policy_dir(const struct psf_report *r, const char *dir, FILE *diag)
{
	struct psf_proposal p;
	int rc;

	rc = psf_report_propose(r, &p);
	if (rc) {
		fprintf(diag, "portsaf smf: %s\n", strerror(-rc));
		return rc;
	}
	rc = write_file(&p, dir, PSF_POLICY_CONF, psf_proposal_write_conf, diag);
	if (!rc)
		rc = write_file(&p, dir, PSF_POLICY_TCPIP, psf_proposal_write_tcpip, diag);
	if (!rc)
		rc = write_file(&p, dir, PSF_POLICY_RACF, psf_proposal_write_racf, diag);
	psf_proposal_free(&p);
	return rc;
}
