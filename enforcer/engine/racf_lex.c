/*
 * TSO command text -> RACF commands (spec 1).  Physical lines are joined
 * into one logical command while they end in a continuation character;
 * comments become delimiters; the logical command is then cut into tokens.
 *
 * TSO rules followed (z/OS TSO/E Command Reference, "Continuation lines"):
 * a '-' or '+' as the last character of a line continues the command on
 * the next one; with '-' the next line is taken as it is, with '+' its
 * leading delimiters (blanks, tabs, commas, comments) are removed, so
 * "CONT+" / "   INUED" is one word.  Blanks, tabs and commas separate
 * operands; a comment is a delimiter too; text in quotes is taken
 * literally, comments and continuation characters included, except that a
 * continuation character ending a line continues the quoted string.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "racf_lex.h"

struct line_mark {
	size_t off;
	int line;
};

struct lexer {
	const char *file;
	struct psf_diags *d;
	psf_rcmd_fn fn;
	void *arg;
	int errors;
	bool nomem;
	/* the logical command being assembled; marks[i] says from which
	 * offset of buf on the text comes from which line */
	char *buf;
	size_t n, cap;
	struct line_mark *marks;
	size_t nmarks, capmarks;
	bool in_quote, in_comment, strip_leading;
	int quote_line, comment_line;
	size_t quote_start;             /* buf offset of the open quote */
	char cont;                      /* '-' or '+' ending the last line, else 0 */
	int cont_line;
	/* the tokens of the command handed to fn */
	struct psf_rtok *tok;
	char *tbuf;
	size_t tokcap;
};

enum { C_BLANK = 1, C_COMMA = 2, C_ENDS_WORD = 4 };

static const unsigned char char_class[256] = {
	[' '] = C_BLANK | C_ENDS_WORD, ['\t'] = C_BLANK | C_ENDS_WORD,
	['\r'] = C_BLANK | C_ENDS_WORD, ['\v'] = C_BLANK | C_ENDS_WORD,
	['\f'] = C_BLANK | C_ENDS_WORD, ['\0'] = C_BLANK | C_ENDS_WORD,
	[','] = C_COMMA | C_ENDS_WORD, ['('] = C_ENDS_WORD, [')'] = C_ENDS_WORD,
	['\''] = C_ENDS_WORD,
};

static bool is_blank(char c)
{
	return char_class[(unsigned char)c] & C_BLANK;
}

static bool is_delim(char c)
{
	return char_class[(unsigned char)c] & (C_BLANK | C_COMMA);
}

static bool ends_word(char c)
{
	return char_class[(unsigned char)c] & C_ENDS_WORD;
}

/* Room in buf for a physical line of len bytes: each byte yields at most
 * one, and a comment (at least 4 bytes) one blank. */
static bool reserve_line(struct lexer *lx, size_t len)
{
	size_t cap = lx->cap ? lx->cap : 256;
	char *b;

	while (cap < lx->n + len + 2)
		cap *= 2;
	if (cap == lx->cap)
		return true;
	if (!(b = realloc(lx->buf, cap)))
		return false;
	lx->buf = b;
	lx->cap = cap;
	return true;
}

/* Text appended from now on comes from `line`. */
static bool mark_line(struct lexer *lx, int line)
{
	if (lx->nmarks && lx->marks[lx->nmarks - 1].off == lx->n) {
		lx->marks[lx->nmarks - 1].line = line;
		return true;
	}
	if (lx->nmarks == lx->capmarks) {
		size_t cap = lx->capmarks ? 2 * lx->capmarks : 16;
		struct line_mark *m = realloc(lx->marks, cap * sizeof *m);

		if (!m)
			return false;
		lx->marks = m;
		lx->capmarks = cap;
	}
	lx->marks[lx->nmarks++] = (struct line_mark){ lx->n, line };
	return true;
}

/* Blanks other than ' ' stay as they are: delimiters outside quotes,
 * text inside. */
static inline void put(struct lexer *lx, char c)
{
	lx->buf[lx->n++] = c;
}

static void error(struct lexer *lx, int line, const char *fmt, const char *arg)
{
	psf_diag_add(lx->d, PSF_SEV_ERROR, lx->file, line, fmt, arg);
	lx->errors++;
}

static void discard(struct lexer *lx)
{
	lx->n = lx->nmarks = 0;
	lx->in_quote = lx->in_comment = lx->strip_leading = false;
	lx->cont = 0;
}

/* ---------------- tokens ---------------- */

