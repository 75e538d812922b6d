/*
 * The first-send set (see destcache.h): open addressing with a short probe
 * sequence over an anonymous mapping that costs memory only for the pages
 * it touches.  Keys of closed sockets stay (generations are never reused,
 * so they can never match again); a program that talks to more distinct
 * destinations than the set holds gets some of them checked again, which
 * costs a decision, never a wrong one.
 */
#include <stddef.h>
#include <sys/mman.h>
#include "destcache.h"

#define SLOTS (1u << 18)
#define PROBES 32

static uint64_t *set;

void psf_destcache_init(void)
{
	void *p = mmap(NULL, SLOTS * sizeof *set, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p != MAP_FAILED)
		__atomic_store_n(&set, (uint64_t *)p, __ATOMIC_RELEASE);
}

bool psf_destcache_has(uint64_t key)
{
	uint64_t *s = __atomic_load_n(&set, __ATOMIC_ACQUIRE);

	for (unsigned i = 0; s && i < PROBES; i++) {
		uint64_t v = __atomic_load_n(&s[(key + i) & (SLOTS - 1)],
					     __ATOMIC_ACQUIRE);
		if (v == key)
			return true;
		if (v == 0)
			return false;
	}
	return false;
}

void psf_destcache_add(uint64_t key)
{
	uint64_t *s = __atomic_load_n(&set, __ATOMIC_ACQUIRE);

	for (unsigned i = 0; s && i < PROBES; i++) {
		uint64_t expect = 0, *slot = &s[(key + i) & (SLOTS - 1)];

		if (__atomic_compare_exchange_n(slot, &expect, key, false,
						__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE) ||
		    expect == key)
			return;
	}
}
