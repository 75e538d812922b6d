/*
 * The RACF database as portsaf models it (spec 5): profiles with their
 * access lists, users, groups, and the hashes that find them by name.
 * Tens of thousands of commands name profiles by name, so every lookup is
 * a hash probe, never a scan.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"
#include "racf_generic.h"

/* ---------------- name hashes ---------------- */

/* Open addressing over indexes into one of the model's arrays.  A slot
 * holds the index + 1 (0 = empty) and, above it, 32 bits of the name's
 * hash: probes that miss compare those, not the names, so that a lookup
 * touches one profile at most.  `count` is the array length the table
 * reflects; when the array changed behind the table's back (another
 * reader of the model, or compaction), the next lookup rebuilds it. */
struct name_table {
	uint64_t *slot;
	size_t mask;
	size_t count;
};

static uint64_t slot_of(uint64_t hash, size_t i)
{
	return (hash & 0xffffffff00000000ULL) | ((uint64_t)i + 1);
}

static size_t slot_index(uint64_t slot)
{
	return (size_t)(slot & 0xffffffffu) - 1;
}

static bool slot_tag_is(uint64_t slot, uint64_t hash)
{
	return (slot ^ hash) >> 32 == 0;
}

/* Profile names, allocated in bulk: tens of thousands of them live as
 * long as the model.  A deleted profile's name stays until the model is
 * freed, because PERMIT references (psf_permit_ref) point to it. */
struct name_chunk {
	struct name_chunk *next;
	size_t used, cap;
	char text[];
};

struct psf_racf_lookup {
	struct name_table prof, user, group;
	struct name_chunk *names;
};

static char *name_copy(struct psf_racf_lookup *l, const char *s)
{
	size_t n = strlen(s) + 1;
	struct name_chunk *c = l->names;

	if (!c || c->cap - c->used < n) {
		size_t cap = n > 65536 ? n : 65536;

		if (!(c = malloc(sizeof *c + cap)))
			return NULL;
		*c = (struct name_chunk){ l->names, 0, cap };
		l->names = c;
	}
	memcpy(c->text + c->used, s, n);
	c->used += n;
	return c->text + c->used - n;
}

/* How one array is hashed: the key of element i (NULL for a deleted
 * profile) and the class mixed into it. */
struct table_ops {
	const char *(*name)(const struct psf_racf_model *m, size_t i);
	unsigned (*cls)(const struct psf_racf_model *m, size_t i);
};

static const char *prof_name(const struct psf_racf_model *m, size_t i)
{
	return m->profiles[i].name;
}

static unsigned prof_cls(const struct psf_racf_model *m, size_t i)
{
	return (unsigned)m->profiles[i].cls;
}

static const char *user_name(const struct psf_racf_model *m, size_t i)
{
	return m->users[i].id;
}

static const char *group_name(const struct psf_racf_model *m, size_t i)
{
	return m->groups[i].id;
}

static unsigned no_cls(const struct psf_racf_model *m, size_t i)
{
	(void)m;
	(void)i;
	return 0;
}

static const struct table_ops prof_ops = { prof_name, prof_cls };
static const struct table_ops user_ops = { user_name, no_cls };
static const struct table_ops group_ops = { group_name, no_cls };

static uint64_t key_hash(const char *name, unsigned cls)
{
	return psf_hash_name(name, strlen(name)) ^
	       ((uint64_t)cls * 0x9e3779b97f4a7c15ULL);
}

static void table_put(struct name_table *t, uint64_t h, size_t i)
{
	size_t s = h & t->mask;

	while (t->slot[s])
		s = (s + 1) & t->mask;
	t->slot[s] = slot_of(h, i);
}

static bool table_rebuild(struct name_table *t, const struct psf_racf_model *m,
			  size_t n, const struct table_ops *ops)
{
	size_t cap = 64;
	uint64_t *slot;

	while (cap < 2 * n + 2)
		cap *= 2;
	slot = calloc(cap, sizeof *slot);
	if (!slot)
		return false;
	free(t->slot);
	t->slot = slot;
	t->mask = cap - 1;
	for (size_t i = 0; i < n; i++)
		if (ops->name(m, i))
			table_put(t, key_hash(ops->name(m, i), ops->cls(m, i)), i);
	t->count = n;
	return true;
}

