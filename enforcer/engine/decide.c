/*
 * The decision (spec 2-6): policy, subject and request in; verdict and the
 * events RACF would produce out.  Pure: no I/O, no allocation, no globals
 * (explain text only when asked for).
 */
#include <errno.h>
#include <string.h>
#include "ipaddr.h"
#include "policy.h"

static void verdict(struct psf_decision *d, enum psf_rule rule,
		    enum psf_verdict v, int err)
{
	d->rule = rule;
	d->verdict = v;
	d->err = v == PSF_DENY ? err : 0;
}

/* A RACF check whose outcome is the request's outcome. */
static void saf(const struct psf_policy *p, const struct psf_subject *s,
		int32_t res, enum psf_rule rule, struct psf_decision *d,
		struct psf_explain *ex)
{
	struct psf_saf_event ev;
	enum psf_verdict v;

	if (!psf_saf_check(p, s, res, &v, &ev, ex)) {
		/* Spec 5.3 Decision: "not protected" lets the bind go ahead,
		 * silently, unless emulate.no_profile = "deny"; nothing is
		 * written either way. */
		if (p->cfg.no_profile_deny) {
			psf_explain_add(ex, "  emulate.no_profile = \"deny\": "
					"denied, nothing written");
			verdict(d, PSF_RULE_NOT_PROTECTED_DENY, PSF_DENY, EACCES);
		} else {
			verdict(d, PSF_RULE_NOT_PROTECTED, PSF_ALLOW, 0);
		}
		return;
	}
	d->events[d->nevents++] = ev;
	verdict(d, rule, v, EACCES);
}

static const struct psf_unrsv *unrsv_entry(const struct psf_policy *p,
					   const struct psf_subject *s,
					   enum psf_proto proto)
{
	return s->unrsv[proto] >= 0 ? &p->unrsv[proto][s->unrsv[proto]] : NULL;
}

/* Spec 2.3: the caller's most specific UNRSV entry decides. */
static void check_unrsv(const struct psf_policy *p, const struct psf_subject *s,
			enum psf_proto proto, struct psf_decision *d,
			struct psf_explain *ex)
{
	const struct psf_unrsv *u = unrsv_entry(p, s, proto);

	if (!u) {
		psf_explain_add(ex, "UNRSV %s: no entry matches job %s: denied "
				"(EACCES), no RACF call", psf_proto_name(proto),
				s->id.jobname);
		verdict(d, PSF_RULE_UNRSV_NOMATCH, PSF_DENY, EACCES);
		return;
	}
	psf_explain_add(ex, "UNRSV %s %s%s%s at %s:%d matches job %s",
			psf_proto_name(proto), u->src->job,
			u->src->deny ? " DENY" : u->src->saf[0] ? " SAF " : "",
			u->src->saf, u->src->file, u->src->line, s->id.jobname);
	if (u->src->deny) {
		psf_explain_add(ex, "  DENY: denied (EACCES), no RACF call");
		verdict(d, PSF_RULE_UNRSV_DENY, PSF_DENY, EACCES);
	} else if (u->res < 0) {
		psf_explain_add(ex, "  no SAF keyword: allowed");
		verdict(d, PSF_RULE_UNRSV_OPEN, PSF_ALLOW, 0);
	} else {
		psf_explain_add(ex, "  SAF check of %s for READ",
				p->res[u->res].name);
		saf(p, s, u->res, PSF_RULE_UNRSV_SAF, d, ex);
	}
}

/* Spec 2.2 and 3: a bind to a reserved port. */
static void check_reserved(const struct psf_policy *p,
			   const struct psf_subject *s,
			   const struct psf_request *r,
			   const struct psf_port_slot *slot,
			   struct psf_decision *d, struct psf_explain *ex)
{
	const struct psf_rsv *e = &p->rsv[slot->first];

