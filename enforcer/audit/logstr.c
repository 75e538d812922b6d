/*
 * The log string (spec 8, a portsaf convention): z/OS carries the address
 * and port of a port-access event only in the record's LOGSTR, so portsaf
 * writes them there, with the program that type 80 records otherwise lack:
 *
 *   OP(BIND) PROTO(TCP) PORT(8080) ADDR(0.0.0.0) PGM(JAVA) PID(4711)
 *
 * plus " EPH(YES)" when the stack assigned the port (lead's decision,
 * portsaf extension), so that `smf report` never proposes reserving it.
 */
#include "audit.h"

/* Opens " KEY(" (no blank before the first field); the caller closes. */
static void open_field(struct psf_buf *b, const char *key)
{
	if (b->len)
		psf_buf_char(b, ' ');
	psf_buf_str(b, key);
	psf_buf_char(b, '(');
}

static void text_field(struct psf_buf *b, const char *key, const char *v)
{
	open_field(b, key);
	psf_buf_str(b, v);
	psf_buf_char(b, ')');
}

size_t psf_logstr_format(char *buf, size_t cap, const struct psf_audit_in *in)
{
	struct psf_buf b;

	psf_buf_init(&b, buf, cap);

	text_field(&b, "OP", psf_op_name(in->op));
	text_field(&b, "PROTO", psf_proto_name(in->proto));
	open_field(&b, "PORT");
	psf_buf_uint(&b, in->port);
	psf_buf_char(&b, ')');
	if (in->addr.family) {
		open_field(&b, "ADDR");
		psf_buf_ipaddr(&b, &in->addr);
		psf_buf_char(&b, ')');
	}
	if (in->id->program[0])
		text_field(&b, "PGM", in->id->program);
	open_field(&b, "PID");
	psf_buf_int(&b, in->id->pid);
	psf_buf_char(&b, ')');
	if (in->ephemeral)
		text_field(&b, "EPH", "YES");
	return psf_buf_finish(&b);
}
