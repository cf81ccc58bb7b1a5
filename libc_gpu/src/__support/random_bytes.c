#include "random_bytes.h"

#include <lightkernel/syscall.h>

#include "fatal.h"

#define POOL_BYTES 256

static unsigned char pool[POOL_BYTES];
static size_t pool_left;

static void fill(unsigned char *out, size_t size) {
  while (size > 0) {
    long got = lk_getrandom(out, size);
    if (got <= 0)
      __libc_fatal("Fatal glibc error: cannot get entropy for arc4random\n");
    out += got;
    size -= (size_t)got;
  }
}

void __random_bytes(void *out, size_t size) {
  unsigned char *bytes = out;
  /* Large requests go straight to the host rather than through the pool. */
  if (size >= POOL_BYTES) {
    fill(bytes, size);
    return;
  }
  while (size > 0) {
    if (pool_left == 0) {
      fill(pool, POOL_BYTES);
      pool_left = POOL_BYTES;
    }
    size_t take = size < pool_left ? size : pool_left;
    unsigned char *from = pool + POOL_BYTES - pool_left;
    for (size_t i = 0; i < take; ++i) {
      bytes[i] = from[i];
      from[i] = 0;
    }
    bytes += take;
    size -= take;
    pool_left -= take;
  }
}
