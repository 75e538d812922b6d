/*
 * standin_ftp: the socket calls of the z/OS FTP server and of an FTP client
 * that falls back to active mode, for rehearsing port policies without the
 * products (policies/ftp).
 *
 *   standin_ftp server [-a ADDR] [--ctl PORT] [--data PORT] [--sessions N]
 *                      [--session PATH] [--ready FIFO]
 *   standin_ftp session [-a ADDR] [--data PORT]
 *   standin_ftp client [-a ADDR] [--ctl PORT] --active-port PORT
 *   standin_ftp client [-a ADDR] [--ctl PORT] --passive-only
 *
 * server: the daemon binds and listens on the control port (21), writes a
 * line to FIFO once it has tried (so that a test knows when to start the
 * client), then serves N control connections (default 1; 0: exit at once).
 * Each connection gets its own process, as on z/OS, where the daemon's
 * child runs the session program: PATH (default: this program) is
 * executed as "PATH session" with the control connection on descriptor 3.
 * session: refuses passive mode (a server whose passive ports a firewall
 * blocks looks the same to a client) and, for RETR after PORT or EPRT,
 * opens the data connection in active mode from the data port (20).
 * client: logs in, asks for passive mode and, refused, falls back to
 * active mode: binds and listens on --active-port, a port of its own
 * choosing, and retrieves a file -- unless --passive-only (FTP.DATA
 * PASSIVEONLY TRUE), where it gives up instead.
 *
 * One line per socket call on stdout, "OP PROTO PORT RESULT" (RESULT is OK
 * or the errno name); the dialogue goes to stderr.  Every process ends by
 * itself: a 30-second alarm bounds the waits for a peer.  Exit 0 once the
 * calls have been made, whatever their results; 2 on bad usage.
 */
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#include "standin.h"

#define CTL_FD 3                /* the session's control connection */
#define PEER_TIMEOUT 30         /* seconds */

static struct endpoint addr;
static const char *addr_text = "127.0.0.1";

static void usage(void)
{
	fputs("usage: standin_ftp server [-a ADDR] [--ctl PORT] [--data PORT] "
	      "[--sessions N] [--session PATH] [--ready FIFO]\n"
	      "       standin_ftp session [-a ADDR] [--data PORT]\n"
	      "       standin_ftp client [-a ADDR] [--ctl PORT] "
	      "--active-port PORT | --passive-only\n", stderr);
	exit(2);
}

static void parse_addr(const char *s)
{
	standin_parse_addr(&addr, s);
	addr_text = s;
}

/* The daemon and its session processes share stdout. */
static int report(const char *op, unsigned port, int rc)
{
	return standin_report(op, SOCK_STREAM, port, rc);
}

static int tcp_socket(void)
{
	return standin_socket_or_exit(&addr, SOCK_STREAM);
}

