#include "iov_list.h"

#include <errno.h>
#include <stdlib.h>

int __iov_list_init(struct __iov_list *list, const struct iovec *iov, int count) {
  if (count < 0 || count > UIO_MAXIOV) {
    errno = EINVAL;
    return -1;
  }
  size_t total = 0;
  for (int i = 0; i < count; ++i) {
    /* As Linux: the lengths must add up to at most SSIZE_MAX. */
    if (iov[i].iov_len > (size_t)__LONG_MAX__ - total) {
      errno = EINVAL;
      return -1;
    }
    total += iov[i].iov_len;
  }
  list->count = count;
  list->items = list->local;
  if (count > IOV_LIST_LOCAL) {
    list->items = (struct lk_iovec *)malloc((size_t)count * sizeof *list->items);
    if (!list->items) {
      errno = ENOMEM;
      return -1;
    }
  }
  for (int i = 0; i < count; ++i) {
    list->items[i].base = iov[i].iov_base;
    list->items[i].length = iov[i].iov_len;
  }
  return 0;
}

void __iov_list_free(struct __iov_list *list) {
  if (list->items != list->local)
    free(list->items);
}
