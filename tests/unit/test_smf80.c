/*
 * SMF type 80 records as portsaf builds them (smf80.md).  The record is
 * checked against the spec's own bytes (section 5) and then field by field
 * at the offsets of sections 2 and 3, read here with nothing but those
 * tables, not with portsaf's reader.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "audit.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* 2025-03-14 14:30:15.27 and 06:00:00.00 UTC, in 1/100 s. */
#define T_EXAMPLE 174196261527LL
#define T_JOBSTART 174193200000LL

/* smf80.md section 5, as printed there. */
static const char *const example_hex =
	"00CF0000 1E50004F AC970125 073FE2E8"
	"E2F18000 0201C1D7 D7E4E2D9 F140C1D7"
	"D7C7D9D7 4040005E 00068010 00004040"
	"40404040 4040D4E8 E2D9E5D9 40400020"
	"F5800125 073FC1D7 D7E4E2D9 F1400800"
	"F7F7C4F0 40404040 40404040 00000000"
	"00000122 C5E9C24B D7D6D9E3 C1C3C3C5"
	"E2E24BE2 E8E2F14B E3C3D7C9 D74BE4D5"
	"D9E2E5E3 C3D70301 10040101 1108E2C5"
	"D9E5C1E4 E3C8211C 80C5E9C2 4BD7D6D9"
	"E3C1C3C3 C5E2E24B 5C4B5C4B E4D5D9E2"
	"E5E3C3D7 2219D7D6 D9E34DF8 F0F8F05D"
	"40C1C4C4 D94DF1F0 4BF14BF2 4BF35D";

static size_t unhex(const char *s, uint8_t *out)
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s == ' ')
			continue;
		unsigned v;
		sscanf(s, "%2x", &v);
		out[n++] = (uint8_t)v;
		s++;
	}
	return n;
}

static void test_worked_example(void **state)
{
	uint8_t want[256], got[PSF_SMF80_MAX];
	size_t wn = unhex(example_hex, want);
	struct psf_smf80_fields f = {
		.time_centis = T_EXAMPLE, .start_centis = T_JOBSTART,
		.utc_offset = 0, .smfid = "SYS1", .user = "APPUSR1",
		.group = "APPGRP", .jobname = "MYSRVR",
		.qualifier = PSF_QUAL_INSAUTH, .reasons = PSF_REA_AUDIT,
		.resource = "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP",
		.cls = "SERVAUTH", .profile = "EZB.PORTACCESS.*.*.UNRSVTCP",
		.generic = true, .intent = PSF_ACC_READ, .allowed = PSF_ACC_NONE,
		.vrm = "77D0", .logstr = "PORT(8080) ADDR(10.1.2.3)",
	};
	size_t n = psf_smf80_build_fields(got, sizeof got, &f);

	(void)state;
	assert_int_equal(wn, 207);
	assert_int_equal(n, 207);
	assert_memory_equal(got, want, 207);
}

/* ---- field by field, from smf80.md's tables alone -------------------- */

static unsigned be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const uint8_t *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

/* EBCDIC 1047 of the characters these fields use. */
static char from_ebcdic(uint8_t c)
{
	static const char upper[] = "ABCDEFGHI" "JKLMNOPQR" "STUVWXYZ";
	static const uint8_t base[] = { 0xC1, 0xD1, 0xE2 };
	static const uint8_t len[] = { 9, 9, 8 };
	size_t off = 0;

	for (int i = 0; i < 3; off += len[i], i++)
		if (c >= base[i] && c < base[i] + len[i])
			return upper[off + c - base[i]];
	if (c >= 0xF0 && c <= 0xF9)
		return (char)('0' + c - 0xF0);
	switch (c) {
	case 0x40: return ' ';
	case 0x4B: return '.';
	case 0x4D: return '(';
	case 0x5D: return ')';
	case 0x5C: return '*';
	case 0x7A: return ':';
	case 0x7B: return '#';
	case 0x7C: return '@';
	case 0x5B: return '$';
	case 0x60: return '-';
	}
	return '?';
}

static char *text(const uint8_t *p, size_t n)
{
	static char out[4][300];
	static int which;
	char *s = out[which++ % 4];

	for (size_t i = 0; i < n; i++)
		s[i] = from_ebcdic(p[i]);
	s[n] = '\0';
	return s;
}

struct decoded {
	unsigned len, seg, flg, rty, des, evt, evq, rel, cnt, ath, rea, ver;
	unsigned long tme, dte, rst, rsd;
	char sid[5], usr[9], grp[9], jbn[9], uid[9], vrm[5], trm[9], sec[9];
	unsigned rl2, ct2;
	char resource[256], cls[256], profile[256], logstr[256];
	int intent, allowed, pflag;
	size_t end;                     /* where the relocate walk ended */
};

