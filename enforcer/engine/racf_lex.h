/*
 * TSO command text as RACF reads it (spec 1): one command per line, a
 * trailing '-' or '+' continues it, comments slash-star ... star-slash
 * anywhere, 'quoted strings' with '' for a quote.  The lexer turns the text
 * into commands made of tokens, each with the line it starts on.
 */
#ifndef PSF_RACF_LEX_H
#define PSF_RACF_LEX_H

#include <stddef.h>
#include "portsaf.h"

enum psf_rtok_kind {
	PSF_RTOK_WORD,          /* folded to upper case */
	PSF_RTOK_QUOTED,        /* as written, quotes removed, '' -> ' */
	PSF_RTOK_OPEN,          /* ( */
	PSF_RTOK_CLOSE,         /* ) */
};

struct psf_rtok {
	enum psf_rtok_kind kind;
	const char *text;       /* NUL-terminated */
	size_t len;
	int line;
	/* A delimiter comes before it: "UACC(READ)" is a keyword with its
	 * subfield, "SERVAUTH (A B)" a name and then a list. */
	bool spaced;
};

struct psf_rcmd {
	const struct psf_rtok *tok;
	size_t ntok;            /* >= 1 */
};

/* Receives each command in order; the command's storage lives only for
 * the call. */
typedef void (*psf_rcmd_fn)(const struct psf_rcmd *cmd, void *arg);

/* Split text into commands and pass each non-empty one to fn.  A command
 * with a lexical error (unbalanced quotes, a comment or a continuation
 * running off the end of the file) is reported as FILE:LINE: error and not
 * passed on.  Returns the number of errors added to d. */
int psf_racf_lex(const char *text, size_t len, const char *file,
		 struct psf_diags *d, psf_rcmd_fn fn, void *arg);

#endif
