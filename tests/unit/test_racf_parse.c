/*
 * The RACF command reader (spec 1, 5.7): TSO lexical rules, every command
 * and operand form, in-order application, and the exact diagnostics for
 * malformed input.  Each row parses its input into a fresh model and
 * compares every diagnostic, then checks lines of a dump of the model.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "model.h"

/* ---------------- model dump ---------------- */

struct out {
	char buf[16384];
	size_t n;
};

static void say(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(struct out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	o->n += (size_t)vsnprintf(o->buf + o->n, sizeof o->buf - o->n, fmt, ap);
	va_end(ap);
	assert_true(o->n < sizeof o->buf);
}

static const char *level(unsigned a)
{
	return a == PSF_AUDIT_OFF ? "-" : psf_access_name((enum psf_access)a);
}

static const char *cls_name(enum psf_class c)
{
	return c == PSF_CLS_SERVAUTH ? "SERVAUTH" : "FACILITY";
}

static void dump_profile(struct out *o, const struct psf_profile *p)
{
	static const char *const sep[] = { "", " " };

	say(o, "PROF %s %s uacc=%s warn=%d audit=%s/%s gaudit=%s/%s appl=%s "
	    "line=%d acl=", cls_name(p->cls), p->name, psf_access_name(p->uacc),
	    p->warning, level(p->audit.success), level(p->audit.failure),
	    level(p->globalaudit.success), level(p->globalaudit.failure),
	    p->appldata ? p->appldata : "-", p->line);
	for (size_t i = 0; i < p->nacl; i++)
		say(o, "%s%s:%s", sep[i > 0], p->acl[i].id,
		    psf_access_name(p->acl[i].level));
	say(o, " cond=");
	for (size_t i = 0; i < p->ncond; i++)
		say(o, "%s%s/%s:%s", sep[i > 0], p->cond[i].id, p->cond[i].program,
		    psf_access_name(p->cond[i].level));
	say(o, "\n");
}

static void dump(struct out *o, const struct psf_racf_model *m)
{
	static const char *const logs[] = {
		"DEFAULT", "ALWAYS", "NEVER", "SUCCESSES", "FAILURES"
	};

	say(o, "OPTS classact=%d generic=%d grplist=%d when=%d@%d log=%s\n",
	    m->classact, m->generic, m->grplist, m->when_program,
	    m->when_program_line, logs[m->logoptions]);
	say(o, "COUNT profiles=%zu users=%zu groups=%zu refs=%zu\n",
	    m->nprofiles, m->nusers, m->ngroups, m->nrefs);
	for (size_t i = 0; i < m->nprofiles; i++)
		dump_profile(o, &m->profiles[i]);
	for (size_t i = 0; i < m->nusers; i++) {
		const struct psf_racf_user *u = &m->users[i];

		say(o, "USER %s dflt=%s name=%s line=%d groups=", u->id,
		    u->dfltgrp[0] ? u->dfltgrp : "-", u->has_name ? u->name : "-",
		    u->line);
		for (size_t g = 0; g < u->ngroups; g++)
			say(o, "%s%s", g ? "," : "", u->groups[g]);
		say(o, "\n");
	}
	for (size_t i = 0; i < m->ngroups; i++)
		say(o, "GROUP %s line=%d\n", m->groups[i].id, m->groups[i].line);
	for (size_t i = 0; i < m->nrefs; i++)
		say(o, "REF %d %s %s %s\n", m->refs[i].line, m->refs[i].id,
		    cls_name(m->refs[i].cls), m->refs[i].profile_name);
}

static void diags_text(struct out *o, const struct psf_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		say(o, "%s:%d: %s: %s\n", d->v[i].file, d->v[i].line,
		    d->v[i].sev == PSF_SEV_ERROR ? "error" : "warning", d->v[i].text);
}

/* ---------------- rows ---------------- */

struct row {
	const char *spec;
	const char *input;
	/* every diagnostic, in order, as "LINE: error|warning: text\n"
	 * (the file is always t.racf) */
	const char *diags;
	/* lines the dump must contain; a line starting with '!' must not
	 * appear; "COUNT ..." pins the sizes */
	const char *model;
};

static bool has_line(const char *text, const char *line, size_t len)
{
	while (*text) {
		const char *e = strchr(text, '\n');
		size_t l = e ? (size_t)(e - text) : strlen(text);

		if (l == len && memcmp(text, line, len) == 0)
			return true;
		text += l + (e != NULL);
	}
	return false;
}

static void check_model(const struct row *r, const char *dumped)
{
	for (const char *p = r->model ? r->model : ""; *p;) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		bool neg = *p == '!';

		if (has_line(dumped, p + neg, l - neg) == neg)
			fail_msg("spec %s: model %s line\n  %.*s\ngot:\n%s", r->spec,
				 neg ? "has unwanted" : "lacks", (int)(l - neg),
				 p + neg, dumped);
		p += l + (e != NULL);
	}
}

static void run_row(const struct row *r, enum psf_severity rejected)
{
	struct psf_racf_model m;
	struct psf_diags d = { 0 };
	struct out want = { .n = 0 }, got = { .n = 0 }, model = { .n = 0 };
	int errors;

	psf_racf_model_init(&m);
	errors = psf_racf_parse(&m, r->input, strlen(r->input), "t.racf",
				rejected, &d);
	diags_text(&got, &d);
	for (const char *p = r->diags ? r->diags : ""; *p;) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) + 1 : strlen(p);

		say(&want, "t.racf:%.*s", (int)l, p);
		p += l;
	}
	if ((want.n || got.n) && strcmp(want.buf, got.buf) != 0)
		fail_msg("spec %s: input\n%s\ndiagnostics:\n%s\nwanted:\n%s",
			 r->spec, r->input, got.n ? got.buf : "(none)\n",
			 want.n ? want.buf : "(none)\n");
	if ((size_t)errors != psf_diags_count(&d, PSF_SEV_ERROR))
		fail_msg("spec %s: returned %d errors, reported %zu", r->spec,
			 errors, psf_diags_count(&d, PSF_SEV_ERROR));
	dump(&model, &m);
	check_model(r, model.buf);
	psf_diags_free(&d);
	psf_racf_model_free(&m);
}

/* `check` passes ERROR for the commands RACF rejects, `run` WARNING. */
static void run_rows(const struct row *rows, size_t n, enum psf_severity rejected)
{
	for (size_t i = 0; i < n; i++)
		run_row(&rows[i], rejected);
}

#define RUN(rows) run_rows(rows, sizeof rows / sizeof rows[0], PSF_SEV_ERROR)


#define PROF0 " uacc=NONE warn=0 audit=-/READ gaudit=-/- appl=-"

/* ---------------- spec 1: TSO lexical rules ---------------- */

