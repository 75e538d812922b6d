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
 * match holds the prefix files' choice; within it, each (prefix, suffix)
 * group is sorted by psf_generic_cmp and the best of the groups' first
 * matches wins.
 *
 * '**' matches zero qualifiers too, which the literal text around it does
 * not show: "A.**" covers "A", whose prefixes never include "A.", so such
 * a profile is filed a second time under the prefix without the period
 * (marked `shortened`, skipped there when the resource has the period);
 * "**.B" covers "B", so a suffix right after '**' loses its period.
 *
 * Anchors.  Sites write generics like EZB.PORTACCESS.*.*.Q0123*: generic
 * qualifiers in the middle and a '*' at the end, so that hundreds of them
 * share the prefix "EZB.PORTACCESS." and an empty suffix, and the files
 * above would leave a lookup to try them one by one.  Up to the first
 * '**', each qualifier of a profile covers exactly one qualifier of the
 * resource, so a later qualifier that starts with literal characters
 * ("Q0123") tells what the resource's qualifier at the same place starts
 * with.  A profile with such an "anchor" qualifier after the one holding
 * its first generic character is filed instead under (literal prefix,
 * anchor's index, anchor's literal head); the rightmost anchor is taken,
 * as names grow more particular to the right.  A lookup probes each
 * (prefix length, index, head length) some anchored profile has, which
 * finds every anchored profile that can cover the resource; each such
 * group is sorted by psf_generic_cmp, and the best anchored match is
 * weighed against the prefix files' choice with psf_generic_cmp.  An
 * anchor with no generic character ("RES1" in A.*.RES1) is marked whole
 * and probed only where the resource's qualifier has just its length:
 * resource A.X.RES12 then does not try, and fail to match, A.*.RES1.
 * Because a longer literal prefix wins, a lookup probes anchors longest
 * prefix first and skips, there and in the prefix files, whatever has a
 * shorter prefix than a match already found.
 */

/* Anchors beyond this qualifier index are not used (their profiles stay
 * in the prefix files): a lookup records where this many qualifiers
 * start. */
#define ANCHOR_QUALS (PSF_PROFILE_NAME_MAX / 2 + 1)

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

/* A generic filed under its anchor qualifier. */
struct anchored_member {
	const char *name;
	int idx;
	uint16_t keylen;                /* literal prefix */
	uint16_t qual;                  /* the anchor's qualifier index */
	uint16_t headoff, headlen;      /* the anchor's literal head in name */
	bool whole;                     /* the head is the whole qualifier */
};

/* What a lookup probes for anchored profiles: a prefix length, qualifier
 * index and head length that some anchored profile has, and whether the
 * head must be the resource's whole qualifier. */
struct anchor_shape {
	uint16_t keylen, qual, headlen;
	bool whole;
};

