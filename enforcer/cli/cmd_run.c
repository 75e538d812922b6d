/*
 * portsaf run (interface.md "The command"): load the policy here, so that
 * a broken configuration stops the run before COMMAND starts (exit 125);
 * hand the choice down in the environment, so that COMMAND and every child
 * that keeps the environment load exactly this policy; then run COMMAND
 * with libportsaf.so preloaded, or hand it to the seccomp supervisor
 * (--enforce, or a statically linked COMMAND).
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "cli_identity.h"
#include "runtime.h"
#include "supervisor.h"

#define PSF_PRELOAD_NAME "libportsaf.so"
#define PSF_SMF_DEFAULT "portsaf-smf80.bin"
#define PSF_DEFAULT_PATH "/bin:/usr/bin"

static const char run_usage[] =
"usage: portsaf run [-c FILE] [--job NAME] [--user ID] [--group GRP]\n"
"                   [--program PGM] [--enforce] [--no-warning]\n"
"                   -- COMMAND [ARG...]\n"
"Run COMMAND with every bind, listen, connect and send decided by the\n"
"policy as z/OS would decide it.  Exit status: COMMAND's; 125 bad usage or\n"
"configuration, 126 COMMAND cannot be executed, 127 COMMAND not found.\n";

struct run_args {
	const char *cfg;
	struct psf_cli_identity names;
	bool enforce, no_warning;
	char **cmd;
};

/* Returns 0 to run, 1 after --help, -1 on bad usage. */
static int parse_args(int argc, char **argv, struct run_args *a)
{
	static const struct option lo[] = {
		{ "config", required_argument, NULL, 'c' },
		PSF_CLI_IDENTITY_OPTIONS,
		{ "enforce", no_argument, NULL, 'E' },
		{ "no-warning", no_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ 0, 0, 0, 0 }
	};
	int c;

	optind = 1;
	/* "+": COMMAND's own options are not portsaf's */
	while ((c = getopt_long(argc, argv, "+c:h", lo, NULL)) != -1) {
		if (psf_cli_identity_option(&a->names, c, optarg))
			continue;
		switch (c) {
		case 'c': a->cfg = optarg; break;
		case 'E': a->enforce = true; break;
		case 'W': a->no_warning = true; break;
		case 'h': fputs(run_usage, stdout); return 1;
		default: fputs(run_usage, stderr); return -1;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "portsaf run: no COMMAND given\n%s", run_usage);
		return -1;
	}
	a->cmd = argv + optind;
	return 0;
}

/* Errors stop the run; warnings (what z/OS tolerates) are shown and the
 * run goes on.  The built-in discovery policy cannot fail, and COMMAND
 * loads it anyway: building it here too would only slow every start.
 * Returns 0 with *path (NULL: discovery) and the configuration's `smf`
 * in *smf, or -1. */
static int load_policy(const struct run_args *a, char **path, char **smf)
{
	struct psf_load_opts o = { .no_warning = a->no_warning };
	struct psf_diags d = { 0 };
	struct psf_policy *p = NULL;
	int rc = psf_config_find(a->cfg, path, &d);

	*smf = NULL;
	if (rc == 0 && *path)
		rc = psf_policy_load(*path, &o, &p, &d);
	psf_diags_print(&d, STDERR_FILENO);
	if (rc == 0 && psf_diags_count(&d, PSF_SEV_ERROR))
		rc = -1;
	if (rc == 0 && p && psf_policy_config(p)->smf)
		*smf = strdup(psf_policy_config(p)->smf);
	psf_policy_free(p);
	psf_diags_free(&d);
	return rc == 0 ? 0 : -1;
}

static char *join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + 1 + strlen(name) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s/%s", dir, name);
	return s;
}

static char *absolute(const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
		return strdup(path);
	return join_path(cwd, path);
}

/* PORTSAF_SMF: the user's own setting, else the configuration's `smf`,
 * else ./portsaf-smf80.bin; always absolute, so a COMMAND that changes
 * directory still writes the same file ("" = none). */
static int export_smf(const char *cfg_smf)
{
	const char *env = getenv("PORTSAF_SMF");
	const char *smf = env ? env : cfg_smf ? cfg_smf : PSF_SMF_DEFAULT;
	char *abs = smf[0] ? absolute(smf) : strdup("");
	int rc = abs ? setenv("PORTSAF_SMF", abs, 1) : -1;

	free(abs);
	return rc;
}

