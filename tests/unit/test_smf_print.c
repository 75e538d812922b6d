/*
 * `portsaf smf print` forms (smf80.md section 4, interface.md "JSON
 * values"): the unload line with its fixed columns (smf_print.h) and the
 * JSON object, for the worked example and for records portsaf writes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit.h"
#include "ipaddr.h"
#include "smf_print.h"
#include "smf_read.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define T_EXAMPLE 174196261527LL        /* 2025-03-14 14:30:15.27 UTC */
#define T_JOBSTART 174193200000LL

struct row {
	const char *spec;
	struct psf_smf80_fields f;
	const char *text, *json;
};

static const struct row rows[] = {
	{ "smf80.md 5: the worked example",
	  { .time_centis = T_EXAMPLE, .start_centis = T_JOBSTART, .smfid = "SYS1",
	    .user = "APPUSR1", .group = "APPGRP", .jobname = "MYSRVR",
	    .qualifier = PSF_QUAL_INSAUTH, .reasons = PSF_REA_AUDIT,
	    .resource = "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", .cls = "SERVAUTH",
	    .profile = "EZB.PORTACCESS.*.*.UNRSVTCP", .generic = true,
	    .intent = PSF_ACC_READ, .allowed = PSF_ACC_NONE, .vrm = "77D0",
	    .logstr = "PORT(8080) ADDR(10.1.2.3)" },
	  "ACCESS   INSAUTH  14:30:15 2025-03-14 SYS1 YES  NO   NO   APPUSR1  "
	  "APPGRP   MYSRVR   06:00:00 2025-03-14 EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP"
	  "           READ     NONE     YES  SERVAUTH EZB.PORTACCESS.*.*.UNRSVTCP"
	  "                  PORT(8080) ADDR(10.1.2.3)\n",
	  "{\"time\":\"2025-03-14T14:30:15.27\",\"system\":\"SYS1\",\"event\":\"ACCESS\","
	  "\"qualifier\":\"INSAUTH\",\"violation\":true,\"warning\":false,"
	  "\"user_not_defined\":false,\"user\":\"APPUSR1\",\"group\":\"APPGRP\","
	  "\"jobname\":\"MYSRVR\",\"jobstart\":\"2025-03-14T06:00:00.00\","
	  "\"resource\":\"EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP\",\"class\":\"SERVAUTH\","
	  "\"profile\":\"EZB.PORTACCESS.*.*.UNRSVTCP\",\"generic\":true,"
	  "\"intent\":\"READ\",\"allowed\":\"NONE\","
	  "\"logstr\":\"PORT(8080) ADDR(10.1.2.3)\",\"port\":8080,"
	  "\"addr\":\"10.1.2.3\"}\n" },
	{ "4: a warning, discrete profile, no job start, every log-string field",
	  { .time_centis = T_EXAMPLE + 99, .smfid = "SYSA", .user = "WASSRV",
	    .group = "WASGRP", .jobname = "BBOS001", .qualifier = PSF_QUAL_WARNING,
	    .reasons = PSF_REA_AUDIT | PSF_REA_CLASS,
	    .resource = "EZB.NETACCESS.SYSA.TCPIP.WORLD", .cls = "SERVAUTH",
	    .profile = "EZB.NETACCESS.SYSA.TCPIP.WORLD", .generic = false,
	    .intent = PSF_ACC_READ, .allowed = PSF_ACC_NONE, .vrm = PSF_SMF80_VRM,
	    .logstr = "OP(SEND) PROTO(UDP) PORT(53) ADDR(2001:db8::53) PGM(JAVA) "
		      "PID(4711) EPH(YES)" },
	  "ACCESS   WARNING  14:30:16 2025-03-14 SYSA NO   NO   YES  WASSRV   "
	  "WASGRP   BBOS001                      EZB.NETACCESS.SYSA.TCPIP.WORLD"
	  "               READ     NONE     NO   SERVAUTH EZB.NETACCESS.SYSA.TCPIP.WORLD"
	  "               OP(SEND) PROTO(UDP) PORT(53) ADDR(2001:db8::53) PGM(JAVA) "
	  "PID(4711) EPH(YES)\n",
	  "{\"time\":\"2025-03-14T14:30:16.26\",\"system\":\"SYSA\",\"event\":\"ACCESS\","
	  "\"qualifier\":\"WARNING\",\"violation\":false,\"warning\":true,"
	  "\"user_not_defined\":false,\"user\":\"WASSRV\",\"group\":\"WASGRP\","
	  "\"jobname\":\"BBOS001\",\"resource\":\"EZB.NETACCESS.SYSA.TCPIP.WORLD\","
	  "\"class\":\"SERVAUTH\",\"profile\":\"EZB.NETACCESS.SYSA.TCPIP.WORLD\","
	  "\"generic\":false,\"intent\":\"READ\",\"allowed\":\"NONE\","
	  "\"logstr\":\"OP(SEND) PROTO(UDP) PORT(53) ADDR(2001:db8::53) PGM(JAVA) "
	  "PID(4711) EPH(YES)\",\"op\":\"SEND\",\"protocol\":\"UDP\",\"port\":53,"
	  "\"addr\":\"2001:db8::53\",\"program\":\"JAVA\",\"pid\":4711,"
	  "\"ephemeral\":true}\n" },
	{ "interface.md: strings escaped, absent log string left out",
	  { .time_centis = T_EXAMPLE, .smfid = "SYS1", .user = "A\"B",
	    .group = "G\\", .jobname = "J", .qualifier = PSF_QUAL_SUCCESS,
	    .resource = "EZB.PORTACCESS.SYS1.TCPIP.FTP", .cls = "SERVAUTH",
	    .profile = "EZB.PORTACCESS.SYS1.TCPIP.FTP", .intent = PSF_ACC_READ,
	    .allowed = PSF_ACC_ALTER, .vrm = PSF_SMF80_VRM, .logstr = NULL },
	  "ACCESS   SUCCESS  14:30:15 2025-03-14 SYS1 NO   NO   NO   A\"B      "
	  "G\\       J                            EZB.PORTACCESS.SYS1.TCPIP.FTP"
	  "                READ     ALTER    NO   SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTP"
	  "                \n",
	  "{\"time\":\"2025-03-14T14:30:15.27\",\"system\":\"SYS1\",\"event\":\"ACCESS\","
	  "\"qualifier\":\"SUCCESS\",\"violation\":false,\"warning\":false,"
	  "\"user_not_defined\":false,\"user\":\"A\\\"B\",\"group\":\"G\\\\\","
	  "\"jobname\":\"J\",\"resource\":\"EZB.PORTACCESS.SYS1.TCPIP.FTP\","
	  "\"class\":\"SERVAUTH\",\"profile\":\"EZB.PORTACCESS.SYS1.TCPIP.FTP\","
	  "\"generic\":false,\"intent\":\"READ\",\"allowed\":\"ALTER\"}\n" },
};

