/*
 * `portsaf smf report` (issue 4 item 5) on generated records: the three
 * sections as text and JSON, the proposed policy's rules (smf_policy.h),
 * and the loop the "done when" asks for: the policy proposed from
 * a discovery run's records, loaded by the engine, lets every observed
 * call through with no warning and no denial.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "audit.h"
#include "ipaddr.h"
#include "smf_policy.h"
#include "smf_read.h"
#include "smf_report.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define T0 174196261527LL               /* 2025-03-14 14:30:15.27 UTC */

/* One call of a discovery run (interface.md "The discovery policy"). */
struct call {
	const char *job, *user, *program;
	enum psf_op op;
	enum psf_proto proto;
	uint16_t port;                  /* the port in the log string */
	const char *addr;
	bool ephemeral;
	enum psf_qualifier qual;
	int64_t dt;                     /* hundredths after T0 */
	const char *sys;                /* sysname in the resource; NULL SYS1 */
};

static const struct call discovery[] = {
	{ "WEBSRV", "WEBUSR", "HTTPD", PSF_OP_BIND, PSF_TCP, 8080, "0.0.0.0", false, PSF_QUAL_WARNING, 0, NULL },
	{ "WEBSRV", "WEBUSR", "HTTPD", PSF_OP_BIND, PSF_TCP, 8081, "0.0.0.0", false, PSF_QUAL_WARNING, 10, NULL },
	{ "WEBSRV", "WEBUSR", "HTTPD", PSF_OP_BIND, PSF_TCP, 8082, "0.0.0.0", false, PSF_QUAL_WARNING, 20, NULL },
	{ "WEBSRV", "WEBUSR", "HTTPD", PSF_OP_BIND, PSF_TCP, 8080, "0.0.0.0", false, PSF_QUAL_WARNING, 500, NULL },
	{ "WEBSRV", "WEBUSR", "HTTPD", PSF_OP_BIND, PSF_UDP, 41000, "0.0.0.0", true, PSF_QUAL_WARNING, 30, NULL },
	{ "WEBSRV", "WEBUSR", "HTTPD", PSF_OP_BIND, PSF_UDP, 52000, "0.0.0.0", true, PSF_QUAL_WARNING, 40, NULL },
	{ "WEBSRV", "WEBUSR", "HTTPD", PSF_OP_CONNECT, PSF_TCP, 443, "10.1.2.3", false, PSF_QUAL_WARNING, 50, NULL },
	{ "WEBSRV", "WEBUSR", "HTTPD", PSF_OP_BIND, PSF_TCP, 9000, "::", false, PSF_QUAL_WARNING, 60, NULL },
	{ "BATCH", "BATUSR", "SORT", PSF_OP_BIND, PSF_TCP, 9000, "::", false, PSF_QUAL_WARNING, 70, NULL },
	{ "BATCH", "BATUSR", "SORT", PSF_OP_SEND, PSF_UDP, 53, "2001:db8::53", false, PSF_QUAL_WARNING, 80, NULL },
	{ "DBSRV", "DBUSR", "", PSF_OP_BIND, PSF_TCP, 5432, "0.0.0.0", false, PSF_QUAL_WARNING, 90, NULL },
	{ "DBSRV", "DBUSR", "", PSF_OP_BIND, PSF_TCP, 5433, "127.0.0.1", false, PSF_QUAL_SUCCESS, 95, NULL },
	{ "7ZIP", "ZIPUSR", "7ZIP", PSF_OP_BIND, PSF_TCP, 7000, "0.0.0.0", false, PSF_QUAL_INSAUTH, 99, NULL },
};

/* What the discovery policy checks for c (interface.md). */
static const char *resource_for(const struct call *c)
{
	static char res[64];
	const char *sys = c->sys ? c->sys : "SYS1";

	if (c->op == PSF_OP_CONNECT || c->op == PSF_OP_SEND)
		snprintf(res, sizeof res, "EZB.NETACCESS.%s.TCPIP.WORLD", sys);
	else
		snprintf(res, sizeof res, "EZB.PORTACCESS.%s.TCPIP.UNRSV%s", sys,
			 psf_proto_name(c->proto));
	return res;
}

