/* The configuration file (interface.md "Configuration"): every setting,
 * and every malformed input with the exact diagnostic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "config.h"

struct bad {
	const char *why;
	const char *text;
	int line;
	const char *message;
};

static const struct bad bad_rows[] = {
	{ "unknown setting", "sysnam = \"SYS1\";\n", 1, "unknown setting 'sysnam'" },
	{ "wrong type", "sysname = 1;\n", 1, "setting 'sysname' must be a string" },
	{ "invalid z/OS name", "\nsysname = \"SYS-1\";\n", 2,
	  "setting 'sysname': 'SYS-1' is not a valid z/OS name (1-8 characters "
	  "A-Z 0-9 $ @ #, not starting with a digit)" },
	{ "name too long", "tcpname = \"TCPIPSTACK\";\n", 1,
	  "setting 'tcpname': 'TCPIPSTACK' is not a valid z/OS name (1-8 "
	  "characters A-Z 0-9 $ @ #, not starting with a digit)" },
	{ "name starts with digit", "tcpname = \"1TCP\";\n", 1,
	  "setting 'tcpname': '1TCP' is not a valid z/OS name (1-8 characters "
	  "A-Z 0-9 $ @ #, not starting with a digit)" },
	{ "empty name", "sysname = \"\";\n", 1,
	  "setting 'sysname': '' is not a valid z/OS name (1-8 characters "
	  "A-Z 0-9 $ @ #, not starting with a digit)" },
	{ "smfid too long", "smfid = \"SYSAB\";\n", 1,
	  "setting 'smfid': 'SYSAB' is longer than 4 characters" },
	{ "on_error value", "on_error = \"ignore\";\n", 1,
	  "setting 'on_error' must be \"deny\" or \"allow\"" },
	{ "on_error type", "on_error = true;\n", 1,
	  "setting 'on_error' must be a string" },
	{ "messages empty", "messages = \"\";\n", 1,
	  "setting 'messages' must be \"stderr\", \"syslog\", \"none\" or a file path" },
	{ "profile type", "profile = [\"a\"];\n", 1,
	  "setting 'profile' must be a string" },
	{ "emulate not a group", "emulate = 1;\n", 1,
	  "setting 'emulate' must be a group" },
	{ "emulate unknown", "emulate = {\n  no_profil = \"deny\";\n};\n", 2,
	  "unknown setting 'emulate.no_profil'" },
	{ "no_profile value", "emulate = { no_profile = \"fail\"; };\n", 1,
	  "setting 'no_profile' must be \"allow\" or \"deny\"" },
	{ "ephemeral switch type", "emulate = { udp_ephemeral_saf = \"yes\"; };\n", 1,
	  "setting 'udp_ephemeral_saf' must be a boolean" },
	{ "identities not a list", "identities = { exe = \"x\"; };\n", 1,
	  "setting 'identities' must be a list of groups ( { ... }, ... )" },
	{ "identity not a group", "identities = ( \"x\" );\n", 1,
	  "each 'identities' entry must be a group { ... }" },
	{ "identity unknown key", "identities = (\n { exe = \"*/java\"; job = \"X\"; }\n);\n", 2,
	  "unknown setting 'identities.job'" },
	{ "identity without match", "identities = (\n { jobname = \"X\"; }\n);\n", 2,
	  "identity rule has no match (exe, comm or uid)" },
	{ "identity bad uid", "identities = ( { uid = -1; } );\n", 1,
	  "setting 'uid' must be a Linux uid" },
	{ "identity bad name", "identities = ( { uid = 0; user = \"root.user\"; } );\n", 1,
	  "setting 'user': 'root.user' is not a valid z/OS name (1-8 characters "
	  "A-Z 0-9 $ @ #, not starting with a digit)" },
	{ "identity flag type", "identities = ( { uid = 0; apf = 1; } );\n", 1,
	  "setting 'apf' must be a boolean" },
	{ "libconfig syntax", "sysname = \"SYS1\";\ntcpname = ;\n", 2,
	  "syntax error" },
	{ "unterminated string", "sysname = \"SYS1;\n", 2, "syntax error" },
	{ "unclosed group", "emulate = {\n no_profile = \"deny\";\n", 3,
	  "syntax error" },
};

