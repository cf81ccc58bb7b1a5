#include <errno.h>
#include <unistd.h>

long sysconf(int name) {
  switch (name) {
  case _SC_ARG_MAX:
    return 2097152; /* Linux's usual value (a quarter of an 8 MiB stack) */
  case _SC_CLK_TCK:
    return 100;
  case _SC_OPEN_MAX:
    /* The console's 3 fds and the 64 files the runtime lets a VM hold open
     * (runtime/rpc/FileService.cpp). */
    return 67;
  case _SC_PAGESIZE:
    return 4096;
  case _SC_NPROCESSORS_CONF:
  case _SC_NPROCESSORS_ONLN:
    return 1; /* a VM is one thread */
  case _SC_LINE_MAX:
    return 2048;
  case _SC_HOST_NAME_MAX:
    return 64;
  default:
    errno = EINVAL;
    return -1;
  }
}
