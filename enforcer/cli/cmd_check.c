/* portsaf check: load, report every error and warning, then the validation
 * report (spec 10).  Exit 2 on any error, else 1 on any warning or
 * finding, else 0 (interface.md). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "cli_policy.h"
#include "ipaddr.h"
#include "json_out.h"
#include "lint.h"

static const char check_usage[] =
"usage: portsaf check [-c FILE] [--format text|json]\n"
"Load the configuration, the TCPIP PROFILE and the RACF commands; report\n"
"every error and warning as FILE:LINE: error|warning: text, then the\n"
"validation report.  Exit 2 on errors, 1 on warnings or findings, else 0.\n";

static void options_text(const struct psf_port_entry *e, char *buf, size_t n)
{
	static const struct { unsigned bit; const char *name; } opts[] = {
		{ PSF_OPT_NOAUTOLOG, "NOAUTOLOG" },
		{ PSF_OPT_DELAYACKS, "DELAYACKS" },
		{ PSF_OPT_NODELAYACKS, "NODELAYACKS" },
		{ PSF_OPT_SHAREPORT, "SHAREPORT" },
		{ PSF_OPT_SHAREPORTWLM, "SHAREPORTWLM" },
		{ PSF_OPT_SMC, "SMC" },
		{ PSF_OPT_NOSMC, "NOSMC" },
	};
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
		if (e->opts & opts[i].bit)
			len += (size_t)snprintf(buf + len, n - len, "%s%s",
						len ? " " : "", opts[i].name);
	if (e->has_bind && len < n) {
		char a[64];

		psf_ipaddr_format(&e->bind, a, sizeof a);
		snprintf(buf + len, n - len, "%sBIND %s", len ? " " : "", a);
	}
}

static void diag_json(const struct psf_diag *g)
{
	struct psf_json j;

	psf_json_begin(&j, stdout);
	psf_json_str(&j, "type", "diagnostic");
	psf_json_str(&j, "severity", g->sev == PSF_SEV_ERROR ? "error" : "warning");
	psf_json_str(&j, "file", g->file);
	if (g->line > 0)
		psf_json_int(&j, "line", g->line);
	psf_json_str(&j, "message", g->text);
	psf_json_end(&j);
}

static void finding_json(const struct psf_policy *p, const struct psf_finding *x)
{
	const struct psf_port_entry *e = x->entry;
	struct psf_json j;
	char opts[160];

	psf_json_begin(&j, stdout);
	psf_json_str(&j, "type", psf_finding_is_note(x->kind) ? "note" : "finding");
	psf_json_str(&j, "kind", psf_finding_name(x->kind));
	psf_json_str(&j, "file", x->file);
	if (x->line > 0)
		psf_json_int(&j, "line", x->line);
	psf_json_str(&j, "message", x->text);
	if (e) {
		options_text(e, opts, sizeof opts);
		psf_json_str(&j, "system", psf_policy_config(p)->sysname);
		psf_json_int(&j, "first", e->first);
		psf_json_int(&j, "end", e->first + e->count - 1);
		psf_json_str(&j, "protocol", psf_proto_name(e->proto));
		psf_json_int(&j, "count", e->count);
		psf_json_str(&j, "jobname", e->job);
		if (e->saf[0])
			psf_json_str(&j, "resname", e->saf);
		if (opts[0])
			psf_json_str(&j, "options", opts);
	}
	psf_json_end(&j);
}

/* The seed's CKNSERVE report. */
static void nosaf_table(const struct psf_policy *p,
			const struct psf_findings *f)
{
	bool any = false;

	puts("Ports reserved without SAF (job names can be spoofed), by system,"
	     " end port, protocol:");
	for (size_t i = 0; i < f->n; i++) {
		const struct psf_port_entry *e = f->v[i].entry;
		char opts[160];

		if (f->v[i].kind != PSF_FIND_NOSAF)
			continue;
		if (!any)
			puts("  SYSTEM   FIRST   END PROTO COUNT JOBNAME  RESOURCE "
			     "OPTIONS");
		any = true;
		options_text(e, opts, sizeof opts);
		printf("  %-8s %5u %5u %-5s %5u %-8s %s", psf_policy_config(p)->sysname,
		       e->first, e->first + e->count - 1, psf_proto_name(e->proto),
		       e->count, e->job, "-");
		if (opts[0])
			printf("        %s", opts);
		putchar('\n');
	}
	if (!any)
		puts("  (none)");
}

