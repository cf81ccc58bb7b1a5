/* Software fault isolation's checks (confine/confine.c), which gpu-c++ calls
 * before each access of a VM's own code that it cannot prove safe. site is
 * "file:line" of the access, or null. */
#ifndef LIGHTKERNEL_CONFINE_H
#define LIGHTKERNEL_CONFINE_H

#include <stdint.h>

/* [at, at + len) inside [start, start + size), without overflow. */
static inline int lk_within(uintptr_t at, uint64_t len, uint64_t start, uint64_t size) {
  uint64_t offset = at - start; /* wraps, and fails, below start */
  return offset <= size && len <= size - offset;
}

/* Whether the running VM may read or write [p, p + len): its slice (but
 * for writes its inbound packet ring), its stack, and for reads the image's
 * constants and the shared data set. What the kernel checks in every buffer
 * a VM hands it (EFAULT otherwise). */
int lk_may_read(const void *p, uint64_t len);
int lk_may_write(const void *p, uint64_t len);

/* The array and every buffer it names (write: the kernel fills them). */
struct lk_iovec;
int lk_may_use_iovec(const struct lk_iovec *iov, int count, int write);

void __gpuvm_confine_read(const void *p, uint64_t len, const char *site);
void __gpuvm_confine_write(void *p, uint64_t len, const char *site);

#endif