static const struct row lexical_rows[] = {
	{ "1 one command per line",
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTP UACC(NONE)\n"
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTPDATA\n", NULL,
	  "COUNT profiles=2 users=0 groups=0 refs=0\n"
	  "PROF SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTP" PROF0 " line=1 acl= cond=\n"
	  "PROF SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTPDATA" PROF0 " line=2 acl= cond=" },
	{ "1 keywords and names folded to upper case",
	  "rdefine servauth ezb.portaccess.** uacc(read) warning", NULL,
	  "PROF SERVAUTH EZB.PORTACCESS.** uacc=READ warn=1 audit=-/READ "
	  "gaudit=-/- appl=- line=1 acl= cond=" },
	{ "1 '-' continues, leading blanks of the next line kept",
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTP -\n"
	  "        UACC(READ)\n", NULL,
	  "PROF SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTP uacc=READ warn=0 "
	  "audit=-/READ gaudit=-/- appl=- line=1 acl= cond=" },
	{ "1 '-' joins a word when the next line starts at once",
	  "RDEFINE SERVAUTH EZB.PORT-\nACCESS.X", NULL,
	  "PROF SERVAUTH EZB.PORTACCESS.X" PROF0 " line=1 acl= cond=" },
	{ "1 '-' keeps the next line's blanks: the word ends",
	  "RDEFINE SERVAUTH EZB.PORT-\n   ACCESS.X",
	  "2: error: unknown operand 'ACCESS.X' for RDEFINE\n",
	  "COUNT profiles=0 users=0 groups=0 refs=0" },
	{ "1 '+' removes the next line's leading blanks",
	  "RDEFINE SERVAUTH EZB.PORT+\n   ACCESS.X", NULL,
	  "PROF SERVAUTH EZB.PORTACCESS.X" PROF0 " line=1 acl= cond=" },
	{ "1 '+' removes leading commas and comments too",
	  "RDEFINE SERVAUTH EZB.PORT+\n  , /* part two */ ACCESS.X", NULL,
	  "PROF SERVAUTH EZB.PORTACCESS.X" PROF0 " line=1 acl= cond=" },
	{ "1 several continuation lines",
	  "PERMIT A.B -\n  CLASS(SERVAUTH) -\n  ID(U1) +\n  ACCESS(UPDATE)",
	  "1: error: PERMIT: ICH06004I A.B NOT DEFINED TO RACF\n", NULL },
	{ "1 comments on their own lines, over several lines",
	  "/* port security\n   phase 1 */\n/* one more */\nRDEFINE SERVAUTH A.B\n",
	  NULL, "PROF SERVAUTH A.B" PROF0 " line=4 acl= cond=" },
	{ "1 comment at line end before a continuation",
	  "RDEFINE SERVAUTH A.B /* the FTP port */ -\n  UACC(READ)", NULL,
	  "PROF SERVAUTH A.B uacc=READ warn=0 audit=-/READ gaudit=-/- appl=- "
	  "line=1 acl= cond=" },
	{ "1 continuation before a comment at line end",
	  "RDEFINE SERVAUTH A.B - /* the FTP port */\n  UACC(READ)", NULL,
	  "PROF SERVAUTH A.B uacc=READ warn=0 audit=-/READ gaudit=-/- appl=- "
	  "line=1 acl= cond=" },
	{ "1 a comment spanning lines inside a command",
	  "RDEFINE SERVAUTH A.B /* the\n FTP port */ UACC(READ)", NULL,
	  "PROF SERVAUTH A.B uacc=READ warn=0 audit=-/READ gaudit=-/- appl=- "
	  "line=1 acl= cond=" },
	{ "1 a comment separates words",
	  "RDEFINE SERVAUTH A.B/*x*/UACC(READ)", NULL,
	  "PROF SERVAUTH A.B uacc=READ warn=0 audit=-/READ gaudit=-/- appl=- "
	  "line=1 acl= cond=" },
	{ "1 '-' inside a comment does not continue",
	  "RDEFINE SERVAUTH A.B /* - */\nRDEFINE SERVAUTH A.C", NULL,
	  "COUNT profiles=2 users=0 groups=0 refs=0" },
	{ "1 quoted text keeps its case",
	  "RDEFINE FACILITY IRR.PGMSECURITY APPLDATA('EnhWarn')", NULL,
	  "PROF FACILITY IRR.PGMSECURITY uacc=NONE warn=0 audit=-/READ "
	  "gaudit=-/- appl=EnhWarn line=1 acl= cond=" },
	{ "1 '' is a quote",
	  "RDEFINE SERVAUTH A.B APPLDATA('IT''S')", NULL,
	  "PROF SERVAUTH A.B uacc=NONE warn=0 audit=-/READ gaudit=-/- "
	  "appl=IT'S line=1 acl= cond=" },
	{ "1 comment and continuation characters are literal in quotes",
	  "RDEFINE SERVAUTH A.B APPLDATA('A /* B */ - C')", NULL,
	  "PROF SERVAUTH A.B uacc=NONE warn=0 audit=-/READ gaudit=-/- "
	  "appl=A /* B */ - C line=1 acl= cond=" },
	{ "1 '-' continues a quoted string",
	  "RDEFINE SERVAUTH A.B APPLDATA('ABC-\nDEF')", NULL,
	  "PROF SERVAUTH A.B uacc=NONE warn=0 audit=-/READ gaudit=-/- "
	  "appl=ABCDEF line=1 acl= cond=" },
	{ "1 '+' continues a quoted string without the next line's blanks",
	  "RDEFINE SERVAUTH A.B APPLDATA('ABC +\n     DEF')", NULL,
	  "PROF SERVAUTH A.B uacc=NONE warn=0 audit=-/READ gaudit=-/- "
	  "appl=ABC DEF line=1 acl= cond=" },
	{ "1 CRLF line ends, blank lines, the line a command starts on",
	  "\r\n\r\n  RDEFINE SERVAUTH A.B UACC(READ)\r\n", NULL,
	  "PROF SERVAUTH A.B uacc=READ warn=0 audit=-/READ gaudit=-/- appl=- "
	  "line=3 acl= cond=" },
	{ "1 commas separate operands and list items",
	  "RDEFINE SERVAUTH A.B,UACC(NONE)\n"
	  "PERMIT A.B,CLASS(SERVAUTH),ID(U1,U2),ACCESS(READ)", NULL,
	  "PROF SERVAUTH A.B" PROF0 " line=1 acl=U1:READ U2:READ cond=" },
	{ "1 tabs are blanks",
	  "RDEFINE\tSERVAUTH\tA.B\tUACC(READ)", NULL,
	  "PROF SERVAUTH A.B uacc=READ warn=0 audit=-/READ gaudit=-/- appl=- "
	  "line=1 acl= cond=" },
	{ "1 no commands at all", "\n  \n/* nothing */\n", NULL,
	  "COUNT profiles=0 users=0 groups=0 refs=0" },
};

static void test_lexical(void **state)
{
	(void)state;
	RUN(lexical_rows);
}

/* ---------------- spec 5.7: SETROPTS ---------------- */

