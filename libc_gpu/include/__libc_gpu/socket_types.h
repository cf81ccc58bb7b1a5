/* The socket types several headers share (sys/socket.h, netinet/in.h,
 * netdb.h, sys/un.h), with Linux's widths. */
#ifndef __LIBC_GPU_SOCKET_TYPES_H
#define __LIBC_GPU_SOCKET_TYPES_H

typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

#endif
