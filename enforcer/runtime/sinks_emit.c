/*
 * Carrying a decision out (spec 5.6, 8): the SMF type 80 record, ICH408I /
 * ICH432I to the message destination, and the trace line.  Runs on the hot
 * path of the preload, signal handlers included: no stdio, no allocation,
 * no locks, every record built whole and written with one write().
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "audit.h"
#include "runtime.h"

#define PSF_SYSLOG_PATH "/dev/log"

static int load_fd(const int *fd)
{
	return __atomic_load_n(fd, __ATOMIC_ACQUIRE);
}

static void write_whole(int fd, const void *buf, size_t len)
{
	ssize_t n;

	if (fd < 0 || len == 0)
		return;
	do
		n = write(fd, buf, len);
	while (n < 0 && errno == EINTR);
}

static bool event_written(const struct psf_saf_event *ev)
{
	return ev->smf || ev->ich408i || ev->ich432i;
}

bool psf_sinks_wanted(const struct psf_sinks *s, const struct psf_decision *d)
{
	bool msgs = load_fd(&s->msg_fd) >= 0 || load_fd(&s->syslog_fd) >= 0;

	if (load_fd(&s->trace_fd) >= 0)
		return true;
	for (unsigned i = 0; i < d->nevents; i++) {
		const struct psf_saf_event *ev = &d->events[i];

		if ((ev->smf && load_fd(&s->smf_fd) >= 0) ||
		    ((ev->ich408i || ev->ich432i) && msgs))
			return true;
	}
	return false;
}

/* The daemon behind /dev/log may have restarted since the last message:
 * reconnect once and resend. */
static void send_syslog(int fd, const char *buf, size_t len)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };

	if (send(fd, buf, len, MSG_NOSIGNAL) >= 0)
		return;
	if (errno != ECONNREFUSED && errno != ENOTCONN && errno != EDESTADDRREQ)
		return;
	memcpy(sun.sun_path, PSF_SYSLOG_PATH, sizeof PSF_SYSLOG_PATH);
	if (connect(fd, (struct sockaddr *)&sun, sizeof sun) == 0)
		(void)send(fd, buf, len, MSG_NOSIGNAL);
}

static void emit_message(const struct psf_sinks *s,
			 const struct psf_audit_in *in, bool ich432i)
{
	char msg[PSF_MSG_MAX], dgram[PSF_MSG_MAX + 128];
	int sfd = load_fd(&s->syslog_fd);
	size_t n, dn;
	int sev;

	n = ich432i ? psf_ich432i_format(msg, sizeof msg, in)
		    : psf_ich408i_format(msg, sizeof msg, in);
	if (!n)
		return;
	write_whole(load_fd(&s->msg_fd), msg, n);
	if (sfd < 0)
		return;
	sev = !ich432i && in->ev->qualifier == PSF_QUAL_INSAUTH ?
	      PSF_SYSLOG_WARNING : PSF_SYSLOG_NOTICE;
	dn = psf_syslog_format(dgram, sizeof dgram, sev, in, msg, n);
	if (dn)
		send_syslog(sfd, dgram, dn);
}

static void emit_event(const struct psf_sinks *s, struct psf_audit_in *in,
		       const struct psf_saf_event *ev)
{
	uint8_t rec[PSF_SMF80_MAX];
	int smf = load_fd(&s->smf_fd);
	size_t n;

	in->ev = ev;
	if (ev->smf && smf >= 0 && (n = psf_smf80_build(rec, sizeof rec, in)))
		(void)psf_smf_append(smf, rec, n);
	if (ev->ich408i)
		emit_message(s, in, false);
	if (ev->ich432i)
		emit_message(s, in, true);
}

static int64_t now_centis(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 100 + ts.tv_nsec / 10000000;
}

/* The stack assigned the local port (spec 8, EPH in the log string). */
static bool stack_assigned(const struct psf_request *r)
{
	return (r->op == PSF_OP_BIND && r->port == 0) ||
	       (r->op == PSF_OP_LISTEN && r->stack_assigned);
}

void psf_sinks_emit(const struct psf_sinks *s, const struct psf_identity *id,
		    const struct psf_request *r, const struct psf_decision *d,
		    uint16_t port)
{
	int saved = errno;
	int tfd = load_fd(&s->trace_fd);
	struct psf_audit_in in = {
		.id = id, .smfid = s->smfid, .time_centis = now_centis(),
		.utc_offset = s->utc_offset, .op = r->op, .proto = r->proto,
		.port = port, .addr = r->addr, .ephemeral = stack_assigned(r),
	};

	if (tfd >= 0) {
		char line[PSF_MSG_MAX];

		write_whole(tfd, line, psf_trace_format(line, sizeof line, &in, d));
	}
	/* BIND ipaddr (spec 2.2): the records show the address bound. */
	if (r->op == PSF_OP_BIND && d->rewrite)
		in.addr = d->bind_addr;
	for (unsigned i = 0; i < d->nevents; i++)
		if (event_written(&d->events[i]))
			emit_event(s, &in, &d->events[i]);
	errno = saved;
}
