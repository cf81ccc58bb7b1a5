#include <aio.h>

#include "../__support/no_process.h"

int aio_write(struct aiocb *request) {
  (void)request;
  return __no_facility("aio_write", "a VM has one thread and no asynchronous I/O queue");
}
