/* Generic profile names, specificity and the profile index (spec 5.2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "model.h"
#include "racf_generic.h"

/* ---------------- psf_generic_match ---------------- */

static const struct match_row {
	const char *spec, *profile, *resource;
	bool match;
} match_rows[] = {
	{ "5.2 discrete", "A.B", "A.B", true },
	{ "5.2 discrete", "A.B", "A.BC", false },
	{ "5.2 discrete", "A.B", "A", false },
	{ "5.2 %", "A.B%", "A.BC", true },
	{ "5.2 %", "A.B%", "A.B", false },
	{ "5.2 %", "A.B%", "A.BCD", false },
	{ "5.2 %", "A.%%", "A.XY", true },
	{ "5.2 % Decision: never a period", "A%B", "A.B", false },
	{ "5.2 % Decision: never a period", "A.B%C", "A.B.C", false },
	{ "5.2 %", "EZB.PORTACCESS.SYS%.TCPIP.X", "EZB.PORTACCESS.SYS1.TCPIP.X", true },
	{ "5.2 %", "EZB.PORTACCESS.SYS%.TCPIP.X", "EZB.PORTACCESS.SYS12.TCPIP.X", false },
	{ "5.2 * whole qualifier", "A.*.C", "A.B.C", true },
	{ "5.2 * whole qualifier", "A.*.C", "A.BBB.C", true },
	{ "5.2 * whole qualifier", "A.*.C", "A.B.X.C", false },
	{ "5.2 * whole qualifier", "A.*.C", "A.C", false },
	{ "5.2 * whole qualifier", "A.*.C", "A..C", false },
	{ "5.2 * whole qualifier", "A.*.C", "A.B.C.D", false },
	{ "5.2 * whole qualifier", "EZB.PORTACCESS.*.*.UNRSVTCP",
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", true },
	{ "5.2 * whole qualifier", "EZB.PORTACCESS.*.*.UNRSVTCP",
	  "EZB.PORTACCESS.SYS1.UNRSVTCP", false },
	{ "5.2 * ending part of a qualifier", "A.B*.C", "A.B.C", true },
	{ "5.2 * ending part of a qualifier", "A.B*.C", "A.BXY.C", true },
	{ "5.2 * ending part of a qualifier", "A.B*.C", "A.BX.Y.C", false },
	{ "5.2 * ending part of a qualifier", "A.B*.C", "A.X.C", false },
	{ "5.2 * ending part of a qualifier", "A.B*.C", "A.BX", false },
	{ "5.2 * last character (A.B*)", "A.B*", "A.B", true },
	{ "5.2 * last character (A.B*)", "A.B*", "A.BC", true },
	{ "5.2 * last character (A.B*)", "A.B*", "A.BC.D.E", true },
	{ "5.2 * last character (A.B*)", "A.B*", "A.B.D", true },
	{ "5.2 * last character (A.B*)", "A.B*", "A.C", false },
	{ "5.2 * last character (A.B*)", "A.B*", "A", false },
	{ "5.2 * last character (A.B.*)", "A.B.*", "A.B.C", true },
	{ "5.2 * last character (A.B.*)", "A.B.*", "A.B.C.D", true },
	{ "5.2 * last character (A.B.*)", "A.B.*", "A.B", false },
	{ "5.2 * last character (A.B.*)", "A.B.*", "A.BC.D", false },
	{ "5.2 * last character", "*", "X.Y.Z", true },
	{ "5.2 * last character", "EZB.PORTACCESS.SYS1.TCPIP.*",
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", true },
	{ "5.2 ** (**.B)", "**.B", "B", true },
	{ "5.2 ** (**.B)", "**.B", "X.B", true },
	{ "5.2 ** (**.B)", "**.B", "X.Y.B", true },
	{ "5.2 ** (**.B)", "**.B", "X.C", false },
	{ "5.2 ** (**.B)", "**.B", "X.BB", false },
	{ "5.2 ** (A.**.B)", "A.**.B", "A.B", true },
	{ "5.2 ** (A.**.B)", "A.**.B", "A.X.B", true },
	{ "5.2 ** (A.**.B)", "A.**.B", "A.X.Y.B", true },
	{ "5.2 ** (A.**.B)", "A.**.B", "A.X", false },
	{ "5.2 ** (A.**.B)", "A.**.B", "B.X.B", false },
	{ "5.2 ** (A.**)", "A.**", "A", true },
	{ "5.2 ** (A.**)", "A.**", "A.X", true },
	{ "5.2 ** (A.**)", "A.**", "A.X.Y", true },
	{ "5.2 ** (A.**)", "A.**", "AB", false },
	{ "5.2 ** (A.**)", "A.**", "B.X", false },
	{ "5.2 **", "**", "ANY.THING.AT.ALL", true },
	{ "5.2 **", "EZB.PORTACCESS.**", "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", true },
	{ "5.2 **", "EZB.PORTACCESS.**", "EZB.NETACCESS.SYS1.TCPIP.WORLD", false },
	{ "5.2 ** with %", "A.**.B%", "A.X.BC", true },
	{ "5.2 ** with *", "A.**.B*", "A.X.BC.D", true },
};

static void test_match(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof match_rows / sizeof match_rows[0]; i++) {
		const struct match_row *r = &match_rows[i];
		bool got = psf_generic_match(r->profile, r->resource);

		if (got != r->match)
			fail_msg("spec %s: %s vs %s: got %d, want %d", r->spec,
				 r->profile, r->resource, got, r->match);
	}
}

/* ---------------- psf_is_generic_name, name syntax ---------------- */

static const struct name_row {
	const char *spec, *name;
	bool generic;
	const char *error;
} name_rows[] = {
	{ "5.2", "EZB.PORTACCESS.SYS1.TCPIP.FTP", false, NULL },
	{ "5.2", "EZB.PORTACCESS.SYS%.TCPIP.FTP", true, NULL },
	{ "5.2", "EZB.PORTACCESS.**", true, NULL },
	{ "5.2", "EZB.*.X", true, NULL },
	{ "5.2", "EZB.B*.X", true, NULL },
	{ "5.2", "**.X", true, NULL },
	{ "5.2", "*", true, NULL },
	{ "5.2 ** once per name", "A.**.B.**", true, "'**' may appear only once" },
	{ "5.2 ** whole qualifier", "A.B**", true, "'**' must be a whole qualifier" },
	{ "5.2 ** whole qualifier", "A.**B", true, "'**' must be a whole qualifier" },
	{ "5.2 ** whole qualifier", "A.***", true, "'**' must be a whole qualifier" },
	{ "5.2 * ends a qualifier", "A.*B.C", true, "'*' must end a qualifier" },
};

static void test_names(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof name_rows / sizeof name_rows[0]; i++) {
		const struct name_row *r = &name_rows[i];
		const char *err = psf_generic_name_error(r->name);

		if (psf_is_generic_name(r->name) != r->generic)
			fail_msg("spec %s: %s generic?", r->spec, r->name);
		if ((err == NULL) != (r->error == NULL) ||
		    (err && strcmp(err, r->error) != 0))
			fail_msg("spec %s: %s: got error '%s', want '%s'", r->spec,
				 r->name, err ? err : "(none)",
				 r->error ? r->error : "(none)");
	}
}