static void decode(const uint8_t *r, struct decoded *d)
{
	size_t p;

	memset(d, 0, sizeof *d);
	d->len = be16(r);
	d->seg = be16(r + 2);
	d->flg = r[4];
	d->rty = r[5];
	d->tme = be32(r + 6);
	d->dte = be32(r + 10);
	strcpy(d->sid, text(r + 14, 4));
	d->des = be16(r + 18);
	d->evt = r[20];
	d->evq = r[21];
	strcpy(d->usr, text(r + 22, 8));
	strcpy(d->grp, text(r + 30, 8));
	d->rel = be16(r + 38);
	d->cnt = be16(r + 40);
	d->ath = r[42];
	d->rea = r[43];
	strcpy(d->trm, text(r + 46, 8));
	strcpy(d->jbn, text(r + 54, 8));
	d->rst = be32(r + 62);
	d->rsd = be32(r + 66);
	strcpy(d->uid, text(r + 70, 8));
	d->ver = r[78];
	strcpy(d->vrm, text(r + 80, 4));
	strcpy(d->sec, text(r + 84, 8));
	d->rl2 = be16(r + 92);
	d->ct2 = be16(r + 94);
	d->intent = d->allowed = d->pflag = -1;
	p = 4 + d->rel;
	for (unsigned i = 0; i < d->cnt; i++) {
		unsigned type = r[p], n = r[p + 1];
		const uint8_t *data = r + p + 2;

		switch (type) {
		case 1: strcpy(d->resource, text(data, n)); break;
		case 3: d->intent = data[0]; break;
		case 4: d->allowed = data[0]; break;
		case 17: strcpy(d->cls, text(data, n)); break;
		case 33: d->pflag = data[0];
			 strcpy(d->profile, text(data + 1, n - 1)); break;
		case 34: strcpy(d->logstr, text(data, n)); break;
		}
		p += 2 + n;
	}
	d->end = p;
}

static const struct psf_identity example_id = {
	.jobname = "MYSRVR", .user = "APPUSR1", .group = "APPGRP",
	.program = "JAVA", .pid = 4711, .start_centis = T_JOBSTART,
};

static const struct {
	const char *spec;
	enum psf_qualifier qual;
	enum psf_access allowed;
	bool generic;
	uint8_t reasons;
	const char *profile;
	unsigned des;
} event_rows[] = {
	{ "smf80.md 2: failure sets X'8000'", PSF_QUAL_INSAUTH, PSF_ACC_NONE,
	  true, PSF_REA_AUDIT, "EZB.PORTACCESS.*.*.UNRSVTCP", 0x8000 },
	{ "smf80.md 2: warning sets X'1000'", PSF_QUAL_WARNING, PSF_ACC_NONE,
	  true, PSF_REA_AUDIT | PSF_REA_CLASS, "EZB.PORTACCESS.**", 0x1000 },
	{ "smf80.md 2: success sets neither", PSF_QUAL_SUCCESS, PSF_ACC_READ,
	  false, PSF_REA_AUDIT | PSF_REA_GLOBAL,
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", 0 },
};

static void test_event_records(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(event_rows); i++) {
		struct psf_saf_event ev = {
			.cls = "SERVAUTH",
			.resource = "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP",
			.profile = event_rows[i].profile,
			.generic = event_rows[i].generic,
			.qualifier = event_rows[i].qual,
			.intent = PSF_ACC_READ, .allowed = event_rows[i].allowed,
			.reasons = event_rows[i].reasons, .smf = true,
		};
		struct psf_audit_in in = {
			.id = &example_id, .ev = &ev, .smfid = "SYS1",
			.time_centis = T_EXAMPLE, .utc_offset = 0,
			.op = PSF_OP_BIND, .proto = PSF_TCP, .port = 8080,
			.addr = { .family = 4 },
		};
		uint8_t rec[PSF_SMF80_MAX];
		size_t n = psf_smf80_build(rec, sizeof rec, &in);
		struct decoded d;

		print_message("row %zu: %s\n", i, event_rows[i].spec);
		assert_true(n > 98);
		decode(rec, &d);
		assert_int_equal(d.len, n);
		assert_int_equal(d.end, n);
		assert_int_equal(d.seg, 0);
		assert_int_equal(d.flg, 0x1E);
		assert_int_equal(d.rty, 80);
		assert_int_equal(d.tme, 5221527);       /* 14:30:15.27 */
		assert_int_equal(d.dte, 0x0125073F);
		assert_string_equal(d.sid, "SYS1");
		assert_int_equal(d.des, event_rows[i].des);
		assert_int_equal(d.evt, 2);
		assert_int_equal(d.evq, event_rows[i].qual);
		assert_string_equal(d.usr, "APPUSR1 ");
		assert_string_equal(d.grp, "APPGRP  ");
		assert_int_equal(d.rel, 94);
		assert_int_equal(d.cnt, 6);
		assert_int_equal(d.ath, 0x80);
		assert_int_equal(d.rea, event_rows[i].reasons);
		assert_string_equal(d.trm, "        ");
		assert_string_equal(d.jbn, "MYSRVR  ");
		assert_int_equal(d.rst, 2160000);       /* 06:00:00.00 */
		assert_int_equal(d.rsd, 0x0125073F);
		assert_string_equal(d.uid, "APPUSR1 ");
		assert_int_equal(d.ver, 0x08);
		assert_string_equal(d.vrm, "77E0");
		assert_string_equal(d.sec, "        ");
		assert_int_equal(d.rl2, 0);
		assert_int_equal(d.ct2, 0);
		assert_string_equal(d.resource, "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP");
		assert_int_equal(d.intent, 0x10);
		assert_int_equal(d.allowed, event_rows[i].allowed == PSF_ACC_READ ?
				 0x10 : 0x01);
		assert_string_equal(d.cls, "SERVAUTH");
		assert_int_equal(d.pflag, event_rows[i].generic ? 0x80 : 0);
		assert_string_equal(d.profile, event_rows[i].profile);
		assert_string_equal(d.logstr, "OP(BIND) PROTO(TCP) PORT(8080) "
				    "ADDR(0.0.0.0) PGM(JAVA) PID(4711)");
	}
}

