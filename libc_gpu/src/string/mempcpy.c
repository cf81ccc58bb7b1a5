#include <string.h>

void *mempcpy(void *__LIBC_RESTRICT dst, const void *__LIBC_RESTRICT src, size_t count) {
  return (char *)memcpy(dst, src, count) + count;
}
