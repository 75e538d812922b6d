/* portsaf explain: the identity used, then one request decided step by
 * step, the result, and the messages and SMF record the call would
 * produce (written nowhere).  Exit 0 for allow, 1 for deny. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "audit.h"
#include "cli.h"
#include "cli_identity.h"
#include "cli_policy.h"
#include "ipaddr.h"
#include "runtime.h"

static const char explain_usage[] =
"usage: portsaf explain [-c FILE] [--job NAME] [--user ID] [--group GRP]\n"
"                       [--program PGM] [--no-warning]\n"
"                       bind|listen|connect|send tcp|udp PORT [ADDR]\n"
"Show how one request would be decided.  ADDR defaults to 0.0.0.0 for\n"
"bind and listen, 127.0.0.1 for connect and send; a listen on PORT 0\n"
"stands for a socket whose port the stack assigned.\n"
"Exit 0 when allowed (with or without warning), 1 when denied.\n";

struct explain_args {
	const char *cfg;
	struct psf_cli_identity names;
	struct psf_load_opts o;
	struct psf_request r;
};

static int parse_op(const char *s, enum psf_op *op)
{
	static const char *const ops[] = { "bind", "listen", "connect", "send" };

	for (int i = 0; i < 4; i++)
		if (!strcasecmp(s, ops[i])) {
			*op = (enum psf_op)i;
			return 0;
		}
	fprintf(stderr, "portsaf explain: '%s' is not bind, listen, connect "
		"or send\n", s);
	return -1;
}

static int parse_request(int argc, char **argv, struct psf_request *r)
{
	char *end;
	long port;
	const char *addr;

	if (argc < 3 || argc > 4) {
		fputs(explain_usage, stderr);
		return -1;
	}
	if (parse_op(argv[0], &r->op))
		return -1;
	if (strcasecmp(argv[1], "tcp") && strcasecmp(argv[1], "udp")) {
		fprintf(stderr, "portsaf explain: '%s' is not tcp or udp\n",
			argv[1]);
		return -1;
	}
	r->proto = strcasecmp(argv[1], "udp") ? PSF_TCP : PSF_UDP;
	port = strtol(argv[2], &end, 10);
	if (!argv[2][0] || *end || port < 0 || port > 65535) {
		fprintf(stderr, "portsaf explain: port '%s' is not 0-65535\n",
			argv[2]);
		return -1;
	}
	r->port = (uint16_t)port;
	r->stack_assigned = r->op == PSF_OP_LISTEN && port == 0;
	addr = argc == 4 ? argv[3] :
	       r->op <= PSF_OP_LISTEN ? "0.0.0.0" : "127.0.0.1";
	if (psf_ipaddr_parse(addr, &r->addr)) {
		fprintf(stderr, "portsaf explain: '%s' is not an IP address\n",
			addr);
		return -1;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct explain_args *a)
{
	static const struct option lo[] = {
		{ "config", required_argument, NULL, 'c' },
		PSF_CLI_IDENTITY_OPTIONS,
		{ "no-warning", no_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ 0, 0, 0, 0 }
	};
	int c;

	optind = 1;
	/* "+": the request words follow the options */
	while ((c = getopt_long(argc, argv, "+c:h", lo, NULL)) != -1) {
		if (psf_cli_identity_option(&a->names, c, optarg))
			continue;
		switch (c) {
		case 'c': a->cfg = optarg; break;
		case 'W': a->o.no_warning = true; break;
		case 'h': fputs(explain_usage, stdout); return 1;
		default: fputs(explain_usage, stderr); return -1;
		}
	}
	return parse_request(argc - optind, argv + optind, &a->r);
}

/* Spec 7: the options are what `run` would put in the environment, so
 * they are resolved exactly as a process under `run` would be. */
static void identity(const struct psf_policy *p, const struct explain_args *a,
		     struct psf_identity *id)
{
	/* Should setenv fail, the names not set are resolved as if not
	 * given, as they would be under run. */
	(void)psf_cli_identity_export(&a->names);
	psf_identity_resolve(id, p, 0, NULL, 0);
}

