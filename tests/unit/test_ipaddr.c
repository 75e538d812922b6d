/* ipaddr.c: parsing, prefixes, masks, sockaddr decoding, text form. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/un.h>
#include "ipaddr.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct psf_ipaddr ip(const char *s)
{
	struct psf_ipaddr a;

	assert_int_equal(psf_ipaddr_parse(s, &a), 0);
	return a;
}

static const char *text(const struct psf_ipaddr *a)
{
	static char buf[PSF_IPADDR_TEXT_MAX];

	psf_ipaddr_format(a, buf, sizeof buf);
	return buf;
}

/* ---- parse -------------------------------------------------------- */

static const struct {
	const char *spec, *in;
	int rc;
	uint8_t family;
	uint8_t b[16];
} parse_rows[] = {
	{ "2.2 BIND", "10.1.2.3", 0, 4, { 10, 1, 2, 3 } },
	{ "2.2 BIND", "255.255.255.255", 0, 4, { 255, 255, 255, 255 } },
	{ "2.2 wildcard", "0.0.0.0", 0, 4, { 0 } },
	{ "2.2 wildcard", "::", 0, 6, { 0 } },
	{ "6 IPv6", "::1", 0, 6, { [15] = 1 } },
	{ "6 IPv6", "2001:db8::1", 0, 6,
	  { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 } },
	{ "6 IPv6 upper", "2001:DB8:0:0:0:0:0:1", 0, 6,
	  { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 } },
	{ "6 mapped", "::ffff:10.1.2.3", 0, 4, { 10, 1, 2, 3 } },
	{ "6 mapped hex", "::FFFF:0A01:0203", 0, 4, { 10, 1, 2, 3 } },
	{ "6 compatible is not mapped", "::1.2.3.4", 0, 6,
	  { [12] = 1, 2, 3, 4 } },
	{ "6 short", "1.2.3", -EINVAL, 0, { 0 } },
	{ "6 octet", "256.1.1.1", -EINVAL, 0, { 0 } },
	{ "6 prefix", "10.0.0.0/8", -EINVAL, 0, { 0 } },
	{ "6 empty", "", -EINVAL, 0, { 0 } },
	{ "6 two ::", "2001:db8::1::2", -EINVAL, 0, { 0 } },
	{ "6 word", "HOST1", -EINVAL, 0, { 0 } },
	{ "6 zone index", "fe80::1%eth0", -EINVAL, 0, { 0 } },
};

static void test_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(parse_rows); i++) {
		struct psf_ipaddr a;
		int rc = psf_ipaddr_parse(parse_rows[i].in, &a);

		print_message("spec %s: %s\n", parse_rows[i].spec,
			      parse_rows[i].in);
		assert_int_equal(rc, parse_rows[i].rc);
		if (rc)
			continue;
		assert_int_equal(a.family, parse_rows[i].family);
		assert_memory_equal(a.b, parse_rows[i].b,
				    a.family == 4 ? 4 : 16);
	}
}

static void test_parse_null(void **state)
{
	struct psf_ipaddr a;

	(void)state;
	assert_int_equal(psf_ipaddr_parse(NULL, &a), -EINVAL);
}

/* ---- prefixes ----------------------------------------------------- */

static const struct {
	const char *spec, *addr, *net;
	unsigned prefix;
	bool in;
} prefix_rows[] = {
	{ "6 /8", "10.200.1.1", "10.0.0.0", 8, true },
	{ "6 /8 outside", "11.0.0.1", "10.0.0.0", 8, false },
	{ "6 /23 odd bits", "192.168.1.200", "192.168.0.0", 23, true },
	{ "6 /23 odd bits outside", "192.168.2.1", "192.168.0.0", 23, false },
	{ "6 /32 host", "192.168.113.19", "192.168.113.19", 32, true },
	{ "6 /32 other host", "192.168.113.20", "192.168.113.19", 32, false },
	{ "6 /0 all IPv4", "1.2.3.4", "0.0.0.0", 0, true },
	{ "6 prefix past width", "1.2.3.4", "1.2.3.4", 99, true },
	{ "6 IPv6 /32", "2001:db8:ffff::1", "2001:db8::", 32, true },
	{ "6 IPv6 /33 outside", "2001:db8:8000::1", "2001:db8::", 33, false },
	{ "6 family differs", "::1", "0.0.0.0", 0, false },
	{ "6 mapped matches IPv4", "::ffff:10.9.9.9", "10.0.0.0", 8, true },
};