/* ---- local time and packed dates ----------------------------------- */

static const struct {
	const char *spec;
	int64_t centis;
	int32_t offset;
	unsigned long tme, dte;
} time_rows[] = {
	{ "smf80.md 2: the example date", T_EXAMPLE, 0, 5221527, 0x0125073F },
	{ "2: local time east of UTC crosses midnight", 174199501527LL, 3600,
	  181527, 0x0125074F },
	{ "2: west of UTC goes back a day", T_JOBSTART, -7 * 3600,
	  23 * 360000, 0x0125072F },
	{ "2: leap year, day 366", 173568959999LL, 0, 8639999, 0x0124366F },
	{ "2: 1999 is century 0", 94668479999LL, 0, 8639999, 0x0099365F },
	{ "2: 2000-01-01 is century 1, day 1", 94668480000LL, 0, 0, 0x0100001F },
};

static void test_time_fields(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(time_rows); i++) {
		struct psf_smf80_fields f = {
			.time_centis = time_rows[i].centis,
			.utc_offset = time_rows[i].offset, .smfid = "SYS1",
			.user = "U", .group = "G", .jobname = "J",
			.resource = "R", .cls = "SERVAUTH", .profile = "P",
			.vrm = PSF_SMF80_VRM,
		};
		uint8_t rec[PSF_SMF80_MAX];

		print_message("row %zu: %s\n", i, time_rows[i].spec);
		assert_true(psf_smf80_build_fields(rec, sizeof rec, &f) > 0);
		assert_int_equal(be32(rec + 6), time_rows[i].tme);
		assert_int_equal(be32(rec + 10), time_rows[i].dte);
		/* no job start: both words zero */
		assert_int_equal(be32(rec + 62), 0);
		assert_int_equal(be32(rec + 66), 0);
	}
}

/* ---- limits ------------------------------------------------------------ */

static void test_limits(void **state)
{
	char longname[300];
	uint8_t rec[PSF_SMF80_MAX];
	struct psf_smf80_fields f = {
		.time_centis = T_EXAMPLE, .smfid = "SYS1", .user = "U",
		.group = "G", .jobname = "J", .resource = "R", .cls = "SERVAUTH",
		.profile = "P", .vrm = PSF_SMF80_VRM, .logstr = "X",
	};
	size_t whole;

	(void)state;
	whole = psf_smf80_build_fields(rec, sizeof rec, &f);
	assert_int_equal(whole, 98 + 3 + 3 + 3 + 10 + 4 + 3);
	/* smf80.md 3: one byte of length, so 255 bytes at most */
	memset(longname, 'A', 255);
	longname[255] = '\0';
	f.resource = longname;
	assert_int_equal(psf_smf80_build_fields(rec, sizeof rec, &f),
			 98 + 257 + 3 + 3 + 10 + 4 + 3);
	longname[255] = 'A';
	longname[256] = '\0';
	assert_int_equal(psf_smf80_build_fields(rec, sizeof rec, &f), 0);
	/* relocate 33 carries a flag byte: 254 characters of name at most */
	longname[254] = '\0';
	f.resource = "R";
	f.profile = longname;
	assert_int_equal(psf_smf80_build_fields(rec, sizeof rec, &f), 98 + 3 + 3 +
			 3 + 10 + 257 + 3);
	f.profile = "P";
	/* a buffer one byte short gets nothing */
	assert_int_equal(psf_smf80_build_fields(rec, whole - 1, &f), 0);
	assert_int_equal(psf_smf80_build_fields(rec, 50, &f), 0);
}

