/*
 * PORT and PORTRANGE (spec 2, 3): each entry reserves a port or a range
 * for a job (with its options), as RESERVED or AUTHPORT, or is an UNRSV
 * rule for the ports no entry reserves.
 */
#include <stdio.h>
#include <string.h>
#include "ipaddr.h"
#include "tcpip_parse_int.h"

enum entry_ctx { CTX_PORT, CTX_PORTRANGE, CTX_UNRSV };

static bool push_port(struct parser *p, const struct psf_port_entry *e)
{
	struct psf_tcpip_model *m = p->m;
	struct psf_port_entry *v = psf_tcpip_room(p, m->ports, m->nports,
						  &m->capports,
						  sizeof *m->ports, 64,
						  e->line);

	if (!v)
		return false;
	m->ports = v;
	m->ports[m->nports++] = *e;
	return true;
}

/* What may follow an entry: the next entry or the next statement. */
static bool at_entry_end(struct parser *p, enum entry_ctx ctx)
{
	const struct psf_tok *t = peek(p);

	if (!t || psf_tok_is_digits(t) || psf_tcpip_find_stmt(t))
		return true;
	return ctx != CTX_PORTRANGE && psf_tok_is(t, "UNRSV");
}

/* After an error: drop the rest of the entry. */
static void resync_entry(struct parser *p, enum entry_ctx ctx)
{
	while (!at_entry_end(p, ctx))
		next(p);
}

/* A port number or count, 1-65535.  The token is consumed. */
static bool read_u16(struct parser *p, const char *what, uint32_t *out)
{
	const struct psf_tok *t = peek(p);
	uint32_t v;

	if (!psf_tok_is_digits(t)) {
		perr(p, t->line, "invalid %s '%s'", what, t->up);
		next(p);
		return false;
	}
	v = psf_tcpip_port_value(t);
	if (v < 1 || v > 65535) {
		perr(p, t->line, "%s '%s' out of range 1-65535", what, t->up);
		next(p);
		return false;
	}
	*out = v;
	next(p);
	return true;
}

/* Is a name operand (job name, SAF resname) missing?  Names are
 * positional, as z/OS reads them: whatever word stands there is the name,
 * even one spelt like a statement ("SAF DEV"); only the end of the text or
 * the start of the next entry means it is missing. */
static bool name_missing(struct parser *p, enum entry_ctx ctx)
{
	const struct psf_tok *t = peek(p);

	return !t || psf_tok_is_digits(t) ||
	       (ctx != CTX_PORTRANGE && psf_tok_is(t, "UNRSV"));
}

/* ------------------------------------------------------------------ */
/* The head of an entry: port or range, protocol, job name             */

/* What an entry has so far, for "missing ... after '21 TCP'": the text
 * is made only when a message needs it. */
struct head {
	enum entry_ctx ctx;
	uint32_t first, count;          /* as written */
	bool has_proto;
	enum psf_proto proto;
};

static const char *head_text(const struct head *h, char *buf, size_t size)
{
	int n;

	if (h->ctx == CTX_UNRSV)
		n = snprintf(buf, size, "UNRSV");
	else if (h->ctx == CTX_PORTRANGE)
		n = snprintf(buf, size, "%u %u", (unsigned)h->first,
			     (unsigned)h->count);
	else
		n = snprintf(buf, size, "%u", (unsigned)h->first);
	if (h->has_proto && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " %s",
			 psf_proto_name(h->proto));
	return buf;
}

static bool read_proto(struct parser *p, struct head *h, int line,
		       struct psf_port_entry *e)
{
	const struct psf_tok *t = peek(p);
	char buf[32];

	if (at_entry_end(p, h->ctx)) {
		perr(p, line, "missing protocol (TCP or UDP) after '%s'",
		     head_text(h, buf, sizeof buf));
		return false;
	}
	if (psf_tok_is(t, "TCP")) {
		e->proto = PSF_TCP;
	} else if (psf_tok_is(t, "UDP")) {
		e->proto = PSF_UDP;
	} else {
		perr(p, t->line, "unknown protocol '%s': expected TCP or UDP",
		     t->up);
		next(p);
		return false;
	}
	h->has_proto = true;
	h->proto = e->proto;
	next(p);
	return true;
}