static void test_in_prefix(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(prefix_rows); i++) {
		struct psf_ipaddr a = ip(prefix_rows[i].addr);
		struct psf_ipaddr n = ip(prefix_rows[i].net);

		print_message("spec %s\n", prefix_rows[i].spec);
		assert_int_equal(psf_ipaddr_in_prefix(&a, &n,
						      prefix_rows[i].prefix),
				 prefix_rows[i].in);
	}
}

static const struct {
	const char *spec, *addr;
	unsigned prefix;
	const char *want;
} mask_rows[] = {
	{ "6 host bits", "10.1.2.3", 8, "10.0.0.0" },
	{ "6 odd prefix", "192.168.1.255", 23, "192.168.0.0" },
	{ "6 /0", "192.168.1.255", 0, "0.0.0.0" },
	{ "6 /32 unchanged", "192.168.1.255", 32, "192.168.1.255" },
	{ "6 past width unchanged", "192.168.1.255", 40, "192.168.1.255" },
	{ "6 IPv6 /64", "2001:db8:1:2:3:4:5:6", 64, "2001:db8:1:2::" },
	{ "6 IPv6 /65", "2001:db8:1:2:ffff::", 65, "2001:db8:1:2:8000::" },
};

static void test_mask(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(mask_rows); i++) {
		struct psf_ipaddr a = ip(mask_rows[i].addr);

		print_message("spec %s\n", mask_rows[i].spec);
		psf_ipaddr_mask(&a, mask_rows[i].prefix);
		assert_string_equal(text(&a), mask_rows[i].want);
	}
}

static const struct {
	const char *spec, *mask;
	int prefix;
} m2p_rows[] = {
	{ "6 dotted /24", "255.255.255.0", 24 },
	{ "6 dotted /21", "255.255.248.0", 21 },
	{ "6 dotted /23", "255.255.254.0", 23 },
	{ "6 dotted /0", "0.0.0.0", 0 },
	{ "6 dotted /32", "255.255.255.255", 32 },
	{ "6 gap", "255.255.0.255", -1 },
	{ "6 gap in byte", "255.255.253.0", -1 },
	{ "6 leading zero bits", "0.255.255.255", -1 },
	{ "6 IPv6 /32", "ffff:ffff::", 32 },
};

static void test_mask_to_prefix(void **state)
{
	struct psf_ipaddr none;

	(void)state;
	for (size_t i = 0; i < N(m2p_rows); i++) {
		struct psf_ipaddr m = ip(m2p_rows[i].mask);

		print_message("spec %s\n", m2p_rows[i].spec);
		assert_int_equal(psf_ipaddr_mask_to_prefix(&m),
				 m2p_rows[i].prefix);
	}
	memset(&none, 0, sizeof none);
	assert_int_equal(psf_ipaddr_mask_to_prefix(&none), -1);
}

static const struct {
	const char *spec, *addr;
	bool any;
} any_rows[] = {
	{ "2.2 wildcard IPv4", "0.0.0.0", true },
	{ "2.2 wildcard IPv6", "::", true },
	{ "2.2 mapped wildcard", "::ffff:0.0.0.0", true },
	{ "2.2 specific", "10.0.0.1", false },
	{ "2.2 loopback", "::1", false },
};

static void test_is_any(void **state)
{
	struct psf_ipaddr none;

	(void)state;
	for (size_t i = 0; i < N(any_rows); i++) {
		struct psf_ipaddr a = ip(any_rows[i].addr);

		print_message("spec %s\n", any_rows[i].spec);
		assert_int_equal(psf_ipaddr_is_any(&a), any_rows[i].any);
	}
	memset(&none, 0, sizeof none);
	assert_false(psf_ipaddr_is_any(&none));
}

/* ---- sockaddr ----------------------------------------------------- */

enum sa_kind { SA_IN, SA_IN6, SA_UN };

static const struct {
	const char *spec;
	enum sa_kind kind;
	const char *addr;
	uint16_t port;
	socklen_t len;          /* 0: the full structure */
	int rc;
	const char *want;
} sa_rows[] = {
	{ "2.2 bind IPv4", SA_IN, "10.1.2.3", 8080, 0, 0, "10.1.2.3" },
	{ "2.2 bind IPv6", SA_IN6, "2001:db8::5", 443, 0, 0, "2001:db8::5" },
	{ "6 mapped peer", SA_IN6, "::ffff:192.0.2.7", 21, 0, 0, "192.0.2.7" },
	{ "2.2 RFC 2133 length", SA_IN6, "::1", 22, 24, 0, "::1" },
	{ "interface.md short IPv4", SA_IN, "10.1.2.3", 1, 15, -EINVAL, "" },
	{ "interface.md short IPv6", SA_IN6, "::1", 1, 23, -EINVAL, "" },
	{ "interface.md no family", SA_IN, "10.1.2.3", 1, 1, -EINVAL, "" },
	{ "interface.md AF_UNIX untouched", SA_UN, "", 0, 0, -EAFNOSUPPORT,
	  "" },
};

