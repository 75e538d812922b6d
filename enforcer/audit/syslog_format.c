/*
 * Messages for syslog (messages = "syslog", issue 4): one datagram per
 * message in the form glibc's syslog() sends to /dev/log,
 * "<PRI>Mmm dd hh:mm:ss portsaf[PID]: text".  An ICH408I line group stays
 * one message so that its lines are never separated or interleaved with
 * another process's; its lines keep their '\n' separators.
 */
#include "audit.h"

static const char syslog_ident[] = "portsaf";

static void put2(struct psf_buf *b, int v, char lead)
{
	psf_buf_char(b, v >= 10 ? (char)('0' + v / 10) : lead);
	psf_buf_char(b, (char)('0' + v % 10));
}

/* RFC 3164 TIMESTAMP: "Mar  4 09:05:01" (day padded with a blank). */
static void timestamp(struct psf_buf *b, int64_t centis, int32_t utc_offset)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	struct psf_civil c;

	psf_civil_from_centis(&c, centis, utc_offset);
	psf_buf_strn(b, months + 3 * (c.month - 1), 3);
	psf_buf_char(b, ' ');
	put2(b, c.day, ' ');
	psf_buf_char(b, ' ');
	put2(b, c.hour, '0');
	psf_buf_char(b, ':');
	put2(b, c.min, '0');
	psf_buf_char(b, ':');
	put2(b, c.sec, '0');
}

size_t psf_syslog_format(char *buf, size_t cap, int severity,
			 const struct psf_audit_in *in,
			 const char *msg, size_t msglen)
{
	struct psf_buf b;

	psf_buf_init(&b, buf, cap);
	psf_buf_char(&b, '<');
	psf_buf_uint(&b, (uint64_t)(PSF_SYSLOG_FACILITY_AUTH | severity));
	psf_buf_char(&b, '>');
	timestamp(&b, in->time_centis, in->utc_offset);
	psf_buf_char(&b, ' ');
	psf_buf_str(&b, syslog_ident);
	psf_buf_char(&b, '[');
	psf_buf_int(&b, in->id->pid);
	psf_buf_str(&b, "]: ");
	while (msglen && msg[msglen - 1] == '\n')
		msglen--;
	psf_buf_strn(&b, msg, msglen);
	return psf_buf_finish(&b);
}
