/* What the network test programs share: VM k's address in the prefix the
 * test passes, deterministic data, and failing loudly. The programs are
 * plain POSIX: the same source runs natively on Linux, which is how the
 * tests' own expectations are checked. */
#ifndef GPUVM_TEST_NET_H
#define GPUVM_TEST_NET_H

#define _GNU_SOURCE /* accept4 natively */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define DIE(...)                                                                                   \
  do {                                                                                             \
    printf("FAIL line %d: ", __LINE__);                                                            \
    printf(__VA_ARGS__);                                                                           \
    printf(" (errno %d %s)\n", errno, strerror(errno));                                            \
    exit(1);                                                                                       \
  } while (0)

/* "fd00::" + 0x100 + vm, or a whole address when vm < 0. */
static inline struct sockaddr_in6 vm_address(const char *prefix, long vm, unsigned port) {
  struct sockaddr_in6 sa;
  memset(&sa, 0, sizeof sa);
  sa.sin6_family = AF_INET6;
  sa.sin6_port = htons((uint16_t)port);
  if (inet_pton(AF_INET6, prefix, &sa.sin6_addr) != 1)
    DIE("bad address %s", prefix);
  if (vm >= 0) {
    uint32_t low = 0x100u + (uint32_t)vm;
    sa.sin6_addr.s6_addr[12] = (uint8_t)(low >> 24);
    sa.sin6_addr.s6_addr[13] = (uint8_t)(low >> 16);
    sa.sin6_addr.s6_addr[14] = (uint8_t)(low >> 8);
    sa.sin6_addr.s6_addr[15] = (uint8_t)low;
  }
  return sa;
}

/* A byte stream anyone can regenerate from its seed (xorshift64*). */
struct stream {
  uint64_t state;
};
static inline void stream_fill(struct stream *s, unsigned char *out, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    s->state ^= s->state >> 12;
    s->state ^= s->state << 25;
    s->state ^= s->state >> 27;
    out[i] = (unsigned char)((s->state * 0x2545F4914F6CDD1Dull) >> 56);
  }
}

#endif
