/*
 * Generic general-resource profile names (spec 5.2): which resources a
 * profile covers, which of several covering profiles is the most specific,
 * and an index that answers "which profile covers this resource" in a few
 * hash probes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "racf_generic.h"

bool psf_is_generic_name(const char *name)
{
	return strpbrk(name, "%*") != NULL;
}

/* ---------------- syntax ---------------- */

static bool is_double_star_at(const char *name, const char *s)
{
	return s[0] == '*' && s[1] == '*' &&
	       (s == name || s[-1] == '.') && (s[2] == '\0' || s[2] == '.');
}

const char *psf_generic_name_error(const char *name)
{
	bool seen_double = false;

	for (const char *s = name; *s; s++) {
		if (*s != '*')
			continue;
		if (s[1] == '*') {
			if (!is_double_star_at(name, s))
				return "'**' must be a whole qualifier";
			if (seen_double)
				return "'**' may appear only once";
			seen_double = true;
			s++;
			continue;
		}
		if (s[1] != '\0' && s[1] != '.')
			return "'*' must end a qualifier";
	}
	return NULL;
}

/* ---------------- matching ---------------- */

static const char *qual_end(const char *s)
{
	while (*s && *s != '.')
		s++;
	return s;
}

/* The qualifier after the one ending at e, NULL when e ends the name. */
static const char *next_qual(const char *e)
{
	return *e ? e + 1 : NULL;
}

/* One profile qualifier [p, pe) against one resource qualifier [r, re).
 * A resource qualifier never holds a period, so '%' cannot match one
 * (spec 5.2 Decision: % never matches a period). */
static bool qual_match(const char *p, const char *pe, const char *r,
		       const char *re)
{
	if (pe - p == 1 && *p == '*')           /* A.*.C: one whole qualifier */
		return re > r;
	for (; p < pe; p++, r++) {
		if (*p == '*')                  /* A.B*.C: rest of the qualifier */
			return true;
		if (r == re || (*p != '%' && *p != *r))
			return false;
	}
	return r == re;
}

/* p, r: the next qualifier of profile and resource, NULL when none is
 * left. */
static bool match_quals(const char *p, const char *r)
{
	while (p) {
		const char *pe = qual_end(p);

		if (pe - p == 2 && p[0] == '*' && p[1] == '*') {
			/* '**': zero or more qualifiers; it occurs once per
			 * name, so trying each split stays linear. */
			for (;;) {
				if (match_quals(next_qual(pe), r))
					return true;
				if (!r)
					return false;
				r = next_qual(qual_end(r));
			}
		}
		if (!r)
			return false;
		const char *re = qual_end(r);

		if (!*pe && pe[-1] == '*') {
			/* '*' ends the name: A.B* runs on over further
			 * qualifiers, A.B.* needs one or more of them. */
			return qual_match(p, pe, r, re);
		}
		if (!qual_match(p, pe, r, re))
			return false;
		p = next_qual(pe);
		r = next_qual(re);
	}
	return r == NULL;
}

bool psf_generic_match(const char *profile, const char *resource)
{
	if (!psf_is_generic_name(profile))
		return strcmp(profile, resource) == 0;
	return match_quals(profile, resource);
}

/* ---------------- specificity ---------------- */

enum spec_rank { R_LITERAL, R_PERCENT, R_STAR, R_DOUBLE_STAR, R_END };

static enum spec_rank rank_at(const char *name, size_t i)
{
	switch (name[i]) {
	case '\0':
		return R_END;
	case '%':
		return R_PERCENT;
	case '*':
		if (name[i + 1] == '*' || (i > 0 && name[i - 1] == '*'))
			return R_DOUBLE_STAR;
		return R_STAR;
	default:
		return R_LITERAL;
	}
}

/* Spec 5.2: from the left, at the first difference a literal (including
 * '.') beats '%', which beats '*', which beats '**'.  A name that ends
 * where the other goes on is the less specific one.  Two literals that
 * differ cannot both cover one resource; they are ordered by character
 * only to make the order total. */
int psf_generic_cmp(const char *a, const char *b)
{
	for (size_t i = 0;; i++) {
		enum spec_rank ra = rank_at(a, i), rb = rank_at(b, i);

		if (ra != rb)
			return (int)ra - (int)rb;
		if (ra == R_END)
			return 0;
		if (ra == R_LITERAL && a[i] != b[i])
			return (unsigned char)a[i] - (unsigned char)b[i];
	}
}

