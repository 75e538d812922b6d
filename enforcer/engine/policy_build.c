/*
 * Compile the readers' models into the tables psf_decide() uses.  This is
 * also where the conditions z/OS tolerates are applied with the stack's
 * consequence (spec 2.3, 3): EZZ0146I ignores the whole PORT statement,
 * EZZ0147I and a second UNRSV * ignore the entry, an overlapping PORTRANGE
 * or PORT/PORTRANGE ignores the later one.  They are errors for `check`
 * and warnings for `run` (interface.md).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "policy.h"
#include "racf_generic.h"

#define NPORTS 65536

psf_key psf_key_of(const char *name)
{
	psf_key k = 0;

	for (int i = 0; i < 8 && name[i]; i++)
		k |= (psf_key)(unsigned char)name[i] << (56 - 8 * i);
	return k;
}

struct build {
	struct psf_policy *p;
	const struct psf_load_opts *o;
	struct psf_diags *d;
	enum psf_severity tolerated;
	/* resource name -> index, open addressing */
	int32_t *rhash;
	size_t rcap;
};

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static int rhash_grow(struct build *b)
{
	size_t cap = b->rcap ? b->rcap * 2 : 1024;
	int32_t *h = malloc(cap * sizeof *h);

	if (!h)
		return -ENOMEM;
	for (size_t i = 0; i < cap; i++)
		h[i] = -1;
	for (size_t i = 0; i < b->p->nres; i++) {
		size_t j = hash_str(b->p->res[i].name) & (cap - 1);
		while (h[j] >= 0)
			j = (j + 1) & (cap - 1);
		h[j] = (int32_t)i;
	}
	free(b->rhash);
	b->rhash = h;
	b->rcap = cap;
	return 0;
}

/* The index of resource `EZB.<kind>.<sysname>.<tcpname>.<name>`. */
static int32_t resource(struct build *b, const char *kind, const char *name,
			const char *file, int line)
{
	struct psf_policy *p = b->p;
	char full[128];
	size_t j;

	snprintf(full, sizeof full, "EZB.%s.%s.%s.%s", kind, p->cfg.sysname,
		 p->cfg.tcpname, name);
	if ((p->nres + 1) * 2 > b->rcap && rhash_grow(b))
		return -1;
	j = hash_str(full) & (b->rcap - 1);
	for (; b->rhash[j] >= 0; j = (j + 1) & (b->rcap - 1))
		if (!strcmp(p->res[b->rhash[j]].name, full))
			return b->rhash[j];
	if ((p->nres & (p->nres - 1)) == 0 || p->nres == 0) {
		size_t cap = p->nres ? p->nres * 2 : 64;
		struct psf_resource *r = realloc(p->res, cap * sizeof *r);
		if (!r)
			return -1;
		p->res = r;
	}
	p->res[p->nres].name = strdup(full);
	p->res[p->nres].profile = -1;
	p->res[p->nres].file = file;
	p->res[p->nres].line = line;
	b->rhash[j] = (int32_t)p->nres;
	return (int32_t)p->nres++;
}

static void tolerated(struct build *b, const struct psf_port_entry *e,
		      const char *fmt, const char *arg)
{
	psf_diag_add(b->d, b->tolerated, e->file, e->line, fmt, arg);
	b->p->ignored_any = true;
}

/* EZZ0146I: DENY is valid only with job name `*`; the stack ignores the
 * whole PORT statement (spec 2.3). */
static void apply_ezz0146i(struct build *b)
{
	struct psf_tcpip_model *m = &b->p->tcpip;

	for (size_t i = 0; i < m->nports; i++) {
		const struct psf_port_entry *e = &m->ports[i];

		if (e->kind != PSF_ENT_UNRSV || !e->deny || !strcmp(e->job, "*"))
			continue;
		tolerated(b, e, "EZZ0146I DENY is valid only with job name '*' "
			  "(UNRSV %s): the PORT statement is ignored",
			  e->job);
		for (size_t k = 0; k < m->nports; k++)
			if (m->ports[k].stmt == e->stmt)
				b->p->entry_ignored[k] = true;
	}
}

