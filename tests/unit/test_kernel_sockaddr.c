/* kernel_sockaddr.c: the address of a bind, connect or UDP send as the
 * Linux kernel reads it, for each kind of socket; and BIND ipaddr's
 * rewrite of a bind address. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "ipaddr.h"
#include "kernel_sockaddr.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The socket: domain, protocol, and its IPV6_V6ONLY as the kernel has
 * it (NOFD: no descriptor given, read as dual-stack). */
enum v6only { NOFD, DUAL, V6ONLY };
#define TCP4 AF_INET, PSF_TCP, NOFD
#define UDP4 AF_INET, PSF_UDP, NOFD
#define TCP6 AF_INET6, PSF_TCP, NOFD
#define UDP6 AF_INET6, PSF_UDP, NOFD
#define UDP6_DUAL AF_INET6, PSF_UDP, DUAL
#define UDP6_ONLY AF_INET6, PSF_UDP, V6ONLY

/* The address: a sockaddr_in (IN4) or sockaddr_in6 (IN6) layout with any
 * family in it, or none at all (NOADDR: sa NULL). */
enum layout { NOADDR, IN4, IN6 };
#define SA4(fam, ip, port) IN4, fam, ip, port
#define SA6(fam, ip, port) IN6, fam, ip, port
#define NULLSA NOADDR, 0, NULL, 0

/* What comes back. */
#define OK(ip, port) 1, ip, port
#define NONE 0, NULL, 0
#define ERR(e) -(e), NULL, 0

#define L4 sizeof(struct sockaddr_in)
#define L6 sizeof(struct sockaddr_in6)

