/*
 * preload_loop MODE N: the benchmark loops of issue 3, item 8, timed from
 * inside (start-up and the preload's one-time initialisation excluded by a
 * warm-up round); prints nanoseconds per iteration.
 *
 *   a  socket + bind(127.0.0.1:0) + close
 *   b  socket + bind(127.0.0.1:PORT) + listen + close  (PORT found free)
 *   c  socket + connect to a loopback listener + close (a thread accepts)
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_in loopback(uint16_t port)
{
	struct sockaddr_in in = { .sin_family = AF_INET };

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	in.sin_port = htons(port);
	return in;
}

static int one_a(uint16_t port)
{
	struct sockaddr_in in = loopback(0);
	int fd = socket(AF_INET, SOCK_STREAM, 0), rc;

	(void)port;
	rc = bind(fd, (struct sockaddr *)&in, sizeof in);
	close(fd);
	return rc;
}

static int one_b(uint16_t port)
{
	struct sockaddr_in in = loopback(port);
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1, rc;

	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	rc = bind(fd, (struct sockaddr *)&in, sizeof in);
	if (rc == 0)
		rc = listen(fd, 1);
	close(fd);
	return rc;
}

static int one_c(uint16_t port)
{
	struct sockaddr_in in = loopback(port);
	int fd = socket(AF_INET, SOCK_STREAM, 0), rc;

	rc = connect(fd, (struct sockaddr *)&in, sizeof in);
	close(fd);
	return rc;
}

static void *acceptor(void *arg)
{
	int lfd = *(int *)arg;

	for (;;) {
		int c = accept(lfd, NULL, NULL);

		if (c >= 0)
			close(c);
	}
	return NULL;
}

/* A listening socket on a kernel-chosen port; its port. */
static uint16_t listener(int *lfd)
{
	struct sockaddr_in in = loopback(0);
	socklen_t l = sizeof in;

	*lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (bind(*lfd, (struct sockaddr *)&in, l) || listen(*lfd, 4096) ||
	    getsockname(*lfd, (struct sockaddr *)&in, &l))
		exit(2);
	return ntohs(in.sin_port);
}

static uint16_t free_port(void)
{
	int fd;
	uint16_t p = listener(&fd);

	close(fd);
	return p;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "a";
	long n = argc > 2 ? atol(argv[2]) : 10000;
	int (*one)(uint16_t) = mode[0] == 'b' ? one_b : mode[0] == 'c' ? one_c : one_a;
	uint16_t port = 0;
	pthread_t t;
	int lfd;
	double t0;

	if (mode[0] == 'b')
		port = free_port();
	if (mode[0] == 'c') {
		port = listener(&lfd);
		pthread_create(&t, NULL, acceptor, &lfd);
	}
	for (long i = 0; i < n / 10 + 1; i++)       /* warm-up, init */
		if (one(port) != 0)
			return 1;
	t0 = now_ns();
	for (long i = 0; i < n; i++)
		if (one(port) != 0)
			return 1;
	printf("%.1f\n", (now_ns() - t0) / (double)n);
	return 0;
}
