/*
 * standin_batch: the socket calls of the site's smaller workloads -- batch
 * jobs, started tasks and TSO users' programs with a listener or two, a
 * UDP port, a client that binds a fixed port -- for the rollout-phase
 * rehearsals (policies/phases).
 *
 *   standin_batch [-a ADDR] OP PORT [OP PORT]...
 *
 *   listen PORT    a server: bind (0: the stack chooses) and listen
 *   client PORT    a client that binds a port of its own (0: the stack
 *                  chooses) and connects to its partner
 *   udp PORT       bind a UDP port (0: the stack chooses)
 *   udpsend PORT   send a datagram to PORT from an unbound UDP socket, as
 *                  a resolver or an SMTP sender does
 *
 * The partner of "client" is a listener on a port the stack assigns (the
 * far end of a connection, made here so that the connect has somewhere to
 * go); it is opened at the first "client".  Sockets stay open until the
 * stand-in ends.
 *
 * One line per call on stdout, "OP PROTO PORT RESULT" (RESULT is OK or the
 * errno name; PORT 0 is the stack's choice -- for a connect, the partner's
 * port -- and the port it chose follows).  A failed
 * bind skips the rest of that OP.  Exits 0 once every call has been made,
 * whatever their results; 2 on bad usage.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_SOCKETS 128

static struct sockaddr_storage addr;
static socklen_t addr_len;
static int fds[MAX_SOCKETS], nfds;

static void usage(void)
{
	fputs("usage: standin_batch [-a ADDR] OP PORT [OP PORT]...\n"
	      "  OP: listen | client | udp | udpsend\n", stderr);
	exit(2);
}

static unsigned parse_port(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 0 || v > 65535)
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

static struct sockaddr *at_port(unsigned port)
{
	if (addr.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&addr)->sin6_port = htons((uint16_t)port);
	else
		((struct sockaddr_in *)&addr)->sin_port = htons((uint16_t)port);
	return (struct sockaddr *)&addr;
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
 * file never interleave within a line.  PORT is the port the program
 * named; 0, the stack's choice, the same in every run, is followed by the
 * port the stack chose. */
static int report(const char *op, int type, unsigned port, int rc,
		  unsigned chosen)
{
	const char *proto = type == SOCK_STREAM ? "TCP" : "UDP";
	int err = errno;

	if (rc < 0)
		printf("%s %s %u %s\n", op, proto, port, strerrorname_np(err));
	else if (!port)
		printf("%s %s 0 OK %u\n", op, proto, chosen);
	else
		printf("%s %s %u OK\n", op, proto, port);
	fflush(stdout);
	errno = err;
	return rc;
}

static int new_socket(int type)
{
	int one = 1, fd = socket(addr.ss_family, type, 0);

	if (fd < 0 || nfds == MAX_SOCKETS) {
		fputs("standin_batch: no socket\n", stderr);
		exit(1);
	}
	/* Lets the rehearsal's second run rebind the ports that the first
	 * run's connections left in TIME_WAIT; TCP only, since on UDP Linux
	 * would let two sockets share a port. */
	if (type == SOCK_STREAM)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	fds[nfds++] = fd;
	return fd;
}

/* A socket bound to the port, or -1. */
static int bound(int type, unsigned port)
{
	int fd = new_socket(type);

	int rc = bind(fd, at_port(port), addr_len);

	return report("BIND", type, port, rc, rc < 0 ? 0 : local_port(fd)) < 0 ?
	       -1 : fd;
}

static int listening(unsigned port)
{
	int fd = bound(SOCK_STREAM, port);

	if (fd < 0)
		return -1;
	return report("LISTEN", SOCK_STREAM, port, listen(fd, 16),
		      local_port(fd)) < 0 ? -1 : fd;
}

int main(int argc, char **argv)
{
	int partner = -1, c;

	parse_addr("127.0.0.1");
	while ((c = getopt(argc, argv, "a:")) != -1) {
		if (c != 'a')
			usage();
		parse_addr(optarg);
	}
	if (optind == argc || (argc - optind) % 2)
		usage();
	/* All of the command line is checked before the first call. */
	for (int i = optind; i < argc; i += 2) {
		parse_port(argv[i + 1]);
		if (strcmp(argv[i], "listen") && strcmp(argv[i], "client") &&
		    strcmp(argv[i], "udp") && strcmp(argv[i], "udpsend"))
			usage();
	}
	for (int i = optind; i < argc; i += 2) {
		const char *op = argv[i];
		unsigned port = parse_port(argv[i + 1]);
		int fd;

		if (!strcmp(op, "listen")) {
			listening(port);
		} else if (!strcmp(op, "client")) {
			unsigned to;

			if (partner < 0 && (partner = listening(0)) < 0)
				continue;
			if ((fd = bound(SOCK_STREAM, port)) < 0)
				continue;
			to = local_port(partner);
			report("CONNECT", SOCK_STREAM, 0,
			       connect(fd, at_port(to), addr_len), to);
		} else if (!strcmp(op, "udp")) {
			bound(SOCK_DGRAM, port);
		} else {
			fd = new_socket(SOCK_DGRAM);
			report("SEND", SOCK_DGRAM, port,
			       (int)sendto(fd, "x", 1, 0, at_port(port),
					   addr_len), port);
		}
	}
	while (nfds > 0)
		close(fds[--nfds]);
	return 0;
}