	if (slot->all_reserved) {
		psf_explain_add(ex, "port %u %s is RESERVED (%s:%d): EADDRINUSE",
				r->port, psf_proto_name(r->proto),
				e->src->file, e->src->line);
		verdict(d, PSF_RULE_RESERVED, PSF_DENY, EADDRINUSE);
		return;
	}
	if (e->src->kind == PSF_ENT_AUTHPORT) {
		/* Decision (spec 3): only the identity marked ftp_server */
		psf_explain_add(ex, "port %u %s is in an AUTHPORT range (%s:%d): "
				"%s", r->port, psf_proto_name(r->proto),
				e->src->file, e->src->line, s->id.ftp_server ?
				"the FTP server may bind" :
				"not the FTP server: EADDRINUSE");
		if (s->id.ftp_server)
			verdict(d, PSF_RULE_RESERVED_OWNER, PSF_ALLOW, 0);
		else
			verdict(d, PSF_RULE_AUTHPORT, PSF_DENY, EADDRINUSE);
		return;
	}
	for (uint16_t i = 0; i < slot->n; i++, e++) {
		if (e->src->kind != PSF_ENT_JOB ||
		    !psf_job_match(e->src->job, s->id.jobname))
			continue;
		psf_explain_add(ex, "port %u %s reserved to %s at %s:%d matches "
				"job %s", r->port, psf_proto_name(r->proto),
				e->src->job, e->src->file, e->src->line,
				s->id.jobname);
		/* Decision (spec 2.2): BIND ipaddr rewrites wildcard binds */
		if (e->src->has_bind && psf_ipaddr_is_any(&r->addr)) {
			d->rewrite = true;
			d->bind_addr = e->src->bind;
			psf_explain_add(ex, "  BIND: the wildcard address is "
					"bound to the entry's address instead");
		}
		if (e->res < 0) {
			psf_explain_add(ex, "  no SAF keyword: allowed");
			verdict(d, PSF_RULE_RESERVED_OWNER, PSF_ALLOW, 0);
			return;
		}
		psf_explain_add(ex, "  SAF check of %s for READ",
				p->res[e->res].name);
		saf(p, s, e->res, PSF_RULE_RESERVED_SAF, d, ex);
		return;
	}
	psf_explain_add(ex, "port %u %s is reserved, to no entry matching job "
			"%s: EACCES, no RACF call, nothing logged", r->port,
			psf_proto_name(r->proto), s->id.jobname);
	verdict(d, PSF_RULE_JOBNAME, PSF_DENY, EACCES);
}

/* Spec 2.3 "historical behaviour": a port the stack assigns drew the SAF
 * check of the caller's UNRSV entry.  Only the SAF check: an entry with
 * DENY or without SAF, or no entry at all, leaves the port unchecked, as
 * it always was. */
static void check_ephemeral(const struct psf_policy *p,
			    const struct psf_subject *s, enum psf_proto proto,
			    struct psf_decision *d, struct psf_explain *ex)
{
	const struct psf_unrsv *u = unrsv_entry(p, s, proto);
	const char *sw = proto == PSF_UDP ? "udp_ephemeral_saf" :
					    "tcp_ephemeral_saf";

	if (!(proto == PSF_UDP ? p->cfg.udp_ephemeral_saf :
				 p->cfg.tcp_ephemeral_saf)) {
		psf_explain_add(ex, "the stack assigns the port: not checked");
		return;
	}
	if (!u || u->res < 0) {
		psf_explain_add(ex, "the stack assigns the port; emulate.%s is "
				"on, but the job's UNRSV %s entry has no SAF "
				"keyword: not checked", sw, psf_proto_name(proto));
		return;
	}
	psf_explain_add(ex, "the stack assigns the port; emulate.%s is on: "
			"UNRSV %s %s at %s:%d, SAF check of %s for READ", sw,
			psf_proto_name(proto), u->src->job, u->src->file,
			u->src->line, p->res[u->res].name);
	saf(p, s, u->res, PSF_RULE_UNRSV_SAF, d, ex);
}

static void decide_bind(const struct psf_policy *p, const struct psf_subject *s,
			const struct psf_request *r, struct psf_decision *d,
			struct psf_explain *ex)
{
	uint32_t slot = psf_port_slot_of(p, r->proto, r->port);
	bool at_bind = r->proto == PSF_UDP || p->whenbind;

	if (r->port == 0) {
		psf_explain_add(ex, "bind to port 0:");
		if (at_bind)
			check_ephemeral(p, s, r->proto, d, ex);
		else
			psf_explain_add(ex, "  UNRSV TCP is WHENLISTEN: checked at "
					"listen if at all");
		return;
	}
	if (slot) {
		check_reserved(p, s, r, &p->slots[slot], d, ex);
		return;
	}
	/* Spec 4: unreserved low ports with RESTRICTLOWPORTS */
	if (p->restrictlow[r->proto] && r->port <= 1023) {
		bool ok = s->id.apf || s->id.superuser;
		psf_explain_add(ex, "RESTRICTLOWPORTS: port %u is not reserved; "
				"%s", r->port, ok ? "APF-authorized or superuser: "
				"allowed" : "not APF-authorized nor superuser: "
				"EACCES, no RACF call");
		verdict(d, PSF_RULE_LOWPORT, ok ? PSF_ALLOW : PSF_DENY, EACCES);
		return;
	}
	if (!p->nunrsv[r->proto]) {
		psf_explain_add(ex, "port %u %s is not reserved and there is no "
				"UNRSV %s entry: allowed", r->port,
				psf_proto_name(r->proto), psf_proto_name(r->proto));
		return;
	}
	if (!at_bind) {
		psf_explain_add(ex, "port %u TCP is not reserved; UNRSV TCP is "
				"WHENLISTEN: the bind is not checked (listen is)",
				r->port);
		return;
	}
	check_unrsv(p, s, r->proto, d, ex);
}