static const char *where(const struct psf_port_entry *e, char *buf, size_t n)
{
	snprintf(buf, n, "%s:%d", e->file, e->line);
	return buf;
}

/* Spec 2.3: one `UNRSV proto *` entry per protocol; all UNRSV TCP entries
 * agree on WHENLISTEN/WHENBIND (EZZ0147I).  An entry that names neither
 * has the default, WHENLISTEN: IBM's EZZ0147I asks every entry to "use
 * the same access control option as the default value" too. */
static enum psf_when when_of(const struct psf_port_entry *e)
{
	return e->when == PSF_WHEN_DEFAULT ? PSF_WHEN_LISTEN : e->when;
}

static int build_unrsv(struct build *b)
{
	struct psf_policy *p = b->p;
	struct psf_tcpip_model *m = &p->tcpip;
	const struct psf_port_entry *star[PSF_NPROTO] = { NULL, NULL };
	const struct psf_port_entry *mode = NULL;
	char at[512], first[200];

	for (size_t i = 0; i < m->nports; i++) {
		const struct psf_port_entry *e = &m->ports[i];
		struct psf_unrsv *u;

		if (e->kind != PSF_ENT_UNRSV || p->entry_ignored[i])
			continue;
		if (!strcmp(e->job, "*") && star[e->proto]) {
			snprintf(at, sizeof at, "a second 'UNRSV %s *' entry "
				 "(the first is at %s): the entry is ignored",
				 psf_proto_name(e->proto),
				 where(star[e->proto], first, sizeof first));
			tolerated(b, e, "%s", at);
			p->entry_ignored[i] = true;
			continue;
		}
		if (e->proto == PSF_TCP) {
			if (mode && when_of(mode) != when_of(e)) {
				tolerated(b, e, "EZZ0147I UNRSV TCP entries mix "
					  "WHENLISTEN and WHENBIND (first set at "
					  "%s): the entry is ignored",
					  where(mode, at, sizeof at));
				p->entry_ignored[i] = true;
				continue;
			}
			mode = e;
		}
		if (!strcmp(e->job, "*"))
			star[e->proto] = e;
		u = realloc(p->unrsv[e->proto],
			    (p->nunrsv[e->proto] + 1) * sizeof *u);
		if (!u)
			return -ENOMEM;
		p->unrsv[e->proto] = u;
		u += p->nunrsv[e->proto]++;
		u->src = e;
		u->rank = (int16_t)psf_job_rank(e->job);
		u->res = e->saf[0] ?
			 resource(b, "PORTACCESS", e->saf, e->file, e->line) : -1;
	}
	p->whenbind = mode && when_of(mode) == PSF_WHEN_BIND;
	/* stable: most specific first, ties in profile order (spec 2.1) */
	for (int pr = 0; pr < PSF_NPROTO; pr++) {
		struct psf_unrsv *u = p->unrsv[pr];
		for (size_t i = 1; i < p->nunrsv[pr]; i++) {
			struct psf_unrsv t = u[i];
			size_t j = i;
			for (; j > 0 && u[j - 1].rank < t.rank; j--)
				u[j] = u[j - 1];
			u[j] = t;
		}
	}
	return 0;
}

/* Ports claimed so far, per protocol: -1 free, -2 by PORT entries, else
 * the model index of the PORTRANGE entry. */
