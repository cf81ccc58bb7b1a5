/* The Internet checksum (RFC 1071) and the small memory helpers the stack
 * uses in place of libc's: the light kernel links no C library. */
#include "net.h"

uint32_t net_sum(uint32_t sum, const void *data, size_t length) {
  const uint8_t *p = (const uint8_t *)data;
  uint64_t wide = sum;
  size_t i = 0;
  for (; i + 1 < length; i += 2)
    wide += (uint32_t)((p[i] << 8) | p[i + 1]);
  if (i < length)
    wide += (uint32_t)(p[i] << 8);
  while (wide >> 32)
    wide = (wide & 0xffffffffu) + (wide >> 32);
  return (uint32_t)wide;
}

uint16_t net_fold(uint32_t sum) {
  while (sum >> 16)
    sum = (sum & 0xffffu) + (sum >> 16);
  return (uint16_t)~sum;
}

uint32_t net_pseudo_sum(const struct net_addr *src, const struct net_addr *dst,
                        uint32_t upper_length, uint8_t next_header) {
  uint8_t tail[8];
  net_put32(tail, upper_length);
  tail[4] = tail[5] = tail[6] = 0;
  tail[7] = next_header;
  uint32_t sum = net_sum(0, src->bytes, 16);
  sum = net_sum(sum, dst->bytes, 16);
  return net_sum(sum, tail, 8);
}

const struct net_addr net_loopback = {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}};

void net_copy(void *dst, const void *src, size_t n) {
  __builtin_memcpy(dst, src, n);
}

void net_zero(void *dst, size_t n) {
  __builtin_memset(dst, 0, n);
}