static void identity(struct psf_identity *id, const struct call *c)
{
	memset(id, 0, sizeof *id);
	strcpy(id->jobname, c->job);
	strcpy(id->user, c->user);
	strcpy(id->group, "SYS1");
	strcpy(id->program, c->program);
	id->pid = 4711;
}

static struct psf_ipaddr ip(const char *s)
{
	struct psf_ipaddr a;

	assert_int_equal(psf_ipaddr_parse(s, &a), 0);
	return a;
}

/* The record portsaf writes for c, decoded as the reader would. */
static void record_of(const struct call *c, struct psf_smf80_rec *rec)
{
	struct psf_identity id;
	const char *res = resource_for(c);
	struct psf_saf_event ev = {
		.cls = "SERVAUTH", .resource = res,
		.profile = strstr(res, "NETACCESS") ? "EZB.NETACCESS.**"
						   : "EZB.PORTACCESS.**",
		.generic = true, .qualifier = c->qual, .intent = PSF_ACC_READ,
		.allowed = c->qual == PSF_QUAL_SUCCESS ? PSF_ACC_READ : PSF_ACC_NONE,
		.reasons = PSF_REA_AUDIT, .smf = true,
	};
	struct psf_audit_in in = {
		.id = &id, .ev = &ev, .smfid = "SYS1", .time_centis = T0 + c->dt,
		.op = c->op, .proto = c->proto, .port = c->port,
		.addr = ip(c->addr), .ephemeral = c->ephemeral,
	};
	uint8_t buf[PSF_SMF80_MAX];
	size_t n;
	char why[200];

	identity(&id, c);
	n = psf_smf80_build(buf, sizeof buf, &in);
	assert_true(n > 0);
	assert_int_equal(psf_smf80_decode(buf, n, rec, why, sizeof why), 0);
}

static struct psf_report *report_of(const struct call *calls, size_t n)
{
	struct psf_report *r = psf_report_new();
	struct psf_smf80_rec *rec = malloc(sizeof *rec);
	struct psf_smf_stats st = { .records = n };

	assert_non_null(r);
	for (size_t i = 0; i < n; i++) {
		record_of(&calls[i], rec);
		assert_int_equal(psf_report_add(r, rec), 0);
	}
	psf_report_set_input(r, 1, &st);
	free(rec);
	return r;
}

static char *capture(int (*write)(const struct psf_report *, FILE *),
		     const struct psf_report *r)
{
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	assert_int_equal(write(r, f), 0);
	fclose(f);
	return text;
}

/* ---- the report as text and JSON --------------------------------------- */

