/*
 * Opening the audit sinks and keeping their descriptors usable: the SMF
 * file, the message destination (stderr, syslog, a file) and the trace.
 * Writing to them is sinks_emit.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "audit.h"
#include "runtime.h"

#define PSF_SMF_DEFAULT "portsaf-smf80.bin"
#define PSF_SYSLOG_PATH "/dev/log"
/* How far below the descriptor limit the sinks live: programs allocate
 * from the bottom, so the top of the range is where they rarely look. */
#define PSF_FD_HEADROOM 64

/* The lowest descriptor number the sinks move to. */
static int high_fd_base(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur > INT_MAX)
		return 1024;
	if (rl.rlim_cur <= 2 * PSF_FD_HEADROOM)
		return (int)rl.rlim_cur / 2;
	return (int)rl.rlim_cur - PSF_FD_HEADROOM;
}

/* Programs that close every descriptor, or expect open() to hand out 3,
 * are common among daemons; a sink far above their range disturbs them
 * least.  Keeps fd where it is when there is no room. */
static int move_high(int fd)
{
	int nfd;

	if (fd < 0)
		return fd;
	nfd = fcntl(fd, F_DUPFD_CLOEXEC, high_fd_base());
	if (nfd < 0)
		return fd;
	close(fd);
	return nfd;
}

static int open_append(const char *path, const char *what, struct psf_diags *d)
{
	int fd = psf_smf_open(path);    /* O_APPEND|O_CLOEXEC, for any sink */

	if (fd < 0) {
		psf_diag_add(d, PSF_SEV_ERROR, path, 0, "cannot open %s: %s",
			     what, strerror(-fd));
		return fd;
	}
	return move_high(fd);
}

/* PORTSAF_SMF (even "") wins over the configuration; unset in both means
 * ./portsaf-smf80.bin (interface.md). */
static const char *smf_path(const struct psf_config *cfg)
{
	const char *env = getenv("PORTSAF_SMF");

	if (env)
		return env;
	if (cfg && cfg->smf)
		return cfg->smf;
	return PSF_SMF_DEFAULT;
}

/* A datagram socket connected to /dev/log.  Not connecting now is not an
 * error: the daemon may start later, and emit retries the connect. */
static int open_syslog(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	fd = move_high(fd);
	strcpy(sun.sun_path, PSF_SYSLOG_PATH);
	(void)connect(fd, (struct sockaddr *)&sun, sizeof sun);
	return fd;
}

static int open_messages(struct psf_sinks *s, const struct psf_config *cfg,
			 struct psf_diags *d)
{
	const char *env = getenv("PORTSAF_MESSAGES");
	enum psf_messages_kind kind = cfg ? cfg->messages : PSF_MSG_STDERR;
	const char *file = cfg ? cfg->messages_file : NULL;

	if (env && env[0]) {
		if (!strcmp(env, "stderr"))
			kind = PSF_MSG_STDERR;
		else if (!strcmp(env, "syslog"))
			kind = PSF_MSG_SYSLOG;
		else if (!strcmp(env, "none"))
			kind = PSF_MSG_NONE;
		else {
			kind = PSF_MSG_FILE;
			file = env;
		}
	}
	switch (kind) {
	case PSF_MSG_STDERR:
		s->msg_fd = STDERR_FILENO;
		return 0;
	case PSF_MSG_SYSLOG:
		s->syslog_fd = open_syslog();
		return 0;
	case PSF_MSG_NONE:
		return 0;
	case PSF_MSG_FILE:
		s->msg_fd = open_append(file, "messages file", d);
		return s->msg_fd < 0 ? s->msg_fd : 0;
	}
	return 0;
}

static int32_t local_utc_offset(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (!localtime_r(&now, &tm))
		return 0;
	return (int32_t)tm.tm_gmtoff;
}

int psf_sinks_open(struct psf_sinks *s, const struct psf_config *cfg,
		   struct psf_diags *d)
{
	const char *smf = smf_path(cfg);
	int rc = 0, r;

	s->smf_fd = s->msg_fd = s->syslog_fd = s->trace_fd = -1;
	memset(s->smfid, 0, sizeof s->smfid);
	if (cfg)
		memcpy(s->smfid, cfg->smfid, sizeof s->smfid - 1);
	else
		memcpy(s->smfid, "SYS1", 4);
	s->utc_offset = local_utc_offset();
	if (smf[0]) {
		s->smf_fd = open_append(smf, "SMF file", d);
		if (s->smf_fd < 0) {
			rc = s->smf_fd;
			s->smf_fd = -1;
		}
	}
	r = open_messages(s, cfg, d);
	if (r < 0) {
		s->msg_fd = -1;
		rc = rc ? rc : r;
	}
	if (cfg && cfg->trace && cfg->trace[0]) {
		s->trace_fd = open_append(cfg->trace, "trace file", d);
		if (s->trace_fd < 0) {
			rc = rc ? rc : s->trace_fd;
			s->trace_fd = -1;
		}
	}
	return rc;
}

static void close_owned(int *fd)
{
	if (*fd > STDERR_FILENO)
		close(*fd);
	*fd = -1;
}

void psf_sinks_close(struct psf_sinks *s)
{
	close_owned(&s->smf_fd);
	close_owned(&s->msg_fd);
	close_owned(&s->syslog_fd);
	close_owned(&s->trace_fd);
}

static int *owned_slot(struct psf_sinks *s, int fd)
{
	if (fd < 0 || fd == STDERR_FILENO)
		return NULL;
	if (fd == __atomic_load_n(&s->smf_fd, __ATOMIC_RELAXED))
		return &s->smf_fd;
	if (fd == __atomic_load_n(&s->msg_fd, __ATOMIC_RELAXED))
		return &s->msg_fd;
	if (fd == __atomic_load_n(&s->syslog_fd, __ATOMIC_RELAXED))
		return &s->syslog_fd;
	if (fd == __atomic_load_n(&s->trace_fd, __ATOMIC_RELAXED))
		return &s->trace_fd;
	return NULL;
}

bool psf_sinks_owns_fd(const struct psf_sinks *s, int fd)
{
	return owned_slot((struct psf_sinks *)s, fd) != NULL;
}

int psf_sinks_move_fd(struct psf_sinks *s, int fd)
{
	int *slot = owned_slot(s, fd);
	int nfd;

	if (!slot)
		return -1;
	nfd = fcntl(fd, F_DUPFD_CLOEXEC, high_fd_base());
	if (nfd < 0)
		nfd = fcntl(fd, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
	/* With no descriptor to move to, the sink goes off rather than write
	 * records into whatever the application puts there. */
	/* Writers load the descriptor once per record: they see the old one
	 * (still open until the caller replaces it) or the new one. */
	__atomic_store_n(slot, nfd, __ATOMIC_RELEASE);
	return nfd;
}