static int claim_ports(struct build *b, int32_t *owner[PSF_NPROTO])
{
	struct psf_policy *p = b->p;
	struct psf_tcpip_model *m = &p->tcpip;
	char at[600];

	for (size_t i = 0; i < m->nports; i++) {
		const struct psf_port_entry *e = &m->ports[i];
		int32_t *own = owner[e->proto];
		uint32_t last = e->first + e->count - 1;
		int32_t clash = -1;
		bool clash_port = false;

		if (e->kind == PSF_ENT_UNRSV || p->entry_ignored[i])
			continue;
		for (uint32_t port = e->first; port <= last; port++) {
			if (own[port] == -1 || (!e->range && own[port] == -2))
				continue;
			clash = own[port];
			clash_port = true;
			break;
		}
		if (clash_port) {
			char what[300], first[200];

			if (clash >= 0)
				snprintf(what, sizeof what, "the PORTRANGE at %s",
					 where(&m->ports[clash], first, sizeof first));
			else
				snprintf(what, sizeof what, "a PORT entry");
			if (e->range)
				snprintf(at, sizeof at, "PORTRANGE %u %u %s overlaps "
					 "%s: the entry is ignored", e->first,
					 e->count, psf_proto_name(e->proto), what);
			else
				snprintf(at, sizeof at, "PORT %u %s overlaps %s: "
					 "the entry is ignored", e->first,
					 psf_proto_name(e->proto), what);
			tolerated(b, e, "%s", at);
			p->entry_ignored[i] = true;
			continue;
		}
		for (uint32_t port = e->first; port <= last; port++)
			own[port] = e->range ? (int32_t)i : -2;
	}
	return 0;
}

static struct psf_port_slot *new_slot(struct psf_policy *p)
{
	if ((p->nslots & (p->nslots - 1)) == 0) {
		size_t cap = p->nslots * 2;
		struct psf_port_slot *s = realloc(p->slots, cap * sizeof *s);
		if (!s)
			return NULL;
		p->slots = s;
	}
	memset(&p->slots[p->nslots], 0, sizeof p->slots[0]);
	return &p->slots[p->nslots++];
}

static void fill_rsv(struct build *b, struct psf_rsv *r,
		     const struct psf_port_entry *e)
{
	r->src = e;
	r->rank = e->kind == PSF_ENT_JOB ? (int16_t)psf_job_rank(e->job) : -2;
	r->res = e->saf[0] ?
		 resource(b, "PORTACCESS", e->saf, e->file, e->line) : -1;
}

static void finish_slot(struct psf_policy *p, struct psf_port_slot *s)
{
	struct psf_rsv *r = &p->rsv[s->first];

	s->all_reserved = true;
	for (uint16_t i = 0; i < s->n; i++)
		if (r[i].src->kind != PSF_ENT_RESERVED)
			s->all_reserved = false;
	/* stable insertion sort: most specific job name first (spec 2.1
	 * Decision: closest match wins for reserved ports too) */
	for (uint16_t i = 1; i < s->n; i++) {
		struct psf_rsv t = r[i];
		uint16_t j = i;
		for (; j > 0 && r[j - 1].rank < t.rank; j--)
			r[j] = r[j - 1];
		r[j] = t;
	}
}

/* Reservations: PORT entries grouped per port, a PORTRANGE as one slot
 * shared by its ports. */
