/*
 * What the supervisor remembers about a socket between calls, keyed by
 * the socket's cookie (SO_COOKIE: unique for the life of the system, so a
 * closed socket's entries can never be mistaken for a new socket's):
 *   - which TCP sockets it bound to port 0 (a later listen() is then on a
 *     stack-assigned port, spec 2.3);
 *   - which destinations a socket has already sent to (NETACCESS is
 *     checked at the first send per destination, spec 6 Decision).
 * Memory is bounded: an entry takes the place of the one its key hashes
 * to, so a forgotten destination is checked (and audited) once more and a
 * forgotten port-0 bind counts as explicit at listen().
 */
#ifndef PSF_SUP_SEEN_SET_H
#define PSF_SUP_SEEN_SET_H

#include <stdbool.h>
#include <stdint.h>
#include "portsaf.h"

struct psf_sup_seen_key {
	uint64_t cookie;
	struct psf_ipaddr addr;         /* zero when the socket alone is the key */
	uint16_t port;
};

struct psf_sup_seen;

struct psf_sup_seen *psf_sup_seen_new(unsigned slots);
void psf_sup_seen_free(struct psf_sup_seen *s);
bool psf_sup_seen_has(struct psf_sup_seen *s, const struct psf_sup_seen_key *k);
void psf_sup_seen_add(struct psf_sup_seen *s, const struct psf_sup_seen_key *k);

#endif
