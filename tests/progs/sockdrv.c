/*
 * sockdrv: make socket calls named on the command line, one result line
 * each, so that integration tests can state exactly what a program under
 * portsaf sees.  Every call of libportsaf.so's surface is reachable:
 *
 *   sock tcp4|tcp6|udp4|udp6|unix   new socket, becomes the current one
 *   bind ADDR PORT                  bind the current socket
 *   bind-unspec PORT                AF_UNSPEC + INADDR_ANY (old programs)
 *   bind-null | bind-short ADDR PORT | bind-family6 PORT   odd sockaddrs
 *   bind-unix PATH
 *   listen | port                   port: print the bound address
 *   connect ADDR PORT | __connect ADDR PORT
 *   sendto ADDR PORT | sendmsg ADDR PORT | sendmmsg ADDR PORT ADDR PORT ...
 *   fastopen ADDR PORT              sendto(MSG_FASTOPEN) on TCP
 *   dup | dup2 N | dup3 N | dupfd N | close | use N (current := fd N)
 *   fork CMD...                     rest of the line runs in a child
 *   exec PROG ARG...                execv
 *   closeall loop|range|from        close every descriptor above 2
 *   errno-kept                      an allowed bind(0) leaves errno alone
 *   chdir DIR                       (a daemon leaving its start directory)
 *
 * Result lines: "CMD: OK [detail]" or "CMD: ERRNAME".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/close_range.h>

int __connect(int fd, const struct sockaddr *sa, socklen_t len);

static int cur = -1;

static const char *errname(int e)
{
	switch (e) {
	case EACCES: return "EACCES";
	case EADDRINUSE: return "EADDRINUSE";
	case EINVAL: return "EINVAL";
	case EFAULT: return "EFAULT";
	case EAFNOSUPPORT: return "EAFNOSUPPORT";
	case EBADF: return "EBADF";
	case ENOTSOCK: return "ENOTSOCK";
	case ECONNREFUSED: return "ECONNREFUSED";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case EDESTADDRREQ: return "EDESTADDRREQ";
	case EINPROGRESS: return "EINPROGRESS";
	case EISCONN: return "EISCONN";
	case ENETUNREACH: return "ENETUNREACH";
	case EADDRNOTAVAIL: return "EADDRNOTAVAIL";
	}
	return "EOTHER";
}

static void result(const char *cmd, int rc, const char *detail)
{
	if (rc < 0)
		printf("%s: %s\n", cmd, errname(errno));
	else
		printf("%s: OK%s%s\n", cmd, detail ? " " : "", detail ? detail : "");
	fflush(stdout);
}

/* ADDR PORT as the current socket's family wants it (an IPv4 address on
 * an IPv6 socket becomes IPv4-mapped). */
static socklen_t make_addr(const char *addr, const char *port,
			   struct sockaddr_storage *ss)
{
	int fam = AF_INET;
	socklen_t l = sizeof fam;

	memset(ss, 0, sizeof *ss);
	getsockopt(cur, SOL_SOCKET, SO_DOMAIN, &fam, &l);
	if (fam == AF_INET6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
		char mapped[64];

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)atoi(port));
		if (!strchr(addr, ':')) {
			snprintf(mapped, sizeof mapped, "::ffff:%s", addr);
			addr = mapped;
		}
		inet_pton(AF_INET6, addr, &s6->sin6_addr);
		return sizeof *s6;
	}
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;

	s4->sin_family = AF_INET;
	s4->sin_port = htons((uint16_t)atoi(port));
	inet_pton(AF_INET, addr, &s4->sin_addr);
	return sizeof *s4;
}

static int do_sock(const char *kind)
{
	static const struct { const char *n; int d, t; } k[] = {
		{ "tcp4", AF_INET, SOCK_STREAM }, { "tcp6", AF_INET6, SOCK_STREAM },
		{ "udp4", AF_INET, SOCK_DGRAM }, { "udp6", AF_INET6, SOCK_DGRAM },
		{ "unix", AF_UNIX, SOCK_DGRAM },
	};

	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
		if (!strcmp(kind, k[i].n)) {
			cur = socket(k[i].d, k[i].t, 0);
			return cur;
		}
	errno = EINVAL;
	return -1;
}

