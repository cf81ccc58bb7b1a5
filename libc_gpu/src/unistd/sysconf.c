#include <errno.h>
#include <unistd.h>

long sysconf(int name) {
  switch (name) {
  case _SC_ARG_MAX:
    return 2097152; /* Linux's usual value (a quarter of an 8 MiB stack) */
  case _SC_CLK_TCK:
    return 100;
  case _SC_OPEN_MAX:
    /* The VM's kernel's fd table (lightkernel/fd/fd.c); at most 64 of them
     * may be files open on the host (runtime/rpc/FileService.cpp). */
    return 65536;
  case _SC_IOV_MAX:
    return 1024; /* UIO_MAXIOV, as on Linux */
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