static const struct row setropts_rows[] = {
	{ "5.2 Decision: defaults", "", NULL,
	  "OPTS classact=1 generic=1 grplist=0 when=0@0 log=DEFAULT" },
	{ "5.2 lines turning SERVAUTH on are accepted",
	  "SETROPTS CLASSACT(SERVAUTH) RACLIST(SERVAUTH) GENERIC(SERVAUTH)\n"
	  "SETROPTS RACLIST(SERVAUTH) REFRESH\nSETROPTS GENERIC(SERVAUTH) REFRESH\n"
	  "SETROPTS GENCMD(SERVAUTH)", NULL,
	  "OPTS classact=1 generic=1 grplist=0 when=0@0 log=DEFAULT" },
	{ "5.3 NOCLASSACT(SERVAUTH)", "SETROPTS NOCLASSACT(SERVAUTH)", NULL,
	  "OPTS classact=0 generic=1 grplist=0 when=0@0 log=DEFAULT" },
	{ "5.3 NOCLASSACT(*) covers SERVAUTH", "SETROPTS NOCLASSACT(*)", NULL,
	  "OPTS classact=0 generic=1 grplist=0 when=0@0 log=DEFAULT" },
	{ "5.2 NOGENERIC(SERVAUTH)", "SETR NOGENERIC(SERVAUTH)", NULL,
	  "OPTS classact=1 generic=0 grplist=0 when=0@0 log=DEFAULT" },
	{ "5.7 other classes change nothing",
	  "SETROPTS NOGENERIC(FACILITY DATASET) NOCLASSACT(TCICSTRN) "
	  "NORACLIST(FACILITY) NOGENCMD(FACILITY)", NULL,
	  "OPTS classact=1 generic=1 grplist=0 when=0@0 log=DEFAULT" },
	{ "5.4 GRPLIST, NOGRPLIST", "SETROPTS GRPLIST\nSETR NOGRPLIST\nSETR GRPLIST",
	  NULL, "OPTS classact=1 generic=1 grplist=1 when=0@0 log=DEFAULT" },
	{ "5.4 WHEN(PROGRAM) REFRESH records its line",
	  "SETROPTS GRPLIST\nSETROPTS WHEN(PROGRAM) REFRESH", NULL,
	  "OPTS classact=1 generic=1 grplist=1 when=1@2 log=DEFAULT" },
	{ "5.4 NOWHEN(PROGRAM)",
	  "SETROPTS WHEN(PROGRAM)\nSETROPTS NOWHEN(PROGRAM)", NULL,
	  "OPTS classact=1 generic=1 grplist=0 when=0@0 log=DEFAULT" },
	{ "5.6 LOGOPTIONS(FAILURES(SERVAUTH))",
	  "SETROPTS LOGOPTIONS(FAILURES(SERVAUTH))", NULL,
	  "OPTS classact=1 generic=1 grplist=0 when=0@0 log=FAILURES" },
	{ "5.6 LOGOPTIONS with several levels and classes",
	  "SETROPTS LOGOPTIONS(ALWAYS(DATASET) NEVER(FACILITY SERVAUTH))", NULL,
	  "OPTS classact=1 generic=1 grplist=0 when=0@0 log=NEVER" },
	{ "5.6 LOGOPTIONS ALWAYS, SUCCESSES (abbreviated), DEFAULT",
	  "SETR LOGOPTIONS(ALWAYS(SERVAUTH))\nSETR LOGOPTIONS(SUCCESS(SERVAUTH))",
	  NULL, "OPTS classact=1 generic=1 grplist=0 when=0@0 log=SUCCESSES" },
	{ "5.6 LOGOPTIONS(DEFAULT(SERVAUTH))",
	  "SETR LOGOPTIONS(ALWAYS(SERVAUTH))\nSETR LOGOPTIONS(DEFAULT(SERVAUTH))",
	  NULL, "OPTS classact=1 generic=1 grplist=0 when=0@0 log=DEFAULT" },
	{ "5.7 several operands in one command",
	  "SETROPTS CLASSACT(SERVAUTH FACILITY) GENERIC(SERVAUTH) GRPLIST -\n"
	  "         WHEN(PROGRAM) LOGOPTIONS(ALWAYS(SERVAUTH))", NULL,
	  "OPTS classact=1 generic=1 grplist=1 when=1@2 log=ALWAYS" },
	{ "1 operands in the order written: the last one wins",
	  "SETROPTS NOCLASSACT(SERVAUTH) CLASSACT(SERVAUTH) GENERIC(*) "
	  "NOGENERIC(SERVAUTH)", NULL,
	  "OPTS classact=1 generic=0 grplist=0 when=0@0 log=DEFAULT" },
	{ "1 abbreviated SETROPTS operands",
	  "SETR NOCLASSA(SERVAUTH) GRP NOGENERIC(SERVAUTH) W(PROGRAM)", NULL,
	  "OPTS classact=0 generic=0 grplist=1 when=1@1 log=DEFAULT" },
};

static void test_setropts(void **state)
{
	(void)state;
	RUN(setropts_rows);
}

/* ---------------- spec 5.7: RDEFINE, RALTER, RDELETE ---------------- */