static bool read_jobname(struct parser *p, const struct head *h, int line,
			 struct psf_port_entry *e)
{
	char buf[32];

	if (name_missing(p, h->ctx)) {
		perr(p, line, "missing job name after '%s'",
		     head_text(h, buf, sizeof buf));
		return false;
	}
	return psf_tcpip_take_jobname(p, e->job);
}

/* ------------------------------------------------------------------ */
/* Options (see struct opt for their order)                            */

static const struct opt job_opts[] = {
	{ "NOAUTOLog", 0, PSF_OPT_NOAUTOLOG, ARG_NONE, false },
	{ "DELAYAcks", 1, PSF_OPT_DELAYACKS, ARG_NONE, false },
	{ "NODELAYAcks", 1, PSF_OPT_NODELAYACKS, ARG_NONE, false },
	/* Decision (spec 2.2): SHAREPORT/SHAREPORTWLM are not emulated; the
	 * flag is kept for listings and lint. */
	{ "SHAREPORTWLM", 2, PSF_OPT_SHAREPORTWLM, ARG_NONE, true },
	{ "SHAREPort", 2, PSF_OPT_SHAREPORT, ARG_NONE, true },
	{ "BIND", 3, 0, ARG_BIND, true },
	{ "SAF", 4, 0, ARG_SAF, false },
	{ "NOSMC", 5, PSF_OPT_NOSMC, ARG_NONE, false },
	{ "SMC", 5, PSF_OPT_SMC, ARG_NONE, false },
};

enum unrsv_what { U_SAF, U_DENY, U_WHENLISTEN, U_WHENBIND };

static const struct opt unrsv_opts[] = {
	{ "SAF", 0, U_SAF, ARG_SAF, false },
	{ "DENY", 0, U_DENY, ARG_NONE, false },
	{ "WHENLISTEN", 1, U_WHENLISTEN, ARG_NONE, false },
	{ "WHENBIND", 1, U_WHENBIND, ARG_NONE, false },
};

#define NJOBOPTS (sizeof job_opts / sizeof job_opts[0])
#define NUNRSVOPTS (sizeof unrsv_opts / sizeof unrsv_opts[0])

static bool read_saf(struct parser *p, enum entry_ctx ctx, int line,
		     char saf[PSF_NAME_LEN + 1])
{
	if (name_missing(p, ctx)) {
		perr(p, line, "SAF without a resource name");
		return false;
	}
	return psf_tcpip_take_resname(p, "SAF resource name", saf);
}

static bool read_bind(struct parser *p, int line, struct psf_port_entry *e)
{
	const struct psf_tok *t = peek(p);

	if (at_entry_end(p, CTX_PORT)) {
		perr(p, line, "BIND without an address");
		return false;
	}
	if (t->quoted || psf_ipaddr_parse(t->up, &e->bind) != 0) {
		perr(p, t->line, "invalid BIND address '%s'", t->up);
		next(p);
		return false;
	}
	if (psf_ipaddr_is_any(&e->bind)) {
		perr(p, t->line, "BIND address '%s' is not a specific address",
		     t->up);
		next(p);
		return false;
	}
	e->has_bind = true;
	next(p);
	return true;
}

/* Why a word is not an option here, as precisely as possible. */
static void report_bad_option(struct parser *p, enum entry_ctx ctx,
			      const struct psf_tok *t)
{
	const struct opt *jo = psf_tcpip_find_opt(job_opts, NJOBOPTS, t);
	const struct opt *uo = psf_tcpip_find_opt(unrsv_opts, NUNRSVOPTS, t);

	if (ctx == CTX_UNRSV && jo)
		perr(p, t->line, "'%s' is not valid on UNRSV entries",
		     psf_tcpip_kwname(jo->kw).s);
	else if (ctx == CTX_PORTRANGE && jo && jo->port_only)
		perr(p, t->line, "'%s' is not valid on PORTRANGE",
		     psf_tcpip_kwname(jo->kw).s);
	else if (ctx != CTX_UNRSV && uo)
		perr(p, t->line, "'%s' is valid only on UNRSV entries",
		     psf_tcpip_kwname(uo->kw).s);
	else
		perr(p, t->line, "unknown %s option '%s'",
		     ctx == CTX_PORTRANGE ? "PORTRANGE" : "PORT", t->up);
}

