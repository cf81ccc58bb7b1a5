#include "identity.h"

#include <errno.h>

struct __identity __identity;

static int is_current(const struct __id_triple *ids, unsigned id) {
  return id == (unsigned)-1 || id == ids->real || id == ids->effective || id == ids->saved;
}

int __identity_set(struct __id_triple *ids, unsigned real, unsigned effective, unsigned saved) {
  if (__identity.user.effective != 0 &&
      !(is_current(ids, real) && is_current(ids, effective) && is_current(ids, saved))) {
    errno = EPERM;
    return -1;
  }
  if (real != (unsigned)-1)
    ids->real = real;
  if (effective != (unsigned)-1)
    ids->effective = effective;
  if (saved != (unsigned)-1)
    ids->saved = saved;
  return 0;
}
