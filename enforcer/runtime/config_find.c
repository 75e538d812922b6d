/*
 * Where the configuration comes from (interface.md "Configuration"):
 * -c FILE, else $PORTSAF_CONFIG, else ./portsaf.conf, else
 * /etc/portsaf.conf, else the built-in discovery policy.
 */
#include <errno.h>
#include <libconfig.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "runtime.h"

#define PSF_CONFIG_LOCAL "portsaf.conf"
#define PSF_CONFIG_SYSTEM "/etc/portsaf.conf"

/* Children must load exactly the file the run chose even after a chdir,
 * so the path handed on is absolute (symlinks are kept as written). */
static char *absolute_path(const char *path)
{
	char cwd[PATH_MAX];
	size_t n;
	char *out;

	if (path[0] == '/')
		return strdup(path);
	if (!getcwd(cwd, sizeof cwd))
		return strdup(path);
	n = strlen(cwd) + 1 + strlen(path) + 1;
	out = malloc(n);
	if (out) {
		strcpy(out, cwd);
		if (strcmp(cwd, "/") != 0)
			strcat(out, "/");
		strcat(out, path);
	}
	return out;
}

/* A file the user named must exist: a typo must not silently fall back to
 * the discovery policy, which allows everything. */
static int named_file(const char *path, const char *origin, char **out,
		      struct psf_diags *d)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		int e = errno;

		psf_diag_add(d, PSF_SEV_ERROR, path, 0,
			     "cannot open configuration (%s): %s", origin,
			     strerror(e));
		return -e;
	}
	*out = absolute_path(path);
	return *out ? 0 : -ENOMEM;
}

static int searched_file(const char *path, char **out)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return -ENOENT;
	*out = absolute_path(path);
	return *out ? 0 : -ENOMEM;
}

int psf_config_find(const char *cli_path, char **path, struct psf_diags *d)
{
	const char *env = getenv("PORTSAF_CONFIG");
	int rc;

	*path = NULL;
	if (cli_path)
		return named_file(cli_path, "-c", path, d);
	/* DECISION (lead): an empty PORTSAF_CONFIG means the discovery policy,
	 * so that `portsaf run` can hand its choice down to children. */
	if (env)
		return env[0] ? named_file(env, "PORTSAF_CONFIG", path, d) : 0;
	rc = searched_file(PSF_CONFIG_LOCAL, path);
	if (rc != -ENOENT)
		return rc;
	rc = searched_file(PSF_CONFIG_SYSTEM, path);
	return rc == -ENOENT ? 0 : rc;
}

bool psf_config_on_error_allow(const char *path)
{
	config_t cf;
	const char *v = NULL;
	bool allow = false;

	if (!path)
		return false;
	config_init(&cf);
	if (config_read_file(&cf, path) == CONFIG_TRUE &&
	    config_lookup_string(&cf, "on_error", &v) == CONFIG_TRUE)
		allow = strcmp(v, "allow") == 0;
	config_destroy(&cf);
	return allow;
}