/* Brings the table up to date with an array of n elements: one new
 * element is inserted, anything else rebuilds. */
static bool table_sync(struct name_table *t, const struct psf_racf_model *m,
		       size_t n, const struct table_ops *ops)
{
	if (t->slot && t->count == n)
		return true;
	if (t->slot && t->count + 1 == n && 2 * n + 2 <= t->mask + 1) {
		table_put(t, key_hash(ops->name(m, n - 1), ops->cls(m, n - 1)),
			  n - 1);
		t->count = n;
		return true;
	}
	return table_rebuild(t, m, n, ops);
}

static bool same(const struct psf_racf_model *m, size_t i,
		 const struct table_ops *ops, const char *name, unsigned cls)
{
	const char *n = ops->name(m, i);

	return n && ops->cls(m, i) == cls && strcmp(n, name) == 0;
}

/* Index of the element called name, -1 when none.  Without memory for the
 * table it falls back to a scan rather than miss. */
static long table_find(struct name_table *t, const struct psf_racf_model *m,
		       size_t n, const struct table_ops *ops, const char *name,
		       unsigned cls)
{
	if (!table_sync(t, m, n, ops)) {
		for (size_t i = 0; i < n; i++)
			if (same(m, i, ops, name, cls))
				return (long)i;
		return -1;
	}
	uint64_t h = key_hash(name, cls);

	for (size_t s = h & t->mask; t->slot[s]; s = (s + 1) & t->mask)
		if (slot_tag_is(t->slot[s], h) &&
		    same(m, slot_index(t->slot[s]), ops, name, cls))
			return (long)slot_index(t->slot[s]);
	return -1;
}

static struct psf_racf_lookup *lookup_of(struct psf_racf_model *m)
{
	if (!m->lookup)
		m->lookup = calloc(1, sizeof *m->lookup);
	return m->lookup;
}

static void table_free(struct name_table *t)
{
	free(t->slot);
	t->slot = NULL;
	t->count = 0;
}

/* ---------------- model ---------------- */

void psf_racf_model_init(struct psf_racf_model *m)
{
	memset(m, 0, sizeof *m);
	m->classact = true;
	/* Spec 5.2 Decision: GENERIC (and RACLIST) for SERVAUTH are on unless
	 * the input says NOGENERIC(SERVAUTH). */
	m->generic = true;
	m->grplist = false;
	m->when_program = false;
	m->logoptions = PSF_LOG_DEFAULT;
}

static void free_profile(struct psf_profile *p)
{
	free(p->appldata);
	free(p->acl);
	free(p->cond);
	p->name = p->appldata = NULL;
	p->acl = p->cond = NULL;
	p->nacl = p->capacl = p->ncond = p->capcond = 0;
}

void psf_racf_model_free(struct psf_racf_model *m)
{
	for (size_t i = 0; i < m->nprofiles; i++)
		free_profile(&m->profiles[i]);
	free(m->profiles);
	for (size_t i = 0; i < m->nusers; i++)
		free(m->users[i].groups);
	free(m->users);
	free(m->groups);
	free(m->refs);
	for (size_t i = 0; i < m->nstrings; i++)
		free(m->strings[i]);
	free(m->strings);
	if (m->lookup) {
		while (m->lookup->names) {
			struct name_chunk *c = m->lookup->names;

			m->lookup->names = c->next;
			free(c);
		}
		table_free(&m->lookup->prof);
		table_free(&m->lookup->user);
		table_free(&m->lookup->group);
		free(m->lookup);
	}
	memset(m, 0, sizeof *m);
}

/* The array v (cap elements of size sz, n in use) with room for one more:
 * v itself, or a larger copy (cap updated), or NULL without memory. */