static const struct row profile_rows[] = {
	{ "5.6 RDEFINE defaults: UACC(NONE) AUDIT(FAILURES(READ)) no GLOBALAUDIT",
	  "RDEFINE SERVAUTH A.B", NULL,
	  "PROF SERVAUTH A.B uacc=NONE warn=0 audit=-/READ gaudit=-/- appl=- "
	  "line=1 acl= cond=" },
	{ "5.7 RDEFINE with every operand",
	  "RDEFINE SERVAUTH EZB.PORTACCESS.** UACC(READ) WARNING AUDIT(ALL(UPDATE)) -\n"
	  "  GLOBALAUDIT(FAILURES(READ)) OWNER(SECADM) NOTIFY(SECADM) -\n"
	  "  DATA('port security, phase 1') APPLDATA('X')", NULL,
	  "PROF SERVAUTH EZB.PORTACCESS.** uacc=READ warn=1 audit=UPDATE/UPDATE "
	  "gaudit=-/READ appl=X line=1 acl= cond=" },
	{ "1 abbreviations: RDEF, U, WA, AU, SUCCESSES, FAILURE, APPL",
	  "RDEF SERVAUTH A.B U(READ) WA AU(SUCCESSES(READ) FAILURE(ALTER)) APPL(Y)",
	  NULL,
	  "PROF SERVAUTH A.B uacc=READ warn=1 audit=READ/ALTER gaudit=-/- appl=Y "
	  "line=1 acl= cond=" },
	{ "5.6 AUDIT replaces the default: SUCCESS only",
	  "RDEFINE SERVAUTH A.B AUDIT(SUCCESS)", NULL,
	  "PROF SERVAUTH A.B uacc=NONE warn=0 audit=READ/- gaudit=-/- appl=- "
	  "line=1 acl= cond=" },
	{ "5.6 AUDIT(NONE), AUDIT(ALL) with default level",
	  "RDEFINE SERVAUTH A.B AUDIT(NONE)\nRDEFINE SERVAUTH A.C AUDIT(ALL)", NULL,
	  "PROF SERVAUTH A.B uacc=NONE warn=0 audit=-/- gaudit=-/- appl=- "
	  "line=1 acl= cond=\n"
	  "PROF SERVAUTH A.C uacc=NONE warn=0 audit=READ/READ gaudit=-/- appl=- "
	  "line=2 acl= cond=" },
	{ "5.6 AUDIT(ALL(READ)) then a type of its own",
	  "RDEFINE SERVAUTH A.B AUDIT(ALL(READ) FAILURES(CONTROL))", NULL,
	  "PROF SERVAUTH A.B uacc=NONE warn=0 audit=READ/CONTROL gaudit=-/- "
	  "appl=- line=1 acl= cond=" },
	{ "5.7 a list of profile names",
	  "RDEFINE SERVAUTH (A.B A.C) UACC(READ)", NULL,
	  "COUNT profiles=2 users=0 groups=0 refs=0\n"
	  "PROF SERVAUTH A.C uacc=READ warn=0 audit=-/READ gaudit=-/- appl=- "
	  "line=1 acl= cond=" },
	{ "5.5 FACILITY IRR.PGMSECURITY",
	  "RDEFINE FACILITY IRR.PGMSECURITY APPLDATA('ENHANCED')", NULL,
	  "PROF FACILITY IRR.PGMSECURITY uacc=NONE warn=0 audit=-/READ "
	  "gaudit=-/- appl=ENHANCED line=1 acl= cond=" },
	{ "5.7 quoted profile names are folded",
	  "RDEFINE SERVAUTH 'ezb.portaccess.**'", NULL,
	  "PROF SERVAUTH EZB.PORTACCESS.**" PROF0 " line=1 acl= cond=" },
	{ "5.7 the same name in two classes",
	  "RDEFINE SERVAUTH A.B\nRDEFINE FACILITY A.B", NULL,
	  "COUNT profiles=2 users=0 groups=0 refs=0" },
	{ "5.7 RALTER WARNING/NOWARNING and UACC, on an existing profile",
	  "RDEFINE SERVAUTH A.B WARNING\nRALTER SERVAUTH A.B NOWARNING UACC(READ)\n"
	  "RALT SERVAUTH A.B WARN", NULL,
	  "PROF SERVAUTH A.B uacc=READ warn=1 audit=-/READ gaudit=-/- appl=- "
	  "line=1 acl= cond=" },
	{ "5.7 RALTER NOWARNING",
	  "RDEFINE SERVAUTH A.B WARNING\nRALTER SERVAUTH A.B NOWARNING", NULL,
	  "PROF SERVAUTH A.B" PROF0 " line=1 acl= cond=" },
	{ "5.6 RALTER AUDIT and GLOBALAUDIT replace, NOAPPLDATA clears",
	  "RDEFINE SERVAUTH A.B APPLDATA(X) GLOBALAUDIT(ALL)\n"
	  "RALTER SERVAUTH A.B AUDIT(SUCCESS(UPDATE)) GLOBALAUDIT(NONE) NOAPPLDATA "
	  "NODATA NONOTIFY", NULL,
	  "PROF SERVAUTH A.B uacc=NONE warn=0 audit=UPDATE/- gaudit=-/- appl=- "
	  "line=1 acl= cond=" },
	{ "5.7 RALTER keeps the access lists",
	  "RDEFINE SERVAUTH A.B\nPERMIT A.B CLASS(SERVAUTH) ID(U1)\n"
	  "RALTER SERVAUTH A.B UACC(UPDATE)", NULL,
	  "PROF SERVAUTH A.B uacc=UPDATE warn=0 audit=-/READ gaudit=-/- appl=- "
	  "line=1 acl=U1:READ cond=" },
	{ "5.7 RALTER of a missing profile: ICH11102I",
	  "RALTER SERVAUTH A.B UACC(READ)",
	  "1: error: RALTER: ICH11102I A.B NOT DEFINED TO CLASS SERVAUTH\n",
	  "COUNT profiles=0 users=0 groups=0 refs=0" },
	{ "5.7 duplicate RDEFINE: ICH10102I, the profile unchanged",
	  "RDEFINE SERVAUTH A.B\nRDEFINE SERVAUTH A.B UACC(READ)",
	  "2: error: RDEFINE: ICH10102I A.B ALREADY DEFINED TO CLASS SERVAUTH\n",
	  "COUNT profiles=1 users=0 groups=0 refs=0\n"
	  "PROF SERVAUTH A.B" PROF0 " line=1 acl= cond=" },
	{ "5.7 duplicate in a list: the others are defined",
	  "RDEFINE SERVAUTH A.B\nRDEFINE SERVAUTH (A.B A.C) UACC(READ)",
	  "2: error: RDEFINE: ICH10102I A.B ALREADY DEFINED TO CLASS SERVAUTH\n",
	  "PROF SERVAUTH A.B" PROF0 " line=1 acl= cond=\n"
	  "PROF SERVAUTH A.C uacc=READ warn=0 audit=-/READ gaudit=-/- appl=- "
	  "line=2 acl= cond=" },
	{ "5.7 RDELETE", "RDEFINE SERVAUTH A.B\nRDEL SERVAUTH A.B", NULL,
	  "COUNT profiles=0 users=0 groups=0 refs=0" },
	{ "5.7 RDELETE keeps the order of the others",
	  "RDEFINE SERVAUTH (A.A A.B A.C)\nRDELETE SERVAUTH A.B", NULL,
	  "COUNT profiles=2 users=0 groups=0 refs=0\n"
	  "PROF SERVAUTH A.A" PROF0 " line=1 acl= cond=\n"
	  "PROF SERVAUTH A.C" PROF0 " line=1 acl= cond=" },
	{ "5.7 RDELETE of a missing profile: ICH12102I",
	  "RDELETE SERVAUTH A.B",
	  "1: error: RDELETE: ICH12102I A.B NOT DEFINED TO CLASS SERVAUTH\n", NULL },
	{ "5.7 RDELETE then PERMIT: rejected",
	  "RDEFINE SERVAUTH A.B\nRDELETE SERVAUTH A.B\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1)",
	  "3: error: PERMIT: ICH06004I A.B NOT DEFINED TO RACF\n",
	  "COUNT profiles=0 users=0 groups=0 refs=0" },
	{ "5.7 RDELETE then RDEFINE: a new profile with the defaults",
	  "RDEFINE SERVAUTH A.B UACC(READ) WARNING\nPERMIT A.B CLASS(SERVAUTH) ID(U1)\n"
	  "RDELETE SERVAUTH A.B\nRDEFINE SERVAUTH A.B", NULL,
	  "COUNT profiles=1 users=0 groups=0 refs=1\n"
	  "PROF SERVAUTH A.B" PROF0 " line=4 acl= cond=" },
};

static void test_profiles(void **state)
{
	(void)state;
	RUN(profile_rows);
}

/* ---------------- spec 5.7: PERMIT ---------------- */

#define DEF_AB "RDEFINE SERVAUTH A.B\n"
#define AB_ACL(acl, cond) "PROF SERVAUTH A.B" PROF0 " line=1 acl=" acl " cond=" cond

