/* The TCPIP PROFILE tokenizer (see tcpip_lex.h for the rules). */
#include <string.h>
#include "tcpip_lex.h"

void psf_lex_init(struct psf_lexer *lx, const char *text, size_t len,
		  const char *file, struct psf_diags *d)
{
	memset(lx, 0, sizeof *lx);
	lx->p = text;
	lx->end = text + len;
	lx->line = 1;
	lx->file = file;
	lx->d = d;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
	       c == '\v' || c == '\0';
}

/* Blanks, line ends and comments, counting lines. */
static void skip_space(struct psf_lexer *lx)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\n') {
			lx->line++;
			lx->p++;
		} else if (is_blank(c)) {
			lx->p++;
		} else if (c == ';') {
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
		} else {
			break;
		}
	}
}

static void fill_upper(struct psf_tok *t)
{
	size_t n = t->len < PSF_TOK_MAX ? t->len : PSF_TOK_MAX;

	for (size_t i = 0; i < n; i++)
		t->up[i] = t->quoted || t->src[i] < 'a' || t->src[i] > 'z' ?
			   t->src[i] : (char)(t->src[i] - 'a' + 'A');
	t->up[n] = '\0';
}

/* A quoted string ends at the closing quote on the same line; the profile
 * has no continuation for it, so a missing quote is reported, and the
 * string taken to the end of the line. */
static void scan_quoted(struct psf_lexer *lx, struct psf_tok *t)
{
	const char *s = lx->p;

	lx->p++;
	while (lx->p < lx->end && *lx->p != '"' && *lx->p != '\n')
		lx->p++;
	if (lx->p < lx->end && *lx->p == '"') {
		lx->p++;
	} else {
		psf_diag_add(lx->d, PSF_SEV_ERROR, lx->file, lx->line,
			     "unterminated quoted string");
		lx->errors++;
	}
	t->src = s;
	t->len = (size_t)(lx->p - s);
	t->quoted = true;
}

static void scan_word(struct psf_lexer *lx, struct psf_tok *t)
{
	const char *s = lx->p;

	while (lx->p < lx->end && !is_blank(*lx->p) && *lx->p != '\n' &&
	       *lx->p != ';')
		lx->p++;
	t->src = s;
	t->len = (size_t)(lx->p - s);
	t->quoted = false;
}

const struct psf_tok *psf_lex_peek(struct psf_lexer *lx)
{
	if (lx->have)
		return &lx->tok;
	skip_space(lx);
	if (lx->p >= lx->end)
		return NULL;
	lx->tok.line = lx->line;
	if (*lx->p == '"')
		scan_quoted(lx, &lx->tok);
	else
		scan_word(lx, &lx->tok);
	fill_upper(&lx->tok);
	lx->have = true;
	return &lx->tok;
}

void psf_lex_next(struct psf_lexer *lx)
{
	if (!lx->have)
		psf_lex_peek(lx);
	lx->have = false;
}

/* One pass over the keyword, no locale: this runs for most tokens of a
 * profile, against every statement keyword. */
bool psf_tok_is(const struct psf_tok *t, const char *keyword)
{
	bool abbreviable = false;       /* passed the upper-case part */
	size_t i = 0;

	if (t->quoted || t->len == 0 || t->len > PSF_TOK_MAX)
		return false;
	for (; i < t->len; i++) {
		char k = keyword[i];

		if (k >= 'a' && k <= 'z') {
			abbreviable = true;
			k = (char)(k - 'a' + 'A');
		}
		if (k == '\0' || t->up[i] != k)
			return false;
	}
	return keyword[i] == '\0' || abbreviable ||
	       (keyword[i] >= 'a' && keyword[i] <= 'z');
}

bool psf_tok_is_digits(const struct psf_tok *t)
{
	if (t->quoted || t->len == 0 || t->len > PSF_TOK_MAX)
		return false;
	for (size_t i = 0; i < t->len; i++)
		if (t->up[i] < '0' || t->up[i] > '9')
			return false;
	return true;
}
