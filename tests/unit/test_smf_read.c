/*
 * Reading SMF files (smf80.md; issue 4 item 2): decoding, skipping what
 * portsaf does not read, and every kind of damage with its exact
 * diagnostic, then a bounded random-mutation run that must always end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "audit.h"
#include "smf_read.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define T_EXAMPLE 174196261527LL        /* 2025-03-14 14:30:15.27 UTC */
#define T_JOBSTART 174193200000LL

/* ---- building test files ---------------------------------------------- */

struct file {
	uint8_t b[16384];
	size_t len;
};

static void add(struct file *f, const void *p, size_t n)
{
	assert_true(f->len + n <= sizeof f->b);
	memcpy(f->b + f->len, p, n);
	f->len += n;
}

/* A record as portsaf writes it: 207 bytes with this log string. */
static size_t portsaf_record(uint8_t *out, enum psf_qualifier q, int64_t time,
			     const char *job)
{
	struct psf_smf80_fields f = {
		.time_centis = time, .start_centis = T_JOBSTART, .smfid = "SYS1",
		.user = "APPUSR1", .group = "APPGRP", .jobname = job,
		.qualifier = q, .reasons = PSF_REA_AUDIT,
		.resource = "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", .cls = "SERVAUTH",
		.profile = "EZB.PORTACCESS.*.*.UNRSVTCP", .generic = true,
		.intent = PSF_ACC_READ, .allowed = PSF_ACC_NONE, .vrm = "77D0",
		.logstr = "PORT(8080) ADDR(10.1.2.3)",
	};
	return psf_smf80_build_fields(out, PSF_SMF80_MAX, &f);
}

static void add_record(struct file *f, enum psf_qualifier q)
{
	uint8_t rec[PSF_SMF80_MAX];

	add(f, rec, portsaf_record(rec, q, T_EXAMPLE, "MYSRVR"));
}

static void put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v & 0xFFFF);
}

/* A relocate: text (converted to EBCDIC) or a single byte. */
struct reloc {
	unsigned type;
	const char *text;
	uint8_t byte;
};

/* portsaf's fixed section, then relocates at FLG + rel (zero gap), then
 * extended relocates (2-byte type and length) at FLG + rl2. */
static size_t custom_record(uint8_t *out, unsigned rel, const struct reloc *r,
			    size_t n, const struct reloc *x, size_t nx)
{
	size_t p = 4 + rel;

	portsaf_record(out, PSF_QUAL_WARNING, T_EXAMPLE, "MYSRVR");
	memset(out + 98, 0, p - 98);
	for (size_t i = 0; i < n; i++) {
		size_t len = r[i].text ? strlen(r[i].text) : 1;

		out[p] = (uint8_t)r[i].type;
		out[p + 1] = (uint8_t)len;
		if (r[i].text)
			psf_to_ebcdic(out + p + 2, r[i].text, len);
		else
			out[p + 2] = r[i].byte;
		p += 2 + len;
	}
	put16(out + 40, (unsigned)n);
	put16(out + 38, rel);
	if (nx) {
		put16(out + 92, (unsigned)(p - 4));
		put16(out + 94, (unsigned)nx);
	}
	for (size_t i = 0; i < nx; i++) {
		size_t len = strlen(x[i].text);

		put16(out + p, x[i].type);
		put16(out + p + 2, (unsigned)len);
		memcpy(out + p + 4, x[i].text, len);
		p += 4 + len;
	}
	put16(out, (unsigned)p);
	return p;
}

/* ---- running the reader ------------------------------------------------- */

struct run {
	unsigned records;
	struct psf_smf80_rec first;
	struct psf_smf_stats st;
	char *diag;
	size_t steps;
};

