#include <string.h>

void explicit_bzero(void *dst, size_t count) {
  memset(dst, 0, count);
  /* the zeroing must stay, even when nothing reads the bytes again: to the
   * compiler this may read any memory the caller could see */
  __asm__ __volatile__("" : : : "memory");
}