static const struct row permit_rows[] = {
	{ "5.7 PERMIT ID ACCESS", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) ACCESS(UPDATE)", NULL,
	  AB_ACL("U1:UPDATE", "") "\nREF 2 U1 SERVAUTH A.B" },
	{ "5.7 ACCESS defaults to READ; PE, CL abbreviations", DEF_AB
	  "PE A.B CL(SERVAUTH) ID(U1)", NULL, AB_ACL("U1:READ", "") },
	{ "5.7 ACC abbreviation, every level", DEF_AB
	  "PE A.B CLASS(SERVAUTH) ID(U0) ACC(NONE)\n"
	  "PE A.B CLASS(SERVAUTH) ID(U1) ACC(EXECUTE)\n"
	  "PE A.B CLASS(SERVAUTH) ID(U2) ACC(CONTROL)\n"
	  "PE A.B CLASS(SERVAUTH) ID(U3) ACC(ALTER)", NULL,
	  AB_ACL("U0:NONE U1:EXECUTE U2:CONTROL U3:ALTER", "") },
	{ "5.7 a second PERMIT for an ID replaces its level", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) ACCESS(UPDATE)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U2)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) ACCESS(NONE)", NULL,
	  AB_ACL("U1:NONE U2:READ", "") },
	{ "5.4 several IDs and ID(*); * is not a reference", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1 G1 *) ACCESS(READ)", NULL,
	  AB_ACL("U1:READ G1:READ *:READ", "") "\n"
	  "COUNT profiles=1 users=0 groups=0 refs=2\n"
	  "REF 2 U1 SERVAUTH A.B\nREF 2 G1 SERVAUTH A.B" },
	{ "5.4 WHEN(PROGRAM): the conditional list", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(FTPUSER) ACCESS(READ) "
	  "WHEN(PROGRAM(FTPDNS))", NULL,
	  AB_ACL("", "FTPUSER/FTPDNS:READ") "\nREF 2 FTPUSER SERVAUTH A.B" },
	{ "5.4 WHEN: the (ID, program) pair is the key", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) WHEN(PROGRAM(P1))\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) WHEN(PROGRAM(P2)) ACCESS(UPDATE)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) WHEN(PROG(P1)) ACCESS(NONE)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) ACCESS(ALTER)", NULL,
	  AB_ACL("U1:ALTER", "U1/P1:NONE U1/P2:UPDATE") },
	{ "5.7 PERMIT DELETE", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1 U2 U3)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U2) DELETE", NULL,
	  AB_ACL("U1:READ U3:READ", "") },
	{ "5.7 PERMIT DELETE WHEN removes the conditional entry only", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) WHEN(PROGRAM(P1))\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) DELETE WHEN(PROGRAM(P1))", NULL,
	  AB_ACL("U1:READ", "") },
	{ "5.7 PERMIT DELETE of an ID not in the list: ICH06002I", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U9) DELETE",
	  "2: warning: PERMIT: ICH06002I U9 NOT AUTHORIZED, DELETE IGNORED\n",
	  AB_ACL("", "") },
	{ "5.7 RESET is RESET(STANDARD)", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U2) WHEN(PROGRAM(P))\n"
	  "PERMIT A.B CLASS(SERVAUTH) RESET", NULL, AB_ACL("", "U2/P:READ") },
	{ "5.7 RESET(WHEN)", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U2) WHEN(PROGRAM(P))\n"
	  "PERMIT A.B CLASS(SERVAUTH) RESET(WHEN)", NULL, AB_ACL("U1:READ", "") },
	{ "5.7 RESET(ALL), RESET(STANDARD)", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U2) WHEN(PROGRAM(P))\n"
	  "PERMIT A.B CLASS(SERVAUTH) RESET(STANDARD)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U3)\n"
	  "PERMIT A.B CLASS(SERVAUTH) RESET(ALL)", NULL, AB_ACL("", "") },
	{ "5.7 RESET with ID: reset first, then permit", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1 U2)\n"
	  "PERMIT A.B CLASS(SERVAUTH) RESET ID(U3) ACCESS(UPDATE)", NULL,
	  AB_ACL("U3:UPDATE", "") },
	{ "5.7 RESET with DELETE: ICH06009I, the delete is done", DEF_AB
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1 U2)\n"
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) DELETE RESET",
	  "3: warning: PERMIT: ICH06009I RESET OPTION IGNORED, CONFLICTS WITH "
	  "DELETE REQUEST\n", AB_ACL("U2:READ", "") },
	{ "5.7 PERMIT on a list of profiles",
	  "RDEFINE SERVAUTH (A.B A.C)\nPERMIT (A.B A.C) CLASS(SERVAUTH) ID(U1)", NULL,
	  AB_ACL("U1:READ", "") "\n"
	  "PROF SERVAUTH A.C" PROF0 " line=1 acl=U1:READ cond=" },
	{ "5.7 PERMIT on a list with a missing profile: the others apply",
	  DEF_AB "PERMIT (A.X A.B) CLASS(SERVAUTH) ID(U1)",
	  "2: error: PERMIT: ICH06004I A.X NOT DEFINED TO RACF\n",
	  AB_ACL("U1:READ", "") "\nCOUNT profiles=1 users=0 groups=0 refs=1" },
	{ "5.7 PERMIT for a missing profile: ICH06004I, nothing recorded",
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) ACCESS(READ)",
	  "1: error: PERMIT: ICH06004I A.B NOT DEFINED TO RACF\n",
	  "COUNT profiles=0 users=0 groups=0 refs=0" },
	{ "5.7 PERMIT needs the profile of that class",
	  "RDEFINE FACILITY A.B\nPERMIT A.B CLASS(SERVAUTH) ID(U1)",
	  "2: error: PERMIT: ICH06004I A.B NOT DEFINED TO RACF\n", NULL },
	{ "5.5 PERMIT in FACILITY; GENERIC accepted",
	  "RDEFINE FACILITY IRR.PGMSECURITY\n"
	  "PERMIT IRR.PGMSECURITY CLASS(FACILITY) ID(U1) GENERIC", NULL,
	  "PROF FACILITY IRR.PGMSECURITY" PROF0 " line=1 acl=U1:READ cond=\n"
	  "REF 2 U1 FACILITY IRR.PGMSECURITY" },
	{ "10 references carry the ID's own line",
	  "RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTP\n"
	  "PERMIT EZB.PORTACCESS.SYS1.TCPIP.FTP CLASS(SERVAUTH) -\n"
	  "  ID(U1 -\n  U2)", NULL,
	  "REF 3 U1 SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTP\n"
	  "REF 4 U2 SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTP" },
	{ "5.2 PERMIT on a generic profile",
	  "RDEFINE SERVAUTH EZB.PORTACCESS.*.*.FTPDATA\n"
	  "PERMIT EZB.PORTACCESS.*.*.FTPDATA CLASS(SERVAUTH) ID(FTPUSER) "
	  "ACCESS(READ) WHEN(PROGRAM(FTPDNS))", NULL,
	  "PROF SERVAUTH EZB.PORTACCESS.*.*.FTPDATA" PROF0
	  " line=1 acl= cond=FTPUSER/FTPDNS:READ" },
};

static void test_permit(void **state)
{
	(void)state;
	RUN(permit_rows);
}

/* ---------------- spec 5.7: ADDUSER, ADDGROUP, CONNECT ---------------- */

static const struct row identity_rows[] = {
	{ "5.7 ADDUSER with DFLTGRP, NAME, OMVS",
	  "ADDGROUP WASGRP\n"
	  "ADDUSER WASSRV DFLTGRP(WASGRP) NAME('was servant') OWNER(SECADM) -\n"
	  "  OMVS(UID(4711) HOME('/u/was') PROGRAM('/bin/sh'))", NULL,
	  "USER WASSRV dflt=WASGRP name=WAS SERVANT line=2 groups=WASGRP\n"
	  "GROUP WASGRP line=1" },
	{ "5.7 AU, a list of users, NAME unquoted",
	  "AU (U1 U2) DFLTGRP(G1) NAME(JOHN)", NULL,
	  "USER U1 dflt=G1 name=JOHN line=1 groups=G1\n"
	  "USER U2 dflt=G1 name=JOHN line=1 groups=G1" },
	{ "5.7 ADDUSER without DFLTGRP or NAME", "ADDUSER U1", NULL,
	  "USER U1 dflt=- name=- line=1 groups=" },
	{ "5.7 ADDUSER operands without effect",
	  "ADDUSER U1 PASSWORD(XYZ) SPECIAL TSO(PROC(IKJACCNT) SIZE(4096)) -\n"
	  "  NOOIDCARD UACC(READ) AUTHORITY(JOIN) DATA('x') OMVS(AUTOUID) NOPASSWORD",
	  NULL, "USER U1 dflt=- name=- line=1 groups=" },
	{ "5.7 ADDGROUP, AG and a list",
	  "ADDGROUP G1 SUPGROUP(SYS1) OWNER(SYS1) DATA('x') OMVS(GID(100))\n"
	  "AG (G2 G3) TERMUACC", NULL,
	  "COUNT profiles=0 users=0 groups=3 refs=0\nGROUP G3 line=2" },
	{ "5.7 CONNECT adds groups after DFLTGRP, once",
	  "ADDUSER U1 DFLTGRP(G1)\nCONNECT U1 GROUP(G2)\nCO U1 GROUP(G1)\n"
	  "CONNECT U1 GROUP(G3) AUTHORITY(USE) UACC(NONE) OWNER(G3)", NULL,
	  "USER U1 dflt=G1 name=- line=1 groups=G1,G2,G3" },
	{ "5.7 CONNECT a list of users",
	  "ADDUSER (U1 U2)\nCONNECT (U1 U2) GROUP(G1)", NULL,
	  "USER U1 dflt=- name=- line=1 groups=G1\n"
	  "USER U2 dflt=- name=- line=1 groups=G1" },
	{ "5.7 duplicate ADDUSER: ICH01010I, the first one kept",
	  "ADDUSER U1 DFLTGRP(G1)\nADDUSER U1 DFLTGRP(G2)",
	  "2: error: ADDUSER: ICH01010I U1 NOT ADDED: ALREADY DEFINED TO RACF\n",
	  "USER U1 dflt=G1 name=- line=1 groups=G1" },
	{ "5.7 duplicate ADDGROUP",
	  "ADDGROUP G1\nADDGROUP (G2 G1)",
	  "2: error: ADDGROUP: G1 NOT ADDED: ALREADY DEFINED TO RACF\n",
	  "COUNT profiles=0 users=0 groups=2 refs=0" },
	{ "5.7 CONNECT of a user no ADDUSER defines: ICH02003I",
	  "CONNECT U1 GROUP(G1)",
	  "1: error: CONNECT: ICH02003I U1 NOT CONNECTED: NOT DEFINED TO RACF\n",
	  "COUNT profiles=0 users=0 groups=0 refs=0" },
	{ "1 national characters in IDs",
	  "ADDUSER ($U1 @U2 #U3)", NULL,
	  "COUNT profiles=0 users=3 groups=0 refs=0\nUSER @U2 dflt=- name=- line=1 groups=" },
};