/* ---------------- psf_generic_cmp ---------------- */

static const struct cmp_row {
	const char *spec, *more, *less;         /* more specific, less specific */
} cmp_rows[] = {
	{ "5.2 literal beats *", "EZB.PORTACCESS.SYS1.TCPIP.*",
	  "EZB.PORTACCESS.*.*.UNRSVTCP" },
	{ "5.2 * beats **", "EZB.PORTACCESS.*.*.UNRSVTCP", "EZB.PORTACCESS.**" },
	{ "5.2 literal beats %", "EZB.PORTACCESS.SYS1.*.UNRSVTCP",
	  "EZB.PORTACCESS.SYS%.TCPIP.*" },
	{ "5.2 literal beats **", "EZB.PORTACCESS.**", "EZB.**" },
	{ "5.2 % beats *", "A.%", "A.*" },
	{ "5.2 % beats **", "A.%.B", "A.**" },
	{ "5.2 literal '.' beats *", "A.B*", "A*" },
	{ "5.2 literal '.' beats %", "A.*", "A%*" },
	{ "5.2 longer name", "A.*.B", "A.*" },
};

static void test_cmp(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cmp_rows / sizeof cmp_rows[0]; i++) {
		const struct cmp_row *r = &cmp_rows[i];

		if (psf_generic_cmp(r->more, r->less) >= 0 ||
		    psf_generic_cmp(r->less, r->more) <= 0)
			fail_msg("spec %s: %s should beat %s", r->spec, r->more,
				 r->less);
		assert_int_equal(psf_generic_cmp(r->more, r->more), 0);
	}
}

