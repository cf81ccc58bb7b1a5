/* The VM's file descriptors, for open, read, close and lseek and for the
 * library's own callers (stdio, opendir) under names a program cannot take.
 * The VM's kernel keeps every fd (files, sockets, epoll sets, eventfds,
 * timerfds) and its status flags. The console's rules live here: fd 0 is
 * always at end of file, and fds 0, 1 and 2 are never closed and cannot
 * seek. Each returns -1 with errno set on failure. */
#ifndef LIBC_GPU_SUPPORT_FD_H
#define LIBC_GPU_SUPPORT_FD_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

/* path is the VM's (see path.h). */
int __fd_open(const char *path, int flags, mode_t mode);
int __fd_close(int fd);
ssize_t __fd_read(int fd, void *data, size_t size);
off_t __fd_seek(int fd, off_t offset, int whence);
/* The console's fds are character devices. */
int __fd_stat(int fd, struct stat *out);

/* F_GETFL: the access mode, O_APPEND, O_NONBLOCK and O_DIRECTORY as fd has
 * them. */
int __fd_status_flags(int fd);
/* F_SETFL: O_NONBLOCK and O_APPEND change; other bits are ignored. */
int __fd_set_status_flags(int fd, int flags);
/* dup2 and dup3: fd again as new_fd, closing new_fd first (even a console
 * fd, as the program asked). */
int __fd_duplicate_to(int fd, int new_fd, int close_on_exec);

#endif