static void run_reader(const struct file *f, struct run *out)
{
	int fd = memfd_create("smf", MFD_CLOEXEC);
	size_t diag_len;
	FILE *diag = open_memstream(&out->diag, &diag_len);
	struct psf_smf_reader r;
	struct psf_smf80_rec *rec = malloc(sizeof *rec);

	assert_true(fd >= 0 && diag && rec);
	assert_int_equal(write(fd, f->b, f->len), (ssize_t)f->len);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(psf_smf_reader_open_fd(&r, fd, "F", diag), 0);
	out->records = 0;
	out->steps = 0;
	while (psf_smf_reader_next(&r, rec)) {
		if (out->records++ == 0)
			out->first = *rec;
		/* every record consumes at least one RDW: a bound */
		assert_true(++out->steps <= f->len / 4 + 1);
	}
	psf_smf_reader_summary(&r);
	out->st = r.st;
	psf_smf_reader_close(&r);
	fclose(diag);
	close(fd);
	free(rec);
}

/* ---- decoding a good record, field by field ---------------------------- */

static void test_decode_fields(void **state)
{
	struct file f = { .len = 0 };
	struct run run;

	(void)state;
	add_record(&f, PSF_QUAL_INSAUTH);
	run_reader(&f, &run);
	assert_string_equal(run.diag, "");
	assert_int_equal(run.records, 1);
	const struct psf_smf80_rec *r = &run.first;
	assert_int_equal(r->offset, 0);
	assert_int_equal(r->length, 207);
	/* local times as days * 8640000 + hundredths */
	assert_int_equal(r->time, T_EXAMPLE);
	assert_true(r->has_jobstart);
	assert_int_equal(r->jobstart, T_JOBSTART);
	assert_string_equal(r->system, "SYS1");
	assert_int_equal(r->descriptor, 0x8000);
	assert_int_equal(r->event, 2);
	assert_int_equal(r->qualifier, 1);
	assert_int_equal(r->reasons, 0x10);
	assert_string_equal(r->user, "APPUSR1");
	assert_string_equal(r->group, "APPGRP");
	assert_string_equal(r->jobname, "MYSRVR");
	assert_string_equal(r->vrm, "77D0");
	assert_true(r->has_resource && r->has_intent && r->has_allowed &&
		    r->has_class && r->has_profile && r->has_logstr);
	assert_string_equal(r->resource, "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP");
	assert_int_equal(r->intent, 0x10);
	assert_int_equal(r->allowed, 0x01);
	assert_string_equal(r->cls, "SERVAUTH");
	assert_true(r->generic);
	assert_string_equal(r->profile, "EZB.PORTACCESS.*.*.UNRSVTCP");
	assert_string_equal(r->logstr, "PORT(8080) ADDR(10.1.2.3)");
	assert_int_equal(r->unknown_relocs, 0);
	assert_int_equal(r->extended_relocs, 0);
	free(run.diag);
}

/* ---- files and their diagnostics ---------------------------------------- */

typedef void build_fn(struct file *f);

static void clean_three(struct file *f)
{
	add_record(f, PSF_QUAL_INSAUTH);
	add_record(f, PSF_QUAL_WARNING);
	add_record(f, PSF_QUAL_SUCCESS);
}

static void empty(struct file *f)
{
	(void)f;
}

static void truncated(struct file *f)
{
	add_record(f, PSF_QUAL_INSAUTH);
	add_record(f, PSF_QUAL_INSAUTH);
	f->len -= 107;
}

static void rdw_zero(struct file *f)
{
	static const uint8_t zeros[8];

	add_record(f, PSF_QUAL_INSAUTH);
	add(f, zeros, sizeof zeros);
	add_record(f, PSF_QUAL_INSAUTH);
}

static void rdw_beyond(struct file *f)
{
	add_record(f, PSF_QUAL_INSAUTH);
	add_record(f, PSF_QUAL_INSAUTH);
	put16(f->b + 207, 300);
}

static void rdw_zero_middle(struct file *f)
{
	clean_three(f);
	put16(f->b + 207, 0);
}

static void rdw_huge_middle(struct file *f)
{
	clean_three(f);
	put16(f->b + 207, 0xFFFF);
}

static void junk_between(struct file *f)
{
	add_record(f, PSF_QUAL_INSAUTH);
	add(f, "JUNKJUNKJUNK!", 13);
	add_record(f, PSF_QUAL_WARNING);
	add_record(f, PSF_QUAL_SUCCESS);
}

