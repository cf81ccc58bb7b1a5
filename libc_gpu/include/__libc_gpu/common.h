/* Macros every libc_gpu header uses: C linkage for C++ callers, and the
 * exception specification C++ expects of C library functions. */
#ifndef __LIBC_GPU_COMMON_H
#define __LIBC_GPU_COMMON_H

#ifdef __cplusplus
#define __LIBC_BEGIN_DECLS extern "C" {
#define __LIBC_END_DECLS }
/* C functions never throw; saying so lets C++ callers skip unwind tables. */
#define __LIBC_NOEXCEPT noexcept
#define __LIBC_NORETURN [[noreturn]]
#define __LIBC_RESTRICT __restrict
#else
#define __LIBC_BEGIN_DECLS
#define __LIBC_END_DECLS
#define __LIBC_NOEXCEPT
#define __LIBC_NORETURN _Noreturn
#define __LIBC_RESTRICT restrict
#endif

#define __LIBC_PRINTF_FORMAT(format_index, first_arg)                                              \
  __attribute__((__format__(__printf__, format_index, first_arg)))

#endif
