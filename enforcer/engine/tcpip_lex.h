/*
 * Tokens of a TCPIP PROFILE (IP Configuration Reference, "Statement syntax
 * for configuration statements"): free format, blanks and line ends
 * separate words, `;` starts a comment to the end of the line, lower case
 * is folded to upper case.  A double-quoted string (AUTOLOG ... PARMSTRING
 * "...") is one token, kept as written.
 */
#ifndef PSF_TCPIP_LEX_H
#define PSF_TCPIP_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include "portsaf.h"

/* Longest token kept in full; a longer one is cut in `up` (len keeps the
 * real length, so it never equals a keyword). */
#define PSF_TOK_MAX 71

struct psf_tok {
	const char *src;                /* as written, not NUL-terminated */
	size_t len;
	int line;
	bool quoted;
	char up[PSF_TOK_MAX + 1];       /* upper case, NUL-terminated */
};

struct psf_lexer {
	const char *p, *end;
	int line;
	const char *file;
	struct psf_diags *d;
	int errors;                     /* lexical errors reported to d */
	bool have;                      /* tok holds the next token */
	struct psf_tok tok;
};

void psf_lex_init(struct psf_lexer *lx, const char *text, size_t len,
		  const char *file, struct psf_diags *d);
/* The next token without consuming it; NULL at the end of the text. */
const struct psf_tok *psf_lex_peek(struct psf_lexer *lx);
/* Consume the token psf_lex_peek returned. */
void psf_lex_next(struct psf_lexer *lx);

/* Does the token spell the keyword?  Keywords are written as IBM's syntax
 * diagrams write them: the leading upper-case part is the shortest
 * accepted abbreviation ("AUTOLog" accepts AUTOL, AUTOLO, AUTOLOG). */
bool psf_tok_is(const struct psf_tok *t, const char *keyword);
/* Only decimal digits. */
bool psf_tok_is_digits(const struct psf_tok *t);

#endif
