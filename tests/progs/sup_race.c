/*
 * sup_race: one thread makes a call while another rewrites its sockaddr as
 * fast as it can.  The supervisor must decide on, and act on, one and the
 * same address (issue 5 item 2): the result of every call is checked
 * against what the kernel actually did.
 *
 *   sup_race bind ALLOWED DENIED N
 *       bind 127.0.0.1 while the port flips between ALLOWED and DENIED
 *       (DENIED is RESERVED in the policy): a bind that succeeds must
 *       have bound ALLOWED; a denied one must have left the socket
 *       unbound.
 *   sup_race sendto PORT N
 *       send UDP datagrams while the destination flips between
 *       127.0.0.1:PORT (allowed) and 127.0.0.2:PORT (a NETACCESS zone
 *       without access): 127.0.0.2 must receive nothing.
 *
 * Both outcomes must occur, or the race was not run.  Prints one summary
 * line; exit 0 when every call agreed, 1 otherwise, 2 on bad usage.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static struct sockaddr_in shared;
static atomic_int stop;
static uint16_t flip_ports[2];
static uint32_t flip_addrs[2];

/* Whole-field stores: the address is always one of the two valid ones. */
static void *flipper(void *arg)
{
	int i = 0;

	(void)arg;
	while (!atomic_load_explicit(&stop, memory_order_relaxed)) {
		__atomic_store_n(&shared.sin_port, flip_ports[i & 1], __ATOMIC_RELAXED);
		__atomic_store_n(&shared.sin_addr.s_addr, flip_addrs[i & 1],
				 __ATOMIC_RELAXED);
		i++;
	}
	return NULL;
}

static uint16_t bound_port(int fd)
{
	struct sockaddr_in in;
	socklen_t l = sizeof in;

	if (getsockname(fd, (struct sockaddr *)&in, &l) != 0)
		return 0xffff;
	return ntohs(in.sin_port);
}

static int race_bind(uint16_t allowed, uint16_t denied, long n)
{
	long ok = 0, refused = 0, wrong = 0;

	for (long i = 0; i < n; i++) {
		int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
		int rc;

		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		rc = bind(fd, (struct sockaddr *)&shared, sizeof shared);
		if (rc == 0 && bound_port(fd) == allowed)
			ok++;
		else if (rc < 0 && errno == EADDRINUSE && bound_port(fd) == 0)
			refused++;
		else {
			wrong++;
			fprintf(stderr, "bind: rc %d errno %d bound %u (denied %u)\n",
				rc, rc ? errno : 0, bound_port(fd), denied);
		}
		close(fd);
	}
	printf("bind: %ld allowed, %ld refused, %ld wrong\n", ok, refused, wrong);
	return wrong == 0 && ok > 0 && refused > 0 ? 0 : 1;
}

static int udp_on(const char *addr, uint16_t port)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	int big = 1 << 22;

	in.sin_port = htons(port);
	inet_pton(AF_INET, addr, &in.sin_addr);
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
	if (bind(fd, (struct sockaddr *)&in, sizeof in) != 0) {
		perror("receiver bind");
		exit(2);
	}
	return fd;
}

static long drain(int fd)
{
	char b[16];
	long n = 0;

	while (recv(fd, b, sizeof b, 0) >= 0)
		n++;
	return n;
}

static int race_sendto(uint16_t port, long n)
{
	int good = udp_on("127.0.0.1", port), bad = udp_on("127.0.0.2", port);
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	long sent = 0, refused = 0, other = 0, got_good = 0, got_bad = 0;

	for (long i = 0; i < n; i++) {
		if (sendto(fd, "x", 1, 0, (struct sockaddr *)&shared, sizeof shared) == 1)
			sent++;
		else if (errno == EACCES)
			refused++;
		else
			other++;
		/* Keep the receive queues short. */
		if (i % 64 == 0) {
			got_good += drain(good);
			got_bad += drain(bad);
		}
	}
	got_good += drain(good);
	got_bad += drain(bad);
	printf("sendto: %ld sent, %ld refused, %ld other; received %ld allowed, "
	       "%ld denied\n", sent, refused, other, got_good, got_bad);
	return got_bad == 0 && other == 0 && got_good > 0 && refused > 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	pthread_t t;
	int rc;

	shared.sin_family = AF_INET;
	if (argc == 5 && !strcmp(argv[1], "bind")) {
		flip_ports[0] = htons((uint16_t)atoi(argv[2]));
		flip_ports[1] = htons((uint16_t)atoi(argv[3]));
		flip_addrs[0] = flip_addrs[1] = htonl(INADDR_LOOPBACK);
	} else if (argc == 4 && !strcmp(argv[1], "sendto")) {
		flip_ports[0] = flip_ports[1] = htons((uint16_t)atoi(argv[2]));
		inet_pton(AF_INET, "127.0.0.1", &flip_addrs[0]);
		inet_pton(AF_INET, "127.0.0.2", &flip_addrs[1]);
	} else {
		fprintf(stderr, "usage: sup_race bind ALLOWED DENIED N | "
			"sendto PORT N\n");
		return 2;
	}
	shared.sin_port = flip_ports[0];
	shared.sin_addr.s_addr = flip_addrs[0];
	pthread_create(&t, NULL, flipper, NULL);
	if (argv[1][0] == 'b')
		rc = race_bind((uint16_t)atoi(argv[2]), (uint16_t)atoi(argv[3]),
			       atol(argv[4]));
	else
		rc = race_sendto((uint16_t)atoi(argv[2]), atol(argv[3]));
	atomic_store(&stop, 1);
	pthread_join(t, NULL);
	return rc;
}
