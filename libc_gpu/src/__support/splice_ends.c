#include "splice_ends.h"

#include <errno.h>
#include <fcntl.h>

#include "fd_kind.h"

int __splice_ends(int in, int out, mode_t *in_kind, mode_t *out_kind) {
  int in_flags = fcntl(in, F_GETFL);
  int out_flags = fcntl(out, F_GETFL);
  if (in_flags < 0 || out_flags < 0 || (in_flags & O_ACCMODE) == O_WRONLY ||
      (out_flags & O_ACCMODE) == O_RDONLY)
    return EBADF;
  *in_kind = __fd_kind(in);
  *out_kind = __fd_kind(out);
  return 0;
}
