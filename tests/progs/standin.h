/*
 * standin.h: the helpers the stand-ins (standin_*.c) share -- the address
 * they work on, their number arguments, the port a socket is bound to, and
 * the one line each socket call reports.  Each stand-in is a program of its
 * own, compiled from its one .c file (see the Makefile), so the helpers are
 * static inline, here.
 *
 * A stand-in that includes this file defines usage(), which the parsers
 * call on a bad argument (it prints the stand-in's usage and exits 2).
 */
#ifndef STANDIN_H
#define STANDIN_H

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void usage(void);

/* An address with its length, as bind and connect take them. */
struct endpoint {
	struct sockaddr_storage ss;
	socklen_t len;
};

/* S as a number from 0 to MAX; usage() unless it is one (or S is NULL, an
 * unset environment variable). */
static inline unsigned standin_number(const char *s, unsigned max)
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

static inline unsigned standin_port(const char *s)
{
	return standin_number(s, 65535);
}

/* E: the numeric IPv4 or IPv6 address S, port 0; usage() unless S is one. */
static inline void standin_parse_addr(struct endpoint *e, const char *s)
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

/* Sets E's port; E as bind and connect take it. */
static inline struct sockaddr *standin_at_port(struct endpoint *e,
					       unsigned port)
{
	uint16_t p = htons((uint16_t)port);

	if (e->ss.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&e->ss)->sin6_port = p;
	else
		((struct sockaddr_in *)&e->ss)->sin_port = p;
	return (struct sockaddr *)&e->ss;
}

/* The port of an IPv4 or IPv6 address. */
static inline unsigned standin_port_of(const struct sockaddr_storage *ss)
{
	return ntohs(ss->ss_family == AF_INET6 ?
		     ((const struct sockaddr_in6 *)ss)->sin6_port :
		     ((const struct sockaddr_in *)ss)->sin_port);
}

/* The port a socket is bound to (the stack's choice after a bind to 0);
 * 0 when getsockname fails. */
static inline unsigned standin_local_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return 0;
	return standin_port_of(&ss);
}

/* A socket of E's family and TYPE, or -1.  A TCP socket gets SO_REUSEADDR:
 * the products set it on theirs, and it lets a rehearsal's second run
 * rebind the ports that the first run's connections left in TIME_WAIT.
 * Not UDP, where Linux would let two sockets share a port. */
static inline int standin_socket(const struct endpoint *e, int type)
{
	int one = 1, fd = socket(e->ss.ss_family, type, 0);

	if (fd >= 0 && type == SOCK_STREAM)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	return fd;
}

/* standin_socket, exiting 1 if there is none. */
static inline int standin_socket_or_exit(const struct endpoint *e, int type)
{
	int fd = standin_socket(e, type);

	if (fd < 0) {
		perror("socket");
		exit(1);
	}
	return fd;
}

/* Closes FD, keeping errno (a failed call's, for the caller to look at);
 * -1. */
static inline int standin_discard(int fd)
{
	int err = errno;

	close(fd);
	errno = err;
	return -1;
}

/*
 * A call's line on stdout, "OP PROTO PORT RESULT", RESULT OK or the name of
 * the call's errno; RC, the call's result, is returned and errno kept.
 * fflush per line: one write(2) each, so that stand-ins (or a stand-in's
 * processes) appending to one file never interleave within a line.
 */
static inline int standin_report(const char *op, int type, unsigned port,
				 int rc)
{
	int err = errno;

	printf("%s %s %u %s\n", op, type == SOCK_STREAM ? "TCP" : "UDP", port,
	       rc < 0 ? strerrorname_np(err) : "OK");
	fflush(stdout);
	errno = err;
	return rc;
}

/* The same, where PORT is the port the program named: 0, the stack's
 * choice, the same in every run, is followed by CHOSEN, the port the stack
 * chose ("OP PROTO 0 OK CHOSEN"). */
static inline int standin_report_chosen(const char *op, int type,
					unsigned port, int rc, unsigned chosen)
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

#endif
