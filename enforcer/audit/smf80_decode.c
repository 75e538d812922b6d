/*
 * Decoding one SMF type 80 record, written from smf80.md alone: the fixed
 * section at its documented offsets, then SMF80CNT relocate sections
 * walked from SMF80FLG + SMF80REL by their lengths, in whatever order they
 * come, then the extended relocates (2-byte type and length at SMF80FLG +
 * SMF80RL2), which are only skipped.
 *
 * A field that cannot be what smf80.md says (a date that is not packed, a
 * relocate that runs past the record) makes the whole record damaged: the
 * reader reports it rather than print something half true.
 */
#include <stdio.h>
#include <string.h>
#include "audit.h"
#include "smf80_layout.h"
#include "smf_read.h"

/* EBCDIC to UTF-8 (ISO 8859-1 code points), trailing X'40' dropped when
 * trim is set.  X'00' becomes U+FFFD so that a NUL inside a field stays
 * visible instead of cutting the C string. */
static void ebcdic_text(char *dst, size_t cap, const uint8_t *src, size_t n,
			bool trim)
{
	char latin[SMF80_RELOC_MAX];
	size_t o = 0;

	if (n > sizeof latin)
		n = sizeof latin;
	while (trim && n && src[n - 1] == 0x40)
		n--;
	psf_from_ebcdic(latin, src, n);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)latin[i];
		size_t need = c == 0 ? 3 : c < 0x80 ? 1 : 2;

		if (o + need >= cap)
			break;          /* cannot happen with the sizes above */
		if (c == 0) {
			memcpy(dst + o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else if (c < 0x80) {
			dst[o++] = (char)c;
		} else {
			dst[o++] = (char)(0xC0 | c >> 6);
			dst[o++] = (char)(0x80 | (c & 0x3F));
		}
	}
	dst[o] = '\0';
}

static void name_field(char dst[PSF_SMF_NAME_MAX], const uint8_t *rec, size_t off)
{
	ebcdic_text(dst, PSF_SMF_NAME_MAX, rec + off, 8, true);
}

/* SMF80TME+DTE or RST+RSD as local centiseconds since 1970-01-01. */
static int time_date(const uint8_t *rec, size_t time_off, size_t date_off,
		     int64_t *out, char *why, size_t whycap)
{
	const char *tname = time_off == SMF80_TME ? "SMF80TME" : "SMF80RST";
	const char *dname = date_off == SMF80_DTE ? "SMF80DTE" : "SMF80RSD";
	uint32_t centis = psf_get32(rec + time_off);
	uint32_t date = psf_get32(rec + date_off);
	int year, yday;

	if (psf_smf_date_unpack(date, &year, &yday) < 0) {
		snprintf(why, whycap, "%s X'%08X' is not a packed date 0cyydddF",
			 dname, date);
		return -1;
	}
	if (centis >= SMF80_DAY_CENTIS) {
		snprintf(why, whycap, "%s %u is not a time of day (hundredths of "
			 "a second, below %u)", tname, centis, SMF80_DAY_CENTIS);
		return -1;
	}
	*out = (psf_days_from_civil(year, 1, 1) + yday - 1) *
	       (int64_t)SMF80_DAY_CENTIS + centis;
	return 0;
}

static int decode_fixed(const uint8_t *rec, size_t len, struct psf_smf80_rec *out,
			char *why, size_t whycap)
{
	if (len < SMF80_FIXED_END) {
		snprintf(why, whycap, "type 80 record of %zu bytes is shorter than "
			 "its fixed section (%d bytes)", len, SMF80_FIXED_END);
		return -1;
	}
	out->length = psf_get16(rec + SMF80_LEN);
	if (time_date(rec, SMF80_TME, SMF80_DTE, &out->time, why, whycap) < 0)
		return -1;
	out->has_jobstart = psf_get32(rec + SMF80_RSD) != 0;
	if (out->has_jobstart &&
	    time_date(rec, SMF80_RST, SMF80_RSD, &out->jobstart, why, whycap) < 0)
		return -1;
	ebcdic_text(out->system, sizeof out->system, rec + SMF80_SID, 4, true);
	out->descriptor = psf_get16(rec + SMF80_DES);
	out->event = rec[SMF80_EVT];
	out->qualifier = rec[SMF80_EVQ];
	out->reasons = rec[SMF80_REA];
	name_field(out->user, rec, SMF80_USR);
	name_field(out->group, rec, SMF80_GRP);
	name_field(out->jobname, rec, SMF80_JBN);
	ebcdic_text(out->vrm, sizeof out->vrm, rec + SMF80_VRM, 4, true);
	return 0;
}

static int byte_reloc(uint8_t type, const uint8_t *d, size_t dlen, size_t at,
		      uint8_t *v, bool *has, char *why, size_t whycap)
{
	if (dlen != 1) {
		snprintf(why, whycap, "relocate section type %u at record offset "
			 "%zu has length %zu, expected 1", type, at, dlen);
		return -1;
	}
	*v = d[0];
	*has = true;
	return 0;
}

