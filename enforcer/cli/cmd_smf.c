/*
 * portsaf smf print  [--format text|json] FILE...
 * portsaf smf report [--format text|json] [--policy-dir DIR] FILE...
 *
 * (interface.md "The command").  FILE "-" is standard input.  Exit status:
 * 0 when every record was read; 1 when a damaged record was reported (the
 * rest is still printed or reported); 125 for a usage error, a file that
 * cannot be opened, or a failure to write the output or the policy files.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "smf_print.h"
#include "smf_read.h"
#include "smf_report.h"

#define EXIT_DAMAGED 1

static const char smf_usage[] =
"usage: portsaf smf print  [--format text|json] FILE...\n"
"       portsaf smf report [--format text|json] [--policy-dir DIR] FILE...\n"
"\n"
"  print   decode SMF type 80 records: an IRRADU00-style unload, one line\n"
"          per record (text), or one JSON object per record (json)\n"
"  report  usage per job, user and program; warnings by profile; the\n"
"          PORT/PORTRANGE statements and RACF commands that let the\n"
"          observed calls run without warnings.  Several files are merged\n"
"          by time.  --policy-dir DIR also writes DIR/portsaf.conf,\n"
"          DIR/tcpip.profile and DIR/servauth.racf.\n"
"\n"
"FILE - is standard input.  Exit 0; 1 when damaged records were reported\n"
"(the rest is still read); 125 for a usage error or an unreadable file.\n";

struct smf_opts {
	bool json;
	const char *policy_dir;
	char **files;
	unsigned nfiles;
};

static int usage_error(const char *fmt, const char *arg)
{
	fputs("portsaf smf: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n", stderr);
	fputs(smf_usage, stderr);
	return PSF_EXIT_USAGE;
}

/* argv[0] is "print" or "report".  Returns -1 to go on, else an exit. */
static int parse_opts(int argc, char **argv, bool report, struct smf_opts *o)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "policy-dir", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		if (c == ':') {
			return usage_error("option '%s' needs an argument",
					   argv[optind - 1]);
		} else if (c == 'h') {
			fputs(smf_usage, stdout);
			return 0;
		} else if (c == 'f' && !strcmp(optarg, "json")) {
			o->json = true;
		} else if (c == 'f' && !strcmp(optarg, "text")) {
			o->json = false;
		} else if (c == 'f') {
			return usage_error("unknown format '%s' (text or json)", optarg);
		} else if (c == 'p' && report) {
			o->policy_dir = optarg;
		} else if (c == 'p') {
			return usage_error("unknown option '%s'", "--policy-dir");
		} else {
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return usage_error("%s: no SMF file named", argv[0]);
	o->files = argv + optind;
	o->nfiles = (unsigned)(argc - optind);
	return -1;
}

static int open_error(const char *file, int rc)
{
	fprintf(stderr, "portsaf smf: %s: %s\n", file, strerror(-rc));
	return PSF_EXIT_USAGE;
}

static int output_error(int rc)
{
	fprintf(stderr, "portsaf smf: writing the output: %s\n", strerror(-rc));
	return PSF_EXIT_USAGE;
}

static int print_files(const struct smf_opts *o)
{
	struct psf_smf_reader *readers = calloc(o->nfiles, sizeof *readers);
	struct psf_smf80_rec *rec = malloc(sizeof *rec);
	uint64_t damaged = 0;
	unsigned opened = 0;
	int rc = 0;

	if (!readers || !rec)
		rc = -ENOMEM;
	while (!rc && opened < o->nfiles) {
		rc = psf_smf_reader_open(&readers[opened], o->files[opened], stderr);
		if (rc < 0)
			rc = open_error(o->files[opened], rc);
		else
			opened++;
	}
	for (unsigned i = 0; !rc && i < o->nfiles; i++) {
		while (psf_smf_reader_next(&readers[i], rec)) {
			if (o->json)
				psf_smf_print_json(stdout, rec);
			else
				psf_smf_print_text(stdout, rec);
		}
		psf_smf_reader_summary(&readers[i]);
		damaged += readers[i].st.damaged;
	}
	for (unsigned i = 0; i < opened; i++)
		psf_smf_reader_close(&readers[i]);
	free(readers);
	free(rec);
	if (rc == -ENOMEM)
		return output_error(rc);
	if (rc)
		return rc;
	if (fflush(stdout) != 0 || ferror(stdout))
		return output_error(-EIO);
	return damaged ? EXIT_DAMAGED : 0;
}

static int aggregate(struct psf_smf_merge *m, struct psf_report *r,
		     struct psf_smf_stats *st)
{
	const struct psf_smf80_rec *rec;

	while ((rec = psf_smf_merge_next(m)))
		if (psf_report_add(r, rec) < 0)
			return -ENOMEM;
	psf_smf_merge_summary(m);
	psf_smf_merge_stats(m, st);
	psf_report_set_input(r, m->n, st);
	return 0;
}

static int report_files(const struct smf_opts *o)
{
	struct psf_report *r = psf_report_new();
	struct psf_smf_merge m;
	struct psf_smf_stats st;
	unsigned failed;
	int rc;

	if (!r)
		return output_error(-ENOMEM);
	/* Before reading: a policy directory that cannot be made fails
	 * early, not after a million records. */
	if (o->policy_dir && mkdir(o->policy_dir, 0755) < 0 && errno != EEXIST) {
		psf_report_free(r);
		return open_error(o->policy_dir, -errno);
	}
	rc = psf_smf_merge_open(&m, o->files, o->nfiles, stderr, &failed);
	if (rc < 0) {
		psf_report_free(r);
		return open_error(o->files[failed], rc);
	}
	rc = aggregate(&m, r, &st);
	psf_smf_merge_close(&m);
	if (!rc)
		rc = o->json ? psf_report_write_json(r, stdout) :
			       psf_report_write_text(r, stdout);
	if (!rc && fflush(stdout) != 0)
		rc = -EIO;
	if (rc) {
		psf_report_free(r);
		return output_error(rc);
	}
	if (o->policy_dir && psf_report_write_policy_dir(r, o->policy_dir, stderr) < 0)
		rc = PSF_EXIT_USAGE;
	else if (st.damaged)
		rc = EXIT_DAMAGED;
	psf_report_free(r);
	return rc;
}

int psf_cmd_smf(int argc, char **argv)
{
	struct smf_opts o = { 0 };
	bool report;
	int rc;

	if (argc < 2)
		return usage_error("%s", "print or report?");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(smf_usage, stdout);
		return 0;
	}
	if (strcmp(argv[1], "print") && strcmp(argv[1], "report"))
		return usage_error("unknown subcommand '%s' (print or report)", argv[1]);
	report = !strcmp(argv[1], "report");
	rc = parse_opts(argc - 1, argv + 1, report, &o);
	if (rc >= 0)
		return rc;
	return report ? report_files(&o) : print_files(&o);
}
