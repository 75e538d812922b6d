/*
 * NETACCESS ... ENDNETACCESS (spec 6): the mapping of networks to
 * security zones, and whether it applies to inbound and outbound
 * traffic.
 */
#include <stdlib.h>
#include <string.h>
#include "ipaddr.h"
#include "tcpip_parse_int.h"

enum na_what { NA_INBOUND, NA_NOINBOUND, NA_OUTBOUND, NA_NOOUTBOUND,
	       NA_CACHE };

/* IBM: "Specify the parameters in the order shown here". */
static const struct opt na_opts[] = {
	{ "NOINBound", 0, NA_NOINBOUND, ARG_NONE, false },
	{ "INBound", 0, NA_INBOUND, ARG_NONE, false },
	{ "OUTBound", 1, NA_OUTBOUND, ARG_NONE, false },
	{ "NOOUTBound", 1, NA_NOOUTBOUND, ARG_NONE, false },
	{ "CACHEALL", 2, NA_CACHE, ARG_NONE, false },
	{ "CACHEPERMIT", 2, NA_CACHE, ARG_NONE, false },
	{ "CACHESAME", 2, NA_CACHE, ARG_NONE, false },
};
#define NNAOPTS (sizeof na_opts / sizeof na_opts[0])

static bool push_net(struct parser *p, const struct psf_net_entry *e)
{
	struct psf_tcpip_model *m = p->m;
	struct psf_net_entry *v = psf_tcpip_room(p, m->net, m->nnet,
						 &m->capnet, sizeof *m->net,
						 16, e->line);

	if (!v)
		return false;
	m->net = v;
	m->net[m->nnet++] = *e;
	return true;
}

/* The token's text in buf, cut at its '/': the slash (now '\0') or NULL
 * when there is none. */
static char *split_at_slash(const struct psf_tok *t,
			    char buf[PSF_TOK_MAX + 1])
{
	char *slash;

	memcpy(buf, t->up, PSF_TOK_MAX + 1);
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	return slash;
}

/* An address, with or without /prefix, as an entry starts with. */
static bool looks_like_address(const struct psf_tok *t)
{
	char buf[PSF_TOK_MAX + 1];
	struct psf_ipaddr a;

	if (t->quoted || t->len > PSF_TOK_MAX)
		return false;
	split_at_slash(t, buf);
	return psf_ipaddr_parse(buf, &a) == 0;
}

/* The next entry starts, or the statement ends.  Zone names are
 * positional like SAF names: a zone spelt like a statement is a zone. */
static bool at_net_entry_start(struct parser *p)
{
	const struct psf_tok *t = peek(p);

	return !t || psf_tok_is(t, "ENDNETACCESS") || psf_tok_is(t, "DEFAULT") ||
	       psf_tok_is(t, "DEFAULTHOME") || looks_like_address(t);
}

static bool read_zone(struct parser *p, int line, const char *after,
		      char zone[PSF_NAME_LEN + 1])
{
	if (at_net_entry_start(p)) {
		perr(p, line, "missing security zone name after '%s'", after);
		return false;
	}
	return psf_tcpip_take_resname(p, "security zone name", zone);
}

/* After an error: on to the next entry, ENDNETACCESS or statement. */
static void resync_net(struct parser *p)
{
	while (!at_net_entry_start(p) && !psf_tcpip_find_stmt(peek(p)))
		next(p);
}

/* ------------------------------------------------------------------ */
/* DEFAULT and DEFAULTHOME                                             */

/* DEFAULT [0] zone: every IPv4 and IPv6 address (spec 6). */
static bool parse_net_default(struct parser *p, struct psf_net_entry *e)
{
	const struct psf_tok *t;

	next(p);
	t = peek(p);
	if (t && !t->quoted && strcmp(t->up, "0") == 0)
		next(p);
	e->is_default = true;
	e->prefix = 0;
	return read_zone(p, e->line, "DEFAULT", e->zone) && push_net(p, e);
}

