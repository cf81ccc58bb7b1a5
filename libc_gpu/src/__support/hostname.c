#include "hostname.h"

#include <errno.h>
#include <gpuvm.h>
#include <lightkernel/syscall.h>
#include <stdio.h>
#include <string.h>

static char name[__HOSTNAME_MAX + 1];

const char *__hostname(void) {
  if (!name[0]) {
    const char *given = lk_hostname();
    if (given)
      snprintf(name, sizeof name, "%s", given);
    else
      snprintf(name, sizeof name, "vm%u", gpuvm_vm_id());
  }
  return name;
}

int __hostname_set(const char *text, unsigned long length) {
  if (length > __HOSTNAME_MAX) {
    errno = EINVAL;
    return -1;
  }
  memcpy(name, text, length);
  name[length] = '\0';
  return 0;
}
