/*
 * One RACF authorization check for READ to a SERVAUTH resource, as RACF
 * makes it (spec 5.3-5.6): the covering profile was chosen at build time;
 * here the access list decides, then WHEN(PROGRAM), then WARNING, and the
 * auditing options say what gets written.
 */
#include "policy.h"
#include "racf_generic.h"

#define NOT_FOUND (-1)

static int acl_find(const struct psf_cacl *a, uint32_t n, psf_key id)
{
	uint32_t lo = 0, hi = n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (a[mid].id == id)
			return a[mid].level;
		if (a[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NOT_FOUND;
}

/* Spec 5.4 steps 1-4: user, then group(s), then ID(*), then UACC. */
static int standard_access(const struct psf_policy *p,
			   const struct psf_cprofile *c,
			   const struct psf_subject *s, struct psf_explain *ex)
{
	const struct psf_cacl *a = &p->acl[c->acl_first];
	int lvl = acl_find(a, c->nacl, s->user_key);
	int best = NOT_FOUND;

	if (lvl != NOT_FOUND) {
		psf_explain_add(ex, "  access list: user %s has %s", s->id.user,
				psf_access_name((enum psf_access)lvl));
		return lvl;
	}
	/* With GRPLIST the subject carries every connected group and the
	 * highest level among those present counts; else only the current
	 * connect group (subject.c). */
	for (uint16_t g = 0; g < s->ngroups; g++) {
		lvl = acl_find(a, c->nacl, s->groups[g]);
		if (lvl > best)
			best = lvl;
	}
	if (best != NOT_FOUND) {
		psf_explain_add(ex, "  access list: user %s not listed; %s "
				"gives %s", s->id.user,
				p->racf.grplist ? "its groups (GRPLIST)" :
				"its current connect group",
				psf_access_name((enum psf_access)best));
		return best;
	}
	lvl = acl_find(a, c->nacl, psf_key_of("*"));
	if (lvl != NOT_FOUND) {
		psf_explain_add(ex, "  access list: neither user nor group "
				"listed; ID(*) gives %s",
				psf_access_name((enum psf_access)lvl));
		return lvl;
	}
	psf_explain_add(ex, "  access list: no entry for the user, its "
			"groups or ID(*); UACC(%s)",
			psf_access_name(c->src->uacc));
	return c->src->uacc;
}

static bool cond_id_applies(const struct psf_subject *s, psf_key id)
{
	if (id == s->user_key || id == psf_key_of("*"))
		return true;
	for (uint16_t g = 0; g < s->ngroups; g++)
		if (id == s->groups[g])
			return true;
	return false;
}

/* Spec 5.4 conditional access list and 5.5 ICH432I. */
static int conditional_access(const struct psf_policy *p,
			      const struct psf_cprofile *c,
			      const struct psf_subject *s, int lvl,
			      struct psf_saf_event *ev, struct psf_explain *ex)
{
	const struct psf_ccond *q = &p->cond[c->cond_first];
	bool names_program = false;

	if (lvl >= PSF_ACC_READ || !p->racf.when_program || !c->ncond)
		return lvl;
	for (uint32_t i = 0; i < c->ncond; i++) {
		if (q[i].program != s->program_key)
			continue;
		names_program = true;
		if (q[i].level >= PSF_ACC_READ && cond_id_applies(s, q[i].id)) {
			psf_explain_add(ex, "  conditional access list: "
					"WHEN(PROGRAM(%s)) gives %s",
					s->id.program,
					psf_access_name((enum psf_access)q[i].level));
			return q[i].level;
		}
	}
	psf_explain_add(ex, "  conditional access list: no entry grants "
			"READ to program %s", s->id.program);
	/* Decision (spec 5.5): ICH432I in ENHANCED-WARNING mode only, when
	 * no entry names the running program; the decision is unchanged. */
	if (!names_program && p->pgmsec == PSF_PGMSEC_ENHWARN)
		ev->ich432i = true;
	return lvl;
}

static bool audited(const struct psf_audit_opt *a, bool failure)
{
	uint8_t lvl = failure ? a->failure : a->success;

	/* logged only when READ, the access requested, reaches the level */
	return lvl != PSF_AUDIT_OFF && PSF_ACC_READ >= lvl;
}

/* Spec 5.6: a warning counts as a failure for logging (Decision). */
static uint8_t audit_reasons(const struct psf_policy *p,
			     const struct psf_profile *src, bool failure)
{
	uint8_t rea = 0;

	switch (p->racf.logoptions) {
	case PSF_LOG_NEVER:
		return 0;
	case PSF_LOG_ALWAYS:
		rea |= PSF_REA_CLASS;
		break;
	case PSF_LOG_SUCCESSES:
		if (!failure)
			rea |= PSF_REA_CLASS;
		break;
	case PSF_LOG_FAILURES:
		if (failure)
			rea |= PSF_REA_CLASS;
		break;
	case PSF_LOG_DEFAULT:
		break;
	}
	if (audited(&src->audit, failure))
		rea |= PSF_REA_AUDIT;
	if (audited(&src->globalaudit, failure))
		rea |= PSF_REA_GLOBAL;
	return rea;
}

static void explain_profiles(const struct psf_policy *p, const char *res,
			     const struct psf_cprofile *c,
			     struct psf_explain *ex)
{
	struct psf_profile_index *ix;
	int all[16];
	size_t n;

	psf_explain_add(ex, "  profile %s%s covers %s", c->src->name,
			c->src->generic ? " (G)" : "", res);
	if (!ex || !(ix = psf_profile_index_build(&p->racf, PSF_CLS_SERVAUTH)))
		return;
	n = psf_profile_index_all(ix, res, p->racf.generic, all, 16);
	for (size_t i = 0; i < n && i < 16; i++)
		if (p->prof[all[i]].src != c->src)
			psf_explain_add(ex, "    chosen over %s",
					p->racf.profiles[all[i]].name);
	psf_profile_index_free(ix);
}

bool psf_saf_check(const struct psf_policy *p, const struct psf_subject *s,
		   int32_t res, enum psf_verdict *v, struct psf_saf_event *ev,
		   struct psf_explain *ex)
{
	const struct psf_resource *r = &p->res[res];
	const struct psf_cprofile *c;
	int lvl;
	bool fail;

	if (!p->racf.classact || r->profile < 0) {
		psf_explain_add(ex, "  RACF: %s is not protected (%s): return "
				"code 4", r->name, p->racf.classact ?
				"no profile covers it" : "SERVAUTH is not active");
		return false;
	}
	c = &p->prof[r->profile];
	*ev = (struct psf_saf_event){
		.cls = "SERVAUTH", .resource = r->name, .profile = c->src->name,
		.generic = c->src->generic, .intent = PSF_ACC_READ,
	};
	explain_profiles(p, r->name, c, ex);
	lvl = standard_access(p, c, s, ex);
	lvl = conditional_access(p, c, s, lvl, ev, ex);
	ev->allowed = (enum psf_access)lvl;
	if (lvl >= PSF_ACC_READ) {
		ev->qualifier = PSF_QUAL_SUCCESS;
		*v = PSF_ALLOW;
	} else if (c->warning) {
		ev->qualifier = PSF_QUAL_WARNING;
		*v = PSF_ALLOW_WARNING;
		psf_explain_add(ex, "  insufficient access, but the profile is "
				"in WARNING mode: access allowed");
	} else {
		ev->qualifier = PSF_QUAL_INSAUTH;
		*v = PSF_DENY;
		psf_explain_add(ex, "  insufficient access: denied");
	}
	fail = ev->qualifier != PSF_QUAL_SUCCESS;
	ev->reasons = audit_reasons(p, c->src, fail);
	ev->smf = ev->reasons != 0;
	ev->ich408i = ev->smf && fail;
	return true;
}
