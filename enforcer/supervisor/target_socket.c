#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include "ipaddr.h"
#include "target_socket.h"

#ifndef IPPROTO_MPTCP
#define IPPROTO_MPTCP 262
#endif

static int sockopt_int(int fd, int level, int name, int *v)
{
	socklen_t len = sizeof *v;

	return getsockopt(fd, level, name, v, &len) == 0 ? 0 : -errno;
}

/* As the preload classifies them: MPTCP takes its ports from TCP's table;
 * UDP-Lite, raw, ICMP and SCTP sockets have no port z/OS would check. */
static bool checked_proto(int type, int protocol, enum psf_proto *p)
{
	if (type == SOCK_STREAM &&
	    (protocol == IPPROTO_TCP || protocol == IPPROTO_MPTCP)) {
		*p = PSF_TCP;
		return true;
	}
	if (type == SOCK_DGRAM && protocol == IPPROTO_UDP) {
		*p = PSF_UDP;
		return true;
	}
	return false;
}

int psf_sup_socket_classify(int fd, struct psf_sup_socket *s)
{
	int protocol = 0, rc;

	memset(s, 0, sizeof *s);
	s->fd = fd;
	rc = sockopt_int(fd, SOL_SOCKET, SO_DOMAIN, &s->domain);
	if (rc)
		return rc;
	s->ip = s->domain == AF_INET || s->domain == AF_INET6;
	if (!s->ip)
		return 0;
	/* Both: a raw socket may name IPPROTO_TCP, an SCTP one SOCK_STREAM. */
	if ((rc = sockopt_int(fd, SOL_SOCKET, SO_TYPE, &s->type)) ||
	    (rc = sockopt_int(fd, SOL_SOCKET, SO_PROTOCOL, &protocol)))
		return rc;
	s->checked = checked_proto(s->type, protocol, &s->proto);
	return 0;
}

uint64_t psf_sup_socket_cookie(struct psf_sup_socket *s)
{
	uint64_t cookie = 0;
	socklen_t len = sizeof cookie;

	if (s->cookie)
		return s->cookie;
	if (getsockopt(s->fd, SOL_SOCKET, SO_COOKIE, &cookie, &len) != 0)
		return 0;
	s->cookie = cookie;
	return cookie;
}

int psf_sup_socket_local(const struct psf_sup_socket *s,
			 struct psf_ipaddr *addr, uint16_t *port)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;

	if (getsockname(s->fd, (struct sockaddr *)&ss, &len) != 0)
		return -errno;
	return psf_ipaddr_from_sockaddr((struct sockaddr *)&ss, len, addr, port);
}