static void print_port(void)
{
	struct sockaddr_storage ss;
	socklen_t l = sizeof ss;
	char text[64] = "?", detail[96];
	int port = 0;

	if (getsockname(cur, (struct sockaddr *)&ss, &l) < 0) {
		result("port", -1, NULL);
		return;
	}
	if (ss.ss_family == AF_INET) {
		struct sockaddr_in *s = (struct sockaddr_in *)&ss;
		inet_ntop(AF_INET, &s->sin_addr, text, sizeof text);
		port = ntohs(s->sin_port);
	} else if (ss.ss_family == AF_INET6) {
		struct sockaddr_in6 *s = (struct sockaddr_in6 *)&ss;
		inet_ntop(AF_INET6, &s->sin6_addr, text, sizeof text);
		port = ntohs(s->sin6_port);
	}
	snprintf(detail, sizeof detail, "%s %d", text, port);
	result("port", 0, detail);
}

static int do_sendmsg(const char *a, const char *p)
{
	struct sockaddr_storage ss;
	struct iovec iov = { .iov_base = "x", .iov_len = 1 };
	struct msghdr m = { .msg_name = &ss, .msg_iov = &iov, .msg_iovlen = 1 };

	m.msg_namelen = make_addr(a, p, &ss);
	return (int)sendmsg(cur, &m, 0);
}

/* argv[i..] holds ADDR PORT pairs until a word that is not an address. */
static int do_sendmmsg(char **argv, int *i, int argc)
{
	struct sockaddr_storage ss[8];
	struct mmsghdr v[8];
	struct iovec iov = { .iov_base = "x", .iov_len = 1 };
	unsigned n = 0;

	memset(v, 0, sizeof v);
	while (n < 8 && *i + 1 < argc && strpbrk(argv[*i], ".:")) {
		v[n].msg_hdr.msg_name = &ss[n];
		v[n].msg_hdr.msg_namelen = make_addr(argv[*i], argv[*i + 1], &ss[n]);
		v[n].msg_hdr.msg_iov = &iov;
		v[n].msg_hdr.msg_iovlen = 1;
		n++;
		*i += 2;
	}
	return sendmmsg(cur, v, n, 0);
}

static int close_all(const char *how)
{
	if (!strcmp(how, "range"))
		return close_range(3, ~0U, 0);
	if (!strcmp(how, "from")) {
		closefrom(3);
		return 0;
	}
	for (long fd = 3; fd < sysconf(_SC_OPEN_MAX); fd++)
		close((int)fd);
	return 0;
}

static int run(int argc, char **argv);

static int do_fork(int argc, char **argv)
{
	pid_t pid = fork();
	int st;

	if (pid == 0)
		exit(run(argc, argv));
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? -WEXITSTATUS(st) : -1;
}

static int errno_kept(void)
{
	struct sockaddr_storage ss;
	socklen_t l = make_addr("127.0.0.1", "0", &ss);

	errno = EDOM;
	if (bind(cur, (struct sockaddr *)&ss, l) < 0)
		return -1;
	if (errno != EDOM) {
		errno = 0;
		return -1;
	}
	return 0;
}

