/*
 * smf_lines: one line per SMF type 80 record of the files named, for the
 * integration tests to count and grep without depending on `portsaf smf
 * print`:  "EVQ=q JOB=jobname USER=user LOGSTR=..."  A file that does not
 * end on a record boundary is reported and exits 1 (torn records are a
 * failure the stress test must catch).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* EBCDIC 1047 for the characters portsaf's records contain. */
static char from_ebcdic(uint8_t c)
{
	static const char *const rows[16] = {
		[4] = " ...........<(+|",
		[5] = "&.........!$*);^",
		[6] = "-/.........,%_>?",
		[7] = ".........`:#@'=\"",
		[8] = ".abcdefghi......",
		[9] = ".jklmnopqr......",
		[10] = ".~stuvwxyz...[..",
		[12] = "{ABCDEFGHI......",
		[13] = "}JKLMNOPQR......",
		[14] = "\\.STUVWXYZ......",
		[15] = "0123456789......",
	};
	const char *row = rows[c >> 4];

	return row ? row[c & 15] : '.';
}

static void field(const uint8_t *p, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = from_ebcdic(p[i]);
	while (i > 0 && out[i - 1] == ' ')
		i--;
	out[i] = '\0';
}

/* Walk the relocate sections (smf80.md section 3) for type 34. */
static void logstr(const uint8_t *r, size_t len, char *out)
{
	size_t off = 4 + (size_t)(r[38] << 8 | r[39]);
	unsigned cnt = (unsigned)(r[40] << 8 | r[41]);

	out[0] = '\0';
	for (unsigned i = 0; i < cnt && off + 2 <= len; i++) {
		uint8_t type = r[off], l = r[off + 1];

		if (off + 2 + l > len)
			return;
		if (type == 34)
			field(r + off + 2, l, out);
		off += 2 + (size_t)l;
	}
}

static int dump(const char *path)
{
	static uint8_t r[65536];
	FILE *f = fopen(path, "rb");
	char job[9], user[9], ls[300];
	long at = 0;

	if (!f) {
		perror(path);
		return 1;
	}
	while (fread(r, 1, 4, f) == 4) {
		size_t len = (size_t)(r[0] << 8 | r[1]);

		if (len < 98 || fread(r + 4, 1, len - 4, f) != len - 4 || r[5] != 80) {
			fprintf(stderr, "%s: bad record at offset %ld\n", path, at);
			fclose(f);
			return 1;
		}
		field(r + 54, 8, job);
		field(r + 22, 8, user);
		logstr(r, len, ls);
		printf("EVQ=%u JOB=%s USER=%s LOGSTR=%s\n", r[21], job, user, ls);
		at += (long)len;
	}
	if (!feof(f) || ftell(f) != at) {
		fprintf(stderr, "%s: trailing bytes at offset %ld\n", path, at);
		fclose(f);
		return 1;
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	int rc = 0;

	for (int i = 1; i < argc; i++)
		rc |= dump(argv[i]);
	return rc;
}
