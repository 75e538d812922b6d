/*
 * sup_blocked: one thread's connect blocks (the peer's accept queue is
 * full, so its SYNs go unanswered, until SO_SNDTIMEO ends the wait after
 * 3 s) while another thread binds, again and again.  No bind may wait for
 * the connect: under the supervisor, a worker blocked on a target's
 * behalf must not hold up the target's other calls.  Prints the slowest
 * bind; exit 0 when it took under 1 s.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_in peer;
static int started[2];          /* a pipe: the connect is about to block */
static atomic_int connected;    /* the connect has returned */

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Fill the listener's accept queue so that one more connect blocks. */
static void *blocker(void *arg)
{
	struct timeval limit = { 3, 0 };
	int fd;

	(void)arg;
	for (int i = 0; i < 4; i++) {
		fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
		connect(fd, (struct sockaddr *)&peer, sizeof peer);
	}
	fd = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
	if (write(started[1], "x", 1) != 1)
		return NULL;
	connect(fd, (struct sockaddr *)&peer, sizeof peer);
	atomic_store(&connected, 1);
	return NULL;
}

int main(void)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	socklen_t l = sizeof peer;
	int lfd = socket(AF_INET, SOCK_STREAM, 0), fd;
	pthread_t t;
	double worst = 0;
	long binds = 0;
	char x;

	peer.sin_family = AF_INET;
	peer.sin_addr.s_addr = in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (pipe(started) || bind(lfd, (struct sockaddr *)&peer, l) ||
	    listen(lfd, 0) || getsockname(lfd, (struct sockaddr *)&peer, &l)) {
		perror("setup");
		return 2;
	}
	pthread_create(&t, NULL, blocker, NULL);
	if (read(started[0], &x, 1) != 1)
		return 2;
	while (!atomic_load(&connected)) {
		double t0 = now(), took;

		fd = socket(AF_INET, SOCK_STREAM, 0);
		if (bind(fd, (struct sockaddr *)&in, sizeof in) != 0) {
			perror("bind");
			return 1;
		}
		close(fd);
		took = now() - t0;
		worst = took > worst ? took : worst;
		binds++;
	}
	pthread_join(t, NULL);
	printf("%ld binds while a connect was blocked, the slowest took %.3f s\n",
	       binds, worst);
	return worst < 1.0 ? 0 : 1;
}