/* A messages file named in PORTSAF_MESSAGES is made absolute likewise. */
static int export_messages(void)
{
	const char *env = getenv("PORTSAF_MESSAGES");
	char *abs;
	int rc;

	if (!env || !env[0] || env[0] == '/' || !strcmp(env, "stderr") ||
	    !strcmp(env, "syslog") || !strcmp(env, "none"))
		return 0;
	abs = absolute(env);
	rc = abs ? setenv("PORTSAF_MESSAGES", abs, 1) : -1;
	free(abs);
	return rc;
}

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* interface.md: $PORTSAF_PRELOAD, else next to the portsaf executable,
 * else ../lib/ relative to it; no path is compiled in. */
static char *find_preload(void)
{
	const char *env = getenv("PORTSAF_PRELOAD");
	char exe[PATH_MAX], *slash, *lib;
	ssize_t n;

	if (env && env[0]) {
		if (is_file(env))
			return absolute(env);
		fprintf(stderr, "portsaf run: PORTSAF_PRELOAD: %s: %s\n", env,
			strerror(ENOENT));
		return NULL;
	}
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')))
			*slash = '\0';
		if ((lib = join_path(exe, PSF_PRELOAD_NAME)) && is_file(lib))
			return lib;
		free(lib);
		if ((lib = join_path(exe, "../lib/" PSF_PRELOAD_NAME)) && is_file(lib))
			return lib;
		free(lib);
	}
	fprintf(stderr, "portsaf run: cannot find %s next to the portsaf "
		"executable or in ../lib/; set PORTSAF_PRELOAD\n",
		PSF_PRELOAD_NAME);
	return NULL;
}

/* LD_PRELOAD splits on spaces and colons; libportsaf.so goes first so
 * that its wrappers are the ones every other preload reaches. */
static int export_preload(const char *lib)
{
	const char *old = getenv("LD_PRELOAD");
	size_t n;
	char *v;
	int rc;

	if (strpbrk(lib, " :")) {
		fprintf(stderr, "portsaf run: %s: LD_PRELOAD cannot carry a path "
			"with spaces or colons\n", lib);
		return -1;
	}
	if (!old || !old[0])
		return setenv("LD_PRELOAD", lib, 1);
	n = strlen(lib) + 1 + strlen(old) + 1;
	v = malloc(n);
	if (!v)
		return -1;
	snprintf(v, n, "%s:%s", lib, old);
	rc = setenv("LD_PRELOAD", v, 1);
	free(v);
	return rc;
}

/* DECISION (lead): PORTSAF_CONFIG carries the absolute path chosen, or ""
 * for the built-in discovery policy, so children keep exactly this
 * policy. */
static int export_env(const struct run_args *a, const char *path,
		      const char *cfg_smf)
{
	if (setenv("PORTSAF_CONFIG", path ? path : "", 1) ||
	    export_smf(cfg_smf) || export_messages() ||
	    psf_cli_identity_export(&a->names))
		return -1;
	if (a->no_warning && setenv("PORTSAF_NO_WARNING", "1", 1))
		return -1;
	return 0;
}

/* COMMAND as execvp() would find it: NULL with errno ENOENT (127) or
 * EACCES (126) when it cannot. */
static char *resolve_command(const char *cmd)
{
	const char *path = getenv("PATH");
	char *dirs, *dir, *save = NULL, *found = NULL;
	bool denied = false;

	if (strchr(cmd, '/')) {
		if (access(cmd, F_OK) != 0)
			return NULL;
		return strdup(cmd);
	}
	dirs = strdup(path && path[0] ? path : PSF_DEFAULT_PATH);
	for (dir = dirs ? strtok_r(dirs, ":", &save) : NULL; dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *cand = join_path(dir[0] ? dir : ".", cmd);

		if (cand && is_file(cand) && access(cand, X_OK) == 0)
			found = cand;
		else {
			denied |= cand && is_file(cand);
			free(cand);
		}
	}
	free(dirs);
	if (!found)
		errno = denied ? EACCES : ENOENT;
	return found;
}

static int exec_failed(const char *cmd, int err)
{
	fprintf(stderr, "portsaf run: %s: %s\n", cmd, strerror(err));
	return err == ENOENT || err == ENOTDIR ? PSF_EXIT_NOTFOUND
					       : PSF_EXIT_NOEXEC;
}

/* The signals a caller sends to `portsaf run` are meant for COMMAND. */
static const int forwarded[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM,
	SIGCONT, SIGWINCH
};
static volatile sig_atomic_t child_pid;

/* A signal from the terminal reaches COMMAND itself (same process group);
 * only one sent to portsaf alone (kill(2), si_code <= 0) is passed on. */
static void forward(int sig, siginfo_t *si, void *uc)
{
	int saved = errno;

	(void)uc;
	if (child_pid > 0 && si->si_code <= 0)
		kill((pid_t)child_pid, sig);
	errno = saved;
}