/* ---------------- the index ---------------- */

/*
 * Discrete profiles sit in a hash of full names.  A generic profile is
 * filed under its literal prefix (the characters before its first generic
 * character) and, within that, its literal suffix (those after its last
 * one); a lookup probes each prefix of the resource that some profile has,
 * longest first, and in a prefix found each suffix length used there.
 *
 * A profile with a longer literal prefix is always the more specific of
 * two that cover a resource (at the shorter prefix's end one has a literal
 * where the other has a generic character), so the first prefix with a
 * match holds RACF's choice; within it, each (prefix, suffix) group is
 * sorted by psf_generic_cmp and the best of the groups' first matches
 * wins.
 *
 * '**' matches zero qualifiers too, which the literal text around it does
 * not show: "A.**" covers "A", whose prefixes never include "A.", so such
 * a profile is filed a second time under the prefix without the period
 * (marked `shortened`, skipped there when the resource has the period);
 * "**.B" covers "B", so a suffix right after '**' loses its period.
 */

struct discrete_entry {
	const char *name;
	uint64_t hash;
	int idx;
};

struct generic_member {
	const char *name;
	int idx;
	uint16_t keylen, sufflen;       /* literal prefix, literal suffix */
	bool shortened;
};

/* A run of members with one prefix (and, for groups, one suffix). */
struct run {
	uint64_t hash;
	uint16_t keylen, sufflen;
	uint32_t first, count;
	uint32_t lens, nlens;           /* prefixes: suffix lengths in sufflens[] */
};

struct table {
	uint32_t *slot;                 /* run index + 1; 0 = empty */
	size_t mask;
};

struct psf_profile_index {
	struct discrete_entry *disc;
	size_t ndisc;
	uint32_t *dslots;               /* entry index + 1; 0 = empty */
	size_t dmask;
	struct generic_member *mem;
	size_t nmem;
	struct run *prefixes, *groups;
	size_t nprefixes, ngroups;
	struct table ptab, gtab;
	uint16_t *sufflens;
	size_t maxkey, maxsuffix;
	uint8_t keylens[(PSF_PROFILE_NAME_MAX + 8) / 8];  /* bit per prefix length in use */
};

static size_t table_size(size_t n)
{
	size_t cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	return cap;
}

static bool keylen_used(const struct psf_profile_index *ix, size_t len)
{
	return ix->keylens[len / 8] & (1u << (len % 8));
}

/* Suffixes hash from their last byte back, so that every suffix of a
 * resource hashes on the way. */
static uint64_t suffix_hash(const char *s, size_t n)
{
	uint64_t h = PSF_HASH_INIT;

	while (n--)
		h = psf_hash_step(h, (unsigned char)s[n]);
	return h;
}

static uint64_t group_hash(uint64_t prefix, uint64_t suffix, size_t sufflen)
{
	return prefix ^ (suffix * 0x9e3779b97f4a7c15ULL) ^ sufflen;
}

static size_t literal_prefix(const char *name)
{
	return strcspn(name, "%*");
}

static size_t literal_suffix(const char *name)
{
	size_t len = strlen(name), n = 0;

	while (n < len && name[len - 1 - n] != '*' && name[len - 1 - n] != '%')
		n++;
	if (n && n < len && name[len - 1 - n] == '*' && len - n >= 2 &&
	    name[len - 2 - n] == '*' && name[len - n] == '.')
		n--;                    /* "**.B" covers "B" */
	return n;
}

static bool ends_in_dot_double_star(const char *name, size_t keylen)
{
	return keylen > 0 && name[keylen - 1] == '.' &&
	       strcmp(name + keylen, "**") == 0;
}

static const char *suffix_of(const struct generic_member *g)
{
	return g->name + strlen(g->name) - g->sufflen;
}

static int member_order(const void *pa, const void *pb)
{
	const struct generic_member *a = pa, *b = pb;
	int c;

	if (a->keylen != b->keylen)
		return a->keylen < b->keylen ? -1 : 1;
	if ((c = memcmp(a->name, b->name, a->keylen)))
		return c;
	if (a->sufflen != b->sufflen)
		return a->sufflen < b->sufflen ? -1 : 1;
	if ((c = memcmp(suffix_of(a), suffix_of(b), a->sufflen)))
		return c;
	return psf_generic_cmp(a->name, b->name);
}