static bool reserve_tokens(struct lexer *lx)
{
	struct psf_rtok *t;
	char *tb;

	if (lx->tokcap >= lx->n + 1)
		return true;
	t = realloc(lx->tok, (lx->n + 1) * sizeof *t);
	if (t)
		lx->tok = t;
	tb = t ? realloc(lx->tbuf, 2 * lx->n + 2) : NULL;
	if (!tb)
		return false;
	lx->tbuf = tb;
	lx->tokcap = lx->n + 1;
	return true;
}

/* Decodes the quoted string whose open quote is at *i; '' stands for '. */
static void scan_quoted(const struct lexer *lx, size_t *i, char *out, size_t *o)
{
	for (++*i; *i < lx->n; ++*i) {
		if (lx->buf[*i] == '\'') {
			if (*i + 1 < lx->n && lx->buf[*i + 1] == '\'') {
				out[(*o)++] = '\'';
				++*i;
				continue;
			}
			++*i;
			return;
		}
		out[(*o)++] = lx->buf[*i];
	}
}

static void scan_word(const struct lexer *lx, size_t *pi, char *out, size_t *po)
{
	const char *b = lx->buf;
	size_t i = *pi, o = *po, n = lx->n;     /* out may alias anything */

	while (i < n && !ends_word(b[i])) {
		char c = b[i++];

		out[o++] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
	}
	*pi = i;
	*po = o;
}

static void flush(struct lexer *lx)
{
	size_t nt = 0, o = 0, mk = 0;

	if (!reserve_tokens(lx)) {
		lx->nomem = true;
		return;
	}
	for (size_t i = 0; i < lx->n;) {
		char c = lx->buf[i];
		struct psf_rtok *t;

		if (is_delim(c)) {
			i++;
			continue;
		}
		while (mk + 1 < lx->nmarks && lx->marks[mk + 1].off <= i)
			mk++;
		t = &lx->tok[nt++];
		t->line = lx->marks[mk].line;
		t->spaced = i == 0 || is_delim(lx->buf[i - 1]);
		t->text = lx->tbuf + o;
		if (c == '(' || c == ')') {
			t->kind = c == '(' ? PSF_RTOK_OPEN : PSF_RTOK_CLOSE;
			lx->tbuf[o++] = c;
			i++;
		} else if (c == '\'') {
			t->kind = PSF_RTOK_QUOTED;
			scan_quoted(lx, &i, lx->tbuf, &o);
		} else {
			t->kind = PSF_RTOK_WORD;
			scan_word(lx, &i, lx->tbuf, &o);
		}
		t->len = (size_t)(lx->tbuf + o - t->text);
		lx->tbuf[o++] = '\0';
	}
	lx->n = lx->nmarks = 0;
	if (nt)
		lx->fn(&(struct psf_rcmd){ lx->tok, nt }, lx->arg);
}

/* ---------------- lines ---------------- */

/* A comment separates what is around it, unless '+' is eating the
 * delimiters that start a continuation line. */
static void end_comment(struct lexer *lx)
{
	lx->in_comment = false;
	if (!lx->strip_leading)
		put(lx, ' ');
}

static void report_open_quote(struct lexer *lx)
{
	char text[48];
	size_t from = lx->quote_start + 1, len = lx->n - from;

	while (len && is_blank(lx->buf[from + len - 1]))
		len--;
	if (len > 40) {
		memcpy(text, lx->buf + from, 37);
		memcpy(text + 37, "...", 4);
	} else {
		memcpy(text, lx->buf + from, len);
		text[len] = '\0';
	}
	error(lx, lx->quote_line,
	      "unbalanced quotes: '%s has no closing quote", text);
}

/* Each returns where its run of the line [c, e) ends; *sig is the buf
 * offset of the last character that is neither blank nor in a comment. */

static const char *skip_comment(struct lexer *lx, const char *c, const char *e)
{
	for (; c + 1 < e; c++)
		if (c[0] == '*' && c[1] == '/') {
			end_comment(lx);
			return c + 2;
		}
	return e;
}

static const char *copy_quoted(struct lexer *lx, const char *c, const char *e,
			       size_t *sig)
{
	if (lx->strip_leading) {        /* '+' continued the string */
		while (c < e && is_blank(*c))
			c++;
		lx->strip_leading = c == e;
	}
	for (; c < e; c++) {
		if (*c == '\'' && c + 1 < e && c[1] == '\'') {
			put(lx, *c++);          /* '' stays quoted */
		} else if (*c == '\'') {
			put(lx, *c);
			*sig = lx->n - 1;
			lx->in_quote = false;
			return c + 1;
		}
		put(lx, *c);
		*sig = lx->n - 1;
	}
	return e;
}

