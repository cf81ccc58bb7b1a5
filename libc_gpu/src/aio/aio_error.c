#include <aio.h>
#include <errno.h>

int aio_error(const struct aiocb *request) {
  (void)request;
  /* aio_read and aio_write never queue one, so this is no request. */
  errno = EINVAL;
  return -1;
}