static char *write_temp(const char *text)
{
	char *path = strdup("/tmp/portsaf-config-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void test_bad(void **state)
{
	const struct bad *b = *state;
	char *path = write_temp(b->text);
	struct psf_config c;
	struct psf_diags d = { 0 };

	assert_true(psf_config_read(&c, path, &d) > 0);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].sev, PSF_SEV_ERROR);
	assert_string_equal(d.v[0].file, path);
	assert_int_equal(d.v[0].line, b->line);
	assert_string_equal(d.v[0].text, b->message);
	psf_config_free(&c);
	psf_diags_free(&d);
	unlink(path);
	free(path);
}

/* interface.md: an unreadable file is an error naming it */
static void test_unreadable(void **state)
{
	struct psf_config c;
	struct psf_diags d = { 0 };

	(void)state;
	assert_int_equal(psf_config_read(&c, "/nonexistent/portsaf.conf", &d), 1);
	assert_string_equal(d.v[0].file, "/nonexistent/portsaf.conf");
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].text, "cannot read: No such file or directory");
	psf_config_free(&c);
	psf_diags_free(&d);
}

/* every setting read, names folded, paths relative to the file */
static void test_full(void **state)
{
	char *path = write_temp(
		"sysname = \"sys2\"; tcpname = \"TCPIPB\"; smfid = \"SY2\";\n"
		"profile = \"tcpip.profile\"; racf = \"/abs/servauth.racf\";\n"
		"smf = \"\"; messages = \"out/msgs.log\"; trace = \"t.log\";\n"
		"on_error = \"allow\";\n"
		"emulate = { no_profile = \"deny\"; udp_ephemeral_saf = true;"
		" tcp_ephemeral_saf = true; };\n"
		"identities = ( { exe = \"*/java\"; jobname = \"bbos001\"; },\n"
		"  { comm = \"vsftpd\"; uid = 21; program = \"ftpd\"; ftp_server = true; } );\n");
	struct psf_config c;
	struct psf_diags d = { 0 };

	(void)state;
	assert_int_equal(psf_config_read(&c, path, &d), 0);
	assert_string_equal(c.sysname, "SYS2");
	assert_string_equal(c.tcpname, "TCPIPB");
	assert_string_equal(c.smfid, "SY2");
	assert_string_equal(c.profile, "/tmp/tcpip.profile");
	assert_string_equal(c.racf, "/abs/servauth.racf");
	assert_string_equal(c.smf, "");
	assert_int_equal(c.messages, PSF_MSG_FILE);
	assert_string_equal(c.messages_file, "/tmp/out/msgs.log");
	assert_string_equal(c.trace, "/tmp/t.log");
	assert_true(c.on_error_allow);
	assert_true(c.no_profile_deny && c.udp_ephemeral_saf && c.tcp_ephemeral_saf);
	assert_int_equal(c.nidentities, 2);
	assert_string_equal(c.identities[0].exe, "*/java");
	assert_string_equal(c.identities[0].jobname, "BBOS001");
	assert_int_equal(c.identities[0].uid, -1);
	assert_int_equal(c.identities[1].uid, 21);
	assert_string_equal(c.identities[1].program, "FTPD");
	assert_int_equal(c.identities[1].ftp_server, 1);
	assert_int_equal(c.identities[1].apf, -1);
	psf_config_free(&c);
	psf_diags_free(&d);
	unlink(path);
	free(path);
}

/* smf80.md: SMF80SID defaults to the first 4 characters of sysname */
static void test_defaults(void **state)
{
	char *path = write_temp("sysname = \"PRODSYS\";\n");
	struct psf_config c;
	struct psf_diags d = { 0 };

	(void)state;
	assert_int_equal(psf_config_read(&c, path, &d), 0);
	assert_string_equal(c.smfid, "PROD");
	assert_string_equal(c.tcpname, "TCPIP");
	assert_null(c.smf);
	assert_int_equal(c.messages, PSF_MSG_STDERR);
	assert_false(c.on_error_allow);
	psf_config_free(&c);
	psf_diags_free(&d);
	unlink(path);
	free(path);
}

#define NBAD (sizeof bad_rows / sizeof bad_rows[0])

int main(void)
{
	struct CMUnitTest tests[NBAD + 3] = {
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_defaults),
	};

	for (size_t i = 0; i < NBAD; i++)
		tests[3 + i] = (struct CMUnitTest){ .name = bad_rows[i].why,
			.test_func = test_bad, .initial_state = (void *)&bad_rows[i] };
	return _cmocka_run_group_tests("config", tests, NBAD + 3, NULL, NULL);
}
