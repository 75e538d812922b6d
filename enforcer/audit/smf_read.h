/*
 * Reading SMF type 80 files (smf80.md), portsaf's or real ones moved from
 * z/OS in binary with their RDWs: records are walked by RDW, relocate
 * sections by SMF80REL and their lengths, extended relocates skipped.
 *
 * Damage is reported to a diagnostics stream as "FILE: offset N: what;
 * record skipped" when the RDW length still says where the next record
 * starts.  When it does not (RDW length below 4, or past the end of the
 * file), the reader scans forward for the next plausible record start and
 * reports "...; K bytes skipped to the next record at offset M", or
 * "...; rest of file not read" when none follows.  Every step moves
 * forward by at least one byte, so no input makes the reader loop.
 *
 * Not async-signal-safe: this is the `portsaf smf` side.
 */
#ifndef PSF_SMF_READ_H
#define PSF_SMF_READ_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "portsaf.h"

/* Text decoded from EBCDIC is UTF-8 of up to 3 bytes a character (U+FFFD
 * stands for X'00'): 8 characters of a name, 255 of a relocate. */
#define PSF_SMF_NAME_MAX (3 * 8 + 1)
#define PSF_SMF_TEXT_MAX (3 * 255 + 1)

/* One type 80 record of event 2 (resource access), decoded.  Character
 * fields lose their X'40' padding; absent relocates have has_* false. */
struct psf_smf80_rec {
	uint64_t offset;                /* of the RDW in its file */
	uint16_t length;                /* SMF80LEN */
	int64_t time;                   /* SMF80DTE+TME: local time in 1/100 s
					 * since 1970-01-01 (no zone applied) */
	bool has_jobstart;              /* SMF80RSD non-zero */
	int64_t jobstart;               /* SMF80RSD+RST, like time */
	char system[PSF_SMF_NAME_MAX];  /* SMF80SID */
	uint16_t descriptor;            /* SMF80DES */
	uint8_t event, qualifier;       /* SMF80EVT, SMF80EVQ */
	uint8_t reasons;                /* SMF80REA */
	char user[PSF_SMF_NAME_MAX], group[PSF_SMF_NAME_MAX];
	char jobname[PSF_SMF_NAME_MAX];
	char vrm[PSF_SMF_NAME_MAX];
	bool has_resource, has_intent, has_allowed, has_class, has_profile,
	     has_logstr;
	char resource[PSF_SMF_TEXT_MAX];
	uint8_t intent, allowed;        /* access bytes */
	char cls[PSF_SMF_TEXT_MAX];
	bool generic;                   /* relocate 33 flag X'80' */
	char profile[PSF_SMF_TEXT_MAX];
	char logstr[PSF_SMF_TEXT_MAX];
	unsigned unknown_relocs;        /* relocate types portsaf skips */
	unsigned extended_relocs;
};

/* Decode one whole record (RDW included, rec[0..len)) of type 80.
 * Returns 0, or -1 with why set to the damage (no offset, no file). */
int psf_smf80_decode(const uint8_t *rec, size_t len, struct psf_smf80_rec *out,
		     char *why, size_t whycap);

/* What a reader met besides the records it returned. */
struct psf_smf_stats {
	uint64_t records;               /* type 80 event 2 records returned */
	uint64_t damaged;               /* reported damage, skipped or fatal */
	uint64_t other_types;           /* records of other SMF types */
	uint32_t by_type[256];
	uint64_t other_events;          /* type 80 of events other than 2 */
	uint64_t unknown_relocs, extended_relocs;
};

struct psf_smf_reader {
	const char *name;               /* for diagnostics */
	int fd;
	bool own_fd;
	FILE *diag;
	uint8_t *buf;
	size_t cap, pos, end;           /* buf[pos..end) not yet consumed */
	uint64_t base;                  /* file offset of buf[0] */
	bool eof, stopped;
	struct psf_smf_stats st;
};

/* Open path ("-" is standard input); diagnostics go to diag.  Returns 0
 * or -errno (the file cannot be read: nothing is reported). */
int psf_smf_reader_open(struct psf_smf_reader *r, const char *path, FILE *diag);
/* Read from fd, which stays the caller's; name is used in diagnostics. */
int psf_smf_reader_open_fd(struct psf_smf_reader *r, int fd, const char *name,
			   FILE *diag);
/* The next access record: 1, or 0 at the end of the usable file. */
int psf_smf_reader_next(struct psf_smf_reader *r, struct psf_smf80_rec *rec);
/* Report what was skipped without damage: "FILE: N records of other SMF
 * types skipped (type 30: N, ...)" and the like, one line each. */
void psf_smf_reader_summary(const struct psf_smf_reader *r);
void psf_smf_reader_close(struct psf_smf_reader *r);

/* Several files merged by record time (k-way merge; each file is taken to
 * be in time order, as SMF and portsaf write them).  Ties keep the order
 * of the files. */
struct psf_smf_merge {
	struct psf_smf_reader *readers;
	struct psf_smf80_rec **heads;   /* each reader's next record */
	struct psf_smf80_rec *spare;    /* the record last returned */
	struct psf_smf80_rec *slots;    /* n + 1 records behind those */
	unsigned *heap;                 /* reader indexes, earliest first */
	unsigned n, nheap;
};

/* Opens every path; on failure returns -errno with *failed set to the
 * index of the path that could not be opened, and nothing left open. */
int psf_smf_merge_open(struct psf_smf_merge *m, char *const *paths, unsigned n,
		       FILE *diag, unsigned *failed);
/* The next record in time order, valid until the next call; NULL at the
 * end.  Records are handed over, not copied: they are large. */
const struct psf_smf80_rec *psf_smf_merge_next(struct psf_smf_merge *m);
/* The merged counts, and each reader's summary lines. */
void psf_smf_merge_stats(const struct psf_smf_merge *m, struct psf_smf_stats *st);
void psf_smf_merge_summary(const struct psf_smf_merge *m);
void psf_smf_merge_close(struct psf_smf_merge *m);

/* The fields of portsaf's log string (spec 8), parsed leniently: LOGSTR is
 * free text in real records, so a field that is missing or not in
 * portsaf's form is simply absent. */
struct psf_logstr_fields {
	bool has_op, has_proto, has_port, has_addr, has_pid;
	enum psf_op op;
	enum psf_proto proto;
	uint16_t port;
	struct psf_ipaddr addr;
	int32_t pid;
	char program[PSF_SMF_NAME_MAX];  /* "" when absent */
	bool ephemeral;                 /* EPH(YES) */
};
void psf_logstr_parse(const char *s, struct psf_logstr_fields *out);

/* Name of an access byte ("READ"), or NULL outside smf80.md's table. */
const char *psf_smf80_access_text(uint8_t byte);

#endif