static const char discovery_text[] =
	"portsaf smf report: 13 port access records from 1 file, 2025-03-14T14:30:15.27 to 2025-03-14T14:30:20.27, system SYS1\n"
	"\n"
	"OBSERVED USAGE\n"
	"JOBNAME  USER     PROGRAM  OP      PROTO PORT  ADDRESS                                    COUNT WARNINGS FAILURES FIRST                  LAST\n"
	"7ZIP     ZIPUSR   7ZIP     BIND    TCP   7000  0.0.0.0                                        1        0        1 2025-03-14T14:30:16.26 2025-03-14T14:30:16.26\n"
	"BATCH    BATUSR   SORT     BIND    TCP   9000  ::                                             1        1        0 2025-03-14T14:30:15.97 2025-03-14T14:30:15.97\n"
	"BATCH    BATUSR   SORT     SEND    UDP   53    2001:db8::53                                   1        1        0 2025-03-14T14:30:16.07 2025-03-14T14:30:16.07\n"
	"DBSRV    DBUSR    -        BIND    TCP   5432  0.0.0.0                                        1        1        0 2025-03-14T14:30:16.17 2025-03-14T14:30:16.17\n"
	"DBSRV    DBUSR    -        BIND    TCP   5433  127.0.0.1                                      1        0        0 2025-03-14T14:30:16.22 2025-03-14T14:30:16.22\n"
	"WEBSRV   WEBUSR   HTTPD    BIND    TCP   8080  0.0.0.0                                        2        2        0 2025-03-14T14:30:15.27 2025-03-14T14:30:20.27\n"
	"WEBSRV   WEBUSR   HTTPD    BIND    TCP   8081  0.0.0.0                                        1        1        0 2025-03-14T14:30:15.37 2025-03-14T14:30:15.37\n"
	"WEBSRV   WEBUSR   HTTPD    BIND    TCP   8082  0.0.0.0                                        1        1        0 2025-03-14T14:30:15.47 2025-03-14T14:30:15.47\n"
	"WEBSRV   WEBUSR   HTTPD    BIND    TCP   9000  ::                                             1        1        0 2025-03-14T14:30:15.87 2025-03-14T14:30:15.87\n"
	"WEBSRV   WEBUSR   HTTPD    BIND    UDP   EPH   0.0.0.0                                        2        2        0 2025-03-14T14:30:15.57 2025-03-14T14:30:15.67\n"
	"WEBSRV   WEBUSR   HTTPD    CONNECT TCP   443   10.1.2.3                                       1        1        0 2025-03-14T14:30:15.77 2025-03-14T14:30:15.77\n"
	"\n"
	"WARNINGS BY PROFILE (the calls that fail once RALTER ... NOWARNING is issued)\n"
	"PROFILE EZB.NETACCESS.** (G): 2 calls fail after RALTER SERVAUTH EZB.NETACCESS.** NOWARNING\n"
	"  RESOURCE                                     JOBNAME  USER     PROGRAM  OP      PROTO PORT  ADDRESS                                    COUNT FIRST                  LAST\n"
	"  EZB.NETACCESS.SYS1.TCPIP.WORLD               BATCH    BATUSR   SORT     SEND    UDP   53    2001:db8::53                                   1 2025-03-14T14:30:16.07 2025-03-14T14:30:16.07\n"
	"  EZB.NETACCESS.SYS1.TCPIP.WORLD               WEBSRV   WEBUSR   HTTPD    CONNECT TCP   443   10.1.2.3                                       1 2025-03-14T14:30:15.77 2025-03-14T14:30:15.77\n"
	"PROFILE EZB.PORTACCESS.** (G): 9 calls fail after RALTER SERVAUTH EZB.PORTACCESS.** NOWARNING\n"
	"  RESOURCE                                     JOBNAME  USER     PROGRAM  OP      PROTO PORT  ADDRESS                                    COUNT FIRST                  LAST\n"
	"  EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP           BATCH    BATUSR   SORT     BIND    TCP   9000  ::                                             1 2025-03-14T14:30:15.97 2025-03-14T14:30:15.97\n"
	"  EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP           DBSRV    DBUSR    -        BIND    TCP   5432  0.0.0.0                                        1 2025-03-14T14:30:16.17 2025-03-14T14:30:16.17\n"
	"  EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP           WEBSRV   WEBUSR   HTTPD    BIND    TCP   8080  0.0.0.0                                        2 2025-03-14T14:30:15.27 2025-03-14T14:30:20.27\n"
	"  EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP           WEBSRV   WEBUSR   HTTPD    BIND    TCP   8081  0.0.0.0                                        1 2025-03-14T14:30:15.37 2025-03-14T14:30:15.37\n"
	"  EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP           WEBSRV   WEBUSR   HTTPD    BIND    TCP   8082  0.0.0.0                                        1 2025-03-14T14:30:15.47 2025-03-14T14:30:15.47\n"
	"  EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP           WEBSRV   WEBUSR   HTTPD    BIND    TCP   9000  ::                                             1 2025-03-14T14:30:15.87 2025-03-14T14:30:15.87\n"
	"  EZB.PORTACCESS.SYS1.TCPIP.UNRSVUDP           WEBSRV   WEBUSR   HTTPD    BIND    UDP   EPH   0.0.0.0                                        2 2025-03-14T14:30:15.57 2025-03-14T14:30:15.67\n"
	"\n"
	"PROPOSED POLICY (lets exactly the observed calls run without warnings)\n"
	"; TCPIP PROFILE statements proposed by portsaf smf report\n"
	"PORT 7000 TCP ?ZIP SAF #7ZIP\n"
	"PORT 9000 TCP BATCH SAF BATCH\n"
	"PORTRANGE 5432 2 TCP DBSRV SAF DBSRV\n"
	"PORTRANGE 8080 3 TCP WEBSRV SAF WEBSRV\n"
	"PORT 9000 TCP WEBSRV SAF WEBSRV\n"
	"PORT UNRSV TCP * SAF UNRSVTCP\n"
	"PORT UNRSV UDP * SAF UNRSVUDP\n"
	"NETACCESS\n"
	"   DEFAULT 0 WORLD\n"
	"ENDNETACCESS\n"
	"\n"
	"/* RACF commands proposed by portsaf smf report */\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.#7ZIP UACC(NONE) AUDIT(FAILURES(READ))\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.BATCH UACC(NONE) AUDIT(FAILURES(READ))\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.DBSRV UACC(NONE) AUDIT(FAILURES(READ))\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.WEBSRV UACC(NONE) AUDIT(FAILURES(READ))\n"
	"RDEFINE SERVAUTH EZB.NETACCESS.SYS1.TCPIP.WORLD UACC(NONE) AUDIT(FAILURES(READ))\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP UACC(NONE) AUDIT(FAILURES(READ))\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVUDP UACC(NONE) AUDIT(FAILURES(READ))\n"
	"PERMIT EZB.PORTACCESS.SYS1.TCPIP.#7ZIP CLASS(SERVAUTH) ID(ZIPUSR) ACCESS(READ)\n"
	"PERMIT EZB.PORTACCESS.SYS1.TCPIP.BATCH CLASS(SERVAUTH) ID(BATUSR) ACCESS(READ) WHEN(PROGRAM(SORT))\n"
	"PERMIT EZB.PORTACCESS.SYS1.TCPIP.DBSRV CLASS(SERVAUTH) ID(DBUSR) ACCESS(READ)\n"
	"PERMIT EZB.PORTACCESS.SYS1.TCPIP.WEBSRV CLASS(SERVAUTH) ID(WEBUSR) ACCESS(READ) WHEN(PROGRAM(HTTPD))\n"
	"PERMIT EZB.NETACCESS.SYS1.TCPIP.WORLD CLASS(SERVAUTH) ID(BATUSR) ACCESS(READ) WHEN(PROGRAM(SORT))\n"
	"PERMIT EZB.NETACCESS.SYS1.TCPIP.WORLD CLASS(SERVAUTH) ID(WEBUSR) ACCESS(READ) WHEN(PROGRAM(HTTPD))\n"
	"SETROPTS WHEN(PROGRAM) REFRESH\n"
	"SETROPTS RACLIST(SERVAUTH) REFRESH\n";

