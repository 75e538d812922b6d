/*
 * standin_omegamon: the socket calls of an OMEGAMON (IBM Tivoli Monitoring)
 * hub TEMS with its agents in one address space, for rehearsing port
 * policies without the product (policies/omegamon).
 *
 *   standin_omegamon [-a ADDR] [--pipe PORT] [--udp PORT] [--agents N]
 *                    [--loopback-pool FIRST-LAST]
 *
 * TEMS: IP.PIPE listener on --pipe (KDE_TRANSPORT IP.PIPE PORT:1918),
 * IP.UDP socket on --udp (IP.UDP PORT:1918), a location-broker UDP socket
 * on the loopback device.  Each of the N agents then runs ITM's port
 * search: 1918 + n*4096 for n = 1..15, the next slot on EADDRINUSE, so
 * that agent k lands on the k-th slot while the earlier agents hold theirs;
 * the agent registers with the TEMS over the loopback device.  With
 * --loopback-pool (KDE_LOOPBACK_POOL=FIRST-LAST), every loopback socket is
 * bound explicitly to the next free port of the pool; without it the
 * stack assigns one (port 0).
 *
 * One line per call on stdout, "OP PROTO PORT RESULT" (RESULT is OK or the
 * errno name), so that a rehearsal can compare runs.  Exits 0 once every
 * call has been made, whatever their results; 2 on bad usage.
 */
#include <getopt.h>

#include "standin.h"

#define SLOT_STRIDE 4096        /* ITM's port mapping: PORT + n*4096 */
#define MAX_SLOTS 15

static void usage(void)
{
	fputs("usage: standin_omegamon [-a ADDR] [--pipe PORT] [--udp PORT] "
	      "[--agents N] [--loopback-pool FIRST-LAST]\n", stderr);
	exit(2);
}

/* A socket bound to e:port, or -1 with errno from bind. */
static int bound(int type, struct endpoint *e, unsigned port)
{
	/* SO_REUSEADDR on TCP, as ITM sets it */
	int fd = standin_socket_or_exit(e, type), rc;

	rc = bind(fd, standin_at_port(e, port), e->len);
	standin_report("BIND", type, port, rc);
	return rc == 0 ? fd : standin_discard(fd);
}

/* KDE_LOOPBACK_POOL: the next free port of the pool for each protocol;
 * a port in use is skipped, any other failure ends this socket's search
 * (more ports would not help) and the next socket starts after it. */
struct pool {
	unsigned first, last;
	unsigned next[2];               /* TCP, UDP */
};

static int pool_socket(struct pool *p, int type, struct endpoint *loop)
{
	unsigned *next = &p->next[type == SOCK_STREAM ? 0 : 1];

	if (!p->first)
		return bound(type, loop, 0);
	while (*next <= p->last) {
		int fd = bound(type, loop, (*next)++);

		if (fd >= 0 || errno != EADDRINUSE)
			return fd;
	}
	fprintf(stderr, "standin_omegamon: loopback pool %u-%u exhausted\n",
		p->first, p->last);
	return -1;
}

static int listening(int fd, unsigned port)
{
	return standin_report("LISTEN", SOCK_STREAM, port, listen(fd, 16));
}

/* An agent's IP.PIPE port search; the listening socket, or -1 when the
 * agent cannot start (every slot in use, or a slot refused). */
static int agent_listener(struct endpoint *addr, unsigned pipe)
{
	for (unsigned n = 1; n <= MAX_SLOTS && pipe + n * SLOT_STRIDE <= 65535; n++) {
		unsigned port = pipe + n * SLOT_STRIDE;
		int fd = bound(SOCK_STREAM, addr, port);

		if (fd >= 0) {
			if (listening(fd, port) == 0)
				return fd;
			close(fd);
			return -1;
		}
		if (errno != EADDRINUSE)
			return -1;
	}
	return -1;
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "pipe", required_argument, NULL, 'p' },
		{ "udp", required_argument, NULL, 'u' },
		{ "agents", required_argument, NULL, 'n' },
		{ "loopback-pool", required_argument, NULL, 'l' },
		{ 0, 0, 0, 0 }
	};
	struct endpoint addr, loop;
	struct pool pool = { 0 };
	unsigned pipe = 1918, udp = 1918, agents = MAX_SLOTS;
	int fds[2 * MAX_SLOTS + 3], nfds = 0, fd, c;

	standin_parse_addr(&addr, "127.0.0.1");
	while ((c = getopt_long(argc, argv, "a:", lo, NULL)) != -1) {
		switch (c) {
		case 'a': standin_parse_addr(&addr, optarg); break;
		case 'p': pipe = standin_port(optarg); break;
		case 'u': udp = standin_port(optarg); break;
		case 'n':
			agents = standin_port(optarg);
			if (agents > MAX_SLOTS)
				usage();
			break;
		case 'l':
			if (sscanf(optarg, "%u-%u", &pool.first, &pool.last) != 2 ||
			    !pool.first || pool.first > pool.last || pool.last > 65535)
				usage();
			pool.next[0] = pool.next[1] = pool.first;
			break;
		default: usage();
		}
	}
	if (optind != argc || !pipe)
		usage();
	standin_parse_addr(&loop, addr.ss.ss_family == AF_INET6 ? "::1" :
			   "127.0.0.1");

	/* The hub TEMS */
	if ((fd = bound(SOCK_STREAM, &addr, pipe)) >= 0) {
		fds[nfds++] = fd;
		listening(fd, pipe);
	}
	if ((fd = bound(SOCK_DGRAM, &addr, udp)) >= 0)
		fds[nfds++] = fd;
	if ((fd = pool_socket(&pool, SOCK_DGRAM, &loop)) >= 0)
		fds[nfds++] = fd;

	/* The agents, in start order: each holds its slot */
	for (unsigned i = 0; i < agents; i++) {
		int rc;

		if ((fd = agent_listener(&addr, pipe)) < 0)
			continue;
		fds[nfds++] = fd;
		if ((fd = pool_socket(&pool, SOCK_STREAM, &loop)) < 0)
			continue;
		fds[nfds++] = fd;
		rc = connect(fd, standin_at_port(&loop, pipe), loop.len);
		standin_report("CONNECT", SOCK_STREAM, pipe, rc);
	}
	while (nfds > 0)
		close(fds[--nfds]);
	return 0;
}
