#include <errno.h>
#include <sys/random.h>

int getentropy(void *buffer, size_t size) {
  if (size > 256) {
    errno = EINVAL;
    return -1;
  }
  for (size_t done = 0; done < size;) {
    ssize_t got = getrandom((char *)buffer + done, size - done, 0);
    if (got < 0)
      return -1;
    if (got == 0) {
      errno = EIO;
      return -1;
    }
    done += (size_t)got;
  }
  return 0;
}