static int build_ports(struct build *b)
{
	struct psf_policy *p = b->p;
	struct psf_tcpip_model *m = &p->tcpip;
	int32_t *owner[PSF_NPROTO] = { NULL, NULL };
	uint32_t *count;
	bool any[PSF_NPROTO] = { false, false };
	int rc = -ENOMEM;

	for (size_t i = 0; i < m->nports; i++)
		if (m->ports[i].kind != PSF_ENT_UNRSV && !p->entry_ignored[i])
			any[m->ports[i].proto] = true;
	if (!any[PSF_TCP] && !any[PSF_UDP])
		return 0;
	for (int pr = 0; pr < PSF_NPROTO; pr++) {
		/* claim_ports() needs both owner tables */
		owner[pr] = malloc(NPORTS * sizeof(int32_t));
		if (!owner[pr] || (any[pr] &&
		    !(p->port_slot[pr] = calloc(NPORTS, sizeof(uint32_t)))))
			goto out;
		memset(owner[pr], 0xff, NPORTS * sizeof(int32_t));
	}
	claim_ports(b, owner);
	p->rsv = calloc(m->nports + 1, sizeof *p->rsv);
	p->slots = calloc(1, sizeof *p->slots);
	count = calloc(2 * NPORTS, sizeof *count);
	if (!p->rsv || !p->slots || !count)
		goto out_count;
	p->nslots = 1;                  /* slot 0: not reserved */
	for (size_t i = 0; i < m->nports; i++) {
		const struct psf_port_entry *e = &m->ports[i];
		if (e->kind != PSF_ENT_UNRSV && !e->range && !p->entry_ignored[i])
			count[e->proto * NPORTS + e->first]++;
	}
	/* count[] becomes the next free rsv position of each PORT port */
	for (uint32_t k = 0; k < 2 * NPORTS; k++) {
		struct psf_port_slot *s;

		if (!count[k])
			continue;
		if (!(s = new_slot(p)))
			goto out_count;
		s->first = (uint32_t)p->nrsv;
		p->port_slot[k / NPORTS][k % NPORTS] = (uint32_t)(p->nslots - 1);
		p->nrsv += count[k];
		count[k] = s->first;
	}
	for (size_t i = 0; i < m->nports; i++) {
		const struct psf_port_entry *e = &m->ports[i];
		struct psf_port_slot *s;

		if (e->kind == PSF_ENT_UNRSV || p->entry_ignored[i])
			continue;
		if (!e->range) {
			uint32_t k = e->proto * NPORTS + e->first;
			fill_rsv(b, &p->rsv[count[k]++], e);
			p->slots[p->port_slot[e->proto][e->first]].n++;
			continue;
		}
		if (!(s = new_slot(p)))
			goto out_count;
		s->first = (uint32_t)p->nrsv;
		s->n = 1;
		fill_rsv(b, &p->rsv[p->nrsv++], e);
		for (uint32_t port = e->first; port < e->first + e->count; port++)
			p->port_slot[e->proto][port] = (uint32_t)(p->nslots - 1);
	}
	for (size_t i = 1; i < p->nslots; i++)
		finish_slot(p, &p->slots[i]);
	rc = 0;
out_count:
	free(count);
out:
	for (int pr = 0; pr < PSF_NPROTO; pr++)
		free(owner[pr]);
	return rc;
}

static int cmp_acl(const void *a, const void *b)
{
	psf_key x = ((const struct psf_cacl *)a)->id;
	psf_key y = ((const struct psf_cacl *)b)->id;

	return x < y ? -1 : x > y;
}

/* SERVAUTH profiles with their access lists sorted for binary search. */
static int build_profiles(struct build *b)
{
	struct psf_policy *p = b->p;
	struct psf_racf_model *m = &p->racf;
	size_t nacl = 0, ncond = 0;

	for (size_t i = 0; i < m->nprofiles; i++) {
		nacl += m->profiles[i].nacl;
		ncond += m->profiles[i].ncond;
	}
	p->nprof = m->nprofiles;
	p->prof = calloc(p->nprof + 1, sizeof *p->prof);
	p->acl = calloc(nacl + 1, sizeof *p->acl);
	p->cond = calloc(ncond + 1, sizeof *p->cond);
	if (!p->prof || !p->acl || !p->cond)
		return -ENOMEM;
	nacl = ncond = 0;
	for (size_t i = 0; i < m->nprofiles; i++) {
		const struct psf_profile *src = &m->profiles[i];
		struct psf_cprofile *c = &p->prof[i];

		c->src = src;
		/* --no-warning: as if RALTER ... NOWARNING had been issued */
		c->warning = src->warning && !b->o->no_warning;
		c->acl_first = (uint32_t)nacl;
		c->nacl = (uint32_t)src->nacl;
		for (size_t k = 0; k < src->nacl; k++) {
			p->acl[nacl].id = psf_key_of(src->acl[k].id);
			p->acl[nacl++].level = (uint8_t)src->acl[k].level;
		}
		qsort(&p->acl[c->acl_first], c->nacl, sizeof *p->acl, cmp_acl);
		c->cond_first = (uint32_t)ncond;
		c->ncond = (uint32_t)src->ncond;
		for (size_t k = 0; k < src->ncond; k++) {
			p->cond[ncond].id = psf_key_of(src->cond[k].id);
			p->cond[ncond].program = psf_key_of(src->cond[k].program);
			p->cond[ncond++].level = (uint8_t)src->cond[k].level;
		}
	}
	return 0;
}

