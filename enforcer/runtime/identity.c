/*
 * A Linux process as z/OS sees a caller (spec 7): job name, RACF user,
 * connect group, program, ICH408I NAME, APF / superuser / FTP-server
 * flags.  Each of the four names is resolved on its own: environment, then
 * the first matching `identities` rule (only that rule), then defaults.
 *
 * Runs once per process (at the first checked call, again after exec), so
 * it may allocate and use NSS.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "runtime.h"

extern char **environ;

/* What /proc says about the process, gathered once. */
struct proc_facts {
	pid_t pid;
	char exe[PATH_MAX];             /* "" when unreadable */
	char comm[32];
	uid_t euid;
	const char *env;                /* "K=V\0K=V\0..." or NULL: environ */
	size_t env_len;
	char *env_owned;
};

/* Read a small /proc file whole.  open/read/close only, so a forked child
 * may call it. */
static ssize_t read_small(const char *path, char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n, total = 0;

	if (fd < 0)
		return -1;
	while ((size_t)total < cap - 1 &&
	       (n = read(fd, buf + total, cap - 1 - (size_t)total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return total;
}

static void proc_path(char *out, size_t cap, pid_t pid, const char *what)
{
	if (pid)
		snprintf(out, cap, "/proc/%d/%s", (int)pid, what);
	else
		snprintf(out, cap, "/proc/self/%s", what);
}

static void read_exe(struct proc_facts *f)
{
	char path[64];
	ssize_t n;
	static const char deleted[] = " (deleted)";
	size_t dl = sizeof deleted - 1;

	proc_path(path, sizeof path, f->pid, "exe");
	n = readlink(path, f->exe, sizeof f->exe - 1);
	if (n < 0)
		n = 0;
	f->exe[n] = '\0';
	/* An executable replaced on disk (an upgrade) keeps its name. */
	if ((size_t)n > dl && !strcmp(f->exe + n - dl, deleted))
		f->exe[n - dl] = '\0';
}

static void read_comm(struct proc_facts *f)
{
	char path[64];
	size_t n;

	proc_path(path, sizeof path, f->pid, "comm");
	if (read_small(path, f->comm, sizeof f->comm) < 0)
		f->comm[0] = '\0';
	n = strlen(f->comm);
	if (n && f->comm[n - 1] == '\n')
		f->comm[n - 1] = '\0';
}

/* The effective uid is the second field of "Uid:" in /proc/PID/status. */
static uid_t read_euid(pid_t pid)
{
	char path[64], buf[4096];
	const char *p;
	unsigned long real, eff;

	if (!pid)
		return geteuid();
	proc_path(path, sizeof path, pid, "status");
	if (read_small(path, buf, sizeof buf) < 0 ||
	    !(p = strstr(buf, "\nUid:")) ||
	    sscanf(p + 5, "%lu %lu", &real, &eff) != 2)
		return geteuid();
	return (uid_t)eff;
}

static void read_env(struct proc_facts *f, const char *buf, size_t len)
{
	char path[64];
	size_t cap = 1 << 16;
	ssize_t n;

	f->env = buf;
	f->env_len = len;
	if (buf || !f->pid)
		return;
	proc_path(path, sizeof path, f->pid, "environ");
	f->env_owned = malloc(cap);
	if (!f->env_owned)
		return;
	n = read_small(path, f->env_owned, cap);
	if (n > 0) {
		f->env = f->env_owned;
		f->env_len = (size_t)n;
	}
}

static const char *env_get(const struct proc_facts *f, const char *key)
{
	size_t kl = strlen(key);
	const char *p, *end;

	if (!f->env) {
		if (f->pid)
			return NULL;
		for (char **e = environ; e && *e; e++)
			if (!strncmp(*e, key, kl) && (*e)[kl] == '=')
				return *e + kl + 1;
		return NULL;
	}
	for (p = f->env, end = f->env + f->env_len; p < end;
	     p += strnlen(p, (size_t)(end - p)) + 1)
		if ((size_t)(end - p) > kl && !strncmp(p, key, kl) && p[kl] == '=')
			return p + kl + 1;
	return NULL;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* Spec 7, step 2: a rule fits when every match it sets fits. */
static bool rule_fits(const struct psf_identity_rule *r,
		      const struct proc_facts *f)
{
	if (r->exe && (!f->exe[0] || fnmatch(r->exe, f->exe, 0) != 0))
		return false;
	if (r->comm && fnmatch(r->comm, f->comm, 0) != 0)
		return false;
	if (r->uid >= 0 && (uid_t)r->uid != f->euid)
		return false;
	return true;
}

static const struct psf_identity_rule *first_rule(const struct psf_policy *p,
						  const struct proc_facts *f)
{
	const struct psf_config *c = p ? psf_policy_config(p) : NULL;

	for (size_t i = 0; c && i < c->nidentities; i++)
		if (rule_fits(&c->identities[i], f))
			return &c->identities[i];
	return NULL;
}

static struct passwd *account(uid_t uid, struct passwd *pw, char *buf,
			      size_t cap)
{
	struct passwd *res = NULL;

	if (getpwuid_r(uid, pw, buf, cap, &res) != 0)
		return NULL;
	return res;
}

static void default_user(char out[PSF_NAME_LEN + 1], uid_t euid)
{
	struct passwd pw, *res;
	char buf[4096], num[24];

	res = account(euid, &pw, buf, sizeof buf);
	if (res)
		psf_fold_name(out, res->pw_name);
	else {
		snprintf(num, sizeof num, "%lu", (unsigned long)euid);
		psf_fold_name(out, num);
	}
}

/* Spec 7: the Linux primary group name, of the account of the euid. */
static void primary_group(char out[PSF_NAME_LEN + 1], uid_t euid)
{
	struct passwd pw, *pres;
	struct group gr, *gres = NULL;
	char buf[4096], gbuf[8192], num[24];
	gid_t gid = getegid();

	pres = account(euid, &pw, buf, sizeof buf);
	if (pres)
		gid = pres->pw_gid;
	if (getgrgid_r(gid, &gr, gbuf, sizeof gbuf, &gres) == 0 && gres)
		psf_fold_name(out, gres->gr_name);
	else {
		snprintf(num, sizeof num, "%lu", (unsigned long)gid);
		psf_fold_name(out, num);
	}
}

static bool folds_to(const char *linux_name, const char *user)
{
	char f[PSF_NAME_LEN + 1];

	psf_fold_name(f, linux_name);
	return !strcmp(f, user);
}

/* GECOS "Full Name,room,..." -> "FULL NAME", cut to 20. */
static void gecos_name(char out[PSF_UNAME_LEN + 1], const char *gecos)
{
	size_t n = 0;

	for (; gecos && *gecos && *gecos != ',' && n < PSF_UNAME_LEN; gecos++)
		if (isprint((unsigned char)*gecos))
			out[n++] = (char)toupper((unsigned char)*gecos);
	out[n] = '\0';
}

/* Spec 7: the Linux account whose name folds to the user.  The euid's own
 * account and the lower-cased name are tried before a scan of every
 * account, which is only needed for names that folding changed. */
static bool linux_account_name(char out[PSF_UNAME_LEN + 1], const char *user,
			       uid_t euid)
{
	struct passwd pw, *res = NULL;
	char buf[4096], lower[PSF_NAME_LEN + 1];
	size_t i;

	res = account(euid, &pw, buf, sizeof buf);
	if (!res || !folds_to(res->pw_name, user)) {
		for (i = 0; user[i]; i++)
			lower[i] = (char)tolower((unsigned char)user[i]);
		lower[i] = '\0';
		if (getpwnam_r(lower, &pw, buf, sizeof buf, &res) != 0)
			res = NULL;
	}
	if (res && folds_to(res->pw_name, user)) {
		gecos_name(out, res->pw_gecos);
		return true;
	}
	setpwent();
	while (getpwent_r(&pw, buf, sizeof buf, &res) == 0 && res)
		if (folds_to(res->pw_name, user)) {
			gecos_name(out, res->pw_gecos);
			endpwent();
			return true;
		}
	endpwent();
	return false;
}

/* Environment first, then the rule's field; false if neither sets it. */
static bool pick_name(char out[PSF_NAME_LEN + 1], const struct proc_facts *f,
		      const char *env_key, const char *rule_value)
{
	const char *v = env_get(f, env_key);

	if (v && v[0]) {
		psf_fold_name(out, v);
		if (out[0])
			return true;
	}
	if (rule_value && rule_value[0]) {
		psf_fold_name(out, rule_value);
		return true;
	}
	return false;
}

static void resolve_names(struct psf_identity *id, const struct psf_policy *p,
			  const struct proc_facts *f,
			  const struct psf_identity_rule *r)
{
	const char *exe_base = f->exe[0] ? base_name(f->exe) : f->comm;
	char dfltgrp[PSF_NAME_LEN + 1] = "", racf_name[PSF_UNAME_LEN + 1] = "";
	bool defined = false;

	if (!pick_name(id->jobname, f, "PORTSAF_JOBNAME", r ? r->jobname : NULL))
		psf_fold_name(id->jobname, exe_base);
	if (!pick_name(id->program, f, "PORTSAF_PROGRAM", r ? r->program : NULL))
		psf_fold_name(id->program, exe_base);
	if (!pick_name(id->user, f, "PORTSAF_USER", r ? r->user : NULL))
		default_user(id->user, f->euid);
	if (p)
		defined = psf_policy_racf_user(p, id->user, dfltgrp, racf_name);
	if (!pick_name(id->group, f, "PORTSAF_GROUP", r ? r->group : NULL)) {
		if (defined && dfltgrp[0])
			strcpy(id->group, dfltgrp);
		else
			primary_group(id->group, f->euid);
	}
	if (racf_name[0])
		strcpy(id->name, racf_name);
	else if (!linux_account_name(id->name, id->user, f->euid))
		id->name[0] = '\0';
}

void psf_identity_resolve(struct psf_identity *id, const struct psf_policy *p,
			  pid_t pid, const char *environ_buf, size_t environ_len)
{
	struct proc_facts f = { .pid = pid };
	const struct psf_identity_rule *r;

	memset(id, 0, sizeof *id);
	read_exe(&f);
	read_comm(&f);
	f.euid = read_euid(pid);
	read_env(&f, environ_buf, environ_len);
	r = first_rule(p, &f);
	resolve_names(id, p, &f, r);
	id->superuser = r && r->superuser >= 0 ? r->superuser == 1 : f.euid == 0;
	id->apf = r && r->apf == 1;
	id->ftp_server = r && r->ftp_server == 1;
	id->pid = pid ? (int32_t)pid : (int32_t)getpid();
	id->start_centis = psf_process_start_centis(pid);
	free(f.env_owned);
}

/* "/proc/PID/stat" without snprintf, which is not async-signal-safe. */
static void stat_path(char *out, pid_t pid)
{
	char digits[12];
	size_t n = 0, at = 6;
	unsigned v = (unsigned)pid;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	memcpy(out, "/proc/", 6);
	while (n > 0)
		out[at++] = digits[--n];
	strcpy(out + at, "/stat");
}

/* Field 22 of /proc/PID/stat, after the parenthesised comm (which may hold
 * spaces and parentheses itself). */
static bool stat_starttime(pid_t pid, unsigned long long *ticks)
{
	char path[64], buf[1024];
	const char *p;
	int field = 2;

	if (pid)
		stat_path(path, pid);
	else
		strcpy(path, "/proc/self/stat");
	if (read_small(path, buf, sizeof buf) <= 0 || !(p = strrchr(buf, ')')))
		return false;
	for (p++; *p && field < 22; p++)
		if (*p == ' ')
			field++;
	if (field != 22)
		return false;
	*ticks = 0;
	for (; *p >= '0' && *p <= '9'; p++)
		*ticks = *ticks * 10 + (unsigned long long)(*p - '0');
	return true;
}

static int64_t clock_centis(clockid_t c)
{
	struct timespec ts;

	if (clock_gettime(c, &ts) != 0)
		return 0;
	return (int64_t)ts.tv_sec * 100 + ts.tv_nsec / 10000000;
}

int64_t psf_process_start_centis(pid_t pid)
{
	unsigned long long ticks;
	long hz = sysconf(_SC_CLK_TCK);
	int64_t since_boot;

	if (hz <= 0 || !stat_starttime(pid, &ticks))
		return 0;
	/* starttime counts on the boot-time clock: now minus the time the
	 * process has been running, which keeps 1/100 s precision (btime in
	 * /proc/stat has whole seconds only). */
	since_boot = (int64_t)(ticks * 100 / (unsigned long long)hz);
	return clock_centis(CLOCK_REALTIME) -
	       (clock_centis(CLOCK_BOOTTIME) - since_boot);
}
