/*
 * Proposing a policy from the report's aggregates (rules in smf_policy.h).
 * The aggregates are already distinct keys, so this works on small sorted
 * arrays: the port uses per job, and the grants per profile.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "report_table.h"
#include "smf_policy.h"

#define PORTACCESS_PREFIX "EZB.PORTACCESS."
#define NETACCESS_PREFIX "EZB.NETACCESS."
/* The zone that covers every address (spec 6: DEFAULT). */
#define WORLD_ZONE "WORLD"
/* A PORTRANGE needs at least this many contiguous ports of one job. */
#define RANGE_MIN_PORTS 2
/* Spec 5.6: a new profile's auditing; failures only, so that the rerun
 * of a permitted program writes nothing. */
#define NEW_PROFILE_OPTIONS "UACC(NONE) AUDIT(FAILURES(READ))"

static const char *const unrsv_res[PSF_NPROTO] = { "UNRSVTCP", "UNRSVUDP" };

struct vec {
	void *v;
	size_t n, cap, size;
};

static void *vec_push(struct vec *a, const void *elem)
{
	if (a->n == a->cap) {
		size_t nc = a->cap ? a->cap * 2 : 32;
		void *nv = realloc(a->v, nc * a->size);

		if (!nv)
			return NULL;
		a->v = nv;
		a->cap = nc;
	}
	return memcpy((char *)a->v + a->n++ * a->size, elem, a->size);
}

/* A port a job bound or listened on explicitly. */
struct port_use {
	uint8_t proto;
	uint16_t port;
	const char *job;
	bool shared;                    /* another job uses it too */
};

/* Someone who must keep READ to a profile: res under PORTACCESS, or the
 * WORLD zone under NETACCESS. */
struct grant {
	bool net;
	char res[PSF_NAME_LEN + 1];
	const char *user, *program;     /* program "" = unknown */
};

struct stack_count {
	char sys[PSF_NAME_LEN + 1], tcp[PSF_NAME_LEN + 1];
	uint64_t records;
};

struct collect {
	struct vec uses, grants, stacks;
	bool unrsv[PSF_NPROTO];
	const char *smfid;
	bool several_smfids;
};

static bool is_national_or_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || c == '$' || c == '@' || c == '#';
}

/* A name RACF and the PROFILE accept: 1-8 of A-Z 0-9 $ @ #, and no
 * leading digit unless leading_digit. */
static bool is_zos_name(const char *s, bool leading_digit)
{
	size_t n = strlen(s);

	if (n < 1 || n > PSF_NAME_LEN || (!leading_digit && s[0] >= '0' && s[0] <= '9'))
		return false;
	for (; *s; s++)
		if (!is_national_or_letter(*s) && !(*s >= '0' && *s <= '9'))
			return false;
	return true;
}

/* Spec 7 folds "7zip" to "7ZIP", which no z/OS job name can be: its
 * reservation names "?ZIP" instead, each '?' one character (spec 2.1);
 * the SAF check and the PERMIT still tie the port to its user. */
static void job_pattern(char out[PSF_NAME_LEN + 1], const char *job)
{
	size_t i = 0;

	for (; job[i] >= '0' && job[i] <= '9'; i++)
		out[i] = '?';
	strcpy(out + i, job + i);
}

/* Spec 2: resname is 1-8 of A-Z $ @ #, then also 0-9 and -.  A job name
 * (is_zos_name, leading digit allowed) is one already, but for a leading
 * digit, which gets a '#' in front. */
static void resname_for_job(char out[PSF_NAME_LEN + 1], const char *job)
{
	size_t n = 0;

	if (!is_national_or_letter(job[0]))
		out[n++] = '#';
	for (; *job && n < PSF_NAME_LEN; job++)
		out[n++] = *job;
	out[n] = '\0';
}

