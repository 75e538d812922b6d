/*
 * The decision trace (spec 8, not a z/OS artefact): one line per decision,
 * including those RACF never sees (job-name denials, RESERVED, low ports),
 * for people rehearsing a rollout:
 *
 *   2025-03-14T14:30:15.27 JOB(MYSRVR) USER(APPUSR1) GROUP(APPGRP)
 *   OP(BIND) ... PID(4711) -> DENY EACCES RULE(unrsv-saf)
 *   SAF(EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP CL(SERVAUTH)
 *   PROFILE(EZB.PORTACCESS.** G) INSAUTH LOG(SMF ICH408I))
 *
 * (one line; wrapped here).  The request part is the log string, so the
 * trace and the SMF records can be matched by eye.
 */
#include <errno.h>
#include "audit.h"
#include "smf80_layout.h"

static void verdict(struct psf_buf *b, const struct psf_decision *d)
{
	if (d->verdict == PSF_ALLOW) {
		psf_buf_str(b, "ALLOW");
	} else if (d->verdict == PSF_ALLOW_WARNING) {
		psf_buf_str(b, "ALLOW WARNING");
	} else {
		psf_buf_str(b, "DENY ");
		if (d->err == EACCES)
			psf_buf_str(b, "EACCES");
		else if (d->err == EADDRINUSE)
			psf_buf_str(b, "EADDRINUSE");
		else
			psf_buf_int(b, d->err);
	}
}

static void event(struct psf_buf *b, const struct psf_saf_event *ev)
{
	const char *qual = psf_smf80_qualifier_name(ev->qualifier);

	psf_buf_str(b, " SAF(");
	psf_buf_str(b, ev->resource);
	psf_buf_str(b, " CL(");
	psf_buf_str(b, ev->cls);
	psf_buf_str(b, ") PROFILE(");
	psf_buf_str(b, ev->profile);
	psf_buf_str(b, ev->generic ? " G) " : ") ");
	psf_buf_str(b, qual ? qual : "?");
	psf_buf_str(b, " LOG(");
	if (!ev->smf && !ev->ich408i && !ev->ich432i)
		psf_buf_str(b, "NONE");
	if (ev->smf)
		psf_buf_str(b, "SMF");
	if (ev->ich408i)
		psf_buf_str(b, ev->smf ? " ICH408I" : "ICH408I");
	if (ev->ich432i)
		psf_buf_str(b, ev->smf || ev->ich408i ? " ICH432I" : "ICH432I");
	psf_buf_str(b, "))");
}

size_t psf_trace_format(char *buf, size_t cap, const struct psf_audit_in *in,
			const struct psf_decision *d)
{
	char logstr[SMF80_RELOC_MAX + 1];
	size_t n = psf_logstr_format(logstr, sizeof logstr, in);
	struct psf_buf b;

	psf_buf_init(&b, buf, cap);
	psf_buf_isotime(&b, in->time_centis, in->utc_offset);
	psf_buf_str(&b, " JOB(");
	psf_buf_str(&b, in->id->jobname);
	psf_buf_str(&b, ") USER(");
	psf_buf_str(&b, in->id->user);
	psf_buf_str(&b, ") GROUP(");
	psf_buf_str(&b, in->id->group);
	psf_buf_str(&b, ") ");
	psf_buf_strn(&b, logstr, n);
	psf_buf_str(&b, " -> ");
	verdict(&b, d);
	psf_buf_str(&b, " RULE(");
	psf_buf_str(&b, psf_rule_name(d->rule));
	psf_buf_char(&b, ')');
	if (d->assigned_reserved)
		psf_buf_str(&b, " NOTE(the kernel assigned a port the profile "
			    "reserves; z/OS never would)");
	if (d->rewrite) {
		psf_buf_str(&b, " BIND(");
		psf_buf_ipaddr(&b, &d->bind_addr);
		psf_buf_char(&b, ')');
	}
	for (unsigned i = 0; i < d->nevents && i < PSF_MAX_EVENTS; i++)
		event(&b, &d->events[i]);
	psf_buf_char(&b, '\n');
	return n ? psf_buf_finish(&b) : 0;
}
