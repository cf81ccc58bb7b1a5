/* Unix domain socket addresses. A VM has no AF_UNIX sockets (socket() fails
 * with EAFNOSUPPORT); the structure is here so that code naming it builds. */
#ifndef __LIBC_GPU_SYS_UN_H
#define __LIBC_GPU_SYS_UN_H

#include <__libc_gpu/socket_types.h>

struct sockaddr_un {
  sa_family_t sun_family;
  char sun_path[108];
};

#endif
