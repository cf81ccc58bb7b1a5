/* What longjmp, _longjmp and siglongjmp share. */
#ifndef LIBC_GPU_SUPPORT_JMP_RESTORE_H
#define LIBC_GPU_SUPPORT_JMP_RESTORE_H

#include <setjmp.h>

/* Restores the mask if sigsetjmp saved it, then resumes the frame of the
 * setjmp, which returns `value`, or 1 for 0. */
_Noreturn void __jmp_restore(struct __jmp_buf_tag *env, int value);

#endif