/* ---------------- the index ---------------- */

static void add(struct psf_racf_model *m, enum psf_class cls, const char *name)
{
	assert_non_null(psf_racf_add_profile(m, cls, name, "t", 1));
}

static int index_of(const struct psf_racf_model *m, const char *name)
{
	for (size_t i = 0; i < m->nprofiles; i++)
		if (!strcmp(m->profiles[i].name, name))
			return (int)i;
	return -1;
}

/* Spec 5.2's worked examples for EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP. */
static const struct pick_row {
	const char *spec;
	const char *candidates[4];
	const char *resource;
	bool generic_on;
	const char *winner;             /* NULL: no profile */
} pick_rows[] = {
	{ "5.2 example 1", { "EZB.PORTACCESS.*.*.UNRSVTCP",
			     "EZB.PORTACCESS.SYS1.TCPIP.*" },
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", true,
	  "EZB.PORTACCESS.SYS1.TCPIP.*" },
	{ "5.2 example 2", { "EZB.PORTACCESS.*.*.UNRSVTCP", "EZB.PORTACCESS.**" },
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", true,
	  "EZB.PORTACCESS.*.*.UNRSVTCP" },
	{ "5.2 example 3", { "EZB.PORTACCESS.SYS%.TCPIP.*",
			     "EZB.PORTACCESS.SYS1.*.UNRSVTCP" },
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", true,
	  "EZB.PORTACCESS.SYS1.*.UNRSVTCP" },
	{ "5.2 example 4", { "EZB.**", "EZB.PORTACCESS.**" },
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", true, "EZB.PORTACCESS.**" },
	{ "5.2 example 5", { "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP",
			     "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTC%",
			     "EZB.PORTACCESS.SYS1.TCPIP.*", "**" },
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", true,
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP" },
	{ "5.2 generics only with GENERIC", { "EZB.PORTACCESS.**" },
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", false, NULL },
	{ "5.2 discrete without GENERIC", { "EZB.PORTACCESS.SYS1.TCPIP.FTP",
					    "EZB.PORTACCESS.**" },
	  "EZB.PORTACCESS.SYS1.TCPIP.FTP", false, "EZB.PORTACCESS.SYS1.TCPIP.FTP" },
	{ "5.3 no profile", { "EZB.NETACCESS.**", "EZB.PORTACCESS.SYS1.TCPIP.FTP" },
	  "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", true, NULL },
	{ "5.2 A.** covers A", { "A.**", "A*" }, "A", true, "A.**" },
	{ "5.2 A.** and A.B.** on A.B", { "A.**", "A.B.**", "A.B*" }, "A.B", true,
	  "A.B.**" },
	{ "5.2 % never a period", { "A%B", "A.*" }, "A.B", true, "A.*" },
	{ "5.2 **.B covers B", { "**.B", "**", "C.**" }, "B", true, "**.B" },
	{ "5.2 **.B covers X.Y.B", { "**", "**.B", "**.C" }, "X.Y.B", true, "**.B" },
	{ "5.2 A.**.B covers A.B", { "A.**", "A.**.B", "A.**.C" }, "A.B", true,
	  "A.**.B" },
	{ "5.2 single * beats ** at the same place", { "**.B", "*" }, "B", true,
	  "*" },
	/* generic qualifiers in the middle, a literal qualifier after them */
	{ "5.2 * then A.B*", { "EZB.PORTACCESS.*.*.Q0123*", "EZB.PORTACCESS.*.*.Q012*",
			       "EZB.PORTACCESS.*.*.Q01234*", "EZB.PORTACCESS.**" },
	  "EZB.PORTACCESS.SYS1.TCPIP.Q01235", true, "EZB.PORTACCESS.*.*.Q0123*" },
	{ "5.2 * then A.B*, none covers", { "EZB.PORTACCESS.*.*.Q0123*",
					    "EZB.PORTACCESS.*.Q0123*" },
	  "EZB.PORTACCESS.SYS1.TCPIP.X.Q0123", true, NULL },
	{ "5.2 longer literal prefix beats a later literal",
	  { "EZB.PORTACCESS.*.TCPIP.X*", "EZB.PORTACCESS.SYS1.*.*" },
	  "EZB.PORTACCESS.SYS1.TCPIP.XY", true, "EZB.PORTACCESS.SYS1.*.*" },
	{ "5.2 * beats **", { "EZB.PORTACCESS.**", "EZB.PORTACCESS.*.TCPIP.X*" },
	  "EZB.PORTACCESS.SYS1.TCPIP.XY", true, "EZB.PORTACCESS.*.TCPIP.X*" },
	{ "5.2 % then literal", { "A.%.B*.C", "A.*.B*.C", "A.%.*.C" }, "A.X.BY.C",
	  true, "A.%.B*.C" },
	{ "5.2 % never a period, then literal", { "A.%.B" }, "A...B", true, NULL },
	{ "5.2 ** after the literal", { "A.*.B.**", "A.**" }, "A.X.B", true,
	  "A.*.B.**" },
	{ "5.2 ** before the literal", { "A.**.B*", "A.*.C.**" }, "A.X.Y.BC", true,
	  "A.**.B*" },
	{ "5.2 **.X*", { "**.X*", "**.XY*", "**", "B.**" }, "A.B.XYZ", true,
	  "**.XY*" },
	{ "5.2 * then X%Y*", { "A.*.X%Y*", "A.*.X%*", "A.*.XZ*" }, "A.B.XZYW", true,
	  "A.*.XZ*" },
};

static void test_pick(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof pick_rows / sizeof pick_rows[0]; i++) {
		const struct pick_row *r = &pick_rows[i];
		struct psf_racf_model m;
		struct psf_profile_index *ix;
		int got;

		psf_racf_model_init(&m);
		for (size_t k = 0; k < 4 && r->candidates[k]; k++)
			add(&m, PSF_CLS_SERVAUTH, r->candidates[k]);
		/* the same names in FACILITY must not be found for SERVAUTH */
		add(&m, PSF_CLS_FACILITY, r->resource);
		ix = psf_profile_index_build(&m, PSF_CLS_SERVAUTH);
		assert_non_null(ix);
		got = psf_profile_index_best(ix, r->resource, r->generic_on);
		if (got != (r->winner ? index_of(&m, r->winner) : -1))
			fail_msg("spec %s: got %s, want %s", r->spec,
				 got >= 0 ? m.profiles[got].name : "(none)",
				 r->winner ? r->winner : "(none)");
		psf_profile_index_free(ix);
		psf_racf_model_free(&m);
	}
}

/* Every covering profile, most specific first ("chosen over"). */
static void test_all(void **state)
{
	static const char *const names[] = {
		"EZB.**", "EZB.PORTACCESS.**", "EZB.PORTACCESS.*.*.UNRSVTCP",
		"EZB.PORTACCESS.SYS1.TCPIP.*", "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP",
		"EZB.PORTACCESS.SYS1.*.UNRSVTCP", "EZB.NETACCESS.**", "**",
		"EZB.PORTACCESS.SYS%.TCPIP.*",
	};
	static const char *const want[] = {
		"EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP", "EZB.PORTACCESS.SYS1.TCPIP.*",
		"EZB.PORTACCESS.SYS1.*.UNRSVTCP", "EZB.PORTACCESS.SYS%.TCPIP.*",
		"EZB.PORTACCESS.*.*.UNRSVTCP", "EZB.PORTACCESS.**", "EZB.**", "**",
	};
	struct psf_racf_model m;
	struct psf_profile_index *ix;
	int out[16], few[3];

	(void)state;
	psf_racf_model_init(&m);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		add(&m, PSF_CLS_SERVAUTH, names[i]);
	ix = psf_profile_index_build(&m, PSF_CLS_SERVAUTH);
	assert_non_null(ix);
	assert_int_equal(psf_profile_index_all(ix, "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP",
					       true, out, 16), 8);
	for (size_t i = 0; i < 8; i++)
		assert_string_equal(m.profiles[out[i]].name, want[i]);
	/* a short array gets the most specific ones, the count stays */
	assert_int_equal(psf_profile_index_all(ix, "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP",
					       true, few, 3), 8);
	assert_string_equal(m.profiles[few[2]].name, want[2]);
	/* generics off: only the discrete one */
	assert_int_equal(psf_profile_index_all(ix, "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP",
					       false, out, 16), 1);
	psf_profile_index_free(ix);
	psf_racf_model_free(&m);
}

/* The index must agree with a scan of every profile, whatever the
 * names: random names over a small alphabet make many overlaps. */
static unsigned rnd(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

static const char *const quals[] = { "A", "B", "AB", "BA", "ABC" };
#define NQUALS (sizeof quals / sizeof quals[0])

static void random_name(unsigned *seed, char *out, bool generic)
{
	static const char *const gquals[] = {
		"*", "**", "A*", "%", "A%", "%B", "B*", "A%B*", "AB*", "B%A", "A%%",
	};
	size_t n = 1 + rnd(seed) % 5, o = 0;
	bool dstar = false;

	for (size_t i = 0; i < n; i++) {
		const char *q = quals[rnd(seed) % NQUALS];

		if (generic && rnd(seed) % 3 == 0) {
			q = gquals[rnd(seed) % (sizeof gquals / sizeof gquals[0])];
			if (!strcmp(q, "**") && dstar)
				q = "*";
			dstar |= !strcmp(q, "**");
		}
		o += (size_t)sprintf(out + o, "%s%s", i ? "." : "", q);
	}
}

/* The shapes sites write with generic qualifiers before a literal one
 * (which the index files under that literal), '#' standing for a random
 * literal. */
static void shaped_name(unsigned *seed, char *out)
{
	static const char *const shapes[] = {
		"#.*.*.#*", "#.%.#*.#", "#.*.#%#*", "**.#*", "#.*.#.**", "#.*.#",
		"#%.#.*", "*.#*", "#.**.#*", "#.*.*.#", "#*.#.#%", "#.%#.#*.**",
		"#.*.#*", "%.#", "#.*.#.*", "#.*.#*.%#",
	};
	const char *t = shapes[rnd(seed) % (sizeof shapes / sizeof shapes[0])];
	size_t o = 0;

	for (; *t; t++)
		o += (size_t)sprintf(out + o, "%s",
				     *t == '#' ? quals[rnd(seed) % NQUALS] :
				     (char[]){ *t, '\0' });
}

static int brute_best(const struct psf_racf_model *m, const char *res)
{
	int best = -1;

	for (size_t i = 0; i < m->nprofiles; i++) {
		const char *n = m->profiles[i].name;

		if (!m->profiles[i].generic && !strcmp(n, res))
			return (int)i;
		if (m->profiles[i].generic && psf_generic_match(n, res) &&
		    (best < 0 || psf_generic_cmp(n, m->profiles[best].name) < 0))
			best = (int)i;
	}
	return best;
}

/* Every profile covering res, as a scan finds them: the discrete one
 * first, then the generics most specific first. */
static size_t brute_all(const struct psf_racf_model *m, const char *res,
			int *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < m->nprofiles; i++)
		if (!m->profiles[i].generic && !strcmp(m->profiles[i].name, res))
			out[n++] = (int)i;
	for (size_t i = 0; i < m->nprofiles && n < max; i++) {
		size_t k = n;

		if (!m->profiles[i].generic ||
		    !psf_generic_match(m->profiles[i].name, res))
			continue;
		while (k > 0 && out[k - 1] >= 0 && m->profiles[out[k - 1]].generic &&
		       psf_generic_cmp(m->profiles[i].name,
				       m->profiles[out[k - 1]].name) < 0) {
			out[k] = out[k - 1];
			k--;
		}
		out[k] = (int)i;
		n++;
	}
	return n;
}

static const char *name_or_none(const struct psf_racf_model *m, int i)
{
	return i >= 0 ? m->profiles[i].name : "(none)";
}

/* psf_profile_index_best and _all for nlookups random resources agree
 * with a scan of every profile. */
static void check_against_scan(const struct psf_racf_model *m, unsigned *seed,
			       int nlookups)
{
	struct psf_profile_index *ix = psf_profile_index_build(m, PSF_CLS_SERVAUTH);
	char name[64];

	assert_non_null(ix);
	for (int i = 0; i < nlookups; i++) {
		int got, want, all[512], scan[512];
		size_t n, ns;

		random_name(seed, name, false);
		got = psf_profile_index_best(ix, name, true);
		want = brute_best(m, name);
		if (got != want)
			fail_msg("resource %s: index %s, scan %s", name,
				 name_or_none(m, got), name_or_none(m, want));
		n = psf_profile_index_all(ix, name, true, all, 512);
		ns = brute_all(m, name, scan, 512);
		if (n != ns)
			fail_msg("resource %s: %zu listed, %zu cover it", name,
				 n, ns);
		for (size_t k = 0; k < n && k < 512; k++)
			if (all[k] != scan[k])
				fail_msg("resource %s: #%zu is %s, scan says %s",
					 name, k, name_or_none(m, all[k]),
					 name_or_none(m, scan[k]));
	}
	psf_profile_index_free(ix);
}

static void add_unless_there(struct psf_racf_model *m, const char *name)
{
	if (!psf_generic_name_error(name) &&
	    !psf_racf_find(m, PSF_CLS_SERVAUTH, name))
		add(m, PSF_CLS_SERVAUTH, name);
}

static void test_index_against_scan(void **state)
{
	struct psf_racf_model m;
	unsigned seed = 42;
	char name[64];

	(void)state;
	psf_racf_model_init(&m);
	for (int i = 0; i < 400; i++) {
		random_name(&seed, name, i % 4 != 0);
		add_unless_there(&m, name);
	}
	check_against_scan(&m, &seed, 3000);
	psf_racf_model_free(&m);
}

/* Many generics with generic qualifiers before a literal one, mixed with
 * the other forms, over several seeds. */
static void test_shaped_against_scan(void **state)
{
	(void)state;
	for (unsigned round = 0; round < 8; round++) {
		struct psf_racf_model m;
		unsigned seed = 7 + round;
		char name[64];

		psf_racf_model_init(&m);
		for (int i = 0; i < 300; i++) {
			if (i % 3 == 0)
				random_name(&seed, name, i % 6 != 0);
			else
				shaped_name(&seed, name);
			add_unless_there(&m, name);
		}
		check_against_scan(&m, &seed, 1500);
		psf_racf_model_free(&m);
	}
}

static void test_empty_index(void **state)
{
	struct psf_racf_model m;
	struct psf_profile_index *ix;
	int out[1];

	(void)state;
	psf_racf_model_init(&m);
	ix = psf_profile_index_build(&m, PSF_CLS_SERVAUTH);
	assert_non_null(ix);
	assert_int_equal(psf_profile_index_best(ix, "A.B", true), -1);
	assert_int_equal(psf_profile_index_all(ix, "A.B", true, out, 1), 0);
	psf_profile_index_free(ix);
	psf_racf_model_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_all),
		cmocka_unit_test(test_index_against_scan),
		cmocka_unit_test(test_shaped_against_scan),
		cmocka_unit_test(test_empty_index),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
