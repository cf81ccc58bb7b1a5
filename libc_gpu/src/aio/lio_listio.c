#include <aio.h>
#include <errno.h>

#include "../__support/no_process.h"

int lio_listio(int mode, struct aiocb *const list[], int count, struct sigevent *event) {
  (void)list, (void)count, (void)event;
  /* glibc checks the mode before it queues anything. */
  if (mode != LIO_WAIT && mode != LIO_NOWAIT) {
    errno = EINVAL;
    return -1;
  }
  return __no_facility("lio_listio", "a VM has one thread and no asynchronous I/O queue");
}
