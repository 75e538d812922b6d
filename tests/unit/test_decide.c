/* The decision, row by row: one request and the expected verdict, errno,
 * rule and events, each row naming the spec section it checks. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "fixture.h"
#include "ipaddr.h"

#define B PSF_OP_BIND
#define L PSF_OP_LISTEN
#define C PSF_OP_CONNECT
#define S PSF_OP_SEND
#define T PSF_TCP
#define U PSF_UDP
#define OK PSF_ALLOW
#define WARN PSF_ALLOW_WARNING
#define NO PSF_DENY

/* event expectations: "-" none; else qualifier letter per event:
 * s success, f failure, w warning; then flags: M = ICH408I, R = SMF
 * record, 4 = ICH432I, e.g. "wMR" */
struct row {
	const char *spec;
	const char *profile, *racf;
	struct fx_opts o;
	const char *who, *flags;
	enum psf_op op;
	enum psf_proto proto;
	unsigned port;
	const char *addr;
	bool assigned;
	enum psf_verdict v;
	int err;
	enum psf_rule rule;
	const char *events;
	const char *profile_used;
};

static const char FTP[] = "PORT 21 TCP FTPD1\n";
static const char UNRSV_DENY[] = "PORT UNRSV TCP * DENY\n";
static const char UNRSV_DENY_WB[] = "PORT UNRSV TCP * DENY WHENBIND\n";
static const char UNRSV_UDP_SAF[] = "PORT UNRSV UDP * SAF UNRSVUDP\n";
static const char CLOSER[] = "PORT UNRSV TCP A* \n UNRSV TCP * SAF GENERIC\n";
static const char RANGE_RSV[] = "PORTRANGE 2000 3000 TCP RESERVED\n";
static const char P4_RACF[] =
	"RDEFINE SERVAUTH EZB.PORTACCESS.*.*.UNRSVTCP UACC(NONE)\n"
	"PERMIT EZB.PORTACCESS.*.*.UNRSVTCP CLASS(SERVAUTH) ID(WASGRP) ACCESS(READ)\n"
	"PERMIT EZB.PORTACCESS.*.*.UNRSVTCP CLASS(SERVAUTH) ID(OTHER) ACCESS(NONE)\n";
static const char P4[] = "PORT UNRSV TCP * SAF UNRSVTCP\n";
static const char P4WB[] = "PORT UNRSV TCP * SAF UNRSVTCP WHENBIND\n";
static const char SAFPORT[] =
	"PORT 8080 TCP WEB* SAF WEBPORT\n"
	"     8081 TCP WEBSRV BIND 10.1.2.3\n"
	"     8082 TCP RESERVED\n"
	"     8083 UDP *\n"
	"     446 TCP DB2A SHAREPORT\n 446 TCP DB2B SHAREPORT\n";
static const char SAFPORT_RACF[] =
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.WEBPORT UACC(NONE)\n"
	"PERMIT EZB.PORTACCESS.SYS1.TCPIP.WEBPORT CLASS(SERVAUTH) ID(WEBUSR) ACCESS(READ)\n";
static const char WARN_RACF[] =
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.WEBPORT UACC(NONE) WARNING AUDIT(ALL(READ))\n";
static const char LOW[] = "TCPCONFIG RESTRICTLOWPORTS\nUDPCONFIG RESTRICTLOWPORTS\n"
	"PORT 23 TCP TN3270\nPORT UNRSV TCP * DENY\n";
static const char AUTH[] = "PORTRANGE 50000 100 TCP AUTHPORT\n";
static const char NET[] =
	"NETACCESS INBOUND OUTBOUND\n"
	"  10.0.0.0/8 INTRANET\n"
	"  10.1.0.0 255.255.0.0 LAB\n"
	"  2001:db8::/32 V6LAB\n"
	"  192.168.0.0/16 NOPROF\n"
	"ENDNETACCESS\n";
static const char NET_RACF[] =
	"RDEFINE SERVAUTH EZB.NETACCESS.*.*.INTRANET UACC(READ)\n"
	"RDEFINE SERVAUTH EZB.NETACCESS.*.*.LAB UACC(NONE)\n"
	"RDEFINE SERVAUTH EZB.NETACCESS.*.*.V6LAB UACC(NONE) WARNING\n";
static const char PGM_RACF[] =
	"SETROPTS WHEN(PROGRAM)\n"
	"RDEFINE FACILITY IRR.PGMSECURITY APPLDATA('ENHWARN')\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.*.*.FTP UACC(NONE)\n"
	"PERMIT EZB.PORTACCESS.*.*.FTP CLASS(SERVAUTH) ID(FTPUSR) ACCESS(READ) WHEN(PROGRAM(FTPD))\n";
