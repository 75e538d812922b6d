/* The validation report (spec 9 "Validation report" and spec 10). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lint.h"

static const char *const kind_names[] = {
	[PSF_FIND_NOSAF] = "reserved-without-saf",
	[PSF_FIND_UDP_EPHEMERAL] = "udp-saf-in-ephemeral-pool",
	[PSF_FIND_NO_PROFILE] = "no-profile",
	[PSF_FIND_UNDEFINED_ID] = "undefined-id",
	[PSF_FIND_WARNING] = "warning-mode",
	[PSF_FIND_UNREACHABLE] = "unreachable-profile",
	[PSF_FIND_WHEN_INACTIVE] = "when-program-inactive",
	[PSF_FIND_IN_POOL] = "reserved-in-ephemeral-pool",
};

const char *psf_finding_name(enum psf_finding_kind k)
{
	return kind_names[k];
}

bool psf_finding_is_note(enum psf_finding_kind k)
{
	/* spec 4: a reservation inside the pool is normal; listed only */
	return k == PSF_FIND_IN_POOL;
}

__attribute__((format(printf, 5, 6)))
static struct psf_finding *add(struct psf_findings *f,
			       enum psf_finding_kind k, const char *file,
			       int line, const char *fmt, ...)
{
	struct psf_finding *x;
	va_list ap;

	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 32;
		struct psf_finding *v = realloc(f->v, cap * sizeof *v);
		if (!v)
			return NULL;
		f->v = v;
		f->cap = cap;
	}
	x = &f->v[f->n++];
	memset(x, 0, sizeof *x);
	x->kind = k;
	x->file = file;
	x->line = line;
	va_start(ap, fmt);
	vsnprintf(x->text, sizeof x->text, fmt, ap);
	va_end(ap);
	return x;
}

static uint32_t end_port(const struct psf_port_entry *e)
{
	return e->first + e->count - 1;
}

/* The seed's CKNSERVE report: sorted by system, end port, protocol. */
static int cmp_nosaf(const void *a, const void *b)
{
	const struct psf_port_entry *x = ((const struct psf_finding *)a)->entry;
	const struct psf_port_entry *y = ((const struct psf_finding *)b)->entry;

	if (end_port(x) != end_port(y))
		return end_port(x) < end_port(y) ? -1 : 1;
	if (x->proto != y->proto)
		return x->proto < y->proto ? -1 : 1;
	return x->line - y->line;
}

/* Every port or range reserved to a job without SAF: job names can be
 * spoofed (spec 7), SAF checks cannot. */
static void lint_nosaf(const struct psf_policy *p, struct psf_findings *f)
{
	const struct psf_tcpip_model *m = &p->tcpip;
	size_t first = f->n;

	for (size_t i = 0; i < m->nports; i++) {
		const struct psf_port_entry *e = &m->ports[i];
		struct psf_finding *x;

		if (p->entry_ignored[i] || e->kind != PSF_ENT_JOB || e->saf[0])
			continue;
		x = add(f, PSF_FIND_NOSAF, e->file, e->line,
			"port %u%s%.0u %s reserved to job %s without SAF: a job "
			"name can be spoofed", e->first, e->count > 1 ? "-" : "",
			e->count > 1 ? end_port(e) : 0u,
			psf_proto_name(e->proto), e->job);
		if (x)
			x->entry = e;
	}
	qsort(&f->v[first], f->n - first, sizeof f->v[0], cmp_nosaf);
}

static void lint_pool(const struct psf_policy *p, struct psf_findings *f)
{
	const struct psf_tcpip_model *m = &p->tcpip;

	for (size_t i = 0; i < m->nports; i++) {
		const struct psf_port_entry *e = &m->ports[i];
		const struct psf_proto_cfg *pool = &m->cfg[e->proto];
		struct psf_finding *x;

		if (p->entry_ignored[i] || e->kind == PSF_ENT_UNRSV ||
		    e->first > pool->eph_high || end_port(e) < pool->eph_low)
			continue;
		/* IBM technote "Undesired PORTACCESS violations" (spec 4) */
		if (e->proto == PSF_UDP && e->saf[0] && !strcmp(e->job, "*")) {
			add(f, PSF_FIND_UDP_EPHEMERAL, e->file, e->line,
			    "UDP reservation with job name '*' and SAF %s inside "
			    "the ephemeral pool %u-%u: RACF is called, and "
			    "ICH408I issued, for ports the ephemeral search "
			    "passes over", e->saf, pool->eph_low, pool->eph_high);
			continue;
		}
		x = add(f, PSF_FIND_IN_POOL, e->file, e->line,
			"port %u%s%.0u %s is reserved inside the ephemeral pool "
			"%u-%u (normal: the stack never assigns it)", e->first,
			e->count > 1 ? "-" : "", e->count > 1 ? end_port(e) : 0u,
			psf_proto_name(e->proto), pool->eph_low, pool->eph_high);
		if (x)
			x->entry = e;
	}
}

static void lint_resources(const struct psf_policy *p, struct psf_findings *f)
{
	for (size_t i = 0; i < p->nres; i++)
		if (p->res[i].profile < 0)
			add(f, PSF_FIND_NO_PROFILE, p->res[i].file, p->res[i].line,
			    "no SERVAUTH profile covers %s%s", p->res[i].name,
			    !strncmp(p->res[i].name, "EZB.NETACCESS.", 14) ?
			    ": every connect to the zone is denied" :
			    ": RACF answers 'not protected'");
}

static bool id_defined(struct psf_racf_model *m, const char *id)
{
	return !strcmp(id, "*") || psf_racf_find_user(m, id) ||
	       psf_racf_find_group(m, id);
}

static void lint_racf(const struct psf_policy *p, struct psf_findings *f)
{
	struct psf_racf_model *m = (struct psf_racf_model *)&p->racf;
	bool *used = calloc(p->nprof + 1, sizeof *used);

	for (size_t i = 0; m->nusers && i < m->nrefs; i++)
		if (!id_defined(m, m->refs[i].id))
			add(f, PSF_FIND_UNDEFINED_ID, m->refs[i].file,
			    m->refs[i].line, "PERMIT names %s, which no ADDUSER "
			    "or ADDGROUP defines", m->refs[i].id);
	for (size_t i = 0; used && i < p->nres; i++)
		if (p->res[i].profile >= 0)
			used[p->res[i].profile] = true;
	for (size_t i = 0; i < p->nprof; i++) {
		const struct psf_profile *s = p->prof[i].src;

		if (s->cls != PSF_CLS_SERVAUTH)
			continue;
		if (s->warning)
			add(f, PSF_FIND_WARNING, s->file, s->line, "profile %s is "
			    "in WARNING mode: its failures are only warnings",
			    s->name);
		if (used && !used[i])
			add(f, PSF_FIND_UNREACHABLE, s->file, s->line, "profile "
			    "%s protects no resource of this policy", s->name);
		if (s->ncond && !m->when_program)
			add(f, PSF_FIND_WHEN_INACTIVE, s->file, s->line,
			    "profile %s has WHEN(PROGRAM) entries but SETROPTS "
			    "WHEN(PROGRAM) is not active: they are ignored",
			    s->name);
	}
	free(used);
}

void psf_lint(const struct psf_policy *p, struct psf_findings *f)
{
	lint_nosaf(p, f);
	lint_pool(p, f);
	lint_resources(p, f);
	lint_racf(p, f);
}

void psf_findings_free(struct psf_findings *f)
{
	free(f->v);
	memset(f, 0, sizeof *f);
}
