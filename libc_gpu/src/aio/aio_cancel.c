#include <aio.h>
#include <errno.h>
#include <fcntl.h>

int aio_cancel(int fd, struct aiocb *request) {
  if (fcntl(fd, F_GETFL) < 0)
    return -1;
  if (request && request->aio_fildes != fd) {
    errno = EINVAL;
    return -1;
  }
  /* Nothing is ever queued: glibc's answer for a request it does not hold. */
  return AIO_ALLDONE;
}
