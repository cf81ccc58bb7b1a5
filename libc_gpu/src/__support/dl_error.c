#include "dl_error.h"

#include <stddef.h>
#include <stdio.h>

static char message[192];
static int pending;

void __dl_fail(const char *call, const char *name) {
  snprintf(message, sizeof message,
           "%s%s%s: gpuvm images are linked statically; nothing can be loaded or looked up at "
           "run time",
           call, name ? " " : "", name ? name : "");
  pending = 1;
}

char *__dl_take_error(void) {
  if (!pending)
    return NULL;
  pending = 0;
  return message;
}
