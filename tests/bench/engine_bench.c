/*
 * Engine benchmark (issue 2 item 6): load a policy of 10,000 PORT/PORTRANGE
 * entries and 10,000 profiles with access lists (target < 50 ms), and time
 * one decision (target < 200 ns).  Medians of repeated rounds.
 * usage: engine_bench DIR   (DIR receives the generated policy)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "portsaf.h"

#define NPORT 5000
#define NRANGE 5000
#define NPROF 10000
#define ROUNDS 7

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static FILE *open_in(const char *dir, const char *name, char *path, size_t n)
{
	snprintf(path, n, "%s/%s", dir, name);
	return fopen(path, "w");
}

static int generate(const char *dir, char *conf, size_t n)
{
	char path[4096];
	FILE *f;

	if (!(f = open_in(dir, "tcpip.profile", path, sizeof path)))
		return -1;
	fputs("TCPCONFIG RESTRICTLOWPORTS EPHEMERALPORTS 49152 65535\n", f);
	fputs("PORT\n  UNRSV TCP * SAF UNRSVTCP\n  UNRSV UDP * SAF UNRSVUDP\n", f);
	for (int i = 0; i < NPORT; i++)
		fprintf(f, "  %d %s J%05d SAF R%05d\n", 1024 + i,
			i % 2 ? "UDP" : "TCP", i, i);
	fputs("PORTRANGE\n", f);
	for (int i = 0; i < NRANGE; i++)
		fprintf(f, "  %d 4 TCP K%05d* SAF Q%05d\n", 10000 + i * 5, i, i);
	fclose(f);
	if (!(f = open_in(dir, "servauth.racf", path, sizeof path)))
		return -1;
	fputs("SETROPTS GENERIC(SERVAUTH) GRPLIST WHEN(PROGRAM)\n", f);
	for (int i = 0; i < 100; i++)
		fprintf(f, "ADDGROUP G%03d\nADDUSER U%03d DFLTGRP(G%03d)\n", i, i, i);
	for (int i = 0; i < NPROF; i++) {
		char prof[64];

		/* every tenth generic, covering ten resource names */
		if (i % 10 == 9)
			snprintf(prof, sizeof prof, "EZB.PORTACCESS.*.*.%c%04d*",
				 i % 2 ? 'R' : 'Q', i / 10);
		else
			snprintf(prof, sizeof prof, "EZB.PORTACCESS.SYS1.TCPIP.%c%05d",
				 i % 2 ? 'R' : 'Q', i);
		fprintf(f, "RDEFINE SERVAUTH %s UACC(NONE) AUDIT(ALL(READ))\n"
			"PERMIT %s CLASS(SERVAUTH) ID(U%03d G%03d) ACCESS(READ)\n",
			prof, prof, i % 100, (i + 7) % 100);
	}
	fclose(f);
	if (!(f = open_in(dir, "portsaf.conf", conf, n)))
		return -1;
	fputs("profile = \"tcpip.profile\";\nracf = \"servauth.racf\";\n", f);
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	char conf[4096];
	double t[ROUNDS], d[ROUNDS];
	struct psf_policy *p = NULL;
	struct psf_identity id = { .jobname = "J00042", .user = "U042",
				   .group = "G042", .program = "BENCH" };
	struct psf_subject s;
	struct psf_decision dec;
	unsigned long allowed = 0;
	const long N = 2000000;

	if (argc != 2 || generate(argv[1], conf, sizeof conf)) {
		fprintf(stderr, "usage: engine_bench DIR\n");
		return 2;
	}
	for (int r = 0; r < ROUNDS; r++) {
		struct psf_diags diags = { 0 };
		double t0 = now();

		psf_policy_free(p);
		if (psf_policy_load(conf, NULL, &p, &diags)) {
			psf_diags_print(&diags, 2);
			return 1;
		}
		t[r] = now() - t0;
		psf_diags_free(&diags);
	}
	psf_subject_init(&s, p, &id);
	for (int r = 0; r < ROUNDS; r++) {
		double t0 = now();

		for (long i = 0; i < N; i++) {
			struct psf_request q = { (enum psf_op)(i & 1), PSF_TCP,
				(uint16_t)(1000 + (i * 7919) % 40000), { 4, { 0 } },
				false };
			psf_decide(p, &s, &q, &dec, NULL);
			allowed += dec.verdict != PSF_DENY;
		}
		d[r] = (now() - t0) / (double)N * 1e9;
	}
	qsort(t, ROUNDS, sizeof t[0], cmp_d);
	qsort(d, ROUNDS, sizeof d[0], cmp_d);
	printf("policy load (%d PORT + %d PORTRANGE entries, %d profiles with "
	       "access lists): %.1f ms (median of %d; target < 50 ms) %s\n",
	       NPORT, NRANGE, NPROF, t[ROUNDS / 2] * 1e3, ROUNDS,
	       t[ROUNDS / 2] < 0.050 ? "OK" : "OVER");
	printf("one decision: %.0f ns (median of %d rounds of %ld; target < "
	       "200 ns) %s\n", d[ROUNDS / 2], ROUNDS, N,
	       d[ROUNDS / 2] < 200 ? "OK" : "OVER");
	fprintf(stderr, "(%lu allowed)\n", allowed);
	psf_policy_free(p);
	return 0;
}
