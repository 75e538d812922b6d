/*
 * The audit formats: SMF type 80 records (shared/spec/smf80.md), ICH408I and
 * ICH432I messages and the log string (zos-port-security.md 5.5, 8).
 *
 * Every formatter writes into a caller's buffer and returns the length
 * written (0 if it does not fit).  They use no stdio, no locale, no
 * allocation and no locks, so that the preload can call them from any
 * context, signal handlers included.
 */
#ifndef PSF_AUDIT_H
#define PSF_AUDIT_H

#include "portsaf.h"

/* Everything one audit record is made of. */
struct psf_audit_in {
	const struct psf_identity *id;
	const struct psf_saf_event *ev;
	const char *smfid;              /* SMF80SID, up to 4 characters */
	int64_t time_centis;            /* event time, Unix time in 1/100 s */
	int32_t utc_offset;             /* seconds east of UTC, fixed at init */
	enum psf_op op;
	enum psf_proto proto;
	uint16_t port;                  /* local for BIND/LISTEN, else dest */
	struct psf_ipaddr addr;
};

#define PSF_SMF80_MAX 1024
#define PSF_MSG_MAX 1024

/* SMF type 80 record with RDW, byte-exact per smf80.md. */
size_t psf_smf80_build(uint8_t *buf, size_t cap, const struct psf_audit_in *in);
/* OP(BIND) PROTO(TCP) PORT(8080) ADDR(0.0.0.0) PGM(JAVA) PID(4711) */
size_t psf_logstr_format(char *buf, size_t cap, const struct psf_audit_in *in);
/* ICH408I, five lines each ending in '\n' (failure or warning form). */
size_t psf_ich408i_format(char *buf, size_t cap, const struct psf_audit_in *in);
/* ICH432I, one line ending in '\n'. */
size_t psf_ich432i_format(char *buf, size_t cap, const struct psf_audit_in *in);

/* EBCDIC (code page 1047) */
void psf_to_ebcdic(uint8_t *dst, const char *src, size_t n);   /* pads X'40' */
void psf_from_ebcdic(char *dst, const uint8_t *src, size_t n);

/* Small async-signal-safe text builder used by the formatters. */
struct psf_buf {
	char *p;
	size_t cap, len;
	bool overflow;
};
void psf_buf_str(struct psf_buf *b, const char *s);
void psf_buf_strn(struct psf_buf *b, const char *s, size_t n);
void psf_buf_pad(struct psf_buf *b, const char *s, size_t width);
void psf_buf_uint(struct psf_buf *b, uint64_t v);
void psf_buf_int(struct psf_buf *b, int64_t v);
void psf_buf_char(struct psf_buf *b, char c);
void psf_buf_ipaddr(struct psf_buf *b, const struct psf_ipaddr *a);

/* Civil time from Unix seconds without libc's locked tz code. */
struct psf_civil {
	int year, month, day, yday;     /* month 1-12, yday 1-366 */
	int hour, min, sec, centi;
};
void psf_civil_from_centis(struct psf_civil *c, int64_t centis, int32_t utc_offset);

#endif
