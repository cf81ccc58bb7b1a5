/* The light kernel's system calls, as the host tests provide them. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <lightkernel/syscall.h>

long lk_write(int fd, const void *buf, size_t len) {
  return write(fd, buf, len);
}

/* Only an abort reaches this in the tests (a bad free, for instance). */
_Noreturn void lk_exit(int status, int kind) {
  fprintf(stderr, "libc_gpu ended the VM: status %d, kind %d\n", status, kind);
  exit(2);
}

/* The allocator test sets its own region with __heap_init before any use. */
void lk_heap_region(char **start, char **end) {
  static char region[1 << 20];
  *start = region;
  *end = region + sizeof region;
}