static int step(char **argv, int *i, int argc)
{
	const char *c = argv[(*i)++];
	struct sockaddr_storage ss;
	socklen_t l;
	char detail[32];
	int rc;

#define ARG (*i < argc ? argv[(*i)++] : "0")
	if (!strcmp(c, "sock")) {
		rc = do_sock(ARG);
	} else if (!strcmp(c, "bind")) {
		const char *a = ARG;
		l = make_addr(a, ARG, &ss);
		rc = bind(cur, (struct sockaddr *)&ss, l);
	} else if (!strcmp(c, "bind-unspec")) {
		struct sockaddr_in in = { .sin_family = AF_UNSPEC };
		in.sin_port = htons((uint16_t)atoi(ARG));
		rc = bind(cur, (struct sockaddr *)&in, sizeof in);
	} else if (!strcmp(c, "bind-null")) {
		rc = bind(cur, NULL, sizeof(struct sockaddr_in));
	} else if (!strcmp(c, "bind-short")) {
		const char *a = ARG;
		make_addr(a, ARG, &ss);
		rc = bind(cur, (struct sockaddr *)&ss, 8);
	} else if (!strcmp(c, "bind-family6")) {
		struct sockaddr_in6 s6 = { .sin6_family = AF_INET6 };
		s6.sin6_port = htons((uint16_t)atoi(ARG));
		rc = bind(cur, (struct sockaddr *)&s6, sizeof s6);
	} else if (!strcmp(c, "bind-unix")) {
		struct sockaddr_un un = { .sun_family = AF_UNIX };
		snprintf(un.sun_path, sizeof un.sun_path, "%s", ARG);
		rc = bind(cur, (struct sockaddr *)&un, sizeof un);
	} else if (!strcmp(c, "listen")) {
		rc = listen(cur, 16);
	} else if (!strcmp(c, "port")) {
		print_port();
		return 0;
	} else if (!strcmp(c, "connect") || !strcmp(c, "__connect")) {
		const char *a = ARG;
		l = make_addr(a, ARG, &ss);
		rc = c[0] == '_' ? __connect(cur, (struct sockaddr *)&ss, l)
				 : connect(cur, (struct sockaddr *)&ss, l);
	} else if (!strcmp(c, "sendto") || !strcmp(c, "fastopen")) {
		const char *a = ARG;
		l = make_addr(a, ARG, &ss);
		rc = (int)sendto(cur, "x", 1, c[0] == 'f' ? MSG_FASTOPEN : 0,
				 (struct sockaddr *)&ss, l);
	} else if (!strcmp(c, "sendmsg")) {
		const char *a = ARG;
		rc = do_sendmsg(a, ARG);
	} else if (!strcmp(c, "sendmmsg")) {
		rc = do_sendmmsg(argv, i, argc);
		snprintf(detail, sizeof detail, "%d", rc);
		result(c, rc, detail);
		return 0;
	} else if (!strcmp(c, "dup")) {
		rc = cur = dup(cur);
	} else if (!strcmp(c, "dup2")) {
		int to = atoi(ARG);
		rc = dup2(cur, to);
		cur = rc < 0 ? cur : to;
	} else if (!strcmp(c, "dup3")) {
		int to = atoi(ARG);
		rc = dup3(cur, to, O_CLOEXEC);
		cur = rc < 0 ? cur : to;
	} else if (!strcmp(c, "dupfd")) {
		rc = fcntl(cur, F_DUPFD, atoi(ARG));
		cur = rc < 0 ? cur : rc;
	} else if (!strcmp(c, "close")) {
		rc = close(cur);
	} else if (!strcmp(c, "use")) {
		cur = atoi(ARG);
		rc = 0;
	} else if (!strcmp(c, "closeall")) {
		rc = close_all(ARG);
	} else if (!strcmp(c, "errno-kept")) {
		rc = errno_kept();
	} else if (!strcmp(c, "chdir")) {
		rc = chdir(ARG);
	} else if (!strcmp(c, "fork")) {
		rc = do_fork(argc - *i, argv + *i);
		*i = argc;
		return rc;
	} else if (!strcmp(c, "exec")) {
		execv(argv[*i], argv + *i);
		rc = -1;
	} else {
		fprintf(stderr, "sockdrv: unknown command %s\n", c);
		return 2;
	}
#undef ARG
	result(c, rc, NULL);
	return 0;
}

static int run(int argc, char **argv)
{
	int i = 0, rc;

	while (i < argc)
		if ((rc = step(argv, &i, argc)) != 0)
			return rc < 0 ? -rc : rc;
	return 0;
}

int main(int argc, char **argv)
{
	return run(argc - 1, argv + 1);
}