/* resynchronised onto a record of another type: still counted */
static void junk_then_other_type(struct file *f)
{
	uint8_t t30[20] = { 0, 20, 0, 0, 0x1E, 30 };

	add_record(f, PSF_QUAL_INSAUTH);
	add(f, "\x00\x00\x00", 3);
	add(f, t30, sizeof t30);
	add_record(f, PSF_QUAL_WARNING);
}

/* a record-like start in the junk whose end is no RDW is passed over */
static void junk_fake_start(struct file *f)
{
	add_record(f, PSF_QUAL_INSAUTH);
	add(f, "\x00\x00\x00\x08\x00\x00\x1E\x1E\xFF\xFF\xFF\xFF", 12);
	add_record(f, PSF_QUAL_WARNING);
}

static void truncated_last(struct file *f)
{
	clean_three(f);
	f->len -= 1;
}

static void tail_bytes(struct file *f)
{
	add_record(f, PSF_QUAL_INSAUTH);
	add(f, "\x00\x09", 2);
}

static void reloc_past_record(struct file *f)
{
	add_record(f, PSF_QUAL_INSAUTH);
	f->b[181] = 0xFF;       /* relocate 34's length */
	add_record(f, PSF_QUAL_WARNING);
}

static void count_past_record(struct file *f)
{
	add_record(f, PSF_QUAL_INSAUTH);
	put16(f->b + 40, 7);
}

static void other_types(struct file *f)
{
	uint8_t t30[20] = { 0, 20, 0, 0, 0x1E, 30 }, t81[10] = { 0, 10, 0, 0, 0, 81 };

	add(f, t30, sizeof t30);
	add_record(f, PSF_QUAL_WARNING);
	add(f, t30, sizeof t30);
	add(f, t81, sizeof t81);
}

static void other_event(struct file *f)
{
	add_record(f, PSF_QUAL_INSAUTH);
	f->b[20] = 1;
	f->b[181] = 0xFF;       /* not read: relocates mean other things */
	add_record(f, PSF_QUAL_WARNING);
}

static void short_type80(struct file *f)
{
	uint8_t rec[60] = { 0, 60, 0, 0, 0x1E, 80 };

	add(f, rec, sizeof rec);
	add_record(f, PSF_QUAL_WARNING);
}

static void no_type(struct file *f)
{
	add(f, "\x00\x05\x00\x00\x1E", 5);
	add_record(f, PSF_QUAL_WARNING);
}

static void spanned(struct file *f)
{
	add_record(f, PSF_QUAL_WARNING);
	f->b[2] = 0x01;
	add_record(f, PSF_QUAL_WARNING);
}

static void rel_inside_fixed(struct file *f)
{
	add_record(f, PSF_QUAL_WARNING);
	put16(f->b + 38, 40);
}

static void bad_date(struct file *f)
{
	add_record(f, PSF_QUAL_WARNING);
	put32(f->b + 10, 0x0125999F);
}

static void bad_time(struct file *f)
{
	add_record(f, PSF_QUAL_WARNING);
	put32(f->b + 6, 8640000);
}

static void bad_jobstart(struct file *f)
{
	add_record(f, PSF_QUAL_WARNING);
	put32(f->b + 66, 0x01250A3F);
}

static void no_jobstart(struct file *f)
{
	add_record(f, PSF_QUAL_WARNING);
	put32(f->b + 62, 0);
	put32(f->b + 66, 0);
}

static void intent_length(struct file *f)
{
	const struct reloc r[] = { { 1, "RES", 0 }, { 3, "AB", 0 } };
	uint8_t rec[PSF_SMF80_MAX];

	add(f, rec, custom_record(rec, 94, r, N(r), NULL, 0));
}

static void empty_profile(struct file *f)
{
	const struct reloc r[] = { { 1, "RES", 0 }, { 33, "", 0 } };
	uint8_t rec[PSF_SMF80_MAX];

	add(f, rec, custom_record(rec, 94, r, N(r), NULL, 0));
}

/* smf80.md 3: any order, any start, types portsaf does not read, and
 * extended relocates. */
