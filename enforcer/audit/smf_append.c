/*
 * The SMF file itself (smf80.md section 1): records are appended whole
 * with one write() on an O_APPEND descriptor.  The kernel positions and
 * writes an O_APPEND write to a regular file as one step, so records from
 * threads and processes sharing the file never interleave.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "audit.h"

int psf_smf_open(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);

	return fd < 0 ? -errno : fd;
}

int psf_smf_append(int fd, const uint8_t *rec, size_t len)
{
	for (;;) {
		ssize_t n = write(fd, rec, len);

		if (n == (ssize_t)len)
			return 0;
		if (n >= 0)
			/* Completing it would put the rest after another
			 * writer's record: a torn record is worse than a
			 * truncated one, which the reader reports. */
			return -EIO;
		if (errno != EINTR)
			return -errno;
	}
}
