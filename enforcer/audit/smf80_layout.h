/*
 * The SMF type 80 record layout of smf80.md sections 1-3, shared by the
 * builder and the reader.  Offsets count from the start of the RDW.  The
 * record is a byte array read and written with big-endian helpers: offsets
 * 38, 62 and 66 are not naturally aligned, so no C struct of wider
 * integers may map it (smf80.md section 2).
 */
#ifndef PSF_SMF80_LAYOUT_H
#define PSF_SMF80_LAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include "portsaf.h"

enum {
	SMF80_LEN = 0,          /* 2 record length, RDW included */
	SMF80_SEG = 2,          /* 2 segment descriptor */
	SMF80_FLG = 4,          /* 1 */
	SMF80_RTY = 5,          /* 1 record type */
	SMF80_TME = 6,          /* 4 hundredths since midnight */
	SMF80_DTE = 10,         /* 4 packed 0cyydddF */
	SMF80_SID = 14,         /* 4 */
	SMF80_DES = 18,         /* 2 descriptor flags */
	SMF80_EVT = 20,         /* 1 event code */
	SMF80_EVQ = 21,         /* 1 event qualifier */
	SMF80_USR = 22,         /* 8 */
	SMF80_GRP = 30,         /* 8 */
	SMF80_REL = 38,         /* 2 relocates, offset from SMF80FLG */
	SMF80_CNT = 40,         /* 2 number of relocates */
	SMF80_ATH = 42,         /* 1 */
	SMF80_REA = 43,         /* 1 */
	SMF80_TLV = 44,         /* 1 */
	SMF80_ERR = 45,         /* 1 */
	SMF80_TRM = 46,         /* 8 */
	SMF80_JBN = 54,         /* 8 */
	SMF80_RST = 62,         /* 4 job start time */
	SMF80_RSD = 66,         /* 4 job start date */
	SMF80_UID = 70,         /* 8 */
	SMF80_VER = 78,         /* 1 */
	SMF80_RE2 = 79,         /* 1 */
	SMF80_VRM = 80,         /* 4 */
	SMF80_SEC = 84,         /* 8 */
	SMF80_RL2 = 92,         /* 2 extended relocates, offset from SMF80FLG */
	SMF80_CT2 = 94,         /* 2 */
	SMF80_AU2 = 96,         /* 1 */
	SMF80_RSV = 97,         /* 1 */
	SMF80_FIXED_END = 98,   /* first relocate section */
};

_Static_assert(SMF80_SEG == SMF80_LEN + 2 && SMF80_FLG == SMF80_SEG + 2,
	       "RDW is 4 bytes");
_Static_assert(SMF80_TME == SMF80_RTY + 1 && SMF80_DTE == SMF80_TME + 4 &&
	       SMF80_SID == SMF80_DTE + 4 && SMF80_DES == SMF80_SID + 4,
	       "standard header");
_Static_assert(SMF80_USR == SMF80_EVQ + 1 && SMF80_GRP == SMF80_USR + 8 &&
	       SMF80_REL == SMF80_GRP + 8 && SMF80_CNT == SMF80_REL + 2 &&
	       SMF80_ATH == SMF80_CNT + 2, "smf80.md offsets 22-42");
_Static_assert(SMF80_TRM == SMF80_ERR + 1 && SMF80_JBN == SMF80_TRM + 8 &&
	       SMF80_RST == SMF80_JBN + 8 && SMF80_RSD == SMF80_RST + 4 &&
	       SMF80_UID == SMF80_RSD + 4 && SMF80_VER == SMF80_UID + 8,
	       "smf80.md offsets 46-78");
_Static_assert(SMF80_VRM == SMF80_RE2 + 1 && SMF80_SEC == SMF80_VRM + 4 &&
	       SMF80_RL2 == SMF80_SEC + 8 && SMF80_CT2 == SMF80_RL2 + 2 &&
	       SMF80_AU2 == SMF80_CT2 + 2 && SMF80_FIXED_END == SMF80_RSV + 1,
	       "smf80.md offsets 80-98");
_Static_assert(SMF80_REL % 2 == 0 && SMF80_RST % 4 == 2 && SMF80_RSD % 4 == 2,
	       "the unaligned fields smf80.md warns about");

/* SMF80REL counts from SMF80FLG: relocates right after the fixed section
 * are at 94 (X'005E'). */
#define SMF80_REL_BASE SMF80_FLG
#define SMF80_REL_VALUE (SMF80_FIXED_END - SMF80_REL_BASE)
_Static_assert(SMF80_REL_VALUE == 94, "smf80.md: SMF80REL is 94");

#define SMF80_RECORD_TYPE 80
#define SMF80_EVENT_ACCESS 2            /* SMF80EVT: resource access */
#define SMF80_DES_VIOLATION 0x8000
#define SMF80_DES_USER_UNDEFINED 0x4000 /* never written (spec 5.4) */
#define SMF80_DES_WARNING 0x1000
#define SMF80_ATH_NORMAL 0x80
/* The longest record that needs no spanning (smf80.md section 1). */
#define SMF80_MAX_UNSPANNED 32756
#define SMF80_DAY_CENTIS 8640000u

/* portsaf choices (smf80.md: not confirmed from IBM sources). */
#define SMF80_FLG_PORTSAF 0x1E          /* version bits on, no subtypes */
#define SMF80_VER_PORTSAF 0x08
#define SMF80_PROFILE_GENERIC 0x80      /* relocate 33 flag byte */

/* Relocate data types (smf80.md section 3). */
enum {
	SMF80_RELOC_RESOURCE = 1,
	SMF80_RELOC_INTENT = 3,
	SMF80_RELOC_ALLOWED = 4,
	SMF80_RELOC_CLASS = 17,
	SMF80_RELOC_PROFILE = 33,
	SMF80_RELOC_LOGSTR = 34,        /* portsaf choice of number */
};
#define SMF80_RELOC_MAX 255             /* 1-byte length */

/* Access byte values (smf80.md section 3, portsaf choice, one table). */
uint8_t psf_smf80_access_byte(enum psf_access a);
/* The access level of a byte, or -1 for a value outside the table. */
int psf_smf80_access_level(uint8_t byte);
/* "SUCCESS", "INSAUTH", "PROFNF", "WARNING"; NULL for other qualifiers. */
const char *psf_smf80_qualifier_name(unsigned q);

static inline void psf_put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void psf_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static inline uint16_t psf_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t psf_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* SMF80DTE/RSD: packed 0cyydddF, c the century since 1900. */
uint32_t psf_smf_date_pack(int year, int yday);
/* 0 and year/yday, or -1 when the word is not such a date. */
int psf_smf_date_unpack(uint32_t packed, int *year, int *yday);

#endif