static const struct row {
	const char *what;
	int domain;
	enum psf_proto proto;
	enum v6only v6;
	enum psf_addr_use use;
	enum layout layout;
	int family;
	const char *ip;
	uint16_t port;
	size_t len;
	int rc;
	const char *want;       /* psf_ipaddr text */
	uint16_t want_port;
} rows[] = {
	/* bind: __inet_bind, __inet6_bind */
	{ "v4 bind", TCP4, PSF_ADDR_BIND, SA4(AF_INET, "10.1.2.3", 80), L4,
	  OK("10.1.2.3", 80) },
	{ "v4 bind any, port 0", UDP4, PSF_ADDR_BIND, SA4(AF_INET, "0.0.0.0", 0),
	  L4, OK("0.0.0.0", 0) },
	{ "v4 bind longer than sockaddr_in", TCP4, PSF_ADDR_BIND,
	  SA4(AF_INET, "10.1.2.3", 80), 128, OK("10.1.2.3", 80) },
	{ "v4 bind AF_UNSPEC INADDR_ANY (old programs)", TCP4, PSF_ADDR_BIND,
	  SA4(AF_UNSPEC, "0.0.0.0", 5000), L4, OK("0.0.0.0", 5000) },
	{ "v4 bind AF_UNSPEC UDP", UDP4, PSF_ADDR_BIND,
	  SA4(AF_UNSPEC, "0.0.0.0", 53), L4, OK("0.0.0.0", 53) },
	{ "v4 bind AF_UNSPEC not INADDR_ANY", TCP4, PSF_ADDR_BIND,
	  SA4(AF_UNSPEC, "127.0.0.1", 5000), L4, ERR(EAFNOSUPPORT) },
	{ "v4 bind short", TCP4, PSF_ADDR_BIND, SA4(AF_INET, "10.1.2.3", 80),
	  L4 - 1, ERR(EINVAL) },
	{ "v4 bind short beats family", TCP4, PSF_ADDR_BIND,
	  SA4(AF_UNSPEC, "127.0.0.1", 80), 8, ERR(EINVAL) },
	{ "v4 bind length 0", TCP4, PSF_ADDR_BIND, SA4(AF_INET, "10.1.2.3", 80),
	  0, ERR(EINVAL) },
	{ "v4 bind AF_INET6", UDP4, PSF_ADDR_BIND, SA6(AF_INET6, "::1", 80), L6,
	  ERR(EAFNOSUPPORT) },
	{ "v4 bind no address", TCP4, PSF_ADDR_BIND, NULLSA, 0, ERR(EINVAL) },
	{ "v4 bind longer than sockaddr_storage", TCP4, PSF_ADDR_BIND,
	  SA4(AF_INET, "10.1.2.3", 80), sizeof(struct sockaddr_storage) + 1,
	  ERR(EINVAL) },
	{ "v6 bind", TCP6, PSF_ADDR_BIND, SA6(AF_INET6, "2001:db8::1", 443), L6,
	  OK("2001:db8::1", 443) },
	{ "v6 bind RFC 2133 length", UDP6, PSF_ADDR_BIND,
	  SA6(AF_INET6, "::1", 53), 24, OK("::1", 53) },
	{ "v6 bind below RFC 2133 length", TCP6, PSF_ADDR_BIND,
	  SA6(AF_INET6, "::1", 53), 23, ERR(EINVAL) },
	{ "v6 bind mapped is IPv4 (spec 6)", TCP6, PSF_ADDR_BIND,
	  SA6(AF_INET6, "::ffff:10.1.2.3", 21), L6, OK("10.1.2.3", 21) },
	{ "v6 bind any", TCP6, PSF_ADDR_BIND, SA6(AF_INET6, "::", 0), L6,
	  OK("::", 0) },
	{ "v6 bind AF_INET short", TCP6, PSF_ADDR_BIND,
	  SA4(AF_INET, "127.0.0.1", 80), L4, ERR(EINVAL) },
	{ "v6 bind AF_INET", UDP6, PSF_ADDR_BIND, SA4(AF_INET, "127.0.0.1", 80),
	  L6, ERR(EAFNOSUPPORT) },
	{ "v6 bind AF_UNSPEC", TCP6, PSF_ADDR_BIND, SA6(AF_UNSPEC, "::", 80), L6,
	  ERR(EAFNOSUPPORT) },

	/* connect: inet_stream_connect, inet_dgram_connect, tcp_v4_connect,
	 * tcp_v6_connect, __ip4_datagram_connect, __ip6_datagram_connect */
	{ "v4 connect", TCP4, PSF_ADDR_CONNECT, SA4(AF_INET, "10.0.0.1", 443),
	  L4, OK("10.0.0.1", 443) },
	{ "v4 connect port 0", UDP4, PSF_ADDR_CONNECT,
	  SA4(AF_INET, "127.0.0.1", 0), L4, OK("127.0.0.1", 0) },
	{ "v4 connect AF_UNSPEC disconnects", TCP4, PSF_ADDR_CONNECT,
	  SA4(AF_UNSPEC, "10.0.0.1", 443), L4, NONE },
	{ "v4 connect AF_UNSPEC, family only", UDP4, PSF_ADDR_CONNECT,
	  SA4(AF_UNSPEC, "0.0.0.0", 0), 2, NONE },
	{ "v4 connect shorter than a family", UDP4, PSF_ADDR_CONNECT,
	  SA4(AF_INET, "10.0.0.1", 80), 1, ERR(EINVAL) },
	{ "v4 connect short", TCP4, PSF_ADDR_CONNECT,
	  SA4(AF_INET, "10.0.0.1", 80), 8, ERR(EINVAL) },
	{ "v4 connect AF_INET6", TCP4, PSF_ADDR_CONNECT,
	  SA6(AF_INET6, "::1", 80), L6, ERR(EAFNOSUPPORT) },
	{ "v4 connect no address", UDP4, PSF_ADDR_CONNECT, NULLSA, 0,
	  ERR(EINVAL) },
	{ "v6 connect", TCP6, PSF_ADDR_CONNECT,
	  SA6(AF_INET6, "2001:db8::1", 443), L6, OK("2001:db8::1", 443) },
	{ "v6 connect mapped is IPv4", TCP6, PSF_ADDR_CONNECT,
	  SA6(AF_INET6, "::ffff:127.0.0.2", 9), L6, OK("127.0.0.2", 9) },
	{ "v6 connect AF_UNSPEC disconnects", UDP6, PSF_ADDR_CONNECT,
	  SA6(AF_UNSPEC, "::1", 9), L6, NONE },
	{ "v6 connect short", TCP6, PSF_ADDR_CONNECT, SA6(AF_INET6, "::1", 9),
	  23, ERR(EINVAL) },
	{ "v6 TCP connect AF_INET short", TCP6, PSF_ADDR_CONNECT,
	  SA4(AF_INET, "127.0.0.1", 9), L4, ERR(EINVAL) },
	{ "v6 TCP connect AF_INET", TCP6, PSF_ADDR_CONNECT,
	  SA4(AF_INET, "127.0.0.1", 9), L6, ERR(EAFNOSUPPORT) },
	{ "v6 UDP connect AF_INET", UDP6, PSF_ADDR_CONNECT,
	  SA4(AF_INET, "127.0.0.2", 9), L4, OK("127.0.0.2", 9) },
	{ "v6 UDP connect AF_INET, dual-stack", UDP6_DUAL, PSF_ADDR_CONNECT,
	  SA4(AF_INET, "127.0.0.2", 9), L4, OK("127.0.0.2", 9) },
	{ "v6 UDP connect AF_INET, v6-only", UDP6_ONLY, PSF_ADDR_CONNECT,
	  SA4(AF_INET, "127.0.0.2", 9), L4, ERR(EAFNOSUPPORT) },
	{ "v6 UDP connect AF_INET short", UDP6, PSF_ADDR_CONNECT,
	  SA4(AF_INET, "127.0.0.2", 9), 8, ERR(EINVAL) },
	{ "v6 UDP connect AF_INET6, v6-only", UDP6_ONLY, PSF_ADDR_CONNECT,
	  SA6(AF_INET6, "::1", 9), L6, OK("::1", 9) },

	/* UDP send: udp_sendmsg, udpv6_sendmsg */
	{ "v4 send", UDP4, PSF_ADDR_SEND, SA4(AF_INET, "127.0.0.2", 9), L4,
	  OK("127.0.0.2", 9) },
	{ "v4 send AF_UNSPEC is AF_INET", UDP4, PSF_ADDR_SEND,
	  SA4(AF_UNSPEC, "127.0.0.2", 9), L4, OK("127.0.0.2", 9) },
	{ "v4 send port 0", UDP4, PSF_ADDR_SEND, SA4(AF_INET, "127.0.0.2", 0),
	  L4, ERR(EINVAL) },
	{ "v4 send short", UDP4, PSF_ADDR_SEND, SA4(AF_INET, "127.0.0.2", 9),
	  L4 - 1, ERR(EINVAL) },
	{ "v4 send length 0", UDP4, PSF_ADDR_SEND, SA4(AF_INET, "127.0.0.2", 9),
	  0, ERR(EINVAL) },
	{ "v4 send AF_INET6", UDP4, PSF_ADDR_SEND, SA6(AF_INET6, "::1", 9), L6,
	  ERR(EAFNOSUPPORT) },
	{ "v4 send no address", UDP4, PSF_ADDR_SEND, NULLSA, 0, NONE },
	{ "v6 send", UDP6, PSF_ADDR_SEND, SA6(AF_INET6, "::1", 9), L6,
	  OK("::1", 9) },
	{ "v6 send RFC 2133 length", UDP6, PSF_ADDR_SEND,
	  SA6(AF_INET6, "2001:db8::2", 9), 24, OK("2001:db8::2", 9) },
	{ "v6 send short", UDP6, PSF_ADDR_SEND, SA6(AF_INET6, "::1", 9), 23,
	  ERR(EINVAL) },
	{ "v6 send port 0", UDP6, PSF_ADDR_SEND, SA6(AF_INET6, "::1", 0), L6,
	  ERR(EINVAL) },
	{ "v6 send mapped is IPv4", UDP6, PSF_ADDR_SEND,
	  SA6(AF_INET6, "::ffff:127.0.0.2", 9), L6, OK("127.0.0.2", 9) },
	{ "v6 send AF_INET goes over IPv4", UDP6, PSF_ADDR_SEND,
	  SA4(AF_INET, "127.0.0.2", 9), L4, OK("127.0.0.2", 9) },
	{ "v6 send AF_INET, dual-stack", UDP6_DUAL, PSF_ADDR_SEND,
	  SA4(AF_INET, "127.0.0.2", 9), L4, OK("127.0.0.2", 9) },
	{ "v6 send AF_INET, v6-only", UDP6_ONLY, PSF_ADDR_SEND,
	  SA4(AF_INET, "127.0.0.2", 9), L4, ERR(ENETUNREACH) },
	{ "v6 send AF_INET port 0", UDP6, PSF_ADDR_SEND,
	  SA4(AF_INET, "127.0.0.2", 0), L4, ERR(EINVAL) },
	{ "v6 send AF_INET short", UDP6, PSF_ADDR_SEND,
	  SA4(AF_INET, "127.0.0.2", 9), 8, ERR(EINVAL) },
	{ "v6 send AF_UNSPEC: no destination", UDP6, PSF_ADDR_SEND,
	  SA6(AF_UNSPEC, "::1", 9), L6, NONE },
	{ "v6 send other family", UDP6, PSF_ADDR_SEND, SA6(AF_UNIX, "::1", 9),
	  L6, ERR(EINVAL) },
	{ "v6 send shorter than a family", UDP6, PSF_ADDR_SEND,
	  SA6(AF_INET6, "::1", 9), 1, ERR(EINVAL) },
	{ "v6 send no address", UDP6, PSF_ADDR_SEND, NULLSA, 0, NONE },
};