static void test_text(void **state)
{
	struct psf_report *r = report_of(discovery, N(discovery));
	char *text = capture(psf_report_write_text, r);

	(void)state;
	assert_string_equal(text, discovery_text);
	free(text);
	psf_report_free(r);
}

/* interface.md "JSON values": one object a line, numbers as numbers,
 * flags as booleans, absent values left out. */
static void test_json(void **state)
{
	static const char *const want[] = {
		"{\"type\":\"summary\",\"files\":1,\"records\":13,\"other_resources\":0,"
		"\"damaged\":0,\"other_types\":0,\"first\":\"2025-03-14T14:30:15.27\","
		"\"last\":\"2025-03-14T14:30:20.27\"}",
		"{\"type\":\"usage\",\"jobname\":\"DBSRV\",\"user\":\"DBUSR\",\"op\":\"BIND\","
		"\"protocol\":\"TCP\",\"port\":5432,\"addr\":\"0.0.0.0\",\"count\":1,"
		"\"success\":0,\"warnings\":1,\"failures\":0,"
		"\"first\":\"2025-03-14T14:30:16.17\",\"last\":\"2025-03-14T14:30:16.17\"}",
		"{\"type\":\"warning\",\"profile\":\"EZB.PORTACCESS.**\",\"generic\":true,"
		"\"resource\":\"EZB.PORTACCESS.SYS1.TCPIP.UNRSVUDP\",\"class\":\"SERVAUTH\","
		"\"jobname\":\"WEBSRV\",\"user\":\"WEBUSR\",\"program\":\"HTTPD\","
		"\"op\":\"BIND\",\"protocol\":\"UDP\",\"ephemeral\":true,\"eph_low\":41000,"
		"\"eph_high\":52000,\"addr\":\"0.0.0.0\",\"count\":2,"
		"\"first\":\"2025-03-14T14:30:15.57\",\"last\":\"2025-03-14T14:30:15.67\"}",
		"{\"type\":\"tcpip\",\"statement\":\"NETACCESS\\n   DEFAULT 0 WORLD\\n"
		"ENDNETACCESS\"}",
		"{\"type\":\"racf\",\"command\":\"PERMIT EZB.PORTACCESS.SYS1.TCPIP.WEBSRV "
		"CLASS(SERVAUTH) ID(WEBUSR) ACCESS(READ) WHEN(PROGRAM(HTTPD))\"}",
	};
	struct psf_report *r = report_of(discovery, N(discovery));
	char *json = capture(psf_report_write_json, r);
	size_t lines = 0;

	(void)state;
	for (const char *p = json; *p; p++)
		lines += *p == '\n';
	/* summary, 11 usage rows, 9 warning rows, 8 + 15 policy lines */
	assert_int_equal(lines, 1 + 11 + 9 + 8 + 15);
	for (size_t i = 0; i < N(want); i++) {
		char line[600];

		snprintf(line, sizeof line, "%s\n", want[i]);
		print_message("line %zu\n", i);
		assert_non_null(strstr(json, line));
	}
	free(json);
	psf_report_free(r);
}

