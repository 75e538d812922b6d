/*
 * RACF generic profile names (spec 5.2): syntax, matching, specificity
 * order, and an index that finds the profile covering a resource without
 * scanning every generic.  The matching and ordering functions themselves
 * are declared in model.h (psf_generic_match, psf_generic_cmp,
 * psf_is_generic_name).
 */
#ifndef PSF_RACF_GENERIC_H
#define PSF_RACF_GENERIC_H

#include <stdint.h>
#include "model.h"

/* Longest general-resource profile name RACF accepts. */
#define PSF_PROFILE_NAME_MAX 246

/* NULL when a profile name's generic characters are placed as RACF allows
 * (spec 5.2 table), else why not, e.g. "'**' may appear only once". */
const char *psf_generic_name_error(const char *name);

/* FNV-1a, byte by byte so that every prefix of a name hashes on the way:
 * the index probes each prefix length of a resource. */
#define PSF_HASH_INIT 0xcbf29ce484222325ULL
static inline uint64_t psf_hash_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001b3ULL;
}

static inline uint64_t psf_hash_name(const char *s, size_t n)
{
	uint64_t h = PSF_HASH_INIT;

	for (size_t i = 0; i < n; i++)
		h = psf_hash_step(h, (unsigned char)s[i]);
	return h;
}

/* The profiles of one class of a model, indexed for lookups.  The index
 * points into the model's profile names: rebuild it after the model
 * changes, free it before the model. */
struct psf_profile_index;

/* NULL (errno ENOMEM) when memory runs out. */
struct psf_profile_index *psf_profile_index_build(const struct psf_racf_model *m,
						  enum psf_class cls);
/* The profile RACF would use for resource (upper case), as an index into
 * m->profiles, or -1 when none covers it.  A discrete profile of that name
 * wins over every generic; generics count only when generic_on
 * (SETROPTS GENERIC). */
int psf_profile_index_best(const struct psf_profile_index *ix,
			   const char *resource, bool generic_on);
/* Every profile covering resource, most specific first (the first one is
 * psf_profile_index_best's).  Writes at most max indexes to out and returns
 * how many cover the resource, which may be more than max. */
size_t psf_profile_index_all(const struct psf_profile_index *ix,
			     const char *resource, bool generic_on,
			     int *out, size_t max);
void psf_profile_index_free(struct psf_profile_index *ix);

#endif
