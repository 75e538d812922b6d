/*
 * The formatters' text builder: appends into a fixed buffer and remembers
 * an overflow instead of writing past the end, so a formatter can build
 * its whole text and check once.  Async-signal-safe (no stdio, no locale).
 */
#include <string.h>
#include "audit.h"
#include "ipaddr.h"

void psf_buf_init(struct psf_buf *b, char *p, size_t cap)
{
	b->p = p;
	b->cap = cap ? cap - 1 : 0;
	b->len = 0;
	b->overflow = cap == 0;
}

size_t psf_buf_finish(struct psf_buf *b)
{
	if (b->overflow)
		return 0;
	b->p[b->len] = '\0';
	return b->len;
}

void psf_buf_strn(struct psf_buf *b, const char *s, size_t n)
{
	if (b->overflow || n > b->cap - b->len) {
		b->overflow = true;
		return;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

void psf_buf_str(struct psf_buf *b, const char *s)
{
	psf_buf_strn(b, s, strlen(s));
}

void psf_buf_char(struct psf_buf *b, char c)
{
	psf_buf_strn(b, &c, 1);
}

/* Left-justified in width columns, blank-padded; never cut, because a
 * message must not lose part of a name. */
void psf_buf_pad(struct psf_buf *b, const char *s, size_t width)
{
	size_t n = strlen(s);

	psf_buf_strn(b, s, n);
	for (; n < width; n++)
		psf_buf_char(b, ' ');
}

void psf_buf_uint(struct psf_buf *b, uint64_t v)
{
	char digits[20];
	size_t n = 0;

	do {
		digits[sizeof digits - ++n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	psf_buf_strn(b, digits + sizeof digits - n, n);
}

void psf_buf_int(struct psf_buf *b, int64_t v)
{
	if (v < 0) {
		psf_buf_char(b, '-');
		psf_buf_uint(b, (uint64_t)0 - (uint64_t)v);
	} else {
		psf_buf_uint(b, (uint64_t)v);
	}
}

void psf_buf_ipaddr(struct psf_buf *b, const struct psf_ipaddr *a)
{
	char text[PSF_IPADDR_TEXT_MAX];
	size_t n = psf_ipaddr_format(a, text, sizeof text);

	psf_buf_strn(b, text, n);
}
