/* Extended attributes: a VM's files keep none. Linux looks the file up
 * first, so a missing path or a bad fd fails as it would; then ENOTSUP. */
#ifndef LIBC_GPU_SUPPORT_XATTR_NONE_H
#define LIBC_GPU_SUPPORT_XATTR_NONE_H

/* -1 with errno: the lookup's (follow: whether a last symlink is
 * followed), else ENOTSUP. */
int __xattr_none_at_path(const char *path, int follow);
/* -1 with errno EBADF for a bad fd, else ENOTSUP. */
int __xattr_none_at_fd(int fd);

#endif
