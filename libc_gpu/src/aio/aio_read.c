#include <aio.h>

#include "../__support/no_process.h"

int aio_read(struct aiocb *request) {
  (void)request;
  return __no_facility("aio_read", "a VM has one thread and no asynchronous I/O queue");
}