/* EZB.PORTACCESS.sysname.tcpname.res: qualifiers 3 and 4. */
static int tally_stack(struct collect *c, const char *resource, uint64_t records)
{
	struct stack_count sc = { .records = records };
	const char *q = strchr(resource, '.');
	const char *sys = q ? strchr(q + 1, '.') : NULL;
	const char *tcp = sys ? strchr(sys + 1, '.') : NULL;
	const char *end = tcp ? strchr(tcp + 1, '.') : NULL;

	if (!end || tcp - sys - 1 > PSF_NAME_LEN || end - tcp - 1 > PSF_NAME_LEN ||
	    tcp - sys == 1 || end - tcp == 1)
		return 0;
	memcpy(sc.sys, sys + 1, (size_t)(tcp - sys - 1));
	memcpy(sc.tcp, tcp + 1, (size_t)(end - tcp - 1));
	struct stack_count *s = c->stacks.v;

	for (size_t i = 0; i < c->stacks.n; i++) {
		if (!strcmp(s[i].sys, sc.sys) && !strcmp(s[i].tcp, sc.tcp)) {
			s[i].records += records;
			return 0;
		}
	}
	return vec_push(&c->stacks, &sc) ? 0 : -ENOMEM;
}

static bool is_bind_or_listen(const struct psf_report_key *k)
{
	return k->op == PSF_OP_BIND || k->op == PSF_OP_LISTEN;
}

/* Names RACF or the PROFILE would reject cannot be proposed: such a user
 * gets no PERMIT and such a job no reservation, and a program that is not
 * a z/OS name is treated as unknown (no WHEN(PROGRAM)). */
static int collect_entry(struct collect *c, const struct psf_report_entry *e,
			 const char *resource)
{
	const struct psf_report_key *k = &e->key;
	struct grant g = {
		.user = k->user,
		.program = is_zos_name(k->program, false) ? k->program : "",
	};
	bool user_ok = is_zos_name(k->user, false);

	if (tally_stack(c, resource, e->val.count) < 0)
		return -ENOMEM;
	if (!strncmp(resource, NETACCESS_PREFIX, strlen(NETACCESS_PREFIX))) {
		g.net = true;
		strcpy(g.res, WORLD_ZONE);
		return user_ok && !vec_push(&c->grants, &g) ? -ENOMEM : 0;
	}
	if (!is_bind_or_listen(k) || k->proto == PSF_KEY_UNKNOWN)
		return 0;
	c->unrsv[k->proto] = true;
	if (!k->has_port || k->ephemeral || k->port == 0 || !user_ok ||
	    !is_zos_name(k->jobname, true))
		return 0;
	struct port_use u = { k->proto, k->port, k->jobname, false };

	resname_for_job(g.res, k->jobname);
	if (!vec_push(&c->uses, &u) || !vec_push(&c->grants, &g))
		return -ENOMEM;
	return 0;
}

static int cmp_use_by_port(const void *a, const void *b)
{
	const struct port_use *x = a, *y = b;

	if (x->proto != y->proto)
		return x->proto - y->proto;
	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	return strcmp(x->job, y->job);
}

static int cmp_use_by_job(const void *a, const void *b)
{
	const struct port_use *x = a, *y = b;
	int c = strcmp(x->job, y->job);

	if (c)
		return c;
	if (x->proto != y->proto)
		return x->proto - y->proto;
	return x->port < y->port ? -1 : x->port > y->port;
}

static int cmp_grant(const void *a, const void *b)
{
	const struct grant *x = a, *y = b;
	int c;

	if (x->net != y->net)
		return x->net - y->net;
	if ((c = strcmp(x->res, y->res)) || (c = strcmp(x->user, y->user)))
		return c;
	return strcmp(x->program, y->program);
}

/* Sort and drop duplicates (equal under cmp). */
static void sort_unique(struct vec *a, int (*cmp)(const void *, const void *))
{
	size_t out = 0;

	qsort(a->v, a->n, a->size, cmp);
	for (size_t i = 0; i < a->n; i++) {
		char *cur = (char *)a->v + i * a->size;

		if (out && cmp((char *)a->v + (out - 1) * a->size, cur) == 0)
			continue;
		memmove((char *)a->v + out++ * a->size, cur, a->size);
	}
	a->n = out;
}

/* Mark the ports that more than one job uses: they can only be PORT
 * entries (several PORT entries may share a number; ranges may not). */