/* Spec 5.5: IRR.PGMSECURITY's APPLDATA selects the program security mode;
 * any value other than BASIC or ENHANCED is ENHANCED-WARNING. */
static void build_pgmsec(struct psf_policy *p)
{
	struct psf_profile *f = psf_racf_find(&p->racf, PSF_CLS_FACILITY,
					      "IRR.PGMSECURITY");
	const char *a = f ? f->appldata : NULL;

	/* APPLDATA keeps its case as typed; RACF's values are keywords */
	if (!a || !strcasecmp(a, "BASIC"))
		p->pgmsec = PSF_PGMSEC_BASIC;
	else if (!strcasecmp(a, "ENHANCED"))
		p->pgmsec = PSF_PGMSEC_ENHANCED;
	else
		p->pgmsec = PSF_PGMSEC_ENHWARN;
}

static int build_zones(struct build *b)
{
	struct psf_policy *p = b->p;
	struct psf_tcpip_model *m = &p->tcpip;

	p->net_outbound = m->has_netaccess && m->outbound;
	p->net_inbound = m->has_netaccess && m->inbound;
	p->zones = calloc(m->nnet + 1, sizeof *p->zones);
	if (!p->zones)
		return -ENOMEM;
	for (size_t i = 0; i < m->nnet; i++) {
		const struct psf_net_entry *e = &m->net[i];
		struct psf_zone *z = &p->zones[p->nzones++];

		z->src = e;
		z->net = e->addr;
		z->prefix = e->prefix;
		z->is_default = e->is_default;
		z->res = resource(b, "NETACCESS", e->zone, e->file, e->line);
	}
	/* most specific prefix first; DEFAULT last (spec 6) */
	for (size_t i = 1; i < p->nzones; i++) {
		struct psf_zone t = p->zones[i];
		size_t j = i;
		int rank = t.is_default ? -1 : t.prefix;
		for (; j > 0; j--) {
			const struct psf_zone *q = &p->zones[j - 1];
			if ((q->is_default ? -1 : q->prefix) >= rank)
				break;
			p->zones[j] = p->zones[j - 1];
		}
		p->zones[j] = t;
	}
	return 0;
}

/* Spec 5.2: each resource name resolved to its covering profile once. */
static int resolve_resources(struct psf_policy *p)
{
	struct psf_profile_index *ix =
		psf_profile_index_build(&p->racf, PSF_CLS_SERVAUTH);

	if (!ix)
		return -ENOMEM;
	for (size_t i = 0; i < p->nres; i++)
		p->res[i].profile = psf_profile_index_best(ix, p->res[i].name,
							   p->racf.generic);
	psf_profile_index_free(ix);
	return 0;
}

int psf_policy_build(struct psf_policy *p, const struct psf_load_opts *o,
		     struct psf_diags *d)
{
	struct build b = { p, o, d,
			   o->check ? PSF_SEV_ERROR : PSF_SEV_WARNING, NULL, 0 };
	int rc;

	p->no_warning = o->no_warning;
	p->entry_ignored = calloc(p->tcpip.nports + 1, sizeof(bool));
	if (!p->entry_ignored)
		return -ENOMEM;
	for (int pr = 0; pr < PSF_NPROTO; pr++)
		p->restrictlow[pr] = p->tcpip.cfg[pr].restrictlow;
	apply_ezz0146i(&b);
	if ((rc = build_unrsv(&b)) || (rc = build_ports(&b)) ||
	    (rc = build_zones(&b)) || (rc = build_profiles(&b)) ||
	    (rc = resolve_resources(p))) {
		free(b.rhash);
		return rc;
	}
	build_pgmsec(p);
	free(b.rhash);
	return 0;
}
