#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fixture.h"

struct psf_policy *fx_policy(const char *profile, const char *racf,
			     const struct fx_opts *o, struct psf_diags *d)
{
	static const struct fx_opts none;
	struct psf_load_opts lo;
	struct psf_policy *p = calloc(1, sizeof *p);

	o = o ? o : &none;
	lo = (struct psf_load_opts){ .check = o->check, .no_warning = o->no_warning };
	psf_config_defaults(&p->cfg);
	strcpy(p->cfg.smfid, "SYS1");
	p->cfg.no_profile_deny = o->no_profile_deny;
	p->cfg.udp_ephemeral_saf = o->udp_eph;
	p->cfg.tcp_ephemeral_saf = o->tcp_eph;
	psf_tcpip_model_init(&p->tcpip);
	psf_racf_model_init(&p->racf);
	psf_tcpip_parse(&p->tcpip, profile, strlen(profile), "test.profile", d);
	psf_racf_parse(&p->racf, racf, strlen(racf), "test.racf",
		       o->check ? PSF_SEV_ERROR : PSF_SEV_WARNING, d);
	if (psf_diags_count(d, PSF_SEV_ERROR) || psf_policy_build(p, &lo, d) ||
	    psf_diags_count(d, PSF_SEV_ERROR)) {
		psf_policy_free(p);
		return NULL;
	}
	return p;
}

void fx_identity(struct psf_identity *id, const char *names, const char *flags)
{
	char f[4][32] = { "", "", "", "" };

	memset(id, 0, sizeof *id);
	sscanf(names, "%31s %31s %31s %31s", f[0], f[1], f[2], f[3]);
	psf_fold_name(id->jobname, f[0]);
	psf_fold_name(id->user, f[1]);
	psf_fold_name(id->group, f[2]);
	psf_fold_name(id->program, f[3]);
	id->superuser = flags && strstr(flags, "superuser");
	id->apf = flags && strstr(flags, "apf");
	id->ftp_server = flags && strstr(flags, "ftp");
	id->pid = 4711;
}