static void add_member(struct psf_profile_index *ix, const char *name, int idx)
{
	size_t kl = literal_prefix(name), sl = literal_suffix(name);

	if (kl > PSF_PROFILE_NAME_MAX)  /* the reader refuses such names */
		return;
	ix->mem[ix->nmem++] = (struct generic_member){
		name, idx, (uint16_t)kl, (uint16_t)sl, false };
	if (ends_in_dot_double_star(name, kl))
		ix->mem[ix->nmem++] = (struct generic_member){
			name, idx, (uint16_t)(kl - 1), (uint16_t)sl, true };
}

static int collect(struct psf_profile_index *ix, const struct psf_racf_model *m,
		   enum psf_class cls)
{
	ix->disc = malloc((m->nprofiles + 1) * sizeof *ix->disc);
	ix->mem = malloc((2 * m->nprofiles + 1) * sizeof *ix->mem);
	if (!ix->disc || !ix->mem)
		return -ENOMEM;
	for (size_t i = 0; i < m->nprofiles; i++) {
		const struct psf_profile *p = &m->profiles[i];

		if (p->cls != cls || !p->name)
			continue;
		if (p->generic)
			add_member(ix, p->name, (int)i);
		else
			ix->disc[ix->ndisc++] = (struct discrete_entry){
				p->name, psf_hash_name(p->name, strlen(p->name)),
				(int)i };
	}
	return 0;
}

static bool table_alloc(struct table *t, size_t n)
{
	t->mask = table_size(n) - 1;
	t->slot = calloc(t->mask + 1, sizeof *t->slot);
	return t->slot != NULL;
}

static void table_put(struct table *t, uint64_t hash, size_t i)
{
	size_t s = hash & t->mask;

	while (t->slot[s])
		s = (s + 1) & t->mask;
	t->slot[s] = (uint32_t)i + 1;
}

static void index_discrete(struct psf_profile_index *ix)
{
	for (size_t i = 0; i < ix->ndisc; i++) {
		size_t s = ix->disc[i].hash & ix->dmask;

		while (ix->dslots[s])
			s = (s + 1) & ix->dmask;
		ix->dslots[s] = (uint32_t)i + 1;
	}
}

static bool same_prefix(const struct generic_member *a,
			const struct generic_member *b)
{
	return a->keylen == b->keylen && memcmp(a->name, b->name, a->keylen) == 0;
}

static bool same_group(const struct generic_member *a,
		       const struct generic_member *b)
{
	return same_prefix(a, b) && a->sufflen == b->sufflen &&
	       memcmp(suffix_of(a), suffix_of(b), a->sufflen) == 0;
}

/* Files the group of members [first, end) and, when it starts a new
 * prefix, that prefix; records the suffix length under the prefix. */
static void add_group(struct psf_profile_index *ix, size_t first, size_t end)
{
	const struct generic_member *g = &ix->mem[first];
	uint64_t ph = psf_hash_name(g->name, g->keylen);
	struct run *p = ix->nprefixes ? &ix->prefixes[ix->nprefixes - 1] : NULL;

	if (!p || !same_prefix(&ix->mem[p->first], g)) {
		p = &ix->prefixes[ix->nprefixes];
		*p = (struct run){ ph, g->keylen, 0, (uint32_t)first, 0,
				   (uint32_t)ix->ngroups, 0 };
		table_put(&ix->ptab, ph, ix->nprefixes++);
		ix->keylens[g->keylen / 8] |= (uint8_t)(1u << (g->keylen % 8));
		if (g->keylen > ix->maxkey)
			ix->maxkey = g->keylen;
	}
	p->count += (uint32_t)(end - first);
	if (!p->nlens || ix->sufflens[p->lens + p->nlens - 1] != g->sufflen)
		ix->sufflens[p->lens + p->nlens++] = g->sufflen;
	ix->groups[ix->ngroups] = (struct run){
		group_hash(ph, suffix_hash(suffix_of(g), g->sufflen), g->sufflen),
		g->keylen, g->sufflen, (uint32_t)first, (uint32_t)(end - first),
		0, 0 };
	table_put(&ix->gtab, ix->groups[ix->ngroups].hash, ix->ngroups);
	ix->ngroups++;
	if (g->sufflen > ix->maxsuffix)
		ix->maxsuffix = g->sufflen;
}

