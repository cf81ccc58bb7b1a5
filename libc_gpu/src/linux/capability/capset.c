#include <errno.h>
#include <linux/capability.h>
#include <stddef.h>
#include <unistd.h>

#include "../../__support/capabilities.h"

int capset(cap_user_header_t header, const cap_user_data_t data) {
  if (!header) {
    errno = EFAULT;
    return -1;
  }
  int words = __capability_words(header->version);
  if (!words) {
    header->version = _LINUX_CAPABILITY_VERSION_3;
    errno = EINVAL;
    return -1;
  }
  /* Linux lets a process change only its own sets. */
  if (header->pid != 0 && header->pid != getpid()) {
    errno = EPERM;
    return -1;
  }
  if (!data) {
    errno = EFAULT;
    return -1;
  }
  struct __capability_sets sets = {0, 0, 0};
  for (int i = 0; i < words; ++i) {
    sets.effective |= (uint64_t)data[i].effective << (32 * i);
    sets.permitted |= (uint64_t)data[i].permitted << (32 * i);
    sets.inheritable |= (uint64_t)data[i].inheritable << (32 * i);
  }
  int error = __capabilities_set(&sets);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
