/*
 * sup_signals N: one thread connects to a loopback listener N times while
 * another keeps signalling it (a handler without SA_RESTART, as Go's
 * preemption signals arrive).  A call a signal interrupts must not have
 * happened: a connect that returned EINTR must have left its socket
 * unconnected.  (The supervisor makes the call itself; it relies on the
 * caller waiting killably once the call is taken, so that no signal can
 * turn a connect it made into EINTR.)  Prints the counts; exit 1 when a
 * socket was connected behind an EINTR.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static atomic_int done;
static struct sockaddr_in peer;

static void on_signal(int sig)
{
	(void)sig;
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

static void *signaller(void *arg)
{
	pthread_t target = *(pthread_t *)arg;

	while (!atomic_load(&done))
		pthread_kill(target, SIGUSR1);
	return NULL;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };
	socklen_t l = sizeof peer;
	long n = argc > 1 ? atol(argv[1]) : 1000, ok = 0, intr = 0, bad = 0;
	pthread_t acc, sig, self = pthread_self();
	int lfd = socket(AF_INET, SOCK_STREAM, 0);

	sigaction(SIGUSR1, &sa, NULL);  /* no SA_RESTART: EINTR */
	peer.sin_family = AF_INET;
	peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(lfd, (struct sockaddr *)&peer, l) || listen(lfd, 4096) ||
	    getsockname(lfd, (struct sockaddr *)&peer, &l)) {
		perror("listener");
		return 2;
	}
	pthread_create(&acc, NULL, acceptor, &lfd);
	pthread_create(&sig, NULL, signaller, &self);
	for (long i = 0; i < n; i++) {
		int fd = socket(AF_INET, SOCK_STREAM, 0);
		struct sockaddr_in p;
		socklen_t pl = sizeof p;

		if (connect(fd, (struct sockaddr *)&peer, sizeof peer) == 0)
			ok++;
		else if (errno == EINTR && getpeername(fd, (struct sockaddr *)&p, &pl) != 0)
			intr++;
		else
			bad++;
		close(fd);
	}
	atomic_store(&done, 1);
	pthread_join(sig, NULL);
	printf("%ld connected, %ld interrupted before the call, %ld wrong\n",
	       ok, intr, bad);
	return bad == 0 && ok > 0 ? 0 : 1;
}
