/*
 * The names libportsaf.so defines in place of libc's.  Besides the
 * standard ones (declared by <sys/socket.h>, <unistd.h>, <fcntl.h>), glibc
 * exports aliases a program can link against directly: __connect, __close,
 * __dup2 and __fcntl.  (__send and send carry no destination; a connected
 * socket's destination was checked at connect.  glibc's internal calls,
 * e.g. inside getaddrinfo, never go through exported names.)
 */
#ifndef PSF_PRELOAD_EXPORTS_H
#define PSF_PRELOAD_EXPORTS_H

#include <sys/socket.h>

#define PSF_EXPORT __attribute__((visibility("default")))

PSF_EXPORT int __connect(int fd, const struct sockaddr *sa, socklen_t len);
PSF_EXPORT int __close(int fd);
PSF_EXPORT int __dup2(int fd, int fd2);
PSF_EXPORT int __fcntl(int fd, int cmd, ...);

#endif
