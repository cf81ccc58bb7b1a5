/* assert: no include guard, as the standard asks, so that each inclusion
 * follows the NDEBUG of that moment. */
#include <__libc_gpu/common.h>

#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
__LIBC_BEGIN_DECLS
/* Prints "file:line: function: Assertion `expr' failed." to stderr and aborts the VM. */
__LIBC_NORETURN void __assert_fail(const char *expr, const char *file, unsigned line,
                                   const char *function) __LIBC_NOEXCEPT;
__LIBC_END_DECLS
#ifdef __cplusplus
#define assert(expr)                                                                               \
  (static_cast<bool>(expr) ? void(0)                                                               \
                           : __assert_fail(#expr, __FILE__, __LINE__, __PRETTY_FUNCTION__))
#else
#define assert(expr)                                                                               \
  ((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __PRETTY_FUNCTION__))
#endif
#endif

#if !defined(__cplusplus) && (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 202311L) &&         \
    !defined(static_assert)
#define static_assert _Static_assert
#endif
