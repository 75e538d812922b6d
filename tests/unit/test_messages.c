/*
 * The texts portsaf writes for people: ICH408I and ICH432I (spec 5.5, 8),
 * the log string (spec 8), the syslog datagram and the trace line.  Each
 * row's expected text is the whole output, byte for byte.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <string.h>
#include "audit.h"
#include "ipaddr.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define T_EXAMPLE 174196261527LL        /* 2025-03-14 14:30:15.27 UTC */

static const struct psf_identity was = {
	.jobname = "BBOS001", .user = "WASSRV", .group = "WASGRP",
	.program = "JAVA", .name = "WAS SERVANT", .pid = 4711,
};

static const struct psf_identity anon = {
	.jobname = "MYSRVR", .user = "APPUSR1", .group = "APPGRP",
	.program = "FTPD", .pid = 99,
};

static struct psf_saf_event event(enum psf_qualifier q, bool generic,
				  const char *profile)
{
	return (struct psf_saf_event){
		.cls = "SERVAUTH", .resource = "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP",
		.profile = profile, .generic = generic, .qualifier = q,
		.intent = PSF_ACC_READ, .allowed = PSF_ACC_NONE,
		.reasons = PSF_REA_AUDIT, .smf = true, .ich408i = true,
	};
}

static struct psf_ipaddr ip(const char *s)
{
	struct psf_ipaddr a;

	assert_int_equal(psf_ipaddr_parse(s, &a), 0);
	return a;
}

/* ---- ICH408I ---------------------------------------------------------- */

static const struct {
	const char *spec;
	const struct psf_identity *id;
	enum psf_qualifier q;
	bool generic;
	const char *profile, *want;
} ich408i_rows[] = {
	{ "8: failure, generic profile (the spec's example)", &was,
	  PSF_QUAL_INSAUTH, true, "EZB.PORTACCESS.*.*.UNRSVTCP",
	  "ICH408I USER(WASSRV  ) GROUP(WASGRP  ) NAME(WAS SERVANT         )\n"
	  "  EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP CL(SERVAUTH)\n"
	  "  INSUFFICIENT ACCESS AUTHORITY\n"
	  "  FROM EZB.PORTACCESS.*.*.UNRSVTCP (G)\n"
	  "  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )\n" },
	{ "8: FROM only for generic profiles", &was, PSF_QUAL_INSAUTH, false,
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP",
	  "ICH408I USER(WASSRV  ) GROUP(WASGRP  ) NAME(WAS SERVANT         )\n"
	  "  EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP CL(SERVAUTH)\n"
	  "  INSUFFICIENT ACCESS AUTHORITY\n"
	  "  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )\n" },
	{ "8: warning variant replaces the third line; NAME blank", &anon,
	  PSF_QUAL_WARNING, true, "EZB.PORTACCESS.**",
	  "ICH408I USER(APPUSR1 ) GROUP(APPGRP  ) NAME(                    )\n"
	  "  EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP CL(SERVAUTH)\n"
	  "  WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED\n"
	  "  FROM EZB.PORTACCESS.** (G)\n"
	  "  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )\n" },
};

static void test_ich408i(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(ich408i_rows); i++) {
		struct psf_saf_event ev = event(ich408i_rows[i].q,
						ich408i_rows[i].generic,
						ich408i_rows[i].profile);
		struct psf_audit_in in = { .id = ich408i_rows[i].id, .ev = &ev };
		char buf[PSF_MSG_MAX];
		size_t n = psf_ich408i_format(buf, sizeof buf, &in);

		print_message("row %zu: %s\n", i, ich408i_rows[i].spec);
		assert_string_equal(buf, ich408i_rows[i].want);
		assert_int_equal(n, strlen(ich408i_rows[i].want));
		/* exactly full (text and NUL) fits; one byte less does not */
		assert_int_equal(psf_ich408i_format(buf, n + 1, &in), n);
		assert_int_equal(psf_ich408i_format(buf, n, &in), 0);
		assert_int_equal(psf_ich408i_format(buf, 0, &in), 0);
	}
}

/* ---- ICH432I ---------------------------------------------------------- */

static void test_ich432i(void **state)
{
	struct psf_saf_event ev = event(PSF_QUAL_SUCCESS, true,
					"EZB.PORTACCESS.*.*.FTP");
	struct psf_audit_in in = { .id = &anon, .ev = &ev };
	const char *want = "ICH432I CONDITIONAL ACCESS LIST FOR SERVAUTH "
			   "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP DID NOT GRANT "
			   "AUTHORITY TO PROGRAM(S): FTPD\n";
	char buf[PSF_MSG_MAX];

	(void)state;
	/* spec 5.5: the resource checked, not the profile */
	assert_int_equal(psf_ich432i_format(buf, sizeof buf, &in), strlen(want));
	assert_string_equal(buf, want);
	assert_int_equal(psf_ich432i_format(buf, strlen(want), &in), 0);
}