static void decide_listen(const struct psf_policy *p,
			  const struct psf_subject *s,
			  const struct psf_request *r, struct psf_decision *d,
			  struct psf_explain *ex)
{
	if (r->proto != PSF_TCP || !p->nunrsv[PSF_TCP] || p->whenbind) {
		psf_explain_add(ex, "listen: not checked (%s)",
				r->proto != PSF_TCP ? "not TCP" :
				p->whenbind ? "UNRSV TCP is WHENBIND: the bind "
				"was checked" : "no UNRSV TCP entry");
		return;
	}
	if (r->stack_assigned || r->port == 0) {
		psf_explain_add(ex, "listen on a port the stack assigned:");
		check_ephemeral(p, s, PSF_TCP, d, ex);
		return;
	}
	if (psf_port_slot_of(p, PSF_TCP, r->port) ||
	    (p->restrictlow[PSF_TCP] && r->port <= 1023)) {
		psf_explain_add(ex, "listen on port %u: %s; checked at bind",
				r->port, psf_port_slot_of(p, PSF_TCP, r->port) ?
				"reserved" : "a restricted low port");
		return;
	}
	psf_explain_add(ex, "listen on unreserved port %u, WHENLISTEN:",
			r->port);
	check_unrsv(p, s, PSF_TCP, d, ex);
}

static const struct psf_zone *zone_of(const struct psf_policy *p,
				      const struct psf_ipaddr *a)
{
	for (size_t i = 0; i < p->nzones; i++) {
		const struct psf_zone *z = &p->zones[i];
		if (z->is_default ||
		    (z->net.family == a->family &&
		     psf_ipaddr_in_prefix(a, &z->net, z->prefix)))
			return z;
	}
	return NULL;
}

/* Spec 6: NETACCESS for an address (destination, or local for INBOUND). */
static void check_netaccess(const struct psf_policy *p,
			    const struct psf_subject *s,
			    const struct psf_ipaddr *a, struct psf_decision *d,
			    struct psf_explain *ex)
{
	const struct psf_zone *z = zone_of(p, a);
	struct psf_saf_event ev;
	enum psf_verdict v;

	if (!z) {
		psf_explain_add(ex, "NETACCESS: the address is in no zone: "
				"allowed, no check");
		verdict(d, PSF_RULE_NET_NOZONE, PSF_ALLOW, 0);
		return;
	}
	psf_explain_add(ex, "NETACCESS: zone %s (%s:%d); SAF check of %s",
			z->src->zone, z->src->file, z->src->line,
			p->res[z->res].name);
	if (!psf_saf_check(p, s, z->res, &v, &ev, ex)) {
		/* spec 6: a mapped zone without a profile is denied */
		psf_explain_add(ex, "  a mapped zone without a profile: denied");
		verdict(d, PSF_RULE_NET_NOPROFILE, PSF_DENY, EACCES);
		return;
	}
	d->events[d->nevents++] = ev;
	verdict(d, PSF_RULE_NET_SAF, v, EACCES);
}

/* The worse of the port and the INBOUND results decides (a deny, then a
 * warning); when the NETACCESS check changes nothing, the port rule
 * stays the one named. */
static void merge(struct psf_decision *d, const struct psf_decision *port)
{
	if (d->verdict == PSF_DENY ||
	    (d->verdict == PSF_ALLOW_WARNING && port->verdict == PSF_ALLOW))
		return;
	d->verdict = port->verdict;
	d->err = port->err;
	d->rule = port->rule;
}

void psf_decide(const struct psf_policy *p, const struct psf_subject *s,
		const struct psf_request *r, struct psf_decision *d,
		struct psf_explain *ex)
{
	memset(d, 0, sizeof *d);
	d->verdict = PSF_ALLOW;
	d->rule = PSF_RULE_UNCHECKED;
	switch (r->op) {
	case PSF_OP_BIND:
		decide_bind(p, s, r, d, ex);
		/* Decision (spec 6): INBOUND checks a bind to a specific
		 * local address against its zone. */
		if (d->verdict != PSF_DENY && p->net_inbound &&
		    !psf_ipaddr_is_any(&r->addr)) {
			struct psf_decision port = *d;

			check_netaccess(p, s, &r->addr, d, ex);
			merge(d, &port);
		}
		break;
	case PSF_OP_LISTEN:
		decide_listen(p, s, r, d, ex);
		break;
	case PSF_OP_CONNECT:
	case PSF_OP_SEND:
		if (p->net_outbound)
			check_netaccess(p, s, &r->addr, d, ex);
		else
			psf_explain_add(ex, "%s: no NETACCESS OUTBOUND: not "
					"checked", psf_op_name(r->op));
		break;
	}
}