/* Descriptors for the rows that name one: an AF_INET6 UDP socket with
 * IPV6_V6ONLY off and one with it on; -1 without IPv6. */
static int fds[3] = { -1, -1, -1 };

static int v6_socket(int on)
{
	int fd = socket(AF_INET6, SOCK_DGRAM, 0);

	if (fd >= 0 &&
	    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static int setup(void **state)
{
	(void)state;
	fds[DUAL] = v6_socket(0);
	fds[V6ONLY] = v6_socket(1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(fds); i++)
		if (fds[i] >= 0)
			close(fds[i]);
	return 0;
}

/* The row's address in buf, laid out as the row says. */
static void fill(const struct row *r, unsigned char *buf, size_t size)
{
	memset(buf, 0xa5, size);        /* trailing bytes are never read */
	if (r->layout == IN4) {
		struct sockaddr_in in = { .sin_port = htons(r->port) };

		in.sin_family = (sa_family_t)r->family;
		assert_int_equal(inet_pton(AF_INET, r->ip, &in.sin_addr), 1);
		memcpy(buf, &in, sizeof in);
	} else {
		struct sockaddr_in6 in6 = { .sin6_port = htons(r->port) };

		in6.sin6_family = (sa_family_t)r->family;
		assert_int_equal(inet_pton(AF_INET6, r->ip, &in6.sin6_addr), 1);
		memcpy(buf, &in6, sizeof in6);
	}
}

static const char *text(const struct psf_ipaddr *a)
{
	static char buf[PSF_IPADDR_TEXT_MAX];

	psf_ipaddr_format(a, buf, sizeof buf);
	return buf;
}

static void test_read(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(rows); i++) {
		const struct row *r = &rows[i];
		struct psf_addr_sock s = { r->domain, r->proto, fds[r->v6] };
		/* Room for every length a row gives, read or not. */
		unsigned char buf[sizeof(struct sockaddr_storage) + 8];
		struct psf_endpoint e = { .port = 0 };
		int rc;

		print_message("%s\n", r->what);
		if (r->v6 != NOFD && s.fd < 0) {
			print_message("  skipped: no IPv6 socket\n");
			continue;
		}
		if (r->layout != NOADDR)
			fill(r, buf, sizeof buf);
		errno = 12345;
		rc = psf_kernel_sockaddr(&s, r->use,
					 r->layout == NOADDR ? NULL : buf,
					 r->len, &e);
		assert_int_equal(errno, 12345);
		assert_int_equal(rc, r->rc);
		if (rc != 1)
			continue;
		assert_string_equal(text(&e.addr), r->want);
		assert_int_equal(e.port, r->want_port);
	}
}

/* ---- BIND ipaddr ---------------------------------------------------- */

static const struct set_row {
	const char *what;
	int domain;
	enum layout layout;
	int family;
	const char *ip;
	uint16_t port;
	size_t len;
	const char *a;          /* BIND ipaddr */
	bool ok;
	const char *want;       /* the bind address read back */
} set_rows[] = {
	{ "v4", AF_INET, SA4(AF_INET, "0.0.0.0", 5000), L4, "10.1.2.3", true,
	  "10.1.2.3" },
	{ "v4 AF_UNSPEC becomes AF_INET", AF_INET,
	  SA4(AF_UNSPEC, "0.0.0.0", 5000), L4, "127.0.0.1", true,
	  "127.0.0.1" },
	{ "v4 socket, IPv6 address", AF_INET, SA4(AF_INET, "0.0.0.0", 5000), L4,
	  "2001:db8::1", false, NULL },
	{ "v4 short", AF_INET, SA4(AF_INET, "0.0.0.0", 5000), 8, "10.1.2.3",
	  false, NULL },
	{ "v6", AF_INET6, SA6(AF_INET6, "::", 5000), L6, "2001:db8::1", true,
	  "2001:db8::1" },
	{ "v6 IPv4 address is mapped", AF_INET6, SA6(AF_INET6, "::", 5000), L6,
	  "10.1.2.3", true, "10.1.2.3" },
	{ "v6 RFC 2133 length", AF_INET6, SA6(AF_INET6, "::", 5000), 24,
	  "::1", true, "::1" },
	{ "v6 short", AF_INET6, SA6(AF_INET6, "::", 5000), 23, "::1", false,
	  NULL },
};

static void test_set_ip(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(set_rows); i++) {
		const struct set_row *r = &set_rows[i];
		const struct row as_row = {
			.layout = r->layout, .family = r->family, .ip = r->ip,
			.port = r->port,
		};
		const struct psf_addr_sock s = { r->domain, PSF_TCP, -1 };
		unsigned char buf[sizeof(struct sockaddr_storage)];
		unsigned char before[sizeof buf];
		struct psf_ipaddr a;
		struct psf_endpoint e;

		print_message("%s\n", r->what);
		fill(&as_row, buf, sizeof buf);
		memcpy(before, buf, sizeof buf);
		assert_int_equal(psf_ipaddr_parse(r->a, &a), 0);
		assert_int_equal(psf_sockaddr_set_ip(buf, r->len, r->domain, &a),
				 r->ok);
		if (!r->ok) {
			assert_memory_equal(buf, before, sizeof buf);
			continue;
		}
		/* Nothing past the address's length is written. */
		assert_memory_equal(buf + r->len, before + r->len,
				    sizeof buf - r->len);
		assert_int_equal(psf_kernel_sockaddr(&s, PSF_ADDR_BIND, buf,
						     r->len, &e), 1);
		assert_string_equal(text(&e.addr), r->want);
		assert_int_equal(e.port, r->port);
		if (r->domain == AF_INET6)      /* flow info kept */
			assert_memory_equal(buf + 4, before + 4, 4);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_set_ip),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
