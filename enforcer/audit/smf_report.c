/*
 * Aggregating records for `portsaf smf report` (smf_report.h).  Only
 * port-security checks are reported: class SERVAUTH, resources
 * EZB.PORTACCESS.* and EZB.NETACCESS.* (spec 5.1); other access records,
 * which a real SMF dump is full of, are counted and left out.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "report_table.h"
#include "smf_report.h"

#define QUAL_SUCCESS 0
#define QUAL_WARNING 3

struct psf_report *psf_report_new(void)
{
	return calloc(1, sizeof(struct psf_report));
}

void psf_report_free(struct psf_report *r)
{
	if (!r)
		return;
	psf_report_table_free(&r->keys);
	psf_strpool_free(&r->strings);
	free(r);
}

void psf_report_set_input(struct psf_report *r, unsigned nfiles,
			  const struct psf_smf_stats *st)
{
	r->nfiles = nfiles;
	r->input = *st;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool is_port_security(const struct psf_smf80_rec *rec)
{
	return rec->has_class && strcmp(rec->cls, "SERVAUTH") == 0 &&
	       rec->has_resource &&
	       (starts_with(rec->resource, "EZB.PORTACCESS.") ||
		starts_with(rec->resource, "EZB.NETACCESS."));
}

/* The record's key, and the port the stack assigned (0 if none). */
static int make_key(struct psf_report *r, const struct psf_smf80_rec *rec,
		    struct psf_report_key *k, uint16_t *eph_port)
{
	struct psf_logstr_fields f;

	memset(k, 0, sizeof *k);
	k->resource = psf_strpool_id(&r->strings, rec->resource);
	k->profile = psf_strpool_id(&r->strings, rec->has_profile ? rec->profile : "");
	if (k->resource == UINT32_MAX || k->profile == UINT32_MAX)
		return -ENOMEM;
	k->generic = rec->has_profile && rec->generic;
	memcpy(k->jobname, rec->jobname, sizeof k->jobname);
	memcpy(k->user, rec->user, sizeof k->user);
	psf_logstr_parse(rec->has_logstr ? rec->logstr : "", &f);
	memcpy(k->program, f.program, sizeof k->program);
	k->op = f.has_op ? (uint8_t)f.op : PSF_KEY_UNKNOWN;
	k->proto = f.has_proto ? (uint8_t)f.proto : PSF_KEY_UNKNOWN;
	k->has_port = f.has_port;
	k->ephemeral = f.ephemeral;
	/* Every port the stack hands out is a new number: one key for all. */
	k->port = f.ephemeral ? 0 : f.port;
	if (f.has_addr)
		k->addr = f.addr;
	*eph_port = f.ephemeral ? f.port : 0;
	return 0;
}

static void count(struct psf_report_val *v, const struct psf_smf80_rec *rec,
		  uint16_t eph_port)
{
	if (v->count == 0 || rec->time < v->first)
		v->first = rec->time;
	if (v->count == 0 || rec->time > v->last)
		v->last = rec->time;
	v->count++;
	if (rec->qualifier == QUAL_SUCCESS) {
		v->success++;
	} else if (rec->qualifier == QUAL_WARNING) {
		if (v->warning == 0 || rec->time < v->warn_first)
			v->warn_first = rec->time;
		if (v->warning == 0 || rec->time > v->warn_last)
			v->warn_last = rec->time;
		v->warning++;
	} else {
		v->failure++;
	}
	if (eph_port) {
		if (!v->eph_low || eph_port < v->eph_low)
			v->eph_low = eph_port;
		if (eph_port > v->eph_high)
			v->eph_high = eph_port;
	}
}

static void note_system(struct psf_report *r, const char *sid)
{
	for (unsigned i = 0; i < r->nsystems; i++)
		if (strcmp(r->systems[i], sid) == 0)
			return;
	if (r->nsystems < sizeof r->systems / sizeof r->systems[0])
		memcpy(r->systems[r->nsystems++], sid, PSF_SMF_NAME_MAX);
}

int psf_report_add(struct psf_report *r, const struct psf_smf80_rec *rec)
{
	struct psf_report_key k;
	struct psf_report_entry *e;
	uint16_t eph_port;

	if (!is_port_security(rec)) {
		r->other_resources++;
		return 0;
	}
	if (make_key(r, rec, &k, &eph_port) < 0)
		return -ENOMEM;
	e = psf_report_table_get(&r->keys, &k);
	if (!e)
		return -ENOMEM;
	count(&e->val, rec, eph_port);
	if (r->records == 0 || rec->time < r->first)
		r->first = rec->time;
	if (r->records == 0 || rec->time > r->last)
		r->last = rec->time;
	r->records++;
	note_system(r, rec->system);
	return 0;
}
