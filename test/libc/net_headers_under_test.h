/* What net_headers_under_test.c exposes of libc_gpu's network headers. */
#ifndef LIBC_GPU_TEST_NET_HEADERS_UNDER_TEST_H
#define LIBC_GPU_TEST_NET_HEADERS_UNDER_TEST_H

#include <stddef.h>
#include <stdint.h>

/* ops: fd + 1 to FD_SET, -(fd + 1) to FD_CLR, 0 to FD_ZERO; out gets the
 * fd_set's bytes. */
void libc_gpu_test_fd_ops(const int *ops, int count, unsigned char out[128]);
int libc_gpu_test_fd_isset(const unsigned char bits[128], int fd);
/* which: 0 htons, 1 ntohs, 2 htonl, 3 ntohl (the macros). */
uint32_t libc_gpu_test_byte_order(int which, uint32_t value);
/* One bit per IN6_IS_ADDR_* macro, in the order of the file. */
int libc_gpu_test_in6_classes(const unsigned char bytes[16]);
/* which: 0 CMSG_SPACE, 1 CMSG_LEN, 2 CMSG_ALIGN. */
size_t libc_gpu_test_cmsg(int which, size_t length);
int libc_gpu_test_cmsg_walk(void *buffer, size_t size, size_t *offsets, int max);
/* The which-th size, offset or constant of the list in the .c file; -1
 * past its end. */
long libc_gpu_test_layout(int which);

#endif
