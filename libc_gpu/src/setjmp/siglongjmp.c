#include <setjmp.h>

#include "../__support/jmp_restore.h"

void siglongjmp(sigjmp_buf env, int value) {
  __jmp_restore(env, value);
}