static void test_identities(void **state)
{
	(void)state;
	RUN(identity_rows);
}

/* ---------------- spec 1: malformed input, exact diagnostics ---------------- */

#define LONG247 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
#define LONG80 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

static const struct row error_rows[] = {
	{ "1 unknown command", "LISTUSER U1",
	  "1: error: unknown RACF command 'LISTUSER'\n", NULL },
	{ "1 unknown command: a quoted string", "'RDEFINE' SERVAUTH A.B",
	  "1: error: unknown RACF command 'RDEFINE'\n", NULL },
	{ "1 a command name followed by '('", "SETROPTS(GRPLIST)",
	  "1: error: unexpected '(' after SETROPTS\n", NULL },
	{ "1 unknown operand", "RDEFINE SERVAUTH A.B FOO",
	  "1: error: unknown operand 'FOO' for RDEFINE\n",
	  "COUNT profiles=0 users=0 groups=0 refs=0" },
	{ "1 ambiguous operand (SETROPTS)", "SETROPTS GEN(SERVAUTH)",
	  "1: error: ambiguous operand 'GEN' for SETROPTS: GENCMD, GENERIC, "
	  "GENERICOWNER, GENLIST\n", NULL },
	{ "1 ambiguous operand (RDEFINE)", "RDEFINE SERVAUTH A.B A(X)",
	  "1: error: ambiguous operand 'A' for RDEFINE: ADDCATEGORY, ADDMEM, "
	  "APPCLU, APPLDATA, AT, AUDIT\n", NULL },
	{ "1 ambiguous operand (PERMIT)", "PERMIT A.B CLASS(SERVAUTH) ID(U1) A(READ)",
	  "1: error: ambiguous operand 'A' for PERMIT: ACCESS, AT\n", NULL },
	{ "1 valid RACF that portsaf does not model", "RDEFINE SERVAUTH A.B LEVEL(5)",
	  "1: error: operand LEVEL of RDEFINE is not supported by portsaf\n", NULL },
	{ "5.4 RESTRICTED users are not modelled", "ADDUSER U1 RESTRICTED",
	  "1: error: operand RESTRICTED of ADDUSER is not supported by portsaf\n",
	  "COUNT profiles=0 users=0 groups=0 refs=0" },
	{ "1 missing class", "RDEFINE",
	  "1: error: RDEFINE: missing class name\n", NULL },
	{ "1 missing profile name", "RDEFINE SERVAUTH",
	  "1: error: RDEFINE: missing profile name\n", NULL },
	{ "1 missing profile name before an operand", "RDEFINE SERVAUTH UACC(READ)",
	  "1: error: RDEFINE: missing profile name before 'UACC'\n", NULL },
	{ "1 missing user ID", "ADDUSER DFLTGRP(G1)",
	  "1: error: ADDUSER: missing user ID before 'DFLTGRP'\n", NULL },
	{ "1 missing CLASS", "RDEFINE SERVAUTH A.B\nPERMIT A.B ID(U1)",
	  "2: error: PERMIT: missing required operand CLASS\n",
	  "COUNT profiles=1 users=0 groups=0 refs=0" },
	{ "1 missing ID", "PERMIT A.B CLASS(SERVAUTH) ACCESS(READ)",
	  "1: error: PERMIT: missing required operand ID\n", NULL },
	{ "1 missing GROUP", "ADDUSER U1\nCONNECT U1",
	  "2: error: CONNECT: missing required operand GROUP\n", NULL },
	{ "1 missing SETROPTS operands", "SETROPTS",
	  "1: error: SETROPTS: missing operands\n", NULL },
	{ "1 bad access level", "PERMIT A.B CLASS(SERVAUTH) ID(U1) ACCESS(WRITE)",
	  "1: error: bad access level 'WRITE' in ACCESS (NONE, EXECUTE, READ, "
	  "UPDATE, CONTROL, ALTER)\n", NULL },
	{ "1 bad UACC", "RDEFINE SERVAUTH A.B UACC(FULL)",
	  "1: error: bad access level 'FULL' in UACC (NONE, EXECUTE, READ, "
	  "UPDATE, CONTROL, ALTER)\n", NULL },
	{ "5.6 bad audit level", "RDEFINE SERVAUTH A.B AUDIT(ALL(NONE))",
	  "1: error: bad access level 'NONE' in AUDIT (READ, UPDATE, CONTROL, "
	  "ALTER)\n", NULL },
	{ "5.6 bad audit type", "RDEFINE SERVAUTH A.B GLOBALAUDIT(SOMETIMES)",
	  "1: error: bad audit type 'SOMETIMES' in GLOBALAUDIT (ALL, SUCCESS, "
	  "FAILURES, NONE)\n", NULL },
	{ "5.6 NONE with other audit types", "RDEFINE SERVAUTH A.B AUDIT(NONE ALL)",
	  "1: error: NONE cannot be combined with other audit types in AUDIT\n",
	  NULL },
	{ "1 unbalanced parentheses: not closed",
	  "RDEFINE SERVAUTH A.B\nPERMIT A.B CLASS(SERVAUTH ID(U1)",
	  "2: error: unbalanced parentheses: '(' after 'CLASS' is not closed\n",
	  "PROF SERVAUTH A.B" PROF0 " line=1 acl= cond=" },
	{ "1 unbalanced parentheses: a ')' too many",
	  "RDEFINE SERVAUTH A.B UACC(READ))",
	  "1: error: unbalanced parentheses: unexpected ')' after ')'\n", NULL },
	{ "1 unbalanced parentheses: a list not closed", "RDEFINE SERVAUTH (A.B",
	  "1: error: unbalanced parentheses: '(' is not closed\n", NULL },
	{ "1 unbalanced quotes",
	  "RDEFINE FACILITY IRR.PGMSECURITY APPLDATA('ENHANCED)\nRDEFINE SERVAUTH A.B",
	  "1: error: unbalanced quotes: 'ENHANCED) has no closing quote\n",
	  "COUNT profiles=1 users=0 groups=0 refs=0" },
	{ "1 unbalanced quotes in a continued string",
	  "RDEFINE SERVAUTH A.B -\n  APPLDATA('ONE -\n  TWO)",
	  "2: error: unbalanced quotes: 'ONE   TWO) has no closing quote\n", NULL },
	{ "1 unterminated comment at end of file",
	  "RDEFINE SERVAUTH A.B\nRDEFINE SERVAUTH A.C /* oops\nRDEFINE SERVAUTH A.D",
	  "2: error: unterminated comment: '/*' is never closed\n",
	  "COUNT profiles=1 users=0 groups=0 refs=0" },
	{ "1 continuation at end of file", "RDEFINE SERVAUTH A.B\nRDEFINE SERVAUTH A.C -",
	  "2: error: continuation at end of file: the last line ends with '-'\n",
	  "COUNT profiles=1 users=0 groups=0 refs=0" },
	{ "1 continuation at end of file ('+')", "RDEFINE SERVAUTH A.C +\n",
	  "1: error: continuation at end of file: the last line ends with '+'\n",
	  NULL },
	{ "5.2 bad profile name: ** twice", "RDEFINE SERVAUTH A.**.B.**",
	  "1: error: bad profile name 'A.**.B.**': '**' may appear only once\n",
	  NULL },
	{ "5.2 bad profile name: ** inside a qualifier", "RDEFINE SERVAUTH A.B**",
	  "1: error: bad profile name 'A.B**': '**' must be a whole qualifier\n",
	  NULL },
	{ "5.2 bad profile name: * inside a qualifier",
	  "RDEFINE SERVAUTH (A.C A.*B)",
	  "1: error: bad profile name 'A.*B': '*' must end a qualifier\n",
	  "COUNT profiles=0 users=0 groups=0 refs=0" },
	{ "1 bad profile name: too long", "RDEFINE SERVAUTH " LONG247,
	  "1: error: bad profile name '" LONG80 "...': longer than 246 characters\n",
	  NULL },
	{ "1 bad profile name: a blank", "RDEFINE SERVAUTH 'A B'",
	  "1: error: bad profile name 'A B': contains a blank, comma, semicolon, "
	  "quote or parenthesis\n", NULL },
	{ "1 bad profile name: empty list", "RDEFINE SERVAUTH () UACC(READ)",
	  "1: error: RDEFINE: empty list of profile names\n", NULL },
	{ "1 bad user ID: starts with a digit", "ADDUSER 1ABC",
	  "1: error: bad user ID '1ABC': 1-8 characters A-Z 0-9 $ @ #, not "
	  "starting with a digit\n", NULL },
	{ "1 bad user ID: too long", "ADDUSER TOOLONGID",
	  "1: error: bad user ID 'TOOLONGID': 1-8 characters A-Z 0-9 $ @ #, not "
	  "starting with a digit\n", NULL },
	{ "1 bad ID in PERMIT", "PERMIT A.B CLASS(SERVAUTH) ID(U1 U-2)",
	  "1: error: bad user or group ID 'U-2': 1-8 characters A-Z 0-9 $ @ #, "
	  "not starting with a digit\n", NULL },
	{ "1 bad group name", "ADDUSER U1 DFLTGRP(GROUP.1)",
	  "1: error: bad group name 'GROUP.1': 1-8 characters A-Z 0-9 $ @ #, "
	  "not starting with a digit\n", NULL },
	{ "1 bad program name", "PERMIT A.B CLASS(SERVAUTH) ID(U1) "
	  "WHEN(PROGRAM(9PGM))",
	  "1: error: bad program name '9PGM': 1-8 characters A-Z 0-9 $ @ #, "
	  "not starting with a digit\n", NULL },
	{ "1 class other than SERVAUTH or FACILITY", "RDEFINE DATASET A.B",
	  "1: error: class 'DATASET' is not supported (SERVAUTH, FACILITY)\n", NULL },
	{ "1 class other than SERVAUTH or FACILITY (PERMIT)",
	  "PERMIT A.B CLASS(TCICSTRN) ID(U1)",
	  "1: error: class 'TCICSTRN' is not supported (SERVAUTH, FACILITY)\n",
	  NULL },
	{ "1 bad class name in a SETROPTS list", "SETROPTS CLASSACT(SERVAUTH 1X)",
	  "1: error: bad class name '1X': 1-8 characters A-Z 0-9 $ @ #, not "
	  "starting with a digit\n",
	  "OPTS classact=1 generic=1 grplist=0 when=0@0 log=DEFAULT" },
	{ "1 a value where none is taken", "RDEFINE SERVAUTH A.B WARNING(YES)",
	  "1: error: operand WARNING takes no value\n", NULL },
	{ "1 a value missing", "RDEFINE SERVAUTH A.B UACC",
	  "1: error: operand UACC requires a value\n", NULL },
	{ "1 an empty value", "RDEFINE SERVAUTH A.B UACC()",
	  "1: error: operand UACC requires a value\n", NULL },
	{ "1 two values where one is taken", "RDEFINE SERVAUTH A.B UACC(READ NONE)",
	  "1: error: operand UACC takes one value, not also 'NONE'\n", NULL },
	{ "1 an operand given twice", "RDEFINE SERVAUTH A.B UACC(READ) U(NONE)",
	  "1: error: operand UACC is given twice\n", NULL },
	{ "1 WARNING and NOWARNING", "RDEFINE SERVAUTH A.B WARNING NOWARNING",
	  "1: error: WARNING and NOWARNING are mutually exclusive\n", NULL },
	{ "5.7 ACCESS and DELETE",
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) ACCESS(READ) DELETE",
	  "1: error: ACCESS and DELETE are mutually exclusive\n", NULL },
	{ "5.7 WHEN with another condition",
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) WHEN(TERMINAL(T1))",
	  "1: error: WHEN(TERMINAL) is not supported by portsaf (PROGRAM)\n", NULL },
	{ "5.7 WHEN with a bad condition",
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) WHEN(FOO(X))",
	  "1: error: bad condition 'FOO' in WHEN (PROGRAM)\n", NULL },
	{ "5.7 WHEN(PROGRAM) without a program",
	  "PERMIT A.B CLASS(SERVAUTH) ID(U1) WHEN(PROGRAM)",
	  "1: error: operand WHEN(PROGRAM) requires a value\n", NULL },
	{ "5.7 bad RESET value", "PERMIT A.B CLASS(SERVAUTH) RESET(SOME)",
	  "1: error: bad value 'SOME' in RESET (STANDARD, WHEN, ALL)\n", NULL },
	{ "5.7 SETROPTS WHEN other than PROGRAM", "SETROPTS WHEN(TERMINAL)",
	  "1: error: bad value 'TERMINAL' in WHEN (PROGRAM)\n", NULL },
	{ "5.7 SETROPTS REFRESH alone", "SETROPTS REFRESH",
	  "1: error: REFRESH requires RACLIST, GENERIC or WHEN(PROGRAM)\n", NULL },
	{ "5.6 bad LOGOPTIONS level", "SETROPTS LOGOPTIONS(SOMETIMES(SERVAUTH))",
	  "1: error: bad level 'SOMETIMES' in LOGOPTIONS (ALWAYS, NEVER, "
	  "SUCCESSES, FAILURES, DEFAULT)\n",
	  "OPTS classact=1 generic=1 grplist=0 when=0@0 log=DEFAULT" },
	{ "5.6 LOGOPTIONS level without classes", "SETROPTS LOGOPTIONS(ALWAYS)",
	  "1: error: LOGOPTIONS level ALWAYS requires a class list\n", NULL },
	{ "1 an error leaves the whole command out",
	  "SETROPTS GRPLIST NOCLASSACT(SERVAUTH) WHEN(TERMINAL)",
	  "1: error: bad value 'TERMINAL' in WHEN (PROGRAM)\n",
	  "OPTS classact=1 generic=1 grplist=0 when=0@0 log=DEFAULT" },
	{ "1 NAME longer than 20 characters",
	  "ADDUSER U1 NAME('A NAME OF TWENTY-ONE!')\nADDUSER U2 NAME('twenty characters ok')",
	  "1: error: NAME 'A NAME OF TWENTY-ONE!' is longer than 20 characters\n",
	  "COUNT profiles=0 users=1 groups=0 refs=0\n"
	  "USER U2 dflt=- name=TWENTY CHARACTERS OK line=2 groups=" },
	{ "1 bad OMVS UID", "ADDUSER U1 OMVS(UID(ABC))",
	  "1: error: bad UID 'ABC' in OMVS: a number 0-2147483647\n", NULL },
	{ "1 unknown OMVS operand", "ADDUSER U1 OMVS(UID(1) FOO(2))",
	  "1: error: unknown operand 'FOO' in OMVS\n", NULL },
	{ "1 bad AUTHORITY", "ADDUSER U1\nCONNECT U1 GROUP(G1) AUTHORITY(ALL)",
	  "2: error: bad value 'ALL' in AUTHORITY (USE, CREATE, CONNECT, JOIN)\n",
	  "USER U1 dflt=- name=- line=1 groups=" },
	{ "1 a quoted string where an operand belongs", "RDEFINE SERVAUTH A.B 'X'",
	  "1: error: unexpected quoted string 'X' in RDEFINE operands\n", NULL },
	{ "1 a list where an operand belongs", "RDEFINE SERVAUTH A.B UACC(READ) (X)",
	  "1: error: unexpected '(' in RDEFINE operands\n", NULL },
	{ "1 a subfield directly follows its keyword",
	  "RDEFINE SERVAUTH A.B UACC (READ)",
	  "1: error: unexpected '(' after 'UACC ' in RDEFINE operands: a value "
	  "follows its keyword without a blank\n", NULL },
	{ "1 an abbreviation that is ambiguous (NOGENERI)",
	  "SETR NOGENERI(SERVAUTH)",
	  "1: error: ambiguous operand 'NOGENERI' for SETROPTS: NOGENERIC, "
	  "NOGENERICOWNER\n", NULL },
	{ "1 a list inside an ID list", "PERMIT A.B CLASS(SERVAUTH) ID(U1(X))",
	  "1: error: unexpected '(' after 'U1' in PERMIT\n", NULL },
	{ "1 parentheses nested too deep",
	  "RDEFINE SERVAUTH A.B AUDIT(ALL(((((((((READ)))))))))",
	  "1: error: parentheses nested more than 8 deep after '('\n", NULL },
	{ "1 errors do not stop the commands after them",
	  "RDEFINE SERVAUTH A.B FOO\nRDEFINE SERVAUTH A.C\nBOGUS\nRDEFINE SERVAUTH A.D",
	  "1: error: unknown operand 'FOO' for RDEFINE\n"
	  "3: error: unknown RACF command 'BOGUS'\n",
	  "COUNT profiles=2 users=0 groups=0 refs=0\n!PROF SERVAUTH A.B" PROF0
	  " line=1 acl= cond=" },
	{ "1 the line of the offending token, not of the command",
	  "RDEFINE SERVAUTH A.B -\n  UACC(READ) -\n  FROG",
	  "3: error: unknown operand 'FROG' for RDEFINE\n", NULL },
};

