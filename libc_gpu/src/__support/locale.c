#include "locale.h"

#include <string.h>

const struct __locale_struct __locale_c = {"C"};
const struct __locale_struct __locale_c_utf8 = {"C.UTF-8"};

/* Plain globals: each VM has its own. */
const struct __locale_struct *__locale_global = &__locale_c;
const struct __locale_struct *__locale_current = NULL;

const struct __locale_struct *__locale_find(const char *name) {
  if (!strcmp(name, "") || !strcmp(name, "C") || !strcmp(name, "POSIX"))
    return &__locale_c;
  if (!strcmp(name, "C.UTF-8") || !strcmp(name, "C.utf8"))
    return &__locale_c_utf8;
  return NULL;
}
