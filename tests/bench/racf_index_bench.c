/*
 * RACF reader and profile index at scale: parse 10,000 RDEFINE and 20,000
 * PERMIT commands, then build the SERVAUTH index over the 10,000 profiles
 * and look up 10,000 distinct resource names.  Targets: parsing under
 * about 20 ms, index build plus lookups under 15 ms.  The parse is timed
 * cold, as `portsaf` meets it, page faults of the new model included.
 * Prints the figures; exits 1 only when a figure is three times its
 * target, so that a loaded machine does not fail it but a regression
 * (a quadratic scan, say) does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "model.h"
#include "racf_generic.h"

#define NPROFILES 10000
#define NPERMITS 20000
#define NLOOKUPS 10000

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Profile i: mostly discrete names, half generic in the forms sites use
 * (spec 5.2).  Case 2 shares its literal prefix and (empty) suffix with
 * every other case-2 name, which only the index's anchors tell apart. */
static void profile_name(char *out, size_t sz, int i)
{
	int sys = i % 50, res = i / 50;

	switch (i % 6) {
	case 0:
		snprintf(out, sz, "EZB.PORTACCESS.SYS%d.*.RES%d", sys, res);
		break;
	case 1:
		snprintf(out, sz, "EZB.PORTACCESS.SYS%d.TCPIP.R%%S%d*", sys, res);
		break;
	case 2:
		snprintf(out, sz, "EZB.PORTACCESS.*.*.RES%d*", i / 6);
		break;
	default:
		snprintf(out, sz, "EZB.PORTACCESS.SYS%d.TCPIP%d.RES%d", sys, i % 7, res);
		break;
	}
}

static char *racf_text(size_t *len)
{
	size_t cap = (size_t)(NPROFILES + NPERMITS) * 120, n = 0;
	char *t = malloc(cap), name[128];

	if (!t)
		return NULL;
	n += (size_t)snprintf(t + n, cap - n, "RDEFINE SERVAUTH EZB.PORTACCESS.** "
			      "UACC(NONE) WARNING AUDIT(ALL(READ))\n");
	for (int i = 1; i < NPROFILES; i++) {
		profile_name(name, sizeof name, i);
		n += (size_t)snprintf(t + n, cap - n, "RDEFINE SERVAUTH %s UACC(NONE) "
				      "AUDIT(FAILURES(READ))\n", name);
	}
	for (int i = 0; i < NPERMITS; i++) {
		profile_name(name, sizeof name, 1 + (i * 7919) % (NPROFILES - 1));
		n += (size_t)snprintf(t + n, cap - n, "PERMIT %s CLASS(SERVAUTH) "
				      "ID(USER%d) ACCESS(READ)%s\n", name, i % 997,
				      i % 5 ? "" : " WHEN(PROGRAM(PGM1))");
	}
	*len = n;
	return t;
}

static int lookups(const struct psf_racf_model *m, double *build_ms,
		   double *lookup_ms, int *covered)
{
	char res[128];
	double t0 = now_ms();
	struct psf_profile_index *ix = psf_profile_index_build(m, PSF_CLS_SERVAUTH);
	double t1 = now_ms();

	if (!ix)
		return -1;
	*covered = 0;
	for (int i = 0; i < NLOOKUPS; i++) {
		snprintf(res, sizeof res, "EZB.PORTACCESS.SYS%d.TCPIP%d.RES%d",
			 i % 60, i % 9, i / 7);
		*covered += psf_profile_index_best(ix, res, true) > 0;
	}
	*lookup_ms = now_ms() - t1;
	*build_ms = t1 - t0;
	psf_profile_index_free(ix);
	return 0;
}

int main(void)
{
	struct psf_racf_model m;
	struct psf_diags d = { 0 };
	size_t len;
	char *text = racf_text(&len);
	double t0, parse_ms, build_ms, lookup_ms;
	int errors, covered;

	if (!text)
		return 2;
	psf_racf_model_init(&m);
	t0 = now_ms();
	errors = psf_racf_parse(&m, text, len, "bench.racf", PSF_SEV_ERROR, &d);
	parse_ms = now_ms() - t0;
	if (errors || lookups(&m, &build_ms, &lookup_ms, &covered) < 0) {
		psf_diags_print(&d, 2);
		return 2;
	}
	printf("racf parse: %d RDEFINE + %d PERMIT in %.1f ms (target 20 ms)\n",
	       NPROFILES, NPERMITS, parse_ms);
	printf("profile index: build %.1f ms + %d lookups %.1f ms = %.1f ms "
	       "(target 15 ms); %d found a profile other than EZB.PORTACCESS.**\n",
	       build_ms, NLOOKUPS, lookup_ms, build_ms + lookup_ms, covered);
	free(text);
	psf_diags_free(&d);
	psf_racf_model_free(&m);
	return parse_ms > 3 * 20 || build_ms + lookup_ms > 3 * 15;
}
