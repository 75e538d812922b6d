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
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define SLOT_STRIDE 4096        /* ITM's port mapping: PORT + n*4096 */
#define MAX_SLOTS 15

struct endpoint {
	struct sockaddr_storage ss;
	socklen_t len;
};

static void usage(void)
{
	fputs("usage: standin_omegamon [-a ADDR] [--pipe PORT] [--udp PORT] "
	      "[--agents N] [--loopback-pool FIRST-LAST]\n", stderr);
	exit(2);
}

/* fflush per line: one write(2) each, so that stand-ins appending to one
 * file never interleave within a line. */
static void report(const char *op, int type, unsigned port, int rc)
{
	printf("%s %s %u %s\n", op, type == SOCK_STREAM ? "TCP" : "UDP", port,
	       rc < 0 ? strerrorname_np(errno) : "OK");
	fflush(stdout);
}

static unsigned parse_port(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 0 || v > 65535)
		usage();
	return (unsigned)v;
}

static void set_port(struct endpoint *e, unsigned port)
{
	if (e->ss.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&e->ss)->sin6_port = htons((uint16_t)port);
	else
		((struct sockaddr_in *)&e->ss)->sin_port = htons((uint16_t)port);
}

static void parse_addr(struct endpoint *e, const char *s)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)&e->ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&e->ss;

	memset(e, 0, sizeof *e);
	if (inet_pton(AF_INET, s, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		e->len = sizeof *v4;
	} else if (inet_pton(AF_INET6, s, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		e->len = sizeof *v6;
	} else {
		usage();
	}
}

/* A socket bound to e:port, or -1 with errno from bind. */
static int bound(int type, struct endpoint *e, unsigned port)
{
	int one = 1, fd = socket(e->ss.ss_family, type, 0), rc, err;

	if (fd < 0) {
		perror("socket");
		exit(1);
	}
	/* ITM sets it on TCP; it also lets the rehearsal's second run bind
	 * the ports that the first run's connections left in TIME_WAIT.  Not
	 * on UDP, where Linux would let two sockets share a port. */
	if (type == SOCK_STREAM)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	set_port(e, port);
	rc = bind(fd, (struct sockaddr *)&e->ss, e->len);
	report("BIND", type, port, rc);
	if (rc == 0)
		return fd;
	err = errno;
	close(fd);
	errno = err;
	return -1;
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
	int rc = listen(fd, 16);

	report("LISTEN", SOCK_STREAM, port, rc);
	return rc;
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

	parse_addr(&addr, "127.0.0.1");
	while ((c = getopt_long(argc, argv, "a:", lo, NULL)) != -1) {
		switch (c) {
		case 'a': parse_addr(&addr, optarg); break;
		case 'p': pipe = parse_port(optarg); break;
		case 'u': udp = parse_port(optarg); break;
		case 'n':
			agents = parse_port(optarg);
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
	parse_addr(&loop, addr.ss.ss_family == AF_INET6 ? "::1" : "127.0.0.1");

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
		set_port(&loop, pipe);
		rc = connect(fd, (struct sockaddr *)&loop.ss, loop.len);
		report("CONNECT", SOCK_STREAM, pipe, rc);
	}
	while (nfds > 0)
		close(fds[--nfds]);
	return 0;
}