/* Records of other classes and resources, which real dumps are full of,
 * are counted and left out. */
static void test_other_resources(void **state)
{
	struct psf_report *r = psf_report_new();
	struct psf_smf80_rec *rec = malloc(sizeof *rec);
	char *text;

	(void)state;
	record_of(&discovery[0], rec);
	strcpy(rec->cls, "DATASET");
	assert_int_equal(psf_report_add(r, rec), 0);
	record_of(&discovery[0], rec);
	strcpy(rec->resource, "IRR.PGMSECURITY");
	assert_int_equal(psf_report_add(r, rec), 0);
	text = capture(psf_report_write_text, r);
	assert_non_null(strstr(text, "portsaf smf report: 0 port access records "
				     "from 0 files\n2 access records for other "
				     "resources left out\n"));
	assert_non_null(strstr(text, "\nOBSERVED USAGE\n"));
	assert_non_null(strstr(text, "  none\n\nWARNINGS BY PROFILE"));
	free(text);
	free(rec);
	psf_report_free(r);
}

/* ---- the proposal's rules (smf_policy.h) --------------------------------- */

#define CALL(job, user, pgm, op, proto, port, eph) \
	{ job, user, pgm, PSF_OP_##op, PSF_##proto, port, "0.0.0.0", eph, \
	  PSF_QUAL_WARNING, 0, NULL }

static const struct call range_calls[] = {
	CALL("A", "U1", "P1", BIND, TCP, 5000, false),
	CALL("A", "U1", "P1", BIND, TCP, 5002, false),
	CALL("A", "U1", "P1", BIND, TCP, 5001, false),
	CALL("A", "U1", "P1", LISTEN, TCP, 5004, false),
};
static const struct call shared_calls[] = {
	CALL("A", "U1", "P1", BIND, TCP, 6000, false),
	CALL("A", "U1", "P1", BIND, TCP, 6001, false),
	CALL("B", "U2", "P2", BIND, TCP, 6001, false),
	CALL("B", "U2", "P2", BIND, UDP, 6001, false),
};
static const struct call eph_calls[] = {
	CALL("A", "U1", "P1", BIND, UDP, 40000, true),
	CALL("A", "U1", "P1", LISTEN, TCP, 40001, true),
};
static const struct call program_calls[] = {
	CALL("A", "U1", "P1", BIND, TCP, 7000, false),
	CALL("A", "U1", "", BIND, TCP, 7000, false),
	CALL("A", "U2", "P2", BIND, TCP, 7000, false),
	CALL("A", "U2", "P3", BIND, TCP, 7000, false),
};
static const struct call bad_name_calls[] = {
	CALL("A", "1USR", "P1", BIND, TCP, 7000, false),
	CALL("A", "U1", "9PGM", BIND, TCP, 7001, false),
	CALL("12345678", "U1", "P1", BIND, TCP, 7002, false),
};
static const struct call stacks_calls[] = {
	{ "A", "U1", "P1", PSF_OP_BIND, PSF_TCP, 8000, "0.0.0.0", false,
	  PSF_QUAL_WARNING, 0, "SYS2" },
	{ "A", "U1", "P1", PSF_OP_BIND, PSF_TCP, 8000, "0.0.0.0", false,
	  PSF_QUAL_WARNING, 0, "SYS2" },
	{ "A", "U1", "P1", PSF_OP_CONNECT, PSF_TCP, 80, "10.0.0.1", false,
	  PSF_QUAL_WARNING, 0, "SYS3" },
};

