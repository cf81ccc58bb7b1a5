/* struct iovec arrays as the light kernel takes them (struct lk_iovec). The
 * layouts agree, but each side reads through its own type, so the list is
 * copied rather than cast: nothing then depends on the optimizer treating
 * the two types as one. */
#ifndef LIBC_GPU_SUPPORT_IOV_LIST_H
#define LIBC_GPU_SUPPORT_IOV_LIST_H

#include <sys/uio.h>

#include <lightkernel/syscall.h>

/* Lists up to this long live on the stack. */
#define IOV_LIST_LOCAL 8

struct __iov_list {
  struct lk_iovec *items;
  int count;
  struct lk_iovec local[IOV_LIST_LOCAL];
};

/* 0, or -1 with errno: EINVAL for count < 0 or > UIO_MAXIOV, or for a total
 * past SSIZE_MAX; ENOMEM. */
int __iov_list_init(struct __iov_list *list, const struct iovec *iov, int count);
void __iov_list_free(struct __iov_list *list);

#endif
