/*
 * Building SMF type 80 records (smf80.md sections 1-3): the whole record,
 * RDW included, in the caller's buffer, ready for a single write().
 * Async-signal-safe: the preload builds records inside socket wrappers.
 */
#include <string.h>
#include "audit.h"
#include "smf80_layout.h"

static uint16_t descriptor(enum psf_qualifier q)
{
	if (q == PSF_QUAL_INSAUTH)
		return SMF80_DES_VIOLATION;
	if (q == PSF_QUAL_WARNING)
		return SMF80_DES_WARNING;
	return 0;
}

/* SMF80TME + SMF80DTE (or RST + RSD): local time of day and date. */
static void put_time_date(uint8_t *p, int64_t centis, int32_t utc_offset)
{
	struct psf_civil c;

	psf_civil_from_centis(&c, centis, utc_offset);
	psf_put32(p, (uint32_t)(((c.hour * 60 + c.min) * 60 + c.sec) * 100 +
				c.centi));
	psf_put32(p + 4, psf_smf_date_pack(c.year, c.yday));
}

struct reloc_writer {
	uint8_t *p;
	size_t len, cap;
	uint16_t count;
	bool bad;
};

/* One relocate section: type, length, then data; text goes out as EBCDIC
 * after an optional flag byte (relocate 33). */
static void put_reloc(struct reloc_writer *w, uint8_t type, const uint8_t *flag,
		      const char *text, const uint8_t *bytes, size_t n)
{
	size_t dlen = n + (flag != NULL);

	if (dlen > SMF80_RELOC_MAX || 2 + dlen > w->cap - w->len) {
		w->bad = true;
		return;
	}
	uint8_t *d = w->p + w->len;
	d[0] = type;
	d[1] = (uint8_t)dlen;
	d += 2;
	if (flag)
		*d++ = *flag;
	if (text)
		psf_to_ebcdic(d, text, n);
	else
		memcpy(d, bytes, n);
	w->len += 2 + dlen;
	w->count++;
}

static void put_text_reloc(struct reloc_writer *w, uint8_t type, const char *s)
{
	put_reloc(w, type, NULL, s, NULL, strlen(s));
}

static void put_byte_reloc(struct reloc_writer *w, uint8_t type, uint8_t v)
{
	put_reloc(w, type, NULL, NULL, &v, 1);
}

static void put_fixed(uint8_t *rec, const struct psf_smf80_fields *f)
{
	memset(rec, 0, SMF80_FIXED_END);
	rec[SMF80_FLG] = SMF80_FLG_PORTSAF;
	rec[SMF80_RTY] = SMF80_RECORD_TYPE;
	put_time_date(rec + SMF80_TME, f->time_centis, f->utc_offset);
	psf_to_ebcdic(rec + SMF80_SID, f->smfid, 4);
	psf_put16(rec + SMF80_DES, descriptor(f->qualifier));
	rec[SMF80_EVT] = SMF80_EVENT_ACCESS;
	rec[SMF80_EVQ] = (uint8_t)f->qualifier;
	psf_to_ebcdic(rec + SMF80_USR, f->user, 8);
	psf_to_ebcdic(rec + SMF80_GRP, f->group, 8);
	psf_put16(rec + SMF80_REL, SMF80_REL_VALUE);
	rec[SMF80_ATH] = SMF80_ATH_NORMAL;
	rec[SMF80_REA] = f->reasons;
	psf_to_ebcdic(rec + SMF80_TRM, "", 8);
	psf_to_ebcdic(rec + SMF80_JBN, f->jobname, 8);
	if (f->start_centis)
		put_time_date(rec + SMF80_RST, f->start_centis, f->utc_offset);
	/* SMF80UID repeats the user id: portsaf choice (smf80.md section 2). */
	psf_to_ebcdic(rec + SMF80_UID, f->user, 8);
	rec[SMF80_VER] = SMF80_VER_PORTSAF;
	psf_to_ebcdic(rec + SMF80_VRM, f->vrm, 4);
	psf_to_ebcdic(rec + SMF80_SEC, "", 8);
}

size_t psf_smf80_build_fields(uint8_t *buf, size_t cap,
			      const struct psf_smf80_fields *f)
{
	size_t limit = cap < SMF80_MAX_UNSPANNED ? cap : SMF80_MAX_UNSPANNED;
	uint8_t generic = f->generic ? SMF80_PROFILE_GENERIC : 0;

	if (limit < SMF80_FIXED_END)
		return 0;
	struct reloc_writer w = {
		buf + SMF80_FIXED_END, 0, limit - SMF80_FIXED_END, 0, false
	};
	put_text_reloc(&w, SMF80_RELOC_RESOURCE, f->resource);
	put_byte_reloc(&w, SMF80_RELOC_INTENT, psf_smf80_access_byte(f->intent));
	put_byte_reloc(&w, SMF80_RELOC_ALLOWED, psf_smf80_access_byte(f->allowed));
	put_text_reloc(&w, SMF80_RELOC_CLASS, f->cls);
	put_reloc(&w, SMF80_RELOC_PROFILE, &generic, f->profile, NULL,
		  strlen(f->profile));
	if (f->logstr)
		put_text_reloc(&w, SMF80_RELOC_LOGSTR, f->logstr);
	if (w.bad)
		return 0;
	put_fixed(buf, f);
	psf_put16(buf + SMF80_CNT, w.count);
	psf_put16(buf + SMF80_LEN, (uint16_t)(SMF80_FIXED_END + w.len));
	return SMF80_FIXED_END + w.len;
}

size_t psf_smf80_build(uint8_t *buf, size_t cap, const struct psf_audit_in *in)
{
	char logstr[SMF80_RELOC_MAX + 1];

	if (!psf_logstr_format(logstr, sizeof logstr, in))
		return 0;
	struct psf_smf80_fields f = {
		.time_centis = in->time_centis,
		.start_centis = in->id->start_centis,
		.utc_offset = in->utc_offset,
		.smfid = in->smfid,
		.user = in->id->user,
		.group = in->id->group,
		.jobname = in->id->jobname,
		.qualifier = in->ev->qualifier,
		.reasons = in->ev->reasons,
		.resource = in->ev->resource,
		.cls = in->ev->cls,
		.profile = in->ev->profile,
		.generic = in->ev->generic,
		.intent = in->ev->intent,
		.allowed = in->ev->allowed,
		.vrm = PSF_SMF80_VRM,
		.logstr = logstr,
	};
	return psf_smf80_build_fields(buf, cap, &f);
}
