/* z/OS names and the printable names of the engine's enums. */
#include <ctype.h>
#include "portsaf.h"

/* Spec 7: upper case, keep A-Z 0-9 $ @ #, cut to 8 ("python3.11" ->
 * "PYTHON31"). */
void psf_fold_name(char out[PSF_NAME_LEN + 1], const char *in)
{
	size_t n = 0;

	for (; in && *in && n < PSF_NAME_LEN; in++) {
		char c = (char)toupper((unsigned char)*in);

		if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '$' || c == '@' || c == '#')
			out[n++] = c;
	}
	out[n] = '\0';
}

const char *psf_access_name(enum psf_access a)
{
	static const char *const names[] = {
		"NONE", "EXECUTE", "READ", "UPDATE", "CONTROL", "ALTER"
	};
	return (unsigned)a < 6 ? names[a] : "?";
}

const char *psf_op_name(enum psf_op op)
{
	static const char *const names[] = { "BIND", "LISTEN", "CONNECT", "SEND" };
	return (unsigned)op < 4 ? names[op] : "?";
}

const char *psf_proto_name(enum psf_proto p)
{
	return p == PSF_UDP ? "UDP" : "TCP";
}

const char *psf_rule_name(enum psf_rule r)
{
	static const char *const names[] = {
		[PSF_RULE_UNCHECKED] = "unchecked",
		[PSF_RULE_RESERVED] = "reserved",
		[PSF_RULE_AUTHPORT] = "authport",
		[PSF_RULE_JOBNAME] = "jobname",
		[PSF_RULE_RESERVED_OWNER] = "reserved-owner",
		[PSF_RULE_RESERVED_SAF] = "reserved-saf",
		[PSF_RULE_LOWPORT] = "restrictlowports",
		[PSF_RULE_UNRSV_NOMATCH] = "unrsv-nomatch",
		[PSF_RULE_UNRSV_DENY] = "unrsv-deny",
		[PSF_RULE_UNRSV_OPEN] = "unrsv-open",
		[PSF_RULE_UNRSV_SAF] = "unrsv-saf",
		[PSF_RULE_NET_NOZONE] = "netaccess-nozone",
		[PSF_RULE_NET_SAF] = "netaccess-saf",
		[PSF_RULE_NET_NOPROFILE] = "netaccess-noprofile",
		[PSF_RULE_NOT_PROTECTED] = "not-protected",
		[PSF_RULE_NOT_PROTECTED_DENY] = "not-protected-deny",
	};
	return (unsigned)r < sizeof names / sizeof names[0] && names[r] ?
	       names[r] : "?";
}