static void test_errors(void **state)
{
	(void)state;
	RUN(error_rows);
}

/* ---------------- interface.md: `run` severity ---------------- */

static const struct row run_rows_warn[] = {
	{ "interface.md: `run` reports rejected commands as warnings",
	  "RDEFINE SERVAUTH A.B\nRDEFINE SERVAUTH A.B\nRALTER SERVAUTH A.C WARNING\n"
	  "RDELETE SERVAUTH A.C\nPERMIT A.C CLASS(SERVAUTH) ID(U1)",
	  "2: warning: RDEFINE: ICH10102I A.B ALREADY DEFINED TO CLASS SERVAUTH\n"
	  "3: warning: RALTER: ICH11102I A.C NOT DEFINED TO CLASS SERVAUTH\n"
	  "4: warning: RDELETE: ICH12102I A.C NOT DEFINED TO CLASS SERVAUTH\n"
	  "5: warning: PERMIT: ICH06004I A.C NOT DEFINED TO RACF\n",
	  "COUNT profiles=1 users=0 groups=0 refs=0" },
	{ "interface.md: rejected ADDUSER, ADDGROUP, CONNECT under `run`",
	  "ADDUSER U1\nADDUSER U1\nADDGROUP G1\nADDGROUP G1\nCONNECT U2 GROUP(G1)",
	  "2: warning: ADDUSER: ICH01010I U1 NOT ADDED: ALREADY DEFINED TO RACF\n"
	  "4: warning: ADDGROUP: G1 NOT ADDED: ALREADY DEFINED TO RACF\n"
	  "5: warning: CONNECT: ICH02003I U2 NOT CONNECTED: NOT DEFINED TO RACF\n",
	  NULL },
};

