#include <stdlib.h>

int getloadavg(double averages[], int count) {
  /* The VM's one thread is running as it asks, and no history is kept: one
   * runnable task in each average. glibc gives at most three, and none for
   * a negative count. */
  if (count > 3)
    count = 3;
  for (int i = 0; i < count; ++i)
    averages[i] = 1.0;
  return count < 0 ? 0 : count;
}
