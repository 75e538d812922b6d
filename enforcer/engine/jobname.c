/* Job-name patterns of PORT, PORTRANGE and UNRSV entries (spec 2.1). */
#include <string.h>
#include "policy.h"

static bool glob(const char *p, const char *s)
{
	const char *star = NULL, *resume = NULL;

	while (*s) {
		if (*p == '?' || *p == *s) {
			p++;
			s++;
		} else if (*p == '*') {
			star = p++;
			resume = s;
		} else if (star) {
			p = star + 1;
			s = ++resume;
		} else {
			return false;
		}
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

/* `*` and OMVS match every job: on Linux every process is a z/OS UNIX
 * sockets caller. */
bool psf_job_match(const char *pattern, const char *job)
{
	if (!strcmp(pattern, "*") || !strcmp(pattern, "OMVS"))
		return true;
	return glob(pattern, job);
}

/* Specificity: an exact name beats any wildcard; among wildcards more
 * literal characters win; `*` and OMVS are least specific.  Ties are
 * broken by profile order by the caller. */
int psf_job_rank(const char *pattern)
{
	int literal = 0;
	bool wild = false;

	if (!strcmp(pattern, "*") || !strcmp(pattern, "OMVS"))
		return -1;
	for (const char *c = pattern; *c; c++) {
		if (*c == '*' || *c == '?')
			wild = true;
		else
			literal++;
	}
	return wild ? literal : 100;
}
