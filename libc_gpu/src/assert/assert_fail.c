#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

void __assert_fail(const char *expr, const char *file, unsigned line, const char *function) {
  /* stderr is unbuffered: the message is out before the VM ends. */
  fprintf(stderr, "%s:%u: %s: Assertion `%s' failed.\n", file, line, function, expr);
  abort();
}
