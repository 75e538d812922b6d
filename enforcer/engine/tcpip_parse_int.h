/*
 * What the files of the TCPIP PROFILE reader share (internal to
 * tcpip_*.c): the parser state, the table of z/OS statements, the words
 * statements are made of, and keyword options given in syntax-diagram
 * order.
 *
 * Keyword tables spell keywords as IBM's syntax diagrams do (IP
 * Configuration Reference): the upper-case part is the shortest accepted
 * abbreviation.
 */
#ifndef PSF_TCPIP_PARSE_INT_H
#define PSF_TCPIP_PARSE_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model.h"
#include "tcpip_lex.h"

struct parser {
	struct psf_lexer lx;
	struct psf_tcpip_model *m;
	struct psf_diags *d;
	const char *file;               /* the model's copy */
	int errors;
};

/* ------------------------------------------------------------------ */
/* Diagnostics and the token cursor (tcpip_parse.c)                    */

__attribute__((format(printf, 4, 0)))
void psf_tcpip_vdiag(struct parser *p, enum psf_severity sev, int line,
		     const char *fmt, va_list ap);

__attribute__((format(printf, 3, 4)))
static inline void perr(struct parser *p, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	psf_tcpip_vdiag(p, PSF_SEV_ERROR, line, fmt, ap);
	va_end(ap);
	p->errors++;
}

__attribute__((format(printf, 3, 4)))
static inline void pwarn(struct parser *p, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	psf_tcpip_vdiag(p, PSF_SEV_WARNING, line, fmt, ap);
	va_end(ap);
}

static inline const struct psf_tok *peek(struct parser *p)
{
	return psf_lex_peek(&p->lx);
}

static inline void next(struct parser *p)
{
	psf_lex_next(&p->lx);
}

/* Room for one more element in a model array of *cap elements, n of them
 * used: the array, moved if it had to grow, or NULL after reporting "out
 * of memory" at line.  *cap is updated only on success. */
void *psf_tcpip_room(struct parser *p, void *items, size_t n, size_t *cap,
		     size_t size, size_t first_cap, int line);

/* ------------------------------------------------------------------ */
/* The statements of a z/OS PROFILE (tcpip_stmts.c)                    */

struct stmt;
typedef void stmt_fn(struct parser *p, const struct stmt *s, int line);

struct stmt {
	const char *name;
	const char *end;        /* closing keyword of a block statement */
	stmt_fn *parse;         /* NULL: no effect on port access, skipped */
};

/* The statement the token names, or NULL. */
const struct stmt *psf_tcpip_find_stmt(const struct psf_tok *t);
/* The block statement whose closing keyword the token is, or NULL. */
const struct stmt *psf_tcpip_stmt_ended_by(const struct psf_tok *t);

/* The end of the text or the start of the next statement. */
static inline bool at_statement(struct parser *p)
{
	const struct psf_tok *t = peek(p);

	return !t || psf_tcpip_find_stmt(t);
}

/* The statements that have an effect, one reader each. */
stmt_fn psf_tcpip_port_stmt;            /* tcpip_port.c */
stmt_fn psf_tcpip_portrange_stmt;
stmt_fn psf_tcpip_tcpconfig_stmt;       /* tcpip_config.c */
stmt_fn psf_tcpip_udpconfig_stmt;
stmt_fn psf_tcpip_netaccess_stmt;       /* tcpip_netaccess.c */
stmt_fn psf_tcpip_delete_stmt;          /* tcpip_parse.c */
stmt_fn psf_tcpip_include_stmt;

/* ------------------------------------------------------------------ */
/* Words: keywords, names and numbers (tcpip_words.c)                  */

static inline bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A keyword as messages show it: its full name in upper case. */
struct kwname {
	char s[32];
};

struct kwname psf_tcpip_kwname(const char *keyword);

/* The value of a token of digits, counted only until it passes 65535:
 * ports and counts need no more, and a long number cannot overflow. */
uint32_t psf_tcpip_port_value(const struct psf_tok *t);

/* The next token as a z/OS job name (spec 2.1) or as a SAF resource name
 * (spec 2; also a NETACCESS zone, spec 6), copied to out; an invalid one
 * is reported as "invalid <what> ...".  The token is consumed.  The
 * caller has made sure there is a token. */
bool psf_tcpip_take_jobname(struct parser *p, char out[PSF_NAME_LEN + 1]);
bool psf_tcpip_take_resname(struct parser *p, const char *what,
			    char out[PSF_NAME_LEN + 1]);

/* ------------------------------------------------------------------ */
/* Options in syntax-diagram order (tcpip_options.c)                   */

/* IBM: "The PORT parameters and options must be specified in the order in
 * which they appear on the syntax diagram"; that order is the group
 * number.  Keywords of one group exclude each other. */
enum opt_arg { ARG_NONE, ARG_SAF, ARG_BIND };

struct opt {
	const char *kw;
	unsigned group;
	unsigned flag;          /* PSF_OPT_* on PORT; what it does elsewhere */
	enum opt_arg arg;
	bool port_only;         /* not on PORTRANGE */
};

#define MAXGROUPS 6

/* Order, repetition and exclusion of the options of one entry. */
struct opt_seen {
	const struct opt *group[MAXGROUPS];
	const struct opt *last;
};

const struct opt *psf_tcpip_find_opt(const struct opt *tab, size_t n,
				     const struct psf_tok *t);
/* Records o as seen, or reports it given twice, conflicting with another
 * of its group, or out of order. */
bool psf_tcpip_check_order(struct parser *p, struct opt_seen *seen,
			   const struct opt *o, int line);

#endif
