/*
 * connect(2): NETACCESS OUTBOUND against the destination (spec 6).  The
 * supervisor connects its duplicate of the socket to its own copy of the
 * address, so the destination checked is the destination reached.
 */
#include <unistd.h>
#include "dest_check.h"
#include "kernel_sockaddr.h"
#include "socket_calls.h"
#include "target_mem.h"

static int on_ip_socket(struct psf_sup_call *c, struct psf_sup_socket *s)
{
	struct sockaddr_storage ss;
	int len = (int)c->req->data.args[2];
	int rc = psf_sup_copy_sockaddr(c, c->req->data.args[1], len, &ss);

	if (!rc)
		rc = psf_sup_mem_confirm(c->sup->listener, c->req);
	if (rc)
		return rc;
	if (s->checked) {
		const struct psf_addr_sock k = { s->domain, s->proto, s->fd };
		struct psf_endpoint e;

		rc = psf_kernel_sockaddr(&k, PSF_ADDR_CONNECT, &ss, (size_t)len,
					 &e);
		if (rc == 1)
			rc = psf_sup_dest_check(c, s, PSF_OP_CONNECT, &e.addr,
						e.port);
		if (rc < 0)
			return rc;
	}
	return psf_sup_do_connect(c, s, &ss, (size_t)len);
}

void psf_sup_on_connect(struct psf_sup_call *c)
{
	psf_sup_on_socket_call(c, on_ip_socket);
}
