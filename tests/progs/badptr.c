/*
 * badptr: socket calls given addresses the kernel cannot read (or refuses
 * unread), one result line each, so that preload_oddaddr.sh can check
 * that a program sees exactly what the kernel answers, with portsaf as
 * without it, and never a crash.
 *
 *   badptr bad KIND PORT    every bad-pointer case on fresh KIND sockets
 *                           (tcp4, tcp6, udp4, udp6); the good messages
 *                           ahead of a bad one in a sendmmsg go to
 *                           127.0.0.1:PORT
 *   badptr good KIND PORT   good addresses where portsaf must read them
 *                           off its fast path: heap, static data, a
 *                           thread's stack, deep recursion, a signal
 *                           handler on an alternate stack; binds to
 *                           127.0.0.1:PORT, sends to 127.0.0.2:PORT
 *
 * Bad pointers: (void *)1; a page mapped and unmapped again; a buffer
 * running off the end of a mapped page into an unmapped one; a PROT_NONE
 * page; a kernel address; just above the main thread's stack; just above
 * the top of a thread's stack.  Result lines: "CASE: OK", "CASE: N"
 * (sendmmsg), "CASE: ERRNAME".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#define HOLE ((size_t)16 << 20) /* unmapped: too big to be refilled soon */
#define LONGVEC 40
#define BADAT 20

static int domain, type;
static uint16_t port;
static size_t pg;

/* The bad pointers of one run. */
static struct bad {
	const char *name;
	char *p;
} bad[8];
static int nbad;

static void result(const char *what, const char *which, long rc)
{
	char name[96];

	snprintf(name, sizeof name, "%s%s%s", what, which ? "-" : "",
		 which ? which : "");
	if (rc < 0)
		printf("%s: %s\n", name, strerrorname_np(errno));
	else
		printf("%s: %ld\n", name, rc);
	fflush(stdout);
}

static int sock(void)
{
	int fd = socket(domain, type, 0);

	if (fd < 0) {
		perror("badptr: socket");
		exit(2);
	}
	return fd;
}

static socklen_t addr_len(void)
{
	return domain == AF_INET6 ? sizeof(struct sockaddr_in6)
				  : sizeof(struct sockaddr_in);
}

/* 127.0.0.1 (or 127.0.0.x), IPv4-mapped on an IPv6 socket. */
static socklen_t loopback(struct sockaddr_storage *ss, int x)
{
	memset(ss, 0, sizeof *ss);
	if (domain == AF_INET6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
		char text[32];

		snprintf(text, sizeof text, "::ffff:127.0.0.%d", x);
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		inet_pton(AF_INET6, text, &s6->sin6_addr);
		return sizeof *s6;
	}
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;

	s4->sin_family = AF_INET;
	s4->sin_port = htons(port);
	s4->sin_addr.s_addr = htonl(0x7f000000u | (unsigned)x);
	return sizeof *s4;
}

/* An unmapped stretch: mapped, then unmapped again. */
static char *hole(void)
{
	char *p = mmap(NULL, HOLE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || munmap(p, HOLE) != 0) {
		perror("badptr: mmap");
		exit(2);
	}
	return p + HOLE / 2;
}

/* The last n bytes of a mapped page whose next page is unmapped. */
static char *edge(size_t n)
{
	char *p = mmap(NULL, HOLE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || munmap(p + pg, HOLE - pg) != 0) {
		perror("badptr: mmap");
		exit(2);
	}
	memset(p, 0, pg);
	return p + pg - n;
}

/* Just above the main thread's stack mapping, if nothing is mapped
 * there. */
static char *above_main_stack(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[512];
	unsigned long lo, hi = 0;

	while (f && fgets(line, sizeof line, f))
		if (strstr(line, "[stack]") &&
		    sscanf(line, "%lx-%lx", &lo, &hi) == 2)
			break;
	if (f)
		fclose(f);
	if (!hi || msync((void *)hi, pg, MS_ASYNC) == 0 || errno != ENOMEM)
		return NULL;
	return (char *)hi + 64;
}

static void setup_bad(void)
{
	char *none = mmap(NULL, pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
			  -1, 0);

	if (none == MAP_FAILED) {
		perror("badptr: mmap");
		exit(2);
	}
	bad[nbad++] = (struct bad){ "one", (char *)1 };
	bad[nbad++] = (struct bad){ "unmapped", hole() };
	bad[nbad++] = (struct bad){ "straddle", edge(8) };
	bad[nbad++] = (struct bad){ "protnone", none };
	bad[nbad++] = (struct bad){ "kernel", (char *)(uintptr_t)-4096 };
	bad[nbad++] = (struct bad){ "above-stack", above_main_stack() };
	if (!bad[nbad - 1].p)   /* something is mapped there: no such case */
		nbad--;
}

