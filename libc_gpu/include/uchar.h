/* The conversion state of multibyte functions. Only the C locale's one-byte
 * characters exist, so it carries nothing; its size is glibc's. */
#ifndef __LIBC_GPU_UCHAR_H
#define __LIBC_GPU_UCHAR_H

#include <__libc_gpu/mbstate_t.h>

#ifndef __cplusplus
typedef __UINT_LEAST16_TYPE__ char16_t;
typedef __UINT_LEAST32_TYPE__ char32_t;
#endif

#endif
