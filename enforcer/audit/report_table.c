/*
 * Hash tables for the report (report_table.h).  Open addressing with
 * linear probing, kept at most half full; slots hold entry indexes so
 * that growing rehashes 4-byte slots, not entries.
 */
#include <stdlib.h>
#include <string.h>
#include "report_table.h"

#define MIN_SLOTS 256

/* 64-bit multiply-xorshift over 8-byte words: keys are a hundred bytes
 * and a million records hash one each, so bytewise hashing would show. */
static uint64_t hash_bytes(const void *p, size_t n)
{
	const unsigned char *c = p;
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;

	for (; n >= 8; n -= 8, c += 8) {
		uint64_t w;

		memcpy(&w, c, 8);
		h = (h ^ w) * 0xBF58476D1CE4E5B9u;
		h ^= h >> 31;
	}
	for (; n; n--, c++)
		h = (h ^ *c) * 0x94D049BB133111EBu;
	h ^= h >> 29;
	return h;
}

/* Rebuild slots at twice the size: indexes into v stay valid. */
static int grow_slots(uint32_t **slots, size_t *nslots, size_t n,
		      uint64_t (*hash_of)(const void *, size_t), const void *ctx)
{
	size_t ns = *nslots ? *nslots * 2 : MIN_SLOTS;
	uint32_t *s = calloc(ns, sizeof *s);

	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++) {
		size_t at = hash_of(ctx, i) & (ns - 1);

		while (s[at])
			at = (at + 1) & (ns - 1);
		s[at] = (uint32_t)i + 1;
	}
	free(*slots);
	*slots = s;
	*nslots = ns;
	return 0;
}

static uint64_t entry_hash(const void *ctx, size_t i)
{
	const struct psf_report_table *t = ctx;

	return hash_bytes(&t->v[i].key, sizeof t->v[i].key);
}

/* v with room for n + 1 elements: v itself, a larger copy, or NULL when
 * out of memory (v is then still valid). */
static void *room_for_one_more(void *v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return v;
	size_t nc = *cap ? *cap * 2 : 64;
	void *nv = realloc(v, nc * size);

	if (nv)
		*cap = nc;
	return nv;
}

struct psf_report_entry *psf_report_table_get(struct psf_report_table *t,
					      const struct psf_report_key *key)
{
	if (2 * (t->n + 1) > t->nslots &&
	    grow_slots(&t->slots, &t->nslots, t->n, entry_hash, t) < 0)
		return NULL;
	size_t at = hash_bytes(key, sizeof *key) & (t->nslots - 1);

	for (; t->slots[at]; at = (at + 1) & (t->nslots - 1)) {
		struct psf_report_entry *e = &t->v[t->slots[at] - 1];

		if (memcmp(&e->key, key, sizeof *key) == 0)
			return e;
	}
	struct psf_report_entry *v = t->n < UINT32_MAX - 1 ?
		room_for_one_more(t->v, &t->cap, t->n, sizeof *t->v) : NULL;

	if (!v)
		return NULL;
	t->v = v;
	struct psf_report_entry *e = &t->v[t->n];

	memset(e, 0, sizeof *e);
	memcpy(&e->key, key, sizeof *key);
	t->slots[at] = (uint32_t)++t->n;
	return e;
}

void psf_report_table_free(struct psf_report_table *t)
{
	free(t->v);
	free(t->slots);
	memset(t, 0, sizeof *t);
}

static uint64_t string_hash(const void *ctx, size_t i)
{
	const struct psf_strpool *p = ctx;

	return hash_bytes(p->s[i], strlen(p->s[i]));
}

uint32_t psf_strpool_id(struct psf_strpool *p, const char *s)
{
	if (2 * (p->n + 1) > p->nslots &&
	    grow_slots(&p->slots, &p->nslots, p->n, string_hash, p) < 0)
		return UINT32_MAX;
	size_t at = hash_bytes(s, strlen(s)) & (p->nslots - 1);

	for (; p->slots[at]; at = (at + 1) & (p->nslots - 1))
		if (strcmp(p->s[p->slots[at] - 1], s) == 0)
			return p->slots[at] - 1;
	char **v = p->n < UINT32_MAX - 1 ?
		room_for_one_more(p->s, &p->cap, p->n, sizeof *p->s) : NULL;
	char *copy = v ? strdup(s) : NULL;

	if (v)
		p->s = v;
	if (!copy)
		return UINT32_MAX;
	p->s[p->n] = copy;
	p->slots[at] = (uint32_t)++p->n;
	return (uint32_t)(p->n - 1);
}

void psf_strpool_free(struct psf_strpool *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->s[i]);
	free(p->s);
	free(p->slots);
	memset(p, 0, sizeof *p);
}
