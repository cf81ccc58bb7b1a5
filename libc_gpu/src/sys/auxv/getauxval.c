#include <errno.h>
#include <sys/auxv.h>

unsigned long getauxval(unsigned long type) {
  switch (type) {
  case AT_PAGESZ:
    return 4096;
  case AT_CLKTCK:
    return 100; /* sysconf(_SC_CLK_TCK) */
  /* No hardware capability is claimed; the VM starts as root and nothing
   * about its start is secure-mode. */
  case AT_HWCAP:
  case AT_HWCAP2:
  case AT_UID:
  case AT_EUID:
  case AT_GID:
  case AT_EGID:
  case AT_SECURE:
    return 0;
  }
  errno = ENOENT;
  return 0;
}
