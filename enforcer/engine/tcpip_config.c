/*
 * TCPCONFIG and UDPCONFIG (spec 4): RESTRICTLOWPORTS and EPHEMERALPORTS
 * go into the model; every other parameter of the IP Configuration
 * Reference is checked and skipped.
 */
#include <string.h>
#include "tcpip_parse_int.h"

/* The value a parameter takes; NUM accepts the K/M suffixes IBM's buffer
 * sizes use ("TCPRCVBUFRSIZE 64K"). */
enum cfg_arg { CARG_NONE, CARG_NUM, CARG_BOOL, CARG_PORTS };
enum cfg_effect { EFF_NONE, EFF_RESTRICT, EFF_UNRESTRICT, EFF_EPHEMERAL };

struct cfg_param {
	const char *kw;
	unsigned group;         /* 0, or the set of mutually exclusive ones */
	enum cfg_arg arg;
	enum cfg_effect effect;
};

/* IP Configuration Reference, TCPCONFIG statement (z/OS 2.1 - 3.1). */
static const struct cfg_param tcp_params[] = {
	{ "CONNECTInitinterval", 0, CARG_NUM, EFF_NONE },
	{ "CONNECTTimeout", 0, CARG_NUM, EFF_NONE },
	{ "DELAYAcks", 1, CARG_NONE, EFF_NONE },
	{ "NODELAYAcks", 1, CARG_NONE, EFF_NONE },
	{ "AUTODELAYAcks", 1, CARG_NONE, EFF_NONE },
	{ "EPHEMERALPORTS", 0, CARG_PORTS, EFF_EPHEMERAL },
	{ "FINWait2time", 0, CARG_NUM, EFF_NONE },
	{ "FRRTHReshold", 0, CARG_NUM, EFF_NONE },
	{ "INTerval", 0, CARG_NUM, EFF_NONE },
	{ "KEEPALIVEPROBEInterval", 0, CARG_NUM, EFF_NONE },
	{ "KEEPALIVEPROBES", 0, CARG_NUM, EFF_NONE },
	{ "MAXImumretransmittime", 0, CARG_NUM, EFF_NONE },
	{ "NAGLE", 2, CARG_NONE, EFF_NONE },
	{ "NONAGLE", 2, CARG_NONE, EFF_NONE },
	{ "QUEUEDrtt", 0, CARG_NUM, EFF_NONE },
	{ "RESTRICTLowports", 3, CARG_NONE, EFF_RESTRICT },
	{ "UNRESTRICTLowports", 3, CARG_NONE, EFF_UNRESTRICT },
	{ "RETRANSMITAttempts", 0, CARG_NUM, EFF_NONE },
	{ "SELECTIVEACK", 4, CARG_NONE, EFF_NONE },
	{ "NOSELECTIVEACK", 4, CARG_NONE, EFF_NONE },
	{ "SENDGarbage", 0, CARG_BOOL, EFF_NONE },
	{ "TCPMAXRCVBufrsize", 0, CARG_NUM, EFF_NONE },
	{ "TCPMAXSENDBufrsize", 0, CARG_NUM, EFF_NONE },
	{ "TCPRCVBufrsize", 0, CARG_NUM, EFF_NONE },
	{ "TCPSENDBfrsize", 0, CARG_NUM, EFF_NONE },
	/* IBM's own migration notes spell it so (z/OS 2.1 "Check the values
	 * specified for TCP related configuration statements"). */
	{ "TCPSENDBUFRSIZE", 0, CARG_NUM, EFF_NONE },
	{ "TCPTIMEstamp", 5, CARG_NONE, EFF_NONE },
	{ "NOTCPTIMEstamp", 5, CARG_NONE, EFF_NONE },
	{ "TIMEWAITInterval", 0, CARG_NUM, EFF_NONE },
	{ "TTLS", 6, CARG_NONE, EFF_NONE },
	{ "NOTTLS", 6, CARG_NONE, EFF_NONE },
	{ NULL, 0, CARG_NONE, EFF_NONE },
};

/* IP Configuration Reference, UDPCONFIG statement. */
static const struct cfg_param udp_params[] = {
	{ "EPHEMERALPORTS", 0, CARG_PORTS, EFF_EPHEMERAL },
	{ "RESTRICTLowports", 1, CARG_NONE, EFF_RESTRICT },
	{ "UNRESTRICTLowports", 1, CARG_NONE, EFF_UNRESTRICT },
	{ "UDPCHKsum", 2, CARG_NONE, EFF_NONE },
	{ "NOUDPChksum", 2, CARG_NONE, EFF_NONE },
	{ "UDPQueuelimit", 3, CARG_NONE, EFF_NONE },
	{ "NOUDPQueuelimit", 3, CARG_NONE, EFF_NONE },
	{ "UDPRCVBufrsize", 0, CARG_NUM, EFF_NONE },
	{ "UDPSENDBfrsize", 0, CARG_NUM, EFF_NONE },
	{ NULL, 0, CARG_NONE, EFF_NONE },
};

#define MAXCFGGROUPS 8

struct cfg_stmt {
	const char *name;               /* TCPCONFIG or UDPCONFIG */
	enum psf_proto proto;
	const struct cfg_param *params;
	int line;
	const struct cfg_param *seen[MAXCFGGROUPS];
};

/* ------------------------------------------------------------------ */
/* Values                                                              */

static bool is_size_value(const struct psf_tok *t)
{
	size_t n = t->len;

	if (t->quoted || n == 0 || n > PSF_TOK_MAX)
		return false;
	if (n > 1 && (t->up[n - 1] == 'K' || t->up[n - 1] == 'M'))
		n--;
	for (size_t i = 0; i < n; i++)
		if (!is_digit(t->up[i]))
			return false;
	return true;
}

