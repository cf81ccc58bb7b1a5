#include "jmp_restore.h"

#include <signal.h>

#include "signal_mask.h"

void __jmp_restore(struct __jmp_buf_tag *env, int value) {
  if (env->__mask_was_saved) {
    sigset_t mask = {{0}};
    mask.__val[0] = env->__saved_mask;
    __signal_mask_change(SIG_SETMASK, &mask, 0);
  }
  env->__value = value ? value : 1;
  /* Restores the frame and stack pointers and jumps to the resume point of
   * the setjmp macro's __builtin_setjmp, which then reads __value. */
  __builtin_longjmp(env->__frame, 1);
}
