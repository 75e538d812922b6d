/*
 * The TCPIP PROFILE reader (tcpip_parse.c, tcpip_lex.c): every statement
 * form into the model, every malformed input with its exact diagnostic,
 * a whole pasted z/OS PROFILE, and the 10,000-entry time budget.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "ipaddr.h"
#include "model.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define FILE_NAME "PROFILE.TCPIP"

struct parsed {
	struct psf_tcpip_model m;
	struct psf_diags d;
	int errors;
};

static void parse(struct parsed *p, const char *text)
{
	memset(p, 0, sizeof *p);
	psf_tcpip_model_init(&p->m);
	p->errors = psf_tcpip_parse(&p->m, text, strlen(text), FILE_NAME,
				    &p->d);
}

static void release(struct parsed *p)
{
	psf_tcpip_model_free(&p->m);
	psf_diags_free(&p->d);
}

static void print_diags(const struct psf_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_message("  diag %s:%d: %s\n", d->v[i].file, d->v[i].line,
			      d->v[i].text);
}

static const char *addr_text(const struct psf_ipaddr *a)
{
	static char buf[PSF_IPADDR_TEXT_MAX];

	psf_ipaddr_format(a, buf, sizeof buf);
	return buf;
}

/* ================================================================== */
/* PORT and PORTRANGE into the model                                  */

struct want_port {
	int line;
	unsigned stmt;
	bool range;
	uint16_t first;
	uint32_t count;
	enum psf_proto proto;
	enum psf_entry_kind kind;
	const char *job, *saf;
	bool deny;
	enum psf_when when;
	const char *bind;       /* NULL: no BIND */
	unsigned opts;
};

