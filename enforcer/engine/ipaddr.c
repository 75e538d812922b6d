/* IP address parsing, prefix arithmetic and sockaddr decoding. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include "ipaddr.h"

static unsigned family_bits(uint8_t family)
{
	return family == 4 ? 32 : family == 6 ? 128 : 0;
}

static bool is_v4_mapped(const uint8_t b[16])
{
	static const uint8_t prefix[12] = {
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff
	};
	return memcmp(b, prefix, sizeof prefix) == 0;
}

/* Spec 6: ::ffff:a.b.c.d is matched as IPv4 everywhere, so it is stored as
 * IPv4 from the start. */
static void set_v6(struct psf_ipaddr *out, const uint8_t b[16])
{
	memset(out, 0, sizeof *out);
	if (is_v4_mapped(b)) {
		out->family = 4;
		memcpy(out->b, b + 12, 4);
	} else {
		out->family = 6;
		memcpy(out->b, b, 16);
	}
}

static void set_v4(struct psf_ipaddr *out, const uint8_t b[4])
{
	memset(out, 0, sizeof *out);
	out->family = 4;
	memcpy(out->b, b, 4);
}

int psf_ipaddr_parse(const char *s, struct psf_ipaddr *out)
{
	uint8_t b[16];

	if (!s)
		return -EINVAL;
	if (inet_pton(AF_INET, s, b) == 1) {
		set_v4(out, b);
		return 0;
	}
	if (inet_pton(AF_INET6, s, b) == 1) {
		set_v6(out, b);
		return 0;
	}
	return -EINVAL;
}

bool psf_ipaddr_in_prefix(const struct psf_ipaddr *a,
			  const struct psf_ipaddr *net, unsigned prefix)
{
	unsigned bits = family_bits(net->family);

	if (a->family != net->family || bits == 0)
		return false;
	if (prefix > bits)
		prefix = bits;
	unsigned whole = prefix / 8, rest = prefix % 8;
	if (memcmp(a->b, net->b, whole) != 0)
		return false;
	if (rest == 0)
		return true;
	uint8_t m = (uint8_t)(0xff << (8 - rest));
	return (a->b[whole] & m) == (net->b[whole] & m);
}

void psf_ipaddr_mask(struct psf_ipaddr *a, unsigned prefix)
{
	unsigned bits = family_bits(a->family);

	if (prefix >= bits)
		return;
	unsigned whole = prefix / 8, rest = prefix % 8;
	if (rest) {
		a->b[whole] &= (uint8_t)(0xff << (8 - rest));
		whole++;
	}
	memset(a->b + whole, 0, bits / 8 - whole);
}

int psf_ipaddr_mask_to_prefix(const struct psf_ipaddr *mask)
{
	unsigned bytes = family_bits(mask->family) / 8;
	unsigned prefix = 0, i = 0;

	if (bytes == 0)
		return -1;
	for (; i < bytes && mask->b[i] == 0xff; i++)
		prefix += 8;
	if (i < bytes) {
		uint8_t v = mask->b[i++];
		while (v & 0x80) {
			prefix++;
			v = (uint8_t)(v << 1);
		}
		if (v != 0)
			return -1;
	}
	for (; i < bytes; i++)
		if (mask->b[i] != 0)
			return -1;
	return (int)prefix;
}

bool psf_ipaddr_is_any(const struct psf_ipaddr *a)
{
	unsigned bytes = family_bits(a->family) / 8;

	if (bytes == 0)
		return false;
	for (unsigned i = 0; i < bytes; i++)
		if (a->b[i] != 0)
			return false;
	return true;
}

int psf_ipaddr_from_sockaddr(const struct sockaddr *sa, socklen_t len,
			     struct psf_ipaddr *out, uint16_t *port)
{
	sa_family_t fam;
	uint16_t nport;

	if (!sa || len < (socklen_t)sizeof fam)
		return -EINVAL;
	/* memcpy: the caller's buffer need not be aligned for the struct. */
	memcpy(&fam, &sa->sa_family, sizeof fam);
	if (fam == AF_INET) {
		struct sockaddr_in in;

		if (len < (socklen_t)sizeof in)
			return -EINVAL;
		memcpy(&in, sa, sizeof in);
		set_v4(out, (const uint8_t *)&in.sin_addr);
		nport = in.sin_port;
	} else if (fam == AF_INET6) {
		struct sockaddr_in6 in6;

		/* Linux accepts the RFC 2133 length, without sin6_scope_id. */
		if (len < (socklen_t)offsetof(struct sockaddr_in6, sin6_scope_id))
			return -EINVAL;
		memset(&in6, 0, sizeof in6);
		memcpy(&in6, sa, len < sizeof in6 ? len : sizeof in6);
		set_v6(out, in6.sin6_addr.s6_addr);
		nport = in6.sin6_port;
	} else {
		return -EAFNOSUPPORT;
	}
	if (port)
		*port = ntohs(nport);
	return 0;
}

/* Small appender so that formatting needs neither snprintf nor locale. */
struct text {
	char *buf;
	size_t size, len;
};

static void put_char(struct text *t, char c)
{
	if (t->len + 1 < t->size)
		t->buf[t->len] = c;
	t->len++;
}

static void put_dec(struct text *t, unsigned v)
{
	char d[3];
	int n = 0;

	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v && n < 3);
	while (n)
		put_char(t, d[--n]);
}

static void put_hex(struct text *t, unsigned v)
{
	static const char hex[] = "0123456789abcdef";
	bool started = false;

	for (int shift = 12; shift >= 0; shift -= 4) {
		unsigned nib = (v >> shift) & 0xf;
		if (nib || started || shift == 0) {
			put_char(t, hex[nib]);
			started = true;
		}
	}
}

/* RFC 5952 4.2: the longest run of two or more zero groups, the first one
 * when runs tie. */
static void longest_zero_run(const uint16_t g[8], int *start, int *len)
{
	*start = -1;
	*len = 0;
	for (int i = 0; i < 8;) {
		int j = i;
		while (j < 8 && g[j] == 0)
			j++;
		if (j - i > *len && j - i >= 2) {
			*start = i;
			*len = j - i;
		}
		i = j > i ? j : i + 1;
	}
}

static void format_v6(struct text *t, const uint8_t b[16])
{
	uint16_t g[8];
	int zs, zl;

	for (int i = 0; i < 8; i++)
		g[i] = (uint16_t)(b[2 * i] << 8 | b[2 * i + 1]);
	longest_zero_run(g, &zs, &zl);
	for (int i = 0; i < 8; i++) {
		if (i == zs) {
			put_char(t, ':');
			if (i == 0)
				put_char(t, ':');
			i += zl - 1;
			continue;
		}
		put_hex(t, g[i]);
		if (i < 7)
			put_char(t, ':');
	}
}

size_t psf_ipaddr_format(const struct psf_ipaddr *a, char *buf, size_t size)
{
	struct text t = { buf, size, 0 };

	if (a->family == 4) {
		for (int i = 0; i < 4; i++) {
			put_dec(&t, a->b[i]);
			if (i < 3)
				put_char(&t, '.');
		}
	} else if (a->family == 6) {
		format_v6(&t, a->b);
	}
	if (size)
		buf[t.len < size ? t.len : size - 1] = '\0';
	return t.len;
}
