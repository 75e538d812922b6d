/*
 * Walking an SMF file by its RDWs (smf80.md section 1), streaming through
 * a fixed buffer so that memory does not grow with the file.
 *
 * Damage policy: when the RDW length is plausible (at least 4 and within
 * the file) the record is reported and skipped by that length.  When it is
 * not, nothing says where the next record starts: the reader scans forward
 * byte by byte from the next offset for a plausible record start (see
 * plausible()), reports the damage once with the bytes skipped, and goes
 * on there; when none follows, the rest of the file is reported and left
 * unread.  Each step consumes at least 1 byte or stops: no input can make
 * the reader loop.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "smf80_layout.h"
#include "smf_read.h"

/* Room for the longest record an RDW can describe, and then some, so that
 * most refills move little. */
#define READ_BUF_SIZE (1u << 20)
#define RDW_SIZE 4
#define TYPE_END 6              /* the record type is byte 5 */

int psf_smf_reader_open_fd(struct psf_smf_reader *r, int fd, const char *name,
			   FILE *diag)
{
	struct stat st;

	memset(r, 0, sizeof *r);
	if (fstat(fd, &st) < 0)
		return -errno;
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	r->buf = malloc(READ_BUF_SIZE);
	if (!r->buf)
		return -ENOMEM;
	r->cap = READ_BUF_SIZE;
	r->fd = fd;
	r->name = name;
	r->diag = diag;
	return 0;
}

int psf_smf_reader_open(struct psf_smf_reader *r, const char *path, FILE *diag)
{
	bool std_in = strcmp(path, "-") == 0;
	int fd = std_in ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -errno;
	rc = psf_smf_reader_open_fd(r, fd, path, diag);
	if (rc < 0) {
		if (!std_in)
			close(fd);
		return rc;
	}
	r->own_fd = !std_in;
	return 0;
}

void psf_smf_reader_close(struct psf_smf_reader *r)
{
	if (r->own_fd)
		close(r->fd);
	free(r->buf);
	r->buf = NULL;
}

static uint64_t here(const struct psf_smf_reader *r)
{
	return r->base + r->pos;
}

/* Report damage at offset at; the rest of the file is not read. */
static void damage_stop(struct psf_smf_reader *r, uint64_t at, const char *what)
{
	fprintf(r->diag, "%s: offset %llu: %s; rest of file not read\n",
		r->name, (unsigned long long)at, what);
	r->st.damaged++;
	r->stopped = true;
}

/* Report damage at the current record; stop, or skip skip_len bytes. */
static void damage(struct psf_smf_reader *r, const char *what, size_t skip_len)
{
	if (!skip_len) {
		damage_stop(r, here(r), what);
		return;
	}
	fprintf(r->diag, "%s: offset %llu: %s; record skipped\n", r->name,
		(unsigned long long)here(r), what);
	r->st.damaged++;
	r->pos += skip_len;
}

/* Make need bytes available at pos, unless the file ends first. */
static void fill(struct psf_smf_reader *r, size_t need)
{
	if (r->end - r->pos >= need || r->eof)
		return;
	memmove(r->buf, r->buf + r->pos, r->end - r->pos);
	r->base += r->pos;
	r->end -= r->pos;
	r->pos = 0;
	while (r->end < need && !r->eof) {
		ssize_t n = read(r->fd, r->buf + r->end, r->cap - r->end);

		if (n > 0) {
			r->end += (size_t)n;
		} else if (n == 0) {
			r->eof = true;
		} else if (errno != EINTR) {
			char what[128];

			snprintf(what, sizeof what, "read error: %s",
				 strerror(errno));
			r->eof = true;
			damage(r, what, 0);
		}
	}
}

/* Whether a record plausibly starts at pos, the reader looking for one
 * after an RDW that says nothing (resync): an RDW with segment descriptor
 * 00 00 whose length holds at least a record type (at least the fixed
 * section for type 80) and ends within the file, either exactly at the end
 * of the file or where the next RDW's segment descriptor is 00 00 too.
 * That last check keeps the scan from stopping inside a damaged record
 * (each type 80 record holds X'4040 0000 0000' at offset 90, an RDW of
 * 16448 bytes of type 0).  May refill the buffer, moving pos to 0. */
static bool plausible(struct psf_smf_reader *r)
{
	const uint8_t *p;
	size_t avail, len;

	fill(r, TYPE_END);
	avail = r->end - r->pos;
	if (r->stopped || avail < TYPE_END)
		return false;
	p = r->buf + r->pos;
	len = psf_get16(p + SMF80_LEN);
	if (psf_get16(p + SMF80_SEG) != 0 || len < TYPE_END ||
	    (p[SMF80_RTY] == SMF80_RECORD_TYPE && len < SMF80_FIXED_END))
		return false;
	fill(r, len + RDW_SIZE);
	avail = r->end - r->pos;
	if (r->stopped || avail < len)
		return false;
	p = r->buf + r->pos;
	/* fill() stops short of what is asked only at the end of the file */
	if (avail == len)
		return true;
	return avail >= len + RDW_SIZE && psf_get16(p + len + SMF80_SEG) == 0;
}