/* A run of anchored members with one prefix, anchor index and head. */
struct anchor_group {
	uint64_t hash;
	uint32_t first, count;
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
	struct anchored_member *amem;
	size_t namem;
	struct anchor_group *agroups;
	size_t nagroups;
	struct table atab;
	struct anchor_shape *shapes;
	size_t nshapes;
	size_t maxkey, maxsuffix;       /* maxkey: of prefix files and anchors */
	size_t maxqual;                 /* highest anchor index + 1 */
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

/* An anchor group's key: the prefix's hash carried on over the anchor's
 * index and head, so that a lookup starts from the hash of the resource's
 * prefix it already has. */
static uint64_t anchor_hash(uint64_t prefix, size_t qual, const char *head,
			    size_t headlen)
{
	uint64_t h = psf_hash_step(psf_hash_step(prefix, (unsigned char)qual),
				   (unsigned char)(qual >> 8));

	for (size_t i = 0; i < headlen; i++)
		h = psf_hash_step(h, (unsigned char)head[i]);
	return h;
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

static size_t qualifier_index(const char *name, size_t pos)
{
	size_t n = 0;

	for (size_t i = 0; i < pos; i++)
		n += name[i] == '.';
	return n;
}

/* The start of the qualifier of name holding position p. */
static const char *qual_start(const char *name, const char *p)
{
	while (p > name && p[-1] != '.')
		p--;
	return p;
}

/* Records qualifier [s, e), number qual, as a's anchor: its head runs to
 * its first generic character. */
static void set_anchor(struct anchored_member *a, const char *s,
		       const char *e, size_t qual)
{
	a->qual = (uint16_t)qual;
	a->headoff = (uint16_t)(s - a->name);
	a->headlen = (uint16_t)strcspn(s, "%*.");
	a->whole = s + a->headlen == e;
}

/* Finds the anchor of generic name a->name (literal prefix a->keylen
 * long): its rightmost qualifier that starts with a literal character,
 * after the qualifier holding the first generic character and before any
 * '**' (which shifts the qualifiers after it).  False when there is none
 * within ANCHOR_QUALS. */
static bool find_anchor(struct anchored_member *a)
{
	const char *key_end = a->name + a->keylen;
	const char *s = qual_start(a->name, key_end);
	bool found = false;

	for (size_t qual = qualifier_index(a->name, a->keylen);
	     qual < ANCHOR_QUALS; qual++) {
		const char *e = qual_end(s);

		if (e - s == 2 && s[0] == '*' && s[1] == '*')
			break;
		if (s > key_end && e > s && *s != '*' && *s != '%') {
			set_anchor(a, s, e, qual);
			found = true;
		}
		if (!*e)
			break;
		s = e + 1;
	}
	return found;
}

static const char *head_of(const struct anchored_member *a)
{
	return a->name + a->headoff;
}

static struct anchor_shape shape_of(const struct anchored_member *a)
{
	return (struct anchor_shape){ a->keylen, a->qual, a->headlen, a->whole };
}

static int shape_cmp(struct anchor_shape a, struct anchor_shape b)
{
	if (a.keylen != b.keylen)
		return a.keylen < b.keylen ? -1 : 1;
	if (a.qual != b.qual)
		return a.qual < b.qual ? -1 : 1;
	if (a.headlen != b.headlen)
		return a.headlen < b.headlen ? -1 : 1;
	return (int)a.whole - (int)b.whole;
}

/* By shape, then key text (so that groups and shapes are runs), then
 * specificity (so that a group's first match is its best). */
static int anchored_order(const void *pa, const void *pb)
{
	const struct anchored_member *a = pa, *b = pb;
	int c;

	if ((c = shape_cmp(shape_of(a), shape_of(b))) ||
	    (c = memcmp(a->name, b->name, a->keylen)) ||
	    (c = memcmp(head_of(a), head_of(b), a->headlen)))
		return c;
	return psf_generic_cmp(a->name, b->name);
}

/* Files a generic under its anchor, or under its literal prefix and
 * suffix when it has none (see above). */
static void add_member(struct psf_profile_index *ix, const char *name, int idx)
{
	size_t kl = literal_prefix(name), sl;
	struct anchored_member a = { name, idx, (uint16_t)kl, 0, 0, 0, false };

	if (kl > PSF_PROFILE_NAME_MAX)  /* the reader refuses such names */
		return;
	/* the length bound keeps the anchor's offsets within uint16_t */
	if (strlen(name) <= PSF_PROFILE_NAME_MAX && find_anchor(&a)) {
		ix->amem[ix->namem++] = a;
		return;
	}
	sl = literal_suffix(name);
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
	ix->amem = malloc((m->nprofiles + 1) * sizeof *ix->amem);
	if (!ix->disc || !ix->mem || !ix->amem)
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

/* Files the anchored members [first, end), which share prefix, anchor
 * index and head, and their shape when it is new. */
static void add_anchor_group(struct psf_profile_index *ix, size_t first,
			     size_t end)
{
	const struct anchored_member *a = &ix->amem[first];
	struct anchor_shape sh = shape_of(a);
	struct anchor_group *g = &ix->agroups[ix->nagroups];

	if (!ix->nshapes || shape_cmp(ix->shapes[ix->nshapes - 1], sh))
		ix->shapes[ix->nshapes++] = sh;
	*g = (struct anchor_group){
		anchor_hash(psf_hash_name(a->name, a->keylen), a->qual,
			    head_of(a), a->headlen),
		(uint32_t)first, (uint32_t)(end - first) };
	table_put(&ix->atab, g->hash, ix->nagroups++);
	if (a->keylen > ix->maxkey)
		ix->maxkey = a->keylen;
	if (a->qual >= ix->maxqual)
		ix->maxqual = a->qual + 1u;
}

static bool same_anchor(const struct anchored_member *a,
			const struct anchored_member *b)
{
	return !shape_cmp(shape_of(a), shape_of(b)) &&
	       !memcmp(a->name, b->name, a->keylen) &&
	       !memcmp(head_of(a), head_of(b), a->headlen);
}

static void index_anchored(struct psf_profile_index *ix)
{
	size_t run = 0;

	qsort(ix->amem, ix->namem, sizeof *ix->amem, anchored_order);
	for (size_t i = 1; i <= ix->namem; i++) {
		if (i < ix->namem && same_anchor(&ix->amem[run], &ix->amem[i]))
			continue;
		add_anchor_group(ix, run, i);
		run = i;
	}
}

struct psf_profile_index *psf_profile_index_build(const struct psf_racf_model *m,
						  enum psf_class cls)
{
	struct psf_profile_index *ix = calloc(1, sizeof *ix);
	size_t n, na;

	if (!ix || collect(ix, m, cls) < 0)
		goto nomem;
	n = ix->nmem + 1;
	na = ix->namem + 1;
	ix->dmask = table_size(ix->ndisc) - 1;
	ix->dslots = calloc(ix->dmask + 1, sizeof *ix->dslots);
	ix->prefixes = malloc(n * sizeof *ix->prefixes);
	ix->groups = malloc(n * sizeof *ix->groups);
	ix->sufflens = malloc(n * sizeof *ix->sufflens);
	ix->agroups = malloc(na * sizeof *ix->agroups);
	ix->shapes = malloc(na * sizeof *ix->shapes);
	if (!ix->dslots || !ix->prefixes || !ix->groups || !ix->sufflens ||
	    !ix->agroups || !ix->shapes || !table_alloc(&ix->ptab, n) ||
	    !table_alloc(&ix->gtab, n) || !table_alloc(&ix->atab, na))
		goto nomem;
	index_discrete(ix);
	index_generic(ix);
	index_anchored(ix);
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
	free(ix->amem);
	free(ix->agroups);
	free(ix->shapes);
	free(ix->atab.slot);
	free(ix);
}

/* ---------------- lookups ---------------- */

/* A resource with the hashes of its prefixes and suffixes, and where its
 * qualifiers start (as far as anchors go). */
struct resource {
	const char *name;
	size_t len;
	uint64_t pre[PSF_PROFILE_NAME_MAX + 1], suf[PSF_PROFILE_NAME_MAX + 1];
	size_t quals[ANCHOR_QUALS], nquals;
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

/* Qualifiers are split as psf_generic_match splits them: at every
 * period, empty ones included. */
static void split_resource(const struct psf_profile_index *ix,
			   struct resource *r)
{
	const char *s = r->name;

	r->nquals = 0;
	while (r->nquals < ix->maxqual) {
		r->quals[r->nquals++] = (size_t)(s - r->name);
		s = qual_end(s);
		if (!*s)
			break;
		s++;
	}
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

/* Whether r's qualifier of shape sh is long enough for its head, and no
 * longer when the head must be the whole qualifier. */
static bool fits_shape(const struct anchor_shape *sh, const struct resource *r)
{
	size_t end;

	if (sh->keylen > r->len || sh->qual >= r->nquals)
		return false;
	end = r->quals[sh->qual] + sh->headlen;
	return end <= r->len &&
	       (!sh->whole || r->name[end] == '.' || r->name[end] == '\0');
}

/* The anchored profiles of shape sh with r's prefix and head, NULL if
 * none. */
static const struct anchor_group *find_anchor_group(
	const struct psf_profile_index *ix, const struct anchor_shape *sh,
	const struct resource *r)
{
	const char *head;
	uint64_t h;

	if (!fits_shape(sh, r))
		return NULL;
	head = r->name + r->quals[sh->qual];
	h = anchor_hash(r->pre[sh->keylen], sh->qual, head, sh->headlen);
	for (size_t s = h & ix->atab.mask; ix->atab.slot[s];
	     s = (s + 1) & ix->atab.mask) {
		const struct anchor_group *g = &ix->agroups[ix->atab.slot[s] - 1];
		const struct anchored_member *a = &ix->amem[g->first];

		if (g->hash == h && !shape_cmp(shape_of(a), *sh) &&
		    !memcmp(a->name, r->name, sh->keylen) &&
		    !memcmp(head_of(a), head, sh->headlen))
			return g;
	}
	return NULL;
}

static bool covers(const struct generic_member *g, const struct resource *r)
{
	if (g->shortened && g->keylen < r->len && r->name[g->keylen] == '.')
		return false;           /* met under its own prefix */
	return psf_generic_match(g->name, r->name);
}

/* A covering generic: its name, to weigh it against others, its literal
 * prefix's length, to skip what cannot beat it, and its index into the
 * model's profiles. */
struct pick {
	const char *name;
	size_t keylen;
	int idx;
};

static void consider(struct pick *best, const char *name, size_t keylen,
		     int idx)
{
	if (!best->name || psf_generic_cmp(name, best->name) < 0)
		*best = (struct pick){ name, keylen, idx };
}

/* Weighs the most specific profile of prefix p covering r into best;
 * false when none of p covers r. */
static bool best_in_prefix(const struct psf_profile_index *ix,
			   const struct run *p, const struct resource *r,
			   struct pick *best)
{
	bool found = false;

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
			consider(best, m->name, m->keylen, m->idx);
			found = true;
			break;          /* the group is in order */
		}
	}
	return found;
}

/* The most specific anchored profile covering r.  Shapes are probed
 * longest prefix first, and those with a shorter prefix than a match
 * found are not: a longer literal prefix always wins (see above). */
static struct pick best_anchored(const struct psf_profile_index *ix,
				 const struct resource *r)
{
	struct pick best = { NULL, 0, -1 };

	for (size_t i = ix->nshapes; i-- > 0;) {
		const struct anchor_shape *sh = &ix->shapes[i];
		const struct anchor_group *g;

		if (best.name && sh->keylen < best.keylen)
			break;
		g = find_anchor_group(ix, sh, r);
		for (uint32_t k = 0; g && k < g->count; k++) {
			const struct anchored_member *a = &ix->amem[g->first + k];

			if (!psf_generic_match(a->name, r->name))
				continue;
			consider(&best, a->name, a->keylen, a->idx);
			break;          /* the group is in order */
		}
	}
	return best;
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

/* Weighs the first prefix with a match, which holds the prefix files'
 * choice, into best and stops there; stops before a prefix shorter than
 * best's, which cannot beat it. */
static bool take_best(const struct psf_profile_index *ix, const struct run *p,
		      const struct resource *r, void *arg)
{
	struct pick *best = arg;

	if (best->name && p->keylen < best->keylen)
		return false;
	return !best_in_prefix(ix, p, r, best);
}

static struct resource *resource_of(const struct psf_profile_index *ix,
				    const char *name, struct resource *r)
{
	r->name = name;
	r->len = strlen(name);
	hash_resource(ix, r);
	split_resource(ix, r);
	return r;
}

int psf_profile_index_best(const struct psf_profile_index *ix,
			   const char *resource, bool generic_on)
{
	struct resource r;
	struct pick best;
	int d = find_discrete(ix, resource, psf_hash_name(resource,
							   strlen(resource)));

	if (d >= 0 || !generic_on)
		return d;
	resource_of(ix, resource, &r);
	best = best_anchored(ix, &r);
	each_prefix(ix, &r, take_best, &best);
	return best.idx;
}

/* psf_profile_index_all serves `portsaf explain`, not the hot path: it
 * gathers every covering generic of both files and sorts them. */
struct all_acc {
	struct pick *found;
	size_t n, cap;
	bool nomem;
};

static void gather(struct all_acc *a, const char *name, int idx)
{
	if (a->n == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 16;
		struct pick *v = realloc(a->found, cap * sizeof *v);

		if (!v) {
			a->nomem = true;
			return;
		}
		a->found = v;
		a->cap = cap;
	}
	a->found[a->n++] = (struct pick){ name, 0, idx };
}

static bool gather_prefix(const struct psf_profile_index *ix,
			  const struct run *p, const struct resource *r,
			  void *arg)
{
	struct all_acc *a = arg;

	for (uint32_t k = 0; k < p->count && !a->nomem; k++)
		if (covers(&ix->mem[p->first + k], r))
			gather(a, ix->mem[p->first + k].name,
			       ix->mem[p->first + k].idx);
	return !a->nomem;
}

static void gather_anchored(const struct psf_profile_index *ix,
			    const struct resource *r, struct all_acc *a)
{
	for (size_t i = 0; i < ix->nshapes && !a->nomem; i++) {
		const struct anchor_group *g =
			find_anchor_group(ix, &ix->shapes[i], r);

		for (uint32_t k = 0; g && k < g->count && !a->nomem; k++)
			if (psf_generic_match(ix->amem[g->first + k].name, r->name))
				gather(a, ix->amem[g->first + k].name,
				       ix->amem[g->first + k].idx);
	}
}

static int pick_specificity(const void *a, const void *b)
{
	return psf_generic_cmp(((const struct pick *)a)->name,
			       ((const struct pick *)b)->name);
}

size_t psf_profile_index_all(const struct psf_profile_index *ix,
			     const char *resource, bool generic_on,
			     int *out, size_t max)
{
	struct all_acc a = { NULL, 0, 0, false };
	struct resource r;
	int d = find_discrete(ix, resource, psf_hash_name(resource,
							   strlen(resource)));
	size_t n = 0;

	if (d >= 0 && max)
		out[n] = d;
	n += d >= 0;
	if (generic_on) {
		resource_of(ix, resource, &r);
		each_prefix(ix, &r, gather_prefix, &a);
		gather_anchored(ix, &r, &a);
		qsort(a.found, a.n, sizeof *a.found, pick_specificity);
	}
	for (size_t k = 0; k < a.n; k++, n++)
		if (n < max)
			out[n] = a.found[k].idx;
	free(a.found);
	return n;
}
