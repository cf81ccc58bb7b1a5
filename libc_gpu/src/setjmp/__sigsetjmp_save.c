#include <setjmp.h>

#include "../__support/signal_state.h"

void __sigsetjmp_save(struct __jmp_buf_tag *env, int save_mask) {
  env->__mask_was_saved = save_mask != 0;
  env->__saved_mask = save_mask ? __signal_blocked : 0;
}
