/*
 * The audit formats: SMF type 80 records (shared/spec/smf80.md), ICH408I and
 * ICH432I messages and the log string (zos-port-security.md 5.5, 8).
 *
 * Every formatter writes into a caller's buffer and returns the length
 * written (0 if it does not fit); text is also NUL-terminated, the NUL not
 * counted.  They use no stdio, no locale, no allocation and no locks, so
 * that the preload can call them from any context, signal handlers
 * included.  Local times come from a UTC offset the caller fixed once.
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
	/* The stack assigned the port (bind to port 0, listen on an unbound
	 * socket): the log string gets EPH(YES), a portsaf extension, so that
	 * `smf report` never proposes to reserve such a port. */
	bool ephemeral;
};

#define PSF_SMF80_MAX 1024
#define PSF_MSG_MAX 1024

/* SMF type 80 record with RDW, byte-exact per smf80.md. */
size_t psf_smf80_build(uint8_t *buf, size_t cap, const struct psf_audit_in *in);

/* The same record from explicit field values: what psf_smf80_build
 * derives from an event, plus the two portsaf choices (VRM, log string)
 * that smf80.md section 5 varies.  Returns 0 when the record does not fit
 * cap, a relocate exceeds 255 bytes or the record would need spanning. */
struct psf_smf80_fields {
	int64_t time_centis;            /* SMF80TME/DTE, Unix time in 1/100 s */
	int64_t start_centis;           /* SMF80RST/RSD; 0 = unknown */
	int32_t utc_offset;             /* seconds east of UTC */
	const char *smfid;              /* SMF80SID */
	const char *user, *group, *jobname;
	enum psf_qualifier qualifier;   /* SMF80EVQ; sets SMF80DES */
	uint8_t reasons;                /* SMF80REA */
	const char *resource, *cls, *profile;
	bool generic;
	enum psf_access intent, allowed;
	const char *vrm;                /* SMF80VRM, 4 characters */
	const char *logstr;             /* relocate 34; NULL = none */
};
size_t psf_smf80_build_fields(uint8_t *buf, size_t cap,
			      const struct psf_smf80_fields *f);
/* The SMF80VRM portsaf writes (smf80.md section 2, portsaf choice). */
#define PSF_SMF80_VRM "77E0"

/* The SMF file (smf80.md section 1): opened O_WRONLY|O_CREAT|O_APPEND|
 * O_CLOEXEC, mode 0644 before umask; returns the descriptor or -errno. */
int psf_smf_open(const char *path);
/* Append one whole record with a single write(), so that threads and
 * processes sharing the file never interleave records.  A short write is
 * not completed (the rest would land after another writer's record):
 * returns 0, or -errno (-EIO for a short write).  Async-signal-safe. */
int psf_smf_append(int fd, const uint8_t *rec, size_t len);

/* OP(BIND) PROTO(TCP) PORT(8080) ADDR(0.0.0.0) PGM(JAVA) PID(4711) */
size_t psf_logstr_format(char *buf, size_t cap, const struct psf_audit_in *in);
/* ICH408I, five lines each ending in '\n' (failure or warning form); four
 * when the profile is discrete (no FROM line). */
size_t psf_ich408i_format(char *buf, size_t cap, const struct psf_audit_in *in);
/* ICH432I, one line ending in '\n'. */
size_t psf_ich432i_format(char *buf, size_t cap, const struct psf_audit_in *in);

/* One syslog datagram (RFC 3164 form, facility AUTH, ident "portsaf")
 * carrying one message: the ICH408I line group stays one message, its
 * lines separated by '\n', the final newline dropped.  Failures have
 * severity warning, warnings and ICH432I notice. */
#define PSF_SYSLOG_FACILITY_AUTH (4 << 3)
#define PSF_SYSLOG_WARNING 4
#define PSF_SYSLOG_NOTICE 5
size_t psf_syslog_format(char *buf, size_t cap, int severity,
			 const struct psf_audit_in *in,
			 const char *msg, size_t msglen);

/* The decision trace (spec 8): one line per decision, including those
 * RACF never sees.  in->ev is unused; the events come from d. */
size_t psf_trace_format(char *buf, size_t cap, const struct psf_audit_in *in,
			const struct psf_decision *d);

/* EBCDIC (code page 1047) */
void psf_to_ebcdic(uint8_t *dst, const char *src, size_t n);   /* pads X'40' */
void psf_from_ebcdic(char *dst, const uint8_t *src, size_t n);

/* Small async-signal-safe text builder used by the formatters. */
struct psf_buf {
	char *p;
	size_t cap, len;
	bool overflow;
};
/* A builder for NUL-terminated text: one byte of cap is kept for the NUL. */
void psf_buf_init(struct psf_buf *b, char *p, size_t cap);
/* Terminates the text: its length, or 0 if anything overflowed. */
size_t psf_buf_finish(struct psf_buf *b);
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
/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
int64_t psf_days_from_civil(int year, int month, int day);
/* 2025-03-14T14:30:15.27 (interface.md "JSON values") */
void psf_buf_isotime(struct psf_buf *b, int64_t centis, int32_t utc_offset);

#endif
