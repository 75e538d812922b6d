/*
 * sup_threads_static THREADS ROUNDS DENIED: a statically linked program
 * whose threads make socket calls at once, each checking its own answers:
 * bind to port 0 (allowed), bind to DENIED (RESERVED in the policy:
 * EADDRINUSE), connect to a loopback listener (allowed), connect and UDP
 * send to 127.0.0.2 (a zone without access: EACCES).  Prints the number
 * of wrong answers; exit 0 when there is none.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static long rounds;
static uint16_t denied, listener_port;
static atomic_long wrong, calls;

static struct sockaddr_in addr(const char *a, uint16_t port)
{
	struct sockaddr_in in = { .sin_family = AF_INET };

	in.sin_port = htons(port);
	inet_pton(AF_INET, a, &in.sin_addr);
	return in;
}

/* One call on a new socket; its result must be want (0 or an errno). */
static void expect(int type, int connect_it, const char *a, uint16_t port,
		   int want)
{
	struct sockaddr_in in = addr(a, port);
	int fd = socket(AF_INET, type, 0), rc, got;

	if (type == SOCK_DGRAM)
		rc = (int)sendto(fd, "x", 1, 0, (struct sockaddr *)&in, sizeof in);
	else if (connect_it)
		rc = connect(fd, (struct sockaddr *)&in, sizeof in);
	else
		rc = bind(fd, (struct sockaddr *)&in, sizeof in);
	got = rc < 0 ? errno : 0;
	atomic_fetch_add(&calls, 1);
	if (got != want) {
		atomic_fetch_add(&wrong, 1);
		fprintf(stderr, "%s %s:%u: got %d, want %d\n",
			type == SOCK_DGRAM ? "sendto" : connect_it ? "connect" : "bind",
			a, port, got, want);
	}
	close(fd);
}

static void *worker(void *arg)
{
	(void)arg;
	for (long i = 0; i < rounds; i++) {
		expect(SOCK_STREAM, 0, "127.0.0.1", 0, 0);
		expect(SOCK_STREAM, 0, "127.0.0.1", denied, EADDRINUSE);
		expect(SOCK_STREAM, 1, "127.0.0.1", listener_port, 0);
		expect(SOCK_STREAM, 1, "127.0.0.2", 9, EACCES);
		expect(SOCK_DGRAM, 0, "127.0.0.2", 9, EACCES);
	}
	return NULL;
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

int main(int argc, char **argv)
{
	struct sockaddr_in in = addr("127.0.0.1", 0);
	socklen_t l = sizeof in;
	pthread_t acc, t[64];
	int n, lfd;

	if (argc != 4 || (n = atoi(argv[1])) < 1 || n > 64) {
		fprintf(stderr, "usage: sup_threads_static THREADS ROUNDS DENIED\n");
		return 2;
	}
	rounds = atol(argv[2]);
	denied = (uint16_t)atoi(argv[3]);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (bind(lfd, (struct sockaddr *)&in, l) || listen(lfd, 4096) ||
	    getsockname(lfd, (struct sockaddr *)&in, &l)) {
		perror("listener");
		return 2;
	}
	listener_port = ntohs(in.sin_port);
	pthread_create(&acc, NULL, acceptor, &lfd);
	for (int i = 0; i < n; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	printf("%ld calls, %ld wrong\n", atomic_load(&calls), atomic_load(&wrong));
	return atomic_load(&wrong) == 0 && atomic_load(&calls) == 5L * n * rounds ?
	       0 : 1;
}