#define MAXP 4
static const struct {
	const char *spec, *text;
	size_t n;
	struct want_port p[MAXP];
} port_rows[] = {
	{ "2 RESERVED", "PORT 21 TCP RESERVED", 1,
	  { { 1, 0, false, 21, 1, PSF_TCP, PSF_ENT_RESERVED, "", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "2 job name", "PORT 21 TCP FTPD1", 1,
	  { { 1, 0, false, 21, 1, PSF_TCP, PSF_ENT_JOB, "FTPD1", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "2 every option, IBM order",
	  "PORT 23 TCP TN3270 NOAUTOLOG NODELAYACKS SHAREPORT BIND 10.1.1.1 "
	  "SAF TN3270 NOSMC", 1,
	  { { 1, 0, false, 23, 1, PSF_TCP, PSF_ENT_JOB, "TN3270", "TN3270",
	      false, PSF_WHEN_DEFAULT, "10.1.1.1",
	      PSF_OPT_NOAUTOLOG | PSF_OPT_NODELAYACKS | PSF_OPT_SHAREPORT |
	      PSF_OPT_NOSMC } } },
	{ "2 DELAYACKS SHAREPORTWLM SMC",
	  "PORT 446 TCP DB2ADIST DELAYACKS SHAREPORTWLM SMC", 1,
	  { { 1, 0, false, 446, 1, PSF_TCP, PSF_ENT_JOB, "DB2ADIST", "", false,
	      PSF_WHEN_DEFAULT, NULL,
	      PSF_OPT_DELAYACKS | PSF_OPT_SHAREPORTWLM | PSF_OPT_SMC } } },
	{ "2 BIND IPv6", "PORT 80 TCP WEBSRV BIND 2001:DB8::80", 1,
	  { { 1, 0, false, 80, 1, PSF_TCP, PSF_ENT_JOB, "WEBSRV", "", false,
	      PSF_WHEN_DEFAULT, "2001:db8::80", 0 } } },
	{ "2 + 6 BIND IPv4-mapped stored as IPv4",
	  "PORT 80 TCP WEBSRV BIND ::FFFF:10.2.3.4", 1,
	  { { 1, 0, false, 80, 1, PSF_TCP, PSF_ENT_JOB, "WEBSRV", "", false,
	      PSF_WHEN_DEFAULT, "10.2.3.4", 0 } } },
	{ "2.1 glob job name and national characters",
	  "PORT 1850 TCP A?C* SAF OMEGAMON 751 UDP ADM@SRV SAF $KRB-1", 2,
	  { { 1, 0, false, 1850, 1, PSF_TCP, PSF_ENT_JOB, "A?C*", "OMEGAMON",
	      false, PSF_WHEN_DEFAULT, NULL, 0 },
	    { 1, 0, false, 751, 1, PSF_UDP, PSF_ENT_JOB, "ADM@SRV", "$KRB-1",
	      false, PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "2.1 OMVS and *", "PORT 20 TCP * NOAUTOLOG SAF FTPDATA 111 UDP OMVS",
	  2,
	  { { 1, 0, false, 20, 1, PSF_TCP, PSF_ENT_JOB, "*", "FTPDATA", false,
	      PSF_WHEN_DEFAULT, NULL, PSF_OPT_NOAUTOLOG },
	    { 1, 0, false, 111, 1, PSF_UDP, PSF_ENT_JOB, "OMVS", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "2 the same port twice (DRDA, two members)",
	  "PORT\n 446 TCP DB2ADIST SHAREPORT\n 446 TCP DB2BDIST SHAREPORT", 2,
	  { { 2, 0, false, 446, 1, PSF_TCP, PSF_ENT_JOB, "DB2ADIST", "", false,
	      PSF_WHEN_DEFAULT, NULL, PSF_OPT_SHAREPORT },
	    { 3, 0, false, 446, 1, PSF_TCP, PSF_ENT_JOB, "DB2BDIST", "", false,
	      PSF_WHEN_DEFAULT, NULL, PSF_OPT_SHAREPORT } } },
	{ "2.3 UNRSV TCP * SAF WHENBIND",
	  "PORT UNRSV TCP * SAF UNRSVTCP WHENBIND", 1,
	  { { 1, 0, false, 0, 0, PSF_TCP, PSF_ENT_UNRSV, "*", "UNRSVTCP", false,
	      PSF_WHEN_BIND, NULL, 0 } } },
	{ "2.3 UNRSV UDP * DENY WHENBIND", "PORT UNRSV UDP * DENY WHENBIND", 1,
	  { { 1, 0, false, 0, 0, PSF_UDP, PSF_ENT_UNRSV, "*", "", true,
	      PSF_WHEN_BIND, NULL, 0 } } },
	{ "2.3 UNRSV open entry, WHENLISTEN",
	  "PORT UNRSV TCP A* WHENLISTEN UNRSV TCP * SAF GENERIC", 2,
	  { { 1, 0, false, 0, 0, PSF_TCP, PSF_ENT_UNRSV, "A*", "", false,
	      PSF_WHEN_LISTEN, NULL, 0 },
	    { 1, 0, false, 0, 0, PSF_TCP, PSF_ENT_UNRSV, "*", "GENERIC", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "2.3 EZZ0146I (DENY, job not *) is recorded, not a reader error",
	  "PORT UNRSV TCP JOB1 DENY", 1,
	  { { 1, 0, false, 0, 0, PSF_TCP, PSF_ENT_UNRSV, "JOB1", "", true,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "2.3 EZZ0147I (mixed WHEN) and a second UNRSV * are recorded",
	  "PORT UNRSV TCP * WHENLISTEN\n UNRSV TCP * SAF X WHENBIND", 2,
	  { { 1, 0, false, 0, 0, PSF_TCP, PSF_ENT_UNRSV, "*", "", false,
	      PSF_WHEN_LISTEN, NULL, 0 },
	    { 2, 0, false, 0, 0, PSF_TCP, PSF_ENT_UNRSV, "*", "X", false,
	      PSF_WHEN_BIND, NULL, 0 } } },
	{ "3 PORTRANGE RESERVED", "PORTRANGE 2000 3000 TCP RESERVED", 1,
	  { { 1, 0, true, 2000, 3000, PSF_TCP, PSF_ENT_RESERVED, "", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "3 PORTRANGE AUTHPORT", "PORTRANGE 4000 100 TCP AUTHPORT", 1,
	  { { 1, 0, true, 4000, 100, PSF_TCP, PSF_ENT_AUTHPORT, "", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "3 PORTRANGE job SAF (seed: Omegamon)",
	  "PORTRANGE 1850 101 TCP * SAF OMEGAMON", 1,
	  { { 1, 0, true, 1850, 101, PSF_TCP, PSF_ENT_JOB, "*", "OMEGAMON",
	      false, PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "3 PORTRANGE options",
	  "PORTRANGE 19000 101 UDP KDSMAIN NOAUTOLOG NODELAYACKS SAF OMEGAMON "
	  "NOSMC", 1,
	  { { 1, 0, true, 19000, 101, PSF_UDP, PSF_ENT_JOB, "KDSMAIN",
	      "OMEGAMON", false, PSF_WHEN_DEFAULT, NULL,
	      PSF_OPT_NOAUTOLOG | PSF_OPT_NODELAYACKS | PSF_OPT_NOSMC } } },
	{ "3 range past 65535 is cut", "PORTRANGE 65000 1000 UDP OMVS", 1,
	  { { 1, 0, true, 65000, 536, PSF_UDP, PSF_ENT_JOB, "OMVS", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "3 range ending at 65535 is kept", "PORTRANGE 65535 1 TCP X", 1,
	  { { 1, 0, true, 65535, 1, PSF_TCP, PSF_ENT_JOB, "X", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "1 lower case is folded", "port 21 tcp ftpd1 noautolog saf ftp", 1,
	  { { 1, 0, false, 21, 1, PSF_TCP, PSF_ENT_JOB, "FTPD1", "FTP", false,
	      PSF_WHEN_DEFAULT, NULL, PSF_OPT_NOAUTOLOG } } },
	{ "1 IBM abbreviations", "PORT 20 TCP * NOAUTOL DELAYA SHAREP SAF FTPDATA",
	  1,
	  { { 1, 0, false, 20, 1, PSF_TCP, PSF_ENT_JOB, "*", "FTPDATA", false,
	      PSF_WHEN_DEFAULT, NULL,
	      PSF_OPT_NOAUTOLOG | PSF_OPT_DELAYACKS | PSF_OPT_SHAREPORT } } },
	{ "1 several entries per line, entries over lines, comments",
	  "PORT 20 TCP * NOAUTOLOG 21 TCP  ; FTP control\n"
	  "      FTPD1   ; its job\n"
	  "      SAF\n"
	  "      FTP\n"
	  "  23 TCP TN3270;no blank before the comment\n", 3,
	  { { 1, 0, false, 20, 1, PSF_TCP, PSF_ENT_JOB, "*", "", false,
	      PSF_WHEN_DEFAULT, NULL, PSF_OPT_NOAUTOLOG },
	    { 1, 0, false, 21, 1, PSF_TCP, PSF_ENT_JOB, "FTPD1", "FTP", false,
	      PSF_WHEN_DEFAULT, NULL, 0 },
	    { 5, 0, false, 23, 1, PSF_TCP, PSF_ENT_JOB, "TN3270", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "2 statement index per PORT/PORTRANGE statement",
	  "PORT 21 TCP FTPD1\nTCPCONFIG RESTRICTLOWPORTS\n"
	  "PORT 22 TCP SSHD\nPORTRANGE 5000 10 UDP * 5100 10 UDP *", 4,
	  { { 1, 0, false, 21, 1, PSF_TCP, PSF_ENT_JOB, "FTPD1", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 },
	    { 3, 1, false, 22, 1, PSF_TCP, PSF_ENT_JOB, "SSHD", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 },
	    { 4, 2, true, 5000, 10, PSF_UDP, PSF_ENT_JOB, "*", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 },
	    { 4, 2, true, 5100, 10, PSF_UDP, PSF_ENT_JOB, "*", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "2.1 a job may be named like a statement (positional)",
	  "PORT 7 TCP HOME", 1,
	  { { 1, 0, false, 7, 1, PSF_TCP, PSF_ENT_JOB, "HOME", "", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
	{ "2 a SAF name may be spelt like a statement (positional)",
	  "PORT 8080 TCP * SAF DEV UNRSV TCP * SAF START", 2,
	  { { 1, 0, false, 8080, 1, PSF_TCP, PSF_ENT_JOB, "*", "DEV", false,
	      PSF_WHEN_DEFAULT, NULL, 0 },
	    { 1, 0, false, 0, 0, PSF_TCP, PSF_ENT_UNRSV, "*", "START", false,
	      PSF_WHEN_DEFAULT, NULL, 0 } } },
};

static void check_port(const struct psf_port_entry *got,
		       const struct want_port *w)
{
	assert_string_equal(got->file, FILE_NAME);
	assert_int_equal(got->line, w->line);
	assert_int_equal(got->stmt, w->stmt);
	assert_int_equal(got->range, w->range);
	assert_int_equal(got->first, w->first);
	assert_int_equal(got->count, w->count);
	assert_int_equal(got->proto, w->proto);
	assert_int_equal(got->kind, w->kind);
	assert_string_equal(got->job, w->job);
	assert_string_equal(got->saf, w->saf);
	assert_int_equal(got->deny, w->deny);
	assert_int_equal(got->when, w->when);
	assert_int_equal(got->has_bind, w->bind != NULL);
	if (w->bind)
		assert_string_equal(addr_text(&got->bind), w->bind);
	assert_int_equal(got->opts, w->opts);
}

static void test_port_forms(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(port_rows); i++) {
		struct parsed p;

		print_message("spec %s\n", port_rows[i].spec);
		parse(&p, port_rows[i].text);
		print_diags(&p.d);
		assert_int_equal(p.d.n, 0);
		assert_int_equal(p.errors, 0);
		assert_int_equal(p.m.nports, port_rows[i].n);
		for (size_t j = 0; j < port_rows[i].n; j++)
			check_port(&p.m.ports[j], &port_rows[i].p[j]);
		release(&p);
	}
}

/* ================================================================== */
/* TCPCONFIG and UDPCONFIG                                            */

struct want_cfg {
	bool restrictlow;
	uint16_t low, high;
	int line;
};

static const struct {
	const char *spec, *text;
	struct want_cfg tcp, udp;
} cfg_rows[] = {
	{ "4 defaults", "", { false, 1024, 65535, 0 },
	  { false, 1024, 65535, 0 } },
	{ "4 TCP RESTRICTLOWPORTS", "TCPCONFIG RESTRICTLOWPORTS",
	  { true, 1024, 65535, 1 }, { false, 1024, 65535, 0 } },
	{ "4 UDP RESTRICTLOWPORTS EPHEMERALPORTS",
	  "UDPCONFIG RESTRICTLOWPORTS\n  EPHEMERALPORTS 5000 6000",
	  { false, 1024, 65535, 0 }, { true, 5000, 6000, 1 } },
	{ "4 ignored parameters with values, IBM sample",
	  "TCPCONFIG TCPSENDBFRSIZE 64K TCPRCVBUFRSIZE 64K SENDGARBAGE FALSE\n"
	  "TCPCONFIG RESTRICTLOWPORTS TCPMAXRCVBUFRSIZE 2M NODELAYACKS TTLS",
	  { true, 1024, 65535, 2 }, { false, 1024, 65535, 0 } },
	{ "4 the later statement wins",
	  "TCPCONFIG RESTRICTLOWPORTS\nTCPCONFIG UNRESTRICTLOWPORTS",
	  { false, 1024, 65535, 2 }, { false, 1024, 65535, 0 } },
	{ "4 one-port pool", "TCPCONFIG EPHEMERALPORTS 1024 1024",
	  { false, 1024, 1024, 1 }, { false, 1024, 65535, 0 } },
	{ "4 abbreviations", "TCPCONFIG FINW 600 INT 120 RESTRICTL\n"
	  "UDPCONFIG UDPCHK UNRESTRICTL UDPRCVB 65535",
	  { true, 1024, 65535, 1 }, { false, 1024, 65535, 2 } },
	{ "4 every UDPCONFIG parameter",
	  "UDPCONFIG NOUDPCHKSUM NOUDPQUEUELIMIT UDPRCVBUFRSIZE 65535 "
	  "UDPSENDBFRSIZE 65535 EPHEMERALPORTS 2000 3000",
	  { false, 1024, 65535, 0 }, { false, 2000, 3000, 1 } },
	{ "4 every other TCPCONFIG parameter",
	  "TCPCONFIG CONNECTINITINTERVAL 3000 CONNECTTIMEOUT 75 AUTODELAYACKS\n"
	  " FINWAIT2TIME 600 FRRTHRESHOLD 3 INTERVAL 120\n"
	  " KEEPALIVEPROBEINTERVAL 75 KEEPALIVEPROBES 10\n"
	  " MAXIMUMRETRANSMITTIME 120 NONAGLE QUEUEDRTT 0\n"
	  " RETRANSMITATTEMPTS 15 SELECTIVEACK SENDGARBAGE TRUE\n"
	  " TCPMAXSENDBUFRSIZE 256K TCPTIMESTAMP TIMEWAITINTERVAL 60 NOTTLS\n"
	  " TCPSENDBUFRSIZE 64K",
	  { false, 1024, 65535, 0 }, { false, 1024, 65535, 0 } },
};

static void check_cfg(const struct psf_proto_cfg *got,
		      const struct want_cfg *w)
{
	assert_int_equal(got->restrictlow, w->restrictlow);
	assert_int_equal(got->eph_low, w->low);
	assert_int_equal(got->eph_high, w->high);
	assert_int_equal(got->line, w->line);
}

static void test_config_forms(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(cfg_rows); i++) {
		struct parsed p;

		print_message("spec %s\n", cfg_rows[i].spec);
		parse(&p, cfg_rows[i].text);
		print_diags(&p.d);
		assert_int_equal(p.d.n, 0);
		check_cfg(&p.m.cfg[PSF_TCP], &cfg_rows[i].tcp);
		check_cfg(&p.m.cfg[PSF_UDP], &cfg_rows[i].udp);
		release(&p);
	}
}

/* ================================================================== */
/* NETACCESS                                                          */

struct want_net {
	int line;
	bool is_default;
	const char *addr;
	unsigned prefix;
	const char *zone;
};

#define MAXN 5
static const struct {
	const char *spec, *text;
	bool has, inbound, outbound;
	int line;
	size_t n;
	struct want_net e[MAXN];
} net_rows[] = {
	{ "6 not coded", "PORT 21 TCP FTPD1", false, false, true, 0, 0, { { 0 } } },
	{ "6 spec example",
	  "NETACCESS\n"
	  "   10.0.0.0/8          INTRANET\n"
	  "   192.168.1.0 255.255.255.0  LAB\n"
	  "   2001:db8::/32       V6LAB\n"
	  "   DEFAULT 0           WORLD        ; optional catch-all zone\n"
	  "ENDNETACCESS\n", true, false, true, 1, 4,
	  { { 2, false, "10.0.0.0", 8, "INTRANET" },
	    { 3, false, "192.168.1.0", 24, "LAB" },
	    { 4, false, "2001:db8::", 32, "V6LAB" },
	    { 5, true, "", 0, "WORLD" } } },
	{ "6 hosts, DEFAULT without 0, entries on one line",
	  "NETACCESS 192.168.113.19 HOST1 2001:db8::7 HOST6 DEFAULT WORLD "
	  "ENDNETACCESS", true, false, true, 1, 3,
	  { { 1, false, "192.168.113.19", 32, "HOST1" },
	    { 1, false, "2001:db8::7", 128, "HOST6" },
	    { 1, true, "", 0, "WORLD" } } },
	{ "6 INBOUND NOOUTBOUND",
	  "NETACCESS INBOUND NOOUTBOUND\n 10.0.0.0/8 A\nENDNETACCESS", true,
	  true, false, 1, 1, { { 2, false, "10.0.0.0", 8, "A" } } },
	{ "6 NOINBOUND OUTBOUND CACHEALL, abbreviated",
	  "NETA NOINB OUTB CACHEALL\nENDNETACCESS", true, false, true, 1, 0,
	  { { 0 } } },
	{ "6 IPv4-mapped entry is IPv4",
	  "NETACCESS ::FFFF:10.0.0.0/104 V4ZONE ENDNETACCESS", true, false, true,
	  1, 1, { { 1, false, "10.0.0.0", 8, "V4ZONE" } } },
	{ "6 odd masks and /0",
	  "NETACCESS\n 192.168.112.0 255.255.248.0 SUBNET3\n"
	  " 0.0.0.0/0 ALLV4\nENDNETACCESS", true, false, true, 1, 2,
	  { { 2, false, "192.168.112.0", 21, "SUBNET3" },
	    { 3, false, "0.0.0.0", 0, "ALLV4" } } },
	{ "6 a zone may be spelt like a statement (positional)",
	  "NETACCESS 10.0.0.0/8 HOME ENDNETACCESS", true, false, true, 1, 1,
	  { { 1, false, "10.0.0.0", 8, "HOME" } } },
	{ "6 later NETACCESS adds entries, its options apply",
	  "NETACCESS INBOUND 10.0.0.0/8 A ENDNETACCESS\n"
	  "NETACCESS 11.0.0.0/8 B ENDNETACCESS", true, false, true, 2, 2,
	  { { 1, false, "10.0.0.0", 8, "A" }, { 2, false, "11.0.0.0", 8, "B" } } },
};

static void test_netaccess_forms(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(net_rows); i++) {
		struct parsed p;

		print_message("spec %s\n", net_rows[i].spec);
		parse(&p, net_rows[i].text);
		print_diags(&p.d);
		assert_int_equal(p.d.n, 0);
		assert_int_equal(p.m.has_netaccess, net_rows[i].has);
		assert_int_equal(p.m.inbound, net_rows[i].inbound);
		assert_int_equal(p.m.outbound, net_rows[i].outbound);
		assert_int_equal(p.m.netaccess_line, net_rows[i].line);
		assert_int_equal(p.m.nnet, net_rows[i].n);
		for (size_t j = 0; j < net_rows[i].n; j++) {
			const struct psf_net_entry *g = &p.m.net[j];
			const struct want_net *w = &net_rows[i].e[j];

			assert_string_equal(g->file, FILE_NAME);
			assert_int_equal(g->line, w->line);
			assert_int_equal(g->is_default, w->is_default);
			assert_string_equal(addr_text(&g->addr), w->addr);
			assert_int_equal(g->prefix, w->prefix);
			assert_string_equal(g->zone, w->zone);
		}
		release(&p);
	}
}

/* ================================================================== */
/* Malformed input: the exact diagnostics                              */

struct want_diag {
	int line;
	enum psf_severity sev;
	const char *text;
};

#define E PSF_SEV_ERROR
#define W PSF_SEV_WARNING
#define MAXD 4
static const struct {
	const char *spec, *text;
	size_t nports, nnet;            /* entries that survive */
	struct want_diag d[MAXD];
} diag_rows[] = {
	/* statements */
	{ "1 unknown statement, parsing goes on", "FOO BAR\nPORT 21 TCP X", 1, 0,
	  { { 1, E, "unknown PROFILE statement 'FOO'" } } },
	{ "1 misspelt statement", "PORTRANG 4000 10 TCP X", 0, 0,
	  { { 1, E, "unknown PROFILE statement 'PORTRANG'" } } },
	{ "1 END keyword without its block", "ENDAUTOLOG\nPORT 21 TCP X", 1, 0,
	  { { 1, E, "'ENDAUTOLOG' without AUTOLOG" } } },
	{ "1 block without END swallows the rest (IBM)",
	  "AUTOLOG 5\n FTPD JOBNAME FTPD1\nPORT 21 TCP FTPD1", 0, 0,
	  { { 1, E, "AUTOLOG has no ENDAUTOLOG" } } },
	{ "1 unterminated quoted string",
	  "AUTOLOG 5\n TRMD PARMSTRING \"D=TCPDATA5\nENDAUTOLOG", 0, 0,
	  { { 2, E, "unterminated quoted string" } } },
	{ "1 DELETE PORT is not modelled", "DELETE PORT 21 TCP FTPD1", 0, 0,
	  { { 1, E, "DELETE PORT is not supported: remove the entry from its "
		    "PORT statement instead" } } },
	{ "1 INCLUDE is not followed", "INCLUDE USER.TCPPARMS(PORTS)", 0, 0,
	  { { 1, W, "INCLUDE USER.TCPPARMS(PORTS) is not read: copy its "
		    "statements into this file" } } },
	{ "1 INCLUDE without a name", "INCLUDE\nPORT 21 TCP X", 1, 0,
	  { { 1, E, "INCLUDE without a data set name" } } },
	/* PORT */
	{ "2 empty PORT", "PORT\nTCPCONFIG RESTRICTLOWPORTS", 0, 0,
	  { { 1, E, "PORT statement has no entries" } } },
	{ "2 port out of range", "PORT 65536 TCP X", 0, 0,
	  { { 1, E, "port number '65536' out of range 1-65535" } } },
	{ "2 port zero", "PORT 0 TCP X", 0, 0,
	  { { 1, E, "port number '0' out of range 1-65535" } } },
	{ "2 port huge", "PORT 99999999999999999999 TCP X", 0, 0,
	  { { 1, E, "port number '99999999999999999999' out of range "
		    "1-65535" } } },
	{ "2 port not a number", "PORT 21A TCP X", 0, 0,
	  { { 1, E, "invalid port number '21A'" } } },
	{ "2 entry not starting with a number",
	  "PORT\n  FTPD1 TCP\n  21 TCP FTPD1", 1, 0,
	  { { 2, E, "PORT entry must start with a port number or UNRSV, not "
		    "'FTPD1'" } } },
	{ "2 missing protocol", "PORT 21\n 22 TCP X", 1, 0,
	  { { 1, E, "missing protocol (TCP or UDP) after '21'" } } },
	{ "2 unknown protocol", "PORT 21 SCTP X 22 TCP Y", 1, 0,
	  { { 1, E, "unknown protocol 'SCTP': expected TCP or UDP" } } },
	{ "2 missing job name", "PORT 21 TCP 22 TCP X", 1, 0,
	  { { 1, E, "missing job name after '21 TCP'" } } },
	{ "2.1 job name too long", "PORT 21 TCP FTPSERVER1", 0, 0,
	  { { 1, E, "invalid job name 'FTPSERVER1': 1-8 characters A-Z 0-9 $ @ "
		    "# and the wildcards * ?, not starting with a digit" } } },
	{ "2.1 job name character", "PORT 21 TCP FTP.D", 0, 0,
	  { { 1, E, "invalid job name 'FTP.D': 1-8 characters A-Z 0-9 $ @ "
		    "# and the wildcards * ?, not starting with a digit" } } },
	{ "2.1 job name starting with a digit", "PORT 21 TCP 1FTP", 0, 0,
	  { { 1, E, "invalid job name '1FTP': 1-8 characters A-Z 0-9 $ @ "
		    "# and the wildcards * ?, not starting with a digit" } } },
	{ "2 resname first character", "PORT 21 TCP FTPD1 SAF 9FTP", 0, 0,
	  { { 1, E, "invalid SAF resource name '9FTP': 1-8 characters, first "
		    "A-Z $ @ #, then also 0-9 -" } } },
	{ "2 resname too long", "PORT 20 TCP * SAF FTPDATA12", 0, 0,
	  { { 1, E, "invalid SAF resource name 'FTPDATA12': 1-8 characters, "
		    "first A-Z $ @ #, then also 0-9 -" } } },
	{ "2 resname character", "PORT 20 TCP * SAF FTP_DATA", 0, 0,
	  { { 1, E, "invalid SAF resource name 'FTP_DATA': 1-8 characters, "
		    "first A-Z $ @ #, then also 0-9 -" } } },
	{ "2 SAF without a name", "PORT 21 TCP FTPD1 SAF", 0, 0,
	  { { 1, E, "SAF without a resource name" } } },
	{ "2 SAF followed by the next entry", "PORT 21 TCP FTPD1 SAF\n 22 TCP X",
	  1, 0, { { 1, E, "SAF without a resource name" } } },
	{ "2 BIND without an address", "PORT 23 TCP TN BIND\n 24 TCP X", 1, 0,
	  { { 1, E, "BIND without an address" } } },
	{ "2 BIND invalid address", "PORT 23 TCP TN BIND 10.1.1", 0, 0,
	  { { 1, E, "invalid BIND address '10.1.1'" } } },
	{ "2.2 BIND wildcard", "PORT 23 TCP TN BIND 0.0.0.0", 0, 0,
	  { { 1, E, "BIND address '0.0.0.0' is not a specific address" } } },
	{ "2 options after RESERVED", "PORT 21 TCP RESERVED SAF X", 0, 0,
	  { { 1, E, "'SAF' is not allowed after RESERVED" } } },
	{ "2 DELAYACKS and NODELAYACKS", "PORT 21 TCP X DELAYACKS NODELAYACKS",
	  0, 0, { { 1, E, "'NODELAYACKS' conflicts with 'DELAYACKS'" } } },
	{ "2 SHAREPORT and SHAREPORTWLM", "PORT 21 TCP X SHAREPORT SHAREPORTWLM",
	  0, 0, { { 1, E, "'SHAREPORTWLM' conflicts with 'SHAREPORT'" } } },
	{ "2 option given twice", "PORT 21 TCP X NOAUTOLOG NOAUTOL", 0, 0,
	  { { 1, E, "'NOAUTOLOG' given twice" } } },
	{ "2 options out of IBM's order", "PORT 21 TCP X SAF FTP NOAUTOLOG", 0,
	  0, { { 1, E, "'NOAUTOLOG' must come before 'SAF'" } } },
	{ "2 unknown option", "PORT 21 TCP X NOAUTOLOGX", 0, 0,
	  { { 1, E, "unknown PORT option 'NOAUTOLOGX'" } } },
	{ "2 DENY on a reservation", "PORT 21 TCP X DENY", 0, 0,
	  { { 1, E, "'DENY' is valid only on UNRSV entries" } } },
	{ "2 AUTHPORT on PORT", "PORT 21 TCP AUTHPORT", 0, 0,
	  { { 1, E, "AUTHPORT is valid only on PORTRANGE" } } },
	/* UNRSV */
	{ "2.3 UNRSV missing protocol", "PORT UNRSV\nPORT 21 TCP X", 1, 0,
	  { { 1, E, "missing protocol (TCP or UDP) after 'UNRSV'" } } },
	{ "2.3 UNRSV missing job name", "PORT UNRSV UDP", 0, 0,
	  { { 1, E, "missing job name after 'UNRSV UDP'" } } },
	{ "2.3 BIND on UNRSV", "PORT UNRSV TCP * BIND 10.1.1.1", 0, 0,
	  { { 1, E, "'BIND' is not valid on UNRSV entries" } } },
	{ "2.3 SHAREPORT on UNRSV", "PORT UNRSV TCP * SHAREPORT", 0, 0,
	  { { 1, E, "'SHAREPORT' is not valid on UNRSV entries" } } },
	{ "2.3 WHENLISTEN on UDP", "PORT UNRSV UDP * WHENLISTEN", 0, 0,
	  { { 1, E, "'WHENLISTEN' is not valid on UNRSV UDP (UDP is checked at "
		    "bind)" } } },
	{ "2.3 SAF and DENY together", "PORT UNRSV TCP * SAF UNRSVTCP DENY", 0,
	  0, { { 1, E, "'DENY' conflicts with 'SAF'" } } },
	{ "2.3 WHENLISTEN and WHENBIND in one entry",
	  "PORT UNRSV TCP * WHENLISTEN WHENBIND", 0, 0,
	  { { 1, E, "'WHENBIND' conflicts with 'WHENLISTEN'" } } },
	{ "2.3 WHEN before SAF", "PORT UNRSV TCP * WHENBIND SAF X", 0, 0,
	  { { 1, E, "'SAF' must come before 'WHENBIND'" } } },
	{ "2.3 unknown UNRSV option", "PORT UNRSV TCP * SAFE X", 0, 0,
	  { { 1, E, "unknown PORT option 'SAFE'" } } },
	/* PORTRANGE */
	{ "3 SHAREPORT on PORTRANGE", "PORTRANGE 4000 10 TCP X SHAREPORT", 0, 0,
	  { { 1, E, "'SHAREPORT' is not valid on PORTRANGE" } } },
	{ "3 BIND on PORTRANGE", "PORTRANGE 4000 10 TCP X BIND 10.1.1.1", 0, 0,
	  { { 1, E, "'BIND' is not valid on PORTRANGE" } } },
	{ "3 count zero", "PORTRANGE 4000 0 TCP X", 0, 0,
	  { { 1, E, "port count '0' out of range 1-65535" } } },
	{ "3 count too big", "PORTRANGE 4000 65536 TCP X", 0, 0,
	  { { 1, E, "port count '65536' out of range 1-65535" } } },
	{ "3 missing count", "PORTRANGE 4000", 0, 0,
	  { { 1, E, "missing port count after '4000'" } } },
	{ "3 count not a number", "PORTRANGE 4000 TCP X", 0, 0,
	  { { 1, E, "invalid port count 'TCP'" } } },
	{ "3 first port not a number", "PORTRANGE UNRSV TCP *", 0, 0,
	  { { 1, E, "invalid port number 'UNRSV'" } } },
	{ "3 missing protocol", "PORTRANGE 4000 10\nPORT 21 TCP X", 1, 0,
	  { { 1, E, "missing protocol (TCP or UDP) after '4000 10'" } } },
	{ "3 unknown PORTRANGE option", "PORTRANGE 4000 10 TCP X WHENBIND", 0, 0,
	  { { 1, E, "'WHENBIND' is valid only on UNRSV entries" } } },
	{ "3 empty PORTRANGE", "PORTRANGE", 0, 0,
	  { { 1, E, "PORTRANGE statement has no entries" } } },
	/* TCPCONFIG / UDPCONFIG */
	{ "4 misspelt TCPCONFIG parameter", "TCPCONFIG FINWAIT3TIME 600", 0, 0,
	  { { 1, E, "unknown TCPCONFIG parameter 'FINWAIT3TIME'" } } },
	{ "4 UDP parameter on TCPCONFIG", "TCPCONFIG UDPCHKSUM", 0, 0,
	  { { 1, E, "unknown TCPCONFIG parameter 'UDPCHKSUM'" } } },
	{ "4 TCP parameter on UDPCONFIG", "UDPCONFIG NAGLE", 0, 0,
	  { { 1, E, "unknown UDPCONFIG parameter 'NAGLE'" } } },
	{ "4 value missing", "TCPCONFIG FINWAIT2TIME\nPORT 21 TCP X", 1, 0,
	  { { 1, E, "TCPCONFIG FINWAIT2TIME needs a value" } } },
	{ "4 value not a number", "TCPCONFIG TCPRCVBUFRSIZE LARGE", 0, 0,
	  { { 1, E, "invalid value 'LARGE' for TCPCONFIG TCPRCVBUFRSIZE" } } },
	{ "4 value not TRUE/FALSE", "TCPCONFIG SENDGARBAGE YES", 0, 0,
	  { { 1, E, "invalid value 'YES' for TCPCONFIG SENDGARBAGE" } } },
	{ "4 RESTRICT and UNRESTRICT together",
	  "TCPCONFIG RESTRICTLOWPORTS UNRESTRICTLOWPORTS", 0, 0,
	  { { 1, E, "'UNRESTRICTLOWPORTS' conflicts with 'RESTRICTLOWPORTS'" } } },
	{ "4 EPHEMERALPORTS low below 1024", "UDPCONFIG EPHEMERALPORTS 1000 2000",
	  0, 0, { { 1, E, "UDPCONFIG EPHEMERALPORTS low port '1000' out of range "
		       "1024-65535" } } },
	{ "4 EPHEMERALPORTS high below low",
	  "TCPCONFIG EPHEMERALPORTS 5000 4000", 0, 0,
	  { { 1, E, "TCPCONFIG EPHEMERALPORTS high port '4000' out of range "
		    "5000-65535" } } },
	{ "4 EPHEMERALPORTS high too big",
	  "TCPCONFIG EPHEMERALPORTS 5000 70000", 0, 0,
	  { { 1, E, "TCPCONFIG EPHEMERALPORTS high port '70000' out of range "
		    "5000-65535" } } },
	{ "4 EPHEMERALPORTS one number", "TCPCONFIG EPHEMERALPORTS 5000", 0, 0,
	  { { 1, E, "TCPCONFIG EPHEMERALPORTS needs a low and a high port" } } },
	{ "4 EPHEMERALPORTS word", "TCPCONFIG EPHEMERALPORTS LOW HIGH", 0, 0,
	  { { 1, E, "TCPCONFIG EPHEMERALPORTS needs a low and a high port, not "
		    "'LOW'" },
	    { 1, E, "unknown TCPCONFIG parameter 'HIGH'" } } },
	/* NETACCESS */
	{ "6 missing ENDNETACCESS at end of file",
	  "NETACCESS\n 10.0.0.0/8 INTRANET\n", 0, 1,
	  { { 1, E, "NETACCESS has no ENDNETACCESS" } } },
	{ "6 missing ENDNETACCESS before a statement",
	  "NETACCESS\n 10.0.0.0/8 A\nPORT 21 TCP X", 1, 1,
	  { { 1, E, "NETACCESS has no ENDNETACCESS before 'PORT' at line 3" } } },
	{ "6 invalid address", "NETACCESS\n 10.0.0/8 A\nENDNETACCESS", 0, 0,
	  { { 2, E, "invalid NETACCESS address '10.0.0/8'" } } },
	{ "6 IPv4 prefix out of range",
	  "NETACCESS\n 10.0.0.0/33 A\n 11.0.0.0/8 B\nENDNETACCESS", 0, 1,
	  { { 2, E, "prefix length /33 of '10.0.0.0/33' out of range 0-32" } } },
	{ "6 IPv6 prefix out of range", "NETACCESS 2001:DB8::/129 A ENDNETACCESS",
	  0, 0, { { 1, E, "prefix length /129 of '2001:DB8::/129' out of range "
		       "0-128" } } },
	{ "6 prefix not a number", "NETACCESS 10.0.0.0/X A ENDNETACCESS", 0, 0,
	  { { 1, E, "invalid prefix length '/X' in '10.0.0.0/X'" } } },
	{ "6 mapped prefix shorter than /96",
	  "NETACCESS ::FFFF:10.0.0.0/80 A ENDNETACCESS", 0, 0,
	  { { 1, E, "prefix length /80 of IPv4-mapped address "
		    "'::FFFF:10.0.0.0/80' is shorter than /96" } } },
	{ "6 subnet mask not contiguous",
	  "NETACCESS\n 192.168.1.0 255.0.255.0 LAB\nENDNETACCESS", 0, 0,
	  { { 2, E, "invalid subnet mask '255.0.255.0': the one bits must be "
		    "contiguous" } } },
	{ "6 subnet mask with IPv6", "NETACCESS 2001:DB8:: 255.255.0.0 L "
	  "ENDNETACCESS", 0, 0,
	  { { 1, E, "subnet mask '255.255.0.0' needs an IPv4 address" } } },
	{ "6 missing zone name", "NETACCESS\n 10.0.0.0/8\n 11.0.0.0/8 B\n"
	  "ENDNETACCESS", 0, 1,
	  { { 2, E, "missing security zone name after '10.0.0.0/8'" } } },
	{ "6 DEFAULT without zone", "NETACCESS DEFAULT 0 ENDNETACCESS", 0, 0,
	  { { 1, E, "missing security zone name after 'DEFAULT'" } } },
	{ "6 invalid zone name", "NETACCESS 10.0.0.0/8 INTRANET9 ENDNETACCESS",
	  0, 0, { { 1, E, "invalid security zone name 'INTRANET9': 1-8 "
		       "characters, first A-Z $ @ #, then also 0-9 -" } } },
	{ "6 option after the first entry",
	  "NETACCESS\n 10.0.0.0/8 A\n INBOUND\nENDNETACCESS", 0, 1,
	  { { 3, E, "'INBOUND' must come before the first NETACCESS entry" } } },
	{ "6 options out of IBM's order",
	  "NETACCESS OUTBOUND INBOUND\nENDNETACCESS", 0, 0,
	  { { 1, E, "'INBOUND' must come before 'OUTBOUND'" } } },
	{ "6 host bits are masked, with a warning",
	  "NETACCESS 10.1.2.3/8 NET10 ENDNETACCESS", 0, 1,
	  { { 1, W, "host bits of '10.1.2.3/8' are set: the entry covers "
		    "10.0.0.0/8" } } },
	{ "6 host bits with a dotted mask",
	  "NETACCESS 192.168.1.7 255.255.255.0 LAB ENDNETACCESS", 0, 1,
	  { { 1, W, "host bits of '192.168.1.7' are set: the entry covers "
		    "192.168.1.0/24" } } },
	{ "6 DEFAULTHOME is not emulated",
	  "NETACCESS DEFAULTHOME HOMEZONE ENDNETACCESS", 0, 0,
	  { { 1, W, "NETACCESS DEFAULTHOME is not emulated: zone 'HOMEZONE' is "
		    "not used" } } },
	/* recovery: every error in one pass */
	{ "1 resync after bad entries, every error reported",
	  "PORT 21 TCP FTPD1 BOGUS 22 TCP 1X\n 23 TCP TN3270\n"
	  "PORTRANGE 100 0 TCP A 200 10 TCP B\nTCPCONFIG FOO", 2, 0,
	  { { 1, E, "unknown PORT option 'BOGUS'" },
	    { 1, E, "invalid job name '1X': 1-8 characters A-Z 0-9 $ @ # and "
		    "the wildcards * ?, not starting with a digit" },
	    { 3, E, "port count '0' out of range 1-65535" },
	    { 4, E, "unknown TCPCONFIG parameter 'FOO'" } } },
};

static void test_diagnostics(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(diag_rows); i++) {
		struct parsed p;
		size_t nwant = 0, nerr = 0;

		print_message("spec %s\n", diag_rows[i].spec);
		parse(&p, diag_rows[i].text);
		print_diags(&p.d);
		while (nwant < MAXD && diag_rows[i].d[nwant].text)
			nerr += diag_rows[i].d[nwant++].sev == E;
		assert_int_equal(p.d.n, nwant);
		for (size_t j = 0; j < nwant; j++) {
			assert_string_equal(p.d.v[j].file, FILE_NAME);
			assert_int_equal(p.d.v[j].line, diag_rows[i].d[j].line);
			assert_int_equal(p.d.v[j].sev, diag_rows[i].d[j].sev);
			assert_string_equal(p.d.v[j].text, diag_rows[i].d[j].text);
		}
		assert_int_equal(p.errors, (int)nerr);
		assert_int_equal(p.m.nports, diag_rows[i].nports);
		assert_int_equal(p.m.nnet, diag_rows[i].nnet);
		release(&p);
	}
}

/* ================================================================== */
/* A whole z/OS PROFILE, pasted                                        */

static const char full_profile[] =
	"; PROFILE.TCPIP for SYS1\n"
	"ARPAGE 20\n"
	"GLOBALCONFIG NOTCPIPSTATISTICS SEGMENTATIONOFFLOAD\n"
	"IPCONFIG DATAGRAMFWD VARSUBNETTING SYSPLEXROUTING\n"
	"IPCONFIG6 DATAGRAMFWD\n"
	"SOMAXCONN 1024\n"
	"TCPCONFIG TCPSENDBFRSIZE 64K TCPRCVBUFRSIZE 64K  ;CHG\n"
	"TCPCONFIG RESTRICTLOWPORTS\n"
	"UDPCONFIG RESTRICTLOWPORTS EPHEMERALPORTS 10000 65535\n"
	"DEVice CISCO CLAW AD0 SM03DR4 CIPTCP NONE 20 20 4096 4096 ;CHG\n"
	"LINK SM03CIP IP 0 CISCO  ;CHG\n"
	"DEVICE OSA2380 MPCIPA\n"
	"LINK OSA2380L IPAQENET OSA2380\n"
	"INTERFACE OSAQDIO24 DEFINE IPAQENET PORTNAME OSAQDIO2\n"
	"   IPADDR 10.1.1.10/24 MTU 1492 VLANID 10\n"
	"HOME\n"
	"   172.19.154.193 SM03CIP\n"
	"   10.1.2.3       OSA2380L\n"
	"PRIMARYINTERFACE SM03CIP\n"
	"START CISCO\n"
	"START OSA2380\n"
	"BEGINRoutes\n"
	" ROUTE 172.19.154.0  255.255.255.0  =  SM03CIP   MTU 4096 ;CHG\n"
	" ROUTE DEFAULT       172.19.154.8      SM03CIP   MTU 4096 REPL;CHG\n"
	"ENDRoutes\n"
	"BSDROUTINGPARMS TRUE\n"
	"   SM03CIP 4096 0 255.255.255.0 0\n"
	"ENDBSDROUTINGPARMS\n"
	"AUTOLog 5\n"
	"   FTP  JOBNAME FTP1        ; FTP Server\n"
	"   TRMD PARMSTRING \"D=TCPDATA5 ; not a comment\"\n"
	"   OMPROUTE\n"
	"ENDAUTOLog\n"
	"VIPADYNAMIC\n"
	"   VIPADEFINE 255.255.255.192 201.2.10.11\n"
	"   VIPADISTRIBUTE DEFINE 201.2.10.11 PORT 80 DESTIP ALL\n"
	"ENDVIPADYNAMIC\n"
	"TELNETPARMS\n"
	"   PORT 23 TELNETDEVICE 3278-3-E NVT\n"
	"ENDTELNETPARMS\n"
	"SRCIP\n"
	"   JOBNAME CICS* 10.1.1.10\n"
	"ENDSRCIP\n"
	"IPSEC\n"
	"   IPSECRULE * * NOLOG PROTOCOL *\n"
	"ENDIPSEC\n"
	"SMFCONFIG TYPE119 TCPINIT TCPTERM FTPCLIENT\n"
	"NETMONITOR SMFSERVICE\n"
	"SACONFIG ENABLED COMMUNITY public AGENT 161\n"
	"ITRACE OFF SUBAGENT\n"
	"PKTTRACE ABBREV=200 LINKNAME=OSA2380L PROT=ICMP IP=*\n"
	"PORT\n"
	"     7 UDP MISCSERV            ; Miscellaneous Server - echo\n"
	"     7 TCP MISCSERV\n"
	"    20 TCP *  NOAUTOLOG SAF FTPDATA   ; FTP Server\n"
	"    21 TCP FTP1 SAF FTP\n"
	"    23 TCP TN3270 BIND 10.1.2.3\n"
	"   111 UDP PORTMAP\n"
	"   751 TCP ADM@SRV\n"
	"   UNRSV TCP * SAF UNRSVTCP WHENBIND\n"
	"   UNRSV UDP * SAF UNRSVUDP\n"
	"PORTRANGE 1850 101 TCP * SAF OMEGAMON\n"
	"PORTRANGE 2000 3000 TCP RESERVED\n"
	"NETACCESS INBOUND OUTBOUND\n"
	"   192.168.0.0/16            SUBNET1     ; Subnet address\n"
	"   192.168.113.19/32         HOST1       ; Specific host address\n"
	"   192.168.112.0 255.255.248.0   SUBNET3 ; Subnet address\n"
	"   DEFAULT 0                 DEFZONE     ; Default security zone\n"
	"ENDNETACCESS\n"
	"STOP CISCO\n";

static void test_full_profile(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, full_profile);
	print_diags(&p.d);
	assert_int_equal(p.d.n, 0);
	/* 9 PORT entries and 2 PORTRANGE: the PORTs inside VIPADYNAMIC and
	 * TELNETPARMS belong to those blocks */
	assert_int_equal(p.m.nports, 11);
	assert_int_equal(p.m.nstmts, 3);
	assert_int_equal(p.m.ports[2].first, 20);
	assert_string_equal(p.m.ports[2].saf, "FTPDATA");
	assert_int_equal(p.m.ports[2].line, 55);
	assert_string_equal(addr_text(&p.m.ports[4].bind), "10.1.2.3");
	assert_int_equal(p.m.ports[7].kind, PSF_ENT_UNRSV);
	assert_int_equal(p.m.ports[10].kind, PSF_ENT_RESERVED);
	assert_true(p.m.cfg[PSF_TCP].restrictlow);
	assert_true(p.m.cfg[PSF_UDP].restrictlow);
	assert_int_equal(p.m.cfg[PSF_UDP].eph_low, 10000);
	assert_true(p.m.has_netaccess);
	assert_true(p.m.inbound);
	assert_int_equal(p.m.nnet, 4);
	release(&p);
}

/* ================================================================== */
/* Files                                                               */

static void test_unreadable_file(void **state)
{
	struct psf_tcpip_model m;
	struct psf_diags d = { 0 };

	(void)state;
	psf_tcpip_model_init(&m);
	assert_int_equal(psf_tcpip_parse_file(&m, "/nonexistent/profile", &d),
			 1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].file, "/nonexistent/profile");
	assert_int_equal(d.v[0].line, 0);
	assert_int_equal(d.v[0].sev, PSF_SEV_ERROR);
	assert_string_equal(d.v[0].text,
			    "cannot read: No such file or directory");
	psf_tcpip_model_free(&m);
	psf_diags_free(&d);
}

/* Spec 1: several files may be read in turn; entries keep their file,
 * statement indexes keep counting. */
static void test_several_files(void **state)
{
	char path[] = "/tmp/test_tcpip_parseXXXXXX";
	struct psf_tcpip_model m;
	struct psf_diags d = { 0 };
	int fd = mkstemp(path);
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs("PORT 21 TCP FTPD1\n\n  22 TCP SSHD\n", f);
	fclose(f);
	psf_tcpip_model_init(&m);
	assert_int_equal(psf_tcpip_parse_file(&m, path, &d), 0);
	assert_int_equal(psf_tcpip_parse(&m, "PORT 23 TCP TN3270", 18, "B", &d),
			 0);
	unlink(path);
	assert_int_equal(d.n, 0);
	assert_int_equal(m.nports, 3);
	assert_string_equal(m.ports[1].file, path);
	assert_int_equal(m.ports[1].line, 3);
	assert_ptr_equal(m.ports[0].file, m.ports[1].file);
	assert_string_equal(m.ports[2].file, "B");
	assert_int_equal(m.ports[2].stmt, 1);
	assert_int_equal(m.nstrings, 2);
	psf_tcpip_model_free(&m);
	psf_diags_free(&d);
}

/* The text need not be NUL-terminated: only len bytes are read. */
static void test_length_bounds_text(void **state)
{
	struct psf_tcpip_model m;
	struct psf_diags d = { 0 };
	const char text[] = "PORT 21 TCP FTPD1 22 TCP SSHD";

	(void)state;
	psf_tcpip_model_init(&m);
	assert_int_equal(psf_tcpip_parse(&m, text, 17, "A", &d), 0);
	assert_int_equal(m.nports, 1);
	assert_string_equal(m.ports[0].job, "FTPD1");
	psf_tcpip_model_free(&m);
	psf_diags_free(&d);
}

static void test_model_defaults(void **state)
{
	struct psf_tcpip_model m;

	(void)state;
	psf_tcpip_model_init(&m);
	for (int i = 0; i < PSF_NPROTO; i++) {
		assert_false(m.cfg[i].restrictlow);
		assert_int_equal(m.cfg[i].eph_low, 1024);
		assert_int_equal(m.cfg[i].eph_high, 65535);
		assert_int_equal(m.cfg[i].line, 0);
	}
	assert_false(m.has_netaccess);
	assert_int_equal(m.nports, 0);
	psf_tcpip_model_free(&m);
}

/* ================================================================== */
/* Spec 1: bad input never crashes and is never silently accepted      */

static const char *const soup[] = {
	"PORT", "PORTRANGE", "UNRSV", "TCP", "UDP", "RESERVED", "AUTHPORT",
	"SAF", "DENY", "BIND", "WHENBIND", "WHENLISTEN", "SHAREPORT", "SMC",
	"NOAUTOLOG", "TCPCONFIG", "UDPCONFIG", "EPHEMERALPORTS",
	"RESTRICTLOWPORTS", "NETACCESS", "ENDNETACCESS", "DEFAULT", "INBOUND",
	"AUTOLOG", "ENDAUTOLOG", "DELETE", "INCLUDE", "HOME", "*", "OMVS",
	"FTPD1", "A?C*", "0", "1", "21", "65535", "65536", "1024", "64K",
	"10.0.0.0/8", "10.1.2.3", "255.255.255.0", "::1", "::ffff:1.2.3.4/120",
	"2001:db8::/200", "\"quoted", "\"a b\"", ";", "\n", "\n", "x/",
	"/", "@#$", "TOOLONGNAME12", "-", "\t",
};

static void test_never_crashes(void **state)
{
	unsigned seed = 12345;
	char text[2048];

	(void)state;
	for (int round = 0; round < 3000; round++) {
		struct parsed p;
		size_t len = 0;

		text[0] = '\0';
		for (int w = 0; w < 40; w++) {
			const char *tok;

			seed = seed * 1103515245u + 12345u;
			tok = soup[(seed >> 16) % N(soup)];
			if (len + strlen(tok) + 2 >= sizeof text)
				break;
			len += (size_t)snprintf(text + len, sizeof text - len,
						"%s ", tok);
		}
		parse(&p, text);
		assert_int_equal(p.errors,
				 (int)psf_diags_count(&p.d, PSF_SEV_ERROR));
		for (size_t i = 0; i < p.m.nports; i++)
			assert_true(p.m.ports[i].kind == PSF_ENT_UNRSV ||
				    (p.m.ports[i].first >= 1 &&
				     p.m.ports[i].first + p.m.ports[i].count - 1
				     <= 65535));
		release(&p);
	}
}

/* ================================================================== */
/* Time budget: 10,000 entries well under 20 ms                        */

static char *big_profile(size_t entries)
{
	size_t cap = entries * 64 + 64, len = 0;
	char *s = malloc(cap);

	assert_non_null(s);
	len += (size_t)snprintf(s + len, cap - len, "PORT\n");
	for (size_t i = 0; i < entries / 2; i++)
		len += (size_t)snprintf(s + len, cap - len,
					" %zu TCP JOB%zu NOAUTOLOG SAF RES%zu\n",
					1 + i % 65535, i % 10000, i % 10000);
	len += (size_t)snprintf(s + len, cap - len, "PORTRANGE\n");
	for (size_t i = 0; i < entries - entries / 2; i++)
		len += (size_t)snprintf(s + len, cap - len,
					" %zu 2 UDP * SAF OMEGAMON\n",
					1 + (i * 3) % 65000);
	return s;
}

static double parse_ms(const char *text)
{
	struct timespec a, b;
	struct psf_tcpip_model m;
	struct psf_diags d = { 0 };

	psf_tcpip_model_init(&m);
	clock_gettime(CLOCK_MONOTONIC, &a);
	assert_int_equal(psf_tcpip_parse(&m, text, strlen(text), "BIG", &d), 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	assert_int_equal(m.nports, 10000);
	psf_tcpip_model_free(&m);
	psf_diags_free(&d);
	return (double)(b.tv_sec - a.tv_sec) * 1e3 +
	       (double)(b.tv_nsec - a.tv_nsec) / 1e6;
}

static void test_ten_thousand_entries(void **state)
{
	char *text = big_profile(10000);
	double best = 1e9;

	(void)state;
	/* best of three: a loaded machine must not fail the test */
	for (int i = 0; i < 3; i++) {
		double ms = parse_ms(text);
		best = ms < best ? ms : best;
	}
	free(text);
	print_message("10,000 entries: %.2f ms\n", best);
	assert_true(best < 20.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_port_forms),
		cmocka_unit_test(test_config_forms),
		cmocka_unit_test(test_netaccess_forms),
		cmocka_unit_test(test_diagnostics),
		cmocka_unit_test(test_full_profile),
		cmocka_unit_test(test_unreadable_file),
		cmocka_unit_test(test_several_files),
		cmocka_unit_test(test_length_bounds_text),
		cmocka_unit_test(test_model_defaults),
		cmocka_unit_test(test_never_crashes),
		cmocka_unit_test(test_ten_thousand_entries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