/* A socket bound to the port and listening, or -1. */
static int listener(unsigned port)
{
	int fd = tcp_socket();

	if (report("BIND", port, bind(fd, standin_at_port(&addr, port),
				      addr.len)) < 0 ||
	    report("LISTEN", port, listen(fd, 4)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static void say(int fd, const char *who, const char *line)
{
	dprintf(fd, "%s\r\n", line);
	fprintf(stderr, "%s> %s\n", who, line);
}

/* One CRLF-terminated line of the dialogue, without the line end; false at
 * end of file. */
static int hear(int fd, const char *who, char *buf, size_t cap)
{
	size_t n = 0;
	char ch;

	while (read(fd, &ch, 1) == 1) {
		if (ch == '\n') {
			if (n && buf[n - 1] == '\r')
				n--;
			buf[n] = '\0';
			fprintf(stderr, "%s< %s\n", who, buf);
			return 1;
		}
		if (n + 1 < cap)
			buf[n++] = ch;
	}
	return 0;
}

/* ---- server ---------------------------------------------------------- */

static void run_session(unsigned data_port)
{
	struct sockaddr_storage client = { 0 };
	socklen_t client_len = 0;
	char line[256];

	say(CTL_FD, "server", "220 FTPD1 ready");
	while (hear(CTL_FD, "server", line, sizeof line)) {
		unsigned h[4], p[2], port;
		char host[64];

		if (!strncmp(line, "USER", 4)) {
			say(CTL_FD, "server", "331 Send password please.");
		} else if (!strncmp(line, "PASS", 4)) {
			say(CTL_FD, "server", "230 User is logged on.");
		} else if (!strcmp(line, "PASV") || !strcmp(line, "EPSV")) {
			say(CTL_FD, "server", "502 Passive mode not available.");
		} else if (sscanf(line, "PORT %u,%u,%u,%u,%u,%u", &h[0], &h[1],
				  &h[2], &h[3], &p[0], &p[1]) == 6) {
			struct sockaddr_in *v4 = (struct sockaddr_in *)&client;

			v4->sin_family = AF_INET;
			v4->sin_addr.s_addr = htonl(h[0] << 24 | h[1] << 16 |
						    h[2] << 8 | h[3]);
			v4->sin_port = htons((uint16_t)(p[0] << 8 | p[1]));
			client_len = sizeof *v4;
			say(CTL_FD, "server", "200 Port request OK.");
		} else if (sscanf(line, "EPRT |2|%63[^|]|%u|", host, &port) == 2) {
			struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&client;

			v6->sin6_family = AF_INET6;
			inet_pton(AF_INET6, host, &v6->sin6_addr);
			v6->sin6_port = htons((uint16_t)port);
			client_len = sizeof *v6;
			say(CTL_FD, "server", "200 Port request OK.");
		} else if (!strncmp(line, "RETR", 4) && client_len) {
			unsigned cport = standin_port_of(&client);
			int fd = tcp_socket();

			/* Active mode: the data connection comes from L-1. */
			if (report("BIND", data_port,
				   bind(fd, standin_at_port(&addr, data_port),
					addr.len)) == 0 &&
			    report("CONNECT", cport, connect(fd,
				   (struct sockaddr *)&client, client_len)) == 0) {
				say(CTL_FD, "server", "125 Sending data set TESTFILE");
				dprintf(fd, "rehearsal data\r\n");
				close(fd);
				say(CTL_FD, "server", "250 Transfer completed successfully.");
			} else {
				close(fd);
				say(CTL_FD, "server", "425 Can't open data connection.");
			}
		} else if (!strncmp(line, "QUIT", 4)) {
			say(CTL_FD, "server", "221 Quit command received. Goodbye.");
			return;
		} else {
			say(CTL_FD, "server", "502 Command not implemented.");
		}
	}
}

static void run_server(unsigned ctl, unsigned data, unsigned sessions,
		       const char *session, const char *ready)
{
	char dport[8];
	int fd = listener(ctl);

	if (ready) {
		int r = open(ready, O_WRONLY);

		if (r < 0 || dprintf(r, "ready\n") < 0) {
			perror(ready);
			exit(1);
		}
		close(r);
	}
	if (fd < 0)
		return;
	snprintf(dport, sizeof dport, "%u", data);
	for (unsigned i = 0; i < sessions; i++) {
		int conn = accept(fd, NULL, NULL);

		if (conn < 0) {
			perror("accept");
			break;
		}
		switch (fork()) {
		case -1:
			perror("fork");
			exit(1);
		case 0:
			close(fd);
			if (dup2(conn, CTL_FD) < 0) {
				perror("dup2");
				_exit(1);
			}
			if (conn != CTL_FD)
				close(conn);
			execl(session, session, "session", "-a", addr_text,
			      "--data", dport, (char *)NULL);
			perror(session);
			_exit(127);
		}
		close(conn);
	}
	close(fd);
	while (wait(NULL) > 0)
		;
}

/* ---- client ---------------------------------------------------------- */

static int expect_reply(int fd, char *line, size_t cap)
{
	if (!hear(fd, "client", line, cap)) {
		fputs("standin_ftp: server closed the control connection\n",
		      stderr);
		exit(0);
	}
	return atoi(line);
}

static void run_client(unsigned ctl, unsigned active, int passive_only)
{
	int fd = tcp_socket(), lfd;
	char line[256], cmd[128];

	if (report("CONNECT", ctl, connect(fd, standin_at_port(&addr, ctl),
					   addr.len)) < 0)
		return;
	expect_reply(fd, line, sizeof line);
	say(fd, "client", "USER JSMITH");
	expect_reply(fd, line, sizeof line);
	say(fd, "client", "PASS ********");
	expect_reply(fd, line, sizeof line);
	say(fd, "client", addr.ss.ss_family == AF_INET6 ? "EPSV" : "PASV");
	if (expect_reply(fd, line, sizeof line) / 100 == 2) {
		fputs("standin_ftp: the stand-in client does not do passive "
		      "transfers\n", stderr);
	} else if (passive_only) {
		fputs("standin_ftp: passive mode refused; PASSIVEONLY TRUE: "
		      "no fallback to active mode\n", stderr);
	} else if ((lfd = listener(active)) >= 0) {
		struct pollfd pfd = { .fd = lfd, .events = POLLIN };

		if (addr.ss.ss_family == AF_INET6)
			snprintf(cmd, sizeof cmd, "EPRT |2|%s|%u|", addr_text,
				 active);
		else
			snprintf(cmd, sizeof cmd, "PORT %s,%u,%u",
				 addr_text, active >> 8, active & 0xff);
		for (char *c = cmd; *c; c++)
			if (*c == '.' && addr.ss.ss_family != AF_INET6)
				*c = ',';
		say(fd, "client", cmd);
		expect_reply(fd, line, sizeof line);
		say(fd, "client", "RETR TESTFILE");
		if (expect_reply(fd, line, sizeof line) / 100 == 1 &&
		    poll(&pfd, 1, PEER_TIMEOUT * 1000) == 1) {
			int dfd = accept(lfd, NULL, NULL);
			char buf[512];

			while (dfd >= 0 && read(dfd, buf, sizeof buf) > 0)
				;
			if (dfd >= 0)
				close(dfd);
			expect_reply(fd, line, sizeof line);
		}
		close(lfd);
	}
	say(fd, "client", "QUIT");
	expect_reply(fd, line, sizeof line);
	close(fd);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "ctl", required_argument, NULL, 'c' },
		{ "data", required_argument, NULL, 'd' },
		{ "sessions", required_argument, NULL, 'n' },
		{ "session", required_argument, NULL, 's' },
		{ "ready", required_argument, NULL, 'r' },
		{ "active-port", required_argument, NULL, 'p' },
		{ "passive-only", no_argument, NULL, 'P' },
		{ 0, 0, 0, 0 }
	};
	unsigned ctl = 21, data = 20, sessions = 1, active = 0;
	const char *mode, *session = argv[0], *ready = NULL;
	int passive_only = 0, c;

	if (argc < 2)
		usage();
	mode = argv[1];
	parse_addr("127.0.0.1");
	optind = 2;
	while ((c = getopt_long(argc, argv, "a:", lo, NULL)) != -1) {
		switch (c) {
		case 'a': parse_addr(optarg); break;
		case 'c': ctl = standin_port(optarg); break;
		case 'd': data = standin_port(optarg); break;
		case 'n': sessions = standin_number(optarg, 64); break;
		case 's': session = optarg; break;
		case 'r': ready = optarg; break;
		case 'p': active = standin_port(optarg); break;
		case 'P': passive_only = 1; break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	alarm(PEER_TIMEOUT);
	/* A peer that went away is reported by the dialogue, not a signal. */
	signal(SIGPIPE, SIG_IGN);
	if (!strcmp(mode, "server"))
		run_server(ctl, data, sessions, session, ready);
	else if (!strcmp(mode, "session"))
		run_session(data);
	else if (!strcmp(mode, "client") && (active || passive_only))
		run_client(ctl, active, passive_only);
	else
		usage();
	return 0;
}