static const char PGM_PROF[] = "PORT 21 TCP * SAF FTP\n";
static const char AUDIT_RACF[] =
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.A UACC(NONE) AUDIT(NONE)\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.B UACC(NONE) AUDIT(FAILURES(UPDATE))\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.C UACC(READ) AUDIT(SUCCESS(READ))\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.D UACC(READ) GLOBALAUDIT(ALL)\n";
static const char AUDIT_PROF[] =
	"PORT 1001 TCP * SAF A\n 1002 TCP * SAF B\n 1003 TCP * SAF C\n"
	" 1004 TCP * SAF D\n 1005 TCP * SAF E\n";
static const char GRP_RACF[] =
	"ADDGROUP (G1 G2)\n"
	"ADDUSER U1 DFLTGRP(G1)\n"
	"CONNECT U1 GROUP(G2)\n"
	"RDEFINE SERVAUTH EZB.PORTACCESS.** UACC(NONE)\n"
	"PERMIT EZB.PORTACCESS.** CLASS(SERVAUTH) ID(G2) ACCESS(READ)\n"
	"PERMIT EZB.PORTACCESS.** CLASS(SERVAUTH) ID(U2) ACCESS(NONE)\n"
	"PERMIT EZB.PORTACCESS.** CLASS(SERVAUTH) ID(*) ACCESS(READ)\n";
#define GRP_BASE \
	"ADDGROUP (G1 G2)\n" \
	"ADDUSER U1 DFLTGRP(G1)\n" \
	"CONNECT U1 GROUP(G2)\n" \
	"RDEFINE SERVAUTH EZB.PORTACCESS.** UACC(NONE)\n" \
	"PERMIT EZB.PORTACCESS.** CLASS(SERVAUTH) ID(G2) ACCESS(READ)\n"
static const char GRP_NOLIST[] = GRP_BASE;
static const char GRP_LIST[] = "SETROPTS GRPLIST\n" GRP_BASE;
static const char GRP_PROF[] = "PORT 9000 TCP * SAF X\n";
static const char GEN_PROF[] = "PORT UNRSV TCP * SAF UNRSVTCP WHENBIND\n";
static const char EZZ[] =
	"PORT UNRSV TCP JOBX DENY\n 5555 TCP ANY\n"     /* EZZ0146I: ignored */
	"PORT UNRSV TCP * SAF UNRSVTCP WHENBIND\n"
	"     UNRSV TCP B* WHENLISTEN\n"                /* EZZ0147I: ignored */
	"     UNRSV TCP *\n"                            /* second *: ignored */
	"PORTRANGE 7000 10 TCP RJOB\n"
	"PORT 7005 TCP LATER\n";                        /* overlap: ignored */

