#include <aio.h>

#include "../__support/no_process.h"

int aio_suspend(const struct aiocb *const list[], int count, const struct timespec *timeout) {
  (void)list, (void)count, (void)timeout;
  return __no_facility("aio_suspend", "a VM has one thread and no asynchronous I/O queue");
}
