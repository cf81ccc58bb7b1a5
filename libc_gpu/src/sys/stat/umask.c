#include <sys/stat.h>

#include "../../__support/file_mode.h"

mode_t umask(mode_t mask) {
  mode_t old = __file_mode_mask;
  __file_mode_mask = mask & 0777;
  return old;
}
