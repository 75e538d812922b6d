/*
 * The filter of `portsaf run --enforce`.  libseccomp writes the BPF; the
 * child loads it with seccomp(2) itself, because libseccomp 2.5 cannot set
 * SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV and seccomp_load() would also
 * keep the listener where the supervisor cannot reach it before exec.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "kernel_compat.h"
#include "seccomp_filter.h"

/* The calls that can give a socket an address or send to one.  sendto
 * without a destination (send(2), write on a connected socket) stays in
 * the kernel: its destination is a register, not memory, so the filter
 * can see that there is none. */
static const int trapped[] = {
	SCMP_SYS(bind), SCMP_SYS(connect),
	SCMP_SYS(sendmsg), SCMP_SYS(sendmmsg),
	/* The identity of a process is resolved again after exec. */
	SCMP_SYS(execve), SCMP_SYS(execveat),
};

/* io_uring performs bind, listen, connect and sends without system calls
 * the filter could see; a ring received from elsewhere is refused too. */
static const int refused[] = {
	SCMP_SYS(io_uring_setup), SCMP_SYS(io_uring_enter),
	SCMP_SYS(io_uring_register),
};

/* A filter the target loads itself runs before this one, and of two
 * filters that hand a call to a listener the newer wins: a target with a
 * listener of its own could answer its own bind with "continue" and this
 * filter would never see it.  So seccomp(2) may not create a listener. */
static const struct scmp_arg_cmp own_listener[] = {
	{ .arg = 0, .op = SCMP_CMP_EQ, .datum_a = SECCOMP_SET_MODE_FILTER,
	  .datum_b = 0 },
	{ .arg = 1, .op = SCMP_CMP_MASKED_EQ,
	  .datum_a = SECCOMP_FILTER_FLAG_NEW_LISTENER,
	  .datum_b = SECCOMP_FILTER_FLAG_NEW_LISTENER },
};

static int add_rules(scmp_filter_ctx ctx, bool trap_listen)
{
	/* sendto's fifth argument, the destination, is not NULL. */
	const struct scmp_arg_cmp has_dest = {
		.arg = 4, .op = SCMP_CMP_NE, .datum_a = 0, .datum_b = 0,
	};
	int rc = 0;

	for (size_t i = 0; !rc && i < sizeof trapped / sizeof *trapped; i++)
		rc = seccomp_rule_add(ctx, SCMP_ACT_NOTIFY, trapped[i], 0);
	/* listen(2) has nothing to decide unless the policy checks it (UNRSV
	 * TCP WHENLISTEN, spec 2.3); a policy is loaded once for the whole
	 * run, children and execs included.  Otherwise the supervisor would
	 * only repeat the call on its duplicate (listen needs no capability),
	 * with the result the kernel gives the caller directly: a whole
	 * notification round trip per listen for nothing.  Whichever
	 * socket the descriptor names when the kernel looks, none is
	 * checked, so no race is opened either. */
	if (!rc && trap_listen)
		rc = seccomp_rule_add(ctx, SCMP_ACT_NOTIFY, SCMP_SYS(listen), 0);
	if (!rc)
		rc = seccomp_rule_add_array(ctx, SCMP_ACT_NOTIFY, SCMP_SYS(sendto),
					    1, &has_dest);
	for (size_t i = 0; !rc && i < sizeof refused / sizeof *refused; i++)
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), refused[i], 0);
	if (!rc)
		rc = seccomp_rule_add_array(ctx, SCMP_ACT_ERRNO(EPERM),
					    SCMP_SYS(seccomp), 2, own_listener);
	return rc;
}

/* libseccomp 2.5 exports BPF only to a descriptor: a memory file. */
static int export_bpf(scmp_filter_ctx ctx, struct sock_fprog *prog)
{
	int fd = memfd_create("portsaf-bpf", MFD_CLOEXEC);
	off_t size;
	int rc = 0;

	if (fd < 0)
		return -errno;
	rc = seccomp_export_bpf(ctx, fd);
	if (!rc && (size = lseek(fd, 0, SEEK_END)) <= 0)
		rc = -EIO;
	if (!rc && (size_t)size % sizeof(struct sock_filter))
		rc = -EIO;
	if (!rc) {
		prog->filter = malloc((size_t)size);
		if (!prog->filter)
			rc = -ENOMEM;
		else if (pread(fd, prog->filter, (size_t)size, 0) != size) {
			free(prog->filter);
			prog->filter = NULL;
			rc = -EIO;
		}
		prog->len = (unsigned short)((size_t)size / sizeof(struct sock_filter));
	}
	close(fd);
	return rc;
}

int psf_sup_filter_build(struct sock_fprog *prog, bool trap_listen)
{
	scmp_filter_ctx ctx;
	int rc;

	memset(prog, 0, sizeof *prog);
	/* socketcall(2) multiplexes every socket call behind one number and
	 * a pointer: the native socket calls this filter traps would not be
	 * the only way in. */
	if (SCMP_SYS(socketcall) >= 0)
		return -ENOSYS;
	ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!ctx)
		return -ENOMEM;
	/* A 32-bit or x32 system call would reach the kernel under numbers
	 * this filter does not trap: such a process is killed rather than
	 * let through. */
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
	if (!rc)
		rc = add_rules(ctx, trap_listen);
	if (!rc)
		rc = export_bpf(ctx, prog);
	seccomp_release(ctx);
	return rc;
}

int psf_sup_filter_install(const struct sock_fprog *prog)
{
	/* Newest first; a kernel that does not know a flag says EINVAL. */
	static const unsigned long flags[] = {
		SECCOMP_FILTER_FLAG_NEW_LISTENER |
			SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV,
		SECCOMP_FILTER_FLAG_NEW_LISTENER,
	};
	long fd = -1;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -errno;
	for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
		fd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags[i], prog);
		if (fd >= 0 || errno != EINVAL)
			break;
	}
	return fd >= 0 ? (int)fd : -errno;
}