static void one_msg(struct msghdr *m, struct iovec *iov, void *name,
		    socklen_t len)
{
	iov->iov_base = "x";
	iov->iov_len = 1;
	memset(m, 0, sizeof *m);
	m->msg_iov = iov;
	m->msg_iovlen = 1;
	m->msg_name = name;
	m->msg_namelen = len;
}

static long do_sendmmsg(int fd, struct mmsghdr *v, unsigned n)
{
	return sendmmsg(fd, v, n, 0);
}

/* n messages to 127.0.0.1:PORT, the one at `at` with address p instead
 * (at >= n: none). */
static void fill_vec(struct mmsghdr *v, unsigned n, unsigned at, char *p,
		     struct sockaddr_storage *ss, struct iovec *iov)
{
	socklen_t l = loopback(ss, 1);

	memset(v, 0, n * sizeof *v);
	for (unsigned i = 0; i < n; i++)
		one_msg(&v[i].msg_hdr, iov, i == at ? p : (void *)ss, l);
}

static void bad_case(const struct bad *b)
{
	socklen_t l = addr_len();
	struct sockaddr_storage ss;
	struct iovec iov;
	struct msghdr m, *hm;
	struct mmsghdr v[2], *hv;
	int fd;

	fd = sock();
	result("bind", b->name, bind(fd, (struct sockaddr *)b->p, l));
	close(fd);
	fd = sock();
	result("connect", b->name, connect(fd, (struct sockaddr *)b->p, l));
	close(fd);
	fd = sock();
	result("sendto", b->name,
	       sendto(fd, "x", 1, 0, (struct sockaddr *)b->p, l));
	close(fd);
	if (type == SOCK_STREAM) {
		fd = sock();
		result("fastopen", b->name, sendto(fd, "x", 1, MSG_FASTOPEN,
						   (struct sockaddr *)b->p, l));
		close(fd);
	}
	fd = sock();
	result("sendmsg-hdr", b->name, sendmsg(fd, (struct msghdr *)b->p, 0));
	one_msg(&m, &iov, b->p, l);
	result("sendmsg-name", b->name, sendmsg(fd, &m, 0));
	hm = malloc(sizeof *hm);
	one_msg(hm, &iov, b->p, l);
	result("sendmsg-heap-name", b->name, sendmsg(fd, hm, 0));
	free(hm);
	result("sendmmsg-vec", b->name,
	       do_sendmmsg(fd, (struct mmsghdr *)b->p, 1));
	fill_vec(v, 1, 0, b->p, &ss, &iov);
	result("sendmmsg-name", b->name, do_sendmmsg(fd, v, 1));
	fill_vec(v, 2, 1, b->p, &ss, &iov);
	result("sendmmsg-2nd-name", b->name, do_sendmmsg(fd, v, 2));
	hv = malloc(LONGVEC * sizeof *hv);
	fill_vec(hv, LONGVEC, BADAT, b->p, &ss, &iov);
	result("sendmmsg-heap-long", b->name, do_sendmmsg(fd, hv, LONGVEC));
	free(hv);
	close(fd);
}

/* Lengths the kernel refuses before reading the address. */
static void length_cases(void)
{
	struct {
		struct sockaddr_storage ss;
		char more[72];
	} big;
	char *b = bad[0].p;
	struct sockaddr *sa = (struct sockaddr *)&big;
	struct iovec iov;
	struct msghdr m;
	int fd = sock();

	loopback(&big.ss, 2);
	result("bind-len0", "bad", bind(fd, (struct sockaddr *)b, 0));
	result("bind-len129", "bad", bind(fd, (struct sockaddr *)b, 129));
	result("bind-len200", NULL, bind(fd, sa, 200));
	result("bind-lenneg", NULL, bind(fd, sa, 0x80000000u));
	result("connect-len200", NULL, connect(fd, sa, 200));
	result("sendto-len200", NULL, sendto(fd, "x", 1, 0, sa, 200));
	one_msg(&m, &iov, sa, 0x80000000u);
	result("sendmsg-lenneg", NULL, sendmsg(fd, &m, 0));
	one_msg(&m, &iov, b, 0);
	result("sendmsg-len0", "bad", sendmsg(fd, &m, 0));
	close(fd);
}

/* The vector itself runs into an unmapped page: the second header. */
static void vector_edge(void)
{
	struct sockaddr_storage ss;
	struct iovec iov;
	struct mmsghdr *v = (struct mmsghdr *)edge(sizeof *v + 16);
	int fd = sock();

	fill_vec(v, 1, 1, NULL, &ss, &iov);
	result("sendmmsg-2nd-hdr", "straddle", do_sendmmsg(fd, v, 2));
	close(fd);
}