static socklen_t fill_sockaddr(size_t row, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof *ss);
	switch (sa_rows[row].kind) {
	case SA_IN: {
		struct sockaddr_in *in = (struct sockaddr_in *)ss;
		in->sin_family = AF_INET;
		in->sin_port = htons(sa_rows[row].port);
		inet_pton(AF_INET, sa_rows[row].addr, &in->sin_addr);
		return sizeof *in;
	}
	case SA_IN6: {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons(sa_rows[row].port);
		inet_pton(AF_INET6, sa_rows[row].addr, &in6->sin6_addr);
		return sizeof *in6;
	}
	case SA_UN:
		((struct sockaddr_un *)ss)->sun_family = AF_UNIX;
		return sizeof(struct sockaddr_un);
	}
	return 0;
}

static void test_from_sockaddr(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(sa_rows); i++) {
		struct sockaddr_storage ss;
		struct psf_ipaddr a;
		uint16_t port = 0;
		socklen_t len = fill_sockaddr(i, &ss);
		int rc;

		if (sa_rows[i].len)
			len = sa_rows[i].len;
		print_message("spec %s\n", sa_rows[i].spec);
		rc = psf_ipaddr_from_sockaddr((struct sockaddr *)&ss, len, &a,
					      &port);
		assert_int_equal(rc, sa_rows[i].rc);
		if (rc)
			continue;
		assert_string_equal(text(&a), sa_rows[i].want);
		assert_int_equal(port, sa_rows[i].port);
	}
}

static void test_from_sockaddr_null(void **state)
{
	struct psf_ipaddr a;
	struct sockaddr_in in = { .sin_family = AF_INET };

	(void)state;
	assert_int_equal(psf_ipaddr_from_sockaddr(NULL, 16, &a, NULL), -EINVAL);
	/* port is optional */
	assert_int_equal(psf_ipaddr_from_sockaddr((struct sockaddr *)&in,
						  sizeof in, &a, NULL), 0);
	assert_string_equal(text(&a), "0.0.0.0");
}

/* ---- text form ---------------------------------------------------- */

static const struct {
	const char *spec;
	uint8_t family;
	uint8_t b[16];
	const char *want;
} fmt_rows[] = {
	{ "8 LOGSTR IPv4", 4, { 192, 0, 2, 255 }, "192.0.2.255" },
	{ "8 LOGSTR IPv4 zero", 4, { 0 }, "0.0.0.0" },
	{ "8 RFC 5952 ::", 6, { 0 }, "::" },
	{ "8 RFC 5952 ::1", 6, { [15] = 1 }, "::1" },
	{ "8 RFC 5952 trailing", 6, { 0, 1 }, "1::" },
	{ "8 RFC 5952 first of equal runs", 6,
	  { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1 },
	  "2001:db8::1:0:0:1" },
	{ "8 RFC 5952 longest run", 6,
	  { 0x20, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 },
	  "2001:0:0:1::1" },
	{ "8 RFC 5952 single zero kept", 6,
	  { 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0 },
	  "1:0:2:0:3:0:4:0" },
	{ "8 RFC 5952 lower case, no leading zeros", 6,
	  { 0xfe, 0x80, [14] = 0x0a, 0xbc }, "fe80::abc" },
	{ "8 no family", 0, { 0 }, "" },
};

static void test_format(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(fmt_rows); i++) {
		struct psf_ipaddr a;

		memset(&a, 0, sizeof a);
		a.family = fmt_rows[i].family;
		memcpy(a.b, fmt_rows[i].b, 16);
		print_message("spec %s\n", fmt_rows[i].spec);
		assert_string_equal(text(&a), fmt_rows[i].want);
	}
}

static void test_format_truncates(void **state)
{
	struct psf_ipaddr a = ip("10.1.2.3");
	char buf[5];

	(void)state;
	assert_int_equal(psf_ipaddr_format(&a, buf, sizeof buf), 8);
	assert_string_equal(buf, "10.1");
	assert_int_equal(psf_ipaddr_format(&a, buf, 0), 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_null),
		cmocka_unit_test(test_in_prefix),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_mask_to_prefix),
		cmocka_unit_test(test_is_any),
		cmocka_unit_test(test_from_sockaddr),
		cmocka_unit_test(test_from_sockaddr_null),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_truncates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
