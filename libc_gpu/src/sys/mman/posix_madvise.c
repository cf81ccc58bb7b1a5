#include <errno.h>
#include <sys/mman.h>

/* POSIX's answer is the error number; glibc makes POSIX_MADV_DONTNEED a
 * no-op (it must not discard data), and so does this. */
int posix_madvise(void *address, size_t length, int advice) {
  if (advice == POSIX_MADV_DONTNEED)
    advice = MADV_NORMAL;
  if (advice < POSIX_MADV_NORMAL || advice > POSIX_MADV_DONTNEED)
    return EINVAL;
  return madvise(address, length, advice) < 0 ? errno : 0;
}