static const struct {
	const char *spec;
	const struct call *calls;
	size_t n;
	const char *want;
} proposal_rows[] = {
	{ "3: a job's contiguous ports become a PORTRANGE", range_calls,
	  N(range_calls),
	  "PORTRANGE 5000 3 TCP A SAF A\n"
	  "PORT 5004 TCP A SAF A\n"
	  "PORT UNRSV TCP * SAF UNRSVTCP\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.A UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "PERMIT EZB.PORTACCESS.SYS1.TCPIP.A CLASS(SERVAUTH) ID(U1) ACCESS(READ) WHEN(PROGRAM(P1))\n"
	  "SETROPTS WHEN(PROGRAM) REFRESH\n"
	  "SETROPTS RACLIST(SERVAUTH) REFRESH\n" },
	{ "3: a port two jobs use stays in PORT entries; TCP and UDP apart",
	  shared_calls, N(shared_calls),
	  "PORT 6000 TCP A SAF A\n"
	  "PORT 6001 TCP A SAF A\n"
	  "PORT 6001 TCP B SAF B\n"
	  "PORT 6001 UDP B SAF B\n"
	  "PORT UNRSV TCP * SAF UNRSVTCP\n"
	  "PORT UNRSV UDP * SAF UNRSVUDP\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.A UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.B UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVUDP UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "PERMIT EZB.PORTACCESS.SYS1.TCPIP.A CLASS(SERVAUTH) ID(U1) ACCESS(READ) WHEN(PROGRAM(P1))\n"
	  "PERMIT EZB.PORTACCESS.SYS1.TCPIP.B CLASS(SERVAUTH) ID(U2) ACCESS(READ) WHEN(PROGRAM(P2))\n"
	  "SETROPTS WHEN(PROGRAM) REFRESH\n"
	  "SETROPTS RACLIST(SERVAUTH) REFRESH\n" },
	{ "lead's decision: ports the stack assigned are never reserved",
	  eph_calls, N(eph_calls),
	  "PORT UNRSV TCP * SAF UNRSVTCP\n"
	  "PORT UNRSV UDP * SAF UNRSVUDP\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVUDP UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "SETROPTS RACLIST(SERVAUTH) REFRESH\n" },
	{ "5.4: WHEN(PROGRAM) per program; an unknown program needs the "
	  "standard list, which covers the others", program_calls, N(program_calls),
	  "PORT 7000 TCP A SAF A\n"
	  "PORT UNRSV TCP * SAF UNRSVTCP\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.A UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "PERMIT EZB.PORTACCESS.SYS1.TCPIP.A CLASS(SERVAUTH) ID(U1) ACCESS(READ)\n"
	  "PERMIT EZB.PORTACCESS.SYS1.TCPIP.A CLASS(SERVAUTH) ID(U2) ACCESS(READ) WHEN(PROGRAM(P2))\n"
	  "PERMIT EZB.PORTACCESS.SYS1.TCPIP.A CLASS(SERVAUTH) ID(U2) ACCESS(READ) WHEN(PROGRAM(P3))\n"
	  "SETROPTS WHEN(PROGRAM) REFRESH\n"
	  "SETROPTS RACLIST(SERVAUTH) REFRESH\n" },
	{ "2.1, 5.7: names z/OS rejects are not proposed", bad_name_calls,
	  N(bad_name_calls),
	  "PORT 7002 TCP ???????? SAF #1234567\n"
	  "PORT 7001 TCP A SAF A\n"
	  "PORT UNRSV TCP * SAF UNRSVTCP\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.#1234567 UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.A UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "PERMIT EZB.PORTACCESS.SYS1.TCPIP.#1234567 CLASS(SERVAUTH) ID(U1) ACCESS(READ) WHEN(PROGRAM(P1))\n"
	  "PERMIT EZB.PORTACCESS.SYS1.TCPIP.A CLASS(SERVAUTH) ID(U1) ACCESS(READ)\n"
	  "SETROPTS WHEN(PROGRAM) REFRESH\n"
	  "SETROPTS RACLIST(SERVAUTH) REFRESH\n" },
	{ "5.2: several stacks get generic profiles", stacks_calls,
	  N(stacks_calls),
	  "PORT 8000 TCP A SAF A\n"
	  "PORT UNRSV TCP * SAF UNRSVTCP\n"
	  "NETACCESS\n   DEFAULT 0 WORLD\nENDNETACCESS\n"
	  "SETROPTS GENERIC(SERVAUTH)\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.*.*.A UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "RDEFINE SERVAUTH EZB.NETACCESS.*.*.WORLD UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.*.*.UNRSVTCP UACC(NONE) AUDIT(FAILURES(READ))\n"
	  "PERMIT EZB.PORTACCESS.*.*.A CLASS(SERVAUTH) ID(U1) ACCESS(READ) WHEN(PROGRAM(P1))\n"
	  "PERMIT EZB.NETACCESS.*.*.WORLD CLASS(SERVAUTH) ID(U1) ACCESS(READ) WHEN(PROGRAM(P1))\n"
	  "SETROPTS WHEN(PROGRAM) REFRESH\n"
	  "SETROPTS RACLIST(SERVAUTH) REFRESH\n" },
	{ "no port-security records: nothing to reserve or permit", NULL, 0,
	  "SETROPTS RACLIST(SERVAUTH) REFRESH\n" },
};

static void test_proposal_rules(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(proposal_rows); i++) {
		struct psf_report *r = report_of(proposal_rows[i].calls,
						 proposal_rows[i].n);
		struct psf_proposal p;
		char *text;
		size_t len;
		FILE *f = open_memstream(&text, &len);

		print_message("row %zu: %s\n", i, proposal_rows[i].spec);
		assert_int_equal(psf_report_propose(r, &p), 0);
		for (size_t k = 0; k < p.ntcpip; k++)
			fprintf(f, "%s\n", p.tcpip[k]);
		for (size_t k = 0; k < p.nracf; k++)
			fprintf(f, "%s\n", p.racf[k]);
		fclose(f);
		assert_string_equal(text, proposal_rows[i].want);
		free(text);
		psf_proposal_free(&p);
		psf_report_free(r);
	}
}

