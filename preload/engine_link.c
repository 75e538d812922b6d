/*
 * Loading libportsaf-engine.so (see engine_link.h).  It is looked for in
 * the directory libportsaf.so was loaded from, never on the library
 * search path: `portsaf run` finds libportsaf.so next to itself or in
 * ../lib, and the engine is installed beside it.
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "engine_link.h"

const struct psf_engine *psf_eng;

/* Only the policy initialisation (once per process) uses it. */
static char path[PATH_MAX + sizeof PSF_ENGINE_FILE + 1];

/* The directory libportsaf.so was loaded from, into path ("" for "/");
 * its length, or -1 when the loader cannot tell. */
static int own_dir(void)
{
	Dl_info info;
	const char *slash;
	void *self;
	size_t n;

	if (!dladdr((void *)psf_engine_load, &info) || !info.dli_fname)
		return -1;
	/* dli_fname is the name LD_PRELOAD gave, perhaps relative to a
	 * directory the program has left since; the loader noted the
	 * absolute directory when it loaded this library. */
	if (info.dli_fname[0] != '/') {
		self = dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
		if (self) {
			int rc = dlinfo(self, RTLD_DI_ORIGIN, path);

			dlclose(self);
			if (rc == 0 && path[0] == '/' &&
			    strlen(path) <= PATH_MAX)
				return (int)strlen(path);
		}
	}
	slash = strrchr(info.dli_fname, '/');
	if (!slash || slash - info.dli_fname > PATH_MAX)
		return -1;
	n = (size_t)(slash - info.dli_fname);
	memcpy(path, info.dli_fname, n);
	path[n] = '\0';
	return (int)n;
}

static const struct psf_engine *fail(const char *why)
{
	char msg[PATH_MAX + 512];
	int n = snprintf(msg, sizeof msg, "portsaf: cannot load the policy "
			 "engine %s: %s (on_error = \"deny\": checked calls "
			 "fail with EACCES)\n", path, why ? why : "unknown error");

	if (n > 0)
		(void)!write(STDERR_FILENO, msg,
			     (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
	return NULL;
}

const struct psf_engine *psf_engine_load(void)
{
	const struct psf_engine *e;
	int n = own_dir();
	void *h;

	if (n < 0) {
		memcpy(path, PSF_ENGINE_FILE, sizeof PSF_ENGINE_FILE);
		return fail("cannot tell which directory libportsaf.so was "
			    "loaded from");
	}
	memcpy(path + n, "/" PSF_ENGINE_FILE, sizeof "/" PSF_ENGINE_FILE);
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return fail(dlerror());
	e = dlsym(h, PSF_ENGINE_SYMBOL);
	if (!e)
		return fail(dlerror());
	if (e->version != PSF_ENGINE_VERSION ||
	    e->size != sizeof (struct psf_engine))
		return fail("not the engine this libportsaf.so was built with");
	__atomic_store_n(&psf_eng, e, __ATOMIC_RELEASE);
	return e;
}