/* DEFAULTHOME maps the stack's own HOME addresses, which portsaf has no
 * list of (on Linux they change at run time): checked, then ignored
 * openly. */
static bool parse_net_defaulthome(struct parser *p, int line)
{
	char zone[PSF_NAME_LEN + 1];

	next(p);
	if (!read_zone(p, line, "DEFAULTHOME", zone))
		return false;
	pwarn(p, line, "NETACCESS DEFAULTHOME is not emulated: zone '%s' "
	      "is not used", zone);
	return true;
}

/* ------------------------------------------------------------------ */
/* Networks: addr/prefix or addr [mask]                                */

/* An IPv4-mapped IPv6 address is stored as IPv4 (spec 6), so its prefix
 * loses the 96 bits of the ::ffff: part. */
static bool unmap_prefix(struct parser *p, const struct psf_tok *t,
			 unsigned *v)
{
	if (*v < 96) {
		perr(p, t->line, "prefix length /%u of IPv4-mapped "
		     "address '%s' is shorter than /96", *v, t->up);
		return false;
	}
	*v -= 96;
	return true;
}

/* addr/prefix; text is what follows the slash. */
static bool read_prefix(struct parser *p, const struct psf_tok *t,
			const char *addr, const char *text,
			struct psf_net_entry *e)
{
	bool v6_text = strchr(addr, ':') != NULL;
	unsigned width = v6_text ? 128 : 32, v = 0;
	size_t n = strlen(text);

	if (n == 0 || n > 3 || strspn(text, "0123456789") != n) {
		perr(p, t->line, "invalid prefix length '/%s' in '%s'", text,
		     t->up);
		return false;
	}
	v = (unsigned)atoi(text);
	if (v > width) {
		perr(p, t->line, "prefix length /%u of '%s' out of range 0-%u",
		     v, t->up, width);
		return false;
	}
	if (v6_text && e->addr.family == 4 && !unmap_prefix(p, t, &v))
		return false;
	e->prefix = (uint8_t)v;
	return true;
}

/* addr mask: a dotted IPv4 mask with contiguous one bits. */
static bool read_mask(struct parser *p, struct psf_net_entry *e)
{
	const struct psf_tok *t = peek(p);
	struct psf_ipaddr mask;
	int prefix;

	if (!t || t->quoted || !strchr(t->up, '.') || strchr(t->up, '/') ||
	    psf_ipaddr_parse(t->up, &mask) != 0 || mask.family != 4) {
		e->prefix = e->addr.family == 4 ? 32 : 128;  /* a host */
		return true;
	}
	if (e->addr.family != 4) {
		perr(p, t->line, "subnet mask '%s' needs an IPv4 address", t->up);
		next(p);
		return false;
	}
	prefix = psf_ipaddr_mask_to_prefix(&mask);
	if (prefix < 0) {
		perr(p, t->line, "invalid subnet mask '%s': the one bits must "
		     "be contiguous", t->up);
		next(p);
		return false;
	}
	e->prefix = (uint8_t)prefix;
	next(p);
	return true;
}

/* Host bits below the prefix: the entry covers the network (the model
 * stores it masked), and the warning shows what was meant. */
static void mask_host_bits(struct parser *p, struct psf_net_entry *e,
			   const char *written)
{
	struct psf_ipaddr net = e->addr;
	char text[PSF_IPADDR_TEXT_MAX];

	psf_ipaddr_mask(&net, e->prefix);
	if (memcmp(&net, &e->addr, sizeof net) == 0)
		return;
	psf_ipaddr_format(&net, text, sizeof text);
	pwarn(p, e->line, "host bits of '%s' are set: the entry covers %s/%u",
	      written, text, (unsigned)e->prefix);
	e->addr = net;
}

