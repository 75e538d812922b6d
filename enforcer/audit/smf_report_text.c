/*
 * `portsaf smf report --format text`: a summary line, then three sections
 * (smf_report.h).  Column layouts:
 *
 *   OBSERVED USAGE      JOBNAME USER PROGRAM OP PROTO PORT ADDRESS COUNT
 *                       WARNINGS FAILURES FIRST LAST
 *   WARNINGS BY PROFILE a "PROFILE name [(G)]: N calls ..." line per
 *                       profile, then RESOURCE JOBNAME USER PROGRAM OP
 *                       PROTO PORT ADDRESS COUNT FIRST LAST
 *   PROPOSED POLICY     the TCPIP PROFILE statements, then the RACF
 *                       commands, as --policy-dir writes them
 *
 * PORT is EPH for ports the stack assigned; "-" marks what a record's log
 * string did not say.  Times are the records' local times.
 */
#include "ipaddr.h"
#include "smf_report.h"
#include "smf_report_format.h"

#define CALL_COLUMNS "%-8s %-8s %-8s %-7s %-5s %-5s %-39s"

static void summary(const struct psf_report *r, FILE *out)
{
	char first[24], last[24];

	fprintf(out, "portsaf smf report: %llu port access record%s from %u file%s",
		(unsigned long long)r->records, r->records == 1 ? "" : "s",
		r->nfiles, r->nfiles == 1 ? "" : "s");
	if (r->records) {
		psf_report_time_text(r->first, first);
		psf_report_time_text(r->last, last);
		fprintf(out, ", %s to %s, system%s", first, last,
			r->nsystems == 1 ? "" : "s");
		for (unsigned i = 0; i < r->nsystems; i++)
			fprintf(out, " %s", r->systems[i]);
	}
	fputc('\n', out);
	if (r->other_resources)
		fprintf(out, "%llu access record%s for other resources left out\n",
			(unsigned long long)r->other_resources,
			r->other_resources == 1 ? "" : "s");
}

static void call_columns(FILE *out, const struct psf_report_key *k)
{
	char port[8], addr[PSF_IPADDR_TEXT_MAX];

	psf_report_port_text(k, port);
	psf_report_addr_text(k, addr, sizeof addr);
	fprintf(out, CALL_COLUMNS, k->jobname, k->user, k->program[0] ? k->program : "-",
		psf_report_op_text(k), psf_report_proto_text(k), port, addr);
}

static void usage(const struct psf_report_row *rows, long n, FILE *out)
{
	char first[24], last[24];

	fputs("\nOBSERVED USAGE\n", out);
	fprintf(out, CALL_COLUMNS " %8s %8s %8s %-22s %s\n", "JOBNAME", "USER",
		"PROGRAM", "OP", "PROTO", "PORT", "ADDRESS", "COUNT", "WARNINGS",
		"FAILURES", "FIRST", "LAST");
	for (long i = 0; i < n; i++) {
		const struct psf_report_val *v = &rows[i].val;

		psf_report_time_text(v->first, first);
		psf_report_time_text(v->last, last);
		call_columns(out, rows[i].key);
		fprintf(out, " %8llu %8llu %8llu %-22s %s\n",
			(unsigned long long)v->count, (unsigned long long)v->warning,
			(unsigned long long)v->failure, first, last);
	}
	if (n == 0)
		fputs("  none\n", out);
}

/* The heading of one profile's group: its name and how many calls fail
 * when its WARNING goes. */
static void profile_heading(const struct psf_report *r,
			    const struct psf_report_row *rows, long i, long n,
			    FILE *out)
{
	const char *profile = r->strings.s[rows[i].key->profile];
	unsigned long long calls = 0;

	for (long j = i; j < n && rows[j].key->profile == rows[i].key->profile; j++)
		calls += rows[j].val.count;
	if (!profile[0]) {
		fprintf(out, "PROFILE (none in the records): %llu call%s\n", calls,
			calls == 1 ? "" : "s");
		return;
	}
	fprintf(out, "PROFILE %s%s: %llu call%s after RALTER SERVAUTH %s "
		"NOWARNING\n", profile, rows[i].key->generic ? " (G)" : "", calls,
		calls == 1 ? " fails" : "s fail", profile);
}

static void warnings(const struct psf_report *r,
		     const struct psf_report_row *rows, long n, FILE *out)
{
	char first[24], last[24];

	fputs("\nWARNINGS BY PROFILE (the calls that fail once RALTER ... "
	      "NOWARNING is issued)\n", out);
	for (long i = 0; i < n; i++) {
		const struct psf_report_row *row = &rows[i];

		if (i == 0 || row->key->profile != rows[i - 1].key->profile) {
			profile_heading(r, rows, i, n, out);
			fprintf(out, "  %-44s " CALL_COLUMNS " %8s %-22s %s\n",
				"RESOURCE", "JOBNAME", "USER", "PROGRAM", "OP",
				"PROTO", "PORT", "ADDRESS", "COUNT", "FIRST", "LAST");
		}
		psf_report_time_text(row->val.first, first);
		psf_report_time_text(row->val.last, last);
		fprintf(out, "  %-44s ", r->strings.s[row->key->resource]);
		call_columns(out, row->key);
		fprintf(out, " %8llu %-22s %s\n", (unsigned long long)row->val.count,
			first, last);
	}
	if (n == 0)
		fputs("  none\n", out);
}

static void policy(const struct psf_proposal *p, FILE *out)
{
	fputs("\nPROPOSED POLICY (lets exactly the observed calls run without "
	      "warnings)\n", out);
	psf_proposal_write_tcpip(p, out);
	fputc('\n', out);
	psf_proposal_write_racf(p, out);
}

int psf_report_write_text(const struct psf_report *r, FILE *out)
{
	static const struct psf_report_format text = {
		summary, usage, warnings, policy
	};

	return psf_report_write(r, out, &text);
}
