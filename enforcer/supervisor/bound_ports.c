#include "bound_ports.h"

static struct psf_sup_seen_key key_of(struct psf_sup_socket *s)
{
	struct psf_sup_seen_key k = { .cookie = psf_sup_socket_cookie(s) };

	return k;
}

void psf_sup_bound_to_zero(struct psf_sup *sup, struct psf_sup_socket *s)
{
	struct psf_sup_seen_key k = key_of(s);

	if (k.cookie)
		psf_sup_seen_add(sup->binds, &k);
}

bool psf_sup_bound_explicitly(struct psf_sup *sup,
			      struct psf_sup_socket *s, uint16_t port)
{
	struct psf_sup_seen_key k;

	if (port == 0)
		return false;
	k = key_of(s);
	return !k.cookie || !psf_sup_seen_has(sup->binds, &k);
}
