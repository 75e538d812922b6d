/*
 * The words PROFILE statements are made of, past what the lexer knows:
 * keywords as messages show them, z/OS names, port numbers.
 */
#include <string.h>
#include "tcpip_parse_int.h"

struct kwname psf_tcpip_kwname(const char *keyword)
{
	struct kwname k;
	size_t i = 0;

	for (; keyword[i] && i < sizeof k.s - 1; i++)
		k.s[i] = (char)(keyword[i] >= 'a' && keyword[i] <= 'z' ?
				keyword[i] - 'a' + 'A' : keyword[i]);
	k.s[i] = '\0';
	return k;
}

uint32_t psf_tcpip_port_value(const struct psf_tok *t)
{
	uint32_t v = 0;

	for (size_t i = 0; i < t->len && v <= 65535; i++)
		v = v * 10 + (uint32_t)(t->up[i] - '0');
	return v;
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

static bool is_alpha_national(char c)
{
	return (c >= 'A' && c <= 'Z') || c == '$' || c == '@' || c == '#';
}

/* Spec 2: SAF resname (and, spec 6, a NETACCESS zone): 1-8 characters,
 * first A-Z $ @ #, then also 0-9 and -. */
static bool valid_resname(const struct psf_tok *t)
{
	if (t->quoted || t->len < 1 || t->len > PSF_NAME_LEN ||
	    !is_alpha_national(t->up[0]))
		return false;
	for (size_t i = 1; i < t->len; i++)
		if (!is_alpha_national(t->up[i]) && !is_digit(t->up[i]) &&
		    t->up[i] != '-')
			return false;
	return true;
}

/* Spec 2.1: a z/OS job name (A-Z 0-9 $ @ #, not starting with a digit),
 * with the wildcards * and ?; OMVS and * are such names too. */
static bool valid_jobname(const struct psf_tok *t)
{
	if (t->quoted || t->len < 1 || t->len > PSF_NAME_LEN ||
	    is_digit(t->up[0]))
		return false;
	for (size_t i = 0; i < t->len; i++) {
		char c = t->up[i];
		if (!is_alpha_national(c) && !is_digit(c) && c != '*' &&
		    c != '?')
			return false;
	}
	return true;
}

#define JOBNAME_RULE "1-8 characters A-Z 0-9 $ @ # and the wildcards * ?, " \
	"not starting with a digit"
#define RESNAME_RULE "1-8 characters, first A-Z $ @ #, then also 0-9 -"

static bool take_name(struct parser *p, bool (*valid)(const struct psf_tok *),
		      const char *what, const char *rule,
		      char out[PSF_NAME_LEN + 1])
{
	const struct psf_tok *t = peek(p);

	if (!valid(t)) {
		perr(p, t->line, "invalid %s '%s': %s", what, t->up, rule);
		next(p);
		return false;
	}
	memcpy(out, t->up, t->len + 1);
	next(p);
	return true;
}

bool psf_tcpip_take_jobname(struct parser *p, char out[PSF_NAME_LEN + 1])
{
	return take_name(p, valid_jobname, "job name", JOBNAME_RULE, out);
}

bool psf_tcpip_take_resname(struct parser *p, const char *what,
			    char out[PSF_NAME_LEN + 1])
{
	return take_name(p, valid_resname, what, RESNAME_RULE, out);
}