static void mark_shared(struct vec *uses)
{
	struct port_use *u = uses->v;

	sort_unique(uses, cmp_use_by_port);
	for (size_t i = 1; i < uses->n; i++) {
		if (u[i].proto == u[i - 1].proto && u[i].port == u[i - 1].port)
			u[i].shared = u[i - 1].shared = true;
	}
}

static int add_line(char ***v, size_t *n, size_t *cap, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int add_line(char ***v, size_t *n, size_t *cap, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		char **nv = realloc(*v, nc * sizeof *nv);

		if (!nv)
			return -ENOMEM;
		*v = nv;
		*cap = nc;
	}
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (!s)
		return -ENOMEM;
	(*v)[(*n)++] = s;
	return 0;
}

#define TCPIP(p, ...) add_line(&(p)->tcpip, &(p)->ntcpip, &(p)->captcpip, __VA_ARGS__)
#define RACF(p, ...) add_line(&(p)->racf, &(p)->nracf, &(p)->capracf, __VA_ARGS__)

/* A run of contiguous ports that only this job uses: the length, 1 when
 * the port stands alone or is shared. */
static size_t run_length(const struct port_use *u, size_t i, size_t n)
{
	size_t len = 1;

	if (u[i].shared)
		return 1;
	while (i + len < n && !u[i + len].shared && u[i + len].proto == u[i].proto &&
	       !strcmp(u[i + len].job, u[i].job) &&
	       u[i + len].port == u[i].port + len)
		len++;
	return len;
}

/* One statement per reservation, a job's together. */
static int reservations(struct psf_proposal *p, struct vec *uses)
{
	struct port_use *u = uses->v;
	char res[PSF_NAME_LEN + 1], job[PSF_NAME_LEN + 1];
	int rc = 0;

	mark_shared(uses);
	qsort(u, uses->n, sizeof *u, cmp_use_by_job);
	for (size_t i = 0; i < uses->n && !rc; ) {
		size_t len = run_length(u, i, uses->n);
		const char *proto = psf_proto_name(u[i].proto);

		resname_for_job(res, u[i].job);
		job_pattern(job, u[i].job);
		if (len >= RANGE_MIN_PORTS)
			rc = TCPIP(p, "PORTRANGE %u %zu %s %s SAF %s", u[i].port,
				   len, proto, job, res);
		else
			rc = TCPIP(p, "PORT %u %s %s SAF %s", u[i].port, proto,
				   job, res);
		i += len < RANGE_MIN_PORTS ? 1 : len;
	}
	return rc;
}

static void profile_name(const struct psf_proposal *p, bool net, const char *res,
			 char *out, size_t cap)
{
	snprintf(out, cap, "%s%s.%s.%s", net ? NETACCESS_PREFIX : PORTACCESS_PREFIX,
		 p->generic ? "*" : p->sysname, p->generic ? "*" : p->tcpname, res);
}

static int unrsv_and_netaccess(struct psf_proposal *p, const struct collect *c,
			       bool net)
{
	int rc = 0;

	for (int proto = 0; proto < PSF_NPROTO && !rc; proto++)
		if (c->unrsv[proto])
			rc = TCPIP(p, "PORT UNRSV %s * SAF %s",
				   psf_proto_name((enum psf_proto)proto),
				   unrsv_res[proto]);
	if (!rc && net)
		rc = TCPIP(p, "NETACCESS\n   DEFAULT 0 %s\nENDNETACCESS", WORLD_ZONE);
	return rc;
}

static int rdefines(struct psf_proposal *p, const struct collect *c)
{
	const struct grant *g = c->grants.v;
	char name[80];
	int rc = 0;

	if (p->generic)
		rc = RACF(p, "SETROPTS GENERIC(SERVAUTH)");
	for (size_t i = 0; i < c->grants.n && !rc; i++) {
		if (i && g[i].net == g[i - 1].net && !strcmp(g[i].res, g[i - 1].res))
			continue;
		profile_name(p, g[i].net, g[i].res, name, sizeof name);
		rc = RACF(p, "RDEFINE SERVAUTH %s " NEW_PROFILE_OPTIONS, name);
	}
	for (int proto = 0; proto < PSF_NPROTO && !rc; proto++) {
		if (!c->unrsv[proto])
			continue;
		profile_name(p, false, unrsv_res[proto], name, sizeof name);
		rc = RACF(p, "RDEFINE SERVAUTH %s " NEW_PROFILE_OPTIONS, name);
	}
	return rc;
}