static void findings_text(const struct psf_findings *f, bool notes)
{
	bool any = false;

	for (size_t i = 0; i < f->n; i++) {
		const struct psf_finding *x = &f->v[i];

		if (x->kind == PSF_FIND_NOSAF || psf_finding_is_note(x->kind) != notes)
			continue;
		printf("%s:%d: %s: %s\n", x->file, x->line,
		       notes ? "note" : "finding", x->text);
		any = true;
	}
	if (!any)
		puts("  (none)");
}

static int report(const struct psf_policy *p, const char *shown, bool json,
		  size_t *nfind)
{
	struct psf_findings f = { 0 };
	const struct psf_config *c = psf_policy_config(p);

	psf_lint(p, &f);
	*nfind = 0;
	for (size_t i = 0; i < f.n; i++)
		*nfind += !psf_finding_is_note(f.v[i].kind);
	if (json) {
		for (size_t i = 0; i < f.n; i++)
			finding_json(p, &f.v[i]);
	} else {
		printf("Validation report: %s (sysname %s, tcpname %s)\n\n",
		       shown, c->sysname, c->tcpname);
		nosaf_table(p, &f);
		puts("\nFindings:");
		findings_text(&f, false);
		puts("\nNotes:");
		findings_text(&f, true);
	}
	psf_findings_free(&f);
	return 0;
}

int psf_cmd_check(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ 0, 0, 0, 0 }
	};
	struct psf_load_opts o = { .check = true };
	struct psf_diags d = { 0 };
	struct psf_policy *p = NULL;
	const char *cfg = NULL;
	char *shown = NULL;
	bool json = false;
	size_t nerr, nwarn, nfind = 0;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "c:h", lo, NULL)) != -1) {
		switch (c) {
		case 'c': cfg = optarg; break;
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "json")) {
				fprintf(stderr, "portsaf check: --format must be "
					"text or json, not '%s'\n", optarg);
				return PSF_EXIT_USAGE;
			}
			json = !strcmp(optarg, "json");
			break;
		case 'h': fputs(check_usage, stdout); return 0;
		default: fputs(check_usage, stderr); return PSF_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "portsaf check: unexpected argument '%s'\n%s",
			argv[optind], check_usage);
		return PSF_EXIT_USAGE;
	}
	if (psf_cli_load(cfg, &o, &p, &d, &shown)) {
		/* Conditions z/OS tolerates are errors here, but the policy
		 * still runs without the ignored entries: report on that. */
		struct psf_load_opts as_run = { .check = false };
		struct psf_diags scratch = { 0 };

		free(shown);
		psf_cli_load(cfg, &as_run, &p, &scratch, &shown);
		psf_diags_free(&scratch);
	}
	if (json)
		for (size_t i = 0; i < d.n; i++)
			diag_json(&d.v[i]);
	else {
		fflush(stdout);
		psf_diags_print(&d, STDOUT_FILENO);
	}
	if (p) {
		if (!json && d.n)
			putchar('\n');
		report(p, shown, json, &nfind);
	}
	nerr = psf_diags_count(&d, PSF_SEV_ERROR);
	nwarn = psf_diags_count(&d, PSF_SEV_WARNING);
	if (json) {
		struct psf_json j;

		psf_json_begin(&j, stdout);
		psf_json_str(&j, "type", "summary");
		psf_json_int(&j, "errors", (long long)nerr);
		psf_json_int(&j, "warnings", (long long)nwarn);
		psf_json_int(&j, "findings", (long long)nfind);
		psf_json_end(&j);
	} else {
		printf("\nportsaf check: %zu error%s, %zu warning%s, %zu finding%s\n",
		       nerr, nerr == 1 ? "" : "s", nwarn, nwarn == 1 ? "" : "s",
		       nfind, nfind == 1 ? "" : "s");
	}
	psf_policy_free(p);
	psf_diags_free(&d);
	free(shown);
	return nerr ? 2 : (nwarn || nfind) ? 1 : 0;
}
