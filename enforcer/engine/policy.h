/*
 * The compiled policy: everything psf_decide() needs, as tables built once
 * (policy_build.c) so that a decision never scans PORT entries or RACF
 * profiles: ports index a table directly, SAF resource names and NETACCESS
 * zones are resolved to their profile at build time, access lists are
 * sorted arrays of packed ids.
 */
#ifndef PSF_POLICY_H
#define PSF_POLICY_H

#include "config.h"
#include "model.h"

/* An 8-character z/OS name packed for comparison. */
typedef uint64_t psf_key;
psf_key psf_key_of(const char *name);

/* A reservation (PORT or PORTRANGE entry with a number). */
struct psf_rsv {
	const struct psf_port_entry *src;
	int32_t res;                    /* SAF resource index, -1 none */
	int16_t rank;                   /* job-name specificity (spec 2.1) */
};

/* The reservations of one port: rsv_list[first .. first+n). */
struct psf_port_slot {
	uint32_t first;
	uint16_t n;
	bool all_reserved;              /* every entry RESERVED */
};

/* A resource name the policy can check, with its covering profile. */
struct psf_resource {
	char *name;                     /* EZB.PORTACCESS.SYS1.TCPIP.X */
	int32_t profile;                /* compiled profile index, -1 none */
	const char *file;               /* first statement naming it */
	int line;
};

struct psf_cacl {
	psf_key id;
	uint8_t level;
};

struct psf_ccond {
	psf_key id, program;
	uint8_t level;
};

struct psf_cprofile {
	const struct psf_profile *src;
	bool warning;                   /* after --no-warning */
	uint32_t acl_first, nacl;       /* sorted by id */
	uint32_t cond_first, ncond;
};

struct psf_zone {
	struct psf_ipaddr net;
	uint8_t prefix;
	bool is_default;
	int32_t res;                    /* resource index */
	const struct psf_net_entry *src;
};

struct psf_unrsv {
	const struct psf_port_entry *src;
	int32_t res;
	int16_t rank;
};

enum psf_pgmsec { PSF_PGMSEC_BASIC, PSF_PGMSEC_ENHANCED, PSF_PGMSEC_ENHWARN };

struct psf_policy {
	struct psf_config cfg;
	struct psf_tcpip_model tcpip;
	struct psf_racf_model racf;
	bool no_warning;

	/* Per protocol: slot index per port (0 = not reserved); NULL when
	 * the protocol has no reservation. */
	uint32_t *port_slot[PSF_NPROTO];
	struct psf_port_slot *slots;
	size_t nslots;
	struct psf_rsv *rsv;
	size_t nrsv;
	bool ignored_any;

	struct psf_unrsv *unrsv[PSF_NPROTO];    /* most specific first */
	size_t nunrsv[PSF_NPROTO];
	bool whenbind;                          /* TCP UNRSV mode */
	bool restrictlow[PSF_NPROTO];

	struct psf_zone *zones;                 /* most specific first */
	size_t nzones;
	bool net_outbound, net_inbound;

	struct psf_resource *res;
	size_t nres;

	struct psf_cprofile *prof;              /* SERVAUTH, model order */
	size_t nprof;
	struct psf_cacl *acl;
	struct psf_ccond *cond;
	enum psf_pgmsec pgmsec;

	/* For the lint: which model entries the builder ignored. */
	bool *entry_ignored;                    /* per tcpip.ports[] */
};

/* The reservation slot of a port, 0 when it is not reserved.  A protocol
 * without reservations has no table: the discovery policy, loaded by every
 * process that makes a socket call, then costs no page of it. */
static inline uint32_t psf_port_slot_of(const struct psf_policy *p,
					enum psf_proto pr, uint16_t port)
{
	return p->port_slot[pr] ? p->port_slot[pr][port] : 0;
}

/* policy_build.c */
int psf_policy_build(struct psf_policy *p, const struct psf_load_opts *o,
		     struct psf_diags *d);
/* Job-name patterns (spec 2.1) */
bool psf_job_match(const char *pattern, const char *job);
int psf_job_rank(const char *pattern);

/* RACF check of one resource for READ (saf_check.c, spec 5.3-5.6).
 * Returns false when RACF would answer "not protected" (class inactive or
 * no covering profile); else sets *v and fills ev. */
bool psf_saf_check(const struct psf_policy *p, const struct psf_subject *s,
		   int32_t res, enum psf_verdict *v, struct psf_saf_event *ev,
		   struct psf_explain *ex);

void psf_explain_add(struct psf_explain *ex, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