static bool read_cfg_value(struct parser *p, struct cfg_stmt *c,
			   const struct cfg_param *pr, int line)
{
	const struct psf_tok *t = peek(p);
	bool ok;

	if (at_statement(p)) {
		perr(p, line, "%s %s needs a value", c->name,
		     psf_tcpip_kwname(pr->kw).s);
		return false;
	}
	ok = pr->arg == CARG_NUM ? is_size_value(t) :
	     psf_tok_is(t, "TRUE") || psf_tok_is(t, "FALSE");
	if (!ok)
		perr(p, t->line, "invalid value '%s' for %s %s", t->up, c->name,
		     psf_tcpip_kwname(pr->kw).s);
	next(p);
	return ok;
}

/* One of the two EPHEMERALPORTS numbers, as written. */
struct eph_value {
	char text[PSF_TOK_MAX + 1];
	int line;
	uint32_t v;                     /* > 65535 when too long */
};

static bool read_eph_value(struct parser *p, struct cfg_stmt *c, int line,
			   struct eph_value *out)
{
	const struct psf_tok *t = peek(p);

	if (at_statement(p)) {
		perr(p, line, "%s EPHEMERALPORTS needs a low and a high port",
		     c->name);
		return false;
	}
	if (!psf_tok_is_digits(t)) {
		perr(p, t->line, "%s EPHEMERALPORTS needs a low and a high "
		     "port, not '%s'", c->name, t->up);
		next(p);
		return false;
	}
	memcpy(out->text, t->up, t->len + 1);
	out->line = t->line;
	out->v = psf_tcpip_port_value(t);
	next(p);
	return true;
}

static bool eph_in_range(struct parser *p, struct cfg_stmt *c,
			 const struct eph_value *e, const char *which,
			 uint32_t low)
{
	if (e->v >= low && e->v <= 65535)
		return true;
	perr(p, e->line, "%s EPHEMERALPORTS %s port '%s' out of range "
	     "%u-65535", c->name, which, e->text, (unsigned)low);
	return false;
}

/* Spec 4: EPHEMERALPORTS low high, 1024 <= low <= high <= 65535.  Both
 * numbers are read before either is judged, so that a bad low port does
 * not turn the high one into a parameter. */
static void read_ephemeral(struct parser *p, struct cfg_stmt *c, int line)
{
	struct psf_proto_cfg *cfg = &p->m->cfg[c->proto];
	struct eph_value low, high;

	if (!read_eph_value(p, c, line, &low) ||
	    !read_eph_value(p, c, line, &high) ||
	    !eph_in_range(p, c, &low, "low", 1024) ||
	    !eph_in_range(p, c, &high, "high", low.v))
		return;
	cfg->eph_low = (uint16_t)low.v;
	cfg->eph_high = (uint16_t)high.v;
	cfg->line = c->line;
}

/* ------------------------------------------------------------------ */
/* Parameters                                                          */

static void apply_cfg_param(struct parser *p, struct cfg_stmt *c,
			    const struct cfg_param *pr, int line)
{
	struct psf_proto_cfg *cfg = &p->m->cfg[c->proto];

	switch (pr->effect) {
	case EFF_RESTRICT:
	case EFF_UNRESTRICT:
		cfg->restrictlow = pr->effect == EFF_RESTRICT;
		cfg->line = c->line;
		break;
	case EFF_EPHEMERAL:
		read_ephemeral(p, c, line);
		break;
	case EFF_NONE:
		if (pr->arg != CARG_NONE)
			read_cfg_value(p, c, pr, line);
		break;
	}
}

static const struct cfg_param *find_param(const struct cfg_param *tab,
					  const struct psf_tok *t)
{
	for (; tab->kw; tab++)
		if (psf_tok_is(t, tab->kw))
			return tab;
	return NULL;
}

/* An unknown parameter, with the values that follow it: each would be
 * reported again as an unknown parameter. */
static void skip_unknown_param(struct parser *p, struct cfg_stmt *c,
			       const struct psf_tok *t)
{
	perr(p, t->line, "unknown %s parameter '%s'", c->name, t->up);
	next(p);
	while (!at_statement(p) && is_size_value(peek(p)))
		next(p);
}

static void parse_cfg_param(struct parser *p, struct cfg_stmt *c)
{
	const struct psf_tok *t = peek(p);
	const struct cfg_param *pr = find_param(c->params, t);
	const struct cfg_param *prev;
	int line = t->line;

	if (!pr) {
		skip_unknown_param(p, c, t);
		return;
	}
	next(p);
	prev = c->seen[pr->group];
	if (pr->group && prev && prev != pr) {
		/* grouped parameters take no value */
		perr(p, line, "'%s' conflicts with '%s'",
		     psf_tcpip_kwname(pr->kw).s, psf_tcpip_kwname(prev->kw).s);
		return;
	}
	c->seen[pr->group] = pr;
	apply_cfg_param(p, c, pr, line);
}

static void parse_config(struct parser *p, const char *name,
			 enum psf_proto proto, const struct cfg_param *params,
			 int line)
{
	struct cfg_stmt c = { name, proto, params, line, { NULL } };

	while (!at_statement(p))
		parse_cfg_param(p, &c);
}

void psf_tcpip_tcpconfig_stmt(struct parser *p, const struct stmt *s,
			      int line)
{
	(void)s;
	parse_config(p, "TCPCONFIG", PSF_TCP, tcp_params, line);
}

void psf_tcpip_udpconfig_stmt(struct parser *p, const struct stmt *s,
			      int line)
{
	(void)s;
	parse_config(p, "UDPCONFIG", PSF_UDP, udp_params, line);
}
