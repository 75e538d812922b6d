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
#include "standin.h"

#define MAX_SOCKETS 128

static struct endpoint addr;
static int fds[MAX_SOCKETS], nfds;

static void usage(void)
{
	fputs("usage: standin_batch [-a ADDR] OP PORT [OP PORT]...\n"
	      "  OP: listen | client | udp | udpsend\n", stderr);
	exit(2);
}

static int new_socket(int type)
{
	int fd = standin_socket(&addr, type);

	if (fd < 0 || nfds == MAX_SOCKETS) {
		fputs("standin_batch: no socket\n", stderr);
		exit(1);
	}
	fds[nfds++] = fd;
	return fd;
}

/* A socket bound to the port, or -1. */
static int bound(int type, unsigned port)
{
	int fd = new_socket(type);
	int rc = bind(fd, standin_at_port(&addr, port), addr.len);

	standin_report_chosen("BIND", type, port, rc,
			      rc < 0 ? 0 : standin_local_port(fd));
	return rc < 0 ? -1 : fd;
}

static int listening(unsigned port)
{
	int fd = bound(SOCK_STREAM, port), rc;

	if (fd < 0)
		return -1;
	rc = listen(fd, 16);
	standin_report_chosen("LISTEN", SOCK_STREAM, port, rc,
			      standin_local_port(fd));
	return rc < 0 ? -1 : fd;
}

int main(int argc, char **argv)
{
	int partner = -1, c;

	standin_parse_addr(&addr, "127.0.0.1");
	while ((c = getopt(argc, argv, "a:")) != -1) {
		if (c != 'a')
			usage();
		standin_parse_addr(&addr, optarg);
	}
	if (optind == argc || (argc - optind) % 2)
		usage();
	/* All of the command line is checked before the first call. */
	for (int i = optind; i < argc; i += 2) {
		standin_port(argv[i + 1]);
		if (strcmp(argv[i], "listen") && strcmp(argv[i], "client") &&
		    strcmp(argv[i], "udp") && strcmp(argv[i], "udpsend"))
			usage();
	}
	for (int i = optind; i < argc; i += 2) {
		const char *op = argv[i];
		unsigned port = standin_port(argv[i + 1]);
		int fd, rc;

		if (!strcmp(op, "listen")) {
			listening(port);
		} else if (!strcmp(op, "client")) {
			unsigned to;

			if (partner < 0 && (partner = listening(0)) < 0)
				continue;
			if ((fd = bound(SOCK_STREAM, port)) < 0)
				continue;
			to = standin_local_port(partner);
			rc = connect(fd, standin_at_port(&addr, to),
				     addr.len);
			standin_report_chosen("CONNECT", SOCK_STREAM, 0, rc,
					      to);
		} else if (!strcmp(op, "udp")) {
			bound(SOCK_DGRAM, port);
		} else {
			fd = new_socket(SOCK_DGRAM);
			rc = (int)sendto(fd, "x", 1, 0,
					 standin_at_port(&addr, port),
					 addr.len);
			standin_report_chosen("SEND", SOCK_DGRAM, port, rc,
					      port);
		}
	}
	while (nfds > 0)
		close(fds[--nfds]);
	return 0;
}