static const struct row rows[] = {
	/* 2.4 IBM's own worked cases */
	{ "2.4#1", FTP, "", {0}, "FTPD1 U G P", 0, B, T, 21, 0, 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	{ "2.4#2", FTP, "", {0}, "USER1 ROOT G P", "superuser apf", B, T, 21, 0, 0, NO, EACCES, PSF_RULE_JOBNAME, "-", 0 },
	{ "2.4#3 bind", UNRSV_DENY, "", {0}, "X U G P", 0, B, T, 5000, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.4#3 connect", UNRSV_DENY, "", {0}, "X U G P", 0, C, T, 80, "127.0.0.1", 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.4#4", UNRSV_DENY, "", {0}, "X U G P", 0, L, T, 5000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_DENY, "-", 0 },
	{ "2.4#5", UNRSV_DENY_WB, "", {0}, "X U G P", 0, B, T, 5000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_DENY, "-", 0 },
	{ "2.4#6", UNRSV_UDP_SAF, "RDEFINE SERVAUTH EZB.** UACC(NONE)\n", {0}, "X U G P", 0, B, U, 0, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.4#7", CLOSER, "RDEFINE SERVAUTH EZB.** UACC(NONE)\n", {0}, "APP1 U G P", 0, L, T, 7000, 0, 0, OK, 0, PSF_RULE_UNRSV_OPEN, "-", 0 },
	{ "2.4#8", RANGE_RSV, "", {0}, "ANY U G P", "superuser", B, T, 2500, 0, 0, NO, EADDRINUSE, PSF_RULE_RESERVED, "-", 0 },
	/* 2.2 reserved ports */
	{ "2.2 SAF allows", SAFPORT, SAFPORT_RACF, {0}, "WEBA WEBUSR G P", 0, B, T, 8080, 0, 0, OK, 0, PSF_RULE_RESERVED_SAF, "s", 0 },
	{ "2.2 SAF denies", SAFPORT, SAFPORT_RACF, {0}, "WEBA OTHER G P", 0, B, T, 8080, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "fMR", "EZB.PORTACCESS.SYS1.TCPIP.WEBPORT" },
	{ "2.2 SAF warning", SAFPORT, WARN_RACF, {0}, "WEBA OTHER G P", 0, B, T, 8080, 0, 0, WARN, 0, PSF_RULE_RESERVED_SAF, "wMR", 0 },
	{ "2.2 no-warning", SAFPORT, WARN_RACF, { .no_warning = true }, "WEBA OTHER G P", 0, B, T, 8080, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "fMR", 0 },
	{ "2.2 job mismatch", SAFPORT, SAFPORT_RACF, {0}, "OTHER WEBUSR G P", 0, B, T, 8080, 0, 0, NO, EACCES, PSF_RULE_JOBNAME, "-", 0 },
	{ "2.2 RESERVED", SAFPORT, "", {0}, "ANY U G P", 0, B, T, 8082, 0, 0, NO, EADDRINUSE, PSF_RULE_RESERVED, "-", 0 },
	{ "2.2 UDP reserved *", SAFPORT, "", {0}, "ANY U G P", 0, B, U, 8083, 0, 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	{ "2.2 TCP/UDP separate", SAFPORT, "", {0}, "ANY U G P", 0, B, U, 8082, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.2 same port twice", SAFPORT, "", {0}, "DB2B U G P", 0, B, T, 446, 0, 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	{ "2.2 same port other", SAFPORT, "", {0}, "DB2C U G P", 0, B, T, 446, 0, 0, NO, EACCES, PSF_RULE_JOBNAME, "-", 0 },
	{ "2.2 reserved at listen unchecked", SAFPORT, SAFPORT_RACF, {0}, "OTHER U G P", 0, L, T, 8080, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.2 SAF not protected", SAFPORT, "", {0}, "WEBA U G P", 0, B, T, 8080, 0, 0, OK, 0, PSF_RULE_NOT_PROTECTED, "-", 0 },
	{ "5.3 no_profile deny", SAFPORT, "", { .no_profile_deny = true }, "WEBA U G P", 0, B, T, 8080, 0, 0, NO, EACCES, PSF_RULE_NOT_PROTECTED_DENY, "-", 0 },
	{ "5.3 class inactive", SAFPORT, "SETROPTS NOCLASSACT(SERVAUTH)\nRDEFINE SERVAUTH EZB.** UACC(NONE)\n", {0}, "WEBA U G P", 0, B, T, 8080, 0, 0, OK, 0, PSF_RULE_NOT_PROTECTED, "-", 0 },
	/* 3 PORTRANGE */
	{ "3 AUTHPORT other", AUTH, "", {0}, "ANY U G P", 0, B, T, 50050, 0, 0, NO, EADDRINUSE, PSF_RULE_AUTHPORT, "-", 0 },
	{ "3 AUTHPORT ftp", AUTH, "", {0}, "FTPD U G P", "ftp", B, T, 50099, 0, 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	{ "3 AUTHPORT past end", AUTH, "", {0}, "ANY U G P", 0, B, T, 50100, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "3 range cut at 65535", "PORTRANGE 65500 1000 UDP RESERVED\n", "", {0}, "ANY U G P", 0, B, U, 65535, 0, 0, NO, EADDRINUSE, PSF_RULE_RESERVED, "-", 0 },
	{ "3 range job SAF", "PORTRANGE 1850 101 TCP * SAF OMEGAMON\n", "RDEFINE SERVAUTH EZB.PORTACCESS.*.*.OMEGAMON UACC(NONE) AUDIT(ALL(READ))\nPERMIT EZB.PORTACCESS.*.*.OMEGAMON CL(SERVAUTH) ID(OMEG) ACC(READ)\n", {0}, "KDSMAIN OMEG G P", 0, B, T, 1950, 0, 0, OK, 0, PSF_RULE_RESERVED_SAF, "sR", 0 },
	/* 2.3 UNRSV */
	{ "2.3 WHENLISTEN bind ok", P4, P4_RACF, {0}, "J OTHER G P", 0, B, T, 9000, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.3 WHENLISTEN listen deny", P4, P4_RACF, {0}, "J OTHER G P", 0, L, T, 9000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", "EZB.PORTACCESS.*.*.UNRSVTCP" },
	{ "2.3 listen port 0 unchecked", P4, P4_RACF, {0}, "J OTHER G P", 0, L, T, 0, 0, true, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.3 tcp_ephemeral listen", P4, P4_RACF, { .tcp_eph = true }, "J OTHER G P", 0, L, T, 40000, 0, true, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", 0 },
	{ "2.3 WHENBIND bind deny", P4WB, P4_RACF, {0}, "J OTHER G P", 0, B, T, 9000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", 0 },
	{ "2.3 WHENBIND listen unchecked", P4WB, P4_RACF, {0}, "J OTHER G P", 0, L, T, 9000, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.3 WHENBIND port 0 unchecked", P4WB, P4_RACF, {0}, "J OTHER G P", 0, B, T, 0, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.3 tcp_ephemeral bind 0", P4WB, P4_RACF, { .tcp_eph = true }, "J OTHER G P", 0, B, T, 0, 0, 0, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", 0 },
	{ "2.3 group permitted", P4WB, P4_RACF, {0}, "J U1 WASGRP P", 0, B, T, 9000, 0, 0, OK, 0, PSF_RULE_UNRSV_SAF, "s", 0 },
	{ "2.3 no UNRSV match", "PORT UNRSV TCP A* WHENBIND\n", "", {0}, "BJOB U G P", 0, B, T, 9000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_NOMATCH, "-", 0 },
	{ "2.3 UDP at bind", UNRSV_UDP_SAF, "RDEFINE SERVAUTH EZB.** UACC(NONE)\n", {0}, "X U G P", 0, B, U, 5000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", 0 },
	{ "2.3 udp_ephemeral port 0", UNRSV_UDP_SAF, "RDEFINE SERVAUTH EZB.** UACC(NONE)\n", { .udp_eph = true }, "X U G P", 0, B, U, 0, 0, 0, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", 0 },
	{ "2.3 no UNRSV for proto", UNRSV_UDP_SAF, "", {0}, "X U G P", 0, B, T, 5000, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	/* 2.3 / 10 tolerated conditions: the stack's consequence */
	{ "2.3 EZZ0146I stmt ignored", EZZ, "", {0}, "JOBX U G P", 0, B, T, 5555, 0, 0, OK, 0, PSF_RULE_NOT_PROTECTED, "-", 0 },
	{ "2.3 EZZ0147I entry ignored", EZZ, "", {0}, "BJOB U G P", 0, B, T, 6000, 0, 0, OK, 0, PSF_RULE_NOT_PROTECTED, "-", 0 },
	{ "3 overlap: later ignored", EZZ, "", {0}, "LATER U G P", 0, B, T, 7005, 0, 0, NO, EACCES, PSF_RULE_JOBNAME, "-", 0 },
	{ "3 overlap: range kept", EZZ, "", {0}, "RJOB U G P", 0, B, T, 7005, 0, 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	{ "2.3 EZZ0147I: default is WHENLISTEN", "PORT UNRSV TCP A*\n UNRSV TCP * DENY WHENBIND\n", "", {0}, "CLIENT U G P", 0, B, T, 5000, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.3 EZZ0147I: default is WHENLISTEN, listen", "PORT UNRSV TCP A*\n UNRSV TCP * DENY WHENBIND\n", "", {0}, "CLIENT U G P", 0, L, T, 5000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_NOMATCH, "-", 0 },
	{ "2.3 udp_ephemeral: DENY leaves port 0 unchecked", "PORT UNRSV UDP * DENY\n", "", { .udp_eph = true }, "X U G P", 0, B, U, 0, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "2.3 tcp_ephemeral: no match leaves listen unchecked", "PORT UNRSV TCP A* SAF X\n", "RDEFINE SERVAUTH EZB.** UACC(NONE)\n", { .tcp_eph = true }, "B U G P", 0, L, T, 0, 0, true, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	/* 4 RESTRICTLOWPORTS */
	{ "4 low port user", LOW, "", {0}, "X U G P", 0, B, T, 80, 0, 0, NO, EACCES, PSF_RULE_LOWPORT, "-", 0 },
	{ "4 low port superuser", LOW, "", {0}, "X U G P", "superuser", B, T, 80, 0, 0, OK, 0, PSF_RULE_LOWPORT, "-", 0 },
	{ "4 low port apf", LOW, "", {0}, "X U G P", "apf", B, U, 53, 0, 0, OK, 0, PSF_RULE_LOWPORT, "-", 0 },
	{ "4 reserved low: owner", LOW, "", {0}, "TN3270 U G P", 0, B, T, 23, 0, 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	{ "4 reserved low: root no override", LOW, "", {0}, "X ROOT G P", "superuser apf", B, T, 23, 0, 0, NO, EACCES, PSF_RULE_JOBNAME, "-", 0 },
	{ "4 UNRSV only above 1023", LOW, "", {0}, "X U G P", "superuser", L, T, 80, 0, 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "4 UNRSV above 1023", LOW, "", {0}, "X U G P", "superuser", L, T, 1024, 0, 0, NO, EACCES, PSF_RULE_UNRSV_DENY, "-", 0 },
	/* 2.1 job-name patterns */
	{ "2.1 exact beats wildcard", "PORT 9100 TCP AB* SAF X\n 9100 TCP ABC\n", "RDEFINE SERVAUTH EZB.** UACC(NONE)\n", {0}, "ABC U G P", 0, B, T, 9100, 0, 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	{ "2.1 more literal wins", "PORT 9100 TCP A* SAF X\n 9100 TCP A?C*\n", "RDEFINE SERVAUTH EZB.** UACC(NONE)\n", {0}, "ABCD U G P", 0, B, T, 9100, 0, 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	{ "2.1 ? is one char", "PORT 9100 TCP A?C\n", "", {0}, "ABBC U G P", 0, B, T, 9100, 0, 0, NO, EACCES, PSF_RULE_JOBNAME, "-", 0 },
	{ "2.1 OMVS matches all", "PORT 9100 TCP OMVS\n", "", {0}, "ANY U G P", 0, B, T, 9100, 0, 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	{ "2.1 tie: first wins", "PORT 9100 TCP AB* SAF X\n 9100 TCP A*B\n", "RDEFINE SERVAUTH EZB.** UACC(NONE)\n", {0}, "ABB U G P", 0, B, T, 9100, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "fMR", 0 },
	/* 2.2 BIND ipaddr */
	{ "2.2 BIND rewrites any", SAFPORT, "", {0}, "WEBSRV U G P", 0, B, T, 8081, "0.0.0.0", 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	/* 5.4 access determination */
	{ "5.4 GRPLIST off: current group only", GRP_PROF, GRP_NOLIST, {0}, "J U1 G1 P", 0, B, T, 9000, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "fMR", 0 },
	{ "5.4 GRPLIST on: all groups", GRP_PROF, GRP_LIST, {0}, "J U1 G1 P", 0, B, T, 9000, 0, 0, OK, 0, PSF_RULE_RESERVED_SAF, "s", 0 },
	{ "5.4 user entry first", GRP_PROF, GRP_RACF, {0}, "J U2 G2 P", 0, B, T, 9000, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "fMR", 0 },
	{ "5.4 ID(*)", GRP_PROF, GRP_RACF, {0}, "J U3 G9 P", 0, B, T, 9000, 0, 0, OK, 0, PSF_RULE_RESERVED_SAF, "s", 0 },
	{ "5.4 WHEN(PROGRAM) grants", PGM_PROF, PGM_RACF, {0}, "FTPD1 FTPUSR G FTPD", 0, B, T, 21, 0, 0, OK, 0, PSF_RULE_RESERVED_SAF, "s", 0 },
	{ "5.5 ICH432I other program", PGM_PROF, PGM_RACF, {0}, "FTPD1 FTPUSR G OTHER", 0, B, T, 21, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "fMR4", 0 },
	{ "5.4 WHEN(PROGRAM) inactive", PGM_PROF, "RDEFINE SERVAUTH EZB.PORTACCESS.*.*.FTP UACC(NONE)\nPERMIT EZB.PORTACCESS.*.*.FTP CLASS(SERVAUTH) ID(FTPUSR) WHEN(PROGRAM(FTPD))\n", {0}, "FTPD1 FTPUSR G FTPD", 0, B, T, 21, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "fMR", 0 },
	/* 5.2 generic profile chosen (worked table) */
	{ "5.2 literal beats *", GEN_PROF, "RDEFINE SERVAUTH EZB.PORTACCESS.*.*.UNRSVTCP UACC(READ)\nRDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.* UACC(NONE)\n", {0}, "J U G P", 0, B, T, 9000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", "EZB.PORTACCESS.SYS1.TCPIP.*" },
	{ "5.2 * beats **", GEN_PROF, "RDEFINE SERVAUTH EZB.PORTACCESS.** UACC(READ)\nRDEFINE SERVAUTH EZB.PORTACCESS.*.*.UNRSVTCP UACC(NONE)\n", {0}, "J U G P", 0, B, T, 9000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", "EZB.PORTACCESS.*.*.UNRSVTCP" },
	{ "5.2 literal beats %", GEN_PROF, "RDEFINE SERVAUTH EZB.PORTACCESS.SYS%.TCPIP.* UACC(READ)\nRDEFINE SERVAUTH EZB.PORTACCESS.SYS1.*.UNRSVTCP UACC(NONE)\n", {0}, "J U G P", 0, B, T, 9000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", "EZB.PORTACCESS.SYS1.*.UNRSVTCP" },
	{ "5.2 longer ** wins", GEN_PROF, "RDEFINE SERVAUTH EZB.** UACC(READ)\nRDEFINE SERVAUTH EZB.PORTACCESS.** UACC(NONE)\n", {0}, "J U G P", 0, B, T, 9000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", "EZB.PORTACCESS.**" },
	{ "5.2 discrete wins", GEN_PROF, "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP UACC(NONE)\nRDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.* UACC(READ)\n", {0}, "J U G P", 0, B, T, 9000, 0, 0, NO, EACCES, PSF_RULE_UNRSV_SAF, "fMR", "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP" },
	{ "5.2 NOGENERIC: discrete only", GEN_PROF, "SETROPTS NOGENERIC(SERVAUTH)\nRDEFINE SERVAUTH EZB.PORTACCESS.** UACC(NONE)\n", {0}, "J U G P", 0, B, T, 9000, 0, 0, OK, 0, PSF_RULE_NOT_PROTECTED, "-", 0 },
	/* 5.6 auditing */
	{ "5.6 AUDIT(NONE) failure", AUDIT_PROF, AUDIT_RACF, {0}, "J U G P", 0, B, T, 1001, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "f", 0 },
	{ "5.6 FAILURES(UPDATE) not for READ", AUDIT_PROF, AUDIT_RACF, {0}, "J U G P", 0, B, T, 1002, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "f", 0 },
	{ "5.6 SUCCESS(READ)", AUDIT_PROF, AUDIT_RACF, {0}, "J U G P", 0, B, T, 1003, 0, 0, OK, 0, PSF_RULE_RESERVED_SAF, "sR", 0 },
	{ "5.6 GLOBALAUDIT", AUDIT_PROF, AUDIT_RACF, {0}, "J U G P", 0, B, T, 1004, 0, 0, OK, 0, PSF_RULE_RESERVED_SAF, "sR", 0 },
	{ "5.6 default success silent", AUDIT_PROF, "RDEFINE SERVAUTH EZB.** UACC(READ)\n", {0}, "J U G P", 0, B, T, 1005, 0, 0, OK, 0, PSF_RULE_RESERVED_SAF, "s", 0 },
	{ "5.6 LOGOPTIONS ALWAYS", AUDIT_PROF, "SETROPTS LOGOPTIONS(ALWAYS(SERVAUTH))\nRDEFINE SERVAUTH EZB.** UACC(READ)\n", {0}, "J U G P", 0, B, T, 1005, 0, 0, OK, 0, PSF_RULE_RESERVED_SAF, "sR", 0 },
	{ "5.6 LOGOPTIONS NEVER", AUDIT_PROF, "SETROPTS LOGOPTIONS(NEVER(SERVAUTH))\nRDEFINE SERVAUTH EZB.** UACC(NONE)\n", {0}, "J U G P", 0, B, T, 1005, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "f", 0 },
	{ "5.6 LOGOPTIONS FAILURES: warning logged", AUDIT_PROF, "SETROPTS LOGOPTIONS(FAILURES(SERVAUTH))\nRDEFINE SERVAUTH EZB.** UACC(NONE) WARNING AUDIT(NONE)\n", {0}, "J U G P", 0, B, T, 1005, 0, 0, WARN, 0, PSF_RULE_RESERVED_SAF, "wMR", 0 },
	{ "5.6 LOGOPTIONS SUCCESSES: success logged", AUDIT_PROF, "SETROPTS LOGOPTIONS(SUCCESSES(SERVAUTH))\nRDEFINE SERVAUTH EZB.** UACC(READ) AUDIT(NONE)\n", {0}, "J U G P", 0, B, T, 1005, 0, 0, OK, 0, PSF_RULE_RESERVED_SAF, "sR", 0 },
	{ "5.6 LOGOPTIONS SUCCESSES: failure not", AUDIT_PROF, "SETROPTS LOGOPTIONS(SUCCESSES(SERVAUTH))\nRDEFINE SERVAUTH EZB.** UACC(NONE) AUDIT(NONE)\n", {0}, "J U G P", 0, B, T, 1005, 0, 0, NO, EACCES, PSF_RULE_RESERVED_SAF, "f", 0 },
	/* 6 NETACCESS */
	{ "6 connect allowed zone", NET, NET_RACF, {0}, "J U G P", 0, C, T, 80, "10.9.9.9", 0, OK, 0, PSF_RULE_NET_SAF, "s", 0 },
	{ "6 most specific zone", NET, NET_RACF, {0}, "J U G P", 0, C, T, 80, "10.1.2.3", 0, NO, EACCES, PSF_RULE_NET_SAF, "fMR", "EZB.NETACCESS.*.*.LAB" },
	{ "6 no zone", NET, NET_RACF, {0}, "J U G P", 0, C, T, 80, "127.0.0.1", 0, OK, 0, PSF_RULE_NET_NOZONE, "-", 0 },
	{ "6 zone without profile", NET, NET_RACF, {0}, "J U G P", 0, S, U, 53, "192.168.1.1", 0, NO, EACCES, PSF_RULE_NET_NOPROFILE, "-", 0 },
	{ "6 IPv6 warning", NET, NET_RACF, {0}, "J U G P", 0, C, T, 443, "2001:db8::1", 0, WARN, 0, PSF_RULE_NET_SAF, "wMR", 0 },
	{ "6 IPv4-mapped as IPv4", NET, NET_RACF, {0}, "J U G P", 0, C, T, 80, "::ffff:10.1.2.3", 0, NO, EACCES, PSF_RULE_NET_SAF, "fMR", 0 },
	{ "6 INBOUND specific bind", NET, NET_RACF, {0}, "J U G P", 0, B, T, 9000, "10.1.0.5", 0, NO, EACCES, PSF_RULE_NET_SAF, "fMR", 0 },
	{ "6 INBOUND keeps the port rule", "PORT 9000 TCP *\nNETACCESS INBOUND\n 10.0.0.0/8 Z\nENDNETACCESS\n", "", {0}, "J U G P", 0, B, T, 9000, "127.0.0.1", 0, OK, 0, PSF_RULE_RESERVED_OWNER, "-", 0 },
	{ "6 INBOUND wildcard bind", NET, NET_RACF, {0}, "J U G P", 0, B, T, 9000, "0.0.0.0", 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "6 DEFAULT zone", "NETACCESS\n DEFAULT 0 WORLD\nENDNETACCESS\n", "RDEFINE SERVAUTH EZB.NETACCESS.** UACC(NONE) WARNING AUDIT(ALL(READ))\n", {0}, "J U G P", 0, C, T, 80, "::1", 0, WARN, 0, PSF_RULE_NET_SAF, "wMR", 0 },
	{ "6 default OUTBOUND only", "NETACCESS\n 10.0.0.0/8 LAB\nENDNETACCESS\n", "RDEFINE SERVAUTH EZB.** UACC(NONE)\n", {0}, "J U G P", 0, B, T, 9000, "10.1.1.1", 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
	{ "6 NOOUTBOUND", "NETACCESS NOOUTBOUND\n 10.0.0.0/8 LAB\nENDNETACCESS\n", "RDEFINE SERVAUTH EZB.** UACC(NONE)\n", {0}, "J U G P", 0, C, T, 80, "10.1.1.1", 0, OK, 0, PSF_RULE_UNCHECKED, "-", 0 },
};

static void check_events(const struct row *r, const struct psf_decision *d)
{
	const char *e = r->events;
	unsigned n = 0;

	if (!strcmp(e, "-")) {
		assert_int_equal(d->nevents, 0);
		return;
	}
	for (const char *c = e; *c; c++)
		if (*c == 's' || *c == 'f' || *c == 'w') {
			const struct psf_saf_event *ev = &d->events[n++];
			int q = *c == 's' ? PSF_QUAL_SUCCESS : *c == 'f' ?
				PSF_QUAL_INSAUTH : PSF_QUAL_WARNING;
			assert_int_equal(ev->qualifier, q);
			assert_int_equal(ev->ich408i, strchr(c, 'M') != NULL);
			assert_int_equal(ev->smf, strchr(c, 'R') != NULL);
			assert_int_equal(ev->ich432i, strchr(c, '4') != NULL);
			assert_string_equal(ev->cls, "SERVAUTH");
			if (r->profile_used)
				assert_string_equal(ev->profile, r->profile_used);
		}
	assert_int_equal(d->nevents, n);
}

static void run_row(const struct row *r)
{
	struct psf_diags diags = { 0 };
	struct psf_policy *p = fx_policy(r->profile, r->racf, &r->o, &diags);
	struct psf_identity id;
	struct psf_subject s;
	struct psf_request q = { r->op, r->proto, (uint16_t)r->port, { 0 }, r->assigned };
	struct psf_decision d;

	if (!p)
		psf_diags_print(&diags, 2);
	assert_non_null(p);
	fx_identity(&id, r->who, r->flags);
	assert_int_equal(psf_ipaddr_parse(r->addr ? r->addr : "0.0.0.0", &q.addr), 0);
	psf_subject_init(&s, p, &id);
	psf_decide(p, &s, &q, &d, NULL);
	assert_int_equal(d.verdict, r->v);
	assert_int_equal(d.err, r->err);
	assert_string_equal(psf_rule_name(d.rule), psf_rule_name(r->rule));
	check_events(r, &d);
	psf_policy_free(p);
	psf_diags_free(&diags);
}

static void test_row(void **state)
{
	run_row(*state);
}

/* 2.2 BIND ipaddr: the address to bind instead. */
static void test_bind_rewrite(void **state)
{
	struct psf_diags diags = { 0 };
	struct psf_policy *p = fx_policy(SAFPORT, "", NULL, &diags);
	struct psf_identity id;
	struct psf_subject s;
	struct psf_request q = { B, T, 8081, { 0 }, false };
	struct psf_decision d;
	struct psf_ipaddr want;

	(void)state;
	fx_identity(&id, "WEBSRV U G P", NULL);
	psf_subject_init(&s, p, &id);
	psf_ipaddr_parse("0.0.0.0", &q.addr);
	psf_decide(p, &s, &q, &d, NULL);
	psf_ipaddr_parse("10.1.2.3", &want);
	assert_true(d.rewrite);
	assert_memory_equal(&d.bind_addr, &want, sizeof want);
	/* Decision 2.2: a specific address is left alone */
	psf_ipaddr_parse("127.0.0.1", &q.addr);
	psf_decide(p, &s, &q, &d, NULL);
	assert_false(d.rewrite);
	psf_policy_free(p);
	psf_diags_free(&diags);
}

/* 2.3, 3, 10: tolerated conditions are errors for check, warnings to run */
static void test_tolerated(void **state)
{
	struct psf_diags d1 = { 0 }, d2 = { 0 };
	struct fx_opts chk = { .check = true };
	struct psf_policy *p;

	(void)state;
	p = fx_policy(EZZ, "", NULL, &d1);
	assert_non_null(p);
	assert_int_equal(psf_diags_count(&d1, PSF_SEV_WARNING), 4);
	assert_int_equal(psf_diags_count(&d1, PSF_SEV_ERROR), 0);
	psf_policy_free(p);
	assert_null(fx_policy(EZZ, "", &chk, &d2));
	assert_int_equal(psf_diags_count(&d2, PSF_SEV_ERROR), 4);
	assert_string_equal(d2.v[0].text, "EZZ0146I DENY is valid only with job "
			    "name '*' (UNRSV JOBX): the PORT statement is ignored");
	assert_int_equal(d2.v[0].line, 1);
	assert_string_equal(d2.v[1].text, "EZZ0147I UNRSV TCP entries mix "
			    "WHENLISTEN and WHENBIND (first set at test.profile:3): "
			    "the entry is ignored");
	assert_string_equal(d2.v[2].text, "a second 'UNRSV TCP *' entry (the "
			    "first is at test.profile:3): the entry is ignored");
	assert_string_equal(d2.v[3].text, "PORT 7005 TCP overlaps the "
			    "PORTRANGE at test.profile:6: the entry is ignored");
	psf_diags_free(&d1);
	psf_diags_free(&d2);
}

/* explain text names the profile chosen and the one passed over */
static void test_explain(void **state)
{
	struct psf_diags diags = { 0 };
	struct psf_policy *p = fx_policy(GEN_PROF,
		"RDEFINE SERVAUTH EZB.PORTACCESS.** UACC(READ)\n"
		"RDEFINE SERVAUTH EZB.PORTACCESS.*.*.UNRSVTCP UACC(NONE)\n",
		NULL, &diags);
	struct psf_identity id;
	struct psf_subject s;
	struct psf_request q = { B, T, 9000, { 4, { 0 } }, false };
	struct psf_decision d;
	char buf[4096];
	struct psf_explain ex = { buf, sizeof buf, 0 };

	(void)state;
	fx_identity(&id, "J U G P", NULL);
	psf_subject_init(&s, p, &id);
	psf_decide(p, &s, &q, &d, &ex);
	assert_non_null(strstr(buf, "profile EZB.PORTACCESS.*.*.UNRSVTCP (G) covers"));
	assert_non_null(strstr(buf, "chosen over EZB.PORTACCESS.**"));
	assert_non_null(strstr(buf, "UACC(NONE)"));
	psf_policy_free(p);
	psf_diags_free(&diags);
}

#define NROWS (sizeof rows / sizeof rows[0])

int main(void)
{
	struct CMUnitTest tests[NROWS + 3] = {
		cmocka_unit_test(test_bind_rewrite),
		cmocka_unit_test(test_tolerated),
		cmocka_unit_test(test_explain),
	};

	/* one cmocka test per row, named by the spec section it checks */
	for (size_t i = 0; i < NROWS; i++)
		tests[3 + i] = (struct CMUnitTest){ .name = rows[i].spec,
			.test_func = test_row, .initial_state = (void *)&rows[i] };
	return _cmocka_run_group_tests("decide", tests, NROWS + 3, NULL, NULL);
}
