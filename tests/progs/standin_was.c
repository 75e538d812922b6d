/*
 * standin_was: the socket calls of a WebSphere Application Server for z/OS
 * controller, for rehearsing port policies without the product
 * (policies/was).
 *
 *   standin_was [-a ADDR] [--listen PORT]... [--scan FIRST-LAST]
 *
 * --listen: an endpoint of the controller (BOOTSTRAP_ADDRESS,
 * ORB_LISTENER_ADDRESS, WC_defaulthost, ...), bound to ADDR (a
 * bind-specific listener: host name set on the endpoint, not "*") and
 * listening until the stand-in ends; port 0 is an endpoint left to the
 * stack, as ORB_SSL_LISTENER_ADDRESS usually is.
 * --scan: the port scan WAS makes when it creates a server (suppressed by
 * com.ibm.ws.management.suppressPortScan=true): for every port of the range
 * bind, listen and close, whatever the results, after the endpoints.
 *
 * One line per call on stdout, "OP PROTO PORT RESULT" (RESULT is OK or the
 * errno name; PORT 0 is the stack's choice, and the port it chose follows).  Exits 0
 * once every call has been made, whatever their results; 2 on bad usage.
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

#define MAX_ENDPOINTS 64

static struct sockaddr_storage addr;
static socklen_t addr_len;

static void usage(void)
{
	fputs("usage: standin_was [-a ADDR] [--listen PORT]... "
	      "[--scan FIRST-LAST]\n", stderr);
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

/* The port a socket is bound to (the stack's choice after a bind to 0). */
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
 * file never interleave within a line.  A port the stack chose shows as 0,
 * the same in every run, followed by the port itself. */
static void report(const char *op, unsigned port, int rc, int fd)
{
	int err = errno;

	if (rc < 0)
		printf("%s TCP %u %s\n", op, port, strerrorname_np(err));
	else if (!port)
		printf("%s TCP 0 OK %u\n", op, local_port(fd));
	else
		printf("%s TCP %u OK\n", op, port);
	fflush(stdout);
}

/* bind and listen; the socket, or -1 when either call failed. */
static int listener(unsigned port)
{
	int one = 1, fd = socket(addr.ss_family, SOCK_STREAM, 0), rc;

	if (fd < 0) {
		perror("socket");
		exit(1);
	}
	/* WAS sets it on its listeners; it also lets the rehearsal's second
	 * run rebind what the first run left in TIME_WAIT. */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (addr.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&addr)->sin6_port = htons((uint16_t)port);
	else
		((struct sockaddr_in *)&addr)->sin_port = htons((uint16_t)port);
	rc = bind(fd, (struct sockaddr *)&addr, addr_len);
	report("BIND", port, rc, fd);
	if (rc == 0) {
		rc = listen(fd, 16);
		report("LISTEN", port, rc, fd);
	}
	if (rc == 0)
		return fd;
	close(fd);
	return -1;
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "scan", required_argument, NULL, 's' },
		{ 0, 0, 0, 0 }
	};
	unsigned endpoints[MAX_ENDPOINTS], first = 0, last = 0;
	int fds[MAX_ENDPOINTS], nend = 0, nfds = 0, c;

	parse_addr("127.0.0.1");
	while ((c = getopt_long(argc, argv, "a:", lo, NULL)) != -1) {
		switch (c) {
		case 'a': parse_addr(optarg); break;
		case 'l':
			if (nend == MAX_ENDPOINTS)
				usage();
			endpoints[nend++] = parse_port(optarg);
			break;
		case 's':
			if (sscanf(optarg, "%u-%u", &first, &last) != 2 ||
			    !first || first > last || last > 65535)
				usage();
			break;
		default: usage();
		}
	}
	if (optind != argc || (!nend && !first))
		usage();

	for (int i = 0; i < nend; i++) {
		int fd = listener(endpoints[i]);

		if (fd >= 0)
			fds[nfds++] = fd;
	}
	for (unsigned p = first; first && p <= last; p++) {
		int fd = listener(p);

		if (fd >= 0)
			close(fd);
	}
	while (nfds > 0)
		close(fds[--nfds]);
	return 0;
}