/* ---- the SMF file: whole records under concurrency ------------------ */

#define WRITERS 4
#define PER_WRITER 2000

static uint8_t shared_rec[WRITERS][PSF_SMF80_MAX];
static size_t shared_len[WRITERS];
static int shared_fd;

static void *append_many(void *arg)
{
	size_t w = (size_t)arg;

	for (int i = 0; i < PER_WRITER; i++)
		assert_int_equal(psf_smf_append(shared_fd, shared_rec[w],
						 shared_len[w]), 0);
	return NULL;
}

/* Each writer appends its own distinct record; afterwards every RDW must
 * start a whole, untouched copy of one of them. */
static void test_append_never_tears(void **state)
{
	char path[] = "/tmp/psf-smf80-XXXXXX";
	int tmp = mkstemp(path);
	pthread_t t[WRITERS];
	uint8_t *all;
	off_t size;
	size_t counts[WRITERS] = { 0 };

	(void)state;
	assert_true(tmp >= 0);
	close(tmp);
	unlink(path);
	shared_fd = psf_smf_open(path);
	assert_true(shared_fd >= 0);
	assert_true(fcntl(shared_fd, F_GETFL) & O_APPEND);
	assert_true(fcntl(shared_fd, F_GETFD) & FD_CLOEXEC);
	for (size_t w = 0; w < WRITERS; w++) {
		char job[9];
		struct psf_smf80_fields f = {
			.time_centis = T_EXAMPLE, .smfid = "SYS1", .user = "U",
			.group = "G", .jobname = job, .resource = "R",
			.cls = "SERVAUTH", .profile = "P", .vrm = PSF_SMF80_VRM,
			.logstr = w % 2 ? "A LONGER LOG STRING FOR THIS WRITER" : "S",
		};
		snprintf(job, sizeof job, "JOB%zu", w);
		shared_len[w] = psf_smf80_build_fields(shared_rec[w],
						       PSF_SMF80_MAX, &f);
	}
	/* two writers are threads, two are processes */
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		if (kids[k] == 0) {
			append_many((void *)(size_t)(2 + k));
			_exit(0);
		}
	}
	for (size_t w = 0; w < 2; w++)
		pthread_create(&t[w], NULL, append_many, (void *)w);
	for (size_t w = 0; w < 2; w++)
		pthread_join(t[w], NULL);
	for (int k = 0; k < 2; k++) {
		int st;
		assert_int_equal(waitpid(kids[k], &st, 0), kids[k]);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	size = lseek(shared_fd, 0, SEEK_END);
	all = malloc((size_t)size);
	int rfd = open(path, O_RDONLY);
	assert_int_equal(pread(rfd, all, (size_t)size, 0), size);
	close(rfd);
	for (off_t p = 0; p < size; ) {
		size_t len = be16(all + p), w;

		for (w = 0; w < WRITERS; w++)
			if (len == shared_len[w] &&
			    !memcmp(all + p, shared_rec[w], len))
				break;
		assert_true(w < WRITERS);
		counts[w]++;
		p += (off_t)len;
	}
	for (size_t w = 0; w < WRITERS; w++)
		assert_int_equal(counts[w], PER_WRITER);
	free(all);
	close(shared_fd);
	unlink(path);
}

static void test_append_errors(void **state)
{
	uint8_t rec[4] = { 0, 4, 0, 0 };
	int fds[2];

	(void)state;
	assert_int_equal(psf_smf_open("/nonexistent-dir/smf.bin"), -ENOENT);
	assert_int_equal(psf_smf_append(-1, rec, sizeof rec), -EBADF);
	assert_int_equal(pipe(fds), 0);
	close(fds[1]);
	assert_int_equal(psf_smf_append(fds[0], rec, sizeof rec), -EBADF);
	close(fds[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_example),
		cmocka_unit_test(test_event_records),
		cmocka_unit_test(test_time_fields),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_append_never_tears),
		cmocka_unit_test(test_append_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