static void index_generic(struct psf_profile_index *ix)
{
	size_t run = 0;

	qsort(ix->mem, ix->nmem, sizeof *ix->mem, member_order);
	for (size_t i = 1; i <= ix->nmem; i++) {
		if (i < ix->nmem && same_group(&ix->mem[run], &ix->mem[i]))
			continue;
		add_group(ix, run, i);
		run = i;
	}
}

struct psf_profile_index *psf_profile_index_build(const struct psf_racf_model *m,
						  enum psf_class cls)
{
	struct psf_profile_index *ix = calloc(1, sizeof *ix);
	size_t n;

	if (!ix || collect(ix, m, cls) < 0)
		goto nomem;
	n = ix->nmem + 1;
	ix->dmask = table_size(ix->ndisc) - 1;
	ix->dslots = calloc(ix->dmask + 1, sizeof *ix->dslots);
	ix->prefixes = malloc(n * sizeof *ix->prefixes);
	ix->groups = malloc(n * sizeof *ix->groups);
	ix->sufflens = malloc(n * sizeof *ix->sufflens);
	if (!ix->dslots || !ix->prefixes || !ix->groups || !ix->sufflens ||
	    !table_alloc(&ix->ptab, n) || !table_alloc(&ix->gtab, n))
		goto nomem;
	index_discrete(ix);
	index_generic(ix);
	return ix;
nomem:
	psf_profile_index_free(ix);
	errno = ENOMEM;
	return NULL;
}

void psf_profile_index_free(struct psf_profile_index *ix)
{
	if (!ix)
		return;
	free(ix->disc);
	free(ix->dslots);
	free(ix->mem);
	free(ix->prefixes);
	free(ix->groups);
	free(ix->sufflens);
	free(ix->ptab.slot);
	free(ix->gtab.slot);
	free(ix);
}

/* ---------------- lookups ---------------- */

/* A resource with the hashes of its prefixes and suffixes. */
struct resource {
	const char *name;
	size_t len;
	uint64_t pre[PSF_PROFILE_NAME_MAX + 1], suf[PSF_PROFILE_NAME_MAX + 1];
};

static void hash_resource(const struct psf_profile_index *ix, struct resource *r)
{
	size_t np = r->len < ix->maxkey ? r->len : ix->maxkey;
	size_t ns = r->len < ix->maxsuffix ? r->len : ix->maxsuffix;

	r->pre[0] = r->suf[0] = PSF_HASH_INIT;
	for (size_t i = 0; i < np; i++)
		r->pre[i + 1] = psf_hash_step(r->pre[i], (unsigned char)r->name[i]);
	for (size_t i = 0; i < ns; i++)
		r->suf[i + 1] = psf_hash_step(r->suf[i],
					      (unsigned char)r->name[r->len - 1 - i]);
}

static int find_discrete(const struct psf_profile_index *ix, const char *res,
			 uint64_t hash)
{
	for (size_t s = hash & ix->dmask; ix->dslots[s]; s = (s + 1) & ix->dmask) {
		const struct discrete_entry *e = &ix->disc[ix->dslots[s] - 1];

		if (e->hash == hash && strcmp(e->name, res) == 0)
			return e->idx;
	}
	return -1;
}

static const struct run *find_run(const struct psf_profile_index *ix,
				  const struct table *t, const struct run *runs,
				  uint64_t hash, const struct resource *r,
				  size_t keylen, size_t sufflen)
{
	for (size_t s = hash & t->mask; t->slot[s]; s = (s + 1) & t->mask) {
		const struct run *k = &runs[t->slot[s] - 1];
		const struct generic_member *g = &ix->mem[k->first];

		if (k->hash == hash && k->keylen == keylen &&
		    k->sufflen == sufflen && !memcmp(g->name, r->name, keylen) &&
		    !memcmp(suffix_of(g), r->name + r->len - sufflen, sufflen))
			return k;
	}
	return NULL;
}

static bool covers(const struct generic_member *g, const struct resource *r)
{
	if (g->shortened && g->keylen < r->len && r->name[g->keylen] == '.')
		return false;           /* met under its own prefix */
	return psf_generic_match(g->name, r->name);
}