/* interface.md's configuration: the stack the most records name, and the
 * records' SMF id when it is not sysname's first four characters. */
static void test_conf(void **state)
{
	struct psf_report *r = report_of(stacks_calls, N(stacks_calls));
	struct psf_proposal p;
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	assert_int_equal(psf_report_propose(r, &p), 0);
	psf_proposal_write_conf(&p, f);
	fclose(f);
	assert_string_equal(text,
		"# portsaf.conf proposed by portsaf smf report\n"
		"sysname = \"SYS2\";\n"
		"tcpname = \"TCPIP\";\n"
		"smfid = \"SYS1\";\n"
		"profile = \"tcpip.profile\";\n"
		"racf = \"servauth.racf\";\n");
	free(text);
	psf_proposal_free(&p);
	psf_report_free(r);
}

/* ---- the loop: discovery records -> proposed policy -> no warning ----- */

static void write_policy(const struct psf_report *r, char *dir, char *conf,
			 size_t cap)
{
	assert_non_null(mkdtemp(dir));
	assert_int_equal(psf_report_write_policy_dir(r, dir, stderr), 0);
	snprintf(conf, cap, "%s/%s", dir, PSF_POLICY_CONF);
}

static void remove_policy(const char *dir)
{
	const char *files[] = { PSF_POLICY_CONF, PSF_POLICY_TCPIP, PSF_POLICY_RACF };
	char path[256];

	for (size_t i = 0; i < N(files); i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
}

/* The request a call makes again in the second run (spec 2.3, 8): a
 * port the stack assigned is asked for as port 0. */
static void request_of(const struct call *c, struct psf_request *req)
{
	memset(req, 0, sizeof *req);
	req->op = c->op;
	req->proto = c->proto;
	req->port = c->ephemeral ? 0 : c->port;
	req->addr = ip(c->addr);
}

static void decide(const struct psf_policy *p, const struct call *c,
		   const struct psf_request *req, struct psf_decision *d)
{
	struct psf_identity id;
	struct psf_subject s;

	identity(&id, c);
	psf_subject_init(&s, p, &id);
	psf_decide(p, &s, req, d, NULL);
}

static void test_discovery_loop(void **state)
{
	struct psf_report *r = report_of(discovery, N(discovery));
	char dir[] = "/tmp/psf-policy-XXXXXX", conf[64];
	struct psf_diags diags = { 0 };
	struct psf_policy *p;

	(void)state;
	write_policy(r, dir, conf, sizeof conf);
	int rc = psf_policy_load(conf, NULL, &p, &diags);

	psf_diags_print(&diags, 2);
	assert_int_equal(rc, 0);
	assert_int_equal(diags.n, 0);   /* not even a warning */
	for (size_t i = 0; i < N(discovery); i++) {
		const struct call *c = &discovery[i];
		struct psf_request req;
		struct psf_decision d;

		print_message("call %zu: %s %s %u\n", i, c->job,
			      psf_op_name(c->op), c->port);
		request_of(c, &req);
		decide(p, c, &req, &d);
		assert_int_equal(d.verdict, PSF_ALLOW);
		for (unsigned e = 0; e < d.nevents; e++) {
			assert_int_equal(d.events[e].qualifier, PSF_QUAL_SUCCESS);
			assert_false(d.events[e].smf || d.events[e].ich408i);
		}
		/* a TCP server listens on the port it bound */
		if (c->op == PSF_OP_BIND && c->proto == PSF_TCP) {
			req.op = PSF_OP_LISTEN;
			req.port = c->port;
			req.stack_assigned = c->ephemeral;
			decide(p, c, &req, &d);
			assert_int_equal(d.verdict, PSF_ALLOW);
		}
	}
	psf_policy_free(p);
	psf_diags_free(&diags);
	remove_policy(dir);
	psf_report_free(r);
}

/* "Exactly" the observed calls: what was not observed stays closed. */
static void test_loop_is_exact(void **state)
{
	struct psf_report *r = report_of(discovery, N(discovery));
	char dir[] = "/tmp/psf-policy-XXXXXX", conf[64];
	struct psf_diags diags = { 0 };
	struct psf_policy *p;
	static const struct {
		const char *spec;
		struct call c;
		int err;
	} rows[] = {
		{ "2.2: another job on a reserved port", { "INTRUDER", "WEBUSR",
		  "HTTPD", PSF_OP_BIND, PSF_TCP, 8081, "0.0.0.0", false, 0, 0, NULL }, EACCES },
		{ "5.4: the job under another user", { "WEBSRV", "OTHER", "HTTPD",
		  PSF_OP_BIND, PSF_TCP, 8080, "0.0.0.0", false, 0, 0, NULL }, EACCES },
		{ "5.4: the job running another program", { "WEBSRV", "WEBUSR",
		  "SH", PSF_OP_BIND, PSF_TCP, 8080, "0.0.0.0", false, 0, 0, NULL }, EACCES },
		{ "2.3: an unobserved UDP port (UNRSV SAF)", { "WEBSRV", "WEBUSR",
		  "HTTPD", PSF_OP_BIND, PSF_UDP, 7777, "0.0.0.0", false, 0, 0, NULL }, EACCES },
		{ "6: a connect by a user never seen connecting", { "DBSRV", "DBUSR",
		  "", PSF_OP_CONNECT, PSF_TCP, 443, "10.1.2.3", false, 0, 0, NULL }, EACCES },
	};

	(void)state;
	write_policy(r, dir, conf, sizeof conf);
	assert_int_equal(psf_policy_load(conf, NULL, &p, &diags), 0);
	for (size_t i = 0; i < N(rows); i++) {
		struct psf_request req;
		struct psf_decision d;

		print_message("row %zu: %s\n", i, rows[i].spec);
		request_of(&rows[i].c, &req);
		decide(p, &rows[i].c, &req, &d);
		assert_int_equal(d.verdict, PSF_DENY);
		assert_int_equal(d.err, rows[i].err);
	}
	psf_policy_free(p);
	psf_diags_free(&diags);
	remove_policy(dir);
	psf_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_other_resources),
		cmocka_unit_test(test_proposal_rules),
		cmocka_unit_test(test_conf),
		cmocka_unit_test(test_discovery_loop),
		cmocka_unit_test(test_loop_is_exact),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
