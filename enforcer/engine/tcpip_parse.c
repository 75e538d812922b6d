/*
 * The TCPIP PROFILE reader (spec 1-4, 6): PORT, PORTRANGE, TCPCONFIG,
 * UDPCONFIG and NETACCESS ... ENDNETACCESS go into struct psf_tcpip_model;
 * every other z/OS PROFILE statement is recognised and skipped, so that a
 * whole PROFILE can be pasted from the mainframe.
 *
 * This file dispatches the statements and skips those without effect;
 * tcpip_stmts.c lists them, tcpip_port.c, tcpip_config.c and
 * tcpip_netaccess.c read the others.  Conditions z/OS tolerates
 * (EZZ0146I, EZZ0147I, a second UNRSV *, overlaps) are recorded as
 * written; policy_build.c judges them.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tcpip_parse_int.h"

void psf_tcpip_vdiag(struct parser *p, enum psf_severity sev, int line,
		     const char *fmt, va_list ap)
{
	char text[512];

	vsnprintf(text, sizeof text, fmt, ap);
	psf_diag_add(p->d, sev, p->file, line, "%s", text);
}

/* ------------------------------------------------------------------ */
/* Statements without effect                                           */

/* Parameters of a statement that has no effect on port access: everything
 * up to the next statement keyword (IBM: statements are free format and
 * end where the next one begins). */
static void skip_to_statement(struct parser *p)
{
	while (!at_statement(p))
		next(p);
}

/* IBM: "If the END statement is omitted, all subsequent tokens in the data
 * set are interpreted as parameters for that configuration statement" --
 * so the rest of the file is swallowed, and that is an error. */
static void skip_block(struct parser *p, const struct stmt *s, int line)
{
	const struct psf_tok *t;

	while ((t = peek(p))) {
		bool end = psf_tok_is(t, s->end);
		next(p);
		if (end)
			return;
	}
	perr(p, line, "%s has no %s", psf_tcpip_kwname(s->name).s,
	     psf_tcpip_kwname(s->end).s);
}

/* DELETE names the kind of object first; DELETE PORT / PORTRANGE would
 * remove a reservation, which portsaf does not model: an error, rather
 * than reading the reservation as a new one. */
void psf_tcpip_delete_stmt(struct parser *p, const struct stmt *s, int line)
{
	const struct psf_tok *t = peek(p);

	(void)s;
	if (!t) {
		perr(p, line, "DELETE without an object");
		return;
	}
	if (psf_tok_is(t, "PORT") || psf_tok_is(t, "PORTRANGE"))
		perr(p, t->line, "DELETE %s is not supported: remove the entry "
		     "from its %s statement instead", t->up, t->up);
	next(p);
	skip_to_statement(p);
}

/* INCLUDE names an MVS data set, which portsaf cannot open: the
 * statements in it are missing from the policy, so say so. */
void psf_tcpip_include_stmt(struct parser *p, const struct stmt *s, int line)
{
	const struct psf_tok *t = peek(p);

	(void)s;
	if (at_statement(p)) {
		perr(p, line, "INCLUDE without a data set name");
		return;
	}
	pwarn(p, t->line, "INCLUDE %s is not read: copy its statements into "
	      "this file", t->up);
	next(p);
	skip_to_statement(p);
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */

static void report_stray(struct parser *p, const struct psf_tok *t)
{
	const struct stmt *s = psf_tcpip_stmt_ended_by(t);

	if (s)
		perr(p, t->line, "'%s' without %s", t->up,
		     psf_tcpip_kwname(s->name).s);
	else
		perr(p, t->line, "unknown PROFILE statement '%s'", t->up);
}

static void parse_statements(struct parser *p)
{
	const struct psf_tok *t;

	while ((t = peek(p))) {
		const struct stmt *s = psf_tcpip_find_stmt(t);
		int line = t->line;

		if (!s) {
			report_stray(p, t);
			next(p);
			skip_to_statement(p);
			continue;
		}
		next(p);
		if (s->parse)
			s->parse(p, s, line);
		else if (s->end)
			skip_block(p, s, line);
		else
			skip_to_statement(p);
	}
}

/* ------------------------------------------------------------------ */
/* Model storage                                                       */

void *psf_tcpip_room(struct parser *p, void *items, size_t n, size_t *cap,
		     size_t size, size_t first_cap, int line)
{
	size_t grown;
	void *v;

	if (n < *cap)
		return items;
	grown = *cap ? *cap * 2 : first_cap;
	v = realloc(items, grown * size);
	if (!v) {
		perr(p, line, "out of memory");
		return NULL;
	}
	*cap = grown;
	return v;
}

/* File names live as long as the model; one copy per file. */
static const char *intern_file(struct psf_tcpip_model *m, const char *file)
{
	for (size_t i = m->nstrings; i-- > 0;)
		if (strcmp(m->strings[i], file) == 0)
			return m->strings[i];
	char **v = realloc(m->strings, (m->nstrings + 1) * sizeof *v);
	if (!v)
		return NULL;
	m->strings = v;
	v[m->nstrings] = strdup(file);
	if (!v[m->nstrings])
		return NULL;
	return v[m->nstrings++];
}

void psf_tcpip_model_init(struct psf_tcpip_model *m)
{
	memset(m, 0, sizeof *m);
	for (int i = 0; i < PSF_NPROTO; i++) {
		m->cfg[i].restrictlow = false;
		m->cfg[i].eph_low = 1024;
		m->cfg[i].eph_high = 65535;
	}
	m->outbound = true;
}

void psf_tcpip_model_free(struct psf_tcpip_model *m)
{
	free(m->ports);
	free(m->net);
	for (size_t i = 0; i < m->nstrings; i++)
		free(m->strings[i]);
	free(m->strings);
	psf_tcpip_model_init(m);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */

int psf_tcpip_parse(struct psf_tcpip_model *m, const char *text, size_t len,
		    const char *file, struct psf_diags *d)
{
	struct parser p;

	memset(&p, 0, sizeof p);
	p.m = m;
	p.d = d;
	p.file = intern_file(m, file ? file : "PROFILE");
	if (!p.file) {
		psf_diag_add(d, PSF_SEV_ERROR, file, 0, "out of memory");
		return 1;
	}
	psf_lex_init(&p.lx, text, len, p.file, d);
	parse_statements(&p);
	return p.errors + p.lx.errors;
}

int psf_tcpip_parse_file(struct psf_tcpip_model *m, const char *path,
			 struct psf_diags *d)
{
	size_t len;
	char *text = psf_read_file(path, &len);
	int n;

	if (!text) {
		psf_diag_add(d, PSF_SEV_ERROR, path, 0, "cannot read: %s",
			     strerror(errno));
		return 1;
	}
	n = psf_tcpip_parse(m, text, len, path, d);
	free(text);
	return n;
}
