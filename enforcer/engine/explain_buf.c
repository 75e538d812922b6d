/* The text decide() appends for `portsaf explain`. */
#include <stdarg.h>
#include <stdio.h>
#include "policy.h"

void psf_explain_add(struct psf_explain *ex, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!ex || !ex->buf || ex->len + 1 >= ex->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(ex->buf + ex->len, ex->cap - ex->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	ex->len += (size_t)n;
	if (ex->len + 1 >= ex->cap)
		ex->len = ex->cap - 1;
	else
		ex->buf[ex->len++] = '\n';
	ex->buf[ex->len] = '\0';
}
