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
#include <getopt.h>

#include "standin.h"

#define MAX_ENDPOINTS 64

static struct endpoint addr;

static void usage(void)
{
	fputs("usage: standin_was [-a ADDR] [--listen PORT]... "
	      "[--scan FIRST-LAST]\n", stderr);
	exit(2);
}

/* standin_report_chosen, asking the socket for the port the stack chose
 * only when the line shows it. */
static void report(const char *op, unsigned port, int rc, int fd)
{
	standin_report_chosen(op, SOCK_STREAM, port, rc,
			      rc < 0 || port ? 0 : standin_local_port(fd));
}

/* bind and listen; the socket, or -1 when either call failed. */
static int listener(unsigned port)
{
	/* SO_REUSEADDR, as WAS sets it on its listeners */
	int fd = standin_socket_or_exit(&addr, SOCK_STREAM), rc;

	rc = bind(fd, standin_at_port(&addr, port), addr.len);
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

	standin_parse_addr(&addr, "127.0.0.1");
	while ((c = getopt_long(argc, argv, "a:", lo, NULL)) != -1) {
		switch (c) {
		case 'a': standin_parse_addr(&addr, optarg); break;
		case 'l':
			if (nend == MAX_ENDPOINTS)
				usage();
			endpoints[nend++] = standin_port(optarg);
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
