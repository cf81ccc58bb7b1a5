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

#if defined(__NVPTX__) || defined(__AMDGPU__)
/* LLVM lowers a copy of unknown length to a loop of single bytes on nvptx
 * and amdgcn, and a GPU pays per access: words where source and destination
 * share their alignment, as libc_gpu's memcpy. no_builtin keeps the loops
 * from being turned back into that copy. */
__attribute__((no_builtin("memcpy"))) void net_copy(void *dst, const void *src, size_t n) {
  uint8_t *d = (uint8_t *)dst;
  const uint8_t *s = (const uint8_t *)src;
  if ((((uintptr_t)d ^ (uintptr_t)s) & 7) == 0) {
    for (; n && ((uintptr_t)s & 7); --n)
      *d++ = *s++;
    for (; n >= 8; n -= 8, d += 8, s += 8)
      *(uint64_t *)(void *)d = *(const uint64_t *)(const void *)s;
  }
  for (; n; --n)
    *d++ = *s++;
}
#else
void net_copy(void *dst, const void *src, size_t n) {
  __builtin_memcpy(dst, src, n);
}
#endif

void net_zero(void *dst, size_t n) {
  __builtin_memset(dst, 0, n);
}
