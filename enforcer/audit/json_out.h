/* JSON lines for --format json (interface.md "JSON values"): one object
 * per line, absent values left out.  In the library so that `smf print`
 * and `smf report` can be unit-tested. */
#ifndef PSF_JSON_OUT_H
#define PSF_JSON_OUT_H

#include <stdbool.h>
#include <stdio.h>

struct psf_json {
	FILE *f;
	bool first;
};

void psf_json_begin(struct psf_json *j, FILE *f);
void psf_json_str(struct psf_json *j, const char *key, const char *v);
void psf_json_int(struct psf_json *j, const char *key, long long v);
void psf_json_bool(struct psf_json *j, const char *key, bool v);
void psf_json_end(struct psf_json *j);

#endif
