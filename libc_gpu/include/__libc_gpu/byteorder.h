/* htons, htonl, ntohs and ntohl, which netinet/in.h and arpa/inet.h both
 * declare. Every target is little-endian (x86-64, NVPTX, AMDGPU). The
 * macros name functions, not expressions, so that `::htons(x)` still works
 * in C++, as with glibc. */
#ifndef __LIBC_GPU_BYTEORDER_H
#define __LIBC_GPU_BYTEORDER_H

#include <__libc_gpu/common.h>

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "libc_gpu's byte order functions assume a little-endian target"
#endif

__LIBC_BEGIN_DECLS

__UINT32_TYPE__ htonl(__UINT32_TYPE__ host) __LIBC_NOEXCEPT __attribute__((__const__));
__UINT16_TYPE__ htons(__UINT16_TYPE__ host) __LIBC_NOEXCEPT __attribute__((__const__));
__UINT32_TYPE__ ntohl(__UINT32_TYPE__ network) __LIBC_NOEXCEPT __attribute__((__const__));
__UINT16_TYPE__ ntohs(__UINT16_TYPE__ network) __LIBC_NOEXCEPT __attribute__((__const__));

#ifdef __cplusplus
#define __LIBC_GPU_BSWAP_CONSTEXPR constexpr
#else
#define __LIBC_GPU_BSWAP_CONSTEXPR
#endif

static inline __LIBC_GPU_BSWAP_CONSTEXPR __UINT16_TYPE__ __libc_gpu_bswap16(__UINT16_TYPE__ value)
    __LIBC_NOEXCEPT {
  return __builtin_bswap16(value);
}
static inline __LIBC_GPU_BSWAP_CONSTEXPR __UINT32_TYPE__ __libc_gpu_bswap32(__UINT32_TYPE__ value)
    __LIBC_NOEXCEPT {
  return __builtin_bswap32(value);
}

__LIBC_END_DECLS

/* The same as macros over inline functions, as glibc does when optimizing:
 * the compiler folds a constant argument (in C++ they are constexpr). */
#ifndef htons
#define htons(x) __libc_gpu_bswap16(x)
#define ntohs(x) __libc_gpu_bswap16(x)
#define htonl(x) __libc_gpu_bswap32(x)
#define ntohl(x) __libc_gpu_bswap32(x)
#endif

#endif