static void real_like(struct file *f)
{
	const struct reloc r[] = {
		{ 34, "OP(BIND)", 0 }, { 5, "XX", 0 }, { 4, NULL, 0x10 },
		{ 200, "", 0 }, { 17, "SERVAUTH", 0 }, { 3, NULL, 0x10 },
		{ 1, "EZB.NETACCESS.SYS1.TCPIP.WORLD", 0 },
	};
	const struct reloc x[] = { { 300, "ABCD", 0 }, { 65535, "", 0 } };
	uint8_t rec[PSF_SMF80_MAX];

	add(f, rec, custom_record(rec, 100, r, N(r), x, N(x)));
}

static void extended_past_record(struct file *f)
{
	const struct reloc r[] = { { 1, "RES", 0 } };
	const struct reloc x[] = { { 300, "ABCD", 0 } };
	uint8_t rec[PSF_SMF80_MAX];
	size_t n = custom_record(rec, 94, r, N(r), x, N(x));

	put16(rec + n - 6, 5);  /* the extended length */
	add(f, rec, n);
}

static const struct {
	const char *spec;
	build_fn *build;
	unsigned records;
	uint64_t damaged;
	const char *diag;
} file_rows[] = {
	{ "1: records back to back", clean_three, 3, 0, "" },
	{ "1: an empty file has no records", empty, 0, 0, "" },
	{ "issue 4: truncated record", truncated, 1, 1,
	  "F: offset 207: record length 207 runs past the end of the file "
	  "(100 bytes left); rest of file not read\n" },
	{ "issue 4: RDW length 0: resynchronised", rdw_zero, 2, 1,
	  "F: offset 207: RDW length 0 is less than the RDW itself (4 bytes); "
	  "8 bytes skipped to the next record at offset 215\n" },
	{ "issue 4: RDW length beyond the file", rdw_beyond, 1, 1,
	  "F: offset 207: record length 300 runs past the end of the file "
	  "(207 bytes left); rest of file not read\n" },
	{ "resync: RDW length 0 in the middle, the third is read",
	  rdw_zero_middle, 2, 1,
	  "F: offset 207: RDW length 0 is less than the RDW itself (4 bytes); "
	  "207 bytes skipped to the next record at offset 414\n" },
	{ "resync: huge RDW length in the middle", rdw_huge_middle, 2, 1,
	  "F: offset 207: record length 65535 runs past the end of the file "
	  "(414 bytes left); 207 bytes skipped to the next record at offset "
	  "414\n" },
	{ "resync: junk between records", junk_between, 3, 1,
	  "F: offset 207: record length 19029 runs past the end of the file "
	  "(427 bytes left); 13 bytes skipped to the next record at offset "
	  "220\n" },
	{ "resync: onto a record of another type, counted",
	  junk_then_other_type, 2, 1,
	  "F: offset 207: RDW length 0 is less than the RDW itself (4 bytes); "
	  "3 bytes skipped to the next record at offset 210\n"
	  "F: 1 record of other SMF types skipped (type 30: 1)\n" },
	{ "resync: a record-like start not followed by an RDW",
	  junk_fake_start, 2, 1,
	  "F: offset 207: RDW length 0 is less than the RDW itself (4 bytes); "
	  "12 bytes skipped to the next record at offset 219\n" },
	{ "resync: truncated last record", truncated_last, 2, 1,
	  "F: offset 414: record length 207 runs past the end of the file "
	  "(206 bytes left); rest of file not read\n" },
	{ "1: bytes too few for an RDW", tail_bytes, 1, 1,
	  "F: offset 207: 2 bytes at the end of the file are too short for an "
	  "RDW (4 bytes); rest of file not read\n" },
	{ "issue 4: relocate running past the record", reloc_past_record, 1, 1,
	  "F: offset 0: relocate section 6 of 6 at record offset 180 runs past "
	  "the end of the record (207 bytes); record skipped\n" },
	{ "3: SMF80CNT counts more relocates than fit", count_past_record, 0, 1,
	  "F: offset 0: relocate section 7 of 7 at record offset 207 runs past "
	  "the end of the record (207 bytes); record skipped\n" },
	{ "issue 4: wrong record type: skipped and counted", other_types, 1, 0,
	  "F: 3 records of other SMF types skipped (type 30: 2, type 81: 1)\n" },
	{ "2: SMF80EVT other than 2: skipped and counted", other_event, 1, 0,
	  "F: 1 type 80 record of an event other than resource access (2) "
	  "skipped\n" },
	{ "2: type 80 shorter than its fixed section", short_type80, 1, 1,
	  "F: offset 0: type 80 record of 60 bytes is shorter than its fixed "
	  "section (98 bytes); record skipped\n" },
	{ "1: record too short for a type", no_type, 1, 1,
	  "F: offset 0: record of 5 bytes is too short to hold a record type; "
	  "record skipped\n" },
	{ "1: spanned segments are never written", spanned, 1, 1,
	  "F: offset 0: segment descriptor X'0100' marks a segment of a spanned "
	  "record, which portsaf does not read; record skipped\n" },
	{ "2: SMF80REL inside the fixed section", rel_inside_fixed, 0, 1,
	  "F: offset 0: SMF80REL 40 puts the relocate sections at record offset "
	  "44, inside the fixed section (which ends at 98); record skipped\n" },
	{ "2: SMF80DTE not packed 0cyydddF", bad_date, 0, 1,
	  "F: offset 0: SMF80DTE X'0125999F' is not a packed date 0cyydddF; "
	  "record skipped\n" },
	{ "2: SMF80TME past midnight", bad_time, 0, 1,
	  "F: offset 0: SMF80TME 8640000 is not a time of day (hundredths of a "
	  "second, below 8640000); record skipped\n" },
	{ "2: SMF80RSD not packed", bad_jobstart, 0, 1,
	  "F: offset 0: SMF80RSD X'01250A3F' is not a packed date 0cyydddF; "
	  "record skipped\n" },
	{ "2: no job start date is allowed", no_jobstart, 1, 0, "" },
	{ "3: access relocates are one byte", intent_length, 0, 1,
	  "F: offset 0: relocate section type 3 at record offset 103 has length "
	  "2, expected 1; record skipped\n" },
	{ "3: relocate 33 starts with a flag byte", empty_profile, 0, 1,
	  "F: offset 0: relocate section type 33 at record offset 103 is empty "
	  "(it starts with a flag byte); record skipped\n" },
	{ "3: any order and start, unknown types, extended relocates",
	  real_like, 1, 0,
	  "F: 2 relocate sections of types portsaf does not read skipped\n"
	  "F: 2 extended relocate sections skipped\n" },
	{ "3: extended relocate past the record", extended_past_record, 0, 1,
	  "F: offset 0: extended relocate section 1 of 1 at record offset 103 "
	  "runs past the end of the record (111 bytes); record skipped\n" },
};