static void *room_for_one(void *v, size_t *cap, size_t n, size_t sz)
{
	size_t c = *cap ? *cap * 2 : 4;        /* most access lists are short */
	void *nv;

	if (n < *cap)
		return v;
	nv = realloc(v, c * sz);
	if (nv)
		*cap = c;
	return nv;
}

static void copy_name(char dst[PSF_NAME_LEN + 1], const char *src)
{
	size_t n = strnlen(src, PSF_NAME_LEN);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

const char *psf_racf_file_name(struct psf_racf_model *m, const char *file)
{
	char *copy;
	char **v;

	for (size_t i = 0; i < m->nstrings; i++)
		if (strcmp(m->strings[i], file) == 0)
			return m->strings[i];
	v = realloc(m->strings, (m->nstrings + 1) * sizeof *v);
	if (!v)
		return NULL;
	m->strings = v;
	if (!(copy = strdup(file)))
		return NULL;
	m->strings[m->nstrings++] = copy;
	return copy;
}

/* ---------------- profiles ---------------- */

struct psf_profile *psf_racf_find(struct psf_racf_model *m,
				  enum psf_class cls, const char *name)
{
	struct psf_racf_lookup *l = lookup_of(m);
	long i;

	if (!l)
		return NULL;
	i = table_find(&l->prof, m, m->nprofiles, &prof_ops, name, (unsigned)cls);
	return i < 0 ? NULL : &m->profiles[i];
}

struct psf_profile *psf_racf_add_profile(struct psf_racf_model *m,
					 enum psf_class cls, const char *name,
					 const char *file, int line)
{
	struct psf_profile *p;

	if (!lookup_of(m))
		return NULL;
	p = room_for_one(m->profiles, &m->capprofiles, m->nprofiles, sizeof *p);
	if (!p)
		return NULL;
	m->profiles = p;
	p = &m->profiles[m->nprofiles];
	memset(p, 0, sizeof *p);
	if (!(p->name = name_copy(m->lookup, name)))
		return NULL;
	p->file = file;
	p->line = line;
	p->cls = cls;
	p->generic = psf_is_generic_name(name);
	p->uacc = PSF_ACC_NONE;
	p->audit = (struct psf_audit_opt){ PSF_AUDIT_OFF, PSF_ACC_READ };
	p->globalaudit = (struct psf_audit_opt){ PSF_AUDIT_OFF, PSF_AUDIT_OFF };
	m->nprofiles++;
	table_sync(&m->lookup->prof, m, m->nprofiles, &prof_ops);
	return p;
}

void psf_racf_delete_profile(struct psf_profile *p)
{
	free_profile(p);
}

void psf_racf_compact(struct psf_racf_model *m)
{
	size_t n = 0;

	for (size_t i = 0; i < m->nprofiles; i++)
		if (m->profiles[i].name)
			m->profiles[n++] = m->profiles[i];
	if (n == m->nprofiles)
		return;
	m->nprofiles = n;
	if (m->lookup)
		table_free(&m->lookup->prof);
}

int psf_racf_set_appldata(struct psf_profile *p, const char *text)
{
	char *copy = NULL;

	if (text && !(copy = strdup(text)))
		return -ENOMEM;
	free(p->appldata);
	p->appldata = copy;
	return 0;
}

/* ---------------- access lists ---------------- */

static struct psf_acl_entry *acl_find(struct psf_acl_entry *v, size_t n,
				      const char *id, const char *program)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0 && strcmp(v[i].program, program) == 0)
			return &v[i];
	return NULL;
}

int psf_acl_permit(struct psf_profile *p, const char *id, const char *program,
		   enum psf_access level)
{
	bool cond = program[0] != '\0';
	struct psf_acl_entry **v = cond ? &p->cond : &p->acl;
	size_t *n = cond ? &p->ncond : &p->nacl;
	size_t *cap = cond ? &p->capcond : &p->capacl;
	struct psf_acl_entry *e = acl_find(*v, *n, id, program);

