/*
 * ctor_bind PORT: binds 127.0.0.1:PORT from a constructor, before main and
 * before anything else in the process has called into libportsaf.so,
 * then again from main; prints each result.  The preload's lazy
 * initialisation must decide both the same way.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *try_bind(void)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	const char *port = getenv("CTOR_PORT");
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	int rc;

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	in.sin_port = htons((uint16_t)(port ? atoi(port) : 0));
	rc = bind(fd, (struct sockaddr *)&in, sizeof in);
	close(fd);
	return rc == 0 ? "OK" : errno == EADDRINUSE ? "EADDRINUSE" :
	       errno == EACCES ? "EACCES" : "EOTHER";
}

static const char *early;

__attribute__((constructor)) static void before_main(void)
{
	early = try_bind();
}

int main(void)
{
	printf("constructor: %s\nmain: %s\n", early, try_bind());
	return 0;
}
