/* Non-local jumps, on the host target (x86-64) only. */
#ifndef __LIBC_GPU_SETJMP_H
#define __LIBC_GPU_SETJMP_H

#if defined(__NVPTX__) || defined(__AMDGPU__)
/* clang-format off */
#error "setjmp/longjmp are not available on GPU targets (nvptx, amdgcn): GPU threads cannot restore a saved stack"
/* clang-format on */
#endif

#include <__libc_gpu/common.h>

/* The frame to resume (five words: what the compiler's __builtin_setjmp
 * keeps), the value setjmp then returns, and whether sigsetjmp saved the
 * signal mask (signals 1..64), and the mask. */
struct __jmp_buf_tag {
  void *__frame[5];
  int __value;
  int __mask_was_saved;
  unsigned long __saved_mask;
};
typedef struct __jmp_buf_tag jmp_buf[1];
typedef struct __jmp_buf_tag sigjmp_buf[1];

__LIBC_BEGIN_DECLS

/* Records (save_mask non-zero) or forgets the signal mask in env. */
void __sigsetjmp_save(struct __jmp_buf_tag *env, int save_mask) __LIBC_NOEXCEPT;
/* Returns to the setjmp that filled `env`, which then returns `value` (1 for
 * 0); restores the signal mask if sigsetjmp saved it. longjmp and siglongjmp
 * are the same, as in glibc. The frame of that setjmp must still be live. */
__LIBC_NORETURN void longjmp(jmp_buf env, int value) __LIBC_NOEXCEPT;
__LIBC_NORETURN void _longjmp(jmp_buf env, int value) __LIBC_NOEXCEPT;
__LIBC_NORETURN void siglongjmp(sigjmp_buf env, int value) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

/* Macros, as C allows: the compiler's __builtin_setjmp must sit in the frame
 * that resumes, and it makes the compiler keep nothing in registers across
 * the call (the registers need no saving; gpu-c++ has no assembler for inline
 * asm). setjmp and _setjmp leave the signal mask alone, as glibc's do. */
#define sigsetjmp(env, save_mask)                                                                  \
  (__sigsetjmp_save((env), (save_mask)), __builtin_setjmp((env)->__frame) ? (env)->__value : 0)
#define setjmp(env) sigsetjmp((env), 0)
#define _setjmp(env) sigsetjmp((env), 0)

#endif