static int spawn(const char *path, char **argv, pid_t *pid)
{
	posix_spawnattr_t at;
	sigset_t none, all;
	int rc, n = 0;

	sigemptyset(&none);
	sigemptyset(&all);
	for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++)
		sigaddset(&all, forwarded[i]);
	posix_spawnattr_init(&at);
	posix_spawnattr_setsigdefault(&at, &all);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF |
					  POSIX_SPAWN_SETSIGMASK);
	rc = posix_spawn(pid, path, NULL, &at, argv, environ);
	/* As execvp: a file the kernel cannot execute but may run (no #!
	 * line) is handed to the shell. */
	if (rc == ENOEXEC) {
		while (argv[n])
			n++;
		char **sh = calloc((size_t)n + 2, sizeof *sh);

		if (sh) {
			sh[0] = "sh";
			sh[1] = (char *)path;
			memcpy(sh + 2, argv + 1, (size_t)n * sizeof *sh);
			rc = posix_spawn(pid, "/bin/sh", NULL, &at, sh, environ);
			free(sh);
		}
	}
	posix_spawnattr_destroy(&at);
	return rc;
}

/* COMMAND runs as portsaf's child, so that its status is portsaf's exit
 * status: its own, or 128+signal when it was killed (interface.md), as
 * under the supervisor.  posix_spawn (vfork) keeps the start-up cost of
 * the extra process small. */
static int run_command(const char *path, char **argv)
{
	struct sigaction sa = { .sa_sigaction = forward,
				.sa_flags = SA_SIGINFO | SA_RESTART };
	pid_t pid;
	int rc, st;

	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++)
		sigaction(forwarded[i], &sa, NULL);
	rc = spawn(path, argv, &pid);
	if (rc)
		return exec_failed(argv[0], rc);
	child_pid = pid;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return PSF_EXIT_USAGE;
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}

/* Under the supervisor an inherited libportsaf.so (a nested run, a
 * service's LD_PRELOAD) would decide and record every call a second
 * time: it leaves LD_PRELOAD, the rest stays. */
static void drop_inherited_preload(void)
{
	const char *old = getenv("LD_PRELOAD");
	char *copy, *tok, *save = NULL, *out;
	size_t len = 0;

	if (!old || !strstr(old, PSF_PRELOAD_NAME) || !(copy = strdup(old)))
		return;
	if (!(out = calloc(strlen(old) + 1, 1))) {
		free(copy);
		return;
	}
	for (tok = strtok_r(copy, " :", &save); tok;
	     tok = strtok_r(NULL, " :", &save)) {
		const char *base = strrchr(tok, '/');

		if (!strcmp(base ? base + 1 : tok, PSF_PRELOAD_NAME))
			continue;
		len += (size_t)sprintf(out + len, "%s%s", len ? ":" : "", tok);
	}
	if (len)
		setenv("LD_PRELOAD", out, 1);
	else
		unsetenv("LD_PRELOAD");
	free(out);
	free(copy);
}

static int supervise(char *path, char **cmd)
{
	int n = 0;
	char **argv;

	drop_inherited_preload();
	while (cmd[n])
		n++;
	argv = calloc((size_t)n + 1, sizeof *argv);
	if (!argv)
		return PSF_EXIT_USAGE;
	memcpy(argv, cmd, (size_t)n * sizeof *argv);
	argv[0] = path;
	return psf_supervise(argv);
}

static int launch(const struct run_args *a)
{
	char *path = resolve_command(a->cmd[0]);
	char *lib;

	if (!path)
		return exec_failed(a->cmd[0], errno);
	if (a->enforce)
		return supervise(path, a->cmd);
	/* A static executable ignores LD_PRELOAD: only the supervisor sees
	 * its calls. */
	if (psf_exe_is_static(path)) {
		fprintf(stderr, "portsaf run: note: %s is statically linked; "
			"running it under the supervisor (--enforce)\n", path);
		return supervise(path, a->cmd);
	}
	lib = find_preload();
	if (!lib || export_preload(lib)) {
		free(lib);
		return PSF_EXIT_USAGE;
	}
	free(lib);
	return run_command(path, a->cmd);
}

int psf_cmd_run(int argc, char **argv)
{
	struct run_args a = { 0 };
	char *path = NULL, *smf = NULL;
	int rc = parse_args(argc, argv, &a);

	if (rc)
		return rc > 0 ? 0 : PSF_EXIT_USAGE;
	if (psf_cli_identity_check(&a.names, "run") ||
	    load_policy(&a, &path, &smf))
		return PSF_EXIT_USAGE;
	rc = export_env(&a, path, smf);
	free(path);
	free(smf);
	if (rc) {
		perror("portsaf run: environment");
		return PSF_EXIT_USAGE;
	}
	return launch(&a);
}
