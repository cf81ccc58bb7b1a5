#include "temporary_name.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>

/* glibc's: 62 letters, and as many tries. */
#define TRIES 238328

int __temporary_name(char *pattern, int suffix, int open_flags) {
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  size_t length = strlen(pattern);
  if (suffix < 0 || length < 6 + (size_t)suffix ||
      memcmp(pattern + length - suffix - 6, "XXXXXX", 6) != 0) {
    errno = EINVAL;
    return -1;
  }
  char *x = pattern + length - suffix - 6;
  for (int attempt = 0; attempt < TRIES; ++attempt) {
    unsigned char random[6];
    if (getrandom(random, sizeof random, 0) != (ssize_t)sizeof random)
      return -1;
    for (int i = 0; i < 6; ++i)
      x[i] = letters[random[i] % 62];
    int result = open_flags < 0 ? mkdir(pattern, 0700)
                                : open(pattern, O_RDWR | O_CREAT | O_EXCL | open_flags, 0600);
    if (result >= 0 || errno != EEXIST)
      return result;
  }
  memcpy(x, "XXXXXX", 6);
  errno = EEXIST;
  return -1;
}
