/*
 * `portsaf smf report --format json`: JSON lines (interface.md "JSON
 * values"), each object with a "type":
 *
 *   summary   files, records, other_resources, damaged, other_types,
 *             first, last
 *   usage     jobname, user, program, op, protocol, port (or ephemeral with
 *             eph_low/eph_high), addr, count, success, warnings, failures,
 *             first, last
 *   warning   profile, generic, resource, class, then as usage with count,
 *             first and last of the warnings
 *   tcpip     statement: one TCPIP PROFILE statement of the proposal
 *   racf      command: one RACF command of the proposal
 */
#include "ipaddr.h"
#include "json_out.h"
#include "smf_report.h"
#include "smf_report_format.h"

static void json_time(struct psf_json *j, const char *key, int64_t local)
{
	char text[24];

	psf_report_time_text(local, text);
	psf_json_str(j, key, text);
}

static void summary(const struct psf_report *r, FILE *out)
{
	struct psf_json j;

	psf_json_begin(&j, out);
	psf_json_str(&j, "type", "summary");
	psf_json_int(&j, "files", r->nfiles);
	psf_json_int(&j, "records", (long long)r->records);
	psf_json_int(&j, "other_resources", (long long)r->other_resources);
	psf_json_int(&j, "damaged", (long long)r->input.damaged);
	psf_json_int(&j, "other_types", (long long)r->input.other_types);
	if (r->records) {
		json_time(&j, "first", r->first);
		json_time(&j, "last", r->last);
	}
	psf_json_end(&j);
}

static const char *known(const char *text)
{
	return text[0] == '-' && !text[1] ? NULL : text;
}

static void call_fields(struct psf_json *j, const struct psf_report_key *k,
			const struct psf_report_val *v)
{
	char addr[PSF_IPADDR_TEXT_MAX];

	psf_json_str(j, "jobname", k->jobname);
	psf_json_str(j, "user", k->user);
	psf_json_str(j, "program", k->program[0] ? k->program : NULL);
	psf_json_str(j, "op", known(psf_report_op_text(k)));
	psf_json_str(j, "protocol", known(psf_report_proto_text(k)));
	if (k->ephemeral) {
		psf_json_bool(j, "ephemeral", true);
		if (v->eph_low) {
			psf_json_int(j, "eph_low", v->eph_low);
			psf_json_int(j, "eph_high", v->eph_high);
		}
	} else if (k->has_port) {
		psf_json_int(j, "port", k->port);
	}
	psf_report_addr_text(k, addr, sizeof addr);
	psf_json_str(j, "addr", known(addr));
	psf_json_int(j, "count", (long long)v->count);
}

static void usage(const struct psf_report_row *rows, long n, FILE *out)
{
	for (long i = 0; i < n; i++) {
		const struct psf_report_val *v = &rows[i].val;
		struct psf_json j;

		psf_json_begin(&j, out);
		psf_json_str(&j, "type", "usage");
		call_fields(&j, rows[i].key, v);
		psf_json_int(&j, "success", (long long)v->success);
		psf_json_int(&j, "warnings", (long long)v->warning);
		psf_json_int(&j, "failures", (long long)v->failure);
		json_time(&j, "first", v->first);
		json_time(&j, "last", v->last);
		psf_json_end(&j);
	}
}

static void warnings(const struct psf_report *r,
		     const struct psf_report_row *rows, long n, FILE *out)
{
	for (long i = 0; i < n; i++) {
		const struct psf_report_key *k = rows[i].key;
		const char *profile = r->strings.s[k->profile];
		struct psf_json j;

		psf_json_begin(&j, out);
		psf_json_str(&j, "type", "warning");
		psf_json_str(&j, "profile", profile[0] ? profile : NULL);
		if (profile[0])
			psf_json_bool(&j, "generic", k->generic);
		psf_json_str(&j, "resource", r->strings.s[k->resource]);
		psf_json_str(&j, "class", "SERVAUTH");
		call_fields(&j, k, &rows[i].val);
		json_time(&j, "first", rows[i].val.first);
		json_time(&j, "last", rows[i].val.last);
		psf_json_end(&j);
	}
}

static void lines(FILE *out, const char *type, const char *key, char *const *v,
		  size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct psf_json j;

		psf_json_begin(&j, out);
		psf_json_str(&j, "type", type);
		psf_json_str(&j, key, v[i]);
		psf_json_end(&j);
	}
}

static void policy(const struct psf_proposal *p, FILE *out)
{
	lines(out, "tcpip", "statement", p->tcpip, p->ntcpip);
	lines(out, "racf", "command", p->racf, p->nracf);
}

int psf_report_write_json(const struct psf_report *r, FILE *out)
{
	static const struct psf_report_format json = {
		summary, usage, warnings, policy
	};

	return psf_report_write(r, out, &json);
}