static const char *verdict_text(const struct psf_decision *d)
{
	if (d->verdict == PSF_ALLOW)
		return "ALLOW";
	if (d->verdict == PSF_ALLOW_WARNING)
		return "ALLOW WARNING";
	return d->err == EADDRINUSE ? "DENY EADDRINUSE" : "DENY EACCES";
}

static void hexdump(const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i += 16) {
		printf("  %04zX ", i);
		for (size_t k = i; k < i + 16 && k < n; k++)
			printf("%02X%s", b[k], (k % 4 == 3) ? " " : "");
		putchar('\n');
	}
}

static void show_events(const struct psf_policy *p, const struct psf_identity *id,
			const struct psf_request *r, const struct psf_decision *d)
{
	bool any = false;

	for (unsigned i = 0; i < d->nevents; i++) {
		const struct psf_saf_event *ev = &d->events[i];
		struct psf_audit_in in = {
			.id = id, .ev = ev, .smfid = psf_policy_config(p)->smfid,
			.time_centis = (int64_t)time(NULL) * 100,
			.op = r->op, .proto = r->proto, .port = r->port,
			.addr = r->addr, .ephemeral = r->port == 0,
		};
		char msg[PSF_MSG_MAX];
		uint8_t rec[PSF_SMF80_MAX];
		size_t n;
		struct tm tm;
		time_t now = time(NULL);

		localtime_r(&now, &tm);
		in.utc_offset = (int32_t)tm.tm_gmtoff;
		if (ev->ich408i && (n = psf_ich408i_format(msg, sizeof msg, &in))) {
			fputs("message:\n", stdout);
			fwrite(msg, 1, n, stdout);
			any = true;
		}
		if (ev->ich432i && (n = psf_ich432i_format(msg, sizeof msg, &in))) {
			fputs("message:\n", stdout);
			fwrite(msg, 1, n, stdout);
			any = true;
		}
		if (ev->smf && (n = psf_logstr_format(msg, sizeof msg, &in)))
			printf("log string: %.*s\n", (int)n, msg);
		if (ev->smf && (n = psf_smf80_build(rec, sizeof rec, &in))) {
			printf("SMF type 80 record (%zu bytes, qualifier %d):\n",
			       n, ev->qualifier);
			hexdump(rec, n);
			any = true;
		}
	}
	if (!any)
		puts("nothing is written: no message, no SMF record");
}

int psf_cmd_explain(int argc, char **argv)
{
	struct explain_args a = { 0 };
	struct psf_diags d = { 0 };
	struct psf_policy *p = NULL;
	struct psf_identity id;
	struct psf_subject s;
	struct psf_decision dec;
	char buf[8192] = "", *shown = NULL, addr[PSF_IPADDR_TEXT_MAX];
	struct psf_explain ex = { buf, sizeof buf, 0 };
	int rc = parse_args(argc, argv, &a);

	if (rc)
		return rc > 0 ? 0 : PSF_EXIT_USAGE;
	a.o.no_warning = a.o.no_warning || getenv("PORTSAF_NO_WARNING");
	rc = psf_cli_load(a.cfg, &a.o, &p, &d, &shown);
	psf_diags_print(&d, STDERR_FILENO);
	if (rc) {
		psf_diags_free(&d);
		free(shown);
		return PSF_EXIT_USAGE;
	}
	identity(p, &a, &id);
	psf_subject_init(&s, p, &id);
	psf_decide(p, &s, &a.r, &dec, &ex);
	psf_ipaddr_format(&a.r.addr, addr, sizeof addr);
	printf("policy: %s\n", shown);
	printf("identity: job %s user %s group %s program %s%s%s%s\n",
	       id.jobname, id.user, id.group, id.program,
	       id.superuser ? " superuser" : "", id.apf ? " apf" : "",
	       id.ftp_server ? " ftp-server" : "");
	printf("request: %s %s port %u address %s\n", psf_op_name(a.r.op),
	       psf_proto_name(a.r.proto), a.r.port, addr);
	fputs(buf, stdout);
	printf("result: %s\n", verdict_text(&dec));
	show_events(p, &id, &a.r, &dec);
	psf_policy_free(p);
	psf_diags_free(&d);
	free(shown);
	return dec.verdict == PSF_DENY ? 1 : 0;
}