	if (!e) {
		if (!(e = room_for_one(*v, cap, *n, sizeof *e)))
			return -ENOMEM;
		*v = e;
		e = &(*v)[(*n)++];
		copy_name(e->id, id);
		copy_name(e->program, program);
	}
	e->level = level;
	return 0;
}

bool psf_acl_delete(struct psf_profile *p, const char *id, const char *program)
{
	bool cond = program[0] != '\0';
	struct psf_acl_entry *v = cond ? p->cond : p->acl;
	size_t *n = cond ? &p->ncond : &p->nacl;
	struct psf_acl_entry *e = acl_find(v, *n, id, program);

	if (!e)
		return false;
	memmove(e, e + 1, (size_t)(v + *n - (e + 1)) * sizeof *e);
	(*n)--;
	return true;
}

void psf_acl_reset(struct psf_profile *p, bool standard, bool conditional)
{
	if (standard)
		p->nacl = 0;
	if (conditional)
		p->ncond = 0;
}

/* ---------------- users and groups ---------------- */

struct psf_racf_user *psf_racf_find_user(struct psf_racf_model *m,
					 const char *id)
{
	struct psf_racf_lookup *l = lookup_of(m);
	long i;

	if (!l)
		return NULL;
	i = table_find(&l->user, m, m->nusers, &user_ops, id, 0);
	return i < 0 ? NULL : &m->users[i];
}

struct psf_racf_group *psf_racf_find_group(struct psf_racf_model *m,
					   const char *id)
{
	struct psf_racf_lookup *l = lookup_of(m);
	long i;

	if (!l)
		return NULL;
	i = table_find(&l->group, m, m->ngroups, &group_ops, id, 0);
	return i < 0 ? NULL : &m->groups[i];
}

struct psf_racf_user *psf_racf_add_user(struct psf_racf_model *m,
					const char *id, const char *file,
					int line)
{
	struct psf_racf_user *u;

	if (!lookup_of(m))
		return NULL;
	u = room_for_one(m->users, &m->capusers, m->nusers, sizeof *u);
	if (!u)
		return NULL;
	m->users = u;
	u = &m->users[m->nusers++];
	memset(u, 0, sizeof *u);
	u->file = file;
	u->line = line;
	copy_name(u->id, id);
	table_sync(&m->lookup->user, m, m->nusers, &user_ops);
	return u;
}

struct psf_racf_group *psf_racf_add_group(struct psf_racf_model *m,
					  const char *id, const char *file,
					  int line)
{
	struct psf_racf_group *g;

	if (!lookup_of(m))
		return NULL;
	g = room_for_one(m->groups, &m->capgroups, m->ngroups, sizeof *g);
	if (!g)
		return NULL;
	m->groups = g;
	g = &m->groups[m->ngroups++];
	memset(g, 0, sizeof *g);
	g->file = file;
	g->line = line;
	copy_name(g->id, id);
	table_sync(&m->lookup->group, m, m->ngroups, &group_ops);
	return g;
}

int psf_racf_connect(struct psf_racf_user *u, const char *group)
{
	for (size_t i = 0; i < u->ngroups; i++)
		if (strcmp(u->groups[i], group) == 0)
			return 0;
	char (*v)[PSF_NAME_LEN + 1] = room_for_one(u->groups, &u->capgroups,
						   u->ngroups, sizeof *v);

	if (!v)
		return -ENOMEM;
	u->groups = v;
	copy_name(u->groups[u->ngroups++], group);
	return 0;
}

int psf_racf_add_ref(struct psf_racf_model *m, const char *file, int line,
		     const char *id, const struct psf_profile *p)
{
	struct psf_permit_ref *r = room_for_one(m->refs, &m->caprefs, m->nrefs,
						sizeof *r);

	if (!r)
		return -ENOMEM;
	m->refs = r;
	r = &m->refs[m->nrefs++];
	memset(r, 0, sizeof *r);
	r->file = file;
	r->line = line;
	copy_name(r->id, id);
	r->cls = p->cls;
	r->profile_name = p->name;      /* kept after RDELETE, see name_copy */
	return 0;
}
