#include <errno.h>
#include <fcntl.h>

#include "../__support/splice_ends.h"

ssize_t splice(int in, off_t *in_offset, int out, off_t *out_offset, size_t length,
               unsigned int flags) {
  if (length == 0)
    return 0;
  int error = EINVAL;
  mode_t in_kind, out_kind;
  if (!(flags & ~(unsigned)__SPLICE_FLAGS)) {
    error = __splice_ends(in, out, &in_kind, &out_kind);
    if (!error && ((in_kind == S_IFIFO && in_offset) || (out_kind == S_IFIFO && out_offset)))
      error = ESPIPE;
    else if (!error)
      error = EINVAL; /* no fd here is a pipe Linux could splice */
  }
  errno = error;
  return -1;
}
