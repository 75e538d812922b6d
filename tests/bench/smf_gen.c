/*
 * smf_gen COUNT FILE [SYSNAME]: write COUNT SMF type 80 records like those
 * of a discovery run (interface.md "The discovery policy") of forty jobs:
 * explicit binds to each job's own ports (some contiguous), binds to port
 * 0, TCP connects and UDP sends to a few dozen destinations, mostly
 * warnings with some successes and failures.  Deterministic: the same
 * arguments give the same bytes.  Used by the smf_report benchmark and by
 * the smf integration tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit.h"
#include "ipaddr.h"

#define JOBS 40
#define BASE_TIME 174196261527LL        /* 2025-03-14 14:30:15.27 UTC */
#define JOB_START 174193200000LL

struct gen {
	unsigned long long state;
	char sysname[9];
	char resource[4][64];
	struct psf_identity ids[JOBS];
};

static unsigned next(struct gen *g)
{
	g->state = g->state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(g->state >> 33);
}

static void setup(struct gen *g, const char *sysname)
{
	static const char *const kinds[4] = {
		"EZB.PORTACCESS.%s.TCPIP.UNRSVTCP", "EZB.PORTACCESS.%s.TCPIP.UNRSVUDP",
		"EZB.NETACCESS.%s.TCPIP.WORLD", NULL
	};

	g->state = 42;
	snprintf(g->sysname, sizeof g->sysname, "%s", sysname);
	for (int k = 0; k < 3; k++)
		snprintf(g->resource[k], sizeof g->resource[k], kinds[k], sysname);
	for (int j = 0; j < JOBS; j++) {
		struct psf_identity *id = &g->ids[j];

		snprintf(id->jobname, sizeof id->jobname, "JOB%02d", j);
		snprintf(id->user, sizeof id->user, "USR%02d", j % 10);
		snprintf(id->group, sizeof id->group, "GRP%02d", j % 3);
		snprintf(id->program, sizeof id->program, "PGM%02d", j % 25);
		id->pid = 1000 + j;
		id->start_centis = JOB_START;
	}
}

/* One call of job j: what it did, and how RACF saw it. */
static void call(struct gen *g, unsigned j, struct psf_audit_in *in,
		 struct psf_saf_event *ev)
{
	unsigned kind = next(g) % 10, r = next(g);

	in->ephemeral = false;
	in->addr = (struct psf_ipaddr){ .family = 4 };
	ev->resource = g->resource[0];
	if (kind < 3) {                 /* a listener on one of its ports */
		in->op = PSF_OP_BIND;
		in->proto = PSF_TCP;
		in->port = (uint16_t)(2000 + j * 10 + r % (1 + j % 4));
	} else if (kind < 5) {          /* a port the stack assigns */
		in->op = PSF_OP_BIND;
		in->proto = r % 2 ? PSF_UDP : PSF_TCP;
		in->port = (uint16_t)(32768 + r % 28000);
		in->ephemeral = true;
		ev->resource = g->resource[in->proto];
	} else if (kind < 8) {          /* a client */
		in->op = PSF_OP_CONNECT;
		in->proto = PSF_TCP;
		in->port = r % 2 ? 443 : 5432;
		in->addr.b[0] = 10;
		in->addr.b[3] = (uint8_t)(1 + r % 50);
		ev->resource = g->resource[2];
	} else if (kind < 9) {          /* DNS */
		in->op = PSF_OP_SEND;
		in->proto = PSF_UDP;
		in->port = 53;
		in->addr.b[0] = 10;
		in->addr.b[3] = 53;
		ev->resource = g->resource[2];
	} else {                        /* a UDP service */
		in->op = PSF_OP_BIND;
		in->proto = PSF_UDP;
		in->port = (uint16_t)(3000 + j);
		ev->resource = g->resource[1];
	}
	ev->qualifier = r % 20 == 0 ? PSF_QUAL_SUCCESS :
			r % 20 == 1 ? PSF_QUAL_INSAUTH : PSF_QUAL_WARNING;
	ev->allowed = ev->qualifier == PSF_QUAL_SUCCESS ? PSF_ACC_READ : PSF_ACC_NONE;
}

int main(int argc, char **argv)
{
	static struct gen g;
	unsigned long count;
	FILE *out;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: smf_gen COUNT FILE [SYSNAME]\n");
		return 2;
	}
	count = strtoul(argv[1], NULL, 10);
	setup(&g, argc == 4 ? argv[3] : "SYS1");
	out = fopen(argv[2], "we");
	if (!out) {
		perror(argv[2]);
		return 1;
	}
	for (unsigned long i = 0; i < count; i++) {
		struct psf_saf_event ev = {
			.cls = "SERVAUTH", .profile = "EZB.PORTACCESS.**",
			.generic = true, .intent = PSF_ACC_READ,
			.reasons = PSF_REA_AUDIT, .smf = true,
		};
		unsigned j = next(&g) % JOBS;
		struct psf_audit_in in = {
			.id = &g.ids[j], .ev = &ev, .smfid = g.sysname,
			.time_centis = BASE_TIME + (int64_t)i, .utc_offset = 0,
		};
		uint8_t rec[PSF_SMF80_MAX];
		size_t n;

		call(&g, j, &in, &ev);
		if (ev.resource == g.resource[2])
			ev.profile = "EZB.NETACCESS.**";
		n = psf_smf80_build(rec, sizeof rec, &in);
		if (!n || fwrite(rec, 1, n, out) != n) {
			perror(argv[2]);
			return 1;
		}
	}
	if (fclose(out) != 0) {
		perror(argv[2]);
		return 1;
	}
	return 0;
}
