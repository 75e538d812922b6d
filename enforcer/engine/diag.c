/* Diagnostics: "FILE:LINE: error|warning: text", collected in order. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "portsaf.h"

void psf_diag_add(struct psf_diags *d, enum psf_severity sev,
		  const char *file, int line, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct psf_diag *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return;
		d->v = v;
		d->cap = cap;
	}
	d->v[d->n].sev = sev;
	d->v[d->n].file = strdup(file ? file : "portsaf");
	d->v[d->n].line = line;
	d->v[d->n].text = strdup(text);
	d->n++;
}

size_t psf_diags_count(const struct psf_diags *d, enum psf_severity sev)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++)
		n += d->v[i].sev == sev;
	return n;
}

void psf_diags_print(const struct psf_diags *d, int fd)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct psf_diag *g = &d->v[i];
		const char *sev = g->sev == PSF_SEV_ERROR ? "error" : "warning";

		if (g->line > 0)
			dprintf(fd, "%s:%d: %s: %s\n", g->file, g->line, sev, g->text);
		else
			dprintf(fd, "%s: %s: %s\n", g->file, sev, g->text);
	}
}

void psf_diags_free(struct psf_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].text);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}
