/*
 * standin_sas: the socket calls of a SAS 9.4 session on z/OS that serves
 * and makes TCP connections (SAS/CONNECT, SAS/SHARE), for rehearsing port
 * policies without the product (policies/sas).
 *
 *   standin_sas [-a ADDR] [-l LISTENERS] [-c CLIENTS]
 *
 * Environment, as SAS reads it:
 *   TCP_EPH_MAP_ENABLED=1  bind every "ephemeral" port explicitly inside
 *   TCP_EPH_MAP_FIRST..TCP_EPH_MAP_LAST; otherwise bind port 0 and let the
 *   stack choose.
 *
 * The session opens LISTENERS listening sockets (default 2), then CLIENTS
 * client sockets (default 2) that connect to them in turn.  Inside the
 * range a socket takes the next port, skipping ports in use; a refused
 * bind ends that socket (more ports would not help) and the next socket
 * starts after the refused port, so that a run where binds are refused
 * tries the same ports as a run where they are allowed.  A client whose
 * bind failed, or that has no listener to go to, does not connect.
 *
 * One line per call on stdout, "OP PROTO PORT RESULT" (RESULT is OK or the
 * errno name; PORT 0 is the stack's choice, and the port it chose follows).  Exits 0
 * once every call has been made, whatever their results; 2 on bad usage or
 * a bad TCP_EPH_MAP_* setting.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_SOCKETS 64

static struct sockaddr_storage addr;
static socklen_t addr_len;

struct eph_map {
	int enabled;
	unsigned next, last;
};

static void usage(void)
{
	fputs("usage: standin_sas [-a ADDR] [-l LISTENERS] [-c CLIENTS]\n"
	      "environment: TCP_EPH_MAP_ENABLED=1 TCP_EPH_MAP_FIRST=port "
	      "TCP_EPH_MAP_LAST=port\n", stderr);
	exit(2);
}

static unsigned number(const char *s, unsigned max)
{
	char *end;
	long v;

	if (!s)
		usage();
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 0 || v > (long)max)
		usage();
	return (unsigned)v;
}

static void parse_addr(const char *s)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)&addr;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&addr;

	memset(&addr, 0, sizeof addr);
	if (inet_pton(AF_INET, s, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		addr_len = sizeof *v4;
	} else if (inet_pton(AF_INET6, s, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		addr_len = sizeof *v6;
	} else {
		usage();
	}
}

static void set_port(unsigned port)
{
	if (addr.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&addr)->sin6_port = htons((uint16_t)port);
	else
		((struct sockaddr_in *)&addr)->sin_port = htons((uint16_t)port);
}

static unsigned local_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return 0;
	return ntohs(ss.ss_family == AF_INET6 ?
		     ((struct sockaddr_in6 *)&ss)->sin6_port :
		     ((struct sockaddr_in *)&ss)->sin_port);
}

/* fflush per line: one write(2) each, so that stand-ins appending to one
 * file never interleave within a line.  PORT is the port the session
 * named; 0, the stack's choice, the same in every run, is followed by the
 * port the stack chose. */
static void report(const char *op, unsigned port, int rc, unsigned chosen)
{
	int err = errno;

	if (rc < 0)
		printf("%s TCP %u %s\n", op, port, strerrorname_np(err));
	else if (!port)
		printf("%s TCP 0 OK %u\n", op, chosen);
	else
		printf("%s TCP %u OK\n", op, port);
	fflush(stdout);
}

static int try_bind(unsigned port)
{
	int one = 1, fd = socket(addr.ss_family, SOCK_STREAM, 0), rc, err;

	if (fd < 0) {
		perror("socket");
		exit(1);
	}
	/* Lets the rehearsal's second run rebind the ports that the first
	 * run's connections left in TIME_WAIT. */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	set_port(port);
	rc = bind(fd, (struct sockaddr *)&addr, addr_len);
	report("BIND", port, rc, rc < 0 ? 0 : local_port(fd));
	if (rc == 0)
		return fd;
	err = errno;
	close(fd);
	errno = err;
	return -1;
}

/* A socket bound the way SAS binds its ephemeral ports, or -1. */
static int eph_socket(struct eph_map *m)
{
	if (!m->enabled)
		return try_bind(0);
	while (m->next <= m->last) {
		int fd = try_bind(m->next++);

		if (fd >= 0 || errno != EADDRINUSE)
			return fd;
	}
	fputs("standin_sas: no free port left in TCP_EPH_MAP_FIRST..LAST\n",
	      stderr);
	return -1;
}

int main(int argc, char **argv)
{
	struct eph_map map = { 0 };
	const char *en = getenv("TCP_EPH_MAP_ENABLED");
	unsigned nlisten = 2, nclient = 2;
	/* The listeners: the port the session named (0: the stack's choice)
	 * and the port they are on. */
	unsigned named[MAX_SOCKETS], actual[MAX_SOCKETS];
	int fds[MAX_SOCKETS], nl = 0, nfds = 0, c;

	parse_addr("127.0.0.1");
	while ((c = getopt(argc, argv, "a:l:c:")) != -1) {
		switch (c) {
		case 'a': parse_addr(optarg); break;
		case 'l': nlisten = number(optarg, MAX_SOCKETS / 2); break;
		case 'c': nclient = number(optarg, MAX_SOCKETS / 2); break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	if (en && !strcmp(en, "1")) {
		map.enabled = 1;
		map.next = number(getenv("TCP_EPH_MAP_FIRST"), 65535);
		map.last = number(getenv("TCP_EPH_MAP_LAST"), 65535);
		if (!map.next || map.next > map.last)
			usage();
	}

	for (unsigned i = 0; i < nlisten; i++) {
		int fd = eph_socket(&map), rc;

		if (fd < 0)
			continue;
		actual[nl] = local_port(fd);
		named[nl] = map.enabled ? actual[nl] : 0;
		rc = listen(fd, 16);
		report("LISTEN", named[nl], rc, actual[nl]);
		if (rc < 0) {
			close(fd);
			continue;
		}
		fds[nfds++] = fd;
		nl++;
	}
	for (unsigned i = 0; i < nclient; i++) {
		int fd = eph_socket(&map), rc;
		unsigned to;

		if (fd < 0)
			continue;
		fds[nfds++] = fd;
		if (!nl)
			continue;
		to = i % (unsigned)nl;
		set_port(actual[to]);
		rc = connect(fd, (struct sockaddr *)&addr, addr_len);
		report("CONNECT", named[to], rc, actual[to]);
	}
	while (nfds > 0)
		close(fds[--nfds]);
	return 0;
}
