/*
 * sup_resvport tcp|udp: glibc's bindresvport(3), whose bind() is a call
 * inside libc that LD_PRELOAD never sees.  Prints "bindresvport: OK PORT"
 * or "bindresvport: ERRNAME".
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

int main(int argc, char **argv)
{
	struct sockaddr_in in;
	socklen_t l = sizeof in;
	int udp = argc > 1 && !strcmp(argv[1], "udp");
	int fd = socket(AF_INET, udp ? SOCK_DGRAM : SOCK_STREAM, 0);

	if (bindresvport(fd, NULL) != 0) {
		const char *n = strerrorname_np(errno);

		printf("bindresvport: %s\n", n ? n : "EOTHER");
		return 0;
	}
	getsockname(fd, (struct sockaddr *)&in, &l);
	printf("bindresvport: OK %u\n", ntohs(in.sin_port));
	return 0;
}
