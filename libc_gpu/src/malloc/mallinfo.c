#include <malloc.h>

struct mallinfo mallinfo(void) {
  struct mallinfo2 wide = mallinfo2();
  /* Cut to int, as glibc's old interface does past 2 GiB. */
  struct mallinfo info = {(int)wide.arena,   (int)wide.ordblks,  (int)wide.smblks,
                          (int)wide.hblks,   (int)wide.hblkhd,   (int)wide.usmblks,
                          (int)wide.fsmblks, (int)wide.uordblks, (int)wide.fordblks,
                          (int)wide.keepcost};
  return info;
}