/* Does an earlier grant of this user to this profile name no program?
 * Then the standard access list covers every program (grants are sorted,
 * and "" sorts first). */
static bool covered(const struct grant *g, size_t i)
{
	return i && g[i - 1].net == g[i].net && !strcmp(g[i - 1].res, g[i].res) &&
	       !strcmp(g[i - 1].user, g[i].user) && !g[i - 1].program[0];
}

static int permits(struct psf_proposal *p, const struct collect *c, bool *when)
{
	const struct grant *g = c->grants.v;
	char name[80];
	int rc = 0;

	for (size_t i = 0; i < c->grants.n && !rc; i++) {
		if (covered(g, i))
			continue;
		profile_name(p, g[i].net, g[i].res, name, sizeof name);
		if (g[i].program[0]) {
			*when = true;
			rc = RACF(p, "PERMIT %s CLASS(SERVAUTH) ID(%s) ACCESS(READ) "
				  "WHEN(PROGRAM(%s))", name, g[i].user, g[i].program);
		} else {
			rc = RACF(p, "PERMIT %s CLASS(SERVAUTH) ID(%s) ACCESS(READ)",
				  name, g[i].user);
		}
	}
	return rc;
}

static void choose_stack(struct psf_proposal *p, const struct collect *c)
{
	const struct stack_count *s = c->stacks.v, *best = NULL;

	for (size_t i = 0; i < c->stacks.n; i++)
		if (!best || s[i].records > best->records)
			best = &s[i];
	strcpy(p->sysname, best ? best->sys : "SYS1");
	strcpy(p->tcpname, best ? best->tcp : "TCPIP");
	p->generic = c->stacks.n > 1;
}

static int collect_all(const struct psf_report *r, struct collect *c)
{
	for (size_t i = 0; i < r->keys.n; i++) {
		const struct psf_report_entry *e = &r->keys.v[i];

		if (collect_entry(c, e, r->strings.s[e->key.resource]) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* SMF80SID defaults to the first 4 characters of sysname (interface.md);
 * keep the records' own id when there is one and it differs. */
static void choose_smfid(struct psf_proposal *p, const struct psf_report *r)
{
	if (r->nsystems == 1 && strncmp(r->systems[0], p->sysname, 4) != 0 &&
	    strlen(r->systems[0]) < sizeof p->smfid)
		strcpy(p->smfid, r->systems[0]);
}

int psf_report_propose(const struct psf_report *r, struct psf_proposal *p)
{
	struct collect c = {
		.uses = { .size = sizeof(struct port_use) },
		.grants = { .size = sizeof(struct grant) },
		.stacks = { .size = sizeof(struct stack_count) },
	};
	bool when = false, net = false;
	int rc;

	memset(p, 0, sizeof *p);
	rc = collect_all(r, &c);
	if (!rc) {
		choose_stack(p, &c);
		choose_smfid(p, r);
		sort_unique(&c.grants, cmp_grant);
		net = c.grants.n && ((struct grant *)c.grants.v)[c.grants.n - 1].net;
		rc = reservations(p, &c.uses);
	}
	if (!rc)
		rc = unrsv_and_netaccess(p, &c, net);
	if (!rc)
		rc = rdefines(p, &c);
	if (!rc)
		rc = permits(p, &c, &when);
	if (!rc && when)
		rc = RACF(p, "SETROPTS WHEN(PROGRAM) REFRESH");
	if (!rc)
		rc = RACF(p, "SETROPTS RACLIST(SERVAUTH) REFRESH");
	free(c.uses.v);
	free(c.grants.v);
	free(c.stacks.v);
	if (rc)
		psf_proposal_free(p);
	return rc;
}

void psf_proposal_free(struct psf_proposal *p)
{
	for (size_t i = 0; i < p->ntcpip; i++)
		free(p->tcpip[i]);
	for (size_t i = 0; i < p->nracf; i++)
		free(p->racf[i]);
	free(p->tcpip);
	free(p->racf);
	memset(p, 0, sizeof *p);
}
