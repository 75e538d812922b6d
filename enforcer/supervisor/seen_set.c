/* A direct-mapped hash table under one lock: lookups are a few tens of
 * nanoseconds, far below a notification's cost. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "seen_set.h"

struct slot {
	bool used;
	struct psf_sup_seen_key key;
};

struct psf_sup_seen {
	pthread_mutex_t lock;
	unsigned nslots;
	struct slot *slots;
};

struct psf_sup_seen *psf_sup_seen_new(unsigned slots)
{
	struct psf_sup_seen *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->slots = calloc(slots, sizeof *s->slots);
	if (!s->slots) {
		free(s);
		return NULL;
	}
	s->nslots = slots;
	pthread_mutex_init(&s->lock, NULL);
	return s;
}

void psf_sup_seen_free(struct psf_sup_seen *s)
{
	if (!s)
		return;
	pthread_mutex_destroy(&s->lock);
	free(s->slots);
	free(s);
}

/* Field by field: the struct's padding is not part of the key. */
static uint64_t key_hash(const struct psf_sup_seen_key *k)
{
	uint64_t h = 1469598103934665603ULL;
	const uint8_t *p = k->addr.b;

	h = (h ^ k->cookie) * 1099511628211ULL;
	h = (h ^ k->addr.family) * 1099511628211ULL;
	for (size_t i = 0; i < sizeof k->addr.b; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	h = (h ^ k->port) * 1099511628211ULL;
	return h ^ (h >> 29);
}

static bool key_equal(const struct psf_sup_seen_key *a,
		      const struct psf_sup_seen_key *b)
{
	return a->cookie == b->cookie && a->port == b->port &&
	       a->addr.family == b->addr.family &&
	       !memcmp(a->addr.b, b->addr.b, sizeof a->addr.b);
}

bool psf_sup_seen_has(struct psf_sup_seen *s, const struct psf_sup_seen_key *k)
{
	struct slot *sl;
	bool found;

	pthread_mutex_lock(&s->lock);
	sl = &s->slots[key_hash(k) % s->nslots];
	found = sl->used && key_equal(&sl->key, k);
	pthread_mutex_unlock(&s->lock);
	return found;
}

void psf_sup_seen_add(struct psf_sup_seen *s, const struct psf_sup_seen_key *k)
{
	struct slot *sl;

	pthread_mutex_lock(&s->lock);
	sl = &s->slots[key_hash(k) % s->nslots];
	sl->used = true;
	sl->key = *k;
	pthread_mutex_unlock(&s->lock);
}