/* ---- log string --------------------------------------------------------- */

static const struct {
	const char *spec;
	const struct psf_identity *id;
	enum psf_op op;
	enum psf_proto proto;
	uint16_t port;
	const char *addr;               /* NULL: none */
	bool ephemeral;
	const char *want;
} logstr_rows[] = {
	{ "8: the spec's example", &was, PSF_OP_BIND, PSF_TCP, 8080, "0.0.0.0",
	  false, "OP(BIND) PROTO(TCP) PORT(8080) ADDR(0.0.0.0) PGM(JAVA) PID(4711)" },
	{ "8: destination of a connect", &anon, PSF_OP_CONNECT, PSF_TCP, 443,
	  "10.1.2.3", false,
	  "OP(CONNECT) PROTO(TCP) PORT(443) ADDR(10.1.2.3) PGM(FTPD) PID(99)" },
	{ "8: IPv6 in RFC 5952 form", &anon, PSF_OP_SEND, PSF_UDP, 53,
	  "2001:DB8:0:0:1:0:0:1", false,
	  "OP(SEND) PROTO(UDP) PORT(53) ADDR(2001:db8::1:0:0:1) PGM(FTPD) PID(99)" },
	{ "8: IPv4-mapped shown as IPv4 (spec 6)", &anon, PSF_OP_LISTEN, PSF_TCP,
	  21, "::ffff:192.168.1.7", false,
	  "OP(LISTEN) PROTO(TCP) PORT(21) ADDR(192.168.1.7) PGM(FTPD) PID(99)" },
	{ "lead's decision: EPH(YES) after PID", &was, PSF_OP_BIND, PSF_UDP,
	  40123, "::", true,
	  "OP(BIND) PROTO(UDP) PORT(40123) ADDR(::) PGM(JAVA) PID(4711) EPH(YES)" },
	{ "8: a denied bind to port 0 shows PORT(0)", &was, PSF_OP_BIND, PSF_TCP,
	  0, NULL, true, "OP(BIND) PROTO(TCP) PORT(0) PGM(JAVA) PID(4711) EPH(YES)" },
};

static void test_logstr(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(logstr_rows); i++) {
		struct psf_audit_in in = {
			.id = logstr_rows[i].id, .op = logstr_rows[i].op,
			.proto = logstr_rows[i].proto, .port = logstr_rows[i].port,
			.ephemeral = logstr_rows[i].ephemeral,
		};
		char buf[256];

		print_message("row %zu: %s\n", i, logstr_rows[i].spec);
		if (logstr_rows[i].addr)
			in.addr = ip(logstr_rows[i].addr);
		assert_int_equal(psf_logstr_format(buf, sizeof buf, &in),
				 strlen(logstr_rows[i].want));
		assert_string_equal(buf, logstr_rows[i].want);
		assert_int_equal(psf_logstr_format(buf, strlen(logstr_rows[i].want),
						   &in), 0);
	}
}

/* ---- syslog ------------------------------------------------------------- */

static const struct {
	const char *spec;
	int64_t time;
	int32_t offset;
	int severity;
	const char *msg, *want;
} syslog_rows[] = {
	{ "issue 4: facility AUTH, ident portsaf, one message per line group",
	  T_EXAMPLE, 0, PSF_SYSLOG_WARNING,
	  "ICH408I USER(A) \n  RES CL(SERVAUTH)\n",
	  "<36>Mar 14 14:30:15 portsaf[4711]: ICH408I USER(A) \n  RES CL(SERVAUTH)" },
	{ "RFC 3164: day padded with a blank; local time", 1709512500LL * 100,
	  3600, PSF_SYSLOG_NOTICE, "ICH432I X\n",
	  "<37>Mar  4 01:35:00 portsaf[4711]: ICH432I X" },
};

static void test_syslog(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(syslog_rows); i++) {
		struct psf_audit_in in = {
			.id = &was, .time_centis = syslog_rows[i].time,
			.utc_offset = syslog_rows[i].offset,
		};
		const char *msg = syslog_rows[i].msg;
		char buf[512];

		print_message("row %zu: %s\n", i, syslog_rows[i].spec);
		assert_int_equal(psf_syslog_format(buf, sizeof buf,
						   syslog_rows[i].severity, &in,
						   msg, strlen(msg)),
				 strlen(syslog_rows[i].want));
		assert_string_equal(buf, syslog_rows[i].want);
		assert_int_equal(psf_syslog_format(buf, 20, syslog_rows[i].severity,
						   &in, msg, strlen(msg)), 0);
	}
}

/* ---- trace -------------------------------------------------------------- */

