/*
 * Keyword options of an entry, in the order of IBM's syntax diagram (see
 * struct opt): PORT and PORTRANGE options, UNRSV options, NETACCESS
 * parameters.
 */
#include "tcpip_parse_int.h"

const struct opt *psf_tcpip_find_opt(const struct opt *tab, size_t n,
				     const struct psf_tok *t)
{
	for (size_t i = 0; i < n; i++)
		if (psf_tok_is(t, tab[i].kw))
			return &tab[i];
	return NULL;
}

bool psf_tcpip_check_order(struct parser *p, struct opt_seen *seen,
			   const struct opt *o, int line)
{
	const struct opt *prev = seen->group[o->group];

	if (prev == o) {
		perr(p, line, "'%s' given twice", psf_tcpip_kwname(o->kw).s);
		return false;
	}
	if (prev) {
		perr(p, line, "'%s' conflicts with '%s'",
		     psf_tcpip_kwname(o->kw).s, psf_tcpip_kwname(prev->kw).s);
		return false;
	}
	if (seen->last && seen->last->group > o->group) {
		perr(p, line, "'%s' must come before '%s'",
		     psf_tcpip_kwname(o->kw).s,
		     psf_tcpip_kwname(seen->last->kw).s);
		return false;
	}
	seen->group[o->group] = o;
	seen->last = o;
	return true;
}
