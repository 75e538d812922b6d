/* Loading a policy: the configuration (or the built-in discovery policy),
 * the TCPIP PROFILE and the RACF commands, compiled into tables. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "policy.h"

#define DISCOVERY "<discovery>"

/* interface.md "The discovery policy": every bind, connect and first send
 * is allowed and leaves a warning record. */
static const char discovery_profile[] =
	"PORT\n"
	"  UNRSV TCP * SAF UNRSVTCP WHENBIND\n"
	"  UNRSV UDP * SAF UNRSVUDP\n"
	"NETACCESS\n"
	"  DEFAULT 0 WORLD\n"
	"ENDNETACCESS\n";

static const char discovery_racf[] =
	"RDEFINE SERVAUTH EZB.PORTACCESS.** UACC(NONE) WARNING AUDIT(ALL(READ))\n"
	"RDEFINE SERVAUTH EZB.NETACCESS.** UACC(NONE) WARNING AUDIT(ALL(READ))\n";

static void load_discovery(struct psf_policy *p, struct psf_diags *d)
{
	psf_config_defaults(&p->cfg);
	strcpy(p->cfg.smfid, "SYS1");
	p->cfg.udp_ephemeral_saf = true;
	p->cfg.tcp_ephemeral_saf = true;
	psf_tcpip_parse(&p->tcpip, discovery_profile, sizeof discovery_profile - 1,
			DISCOVERY, d);
	psf_racf_parse(&p->racf, discovery_racf, sizeof discovery_racf - 1,
		       DISCOVERY, PSF_SEV_ERROR, d);
}

/* interface.md: an unreadable file is an error naming the file and line:
 * the line of the configuration that names it. */
static bool readable(const struct psf_config *c, const char *setting,
		     const char *path, int line, struct psf_diags *d)
{
	if (access(path, R_OK) == 0)
		return true;
	psf_diag_add(d, PSF_SEV_ERROR, c->file, line, "%s: cannot read '%s': %s",
		     setting, path, strerror(errno));
	return false;
}

static void load_files(struct psf_policy *p, const struct psf_load_opts *o,
		       struct psf_diags *d)
{
	/* RACF would reject these commands; z/OS runs on without them
	 * (interface.md), `check` calls them errors. */
	enum psf_severity rejected = o->check ? PSF_SEV_ERROR : PSF_SEV_WARNING;
	const struct psf_config *c = &p->cfg;

	if (c->profile && c->profile[0] &&
	    readable(c, "profile", c->profile, c->profile_line, d))
		psf_tcpip_parse_file(&p->tcpip, c->profile, d);
	if (c->racf && c->racf[0] && readable(c, "racf", c->racf, c->racf_line, d))
		psf_racf_parse_file(&p->racf, c->racf, rejected, d);
}

int psf_policy_load(const char *path, const struct psf_load_opts *opts,
		    struct psf_policy **out, struct psf_diags *d)
{
	static const struct psf_load_opts none;
	const struct psf_load_opts *o = opts ? opts : &none;
	size_t errors0 = psf_diags_count(d, PSF_SEV_ERROR);
	struct psf_policy *p = calloc(1, sizeof *p);
	int rc;

	*out = NULL;
	if (!p)
		return -ENOMEM;
	psf_tcpip_model_init(&p->tcpip);
	psf_racf_model_init(&p->racf);
	if (!path) {
		load_discovery(p, d);
	} else if (psf_config_read(&p->cfg, path, d) == 0) {
		load_files(p, o, d);
	}
	if (psf_diags_count(d, PSF_SEV_ERROR) > errors0) {
		psf_policy_free(p);
		return -EINVAL;
	}
	rc = psf_policy_build(p, o, d);
	if (rc == 0 && psf_diags_count(d, PSF_SEV_ERROR) > errors0)
		rc = -EINVAL;
	if (rc) {
		psf_policy_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

void psf_policy_free(struct psf_policy *p)
{
	if (!p)
		return;
	for (int pr = 0; pr < PSF_NPROTO; pr++) {
		free(p->port_slot[pr]);
		free(p->unrsv[pr]);
	}
	for (size_t i = 0; i < p->nres; i++)
		free(p->res[i].name);
	free(p->res);
	free(p->slots);
	free(p->rsv);
	free(p->zones);
	free(p->prof);
	free(p->acl);
	free(p->cond);
	free(p->entry_ignored);
	psf_tcpip_model_free(&p->tcpip);
	psf_racf_model_free(&p->racf);
	psf_config_free(&p->cfg);
	free(p);
}

const struct psf_config *psf_policy_config(const struct psf_policy *p)
{
	return &p->cfg;
}

bool psf_policy_racf_user(const struct psf_policy *p, const char *user,
			  char dfltgrp[PSF_NAME_LEN + 1],
			  char name[PSF_UNAME_LEN + 1])
{
	const struct psf_racf_user *u =
		psf_racf_find_user((struct psf_racf_model *)&p->racf, user);

	dfltgrp[0] = name[0] = '\0';
	if (!u)
		return false;
	strcpy(dfltgrp, u->dfltgrp);
	if (u->has_name)
		strcpy(name, u->name);
	return true;
}

bool psf_policy_checks_listen(const struct psf_policy *p)
{
	return p->nunrsv[PSF_TCP] && !p->whenbind;
}

bool psf_policy_port_reserved(const struct psf_policy *p, enum psf_proto proto,
			      uint16_t port)
{
	return psf_port_slot_of(p, proto, port) != 0;
}