static void test_rejected_under_run(void **state)
{
	(void)state;
	run_rows(run_rows_warn, sizeof run_rows_warn / sizeof run_rows_warn[0],
		 PSF_SEV_WARNING);
}

/* An unreadable file is an error naming it (spec 1). */
static void test_missing_file(void **state)
{
	struct psf_racf_model m;
	struct psf_diags d = { 0 };

	(void)state;
	psf_racf_model_init(&m);
	assert_int_equal(psf_racf_parse_file(&m, "/nonexistent/servauth.racf",
					     PSF_SEV_ERROR, &d), 1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].file, "/nonexistent/servauth.racf");
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].text,
			    "cannot read RACF commands: No such file or directory");
	psf_diags_free(&d);
	psf_racf_model_free(&m);
}

/* Several files in turn add to one model, each named in its own
 * diagnostics; lookups work across them. */
static void test_two_files(void **state)
{
	static const char one[] = "RDEFINE SERVAUTH A.B\nADDUSER U1\n";
	static const char two[] = "PERMIT A.B CLASS(SERVAUTH) ID(U1)\nRDEFINE SERVAUTH A.B\n";
	struct psf_racf_model m;
	struct psf_diags d = { 0 };

	(void)state;
	psf_racf_model_init(&m);
	assert_int_equal(psf_racf_parse(&m, one, sizeof one - 1, "one.racf",
					PSF_SEV_ERROR, &d), 0);
	assert_int_equal(psf_racf_parse(&m, two, sizeof two - 1, "two.racf",
					PSF_SEV_ERROR, &d), 1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].file, "two.racf");
	assert_int_equal(d.v[0].line, 2);
	assert_string_equal(m.profiles[0].file, "one.racf");
	assert_string_equal(m.refs[0].file, "two.racf");
	assert_non_null(psf_racf_find(&m, PSF_CLS_SERVAUTH, "A.B"));
	assert_null(psf_racf_find(&m, PSF_CLS_FACILITY, "A.B"));
	assert_non_null(psf_racf_find_user(&m, "U1"));
	assert_null(psf_racf_find_group(&m, "U1"));
	psf_diags_free(&d);
	psf_racf_model_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lexical),
		cmocka_unit_test(test_setropts),
		cmocka_unit_test(test_profiles),
		cmocka_unit_test(test_permit),
		cmocka_unit_test(test_identities),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_rejected_under_run),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_two_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