/* What an option does to the entry, reading its value if it has one. */
typedef bool apply_fn(struct parser *p, const struct opt *o, int line,
		      struct psf_port_entry *e, enum entry_ctx ctx);

static bool apply_job_opt(struct parser *p, const struct opt *o, int line,
			  struct psf_port_entry *e, enum entry_ctx ctx)
{
	e->opts |= o->flag;
	if (o->arg == ARG_SAF)
		return read_saf(p, ctx, line, e->saf);
	if (o->arg == ARG_BIND)
		return read_bind(p, line, e);
	return true;
}

static bool apply_unrsv_opt(struct parser *p, const struct opt *o, int line,
			    struct psf_port_entry *e, enum entry_ctx ctx)
{
	switch ((enum unrsv_what)o->flag) {
	case U_SAF:
		return read_saf(p, ctx, line, e->saf);
	case U_DENY:
		e->deny = true;
		return true;
	case U_WHENLISTEN:
		if (e->proto == PSF_UDP) {
			perr(p, line, "'WHENLISTEN' is not valid on UNRSV UDP "
			     "(UDP is checked at bind)");
			return false;
		}
		e->when = PSF_WHEN_LISTEN;
		return true;
	case U_WHENBIND:
		e->when = PSF_WHEN_BIND;
		return true;
	}
	return false;
}

