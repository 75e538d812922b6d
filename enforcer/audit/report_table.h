/*
 * The report's aggregation tables (internal to smf_report*.c and
 * smf_policy.c): open-addressing hash tables whose size follows the
 * number of distinct keys, and a string pool that gives each distinct
 * resource or profile name one small id.
 */
#ifndef PSF_REPORT_TABLE_H
#define PSF_REPORT_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "smf_read.h"

#define PSF_KEY_UNKNOWN 0xFF    /* op or protocol absent from the log string */

/* Compared and hashed as raw bytes: always zero it whole before filling. */
struct psf_report_key {
	uint32_t resource, profile;     /* ids in the string pool */
	char jobname[PSF_SMF_NAME_MAX];
	char user[PSF_SMF_NAME_MAX];
	char program[PSF_SMF_NAME_MAX]; /* "" when the log string has none */
	uint8_t op, proto;              /* enum values or PSF_KEY_UNKNOWN */
	bool has_port, ephemeral, generic;
	uint16_t port;                  /* 0 when ephemeral */
	struct psf_ipaddr addr;         /* family 0 when absent */
};

struct psf_report_val {
	uint64_t count, success, warning, failure;
	int64_t first, last;            /* record times (local centiseconds) */
	int64_t warn_first, warn_last;
	uint16_t eph_low, eph_high;     /* the ports the stack assigned */
};

struct psf_report_entry {
	struct psf_report_key key;
	struct psf_report_val val;
};

struct psf_report_table {
	struct psf_report_entry *v;
	size_t n, cap;
	uint32_t *slots;                /* index + 1; 0 = empty */
	size_t nslots;
};

struct psf_strpool {
	char **s;
	size_t n, cap;
	uint32_t *slots;
	size_t nslots;
};

/* The entry for key, created zeroed when new; NULL when out of memory. */
struct psf_report_entry *psf_report_table_get(struct psf_report_table *t,
					      const struct psf_report_key *key);
void psf_report_table_free(struct psf_report_table *t);

/* The id of s, added when new; UINT32_MAX when out of memory. */
uint32_t psf_strpool_id(struct psf_strpool *p, const char *s);
void psf_strpool_free(struct psf_strpool *p);

struct psf_report {
	struct psf_report_table keys;
	struct psf_strpool strings;
	unsigned nfiles;
	struct psf_smf_stats input;
	uint64_t records, other_resources;
	int64_t first, last;
	char systems[8][PSF_SMF_NAME_MAX];      /* SMF ids seen, first 8 */
	unsigned nsystems;
};

/* A line of the report: one key (or several merged) and its counts. */
struct psf_report_row {
	const struct psf_report_key *key;
	struct psf_report_val val;
};

/* Observed usage: every key, merged across resources and profiles, sorted
 * by job, user, program, operation, protocol, port and address.
 * Warnings: the keys with warnings (val counts only those), sorted by
 * profile, resource, then as usage.  Both return the number of rows in a
 * malloc'd *rows, or -ENOMEM. */
long psf_report_usage_rows(const struct psf_report *r, struct psf_report_row **rows);
long psf_report_warning_rows(const struct psf_report *r, struct psf_report_row **rows);

/* Column texts: "-" for what the log string did not say. */
const char *psf_report_op_text(const struct psf_report_key *k);
const char *psf_report_proto_text(const struct psf_report_key *k);
/* "8080", "EPH" for ports the stack assigned, "-" when unknown. */
void psf_report_port_text(const struct psf_report_key *k, char out[8]);
void psf_report_addr_text(const struct psf_report_key *k, char *out, size_t cap);
void psf_report_time_text(int64_t local, char out[24]);

#endif
