#include <aio.h>

#include "../__support/no_process.h"

int aio_fsync(int operation, struct aiocb *request) {
  (void)operation, (void)request;
  return __no_facility("aio_fsync", "a VM has one thread and no asynchronous I/O queue");
}