/* A thread whose stack (given by us, so without a guard page) has nothing
 * mapped above it: a pointer just above its top. */
static void *above_own_stack(void *arg)
{
	int fd = sock();

	result("bind", "thread-above-stack",
	       bind(fd, (struct sockaddr *)arg, addr_len()));
	close(fd);
	return NULL;
}

static void thread_case(void)
{
	size_t size = 64 << 10;
	char *p = mmap(NULL, size + HOLE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pthread_attr_t a;
	pthread_t t;

	if (p == MAP_FAILED || munmap(p + size, HOLE) != 0 ||
	    pthread_attr_init(&a) || pthread_attr_setstack(&a, p, size) ||
	    pthread_create(&t, &a, above_own_stack, p + size + 64) ||
	    pthread_join(t, NULL)) {
		perror("badptr: thread");
		exit(2);
	}
}

static int run_bad(void)
{
	setup_bad();
	for (int i = 0; i < nbad; i++)
		bad_case(&bad[i]);
	length_cases();
	vector_edge();
	thread_case();
	return 0;
}

/* Good addresses off the fast path. */
static struct sockaddr_storage static_ss;

static void bind_from(const char *where, const struct sockaddr_storage *ss)
{
	int fd = sock();

	result("bind", where, bind(fd, (const struct sockaddr *)ss,
				   addr_len()));
	close(fd);
}

static void *thread_bind(void *arg)
{
	struct sockaddr_storage ss;

	(void)arg;
	loopback(&ss, 1);
	bind_from("thread", &ss);
	return NULL;
}

static int deep(int n)
{
	volatile char pad[1024];
	struct sockaddr_storage ss;

	pad[0] = (char)n;
	if (n > 0)
		return deep(n - 1) + pad[0];
	loopback(&ss, 1);
	bind_from("deep", &ss);
	return 0;
}

static void on_usr1(int sig)
{
	struct sockaddr_storage ss;

	(void)sig;
	loopback(&ss, 1);
	bind_from("sigaltstack", &ss);
}

static int run_good(void)
{
	struct sockaddr_storage *h = malloc(sizeof *h), *hn = malloc(sizeof *hn);
	struct mmsghdr *hv = malloc(LONGVEC * sizeof *hv);
	struct msghdr *hm = malloc(sizeof *hm);
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_ONSTACK };
	stack_t st = { .ss_size = 64 << 10 };
	struct iovec iov;
	pthread_t t;
	int fd;

	loopback(h, 1);
	bind_from("heap", h);
	loopback(&static_ss, 1);
	bind_from("static", &static_ss);
	if (pthread_create(&t, NULL, thread_bind, NULL) == 0)
		pthread_join(t, NULL);
	deep(400);
	st.ss_sp = malloc(st.ss_size);
	sigaltstack(&st, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);

	fd = sock();
	loopback(h, 2);
	result("sendto", "heap", sendto(fd, "x", 1, 0, (struct sockaddr *)h,
					addr_len()));
	close(fd);
	fd = sock();
	loopback(hn, 2);
	one_msg(hm, &iov, hn, addr_len());
	result("sendmsg", "heap", sendmsg(fd, hm, 0));
	close(fd);
	fd = sock();
	fill_vec(hv, LONGVEC, BADAT, (char *)hn, h, &iov);
	loopback(h, 1);
	result("sendmmsg", "heap", do_sendmmsg(fd, hv, LONGVEC));
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct { const char *n; int d, t; } k[] = {
		{ "tcp4", AF_INET, SOCK_STREAM }, { "tcp6", AF_INET6, SOCK_STREAM },
		{ "udp4", AF_INET, SOCK_DGRAM }, { "udp6", AF_INET6, SOCK_DGRAM },
	};
	size_t i;

	if (argc != 4)
		goto usage;
	for (i = 0; i < sizeof k / sizeof k[0]; i++)
		if (!strcmp(argv[2], k[i].n))
			break;
	if (i == sizeof k / sizeof k[0])
		goto usage;
	domain = k[i].d;
	type = k[i].t;
	port = (uint16_t)atoi(argv[3]);
	pg = (size_t)sysconf(_SC_PAGESIZE);
	signal(SIGPIPE, SIG_IGN);
	if (!strcmp(argv[1], "bad"))
		return run_bad();
	if (!strcmp(argv[1], "good"))
		return run_good();
usage:
	fprintf(stderr, "usage: badptr bad|good tcp4|tcp6|udp4|udp6 PORT\n");
	return 2;
}