/* The options of an entry, up to its end; false at the first error. */
static bool parse_opts(struct parser *p, struct psf_port_entry *e,
		       enum entry_ctx ctx, const struct opt *tab, size_t n,
		       apply_fn *apply)
{
	struct opt_seen seen = { { NULL }, NULL };

	while (!at_entry_end(p, ctx)) {
		const struct psf_tok *t = peek(p);
		const struct opt *o = psf_tcpip_find_opt(tab, n, t);
		int line = t->line;

		if (!o || (o->port_only && ctx == CTX_PORTRANGE)) {
			report_bad_option(p, ctx, t);
			next(p);
			return false;
		}
		next(p);
		if (!psf_tcpip_check_order(p, &seen, o, line) ||
		    !apply(p, o, line, e, ctx))
			return false;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* Entries                                                             */

/* Nothing may follow RESERVED or AUTHPORT. */
static bool expect_entry_end(struct parser *p, enum entry_ctx ctx,
			     const char *after)
{
	const struct psf_tok *t = peek(p);

	if (at_entry_end(p, ctx))
		return true;
	perr(p, t->line, "'%s' is not allowed after %s", t->up, after);
	next(p);
	return false;
}

/* RESERVED or AUTHPORT in place of a job name. */
static bool store_keyword_owner(struct parser *p, struct psf_port_entry *e,
				enum entry_ctx ctx, enum psf_entry_kind kind,
				const char *keyword)
{
	e->kind = kind;
	next(p);
	return expect_entry_end(p, ctx, keyword) && push_port(p, e);
}

/* RESERVED | AUTHPORT | jobname [options], then store the entry. */
static bool parse_owner(struct parser *p, struct psf_port_entry *e,
			const struct head *h)
{
	const struct psf_tok *t = peek(p);
	enum entry_ctx ctx = h->ctx;

	if (t && psf_tok_is(t, "RESERVED"))
		return store_keyword_owner(p, e, ctx, PSF_ENT_RESERVED,
					   "RESERVED");
	if (t && psf_tok_is(t, "AUTHPORT")) {
		if (ctx != CTX_PORTRANGE) {
			perr(p, t->line, "AUTHPORT is valid only on PORTRANGE");
			next(p);
			return false;
		}
		return store_keyword_owner(p, e, ctx, PSF_ENT_AUTHPORT,
					   "AUTHPORT");
	}
	e->kind = PSF_ENT_JOB;
	return read_jobname(p, h, e->line, e) &&
	       parse_opts(p, e, ctx, job_opts, NJOBOPTS, apply_job_opt) &&
	       push_port(p, e);
}

static void new_entry(struct parser *p, struct psf_port_entry *e,
		      unsigned stmt, int line)
{
	memset(e, 0, sizeof *e);
	e->file = p->file;
	e->line = line;
	e->stmt = stmt;
}

/* UNRSV TCP|UDP jobname|* [SAF resname|DENY] [WHENLISTEN|WHENBIND].
 * DENY with a job name other than * (EZZ0146I) and mixed WHENLISTEN /
 * WHENBIND (EZZ0147I) are kept as written for the builder. */
static bool parse_unrsv(struct parser *p, struct psf_port_entry *e)
{
	struct head h = { CTX_UNRSV, 0, 0, false, PSF_TCP };

	e->kind = PSF_ENT_UNRSV;
	e->count = 0;           /* no port of its own */
	return read_proto(p, &h, e->line, e) &&
	       read_jobname(p, &h, e->line, e) &&
	       parse_opts(p, e, CTX_UNRSV, unrsv_opts, NUNRSVOPTS,
			  apply_unrsv_opt) &&
	       push_port(p, e);
}

static bool parse_port_entry(struct parser *p, unsigned stmt)
{
	const struct psf_tok *t = peek(p);
	struct psf_port_entry e;
	struct head h = { CTX_PORT, 0, 1, false, PSF_TCP };

	new_entry(p, &e, stmt, t->line);
	if (psf_tok_is(t, "UNRSV")) {
		next(p);
		return parse_unrsv(p, &e);
	}
	if (!is_digit(t->up[0]) || t->quoted) {
		perr(p, t->line, "PORT entry must start with a port number or "
		     "UNRSV, not '%s'", t->up);
		next(p);
		return false;
	}
	if (!read_u16(p, "port number", &h.first))
		return false;
	e.first = (uint16_t)h.first;
	e.count = 1;
	return read_proto(p, &h, e.line, &e) && parse_owner(p, &e, &h);
}

/* Spec 3: a range running past 65535 is cut there (IBM: "the ports up to
 * 65535 are reserved and those greater than 65535 are ignored"). */
static uint32_t cut_count(uint32_t first, uint32_t count)
{
	return first + count - 1 > 65535 ? 65536 - first : count;
}

static bool parse_range_entry(struct parser *p, unsigned stmt)
{
	const struct psf_tok *t = peek(p);
	struct psf_port_entry e;
	struct head h = { CTX_PORTRANGE, 0, 0, false, PSF_TCP };

	new_entry(p, &e, stmt, t->line);
	e.range = true;
	if (!read_u16(p, "port number", &h.first))
		return false;
	if (at_statement(p)) {
		perr(p, e.line, "missing port count after '%u'",
		     (unsigned)h.first);
		return false;
	}
	if (!read_u16(p, "port count", &h.count))
		return false;
	e.first = (uint16_t)h.first;
	e.count = cut_count(h.first, h.count);
	return read_proto(p, &h, e.line, &e) && parse_owner(p, &e, &h);
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */

typedef bool entry_fn(struct parser *p, unsigned stmt);

/* The entries of one PORT or PORTRANGE statement; after a bad entry, on
 * to the next one. */
static void parse_entries(struct parser *p, const char *name,
			  enum entry_ctx ctx, entry_fn *entry, int line)
{
	unsigned stmt = p->m->nstmts++;

	if (at_statement(p))
		perr(p, line, "%s statement has no entries", name);
	while (!at_statement(p))
		if (!entry(p, stmt))
			resync_entry(p, ctx);
}

void psf_tcpip_port_stmt(struct parser *p, const struct stmt *s, int line)
{
	(void)s;
	parse_entries(p, "PORT", CTX_PORT, parse_port_entry, line);
}

void psf_tcpip_portrange_stmt(struct parser *p, const struct stmt *s,
			      int line)
{
	(void)s;
	parse_entries(p, "PORTRANGE", CTX_PORTRANGE, parse_range_entry, line);
}
