#include <malloc.h>
#include <string.h>

#include "../__support/heap.h"

struct mallinfo2 mallinfo2(void) {
  struct mallinfo2 info;
  memset(&info, 0, sizeof info);
  info.arena = __heap_total_bytes();
  info.fordblks = __heap_free_bytes();
  info.uordblks = info.arena - info.fordblks;
  info.ordblks = __heap_free_chunks();
  return info;
}
