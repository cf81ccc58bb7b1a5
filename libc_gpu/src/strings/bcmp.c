#include <string.h>
#include <strings.h>

/* Compilers turn memcmp(...) == 0 into bcmp on targets whose C library has
 * it, the host among them. */
int bcmp(const void *lhs, const void *rhs, size_t count) {
  return memcmp(lhs, rhs, count);
}
