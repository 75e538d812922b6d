/* An identity bound to a policy: the lookups that depend only on who the
 * process is are done once per process, not per call. */
#include <string.h>
#include "policy.h"

static void add_group(struct psf_subject *s, const char *g)
{
	psf_key k = psf_key_of(g);

	if (!g[0] || s->ngroups >= sizeof s->groups / sizeof s->groups[0])
		return;
	for (uint16_t i = 0; i < s->ngroups; i++)
		if (s->groups[i] == k)
			return;
	s->groups[s->ngroups++] = k;
}

void psf_subject_init(struct psf_subject *s, const struct psf_policy *p,
		      const struct psf_identity *id)
{
	struct psf_racf_model *racf = (struct psf_racf_model *)&p->racf;
	struct psf_racf_user *u = psf_racf_find_user(racf, id->user);

	memset(s, 0, sizeof *s);
	s->id = *id;
	s->policy = p;
	s->user_key = psf_key_of(id->user);
	s->program_key = psf_key_of(id->program);
	s->user_idx = u ? (int32_t)(u - racf->users) : -1;
	/* spec 5.4 step 2: the current connect group; with GRPLIST every
	 * group the user is connected to */
	add_group(s, id->group);
	if (u && p->racf.grplist)
		for (size_t i = 0; i < u->ngroups; i++)
			add_group(s, u->groups[i]);
	for (int pr = 0; pr < PSF_NPROTO; pr++) {
		s->unrsv[pr] = -1;
		for (size_t i = 0; i < p->nunrsv[pr]; i++)
			if (psf_job_match(p->unrsv[pr][i].src->job, id->jobname)) {
				s->unrsv[pr] = (int32_t)i;
				break;
			}
	}
}