/* Damage that does not say where the next record starts, at the current
 * record: scan forward from the next byte for one that plausibly does and
 * go on there, or stop at the end of the file. */
static void resync(struct psf_smf_reader *r, const char *what)
{
	uint64_t at = here(r);

	for (;;) {
		r->pos++;       /* at least 4 bytes were there, or pos < end */
		if (plausible(r))
			break;
		if (r->stopped || r->end - r->pos < TYPE_END) {
			r->pos = r->end;
			damage_stop(r, at, what);
			return;
		}
	}
	fprintf(r->diag, "%s: offset %llu: %s; %llu bytes skipped to the next "
		"record at offset %llu\n", r->name, (unsigned long long)at, what,
		(unsigned long long)(here(r) - at), (unsigned long long)here(r));
	r->st.damaged++;
}

/* What the RDW at pos describes: its length, or 0 after reporting why
 * the file cannot be walked further, or after moving to the next
 * plausible record. */
static size_t frame(struct psf_smf_reader *r)
{
	char what[160];
	size_t avail, len;

	fill(r, RDW_SIZE);
	avail = r->end - r->pos;
	if (r->stopped || avail == 0)
		return 0;
	if (avail < RDW_SIZE) {
		snprintf(what, sizeof what, "%zu bytes at the end of the file are "
			 "too short for an RDW (4 bytes)", avail);
		damage(r, what, 0);
		return 0;
	}
	len = psf_get16(r->buf + r->pos + SMF80_LEN);
	if (len < RDW_SIZE) {
		snprintf(what, sizeof what, "RDW length %zu is less than the RDW "
			 "itself (4 bytes)", len);
		resync(r, what);
		return 0;
	}
	fill(r, len);
	avail = r->end - r->pos;
	if (r->stopped)
		return 0;
	if (avail < len) {
		snprintf(what, sizeof what, "record length %zu runs past the end "
			 "of the file (%zu bytes left)", len, avail);
		resync(r, what);
		return 0;
	}
	return len;
}

/* One framed record: 1 when rec holds an access record, 0 when skipped. */
static int take(struct psf_smf_reader *r, size_t len, struct psf_smf80_rec *rec)
{
	const uint8_t *p = r->buf + r->pos;
	uint16_t seg = psf_get16(p + SMF80_SEG);
	char what[256], why[200];

	if (seg != 0) {
		snprintf(what, sizeof what, "segment descriptor X'%04X' marks a "
			 "segment of a spanned record, which portsaf does not "
			 "read", seg);
		damage(r, what, len);
		return 0;
	}
	if (len < TYPE_END) {
		snprintf(what, sizeof what, "record of %zu bytes is too short to "
			 "hold a record type", len);
		damage(r, what, len);
		return 0;
	}
	if (p[SMF80_RTY] != SMF80_RECORD_TYPE) {
		r->st.other_types++;
		r->st.by_type[p[SMF80_RTY]]++;
		r->pos += len;
		return 0;
	}
	if (psf_smf80_decode(p, len, rec, why, sizeof why) < 0) {
		damage(r, why, len);
		return 0;
	}
	if (rec->event != SMF80_EVENT_ACCESS) {
		r->st.other_events++;
		r->pos += len;
		return 0;
	}
	rec->offset = here(r);
	r->st.records++;
	r->st.unknown_relocs += rec->unknown_relocs;
	r->st.extended_relocs += rec->extended_relocs;
	r->pos += len;
	return 1;
}

int psf_smf_reader_next(struct psf_smf_reader *r, struct psf_smf80_rec *rec)
{
	for (;;) {
		size_t len = frame(r);

		if (len == 0) {
			if (r->stopped || r->end == r->pos)
				return 0;
			continue;       /* resynchronised */
		}
		if (take(r, len, rec))
			return 1;
	}
}

static void type_counts(const struct psf_smf_reader *r)
{
	const char *sep = " (";

	fprintf(r->diag, "%s: %llu record%s of other SMF types skipped", r->name,
		(unsigned long long)r->st.other_types,
		r->st.other_types == 1 ? "" : "s");
	for (unsigned t = 0; t < 256; t++) {
		if (!r->st.by_type[t])
			continue;
		fprintf(r->diag, "%stype %u: %u", sep, t, r->st.by_type[t]);
		sep = ", ";
	}
	fputs(")\n", r->diag);
}

static void count_line(const struct psf_smf_reader *r, uint64_t n,
		       const char *one, const char *many)
{
	if (n)
		fprintf(r->diag, "%s: %llu %s skipped\n", r->name,
			(unsigned long long)n, n == 1 ? one : many);
}

void psf_smf_reader_summary(const struct psf_smf_reader *r)
{
	if (r->st.other_types)
		type_counts(r);
	count_line(r, r->st.other_events,
		   "type 80 record of an event other than resource access (2)",
		   "type 80 records of events other than resource access (2)");
	count_line(r, r->st.unknown_relocs,
		   "relocate section of a type portsaf does not read",
		   "relocate sections of types portsaf does not read");
	count_line(r, r->st.extended_relocs, "extended relocate section",
		   "extended relocate sections");
}