/* trim: a class name is blank-padded like the fixed-section names. */
static void text_reloc(const uint8_t *d, size_t dlen, bool trim, char *v,
		       size_t cap, bool *has)
{
	if (!*has)
		ebcdic_text(v, cap, d, dlen, trim);
	*has = true;
}

/* One relocate section's data; the first of each type counts. */
static int take_reloc(struct psf_smf80_rec *out, uint8_t type, const uint8_t *d,
		      size_t dlen, size_t at, char *why, size_t whycap)
{
	switch (type) {
	case SMF80_RELOC_RESOURCE:
		text_reloc(d, dlen, false, out->resource, sizeof out->resource,
			   &out->has_resource);
		return 0;
	case SMF80_RELOC_INTENT:
		return byte_reloc(type, d, dlen, at, &out->intent,
				  &out->has_intent, why, whycap);
	case SMF80_RELOC_ALLOWED:
		return byte_reloc(type, d, dlen, at, &out->allowed,
				  &out->has_allowed, why, whycap);
	case SMF80_RELOC_CLASS:
		text_reloc(d, dlen, true, out->cls, sizeof out->cls,
			   &out->has_class);
		return 0;
	case SMF80_RELOC_PROFILE:
		if (dlen == 0) {
			snprintf(why, whycap, "relocate section type 33 at record "
				 "offset %zu is empty (it starts with a flag byte)", at);
			return -1;
		}
		if (!out->has_profile) {
			out->generic = (d[0] & SMF80_PROFILE_GENERIC) != 0;
			ebcdic_text(out->profile, sizeof out->profile, d + 1,
				    dlen - 1, false);
		}
		out->has_profile = true;
		return 0;
	case SMF80_RELOC_LOGSTR:
		text_reloc(d, dlen, false, out->logstr, sizeof out->logstr,
			   &out->has_logstr);
		return 0;
	default:
		out->unknown_relocs++;
		return 0;
	}
}

/* smf80.md section 3: both relocate areas are found from a count and an
 * offset from SMF80FLG in the fixed section, and hold sections of a type,
 * a length and the data, one after the other.  The extended relocates
 * exist in real records with 2-byte type and length fields; portsaf reads
 * none of them but must step over them correctly. */
struct reloc_area {
	size_t count_field, offset_field;
	const char *offset_name;        /* SMF80REL or SMF80RL2 */
	const char *what;               /* a section, for messages */
	size_t width;                   /* of the type and of the length */
	bool read;                      /* else only counted */
};

static const struct reloc_area relocs = {
	SMF80_CNT, SMF80_REL, "SMF80REL", "relocate section", 1, true
};
static const struct reloc_area extended = {
	SMF80_CT2, SMF80_RL2, "SMF80RL2", "extended relocate section", 2, false
};

/* Where the area starts: SMF80FLG + its 2-byte offset field. */
static int area_start(const uint8_t *rec, const struct reloc_area *a,
		      size_t *start, char *why, size_t whycap)
{
	unsigned rel = psf_get16(rec + a->offset_field);

	*start = SMF80_REL_BASE + rel;
	if (*start < SMF80_FIXED_END) {
		snprintf(why, whycap, "%s %u puts the %ss at record offset %zu, "
			 "inside the fixed section (which ends at %d)",
			 a->offset_name, rel, a->what, *start, SMF80_FIXED_END);
		return -1;
	}
	return 0;
}

static int walk_area(const uint8_t *rec, size_t len, const struct reloc_area *a,
		     struct psf_smf80_rec *out, char *why, size_t whycap)
{
	unsigned count = psf_get16(rec + a->count_field);
	size_t head = 2 * a->width, p;

	if (count == 0)
		return 0;
	if (area_start(rec, a, &p, why, whycap) < 0)
		return -1;
	for (unsigned i = 0; i < count; i++) {
		/* the length field follows the type */
		size_t dlen = p + head > len ? 0 : a->width == 1 ? rec[p + 1] :
			      psf_get16(rec + p + 2);

		if (p + head > len || p + head + dlen > len) {
			snprintf(why, whycap, "%s %u of %u at record offset %zu "
				 "runs past the end of the record (%zu bytes)",
				 a->what, i + 1, count, p, len);
			return -1;
		}
		if (!a->read)
			out->extended_relocs++;
		else if (take_reloc(out, rec[p], rec + p + head, dlen, p, why,
				    whycap) < 0)
			return -1;
		p += head + dlen;
	}
	return 0;
}

int psf_smf80_decode(const uint8_t *rec, size_t len, struct psf_smf80_rec *out,
		     char *why, size_t whycap)
{
	memset(out, 0, sizeof *out);
	if (decode_fixed(rec, len, out, why, whycap) < 0)
		return -1;
	/* Relocate types mean different things for other events: only event
	 * 2's are interpreted (the caller skips the others). */
	if (out->event != SMF80_EVENT_ACCESS)
		return 0;
	if (walk_area(rec, len, &relocs, out, why, whycap) < 0 ||
	    walk_area(rec, len, &extended, out, why, whycap) < 0)
		return -1;
	return 0;
}

const char *psf_smf80_access_text(uint8_t byte)
{
	int level = psf_smf80_access_level(byte);

	return level < 0 ? NULL : psf_access_name((enum psf_access)level);
}
