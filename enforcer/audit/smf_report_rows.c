/*
 * The report's rows (report_table.h): the aggregated keys sorted for
 * reading, usage rows merged across resources and profiles so that each
 * job/user/program/call appears once whatever the stack checked.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "audit.h"
#include "ipaddr.h"
#include "report_table.h"

static int cmp_addr(const struct psf_ipaddr *a, const struct psf_ipaddr *b)
{
	if (a->family != b->family)
		return a->family - b->family;
	return memcmp(a->b, b->b, sizeof a->b);
}

/* Job, user, program, then the call. */
static int cmp_usage(const struct psf_report_key *a, const struct psf_report_key *b)
{
	int c;

	if ((c = strcmp(a->jobname, b->jobname)) || (c = strcmp(a->user, b->user)) ||
	    (c = strcmp(a->program, b->program)))
		return c;
	if (a->op != b->op)
		return a->op - b->op;
	if (a->proto != b->proto)
		return a->proto - b->proto;
	if (a->ephemeral != b->ephemeral)
		return a->ephemeral - b->ephemeral;
	if (a->has_port != b->has_port)
		return a->has_port - b->has_port;
	if (a->port != b->port)
		return a->port < b->port ? -1 : 1;
	return cmp_addr(&a->addr, &b->addr);
}

static int cmp_usage_rows(const void *x, const void *y)
{
	const struct psf_report_row *a = x, *b = y;

	return cmp_usage(a->key, b->key);
}

static int cmp_warning_rows(const void *x, const void *y, void *pool)
{
	const struct psf_report_row *a = x, *b = y;
	char *const *s = ((const struct psf_strpool *)pool)->s;
	int c;

	if ((c = strcmp(s[a->key->profile], s[b->key->profile])) ||
	    (c = strcmp(s[a->key->resource], s[b->key->resource])))
		return c;
	return cmp_usage(a->key, b->key);
}

static void merge_val(struct psf_report_val *into, const struct psf_report_val *v)
{
	if (v->first < into->first)
		into->first = v->first;
	if (v->last > into->last)
		into->last = v->last;
	if (v->warning && (!into->warning || v->warn_first < into->warn_first))
		into->warn_first = v->warn_first;
	if (v->warning && v->warn_last > into->warn_last)
		into->warn_last = v->warn_last;
	if (v->eph_low && (!into->eph_low || v->eph_low < into->eph_low))
		into->eph_low = v->eph_low;
	if (v->eph_high > into->eph_high)
		into->eph_high = v->eph_high;
	into->count += v->count;
	into->success += v->success;
	into->warning += v->warning;
	into->failure += v->failure;
}

long psf_report_usage_rows(const struct psf_report *r, struct psf_report_row **rows)
{
	struct psf_report_row *v = malloc((r->keys.n ? r->keys.n : 1) * sizeof *v);
	size_t n = 0;

	if (!v)
		return -ENOMEM;
	for (size_t i = 0; i < r->keys.n; i++)
		v[i] = (struct psf_report_row){ &r->keys.v[i].key, r->keys.v[i].val };
	qsort(v, r->keys.n, sizeof *v, cmp_usage_rows);
	for (size_t i = 0; i < r->keys.n; i++) {
		if (n && cmp_usage(v[n - 1].key, v[i].key) == 0)
			merge_val(&v[n - 1].val, &v[i].val);
		else
			v[n++] = v[i];
	}
	*rows = v;
	return (long)n;
}

long psf_report_warning_rows(const struct psf_report *r, struct psf_report_row **rows)
{
	struct psf_report_row *v = malloc((r->keys.n ? r->keys.n : 1) * sizeof *v);
	size_t n = 0;

	if (!v)
		return -ENOMEM;
	for (size_t i = 0; i < r->keys.n; i++) {
		const struct psf_report_entry *e = &r->keys.v[i];

		if (!e->val.warning)
			continue;
		v[n] = (struct psf_report_row){ &e->key, e->val };
		v[n].val.count = e->val.warning;
		v[n].val.first = e->val.warn_first;
		v[n].val.last = e->val.warn_last;
		n++;
	}
	qsort_r(v, n, sizeof *v, cmp_warning_rows, (void *)&r->strings);
	*rows = v;
	return (long)n;
}

const char *psf_report_op_text(const struct psf_report_key *k)
{
	return k->op == PSF_KEY_UNKNOWN ? "-" : psf_op_name((enum psf_op)k->op);
}

const char *psf_report_proto_text(const struct psf_report_key *k)
{
	return k->proto == PSF_KEY_UNKNOWN ? "-" :
	       psf_proto_name((enum psf_proto)k->proto);
}

void psf_report_port_text(const struct psf_report_key *k, char out[8])
{
	if (k->ephemeral)
		strcpy(out, "EPH");
	else if (k->has_port)
		snprintf(out, 8, "%u", k->port);
	else
		strcpy(out, "-");
}

void psf_report_addr_text(const struct psf_report_key *k, char *out, size_t cap)
{
	if (k->addr.family)
		psf_ipaddr_format(&k->addr, out, cap);
	else
		snprintf(out, cap, "-");
}

void psf_report_time_text(int64_t local, char out[24])
{
	struct psf_buf b;

	psf_buf_init(&b, out, 24);
	psf_buf_isotime(&b, local, 0);
	psf_buf_finish(&b);
}