static void test_files(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(file_rows); i++) {
		struct file f = { .len = 0 };
		struct run run;

		print_message("row %zu: %s\n", i, file_rows[i].spec);
		file_rows[i].build(&f);
		run_reader(&f, &run);
		assert_string_equal(run.diag, file_rows[i].diag);
		assert_int_equal(run.records, file_rows[i].records);
		assert_int_equal(run.st.damaged, file_rows[i].damaged);
		assert_int_equal(run.st.records, file_rows[i].records);
		free(run.diag);
	}
}

static void test_real_like_fields(void **state)
{
	struct file f = { .len = 0 };
	struct run run;

	(void)state;
	real_like(&f);
	run_reader(&f, &run);
	assert_int_equal(run.records, 1);
	assert_string_equal(run.first.resource, "EZB.NETACCESS.SYS1.TCPIP.WORLD");
	assert_string_equal(run.first.logstr, "OP(BIND)");
	assert_string_equal(run.first.cls, "SERVAUTH");
	assert_false(run.first.has_profile);
	assert_int_equal(run.first.unknown_relocs, 2);
	assert_int_equal(run.first.extended_relocs, 2);
	free(run.diag);
}

static void test_unreadable(void **state)
{
	struct psf_smf_reader r;

	(void)state;
	assert_int_equal(psf_smf_reader_open(&r, "/nonexistent/smf.bin", stderr),
			 -ENOENT);
	assert_int_equal(psf_smf_reader_open(&r, "/", stderr), -EISDIR);
}