static void test_trace(void **state)
{
	struct psf_saf_event ev = event(PSF_QUAL_INSAUTH, true,
					"EZB.PORTACCESS.*.*.UNRSVTCP");
	struct psf_decision deny = {
		.verdict = PSF_DENY, .err = EACCES, .rule = PSF_RULE_UNRSV_SAF,
		.nevents = 1, .events = { ev },
	};
	struct psf_decision jobname = {
		.verdict = PSF_DENY, .err = EACCES, .rule = PSF_RULE_JOBNAME,
	};
	struct psf_decision rewrite = {
		.verdict = PSF_ALLOW, .rule = PSF_RULE_RESERVED_OWNER,
		.rewrite = true, .bind_addr = ip("10.0.0.5"),
	};
	struct psf_audit_in in = {
		.id = &was, .time_centis = T_EXAMPLE, .op = PSF_OP_BIND,
		.proto = PSF_TCP, .port = 8080, .addr = ip("0.0.0.0"),
	};
	const struct {
		const char *spec;
		const struct psf_decision *d;
		const char *want;
	} rows[] = {
		{ "8: a RACF decision with its event", &deny,
		  "2025-03-14T14:30:15.27 JOB(BBOS001) USER(WASSRV) GROUP(WASGRP) "
		  "OP(BIND) PROTO(TCP) PORT(8080) ADDR(0.0.0.0) PGM(JAVA) PID(4711) "
		  "-> DENY EACCES RULE(unrsv-saf) "
		  "SAF(EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP CL(SERVAUTH) "
		  "PROFILE(EZB.PORTACCESS.*.*.UNRSVTCP G) INSAUTH LOG(SMF ICH408I))\n" },
		{ "8: decisions RACF never sees", &jobname,
		  "2025-03-14T14:30:15.27 JOB(BBOS001) USER(WASSRV) GROUP(WASGRP) "
		  "OP(BIND) PROTO(TCP) PORT(8080) ADDR(0.0.0.0) PGM(JAVA) PID(4711) "
		  "-> DENY EACCES RULE(jobname)\n" },
		{ "2.2: BIND ipaddr rewrite", &rewrite,
		  "2025-03-14T14:30:15.27 JOB(BBOS001) USER(WASSRV) GROUP(WASGRP) "
		  "OP(BIND) PROTO(TCP) PORT(8080) ADDR(0.0.0.0) PGM(JAVA) PID(4711) "
		  "-> ALLOW RULE(reserved-owner) BIND(10.0.0.5)\n" },
	};

	(void)state;
	for (size_t i = 0; i < N(rows); i++) {
		char buf[PSF_MSG_MAX];

		print_message("row %zu: %s\n", i, rows[i].spec);
		assert_int_equal(psf_trace_format(buf, sizeof buf, &in, rows[i].d),
				 strlen(rows[i].want));
		assert_string_equal(buf, rows[i].want);
		assert_int_equal(psf_trace_format(buf, strlen(rows[i].want), &in,
						  rows[i].d), 0);
	}
}

/* ---- civil time ---------------------------------------------------------- */

static void test_civil_time(void **state)
{
	const struct {
		int64_t centis;
		int32_t offset;
		const char *want;
	} rows[] = {
		{ T_EXAMPLE, 0, "2025-03-14T14:30:15.27" },
		{ T_EXAMPLE, -14 * 3600 - 30 * 60, "2025-03-14T00:00:15.27" },
		{ 0, 0, "1970-01-01T00:00:00.00" },
		{ -1, 0, "1969-12-31T23:59:59.99" },
		{ 951782400LL * 100, 0, "2000-02-29T00:00:00.00" },
	};
	(void)state;
	for (size_t i = 0; i < N(rows); i++) {
		char buf[32];
		struct psf_buf b;

		psf_buf_init(&b, buf, sizeof buf);
		psf_buf_isotime(&b, rows[i].centis, rows[i].offset);
		assert_int_equal(psf_buf_finish(&b), 22);
		assert_string_equal(buf, rows[i].want);
	}
}

/* ---- EBCDIC ----------------------------------------------------------- */

static void test_ebcdic(void **state)
{
	uint8_t e[256];
	char back[257], all[257];

	(void)state;
	psf_to_ebcdic(e, "AZaz09 .$#@()*", 16);
	assert_memory_equal(e, "\xC1\xE9\x81\xA9\xF0\xF9\x40\x4B\x5B\x7B\x7C"
			    "\x4D\x5D\x5C\x40\x40", 16);
	/* code page 1047's own: [ ] ^ (037 differs) */
	psf_to_ebcdic(e, "[]^", 3);
	assert_memory_equal(e, "\xAD\xBD\x5F", 3);
	for (int i = 0; i < 256; i++)
		all[i] = (char)(i + 1);
	all[256] = '\0';
	psf_to_ebcdic(e, all, 255);
	psf_from_ebcdic(back, e, 255);
	assert_memory_equal(back, all, 255);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ich408i),
		cmocka_unit_test(test_ich432i),
		cmocka_unit_test(test_logstr),
		cmocka_unit_test(test_syslog),
		cmocka_unit_test(test_trace),
		cmocka_unit_test(test_civil_time),
		cmocka_unit_test(test_ebcdic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
