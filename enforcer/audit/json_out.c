/* JSON lines writer: keys in call order, strings escaped per RFC 8259. */
#include "json_out.h"

void psf_json_begin(struct psf_json *j, FILE *f)
{
	j->f = f;
	j->first = true;
	fputc('{', f);
}

static void key(struct psf_json *j, const char *k)
{
	fprintf(j->f, "%s\"%s\":", j->first ? "" : ",", k);
	j->first = false;
}

void psf_json_str(struct psf_json *j, const char *k, const char *v)
{
	if (!v)
		return;         /* absent values are left out */
	key(j, k);
	fputc('"', j->f);
	for (const unsigned char *c = (const unsigned char *)v; *c; c++) {
		if (*c == '"' || *c == '\\')
			fprintf(j->f, "\\%c", *c);
		else if (*c == '\n')
			fputs("\\n", j->f);
		else if (*c == '\t')
			fputs("\\t", j->f);
		else if (*c < 0x20)
			fprintf(j->f, "\\u%04x", *c);
		else
			fputc(*c, j->f);
	}
	fputc('"', j->f);
}

void psf_json_int(struct psf_json *j, const char *k, long long v)
{
	key(j, k);
	fprintf(j->f, "%lld", v);
}

void psf_json_bool(struct psf_json *j, const char *k, bool v)
{
	key(j, k);
	fputs(v ? "true" : "false", j->f);
}

void psf_json_end(struct psf_json *j)
{
	fputs("}\n", j->f);
}