static char *capture(void (*print)(FILE *, const struct psf_smf80_rec *),
		     const struct psf_smf80_rec *rec)
{
	char *text;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	print(f, rec);
	fclose(f);
	return text;
}

static void decode_row(const struct row *r, struct psf_smf80_rec *rec)
{
	uint8_t buf[PSF_SMF80_MAX];
	size_t n = psf_smf80_build_fields(buf, sizeof buf, &r->f);
	char why[200];

	assert_true(n > 0);
	assert_int_equal(psf_smf80_decode(buf, n, rec, why, sizeof why), 0);
}

static void test_forms(void **state)
{
	struct psf_smf80_rec *rec = malloc(sizeof *rec);

	(void)state;
	for (size_t i = 0; i < N(rows); i++) {
		char *text, *json;

		print_message("row %zu: %s\n", i, rows[i].spec);
		decode_row(&rows[i], rec);
		text = capture(psf_smf_print_text, rec);
		json = capture(psf_smf_print_json, rec);
		assert_string_equal(text, rows[i].text);
		assert_string_equal(json, rows[i].json);
		free(text);
		free(json);
	}
	free(rec);
}

/* smf_print.h: the documented columns, checked on the first row. */
static void test_columns(void **state)
{
	static const struct { size_t col; const char *field; } cols[] = {
		{ 1, "ACCESS" }, { 10, "INSAUTH" }, { 19, "14:30:15" },
		{ 28, "2025-03-14" }, { 39, "SYS1" }, { 44, "YES " },
		{ 49, "NO  " }, { 54, "NO  " }, { 59, "APPUSR1" },
		{ 68, "APPGRP" }, { 77, "MYSRVR" }, { 86, "06:00:00" },
		{ 95, "2025-03-14" }, { 106, "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP" },
		{ 151, "READ" }, { 160, "NONE" }, { 169, "YES " },
		{ 174, "SERVAUTH" }, { 183, "EZB.PORTACCESS.*.*.UNRSVTCP" },
		{ 228, "PORT(8080)" },
	};
	struct psf_smf80_rec *rec = malloc(sizeof *rec);
	char *text;

	(void)state;
	decode_row(&rows[0], rec);
	text = capture(psf_smf_print_text, rec);
	for (size_t i = 0; i < N(cols); i++) {
		print_message("column %zu: %s\n", cols[i].col, cols[i].field);
		assert_memory_equal(text + cols[i].col - 1, cols[i].field,
				    strlen(cols[i].field));
		if (cols[i].col > 1)
			assert_int_equal(text[cols[i].col - 2], ' ');
	}
	free(text);
	free(rec);
}

/* Values outside smf80.md's tables are shown, not guessed. */
static void test_unknown_codes(void **state)
{
	struct psf_smf80_rec *rec = malloc(sizeof *rec);
	char *text, *json;

	(void)state;
	decode_row(&rows[0], rec);
	rec->qualifier = 7;
	rec->intent = 0x02;
	text = capture(psf_smf_print_text, rec);
	json = capture(psf_smf_print_json, rec);
	assert_memory_equal(text + 9, "7        ", 9);
	assert_memory_equal(text + 150, "X'02'    ", 9);
	assert_non_null(strstr(json, "\"qualifier\":\"7\""));
	assert_non_null(strstr(json, "\"intent\":\"X'02'\""));
	free(text);
	free(json);
	free(rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_unknown_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
