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
#include "standin.h"

#define MAX_SOCKETS 64

static struct endpoint addr;

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

static int try_bind(unsigned port)
{
	int fd = standin_socket_or_exit(&addr, SOCK_STREAM), rc;

	rc = bind(fd, standin_at_port(&addr, port), addr.len);
	standin_report_chosen("BIND", SOCK_STREAM, port, rc,
			      rc < 0 ? 0 : standin_local_port(fd));
	return rc == 0 ? fd : standin_discard(fd);
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

	standin_parse_addr(&addr, "127.0.0.1");
	while ((c = getopt(argc, argv, "a:l:c:")) != -1) {
		switch (c) {
		case 'a': standin_parse_addr(&addr, optarg); break;
		case 'l':
			nlisten = standin_number(optarg, MAX_SOCKETS / 2);
			break;
		case 'c':
			nclient = standin_number(optarg, MAX_SOCKETS / 2);
			break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	if (en && !strcmp(en, "1")) {
		map.enabled = 1;
		map.next = standin_port(getenv("TCP_EPH_MAP_FIRST"));
		map.last = standin_port(getenv("TCP_EPH_MAP_LAST"));
		if (!map.next || map.next > map.last)
			usage();
	}

	for (unsigned i = 0; i < nlisten; i++) {
		int fd = eph_socket(&map), rc;

		if (fd < 0)
			continue;
		actual[nl] = standin_local_port(fd);
		named[nl] = map.enabled ? actual[nl] : 0;
		rc = listen(fd, 16);
		standin_report_chosen("LISTEN", SOCK_STREAM, named[nl], rc,
				      actual[nl]);
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
		rc = connect(fd, standin_at_port(&addr, actual[to]), addr.len);
		standin_report_chosen("CONNECT", SOCK_STREAM, named[to], rc,
				      actual[to]);
	}
	while (nfds > 0)
		close(fds[--nfds]);
	return 0;
}
