#include <errno.h>
#include <linux/capability.h>
#include <stddef.h>
#include <unistd.h>

#include "../../__support/capabilities.h"

int capget(cap_user_header_t header, cap_user_data_t data) {
  if (!header) {
    errno = EFAULT;
    return -1;
  }
  int words = __capability_words(header->version);
  if (!words) {
    header->version = _LINUX_CAPABILITY_VERSION_3;
    /* Asking for the version alone, with no data, is no error. */
    if (!data)
      return 0;
    errno = EINVAL;
    return -1;
  }
  if (!data)
    return 0;
  if (header->pid < 0) {
    errno = EINVAL;
    return -1;
  }
  if (header->pid != 0 && header->pid != getpid()) {
    errno = ESRCH;
    return -1;
  }
  struct __capability_sets sets;
  __capabilities_get(&sets);
  for (int i = 0; i < words; ++i) {
    data[i].effective = (uint32_t)(sets.effective >> (32 * i));
    data[i].permitted = (uint32_t)(sets.permitted >> (32 * i));
    data[i].inheritable = (uint32_t)(sets.inheritable >> (32 * i));
  }
  return 0;
}