/* ---- bounded random mutation: never a crash, never an endless loop ---- */

static void test_random_mutation(void **state)
{
	struct file base = { .len = 0 };
	unsigned seed = 12345;

	(void)state;
	for (int i = 0; i < 8; i++) {
		real_like(&base);
		add_record(&base, (enum psf_qualifier)(i % 4));
	}
	for (int iter = 0; iter < 3000; iter++) {
		struct file f = base;
		int flips = 1 + rand_r(&seed) % 8;
		struct run run;

		for (int k = 0; k < flips; k++)
			f.b[rand_r(&seed) % f.len] = (uint8_t)rand_r(&seed);
		if (iter % 5 == 0)
			f.len = (size_t)rand_r(&seed) % f.len;
		run_reader(&f, &run);   /* asserts the step bound */
		assert_true(run.records <= 16);
		free(run.diag);
	}
}

/* ---- several files merged by time -------------------------------------- */

static char *temp_file(const struct file *f)
{
	char *path = strdup("/tmp/psf-smf-read-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, f->b, f->len), (ssize_t)f->len);
	close(fd);
	return path;
}

static void test_merge(void **state)
{
	struct file a = { .len = 0 }, b = { .len = 0 };
	uint8_t rec[PSF_SMF80_MAX];
	/* host A at 1, 4, 5 s; host B at 2, 4, 9 s */
	const int64_t ta[] = { 100, 400, 500 }, tb[] = { 200, 400, 900 };
	const char *want[] = { "A", "B", "A", "B", "A", "B" };
	struct psf_smf_merge m;
	const struct psf_smf80_rec *r;
	unsigned failed, n = 0;
	char *paths[2];

	(void)state;
	for (int i = 0; i < 3; i++) {
		add(&a, rec, portsaf_record(rec, PSF_QUAL_WARNING, T_EXAMPLE + ta[i], "A"));
		add(&b, rec, portsaf_record(rec, PSF_QUAL_WARNING, T_EXAMPLE + tb[i], "B"));
	}
	paths[0] = temp_file(&a);
	paths[1] = temp_file(&b);
	assert_int_equal(psf_smf_merge_open(&m, paths, 2, stderr, &failed), 0);
	while ((r = psf_smf_merge_next(&m))) {
		assert_true(n < N(want));
		/* ties (4 s) keep the order of the files */
		assert_string_equal(r->jobname, want[n]);
		n++;
	}
	assert_int_equal(n, 6);
	psf_smf_merge_close(&m);
	unlink(paths[1]);
	assert_int_equal(psf_smf_merge_open(&m, paths, 2, stderr, &failed), -ENOENT);
	assert_int_equal(failed, 1);
	unlink(paths[0]);
	free(paths[0]);
	free(paths[1]);
}

/* ---- the log string read back ------------------------------------------ */

static void test_logstr_parse(void **state)
{
	struct psf_logstr_fields f;

	(void)state;
	psf_logstr_parse("OP(LISTEN) PROTO(UDP) PORT(65535) ADDR(2001:db8::1) "
			 "PGM(JAVA) PID(4711) EPH(YES)", &f);
	assert_true(f.has_op && f.op == PSF_OP_LISTEN);
	assert_true(f.has_proto && f.proto == PSF_UDP);
	assert_true(f.has_port && f.port == 65535);
	assert_true(f.has_addr && f.addr.family == 6);
	assert_string_equal(f.program, "JAVA");
	assert_true(f.has_pid && f.pid == 4711);
	assert_true(f.ephemeral);
	/* free text: what is not portsaf's form is absent, not an error */
	psf_logstr_parse("PORT(65536) OP(JUMP) ADDR(host) PID(-1) PROTO(SCTP) "
			 "unbalanced(", &f);
	assert_false(f.has_port || f.has_op || f.has_addr || f.has_pid ||
		     f.has_proto || f.ephemeral || f.program[0]);
	psf_logstr_parse("", &f);
	assert_false(f.has_op);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_fields),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_real_like_fields),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_random_mutation),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_logstr_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