/* The most specific profile of prefix p covering r, -1 if none. */
static int best_in_prefix(const struct psf_profile_index *ix,
			  const struct run *p, const struct resource *r)
{
	const struct generic_member *best = NULL;

	for (uint32_t j = 0; j < p->nlens; j++) {
		size_t sl = ix->sufflens[p->lens + j];
		const struct run *g;

		if (p->keylen + sl > r->len)
			break;          /* suffix lengths ascend */
		g = find_run(ix, &ix->gtab, ix->groups,
			     group_hash(p->hash, r->suf[sl], sl), r, p->keylen, sl);
		for (uint32_t k = 0; g && k < g->count; k++) {
			const struct generic_member *m = &ix->mem[g->first + k];

			if (!covers(m, r))
				continue;
			if (!best || psf_generic_cmp(m->name, best->name) < 0)
				best = m;
			break;          /* the group is in order */
		}
	}
	return best ? best->idx : -1;
}

/* Prefixes of r that some profile has, longest first: calls fn for each
 * until it returns false. */
typedef bool (*prefix_fn)(const struct psf_profile_index *ix,
			  const struct run *p, const struct resource *r,
			  void *arg);

static void each_prefix(const struct psf_profile_index *ix,
			const struct resource *r, prefix_fn fn, void *arg)
{
	size_t top = r->len < ix->maxkey ? r->len : ix->maxkey;

	if (!ix->nprefixes)
		return;
	for (size_t l = top + 1; l-- > 0;) {
		const struct run *p;

		if (keylen_used(ix, l) &&
		    (p = find_run(ix, &ix->ptab, ix->prefixes, r->pre[l], r, l, 0)) &&
		    !fn(ix, p, r, arg))
			return;
	}
}

static bool take_best(const struct psf_profile_index *ix, const struct run *p,
		      const struct resource *r, void *arg)
{
	int *best = arg;

	*best = best_in_prefix(ix, p, r);
	return *best < 0;
}

static struct resource *resource_of(const struct psf_profile_index *ix,
				    const char *name, struct resource *r)
{
	r->name = name;
	r->len = strlen(name);
	hash_resource(ix, r);
	return r;
}

int psf_profile_index_best(const struct psf_profile_index *ix,
			   const char *resource, bool generic_on)
{
	struct resource r;
	int best = find_discrete(ix, resource, psf_hash_name(resource,
							      strlen(resource)));

	if (best >= 0 || !generic_on)
		return best;
	each_prefix(ix, resource_of(ix, resource, &r), take_best, &best);
	return best;
}

/* psf_profile_index_all serves `portsaf explain`, not the hot path: it
 * gathers a prefix's matches and sorts them. */
struct all_acc {
	int *out;
	size_t max, n;
	const struct generic_member **found;
	size_t cap;
};

static int member_specificity(const void *a, const void *b)
{
	return psf_generic_cmp((*(const struct generic_member *const *)a)->name,
			       (*(const struct generic_member *const *)b)->name);
}

static bool take_all(const struct psf_profile_index *ix, const struct run *p,
		     const struct resource *r, void *arg)
{
	struct all_acc *a = arg;
	size_t n = 0;

	if (a->cap < p->count) {
		const struct generic_member **v =
			realloc(a->found, p->count * sizeof *v);

		if (!v)
			return false;
		a->found = v;
		a->cap = p->count;
	}
	for (uint32_t k = 0; k < p->count; k++)
		if (covers(&ix->mem[p->first + k], r))
			a->found[n++] = &ix->mem[p->first + k];
	qsort(a->found, n, sizeof *a->found, member_specificity);
	for (size_t k = 0; k < n; k++, a->n++)
		if (a->n < a->max)
			a->out[a->n] = a->found[k]->idx;
	return true;
}

size_t psf_profile_index_all(const struct psf_profile_index *ix,
			     const char *resource, bool generic_on,
			     int *out, size_t max)
{
	struct all_acc a = { out, max, 0, NULL, 0 };
	struct resource r;
	int d = find_discrete(ix, resource, psf_hash_name(resource,
							   strlen(resource)));

	if (d >= 0 && max)
		out[0] = d;
	a.n = d >= 0;
	if (generic_on)
		each_prefix(ix, resource_of(ix, resource, &r), take_all, &a);
	free(a.found);
	return a.n;
}
