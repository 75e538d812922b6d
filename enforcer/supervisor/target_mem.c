/*
 * process_vm_readv/writev: one system call per copy, no descriptor to keep
 * per process.  A partial copy is a fault: the kernel would not have used
 * half an address either.
 */
#include <errno.h>
#include <seccomp.h>
#include <sys/uio.h>
#include "target_mem.h"

static int copy_result(ssize_t n, size_t len)
{
	if (n == (ssize_t)len)
		return 0;
	if (n < 0 && errno == ESRCH)
		return -ENOENT;
	return -EFAULT;
}

int psf_sup_mem_read(const struct seccomp_notif *req, uint64_t addr,
		     void *buf, size_t len)
{
	struct iovec local = { buf, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };

	if (len == 0)
		return 0;
	return copy_result(process_vm_readv((pid_t)req->pid, &local, 1,
					    &remote, 1, 0), len);
}

int psf_sup_mem_gather(const struct seccomp_notif *req,
		       const struct iovec *remote, size_t cnt, void *buf,
		       size_t n)
{
	struct iovec local = { buf, n };

	if (n == 0)
		return 0;
	return copy_result(process_vm_readv((pid_t)req->pid, &local, 1,
					    remote, cnt, 0), n);
}

int psf_sup_mem_write(const struct seccomp_notif *req, uint64_t addr,
		      const void *buf, size_t len)
{
	struct iovec local = { (void *)buf, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };

	if (len == 0)
		return 0;
	return copy_result(process_vm_writev((pid_t)req->pid, &local, 1,
					     &remote, 1, 0), len);
}

int psf_sup_mem_confirm(int listener, const struct seccomp_notif *req)
{
	return seccomp_notify_id_valid(listener, req->id) == 0 ? 0 : -ENOENT;
}