/* The address and its prefix or mask, up to the zone name. */
static bool read_network(struct parser *p, struct psf_net_entry *e)
{
	const struct psf_tok *t = peek(p);
	char addr[PSF_TOK_MAX + 1];
	char *slash = split_at_slash(t, addr);

	if (t->quoted || t->len > PSF_TOK_MAX ||
	    psf_ipaddr_parse(addr, &e->addr) != 0) {
		perr(p, t->line, "invalid NETACCESS address '%s'", t->up);
		next(p);
		return false;
	}
	if (slash && !read_prefix(p, t, addr, slash + 1, e)) {
		next(p);
		return false;
	}
	next(p);
	return slash || read_mask(p, e);
}

static bool parse_net_address(struct parser *p, struct psf_net_entry *e)
{
	char written[PSF_TOK_MAX + 1];

	memcpy(written, peek(p)->up, sizeof written);
	if (!read_network(p, e) ||
	    !read_zone(p, e->line, written, e->zone))
		return false;
	mask_host_bits(p, e, written);
	return push_net(p, e);
}

/* ------------------------------------------------------------------ */
/* The statement                                                       */

static bool parse_net_entry(struct parser *p)
{
	const struct psf_tok *t = peek(p);
	struct psf_net_entry e;

	memset(&e, 0, sizeof e);
	e.file = p->file;
	e.line = t->line;
	if (psf_tok_is(t, "DEFAULT"))
		return parse_net_default(p, &e);
	if (psf_tok_is(t, "DEFAULTHOME"))
		return parse_net_defaulthome(p, e.line);
	if (psf_tcpip_find_opt(na_opts, NNAOPTS, t)) {
		perr(p, t->line, "'%s' must come before the first NETACCESS "
		     "entry", t->up);
		next(p);
		return false;
	}
	return parse_net_address(p, &e);
}

static void apply_na_opt(struct psf_tcpip_model *m, const struct opt *o)
{
	switch ((enum na_what)o->flag) {
	case NA_INBOUND:
		m->inbound = true;
		break;
	case NA_NOINBOUND:
		m->inbound = false;
		break;
	case NA_OUTBOUND:
		m->outbound = true;
		break;
	case NA_NOOUTBOUND:
		m->outbound = false;
		break;
	case NA_CACHE:          /* a z/OS performance choice only */
		break;
	}
}

static void parse_na_opts(struct parser *p)
{
	struct opt_seen seen = { { NULL }, NULL };
	const struct psf_tok *t;
	const struct opt *o;

	while ((t = peek(p)) &&
	       (o = psf_tcpip_find_opt(na_opts, NNAOPTS, t))) {
		int line = t->line;

		next(p);
		if (psf_tcpip_check_order(p, &seen, o, line))
			apply_na_opt(p->m, o);
	}
}

/* The entries up to ENDNETACCESS, which is consumed; a statement keyword
 * or the end of the text before it is an error. */
static void parse_net_entries(struct parser *p, int line)
{
	const struct psf_tok *t;

	while ((t = peek(p)) && !psf_tok_is(t, "ENDNETACCESS")) {
		if (psf_tcpip_find_stmt(t)) {
			perr(p, line, "NETACCESS has no ENDNETACCESS before "
			     "'%s' at line %d", t->up, t->line);
			return;
		}
		if (!parse_net_entry(p))
			resync_net(p);
	}
	if (!t) {
		perr(p, line, "NETACCESS has no ENDNETACCESS");
		return;
	}
	next(p);
}

/* Several NETACCESS statements add to one mapping; the last one's
 * INBOUND/OUTBOUND settings apply. */
void psf_tcpip_netaccess_stmt(struct parser *p, const struct stmt *s,
			      int line)
{
	(void)s;
	p->m->has_netaccess = true;
	p->m->netaccess_line = line;
	p->m->inbound = false;          /* spec 6: defaults when coded */
	p->m->outbound = true;
	parse_na_opts(p);
	parse_net_entries(p, line);
}
