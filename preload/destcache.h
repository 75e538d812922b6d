/*
 * Which destinations each UDP socket has already been allowed to reach
 * (spec 6, Decision: NETACCESS is checked on the first send of a socket to
 * each destination address and port).  A lock-free set of 64-bit keys
 * (psf_dest_key), allocated once, never shrunk.
 */
#ifndef PSF_PRELOAD_DESTCACHE_H
#define PSF_PRELOAD_DESTCACHE_H

#include <stdbool.h>
#include <stdint.h>

void psf_destcache_init(void);
bool psf_destcache_has(uint64_t key);
/* When the set is too full to take the key, the destination is simply
 * checked again at its next send. */
void psf_destcache_add(uint64_t key);

#endif
