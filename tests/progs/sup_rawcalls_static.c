/*
 * sup_rawcalls_static: socket calls made with syscall(2), never through
 * libc's wrappers, in a statically linked program: what LD_PRELOAD cannot
 * see and the supervisor must (issue 5).  Also the ways around a seccomp
 * filter a hostile program might try.
 *
 *   bind tcp|udp PORT       raw bind of a new socket to 127.0.0.1:PORT
 *   listen tcp PORT         raw bind + raw listen
 *   connect ADDR PORT       raw connect of a new TCP socket
 *   sendto ADDR PORT        raw sendto from a new UDP socket
 *   io_uring                io_uring_setup (must be refused: EPERM)
 *   listener                a seccomp filter with a listener of its own,
 *                           which could answer the program's own calls
 *                           (must be refused: EPERM)
 *   int80                   bind through the 32-bit system call entry
 *   x32                     bind through the x32 system call numbers
 *
 * One line per step: "STEP ARGS: OK" or "STEP ARGS: ERRNAME".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>

static const char *errname(int e)
{
	const char *n = strerrorname_np(e);

	return n ? n : "EOTHER";
}

static void report(const char *step, const char *a, const char *b, long rc)
{
	printf("%s%s%s%s%s: %s\n", step, a ? " " : "", a ? a : "", b ? " " : "",
	       b ? b : "", rc < 0 ? errname(errno) : "OK");
	fflush(stdout);
}

static struct sockaddr_in addr_of(const char *a, const char *port)
{
	struct sockaddr_in in = { .sin_family = AF_INET };

	in.sin_port = htons((uint16_t)atoi(port));
	inet_pton(AF_INET, a, &in.sin_addr);
	return in;
}

static long raw_socket(int type)
{
	return syscall(SYS_socket, AF_INET, type, 0);
}

static long raw_bind(const char *proto, const char *port, long *fd)
{
	struct sockaddr_in in = addr_of("127.0.0.1", port);

	*fd = raw_socket(strcmp(proto, "udp") ? SOCK_STREAM : SOCK_DGRAM);
	return syscall(SYS_bind, *fd, &in, sizeof in);
}

static long raw_connect(const char *a, const char *port)
{
	struct sockaddr_in in = addr_of(a, port);

	return syscall(SYS_connect, raw_socket(SOCK_STREAM), &in, sizeof in);
}

static long raw_sendto(const char *a, const char *port)
{
	struct sockaddr_in in = addr_of(a, port);

	return syscall(SYS_sendto, raw_socket(SOCK_DGRAM), "x", 1, 0, &in,
		       sizeof in);
}

static long io_uring(void)
{
	unsigned char params[120] = { 0 };     /* struct io_uring_params */

	return syscall(SYS_io_uring_setup, 4, params);
}

static long own_listener(void)
{
	struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { .len = 1, .filter = &allow };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -1;
	return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
		       SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
}

/* bind(2) is 361 on i386; the arguments need not even be valid: the
 * filter must stop the call before the kernel looks at them. */
static long int80(void)
{
#ifdef __x86_64__
	long rc = 361;

	__asm__ volatile("int $0x80" : "+a"(rc) : "b"(0), "c"(0), "d"(0)
			 : "memory");
	if (rc < 0) {
		errno = (int)-rc;
		return -1;
	}
	return rc;
#else
	errno = ENOSYS;
	return -1;
#endif
}

#define X32_SYSCALL_BIT 0x40000000L
static long x32(void)
{
	struct sockaddr_in in = addr_of("127.0.0.1", "0");

	return syscall(X32_SYSCALL_BIT | SYS_bind, raw_socket(SOCK_STREAM), &in,
		       sizeof in);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		const char *a = i + 1 < argc ? argv[i + 1] : "0";
		const char *b = i + 2 < argc ? argv[i + 2] : "0";
		long fd, rc;

		if (!strcmp(s, "bind")) {
			report(s, a, b, raw_bind(a, b, &fd));
			i += 2;
		} else if (!strcmp(s, "listen")) {
			rc = raw_bind(a, b, &fd);
			report(s, a, b, rc < 0 ? rc : syscall(SYS_listen, fd, 8));
			i += 2;
		} else if (!strcmp(s, "connect") || !strcmp(s, "sendto")) {
			report(s, a, b, s[0] == 'c' ? raw_connect(a, b)
						    : raw_sendto(a, b));
			i += 2;
		} else if (!strcmp(s, "io_uring")) {
			report(s, NULL, NULL, io_uring());
		} else if (!strcmp(s, "listener")) {
			report(s, NULL, NULL, own_listener());
		} else if (!strcmp(s, "int80")) {
			report(s, NULL, NULL, int80());
		} else if (!strcmp(s, "x32")) {
			report(s, NULL, NULL, x32());
		} else {
			fprintf(stderr, "sup_rawcalls_static: unknown step %s\n", s);
			return 2;
		}
	}
	return 0;
}
