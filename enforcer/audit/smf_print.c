/* The readable forms of a type 80 record; columns in smf_print.h. */
#include "audit.h"
#include "ipaddr.h"
#include "json_out.h"
#include "smf80_layout.h"
#include "smf_print.h"

#define RESOURCE_WIDTH 44

static const char *yes_no(bool v)
{
	return v ? "YES " : "NO  ";
}

/* "WARNING", or the qualifier's number when IRRADU00's names end. */
static const char *qualifier_text(const struct psf_smf80_rec *rec, char num[4])
{
	const char *name = psf_smf80_qualifier_name(rec->qualifier);

	if (name)
		return name;
	snprintf(num, 4, "%u", rec->qualifier);
	return num;
}

static const char *access_text(uint8_t byte, char hex[8])
{
	const char *name = psf_smf80_access_text(byte);

	if (name)
		return name;
	snprintf(hex, 8, "X'%02X'", byte);
	return hex;
}

static struct psf_civil civil(int64_t local)
{
	struct psf_civil c;

	psf_civil_from_centis(&c, local, 0);
	return c;
}

static void time_date(FILE *out, bool present, int64_t local)
{
	struct psf_civil c = civil(local);

	if (!present)
		fprintf(out, "%-8s %-10s", "", "");
	else
		fprintf(out, "%02d:%02d:%02d %04d-%02d-%02d", c.hour, c.min,
			c.sec, c.year, c.month, c.day);
}

void psf_smf_print_text(FILE *out, const struct psf_smf80_rec *rec)
{
	char num[4], ihex[8], ahex[8];

	fprintf(out, "%-8s %-8s ", "ACCESS", qualifier_text(rec, num));
	time_date(out, true, rec->time);
	fprintf(out, " %-4s %s %s %s %-8s %-8s %-8s ", rec->system,
		yes_no(rec->descriptor & SMF80_DES_VIOLATION),
		yes_no(rec->descriptor & SMF80_DES_USER_UNDEFINED),
		yes_no(rec->descriptor & SMF80_DES_WARNING),
		rec->user, rec->group, rec->jobname);
	time_date(out, rec->has_jobstart, rec->jobstart);
	fprintf(out, " %-*s %-8s %-8s %s %-8s %-*s %s\n", RESOURCE_WIDTH,
		rec->resource,
		rec->has_intent ? access_text(rec->intent, ihex) : "",
		rec->has_allowed ? access_text(rec->allowed, ahex) : "",
		yes_no(rec->has_profile && rec->generic), rec->cls,
		RESOURCE_WIDTH, rec->profile, rec->logstr);
}

static void json_time(struct psf_json *j, const char *key, int64_t local)
{
	char text[32];
	struct psf_buf b;

	psf_buf_init(&b, text, sizeof text);
	psf_buf_isotime(&b, local, 0);
	psf_buf_finish(&b);
	psf_json_str(j, key, text);
}

static const char *present(bool has, const char *v)
{
	return has ? v : NULL;
}

static void json_logstr(struct psf_json *j, const struct psf_smf80_rec *rec)
{
	struct psf_logstr_fields f;
	char addr[PSF_IPADDR_TEXT_MAX];

	if (!rec->has_logstr)
		return;
	psf_json_str(j, "logstr", rec->logstr);
	psf_logstr_parse(rec->logstr, &f);
	psf_json_str(j, "op", present(f.has_op, psf_op_name(f.op)));
	psf_json_str(j, "protocol", present(f.has_proto, psf_proto_name(f.proto)));
	if (f.has_port)
		psf_json_int(j, "port", f.port);
	if (f.has_addr)
		psf_ipaddr_format(&f.addr, addr, sizeof addr);
	psf_json_str(j, "addr", present(f.has_addr, addr));
	psf_json_str(j, "program", present(f.program[0], f.program));
	if (f.has_pid)
		psf_json_int(j, "pid", f.pid);
	if (f.ephemeral)
		psf_json_bool(j, "ephemeral", true);
}

void psf_smf_print_json(FILE *out, const struct psf_smf80_rec *rec)
{
	char num[4], ihex[8], ahex[8];
	struct psf_json j;

	psf_json_begin(&j, out);
	json_time(&j, "time", rec->time);
	psf_json_str(&j, "system", rec->system);
	psf_json_str(&j, "event", "ACCESS");
	psf_json_str(&j, "qualifier", qualifier_text(rec, num));
	psf_json_bool(&j, "violation", rec->descriptor & SMF80_DES_VIOLATION);
	psf_json_bool(&j, "warning", rec->descriptor & SMF80_DES_WARNING);
	psf_json_bool(&j, "user_not_defined",
		      rec->descriptor & SMF80_DES_USER_UNDEFINED);
	psf_json_str(&j, "user", rec->user);
	psf_json_str(&j, "group", rec->group);
	psf_json_str(&j, "jobname", rec->jobname);
	if (rec->has_jobstart)
		json_time(&j, "jobstart", rec->jobstart);
	psf_json_str(&j, "resource", present(rec->has_resource, rec->resource));
	psf_json_str(&j, "class", present(rec->has_class, rec->cls));
	psf_json_str(&j, "profile", present(rec->has_profile, rec->profile));
	if (rec->has_profile)
		psf_json_bool(&j, "generic", rec->generic);
	psf_json_str(&j, "intent", present(rec->has_intent,
					   access_text(rec->intent, ihex)));
	psf_json_str(&j, "allowed", present(rec->has_allowed,
					    access_text(rec->allowed, ahex)));
	json_logstr(&j, rec);
	psf_json_end(&j);
}