/* Copies up to the next slash or quote, the characters that may change
 * the state; most lines have neither. */
static const char *copy_run(struct lexer *lx, const char *c, const char *e,
			    size_t *sig)
{
	const char *slash = memchr(c, '/', (size_t)(e - c));
	const char *quote = memchr(c, '\'', (size_t)(slash ? slash - c : e - c));
	const char *stop = quote ? quote : slash ? slash : e;
	size_t n = (size_t)(stop - c);

	memcpy(lx->buf + lx->n, c, n);
	lx->n += n;
	for (const char *p = stop; p > c;)
		if (!is_blank(*--p)) {
			*sig = lx->n - (size_t)(stop - p);
			break;
		}
	return stop;
}

static bool starts_comment(const char *c, const char *e)
{
	return c + 1 < e && c[0] == '/' && c[1] == '*';
}

/* c is at a slash or a quote (or e): a comment or a quoted string
 * begins, or a lone slash is text. */
static const char *copy_special(struct lexer *lx, const char *c, const char *e,
				size_t *sig, int line)
{
	if (c == e)
		return e;
	if (starts_comment(c, e)) {
		lx->in_comment = true;
		lx->comment_line = line;
		return c + 2;
	}
	if (*c == '\'') {
		lx->in_quote = true;
		lx->quote_line = line;
		lx->quote_start = lx->n;
	}
	put(lx, *c);
	*sig = lx->n - 1;
	return c + 1;
}

static const char *copy_plain(struct lexer *lx, const char *c, const char *e,
			      size_t *sig, int line)
{
	if (lx->strip_leading) {        /* '+' eats the leading delimiters */
		while (c < e && is_delim(*c))
			c++;
		/* a comment is eaten too; anything else ends the eating */
		lx->strip_leading = c == e || starts_comment(c, e);
	}
	if (!lx->strip_leading)
		c = copy_run(lx, c, e, sig);
	return copy_special(lx, c, e, sig, line);
}

static size_t scan_line(struct lexer *lx, const char *s, const char *e,
			int line)
{
	size_t sig = SIZE_MAX;

	if (!reserve_line(lx, (size_t)(e - s)) || !mark_line(lx, line)) {
		lx->nomem = true;
		return sig;
	}
	for (const char *c = s; c < e;) {
		if (lx->in_comment)
			c = skip_comment(lx, c, e);
		else if (lx->in_quote)
			c = copy_quoted(lx, c, e, &sig);
		else
			c = copy_plain(lx, c, e, &sig, line);
	}
	return sig;
}

static void lex_line(struct lexer *lx, const char *s, const char *e, int line)
{
	size_t sig;

	if (e > s && e[-1] == '\r')
		e--;
	lx->cont = 0;
	sig = scan_line(lx, s, e, line);
	if (lx->nomem)
		return;
	if (sig != SIZE_MAX && (lx->buf[sig] == '-' || lx->buf[sig] == '+')) {
		lx->cont = lx->buf[sig];
		lx->cont_line = line;
		lx->n = sig;
		lx->strip_leading = lx->cont == '+';
		return;
	}
	if (lx->in_comment)
		return;                 /* the comment, and the command, run on */
	if (lx->in_quote) {
		report_open_quote(lx);
		discard(lx);
		return;
	}
	flush(lx);
}

static void lex_end(struct lexer *lx)
{
	char cont[2] = { lx->cont, '\0' };

	if (lx->in_comment)
		error(lx, lx->comment_line,
		      "unterminated comment: '%s' is never closed", "/*");
	else if (lx->cont)
		error(lx, lx->cont_line,
		      "continuation at end of file: the last line ends with '%s'",
		      cont);
	discard(lx);
}

int psf_racf_lex(const char *text, size_t len, const char *file,
		 struct psf_diags *d, psf_rcmd_fn fn, void *arg)
{
	struct lexer lx = { .file = file, .d = d, .fn = fn, .arg = arg };
	const char *p = text, *end = text + len;
	int line = 0;

	while (p < end && !lx.nomem) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;

		lex_line(&lx, p, e, ++line);
		p = nl ? nl + 1 : end;
	}
	if (lx.nomem)
		error(&lx, line, "%s", "out of memory reading RACF commands");
	else
		lex_end(&lx);
	free(lx.buf);
	free(lx.marks);
	free(lx.tok);
	free(lx.tbuf);
	return lx.errors;
}
