#include <malloc.h>
#include <stdio.h>

void malloc_stats(void) {
  struct mallinfo2 info = mallinfo2();
  /* glibc's lines: one arena, and no mmapped regions. */
  fprintf(stderr, "Arena 0:\n");
  fprintf(stderr, "system bytes     = %10u\n", (unsigned)info.arena);
  fprintf(stderr, "in use bytes     = %10u\n", (unsigned)info.uordblks);
  fprintf(stderr, "Total (incl. mmap):\n");
  fprintf(stderr, "system bytes     = %10u\n", (unsigned)info.arena);
  fprintf(stderr, "in use bytes     = %10u\n", (unsigned)info.uordblks);
  fprintf(stderr, "max mmap regions = %10u\n", 0u);
  fprintf(stderr, "max mmap bytes   = %10lu\n", 0ul);
}
