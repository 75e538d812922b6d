/*
 * bind_storm THREADS BINDS: THREADS threads, released together by a
 * barrier, each doing BINDS times socket + bind(127.0.0.1:0) + close.
 * Under the discovery policy every bind is an audited event, so the SMF
 * file must end with exactly THREADS * BINDS whole records.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_barrier_t start;
static int binds;

static void *storm(void *arg)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	long failed = 0;

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	pthread_barrier_wait(&start);
	for (int i = 0; i < binds; i++) {
		int fd = socket(AF_INET, SOCK_STREAM, 0);

		if (fd < 0 || bind(fd, (struct sockaddr *)&in, sizeof in) < 0)
			failed++;
		if (fd >= 0)
			close(fd);
	}
	(void)arg;
	return (void *)failed;
}

int main(int argc, char **argv)
{
	int threads = argc > 1 ? atoi(argv[1]) : 8;
	pthread_t t[64];
	long failed = 0;

	binds = argc > 2 ? atoi(argv[2]) : 1000;
	if (threads < 1 || threads > 64 || binds < 1)
		return 2;
	pthread_barrier_init(&start, NULL, (unsigned)threads);
	for (int i = 0; i < threads; i++)
		if (pthread_create(&t[i], NULL, storm, NULL) != 0)
			return 2;
	for (int i = 0; i < threads; i++) {
		void *r;

		pthread_join(t[i], &r);
		failed += (long)r;
	}
	printf("binds %d failed %ld\n", threads * binds, failed);
	return failed ? 1 : 0;
}
